"""Planned ends of spans (not only bands), linked strictly, with unknown starts and in the
end's own day.  Found by a tester: a span ending after the source's date was drawn solid while
the pane and legend said "hatched"; an unrelated planned event with the same words ("next week")
or a title that merely began the same became a span's announced end."""

from __future__ import annotations

import datetime
import json

from PySide6.QtGui import QColor

from viewer.io import read_timeline
from viewer.model.planned_end import planned_end, planned_end_rows

REF = {"edtf": "2022-02-10"}


def _write(tmp_path, events, name="pe.timeline.json"):
    doc = {"format": "timeline-viewer", "version": 1, "title": "pe", "reference_date": REF, "time_zone": "UTC",
           "tracks": [{"id": "a", "label": "A"}], "sources": [], "events": events}
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def _span(eid, start, end, title=None, kind="span", **extra):
    ev = {"id": eid, "kind": kind, "title": title or eid, "start": start, "end": end, **extra}
    if kind != "band":
        ev["track"] = "a"
    return ev


def _planned(tl):
    return {tl.events[int(tl.columns.event_index[r])].id for r in planned_end_rows(tl)}


def _window(qtbot, path):
    from viewer.ui.main_window import MainWindow

    w = MainWindow(read_timeline(path), read_timeline, path)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    o = w.timeline.columns.origin_epoch_s
    jan30 = datetime.datetime(2022, 1, 30, tzinfo=datetime.timezone.utc).timestamp() - o
    w.view.set_x_range(jan30, jan30 + 32 * 86400)
    return w


def test_a_span_ending_after_the_source_is_drawn_hatched_after_the_last_known_day(qtbot, tmp_path):
    path = _write(tmp_path, [_span("firm", "2022-02-01", "2022-02-20", "F")])  # a short label, off the bar's end
    w = _window(qtbot, path)
    w.state.selected = "firm"
    img = w.view.grab().toImage()
    layer = w.view.events_item
    ((eid, known, end, y),) = layer.drawn_planned
    assert eid == "firm" and end - known > 100  # 11..20 Feb hatched
    day = (end - known) / 10
    # the hatched part is pale between its lines; the reported part (2..10 Feb) is a solid fill
    def pale(x0):
        px = [QColor(img.pixel(int(x0) + dx, int(y))) for dx in range(int(day))]
        return sum(c.lightness() > 200 for c in px) / len(px)

    assert pale(known + 5 * day) > 0.3
    assert pale(known - 2 * day) == 0
    html = w.details.toHtml()
    assert "Planned end, announced" in html and "hatched after that day" in html
    assert "hatched" in w.legend.text()


def test_unknown_starts_and_a_later_on_or_after_end_are_planned(tmp_path):
    tl = read_timeline(_write(tmp_path, [
        _span("unk", "..", "2022-02-20"), _span("onbefore", "[..2022-02-05]", "2022-02-20"),
        _span("bandunk", "..", "2022-02-20", kind="band"), _span("onafter", "2022-02-05", "[2022-02-15..]"),
        _span("reported", "..", "2022-02-09")]))
    assert _planned(tl) == {"unk", "onbefore", "bandunk", "onafter"}
    plan = planned_end(tl, tl.event("onafter"))
    assert plan is not None and plan.known.startswith("Thu 10 Feb 2022") and "15 Feb 2022" in plan.announced


def test_an_end_on_the_reference_day_in_its_own_zone_is_reported(tmp_path):
    tl = read_timeline(_write(tmp_path, [
        _span("tz", "2022-02-10T08:00:00+14:00", "2022-02-10T23:30:00-10:00"),
        _span("late", "2022-02-10T08:00:00+14:00", "2022-02-11T00:30:00-10:00")]))
    assert planned_end(tl, tl.event("tz")) is None  # still 10 Feb where it was written
    assert _planned(tl) == {"late"}


def test_an_announced_end_is_never_taken_from_the_same_words_or_a_title_prefix(tmp_path):
    tl = read_timeline(_write(tmp_path, [
        _span("talks", {"edtf": "2022-02-01"}, {"edtf": "[2022-02-10..]", "phrase": "next week"}, "Talks go on"),
        {"id": "summit", "kind": "point", "track": "a", "title": "Summit next week", "status": "planned",
         "start": {"edtf": "2022-02-16", "phrase": "next week"}},
        _span("den", "2022-01-01", "[2022-02-10..]", "Russia denies plans to strike"),
        {"id": "ee", "kind": "point", "track": "a", "title": "Expected end: Russia", "status": "planned",
         "tags": ["expected-end"], "start": "2022-03-01"},
        _span("drills", "2022-02-01", {"edtf": "[2022-02-10..]", "basis": "x (announced end: event id due)."},
              "Drills"),
        {"id": "due", "kind": "point", "track": "a", "title": "Drills due to finish", "status": "planned",
         "start": "2022-02-20"},
        _span("ex", "2022-02-01", "[2022-02-10..]", "Exercises"),
        {"id": "ee2", "kind": "point", "track": "a", "title": "Expected end: Exercises", "status": "planned",
         "tags": ["expected-end"], "start": "2022-02-25"}]))
    assert planned_end(tl, tl.event("talks")) is None
    assert planned_end(tl, tl.event("den")) is None
    assert planned_end(tl, tl.event("drills")).expected_id == "due"
    assert planned_end(tl, tl.event("ex")).expected_id == "ee2"
    assert _planned(tl) == {"drills", "ex"}


def test_exports_say_a_planned_end_is_announced_and_convert_exits_1(tmp_path, capsys):
    from viewer.app import main

    path = _write(tmp_path, [_span("firm", "2022-02-05", "2022-02-20", "Firm end after ref"),
                             _span("done", "2022-02-01", "2022-02-03", "Ended before")])
    for name in ("pe.csv", "pe.ics", "pe.timelinejs.json", "pe.vis.json"):
        capsys.readouterr()
        assert main(["convert", path, str(tmp_path / name)]) == 1, name
        err = capsys.readouterr().err
        line = next((x for x in err.splitlines() if "planned end, announced: Sun 20 Feb 2022" in x), "")
        assert "'firm'" in line, (name, err)  # each planned end listed, by event
        assert "to the announced end" in line, (name, line)  # its end 2022-02-20 is written: said so
    ics = (tmp_path / "pe.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    assert "SUMMARY:Firm end after ref (planned end\\, announced)" in ics
    assert "Planned end\\, announced: Sun 20 Feb 2022" in ics
    assert "DTEND;VALUE=DATE:20220221" in ics  # the VEVENT does run to the announced end, as the list says


def test_the_pane_says_when_a_file_calls_a_span_with_a_planned_end_happened(qtbot, tmp_path):
    path = _write(tmp_path, [_span("happened", {"edtf": "2022-02-05"}, "2022-02-25", "Happened after",
                                   status="happened"),
                             _span("plain", "2022-02-05", "2022-02-25", "Plain")])
    w = _window(qtbot, path)
    w.state.selected = "happened"
    text = w.details.toPlainText().replace("\u00a0", " ")
    assert "Planned end, announced: Fri 25 Feb 2022" in text and "status: happened" in text
    w.state.selected = "plain"
    text = w.details.toPlainText().replace("\u00a0", " ")
    assert "Planned end, announced" in text and "status: happened" not in text


def test_present_counts_only_the_planned_ends_it_draws_hatched(qtbot, tmp_path):
    tl = read_timeline(_write(tmp_path, [_span("firm", "2022-02-05", "2022-02-20", "Firm"),
                                         _span("month", "2022-02-05", "2022-03", "Month"),
                                         _span("bandx", "2022-02-08", "2022-02-18", "Band", kind="band"),
                                         _span("done", "2022-02-01", "2022-02-03", "Done")]))
    from viewer.model.story import default_story
    from viewer.ui.present import PresentWindow

    pw = PresentWindow(tl, default_story(tl), animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(1366, 768)
    pw.show()
    qtbot.waitExposed(pw)
    pw.presentation.go_to(1)
    pw.finish_animation()
    pw.grab()
    drawn = {d[0] for d in pw.view.events_item.drawn_planned} | {d[0] for d in pw.view.bands_item.drawn_planned}
    assert drawn == {"firm", "month", "bandx"}
    assert "3 planned ends (hatched)" in pw.header.text().replace("\u00a0", " ")


def test_the_planned_ends_are_found_once_per_timeline_and_again_after_an_edit(qtbot, tmp_path, monkeypatch):
    """The layer rebuilt its planned-rows dict on every paint; kept now, it must follow an edit."""
    import viewer.graphics.events as events_module
    from viewer.model import commands as C
    from viewer.model.dates import EventDate

    calls = []
    real = events_module.planned_end_rows
    monkeypatch.setattr(events_module, "planned_end_rows", lambda tl: calls.append(tl) or real(tl))
    path = _write(tmp_path, [_span("firm", "2022-02-01", "2022-02-20", "F")])
    w = _window(qtbot, path)
    layer = w.view.events_item
    for _ in range(3):
        w.view.grab()
    assert len(calls) <= 1  # painted three times, found once
    assert len(layer.drawn_planned) == 1
    firm = w.timeline.event("firm")
    assert w.authoring.push(C.resize_event(firm, end=EventDate("2022-02-25"))) == []
    w.view.grab()
    assert len(calls) == 2 and len(layer.drawn_planned) == 1
    o = layer.columns.origin_epoch_s
    ((_, (known, end)),) = layer._planned_rows().items()
    feb = [datetime.datetime(2022, 2, d, tzinfo=datetime.timezone.utc).timestamp() - o for d in (11, 26)]
    assert (known, end) == (feb[0], feb[1])  # the hatch runs to the new end (end of 25 Feb), not the old one
