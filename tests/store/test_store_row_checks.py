"""validate on a forged ClickHouse table: it checked no row and said "valid" (a break-it tester's
tv.forged: duplicate and empty ids, NaN and 1e300 times, lanes 9999 and -1, NULL title and json,
json that is not JSON, json naming another event). Each fault is now counted by the engine and its
first rows named (id, column), exit 1; the same SQL (viewer.io.store_checks) finds the same faults
in DuckDB, chDB and a real server (Debian's 18.16, the legacy layout)."""

import math
from urllib.parse import urlsplit

import pytest

from viewer.app import main
from viewer.io.store_checks import Place, duplicate_id_sql_problems, row_checks, row_fault_problems
from viewer.io.store_sql import CLICKHOUSE, DUCKDB, sql_literal

duckdb = pytest.importorskip("duckdb")

BASE = "drills-begin"  # a point on the 'exercise' track (lane 0) of the bundled timeline


def _forgeries(json: str) -> list[dict]:
    """Rows made from BASE (its json ``json``), each with one fault (a NULL title also leaves
    the json's title unmatched)."""
    def own(new_id):
        return json.replace(f'"id":"{BASE}"', f'"id":"{new_id}"')

    nan = math.nan
    return [
        {"id": "f-nulljson", "json": None},
        {"id": "f-nulltitle", "title": None, "json": own("f-nulltitle")},
        {"id": "f-big", "x0": 1e300, "x1": 1e300, "xm": 1e300, "json": own("f-big")},
        {"id": "f-nan", "x0": nan, "xm": nan, "json": own("f-nan")},
        {"id": "f-lane9999", "lane": 9999, "json": own("f-lane9999")},
        {"id": "f-lane-1", "lane": -1, "json": own("f-lane-1")},
        {"id": "f-notjson", "json": "{not json"},
        {"id": "x", "title": "<script>alert(1)</script>",  # another event's json, markup in both titles
         "json": own("other").replace('"title":"Drills begin in Belarus"', '"title":"<script>alert(1)</script>"')},
        {"id": "", "json": own("")},
        {},  # BASE twice
    ]


EXPECTED = {  # (id, column, words) of each fault found
    ("f-nulljson", "json", "no event json (NULL)"),
    ("f-nulltitle", "title", "no title (NULL)"),
    ("f-nulltitle", "title", "but its json names title 'Drills begin in Belarus'"),
    ("f-big", "x0", "a time of 1e+300 s from 1970"), ("f-big", "x1", "a time of 1e+300 s from 1970"),
    ("f-big", "xm", "a time of 1e+300 s from 1970"),
    ("f-nan", "x0", "not a number"), ("f-nan", "xm", "not a number"),
    ("f-lane9999", "lane", "lane 9999, but its track 'exercise' is lane 0"),
    ("f-lane-1", "lane", "lane -1, but its track 'exercise' is lane 0"),
    ("f-notjson", "json", "'{not json' is not an event's JSON object"),
    ("x", "id", "'x', but its json names id 'other'"),
    ("", "id", "no id (NULL or empty)"),
    (BASE, "id", f"id '{BASE}' is used by 2 rows"),
}


_ROW_PASS = {  # on ClickHouse the json is read in Python, as the window reads it: its words
    "but its json names title 'Drills begin in Belarus'":
        "None, but the event's json has title 'Drills begin in Belarus'",
    "'{not json' is not an event's JSON object": "its 'json' column is not the event's JSON object",
    "'x', but its json names id 'other'": "'x', but the event's json has id 'other'",
}
EXPECTED_CH = {(i, c, _ROW_PASS.get(w, w)) for i, c, w in EXPECTED}


def _forge_sql(table: str, names: list[str], json: str, dialect: str) -> list[str]:
    """INSERTs adding the forged rows to ``table`` (columns ``names``, in order)."""
    out = []
    for i, forged in enumerate(_forgeries(json)):
        cols = []
        for n in names:
            if n == "file_index":
                cols.append(f"file_index + {1000 + i} AS file_index")
            elif n in forged:
                v = forged[n]
                cols.append(f"NULL AS {n}" if v is None else f"{sql_literal(v, dialect)} AS {n}")
            else:
                cols.append(n)
        out.append(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(cols)} FROM (SELECT * FROM {table} "
                   f"WHERE id = {sql_literal(BASE, dialect)} LIMIT 1) AS src")
    return out


def _found(problems) -> set:
    """(id, column, message) of each problem naming a row."""
    import re

    out = set()
    for p in problems:
        m = re.search(r"\(event '([^']*)'\), column '(\w+)'|file_index [\d,]+, column '(\w+)'", p.location or "")
        if m:
            out.add((m.group(1) if m.group(1) is not None else "", m.group(2) or m.group(3), p.message))
    return out


def _has_all(problems, expected=EXPECTED) -> None:
    found = _found(problems)
    for event_id, column, words in expected:
        assert any(i == event_id and c == column and words in m for i, c, m in found), (event_id, column, words, found)
    assert not any(i in ("f-big", "f-nan", "f-lane9999", "f-lane-1") and c == "id" for i, c, _ in found)  # own json


@pytest.fixture(scope="module")
def allied(tmp_path_factory):
    from viewer.app import bundled_timeline_path
    from viewer.io.registry import read_timeline, write_timeline

    bundled_path = bundled_timeline_path()

    path = tmp_path_factory.mktemp("allied") / "allied.parquet"
    assert write_timeline(read_timeline(bundled_path), path) == []
    return str(path)


@pytest.fixture(scope="module")
def base_json(allied):
    con = duckdb.connect()
    try:
        return con.execute(f"SELECT json FROM read_parquet('{allied}') WHERE id = ?", [BASE]).fetchone()[0]
    finally:
        con.close()


def test_duckdb_finds_each_fault_with_the_same_sql(allied, base_json):
    from viewer.io.registry import read_timeline

    lane_ids = [t.id for t in read_timeline(allied).tracks]
    con = duckdb.connect()
    con.execute(f"CREATE TABLE ev AS SELECT *, file_index AS file_row_number FROM read_parquet('{allied}')")
    names = [r[0] for r in con.execute("DESCRIBE ev").fetchall()]
    for sql in _forge_sql("ev", names, base_json, DUCKDB):
        con.execute(sql)
    query = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    place = Place("file_index", lambda at, i: f"file_index {at}" + (f" (event {i!r})" if i else ""))
    problems = (row_fault_problems(query, "ev", "x.parquet", row_checks(DUCKDB, lane_ids), place)
                + duplicate_id_sql_problems(query, "ev", "x.parquet", place))
    _has_all(problems)
    con.execute("DELETE FROM ev WHERE file_index >= 1000")
    assert row_fault_problems(query, "ev", "x.parquet", row_checks(DUCKDB, lane_ids), place) == []


def test_chdb_finds_each_fault(allied, base_json, tmp_path):
    pytest.importorskip("chdb")
    from viewer.io.clickstore import ChdbBackend, ClickStore, load_collection, table_problems

    backend = ChdbBackend(str(tmp_path))
    try:
        load_collection(backend, "tv", "events", allied)
        s = ClickStore(backend, "tv", "events")
        assert table_problems(s) == []  # the sound table
        names = [r[0] for r in backend.rows("SELECT name FROM system.columns WHERE database = 'tv' AND "
                                            "table = 'events' ORDER BY position")[1]]
        for sql in _forge_sql("tv.events", names, base_json, CLICKHOUSE):
            backend.command(sql)
        _has_all(table_problems(s), EXPECTED_CH)
        _refuses_another_events_row(s)
    finally:
        backend.close()


def _refuses_another_events_row(store):
    """Row 'x' holds the json of 'other': "event by id" (the detail pane) refuses it, by id or place."""
    from viewer.model.errors import TimelineLoadError

    said = "row 'x': its stored event names 'other'; the collection is damaged; run validate"
    with pytest.raises(TimelineLoadError, match=said):
        store.event("x")
    with pytest.raises(TimelineLoadError, match=said):
        store.event_at(1008)  # file_index 1 + 1000 + its place among the forgeries
    with pytest.raises(TimelineLoadError, match="row 'f-notjson': its 'json' column is not the event's JSON"):
        store.event("f-notjson")
    assert store.event("f-lane9999").id == "f-lane9999"
    with pytest.raises(TimelineLoadError, match="the collection is damaged; run validate"):
        store.page(0, 100)  # the list's rows (their dates from the json)


@pytest.fixture(scope="module")
def forged_server(allied, base_json, clickhouse_url):
    """``(host, port)`` of the test server holding ``rc.events`` (sound) and ``rc.forged``."""
    from viewer.io.clickstore import NativeBackend, load_collection

    parts = urlsplit(clickhouse_url)
    backend = NativeBackend(parts.hostname, parts.port, "default", "default", "")
    try:
        load_collection(backend, "rc", "events", allied)
        load_collection(backend, "rc", "forged", allied)
        _, columns = backend.rows("SELECT name FROM system.columns WHERE database = 'rc' AND table = 'forged'")
        # not the legacy layout's span: computed by the server (MATERIALIZED), never inserted
        for sql in _forge_sql("rc.forged", [r[0] for r in columns if r[0] != "span"], base_json, CLICKHOUSE):
            backend.command(sql)
    finally:
        backend.close()
    return parts.hostname, parts.port


def test_validate_on_the_server_names_each_fault_and_exits_1(forged_server, capsys, monkeypatch):
    monkeypatch.delenv("TIMELINE_CLICKHOUSE_PASSWORD", raising=False)
    host, port = forged_server
    sound = f"clickhouse://{host}:{port}/rc?table=events&protocol=native"
    assert main(["validate", sound]) == 0
    assert "valid (16 events" in capsys.readouterr().out
    assert main(["validate", f"clickhouse://{host}:{port}/rc?table=forged&protocol=native"]) == 1
    err = capsys.readouterr().err
    assert "invalid (" in err and "problems in its rows" in err
    for event_id, column, words in EXPECTED_CH:
        where = f"(event '{event_id}'), column '{column}'" if event_id else f", column '{column}'"
        assert any(where in line and words in line for line in err.splitlines()), (event_id, column, words, err)
    assert "the row with file_index 1,009, column 'id': no id" in err  # the row with no id, by its place
    from viewer.io.clickstore import open_url

    store = open_url(f"clickhouse://{host}:{port}/rc?table=forged&protocol=native")
    try:
        _refuses_another_events_row(store)
    finally:
        store.close()


def test_a_parquet_row_in_another_tracks_lane_is_named(allied, tmp_path, capsys):
    """A row drawn in lane -1 (the bands') while its track is lane 0: the json pass reads the
    track from the json and said "valid"; the window drew it across every lane."""
    from .test_duck_store import _forged

    bad = _forged(allied, tmp_path / "bad.parquet", lane=f"CASE WHEN id = '{BASE}' THEN -1 ELSE lane END")
    assert main(["validate", bad]) == 1
    err = capsys.readouterr().err
    assert f"(event '{BASE}'), column 'lane': lane -1, but its track 'exercise' is lane 0" in err


def _sly_forgeries(json: str) -> list[dict]:
    """A break-it tester's rows (tv.f_*) that validate on a server called "valid" although the
    window refuses them: a nested id first, a duplicate id key (JSON's last wins), time columns
    of 1999 under a json of another date, a repeated file_index, a search_text not the event's
    words; and a sound row written with
    spaces (json.dumps's default), which 18.16's SQL read as naming id ''."""
    import json as js

    def own(new_id):
        return json.replace(f'"id":"{BASE}"', f'"id":"{new_id}"')

    spaced = js.loads(own("f-spaced"))
    t1999 = 915148800.0
    return [
        {"id": "f-nested", "json": '{"x":{"id":"f-nested"},' + json[1:]},
        {"id": "f-dupkey", "json": '{"id":"f-dupkey",' + json[1:]},
        {"id": "f-dates", "json": own("f-dates"), "start_edtf": "1999-01-01", "x0": t1999, "sort_point": t1999,
         "xm": t1999, "start_earliest": t1999},
        {"id": "f-dupfi", "json": own("f-dupfi"), "file_index": "keep"},
        {"id": "f-spaced", "json": js.dumps(spaced)},
        {"id": "f-search", "json": own("f-search"), "search_text": "totally different words"},
    ]


@pytest.fixture(scope="module")
def sly_server(allied, base_json, clickhouse_url):
    """``(host, port)`` of the test server holding ``rc.sly`` (:func:`_sly_forgeries`)."""
    from viewer.io.clickstore import NativeBackend, load_collection

    parts = urlsplit(clickhouse_url)
    backend = NativeBackend(parts.hostname, parts.port, "default", "default", "")
    try:
        load_collection(backend, "rc", "sly", allied)
        _, columns = backend.rows("SELECT name FROM system.columns WHERE database = 'rc' AND table = 'sly'")
        names = [r[0] for r in columns]
        for i, forged in enumerate(_sly_forgeries(base_json)):
            cols = []
            for n in names:
                if n == "file_index":
                    cols.append("file_index" if forged.get(n) == "keep" else f"file_index + {1000 + i} AS file_index")
                elif n in forged:
                    cols.append(f"{sql_literal(forged[n], CLICKHOUSE)} AS {n}")
                elif n != "span":
                    cols.append(n)
            names_in = ", ".join(n for n in names if n != "span")
            backend.command(f"INSERT INTO rc.sly ({names_in}) SELECT {', '.join(cols)} FROM (SELECT * FROM rc.sly "
                            f"WHERE id = {sql_literal(BASE, CLICKHOUSE)} LIMIT 1) AS src")
    finally:
        backend.close()
    return parts.hostname, parts.port


def test_validate_on_the_server_reads_each_rows_json_as_the_window_does(sly_server, capsys, monkeypatch):
    monkeypatch.delenv("TIMELINE_CLICKHOUSE_PASSWORD", raising=False)
    host, port = sly_server
    assert main(["validate", f"clickhouse://{host}:{port}/rc?table=sly&protocol=native"]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()

    def said(event_id, column, words):
        return any(f"(event '{event_id}'), column" in line and column in line and words in line for line in lines)

    assert said("f-nested", "'id'", "'f-nested', but the event's json has id 'drills-begin'"), err
    assert said("f-dupkey", "'id'", "'f-dupkey', but the event's json has id 'drills-begin'"), err
    assert said("f-dates", "'x0'", "its time columns do not say what its json says"), err
    assert "1999-01-01" in err
    assert ("the row with file_index 1 (event 'drills-begin'), column 'file_index': file_index 1 is held by 2 rows"
            in err)
    assert not any("f-spaced" in line for line in lines), err  # its json is its own, spaces or not
    assert said("f-search", "'search_text'", "'totally different words' is not its event's text"), err
    assert "rows checked" in err  # progress


def test_a_table_without_a_column_is_not_a_collection(allied, clickhouse_url, capsys, monkeypatch, tmp_path):
    """tv.nojson (a collection's table without its json column): validate and convert ended in a
    37-line traceback ("Unknown identifier: json", exit 1) and the window opened with empty lanes."""
    from viewer.io.clickstore import NativeBackend, load_collection

    monkeypatch.delenv("TIMELINE_CLICKHOUSE_PASSWORD", raising=False)
    parts = urlsplit(clickhouse_url)
    backend = NativeBackend(parts.hostname, parts.port, "default", "default", "")
    try:
        load_collection(backend, "rc", "nojson", allied)
        backend.command("ALTER TABLE rc.nojson DROP COLUMN json")
    finally:
        backend.close()
    url = f"clickhouse://{parts.hostname}:{parts.port}/rc?table=nojson&protocol=native"
    said = "not a timeline collection: no column json in table rc.nojson"
    assert main(["validate", url]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err, err
    assert main(["convert", url, str(tmp_path / "out.timeline.json")]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err, err


def test_chdb_rows_of_unknown_and_open_years_are_valid(tmp_path, capsys):
    """The row pass's open whisker leaves the unknown years out (as on a collection file): convert's
    own table with an open start and an unknown year validates, no row's x0 said wrong."""
    pytest.importorskip("chdb")
    import json
    from pathlib import Path

    src = tmp_path / "min.timeline.json"
    src.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "t",
                               "tracks": [{"id": "a", "label": "A"}], "events": [
        {"id": "p", "track": "a", "title": "P", "start": {"edtf": "[..2022-02-10]"}},
        {"id": "q", "track": "a", "title": "Q", "start": {"edtf": "2022-02-12"}},
        {"id": "u", "track": "a", "title": "U", "start": {"edtf": "XXXX-06-10"}}]}), encoding="utf-8")
    fixture = Path(__file__).resolve().parents[1] / "data" / "unknown_year.timeline.json"
    (tmp_path / "db").mkdir()
    for k, path in enumerate((src, fixture)):
        url = f"chdb://{tmp_path / 'db'}?table=t{k}"
        assert main(["convert", str(path), url]) in (0, 1)
        capsys.readouterr()
        assert main(["validate", url]) == 0, capsys.readouterr().err
