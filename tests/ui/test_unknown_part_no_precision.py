"""A date with an unknown month or year (``2023-XX-10``, ``XXXX-06-10``) is not "to the day": the
detail pane and the Edit tab's reading said "the 10th of an unknown month of 2023 (to the day)",
claiming a precision the source never gave (breakit7 #9).  They now say which parts are known and
no precision; a date known to the day still says "(to the day)"."""

from __future__ import annotations

from viewer.io.native import timeline_from_dict


def test_the_detail_pane_and_edit_tab_give_no_precision_for_unknown_parts(open_window, qtbot):
    tl = timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "Unknown parts",
        "tracks": [{"id": "t", "label": "Track"}],
        "events": [{"id": "a", "track": "t", "title": "Raid", "start": {"edtf": "2023-XX-10"}},
                   {"id": "b", "track": "t", "title": "Thaw", "start": {"edtf": "XXXX-06-10"}},
                   {"id": "c", "track": "t", "title": "Talks", "start": {"edtf": "2023-06-10"}}]})
    w = open_window(tl, size=(1366, 768))
    for eid, words in (("a", "the 10th of an unknown month of 2023"), ("b", "10 June of an unknown year")):
        w.state.selected = eid
        pane = w.details.toPlainText()
        assert words in pane
        assert words + " (to the" not in pane
        reading = w.edit_form.readings["start"].text()
        assert reading.splitlines()[0] == words
    w.state.selected = "c"
    assert "Sat 10 Jun 2023 (to the day)" in w.details.toPlainText()
    assert w.edit_form.readings["start"].text().splitlines()[0] == "Sat 10 Jun 2023 (to the day)"
