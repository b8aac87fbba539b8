"""An event whose year is unknown (``XXXX-06-10``) in a collection: `convert` crashed with a DuckDB
cast error (its x is +inf since the main window stopped drawing it at year 5000). It is now kept
in the collection, not drawn, listed or searched there, and convert and the window say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.cli import main as cli

pytest.importorskip("duckdb")

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "unknown_year.timeline.json"


def test_convert_keeps_unknown_years_undrawn_and_says_so(tmp_path, capsys):
    from viewer.io.duckstore import DuckStore
    from viewer.model.store_query import StoreFilter

    out = tmp_path / "uy.parquet"
    assert cli(["convert", str(FIXTURE), str(out)]) == 1  # something the collection cannot show: listed
    err = capsys.readouterr().err
    assert "event 'founding' (Union founded): its year is unknown (10 June of an unknown year): kept in the " \
           "collection, but not drawn, listed or searched there" in err
    assert "Traceback" not in err
    assert cli(["validate", str(out)]) == 0
    store = DuckStore(str(out))
    try:
        assert (store.n_events, store.n_drawn) == (7, 4)
        assert store.event("founding").title == "Union founded"  # kept whole, opened by id
        assert "founding" not in store.page(0, 100, StoreFilter()).ids
        lo, hi = store.extent()
        assert hi - lo < 86400 * 366  # the drawn events' months, not years 0 to 9999
    finally:
        store.close()


def test_the_collection_window_says_how_many_it_does_not_draw(qtbot, tmp_path):
    from tests.ui.collection_windows import shown_collection

    out = tmp_path / "uy.parquet"
    assert cli(["convert", str(FIXTURE), str(out)]) == 1
    w = shown_collection(qtbot, out, size=(1366, 768))
    assert "3 of them are not drawn, listed or searched" in w.banner.text()


def test_a_collection_whose_counts_fail_leaves_no_file(tmp_path, monkeypatch):
    """When counting failed (as it did on an unknown year's +inf), the Parquet file was already in
    place without its counts, while the window said "nothing was written" (break-it tester)."""
    import duckdb

    from viewer.io import duckstore
    from viewer.io.registry import read_timeline, write_timeline

    monkeypatch.setattr(duckstore, "_counts_query", lambda src, **kw: "SELECT no_such_column FROM " + src)
    out = tmp_path / "x.parquet"
    with pytest.raises(duckdb.Error):
        write_timeline(read_timeline(FIXTURE), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("ext", [".parquet", ".duckdb"])
def test_validate_finds_its_own_collection_with_an_unknown_year_valid(tmp_path, capsys, ext):
    """An open start's whisker was checked against a span that took in year 0 to 9999 (the
    unknown year's), so validate called convert's own collection invalid: "event 'p' column 'x0'
    … its json gives 1822-02-17" (break-it tester)."""
    import json

    src = tmp_path / "min.timeline.json"
    src.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "t",
                               "tracks": [{"id": "a", "label": "A"}], "events": [
        {"id": "p", "track": "a", "title": "P", "start": {"edtf": "[..2022-02-10]"}},
        {"id": "q", "track": "a", "title": "Q", "start": {"edtf": "2022-02-12"}},
        {"id": "u", "track": "a", "title": "U", "start": {"edtf": "XXXX-06-10"}}]}), encoding="utf-8")
    out = tmp_path / f"min{ext}"
    assert cli(["convert", str(src), str(out)]) == 1  # the unknown year listed
    capsys.readouterr()
    assert cli(["validate", str(out)]) == 0, capsys.readouterr().err



def test_a_date_range_over_a_collection_counts_no_unknown_year(tmp_path):
    """The per-track counts under a date range (the collection's Filters tab) leave out the unknown
    years, as the main window's date range does; they used to count as meeting every range."""
    from viewer.io.duckstore import DuckStore
    from viewer.io.native import read_native
    from viewer.model.store import MemoryStore
    from viewer.model.store_query import StoreFilter

    out = tmp_path / "uy.parquet"
    assert cli(["convert", str(FIXTURE), str(out)]) == 1
    in_range = StoreFilter(date_range=(0.0, 4e9))  # 1970 to 2096: every dated event
    duck = DuckStore(str(out))
    try:
        assert duck.facet_counts("track", filters=in_range) == {"port": 2, "city": 2}
        assert duck.facet_counts("track") == {"port": 4, "city": 2}  # without a range they stay
    finally:
        duck.close()
    memory = MemoryStore(read_native(FIXTURE))
    assert memory.facet_counts("track", filters=in_range) == {"port": 2, "city": 2}
