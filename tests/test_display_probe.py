"""A named display that nothing answers on: a hint and exit 2, not Qt's core dump."""

import os
import socket
import subprocess
import sys

import pytest

from viewer.app import _unreachable_display

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X displays: Linux")

FREE = next(n for n in range(4711, 4800) if not os.path.exists(f"/tmp/.X11-unix/X{n}"))


def _env(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = display
    return env


def test_an_unreachable_display_exits_2_with_the_hint_not_a_core_dump():
    """DISPLAY=:99 with no X server: Qt aborted (exit 134, core dump) with no hint."""
    got = subprocess.run([sys.executable, "-m", "viewer"], env=_env(f":{FREE}"), capture_output=True,
                         text=True, timeout=120)
    assert got.returncode == 2, got.stderr
    assert f"DISPLAY=:{FREE}: no X server answers at /tmp/.X11-unix/X{FREE}" in got.stderr
    assert "--screenshot OUT.png" in got.stderr and "QT_QPA_PLATFORM" in got.stderr


def test_a_display_that_answers_is_not_refused(monkeypatch):
    """The probe only connects to the named display's own socket (here Linux's abstract
    twin of /tmp/.X11-unix/X<n>): a listening server is reachable."""
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", f":{FREE}.0")
    assert "no X server answers" in (_unreachable_display() or "")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{FREE}")
        server.listen(1)
        assert _unreachable_display() is None
    monkeypatch.setenv("DISPLAY", "far.example.org:0")  # another host: never probed (no network)
    assert _unreachable_display() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # a chosen platform: nothing to probe
    monkeypatch.setenv("DISPLAY", f":{FREE}")
    assert _unreachable_display() is None


def _run(**env_changes: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY")}
    env.update(env_changes)
    return subprocess.run([sys.executable, "-m", "viewer"], env=env, capture_output=True, text=True, timeout=120)


def test_a_display_name_x_cannot_parse_exits_2_saying_so():
    """DISPLAY=garbage:::x aborted Qt (exit 134)."""
    got = _run(DISPLAY="garbage:::x")
    assert got.returncode == 2, got.stderr
    assert "DISPLAY='garbage:::x' is not a display name: X writes one [HOST]:NUMBER[.SCREEN]" in got.stderr


def test_qt_platform_xcb_with_an_unreachable_display_is_probed_too():
    """QT_QPA_PLATFORM=xcb used to skip the probe: DISPLAY=:99 then aborted Qt (exit 134)."""
    got = _run(DISPLAY=f":{FREE}", QT_QPA_PLATFORM="xcb")
    assert got.returncode == 2, got.stderr
    assert f"DISPLAY=:{FREE}: no X server answers at /tmp/.X11-unix/X{FREE}" in got.stderr
    got = _run(QT_QPA_PLATFORM="xcb")
    assert got.returncode == 2, got.stderr
    assert "QT_QPA_PLATFORM=xcb draws on an X display, and DISPLAY is not set" in got.stderr


def test_an_unknown_qt_platform_is_named_with_the_platforms_there_are():
    """QT_QPA_PLATFORM=bogus aborted Qt (exit 134)."""
    got = _run(QT_QPA_PLATFORM="bogus")
    assert got.returncode == 2, got.stderr
    line = next(ln for ln in got.stderr.splitlines() if "bogus" in ln)
    assert line.startswith("timeline-viewer: QT_QPA_PLATFORM='bogus' names no Qt platform there is; "
                           "the platforms are: ")
    assert "offscreen" in line and "xcb" in line and "wayland" in line and "minimal" in line


def test_a_missing_x_library_exits_2_naming_the_package_not_a_core_dump(tmp_path):
    """Qt 6.5+ needs libxcb-cursor0 for X, which a fresh Debian/Ubuntu may lack: Qt printed
    one line and aborted (exit 134, core dump).  Here the library is made unloadable with a
    broken copy first on LD_LIBRARY_PATH, and the display answers (a listening socket)."""
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{FREE}")
        server.listen(1)
        got = _run(DISPLAY=f":{FREE}", LD_LIBRARY_PATH=str(tmp_path))
    assert got.returncode == 2, got.stderr
    line = next(ln for ln in got.stderr.splitlines() if ln.startswith("timeline-viewer:"))
    assert "Qt's X11 platform plugin cannot be loaded" in line
    assert "libxcb-cursor.so.0" in line and "(on Debian/Ubuntu: libxcb-cursor0)" in line
    assert "--screenshot OUT.png" in line
