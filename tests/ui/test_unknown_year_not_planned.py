"""An event whose year is unknown (``XXXX-06-10``; a band ``XXXX-04`` to ``XXXX-09``) is not known to
be after the source's date.  With a reference date of 10 May 2023 the header said "[1 planned]"
(its x is +inf, so "after" the reference), and the band's end was "Planned end, announced:
September of an unknown year … the end is a plan, not a report" in the detail pane, the Events
list ("→ due …") and every export's loss list (tester finding).  Neither is a plan now, unless
its source marks it planned."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.test_authoring import window  # noqa: F401 (the fixture)
from viewer.io.native import timeline_from_dict

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "unknown_year.timeline.json"
HEADER = {"format": "timeline-viewer", "version": 1, "title": "Harbour", "reference_date": {"edtf": "2023-05-10"},
          "tracks": [{"id": "port", "label": "Port"}]}


def _fixture(**extra):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data.update(reference_date={"edtf": "2023-05-10"}, **extra)
    return timeline_from_dict(data)


def _list_dates(w):
    from viewer.ui.event_list import ID_ROLE

    m = w.event_list.model()
    return {m.data(m.index(r, 0), ID_ROLE): m.data(m.index(r, 0)) for r in range(m.rowCount())}


def test_the_header_does_not_count_an_unknown_year_as_planned(open_window):
    tl = timeline_from_dict({**HEADER, "events": [
        {"id": "walkout", "track": "port", "title": "Dockers walk out", "start": {"edtf": "2023-05-02"}},
        {"id": "founding", "track": "port", "title": "Union founded", "start": {"edtf": "XXXX-06-10"}}]})
    w = open_window(tl, size=(1366, 768))
    assert w.header.text() == "Harbour"
    w.view.grab()
    assert not w.view.events_item.drawn_planned
    assert not _list_dates(w)["founding"].startswith("due")
    assert tl.planned_count() == 0 and not tl.planned_rows().any()


def test_marked_planned_by_its_source_it_stays_planned(open_window):
    tl = timeline_from_dict({**HEADER, "events": [
        {"id": "walkout", "track": "port", "title": "Dockers walk out", "start": {"edtf": "2023-05-02"}},
        {"id": "founding", "track": "port", "title": "Union founded", "start": {"edtf": "XXXX-06-10"},
         "status": "planned"}]})
    w = open_window(tl, size=(1366, 768))
    assert w.header.text() == "Harbour  [1 planned]"


def test_an_unknown_year_end_is_not_an_announced_plan(open_window):
    from viewer.model.presentation import caption_for

    tl = _fixture()
    assert caption_for(tl, "season").date == "April of an unknown year – September of an unknown year"
    assert "planned end, announced: Tue 20 Jun 2023" in caption_for(tl, "strike").date
    w = open_window(tl, size=(1366, 768))
    w.state.selected = "season"
    text = w.details.toPlainText()
    assert "April to September of an unknown year" in text or "April of an unknown year" in text
    assert "Planned end" not in text and "planned end" not in text and "a plan, not a report" not in text
    dates = _list_dates(w)
    assert "due" not in dates["season"]
    assert w.header.text() == "Harbour strike, 2023  [1 planned · 1 planned end]"  # "Deal signed", "Strike"
    # the dated span whose end is after the source's date is still announced
    w.state.selected = "strike"
    assert "Planned end, announced" in w.details.toPlainText()
    assert "due" in dates["strike"]


def test_the_edit_tab_does_not_call_a_typed_unknown_year_planned(qtbot, window):  # noqa: F811
    from tests.ui.test_authoring import set_field

    w = window()  # the bundled timeline: the article's date is Thu 10 Feb 2022
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = "drills-begin"
    assert w.edit_form.add_event() == []
    set_field(w, "title", "Talks in Minsk")
    set_field(w, "start", "2022-02-08")
    set_field(w, "end", "XXXX-09")  # was "after the source's date …: the end is drawn as planned (hatched)"
    assert "planned" not in w.edit_form.readings["end"].text()
    w.authoring.new_action.trigger()  # no reference date: was "after today: planned? Tick …"
    w.state.selected = None
    assert w.edit_form.add_event() == []
    set_field(w, "title", "Union founded")
    set_field(w, "start", "XXXX-06-10")
    assert "planned" not in w.edit_form.readings["start"].text()
    set_field(w, "end", "XXXX-09")
    assert "planned" not in w.edit_form.readings["end"].text()
