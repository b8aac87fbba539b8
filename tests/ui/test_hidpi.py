"""HiDPI (display scale 2): markers drawn at the device pixel ratio, screenshots compared in logical pixels."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtGui import QImage

from ..conftest import ROOT

_PROBE = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from viewer.app import bundled_timeline_path
from viewer.io import read_timeline
from viewer.ui.main_window import MainWindow
app = QApplication(["probe"])
p = bundled_timeline_path()
w = MainWindow(read_timeline(p), read_timeline, p)
w.resize(1200, 700)
w.show()
for _ in range(4):
    app.processEvents()
image = w.grab().toImage()
dpr = image.devicePixelRatio()
pixmaps = [pm for pm in w.view.events_item._pixmaps.values()]
side = int(2 * w.view.style_.marker_px + 6)
print(json.dumps({"dpr": dpr, "pixmap_dprs": sorted({pm.devicePixelRatio() for pm in pixmaps}),
                  "pixmap_widths": sorted({pm.width() for pm in pixmaps}), "side": side}))
"""


def _env(scale: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    return env


def test_markers_are_drawn_at_the_device_pixel_ratio(tmp_path):
    out = subprocess.run([sys.executable, "-c", _PROBE], env=_env("2"), cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    assert probe["dpr"] == 2.0
    # every stamped marker was drawn with twice the pixels (a 1x one scaled up looks blocky)
    assert probe["pixmap_dprs"] == [2.0], probe
    assert probe["pixmap_widths"] == [2 * probe["side"]], probe


def test_a_2x_screenshot_is_not_mistaken_for_a_failure(tmp_path):
    shot = tmp_path / "s.png"
    out = subprocess.run([sys.executable, "-m", "viewer", "--screenshot", str(shot), "--size", "800x500"],
                         env=_env("2"), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "could not be made" not in out.stderr and "scaled" not in out.stderr
    assert "800x500 at display scale 2" in out.stdout
    assert QImage(str(shot)).size().toTuple() == (1600, 1000)  # the detail a 2x screen shows
