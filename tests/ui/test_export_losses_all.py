"""Export as… into a format that cannot hold everything: the banner names how many lines were
left out, shows the first ones, and Show all lists every one of them (as ``convert`` does), so
none is out of the user's reach; a message that fits whole has no Show all."""

from __future__ import annotations

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
    assert "left out (9)" in banner.label.text() and "… and 3 more" in banner.label.text()
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
