"""Issue 10: a 400-character story title made a present-mode screenshot
5,648 px wide; the window now keeps its size (the header wraps the title)."""

import dataclasses

from PySide6.QtGui import QImage

from viewer.app import main
from viewer.io import read_timeline, write_timeline
from viewer.ui.present import PresentWindow


def _long_story_timeline(bundled_path, title):
    tl = read_timeline(bundled_path)
    story = dataclasses.replace(tl.stories[0], title=title)
    return dataclasses.replace(tl, stories=(story,))


def test_a_400_character_story_title_never_widens_the_present_window(qtbot, bundled_path):
    title = "Long " * 80
    pw = PresentWindow(_long_story_timeline(bundled_path, title), _long_story_timeline(bundled_path, title).stories[0])
    qtbot.addWidget(pw)
    pw.resize(1366, 768)
    pw.show()
    qtbot.waitExposed(pw)
    qtbot.wait(20)
    assert pw.width() == 1366 and pw.minimumSizeHint().width() <= 1366
    assert "1 / 12" in pw.header.text()  # the step counter is still there
    assert pw.header.geometry().right() <= pw.width()


def test_present_screenshot_with_a_long_unbroken_title_has_the_requested_size(tmp_path, bundled_path):
    path = tmp_path / "long.timeline.json"
    write_timeline(_long_story_timeline(bundled_path, "X" * 400), str(path))
    out = tmp_path / "shot.png"
    assert main([str(path), "--present", "--screenshot", str(out), "--size", "1366x768"]) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1366, 768)
