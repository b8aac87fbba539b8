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
