"""What validate reads of a collection and convert refuses: every row's json, NaN times,
duplicated ids, count tables of the right shape but wrong numbers, files that are not collections."""

import os

import pytest

from viewer.app import main
from viewer.io.duckstore import DuckStore, counts_path
from viewer.model.errors import TimelineLoadError

from .test_duck_store import _forged

pytest.importorskip("duckdb")


@pytest.fixture
def allied(tmp_path, bundled_path):
    """The bundled timeline as ``allied.parquet`` (16 events; 'mod-statement' is row 5)."""
    from viewer.io.registry import read_timeline, write_timeline

    src = tmp_path / "allied.parquet"
    assert write_timeline(read_timeline(bundled_path), src) == []
    return str(src)


def _json_of(event_id: str, old: str, new: str) -> str:
    """SQL: the row's json with ``old`` replaced by ``new`` in the event ``event_id`` only."""
    return f"CASE WHEN id = '{event_id}' THEN replace(json, '{old}', '{new}') ELSE json END"


@pytest.mark.parametrize(("json", "said"), [
    (_json_of("mod-statement", '"sources":[', '"sources":[{"x":1},'),
     "at row 5 (event 'mod-statement'), column 'json' field sources[0]: expected a string"),
    (_json_of("mod-statement", '"sources":[', '"sources":["nosuch",'),
     "at row 5 (event 'mod-statement'), column 'json' field sources[0]: unknown source 'nosuch'"),
    (_json_of("mod-statement", '"id":"mod-statement"', '"id":"other"'),
     "at row 5 (event 'mod-statement'), column 'id': 'mod-statement', but the event's json has id 'other'"),
])
def test_convert_refuses_a_row_its_validate_refuses(tmp_path, allied, capsys, json, said):
    """A bad source object in a row's json crashed convert (TypeError: unhashable type: 'dict');
    an unknown source, or a json id other than the row's id, was written as is (exit 0) and
    validate said 'valid': it never read the json."""
    bad = _forged(allied, tmp_path / "bad.parquet", json=json)
    out = tmp_path / "out.parquet"
    assert main(["validate", bad]) == 1
    err = capsys.readouterr().err
    assert "bad.parquet: invalid (1 problem in its rows)" in err and said in err
    assert "bad.parquet: 16 of 16 rows checked" in err  # progress of the rows read
    assert main(["convert", bad, str(out)]) == 2
    err = capsys.readouterr().err
    assert "cannot convert" in err and "(nothing written)" in err and said in err
    assert not out.exists() and not (tmp_path / "out.timeline.json").exists()
    assert main(["convert", allied, str(out)]) == 0 and main(["validate", str(out)]) == 0  # the sound one


def test_rows_are_checked_in_batches_and_named_by_their_place(allied, tmp_path):
    from viewer.io.collection_check import collection_problems

    bad = _forged(allied, tmp_path / "bad.parquet", json=_json_of("us-alarm", '"title":"', '"title":"x'))
    store = DuckStore(bad)
    try:
        position = store._q("SELECT file_row_number FROM evp WHERE id = 'us-alarm'")[0][0]
        seen: list[str] = []
        got = collection_problems(store, seen.append, batch=3)
    finally:
        store.close()
    assert seen[0] == "3 of 16 rows checked" and seen[-1] == "16 of 16 rows checked" and len(seen) == 6
    assert [p.location for p in got] == [f"row {position + 1} (event 'us-alarm'), column 'title'"]
    assert got[0].file == bad


def test_nan_times_are_refused_at_open_from_the_footer_and_by_convert(allied, tmp_path, capsys):
    """A collection with a NaN time opened (and converted) as if sound."""
    bad = _forged(allied, tmp_path / "nan.parquet",
                  sort_point="CASE WHEN id = 'mod-statement' THEN 'nan'::DOUBLE ELSE sort_point END")
    with pytest.raises(TimelineLoadError) as err:
        DuckStore(bad)
    assert "nan.parquet, at row 5 (event 'mod-statement'): a time that is not a number (NaN) in column " \
           "'sort_point'" in str(err.value)
    assert main(["validate", bad]) == 1
    assert "row 5 (event 'mod-statement')" in capsys.readouterr().err
    assert main(["convert", bad, str(tmp_path / "out.parquet")]) == 2
    assert not (tmp_path / "out.parquet").exists()


def test_nan_times_the_footer_does_not_show_are_found_by_validate(allied, tmp_path, capsys):
    """pyarrow writes min/max statistics that skip NaN: opening cannot see it; validate's one
    query does, and convert refuses."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(allied)
    ids = table.column("id").to_pylist()
    xm = table.column("xm").to_pylist()
    xm[ids.index("us-alarm")] = float("nan")
    at = table.schema.get_field_index("xm")
    bad = tmp_path / "nan.parquet"
    pq.write_table(table.set_column(at, "xm", pa.array(xm, type=pa.float64())), bad)
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    row = ids.index("us-alarm") + 1
    assert f"at row {row} (event 'us-alarm'): a time that is not a number (NaN) in column 'xm'" in err
    assert main(["convert", str(bad), str(tmp_path / "out.timeline.json")]) == 2
    assert not (tmp_path / "out.timeline.json").exists()


def test_duplicated_ids_are_listed_by_validate_and_refused_by_convert(allied, tmp_path, capsys):
    """Two rows with the same id (json and column alike) were valid and converted."""
    dup = ("CASE WHEN id = 'mod-statement' THEN 'us-alarm' ELSE id END")
    bad = _forged(allied, tmp_path / "dup.parquet", id=dup,
                  json=_json_of("mod-statement", '"id":"mod-statement"', '"id":"us-alarm"'))
    assert main(["validate", bad]) == 1
    err = capsys.readouterr().err
    assert "column 'id': id 'us-alarm' is used by 2 rows (rows " in err
    assert "every event's id must be unique" in err
    assert main(["convert", bad, str(tmp_path / "out.parquet")]) == 2
    assert not (tmp_path / "out.parquet").exists()


@pytest.mark.parametrize("change", [{"n": "CASE WHEN res = 3600 AND lane = 1 THEN n * 2 + 1 ELSE n END"},
                                    {"ns": "CASE WHEN res = 3600 AND lane = 1 THEN ns + 1 ELSE ns END"},
                                    {"n": "CASE WHEN res = 0 THEN n + 5 ELSE n END"}])
def test_a_count_table_with_wrong_numbers_is_ignored_with_a_note(allied, tmp_path, change, capsys):
    """A count table of the right shape (and the collection's token) but other numbers was
    trusted: the density strips and crowded-lane counts were wrong, silently."""
    import shutil

    import numpy as np

    good = DuckStore(allied)
    lo, hi = good.extent()
    lanes = list(range(len(good.lane_ids)))
    want = good.visible(lo - 1, hi + 1, lanes)
    want_density = good.density(lo - 1, hi + 1, lanes, 40, exact=True)
    assert good.index_note == ""
    good.close()
    counts = counts_path(allied)
    shutil.move(counts, tmp_path / "good.counts.parquet")
    _forged(tmp_path / "good.counts.parquet", counts, **change)
    store = DuckStore(allied)
    try:
        assert "allied.counts.parquet: its count tables are not used (" in store.index_note
        assert "the window counts from the events instead" in store.index_note
        got = store.visible(lo - 1, hi + 1, lanes)
        assert (got.ids, got.lane_totals) == (want.ids, want.lane_totals)
        assert np.array_equal(store.density(lo - 1, hi + 1, lanes, 40), want_density)
    finally:
        store.close()
    assert main(["validate", allied]) == 1  # said, as the other notes of an ignored sidecar
    assert "its count tables are not used" in capsys.readouterr().err


def test_a_wrong_fine_width_is_left_to_validate_which_sums_every_width(allied, tmp_path, capsys):
    """Opening sums only the date-only rows and the hour-and-coarser widths (the finer ones hold
    most of the table: summing them doubled the opening time at 10^7 events); ``validate``
    sums every width, so a wrong 10 s table is still said."""
    import shutil

    counts = counts_path(allied)
    shutil.move(counts, tmp_path / "good.counts.parquet")
    _forged(tmp_path / "good.counts.parquet", counts, n="CASE WHEN res = 10 AND lane = 1 THEN n + 1 ELSE n END")
    store = DuckStore(allied)
    try:
        assert store.index_note == ""
    finally:
        store.close()
    assert main(["validate", allied]) == 1
    assert "its count tables are not used (at width 10 s, lane 1 counts" in capsys.readouterr().err


def test_a_parquet_file_that_is_not_a_collection_is_unreadable_exit_2(tmp_path, capsys):
    """Garbage named .parquet exited 1 ('invalid'), where the README gives unreadable and
    unknown-format files exit 2."""
    from viewer.io.duckstore import connect

    garbage = tmp_path / "garbage.parquet"
    garbage.write_bytes(bytes(range(256)) * 12)
    plain = tmp_path / "plain.parquet"
    con = connect()
    con.execute(f"COPY (SELECT 1 AS a) TO '{plain}' (FORMAT parquet)")
    con.close()
    for path, said in ((garbage, "not a timeline collection DuckDB can read"),
                       (plain, "not a timeline collection: no timeline_viewer metadata")):
        assert main(["validate", str(path)]) == 2
        err = capsys.readouterr().err
        assert f"cannot read {path}" in err and said in err
        assert main(["convert", str(path), str(tmp_path / "out.timeline.json")]) == 2


def test_the_schema_is_skipped_only_for_events_certainly_within_it(bundled_path):
    """Rows of the common shape skip jsonschema (~2,000 events/s); every event it skips must
    pass the schema, and every mutation of one that breaks the schema must not be skipped."""
    import copy
    import json
    from pathlib import Path

    from viewer.io.collection_check import schema_certain
    from viewer.io.native_problems import Problems
    from viewer.io.native_schema import schema_problems
    from viewer.io.native_write import event_to_dict

    from .collection import collection

    doc = json.loads(Path(bundled_path).read_text(encoding="utf-8"))

    events = list(doc["events"]) + [event_to_dict(e, "UTC") for e in collection(300).events]
    base = {k: v for k, v in doc.items() if k not in ("events", "stories")}

    def schema_ok(event) -> bool:
        data = {**base, "events": [event]}
        report = Problems("x", data, None)
        schema_problems(data, report)
        return not report.items

    mutations = [("title", " "), ("title", 3), ("id", ""), ("kind", "blob"), ("start", ""), ("start", 2022),
                 ("start", {"edtf": ""}), ("start", {"edtf": "2022", "x": 1}),
                 ("start", {"edtf": "2022", "precision": "day"}),
                 ("end", 5), ("sources", [{"x": 1}]), ("sources", [""]), ("sources", "a"), ("actors", [1]),
                 ("tags", "x"), ("status", "maybe"), ("credibility", 1), ("summary", None), ("track", None),
                 ("location", ["x"]), ("extra", 1), ("title", "\ud800x")]
    certain = 0
    for event in events:
        if schema_certain(event):
            certain += 1
            assert schema_ok(event), event
        for key, value in mutations:
            bad = copy.deepcopy(event)
            bad[key] = value
            assert not (schema_certain(bad) and not schema_ok(bad)), (key, value)
        if "track" in event and event.get("kind") != "band":
            bad = {k: v for k, v in event.items() if k != "track"}
            assert not schema_certain(bad)
    assert certain > len(events) // 2  # the common shape is the common case


def test_a_duckdb_collection_with_wrong_counts_is_counted_from_its_events(tmp_path, bundled_path):
    import duckdb

    from viewer.io.registry import read_timeline, write_timeline

    path = tmp_path / "allied.duckdb"
    assert write_timeline(read_timeline(bundled_path), path) == []
    good = DuckStore(str(path))
    lo, hi = good.extent()
    lanes = list(range(len(good.lane_ids)))
    want = good.density(lo - 1, hi + 1, lanes, 30, exact=True)
    good.close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE counts SET n = n + 3 WHERE res = 86400 AND n > 0")
    con.close()
    store = DuckStore(str(path))
    try:
        assert f"{path} (table 'counts'): its count tables are not used (at width 86400 s, lane" in store.index_note
        import numpy as np

        assert np.array_equal(store.density(lo - 1, hi + 1, lanes, 30), want)
    finally:
        store.close()


def _reordered(src, dest, order: str) -> str:
    """A copy of the collection ``src`` (metadata kept) with its rows in ``order`` (SQL)."""
    import duckdb

    con = duckdb.connect()
    kv = {bytes(k).decode(): bytes(v).decode() for k, v in
          con.execute(f"SELECT key, value FROM parquet_kv_metadata('{src}')").fetchall()}
    kvs = ", ".join(f"{k}: {duckdb.ConstantExpression(v)}" for k, v in kv.items())
    con.execute(f"COPY (SELECT * FROM read_parquet('{src}') ORDER BY {order}) TO '{dest}' "
                f"(FORMAT parquet, KV_METADATA {{{kvs}}})")
    return str(dest)


def _only(event_id: str, column: str, value: str) -> str:
    return f"CASE WHEN id = '{event_id}' THEN {value} ELSE {column} END"


@pytest.mark.parametrize(("columns", "said"), [
    # the json's start to the second, its columns still a day: the pane said 13:37:00, the marker a day
    ({"json": _json_of("mod-statement", '"start":{"edtf":"2022-02-10"', '"start":{"edtf":"2022-02-10T13:37:00Z"')},
     ["at row 5 (event 'mod-statement'), columns 'start_precision', 'start_earliest', "
      "'start_latest', 'sort_point', 'x0', 'x1', 'xm': ",
      "start '2022-02-10T13:37:00Z' (second)", "start_precision 'day' (its json gives 'second')",
      "x0 1644451200.000 (2022-02-10 00:00:00.000 UTC) (its json gives 1644500220.000 (2022-02-10 13:37:00.000 UTC))"]),
    # a column precision finer than the json's
    ({"start_precision": _only("mod-statement", "start_precision", "'second'")},
     ["at row 5 (event 'mod-statement'), column 'start_precision': ",
      "start_precision 'second' (its json gives 'day')"]),
    # a drawn time moved an hour, the dates left alone
    ({"x0": _only("mod-statement", "x0", "x0 + 3600")},
     ["at row 5 (event 'mod-statement'), column 'x0': ",
      "x0 1644454800.000 (2022-02-10 01:00:00.000 UTC) (its json gives 1644451200.000 (2022-02-10 00:00:00.000 UTC))"]),
    # a point's end at +inf
    ({"x1": _only("mod-statement", "x1", "'inf'::DOUBLE")},
     ["at row 5 (event 'mod-statement'): an infinite time in column 'x1'; only an open side of a span is infinite"]),
    # the end a month before the start
    ({"x1": _only("mod-statement", "x1", "x0 - 86400 * 30")},
     ["at row 5 (event 'mod-statement'), column 'x1': x1 1641859200.000 (2022-01-11 00:00:00.000 UTC) is before "
      "x0 1644451200.000 (2022-02-10 00:00:00.000 UTC)"]),
    # a span's end column says another day than its json
    ({"end_earliest": _only("normandy-format-since-2014", "end_earliest", "end_earliest + 86400")},
     ["(event 'normandy-format-since-2014'), column 'end_earliest': ",
      "end '[2022-02-10..]' (day)): end_earliest 1644537600.000 (2022-02-11 00:00:00.000 UTC) (its json gives "
      "1644451200.000 (2022-02-10 00:00:00.000 UTC))"]),
])
def test_a_rows_time_columns_must_say_what_its_json_says(tmp_path, allied, capsys, columns, said):
    """A row whose json was changed to 13:37:00 (its columns still a day, its marker a day
    marker: the detail pane said "13:37:00 UTC (to the second)"), a column precision finer
    than the json's, x1 = +inf on a point, x1 a month before x0: all 'valid' and converted."""
    bad = _forged(allied, tmp_path / "bad.parquet", **columns)
    out = tmp_path / "out.parquet"
    assert main(["validate", bad]) == 1
    err = capsys.readouterr().err
    assert "bad.parquet: invalid (1 problem in its rows)" in err, err
    for text in said:
        assert text in err, err
    assert main(["convert", bad, str(out)]) == 2
    err = capsys.readouterr().err
    assert "cannot convert" in err and "(nothing written)" in err and said[0] in err
    assert not out.exists()


def test_rows_out_of_time_order_are_refused(tmp_path, allied, capsys):
    """Rows sorted by id (not by time: the store finds and pages rows by their order) were valid."""
    bad = _reordered(allied, tmp_path / "unsorted.parquet", "id")
    assert main(["validate", bad]) == 1
    err = capsys.readouterr().err
    assert "unsorted.parquet, at row 3 (event 'drills-begin'), column 'sort_point': out of time order: " in err, err
    assert "comes after row 2 (event 'berlin-advisers-meeting')" in err
    assert "invalid (9 problems in its rows)" in err
    assert "sorted by time (sort_point, then file_index)" in err
    assert main(["convert", bad, str(tmp_path / "out.timeline.json")]) == 2
    assert not (tmp_path / "out.timeline.json").exists()


@pytest.mark.parametrize("suffix", ["parquet", "duckdb"])
def test_sound_collections_have_no_time_problems(tmp_path, suffix, capsys):
    """Every date form of the test collection (times, zones, open sides, qualifiers, bands)
    read back from the json gives the row's columns: no false alarm."""
    from viewer.io.registry import write_timeline

    from .collection import collection

    path = tmp_path / f"c.{suffix}"
    assert write_timeline(collection(1500), path) == []
    assert main(["validate", str(path)]) == 0, capsys.readouterr().err


def test_a_synthetic_collection_has_no_time_problems(tmp_path):
    from viewer.io.collection_check import collection_problems
    from viewer.io.synthetic_store import write_synthetic_collection

    path = str(tmp_path / "s.parquet")
    write_synthetic_collection(path, 3000)
    store = DuckStore(path)
    try:
        assert collection_problems(store) == []
    finally:
        store.close()


def _equal_lanes(allied):
    """Two lanes of ``allied`` with as many drawn events each (swapping them keeps every total)."""
    store = DuckStore(allied)
    try:
        per = dict(store._q("SELECT lane, count(*) FROM ev WHERE drawn AND lane >= 0 GROUP BY lane"))
    finally:
        store.close()
    pairs = [(a, b) for a in per for b in per if a < b and per[a] == per[b]]
    assert pairs, per
    return pairs[0]


@pytest.mark.parametrize("tamper", ["shift", "swap"])
def test_a_count_table_with_right_totals_but_shifted_buckets_or_swapped_lanes_is_not_trusted(
        allied, tmp_path, tamper, capsys, monkeypatch):
    """Every total right (per width, per lane), the buckets wrong: each bucket one later, or two
    lanes of as many events swapped.  The totals check passed it and the density strips were
    wrong; opening now counts a few random buckets again from the events, validate all."""
    import shutil

    import numpy as np

    from viewer.io import duckstore

    # which buckets are checked is random: here the sample is this small table's every bucket
    monkeypatch.setattr(duckstore, "COUNT_SPOT_CHECKS", 10_000)

    good = DuckStore(allied)
    lo, hi = good.extent()
    lanes = list(range(len(good.lane_ids)))
    want_density = good.density(lo - 1, hi + 1, lanes, 40, exact=True)
    good.close()
    counts = counts_path(allied)
    shutil.move(counts, tmp_path / "good.counts.parquet")
    if tamper == "shift":
        change = {"bucket": "CASE WHEN res > 0 THEN bucket + 1 ELSE bucket END"}
    else:
        a, b = _equal_lanes(allied)
        change = {"lane": f"CASE WHEN lane = {a} THEN {b} WHEN lane = {b} THEN {a} ELSE lane END"}
    _forged(tmp_path / "good.counts.parquet", counts, **change)
    store = DuckStore(allied)
    try:
        assert "allied.counts.parquet: its count tables are not used (lane " in store.index_note
        assert "hours in a row checked from a random one" in store.index_note
        assert np.array_equal(store.density(lo - 1, hi + 1, lanes, 40), want_density)
    finally:
        store.close()
    assert main(["validate", allied]) == 1
    assert "its count tables are not used (" in capsys.readouterr().err


def test_a_count_table_with_one_wrong_fine_bucket_is_found_by_validate(allied, tmp_path, capsys):
    """Opening checks a few random buckets; validate counts every bucket of every width again."""
    import shutil

    counts = counts_path(allied)
    shutil.move(counts, tmp_path / "good.counts.parquet")
    _forged(tmp_path / "good.counts.parquet", counts,
            bucket="CASE WHEN res = 10 AND bucket = (SELECT max(bucket) FROM read_parquet('"
                   + str(tmp_path / "good.counts.parquet") + "') WHERE res = 10) THEN bucket + 1 ELSE bucket END")
    assert main(["validate", allied]) == 1
    assert "rows differ from the counts of the events (first at width 10 s" in capsys.readouterr().err



def test_a_wrong_long_events_end_is_named_in_words_not_as_a_negative_width(allied, tmp_path, capsys):
    """validate said "first at width -3600 s" for the list of long events' ends: jargon."""
    import shutil

    counts = counts_path(allied)
    shutil.move(counts, tmp_path / "good.counts.parquet")
    _forged(tmp_path / "good.counts.parquet", counts, x1="CASE WHEN res < 0 THEN x1 + 7200 ELSE x1 END")
    assert main(["validate", allied]) == 1
    err = capsys.readouterr().err
    assert "(first in the list of long events' ends (events over 3600 s), lane " in err
    assert "-3600" not in err

@pytest.mark.parametrize("spoil", ["junk", "link", "foreign"])
def test_a_count_table_file_that_cannot_be_used_is_named_at_opening_and_by_validate(allied, tmp_path, spoil,
                                                                                   capsys, bundled_path):
    """A garbage, linked or another collection's ``.counts.parquet`` was ignored without a word
    (opening gave no note, ``validate`` said valid): the window then counts from the events, and
    the user should know why it is slower and that the file beside theirs is not what it seems."""
    from viewer.app import main
    from viewer.io.duckstore import DuckStore, counts_path
    from viewer.io.registry import read_timeline, write_timeline

    counts = counts_path(allied)
    if spoil == "junk":
        with open(counts, "wb") as f:
            f.write(b"\x00garbage" * 100)
        why = "it cannot be read as Parquet"
    elif spoil == "link":
        os.replace(counts, tmp_path / "elsewhere.parquet")
        os.symlink(tmp_path / "elsewhere.parquet", counts)
        why = "it is a symbolic link, not a regular file: not opened, as a collection's sidecar file is never followed"
    else:
        other = tmp_path / "other" / "allied.parquet"
        other.parent.mkdir()
        assert write_timeline(read_timeline(bundled_path), other) == []
        os.replace(counts_path(str(other)), counts)
        why = "they were written for another collection"
    store = DuckStore(allied)
    try:
        assert f"allied.counts.parquet: its count tables are not used ({why}" in store.index_note
        assert "the window counts from the events instead" in store.index_note
    finally:
        store.close()
    # a link is not followed, and said as a note: the collection itself is sound (breakit5 item 13)
    assert main(["validate", allied]) == (0 if spoil == "link" else 1)
    assert why in capsys.readouterr().err


def test_a_count_table_with_one_coarse_width_shifted_is_not_trusted_at_opening(allied, tmp_path):
    """Only the day buckets one later (every total right, the hour rows right): opening checks every
    coarser width against the table's own hour rows, so it is found every time, not only when a
    random sample happened to pick a day bucket."""
    import shutil

    counts = counts_path(allied)
    shutil.move(counts, tmp_path / "good.counts.parquet")
    _forged(tmp_path / "good.counts.parquet", counts, bucket="CASE WHEN res = 86400 THEN bucket + 1 ELSE bucket END")
    for _ in range(3):
        store = DuckStore(allied)
        try:
            assert "allied.counts.parquet: its count tables are not used (lane " in store.index_note
            assert "86400 s bucket" in store.index_note and "its 3600 s rows there say" in store.index_note
        finally:
            store.close()


def test_the_opening_spot_check_reads_the_events_in_two_range_scans(allied, monkeypatch):
    """Each bucket checked was two more scans of the events (8 of them, 1.1-1.3 s of opening at
    10^8 events); a run of consecutive hours is one range of ``xm`` and one of ``x0``."""
    from viewer.io import duckstore

    monkeypatch.setattr(duckstore, "COUNT_SPOT_CHECKS", 8)
    store = DuckStore(allied)
    asked: list[str] = []
    real = DuckStore._q

    def spy(self, sql, params=None):
        asked.append(self._inline(sql))
        return real(self, sql, params)

    monkeypatch.setattr(DuckStore, "_q", spy)
    try:
        assert store._count_spot_mismatch() is None
    finally:
        store.close()
    events_file = f"read_parquet('{allied}')"
    assert sum(sql.count(events_file) for sql in asked) == 2


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    """A 10,000-event synthetic collection rewritten in row groups of 2,048 rows (five groups)."""
    from viewer.io.synthetic_store import write_synthetic_collection

    folder = tmp_path_factory.mktemp("grouped")
    src = str(folder / "src.parquet")
    write_synthetic_collection(src, 10_000)
    return _forged(src, folder / "grouped.parquet", row_group_size=2048)


def _queries(monkeypatch):
    """The SQL the stores opened after this call run (a list, filled as they run)."""
    from viewer.io import duckstore

    seen: list[str] = []
    real = duckstore.DuckStore._q

    def spy(self, sql, params=None):
        seen.append(sql)
        return real(self, sql, params)

    monkeypatch.setattr(duckstore.DuckStore, "_q", spy)
    return seen


def test_a_sound_collection_opens_from_its_merged_statistics_without_the_footer_rows(grouped, monkeypatch):
    """Opening asked parquet_metadata() twice (one row per row group and column: 0.6-0.9 s each
    at 10^8 events, 2.1-2.5 s of opening in all); the merged statistics answer both checks."""
    seen = _queries(monkeypatch)
    store = DuckStore(grouped)
    try:
        assert store.n_events == 10_000 and store.index_note == ""
        assert len(store._q("SELECT row_group_id FROM parquet_metadata(?) GROUP BY 1", [grouped])) == 5
    finally:
        store.close()
    assert not [q for q in seen[:-1] if "parquet_metadata(" in q]


@pytest.mark.parametrize(("column", "sql", "said"), [
    ("sort_point", "CASE WHEN file_row_number = 5000 THEN 'nan'::DOUBLE ELSE sort_point END",
     "at row 5,001 (event '{id}'): a time that is not a number (NaN) in column 'sort_point'"),
    ("xm", "CASE WHEN file_row_number = 7000 THEN 'nan'::DOUBLE ELSE xm END",
     "at row 7,001 (event '{id}'): a time that is not a number (NaN) in column 'xm'"),
    ("title", "CASE WHEN file_row_number = 3000 THEN NULL ELSE title END",
     "column 'title': 1 rows have no title (NULL)"),
    ("lane", "CASE WHEN file_row_number = 9000 THEN 99 ELSE lane END",
     "lanes 0..99 are used but the collection's metadata names 20 track(s)"),
])
def test_one_bad_row_in_one_row_group_of_many_is_still_refused_at_open(grouped, tmp_path, column, sql, said):
    """The merged statistics must not hide one row group's NaN, NULL or stray lane behind the
    others' sound ones: such a collection is refused, naming the row or the column."""
    import duckdb

    src = f"read_parquet('{grouped}', file_row_number = true)"
    bad = tmp_path / "bad.parquet"
    con = duckdb.connect()
    kv = {bytes(k).decode(): bytes(v).decode() for k, v in
          con.execute(f"SELECT key, value FROM parquet_kv_metadata('{grouped}')").fetchall()}
    kvs = ", ".join(f"{k}: {duckdb.ConstantExpression(v)}" for k, v in kv.items())
    at = int(sql.split("= ")[1].split()[0])
    event_id = con.execute(f"SELECT id FROM {src} WHERE file_row_number = {at}").fetchone()[0]
    names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{grouped}')").fetchall()]
    select = ", ".join(f"{sql} AS {n}" if n == column else n for n in names)
    con.execute(f"COPY (SELECT {select} FROM {src} ORDER BY file_row_number) TO '{bad}' "
                f"(FORMAT parquet, KV_METADATA {{{kvs}}}, ROW_GROUP_SIZE 2048)")
    with pytest.raises(TimelineLoadError) as err:
        DuckStore(str(bad))
    assert "bad.parquet" in str(err.value) and said.format(id=event_id) in str(err.value)
