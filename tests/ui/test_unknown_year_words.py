"""``XXXX-02-XX`` (February, year and day unknown): the detail pane and the Events tab say what
is known, February of an unknown year, and nothing more (they said "Tue 1 Feb 1 BCE – Sun 28 Feb
9999", to the day)."""

from __future__ import annotations

from viewer.io.native import timeline_from_dict


def test_the_detail_pane_and_events_tab_say_february_of_an_unknown_year(open_window, qtbot):
    tl = timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "Unknown year",
        "tracks": [{"id": "t", "label": "Track"}],
        "events": [{"id": "a", "track": "t", "title": "Thaw", "start": {"edtf": "XXXX-02-XX"}},
                   {"id": "b", "track": "t", "title": "Talks", "start": {"edtf": "2022-02-10"}}]})
    w = open_window(tl, size=(1366, 768))
    w.state.selected = "a"
    text = w.details.toPlainText()
    assert "February of an unknown year" in text and "(to the" not in text.split("February of an unknown year")[1][:12]
    assert "9999" not in text and "BCE" not in text
    model = w.event_list.source_model
    assert model.data(model.index(model.row_of("a"), 0)) == "February of an unknown year"
