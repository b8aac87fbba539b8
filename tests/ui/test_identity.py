"""An application that knows its name: --version, QApplication identity, icon,
.desktop file with the MIME type, packaging metadata, standard keys."""

import configparser
import xml.etree.ElementTree as ET
from importlib import metadata

import pytest
from PySide6.QtGui import QKeySequence

import viewer
from viewer.app import main
from viewer.ui.identity import APP_NAME, MIME_TYPE, app_icon, set_identity

from ..conftest import ROOT


def test_version_flag_prints_the_one_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"timeline-viewer {viewer.__version__}"
    assert metadata.version("timeline-viewer") == viewer.__version__  # pyproject reads the same place


def test_pyproject_has_spdx_license_file_and_classifiers():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    assert "version" in project["dynamic"] and "version" not in project
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert any(c.startswith("Environment :: X11 Applications :: Qt") for c in project["classifiers"])


def test_qapplication_identity_and_icon(qapp):
    set_identity(qapp)
    assert qapp.applicationName() == APP_NAME
    assert qapp.organizationName() == "timeline-viewer"
    assert qapp.applicationVersion() == viewer.__version__
    assert qapp.desktopFileName() == "timeline-viewer"
    image = app_icon().pixmap(64, 64).toImage()
    assert image.width() == 64
    # drawn, not empty: the corner is transparent, the middle is painted
    assert image.pixelColor(0, 0).alpha() == 0 and image.pixelColor(32, 32).alpha() == 255


def test_install_desktop_writes_launcher_icon_and_mime_type(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop"]) == 0
    desktop = tmp_path / "applications" / "timeline-viewer.desktop"
    assert str(desktop) in capsys.readouterr().out
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Name"] == APP_NAME and d["Icon"] == "timeline-viewer"
    assert d["Exec"].endswith(" %f") and d["Exec"].startswith("/")  # absolute: works outside the venv's PATH
    assert MIME_TYPE in d["MimeType"].split(";")
    assert (tmp_path / "icons/hicolor/scalable/apps/timeline-viewer.svg").read_bytes().startswith(b"<?xml")
    mime = ET.parse(tmp_path / "mime/packages/timeline-viewer.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind.get("type") == MIME_TYPE
    assert kind.find("m:glob", ns).get("pattern") == "*.timeline.json"


def test_the_installed_launcher_starts_this_installation(tmp_path, capsys, monkeypatch):
    """The menu entry's command runs where nothing is on PATH (a desktop's launcher): it was the
    virtual environment's python resolved to the base interpreter, which failed with
    'No module named viewer' (newcomer11)."""
    import shlex
    import subprocess

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop"]) == 0
    capsys.readouterr()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(tmp_path / "applications" / "timeline-viewer.desktop", encoding="utf-8")
    argv = shlex.split(entry["Desktop Entry"]["Exec"])
    assert argv[-1] == "%f"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([*argv[:-1], "--version"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert viewer.__version__ in run.stdout


def _keys(window, text):
    act = next(a for a in window.actions() if a.text().split("\t")[0] == text)
    return [k.toString(QKeySequence.SequenceFormat.PortableText) for k in act.shortcuts()]


def test_standard_key_sequences_come_first(make_window):
    w = make_window()
    for text, standard, ours in (("Find…", QKeySequence.StandardKey.Find, "Ctrl+F"),
                                 ("Next match", QKeySequence.StandardKey.FindNext, "F3"),
                                 ("Previous match", QKeySequence.StandardKey.FindPrevious, "Shift+F3"),
                                 ("Zoom in", QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
                                 ("Zoom out", QKeySequence.StandardKey.ZoomOut, "Ctrl+-")):
        keys = _keys(w, text)
        platform = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in QKeySequence.keyBindings(standard)]
        assert keys[:len(platform)] == platform, text
        assert ours in keys, text
