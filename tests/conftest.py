"""Shared test set-up: Qt runs offscreen, no test touches the user's settings,
and paths to the bundled data."""

import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the large-file cache goes to a private temporary folder for the whole
# session (and the command-line runs it starts): never the user's own cache
_CACHE_DIR = tempfile.mkdtemp(prefix="timeline-viewer-cache-")
os.environ["TIMELINE_VIEWER_CACHE_DIR"] = _CACHE_DIR

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session", autouse=True)
def private_cache():
    """The session's cache folder (see above), removed at the end."""
    yield _CACHE_DIR
    shutil.rmtree(_CACHE_DIR, ignore_errors=True)


FONTS = DATA / "fonts"
TEST_FONT = "DejaVu Sans"


@pytest.fixture(scope="session")
def pinned_font(qapp):
    """Text metrics are measured with the font the app asks for (DejaVu Sans,
    shipped in ``tests/data/fonts``), whatever the machine's default
    sans-serif is (Noto Sans once ``fonts-noto-core`` is installed): the
    font files are registered with Qt and made the application font, so
    ``QFont()`` (axis ticks, track names) is DejaVu Sans too.  Proved by
    running ``tools/check_fonts.sh`` (the widget tests under a Noto default)."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

    for ttf in sorted(FONTS.glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(ttf)) < 0:
            raise RuntimeError(f"{ttf}: Qt could not load this test font")
    font = QFont(TEST_FONT)
    font.setPointSizeF(qapp.font().pointSizeF())
    qapp.setFont(font)
    assert QFontInfo(QFont()).family() == TEST_FONT, "the test font did not become the default"
    return TEST_FONT


@pytest.fixture
def bundled_path() -> str:
    from viewer.app import bundled_timeline_path

    return bundled_timeline_path()


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory):
    """Point QSettings (recent files, ...) at a temporary folder for every test,
    including command-line tests that open files in-process; the user's own
    Open Recent list is never written by the test suite."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch):
    """Autosave and crash-recovery files go to a temporary folder, never the
    user's data directory (``TIMELINE_VIEWER_DATA_DIR``)."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("TIMELINE_VIEWER_DATA_DIR", str(folder))
    yield folder


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch):
    """A window closed with unsaved edits (a test that double-clicked in a lane)
    would ask Save / Discard / Cancel in a modal dialog nobody answers: tests
    discard unless they set their own answer."""
    from viewer.ui.authoring import Authoring

    monkeypatch.setattr(Authoring, "ask_unsaved", lambda self: "discard")
    monkeypatch.setattr(Authoring, "confirm", lambda self, box: True)


@pytest.fixture
def open_window(qtbot):
    """``open_window(timeline, size=(1600, 900), path="", loader=None)``: a main
    window on ``timeline`` (pixels), shown offscreen and exposed.  The loader
    (File > Open, reload) defaults to giving the same timeline back."""
    from viewer.ui.main_window import MainWindow

    def make(timeline, size=(1600, 900), path="", loader=None):
        w = MainWindow(timeline, loader or (lambda _p: timeline), path)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        return w

    return make
