"""Export as… into a format that cannot hold everything: the banner names how many lines were
left out, shows the first ones, and Show all lists every one of them (as ``convert`` does), so
none is out of the user's reach; a message that fits whole has no Show all."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from viewer.io.native import timeline_from_dict
from viewer.io.registry import write_timeline


def _bce(n: int):
    return timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "Ancient battles",
        "tracks": [{"id": "t", "label": "Battles"}],
        "events": [{"id": f"e{i}", "track": "t", "title": f"Battle {i}", "start": {"edtf": f"-00{10 + i}"}}
                   for i in range(n)]})


def test_every_line_an_export_leaves_out_can_be_read_in_the_banner(open_window, qtbot, tmp_path):
    tl = _bce(9)
    w = open_window(tl, size=(1366, 768))
    left_out = w.files.export_timeline(str(tmp_path / "battles.ics"))
    expected = write_timeline(tl, str(tmp_path / "again.ics"))  # what the command line lists
    assert left_out == expected and len(left_out) == 9
    banner = w.files.banner
    assert banner.isVisible()
    assert "left out (9)" in banner.label.text() and re.search(r"… and \d+ more", banner.label.text())
    assert "Battle 8" not in banner.label.text()  # the strip shows the first lines ...
    assert banner.all_button.isVisible()
    qtbot.mouseClick(banner.all_button, Qt.MouseButton.LeftButton)  # ... Show all: every one
    assert banner.details.isVisible()
    shown = banner.details.toPlainText().splitlines()
    for line in left_out:
        assert line in shown
    qtbot.mouseClick(banner.all_button, Qt.MouseButton.LeftButton)  # back to the first lines
    assert not banner.details.isVisible() and banner.label.isVisible()


def test_a_short_loss_message_has_no_show_all(open_window, tmp_path):
    w = open_window(_bce(2), size=(1366, 768))
    left_out = w.files.export_timeline(str(tmp_path / "battles.ics"))
    banner = w.files.banner
    assert len(left_out) == 2 and all(line in banner.label.text() for line in left_out)
    assert not banner.all_button.isVisible()


def test_a_long_loss_message_leaves_the_timeline_most_of_a_small_window(open_window, qtbot, tmp_path):
    """13 long loss lines used to take half of a 1366x768 window (lanes squeezed into +2 badges):
    the strip shows at most about four lines, the rest behind Show all."""
    tl = timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "Long titles",
        "tracks": [{"id": "t", "label": "Talks"}],
        "events": [{"id": f"event-with-a-long-identifier-{i}", "track": "t",
                    "title": f"Talks number {i} between the delegations about the exercise and its planned end",
                    "start": {"edtf": f"[..2022-02-1{i % 10}]"}} for i in range(13)]})
    w = open_window(tl, size=(1366, 768))
    left_out = w.files.export_timeline(str(tmp_path / "talks.ics"))
    assert len(left_out) == 13
    qtbot.wait(50)
    banner = w.files.banner
    assert banner.isVisible()
    rows = banner.label.height() / banner.label.fontMetrics().lineSpacing()
    assert rows <= 4.5, f"the banner shows {rows:.1f} lines"
    assert banner.height() < 0.2 * w.height()
    assert "(Show all)" in banner.label.text() and banner.all_button.isVisible()
    qtbot.mouseClick(banner.all_button, Qt.MouseButton.LeftButton)
    shown = banner.details.toPlainText().splitlines()
    assert all(line in shown for line in left_out)
