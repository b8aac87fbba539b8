"""vis-timeline and TimelineJS exports of what they cannot hold (breakit7): a year or month point,
a span with an open side, a band's id, an inexact span start, a date whose year is unknown, the
track order.  Each test converts a file of its own, reads the written file (JSON) for what a user of
that format sees, checks the list of losses, and reads the file back with this viewer.
"""

from __future__ import annotations

import json
from pathlib import Path

from viewer.cli import main
from viewer.io.registry import read_timeline, read_timeline_report


def _native(tmp_path: Path, events: list[dict], tracks: list[dict] | None = None) -> str:
    path = tmp_path / "in.timeline.json"
    path.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Forms",
                                "tracks": tracks or [{"id": "t", "label": "T"}], "events": events}),
                    encoding="utf-8")
    return str(path)


def _convert(src: str, out: Path, capsys) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["convert", src, str(out)])
    return code, [x.strip() for x in capsys.readouterr().err.splitlines()]


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _back(path: Path) -> dict[str, tuple[str, str | None, str]]:
    """id -> (start EDTF, end EDTF or None, title) as this viewer reads the written file back."""
    return {e.id: (e.start.edtf, e.end.edtf if e.end is not None else None, e.title)
            for e in read_timeline(path).events}


# --- 2: a point coarser than a day is a range over its period in vis-timeline ------------------------

def test_vis_draws_a_firm_year_or_month_point_over_its_period_not_on_its_first_day(tmp_path, capsys):
    src = _native(tmp_path, [
        {"id": "y", "track": "t", "title": "Founded", "start": {"edtf": "2023"}},
        {"id": "m", "track": "t", "title": "Launched", "start": {"edtf": "2023-06"}},
        {"id": "d", "track": "t", "title": "Signed", "start": {"edtf": "2023-06-10"}}])
    out = tmp_path / "ym.vis.json"
    code, lines = _convert(src, out, capsys)
    items = {i["id"]: i for i in _json(out)["items"]}
    # was "start": "2023", "type": "point": vis-timeline draws that on 1 January
    assert (items["y"]["type"], items["y"]["start"], items["y"]["end"]) == ("range", "2023", "2024")
    assert (items["m"]["type"], items["m"]["start"], items["m"]["end"]) == ("range", "2023-06", "2023-07")
    assert items["y"]["content"] == "Founded" and items["m"]["content"] == "Launched"  # firm: no words needed
    assert (items["d"]["type"], items["d"]["start"]) == ("point", "2023-06-10")
    assert code == 0 and lines == []  # nothing lost: no list
    back = read_timeline(out)
    assert {e.id: (e.kind.value, e.start.edtf, e.end) for e in back.events} == {
        "y": ("point", "2023", None), "m": ("point", "2023-06", None), "d": ("point", "2023-06-10", None)}


# --- 3: a span with an open side in TimelineJS (and vis-timeline) ------------------------------------

OPEN = [{"id": "o1", "kind": "span", "track": "t", "title": "Occupation", "start": {"edtf": "2023-06-10"},
         "end": {"edtf": ".."}},
        {"id": "o2", "kind": "span", "track": "t", "title": "Siege", "start": {"edtf": ".."},
         "end": {"edtf": "2023-06-10"}},
        {"id": "o3", "kind": "span", "track": "t", "title": "Truce", "start": {"edtf": "2023-06~"},
         "end": {"edtf": ".."}}]


def test_timelinejs_says_the_open_side_of_a_span_and_reads_the_span_back(tmp_path, capsys):
    out = tmp_path / "open.timelinejs.json"
    code, lines = _convert(_native(tmp_path, OPEN), out, capsys)
    slides = {e["unique_id"]: e for e in _json(out)["events"]}
    assert slides["o1"]["start_date"]["display_date"] == "from Sat 10 Jun 2023; end not stated"
    assert slides["o2"]["start_date"]["display_date"] == "until Sat 10 Jun 2023; start not stated"  # not a firm start
    assert slides["o3"]["start_date"]["display_date"] == ("from about June 2023, so between May 2023 and July "
                                                          "2023; end not stated")
    assert all("end_date" not in s for s in slides.values())
    assert code == 1  # was 0, nothing listed
    assert ("event 'o2' (Siege): a span with an open start, which TimelineJS cannot hold: written as a slide on "
            "Sat 10 Jun 2023, its end, shown as “until Sat 10 Jun 2023; start not stated” (read back as that "
            "span)") in lines
    assert any(x.startswith("event 'o1' (Occupation): a span with an open end, which TimelineJS cannot hold")
               for x in lines)
    report = read_timeline_report(out)
    assert not report.warnings
    back = {e.id: (e.kind.value, e.start.edtf, e.end.edtf if e.end else None, e.title, e.summary)
            for e in report.timeline.events}
    assert back == {"o1": ("span", "2023-06-10", "..", "Occupation", ""),  # was a point, "Ends: open" in its text
                    "o2": ("span", "..", "2023-06-10", "Siege", ""),  # was a point on its end day
                    "o3": ("span", "2023-06~", "..", "Truce", "")}


def test_vis_reads_a_span_with_an_open_side_back_without_its_words_in_the_title(tmp_path, capsys):
    out = tmp_path / "open.vis.json"
    code, lines = _convert(_native(tmp_path, OPEN), out, capsys)
    items = {i["id"]: i for i in _json(out)["items"]}
    assert (items["o2"]["type"], items["o2"]["start"]) == ("point", "2023-06-10")
    assert items["o2"]["content"] == "Siege (until Sat 10 Jun 2023; start not stated)"
    assert code == 1 and any(x.startswith("event 'o2' (Siege): a span with an open side") for x in lines)
    assert _back(out) == {"o1": ("2023-06-10", "..", "Occupation"),  # was a point titled "Occupation (from …)"
                          "o2": ("..", "2023-06-10", "Siege"), "o3": ("2023-06~", "..", "Truce")}


# --- 12: band ids in TimelineJS; a vis background item in a group -----------------------------------

def test_timelinejs_keeps_a_band_id_on_its_era(tmp_path, capsys):
    src = _native(tmp_path, [
        {"id": "band1", "kind": "band", "title": "Exercise", "start": {"edtf": "2023-06-01"},
         "end": {"edtf": "2023-06-20"}},
        {"id": "p", "track": "t", "title": "Talks", "start": {"edtf": "2023-06-10"}}])
    out = tmp_path / "b.timelinejs.json"
    _convert(src, out, capsys)
    (era,) = _json(out)["eras"]
    assert era["unique_id"] == "band1"  # was left out: read back as 'era-2'
    back = read_timeline(out)
    assert [(e.id, e.kind.value) for e in back.events if e.kind.value == "band"] == [("band1", "band")]


def test_vis_background_item_in_a_group_says_vis_shades_that_group_only(tmp_path):
    path = tmp_path / "bg.vis.json"
    path.write_text(json.dumps({"items": [
        {"id": "A", "start": "2014-01-20", "end": "2014-01-22", "type": "background", "group": "foo"},
        {"id": 1, "content": "x", "start": "2014-01-21", "group": "foo"}],
        "groups": [{"id": "foo", "content": "Foo"}, {"id": "bar", "content": "Bar"}]}), encoding="utf-8")
    report = read_timeline_report(path)
    assert [w.message for w in report.warnings] == [
        "a background item in group 'foo': vis-timeline shades that group's row only; read as a band across all "
        "tracks (this viewer has no band of one track; written back, it is a background across all groups)"]


# --- 13: every inexact span start is listed by vis-timeline, the count agrees -----------------------

def test_vis_lists_every_inexact_span_start_and_counts_the_items_it_names(tmp_path, capsys):
    src = _native(tmp_path, [
        {"id": "span_approx", "kind": "span", "track": "t", "title": "A", "start": {"edtf": "2023-06~"},
         "end": {"edtf": "2023-07"}},
        {"id": "span_xx", "kind": "span", "track": "t", "title": "B", "start": {"edtf": "2023-XX-10"},
         "end": {"edtf": "2024-03"}},
        {"id": "e3", "kind": "span", "track": "t", "title": "C", "start": {"edtf": "2022-02-10%"},
         "end": {"edtf": "2022-03-XX"}},
        {"id": "band_q", "kind": "band", "title": "D", "start": {"edtf": "2022-02-10?"},
         "end": {"edtf": "2022-03-01"}}])
    out = tmp_path / "s.vis.json"
    code, lines = _convert(src, out, capsys)
    assert code == 1
    for eid, edtf in (("span_approx", "2023-06~"), ("span_xx", "2023-XX-10"), ("e3", "2022-02-10%"),
                      ("band_q", "2022-02-10?")):  # the first three were not listed
        assert any(x.startswith(f"event {eid!r} (") and f": start {edtf} (" in x for x in lines), eid
    summary = next(x for x in lines if "items with a date vis-timeline cannot hold whole" in x)
    assert summary.startswith("4 items with a date vis-timeline cannot hold whole (span_approx, span_xx, e3, "
                              "band_q): ")  # was "2 items" naming one
    items = {i["id"]: i for i in _json(out)["items"]}
    assert items["span_xx"]["content"] == "B (10th, month unknown, 2023 → March 2024)"
    assert _back(out)["span_xx"][:2] == ("2023-XX-10", "2024-03")


# --- 15: a date whose year is unknown is left out, never written as year 0 (1 BCE) ---------------------

def test_an_unknown_year_is_left_out_of_vis_and_timelinejs_and_the_loss_says_which(tmp_path, capsys):
    src = _native(tmp_path, [
        {"id": "u", "track": "t", "title": "Vote", "start": {"edtf": "XXXX-06-10"}},
        {"id": "us", "kind": "span", "track": "t", "title": "Talks", "start": {"edtf": "2023-06-10"},
         "end": {"edtf": "XXXX-07"}},
        {"id": "k", "track": "t", "title": "Known", "start": {"edtf": "2023-06-10"}}])
    for name, key, fmt in (("u.vis.json", "items", "vis-timeline"), ("u.timelinejs.json", "events", "TimelineJS")):
        out = tmp_path / name
        code, lines = _convert(src, out, capsys)
        written = _json(out)[key]
        assert [x.get("id", x.get("unique_id")) for x in written] == ["k"]  # was 'u' on 0000 / 1 BCE
        assert code == 1
        assert (f"event 'u' (Vote): not written to {fmt}: its year is unknown (10 June, year unknown; "
                "EDTF XXXX-06-10)") in lines
        assert (f"event 'us' (Talks): not written to {fmt}: its year is unknown (July, year unknown; "
                "EDTF XXXX-07)") in lines
        assert not any("0000" in x or "1 BCE" in x for x in lines)
        assert list(_back(out)) == ["k"]


# --- vis group order ----------------------------------------------------------------------------------

def test_vis_groups_are_written_in_the_track_order(tmp_path, capsys):
    src = _native(tmp_path, [{"id": f"e{n}", "track": t, "title": t, "start": {"edtf": "2023-06-10"}}
                             for n, t in enumerate(("c", "a", "b"))],
                  tracks=[{"id": "c", "label": "Third"}, {"id": "a", "label": "First"},
                          {"id": "b", "label": "Second"}])
    out = tmp_path / "g.vis.json"
    _convert(src, out, capsys)
    groups = _json(out)["groups"]
    assert [(g["content"], g["order"]) for g in groups] == [("Third", 0), ("First", 1), ("Second", 2)]  # all 0
    shuffled = {"items": _json(out)["items"], "groups": list(reversed(groups))}  # vis sorts groups by order
    path = tmp_path / "shuffled.vis.json"
    path.write_text(json.dumps(shuffled), encoding="utf-8")
    assert [t.label for t in read_timeline(path).tracks] == ["Third", "First", "Second"]


def test_vis_reads_a_band_with_an_open_side_back_as_a_band(tmp_path, capsys):
    """An exercise band whose end the source does not state went to vis-timeline as a point at its
    start and came back as a span on a made-up track 'Items'."""
    band = [{"id": "b1", "kind": "band", "title": "Exercise", "start": {"edtf": "2023-06-10"},
             "end": {"edtf": ".."}}]
    out = tmp_path / "band.vis.json"
    code, lines = _convert(_native(tmp_path, band), out, capsys)
    assert code == 1 and any("a band with an open side" in x and "read back as a band" in x for x in lines)
    report = read_timeline_report(out)
    assert not report.warnings
    back = [(e.id, e.kind.value, e.track, e.start.edtf, e.end.edtf if e.end else None, e.title)
            for e in report.timeline.events]
    assert back == [("b1", "band", "", "2023-06-10", "..", "Exercise")]


def test_vis_keeps_a_band_with_an_open_start(tmp_path, capsys):
    """A band whose start the source does not state was written as a closed background from its end
    day to the next, no words, no edtf field, not listed: read back as a band of one day (break-it)."""
    band = [{"id": "b2", "kind": "band", "title": "Siege", "start": {"edtf": ".."}, "end": {"edtf": "2023-06-20"}}]
    out = tmp_path / "band2.vis.json"
    code, lines = _convert(_native(tmp_path, band), out, capsys)
    (item,) = _json(out)["items"]
    assert item["type"] == "point" and item["content"] == "Siege (until Tue 20 Jun 2023; start not stated)"
    assert code == 1 and any("a band with an open side" in x for x in lines)
    report = read_timeline_report(out)
    assert not report.warnings
    assert [(e.id, e.kind.value, e.start.edtf, e.end.edtf) for e in report.timeline.events] == [
        ("b2", "band", "..", "2023-06-20")]
