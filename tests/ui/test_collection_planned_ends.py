"""A collection window hatches planned ends as the main window does: a span or band known only
through the source's date and announced to run on (the bundled drills band ran solid to the
right edge in the collection window, "10–20 Feb" in its title, with no hatch and no tag)."""

from __future__ import annotations

from tests.ui.collection_windows import shown_collection
from tests.ui.test_collection_honest import make_collection
from viewer.io.registry import write_timeline


def _drawn(w, qtbot, layer):
    def found():
        w.view.grab()
        return bool(getattr(w.view, layer).drawn_planned)
    qtbot.waitUntil(found, timeout=20000)
    return getattr(w.view, layer).drawn_planned


def test_the_bundled_band_is_hatched_from_the_articles_date_and_tagged(qtbot, allied):
    w = shown_collection(qtbot, allied, size=(1366, 768))
    ((eid, known, end, words),) = _drawn(w, qtbot, "bands_item")
    assert eid == "allied-resolve-2022" and words.startswith("▨ planned")
    assert end - known > 100  # 11..20 Feb: hatched, the announced end drawn as a plan
    assert "hatched:\u00a0planned\u00a0end,\u00a0announced" in w.legend.text()


def test_a_span_ending_after_the_source_is_hatched(qtbot, tmp_path):
    events = [{"id": "talks", "kind": "span", "track": "people", "title": "Talks",
               "start": {"edtf": "2023-06-10"}, "end": {"edtf": "2023-06-20"}},
              {"id": "done", "kind": "span", "track": "people", "title": "Done",
               "start": {"edtf": "2023-06-08"}, "end": {"edtf": "2023-06-12"}}]
    path = make_collection(tmp_path, events, name="spans", reference_date={"edtf": "2023-06-14"})
    w = shown_collection(qtbot, path, size=(1366, 768))
    drawn = _drawn(w, qtbot, "events_item")
    assert [d[0] for d in drawn] == ["talks"]  # "done" ended by the source's date: reported


def test_an_ingested_span_is_hatched_to_its_expected_end(qtbot, tmp_path):
    from tests.ingest.test_ingest_expected_ends import ARTICLE
    from viewer.ingest import ingest_text
    from viewer.model.planned_end import planned_end_rows

    tl = ingest_text(ARTICLE).timeline  # "Expected end: <title>", tagged expected-end, no link in the basis
    (row,) = planned_end_rows(tl)
    span_id = tl.columns.ids[row]
    path = tmp_path / "ingested.parquet"
    write_timeline(tl, path)
    w = shown_collection(qtbot, path, size=(1366, 768))
    assert span_id in [d[0] for d in _drawn(w, qtbot, "events_item")]


def test_the_bands_hatch_ends_at_local_midnight_in_a_display_zone(qtbot, allied):
    """In Asia/Kathmandu the collection window drew the drills band's bar to local midnight of
    20 Feb but its hatch from and to UTC midnights, 5 h 45 min off the day lines."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    def midnight(day: int) -> float:
        return datetime(2022, 2, day, tzinfo=ZoneInfo("Asia/Kathmandu")).timestamp()

    w = shown_collection(qtbot, allied, size=(1366, 768))
    _drawn(w, qtbot, "bands_item")
    w.state.display_zone = "Asia/Kathmandu"

    def hatch():
        w.view.grab()
        tl = w.view.bands_item.timeline
        cols = tl.columns
        rows = [r for r in range(len(cols.ids)) if cols.ids[r] == "allied-resolve-2022"]
        found = tl.planned_end_rows()
        finish = w.view.events_item.timeline.columns  # 'Drills due to finish', 20 Feb, drawn on local days
        ends = [finish.x1[r] + finish.origin_epoch_s for r in range(len(finish.ids)) if finish.ids[r] == "drills-end"]
        return rows and rows[0] in found and ends and (found[rows[0]], ends[0])

    qtbot.waitUntil(lambda: bool(hatch()) and hatch()[0][0] == midnight(11), timeout=20000)
    (known, planned), finish_end = hatch()
    assert known == midnight(11)  # the end of the source's day, 10 Feb, there
    assert planned == midnight(21) == finish_end  # the end of 20 Feb there, where 'Drills due to finish' ends
