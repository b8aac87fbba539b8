"""`convert` writes collections and the app's readers open them: nothing is lost."""

import numpy as np

from viewer.cli import main as cli_main
from viewer.io.duckstore import read_collection_report
from viewer.io.native import read_native, timeline_to_dict
from viewer.io.registry import read_timeline, read_timeline_report, write_timeline

from .collection import collection


def test_convert_round_trip_is_lossless(bundled_path, tmp_path, capsys):
    for ext in (".parquet", ".duckdb"):
        out, back = tmp_path / f"ar{ext}", tmp_path / f"back{ext}.timeline.json"
        assert cli_main(["convert", bundled_path, str(out)]) == 0
        assert cli_main(["convert", str(out), str(back)]) == 0
        assert timeline_to_dict(read_native(str(back))) == timeline_to_dict(read_native(bundled_path))
    assert "wrote" in capsys.readouterr().out


def test_opened_collection_draws_as_the_source(tmp_path):
    tl = collection(4000, seed=5)
    path = tmp_path / "c.parquet"
    assert write_timeline(tl, path) == []
    got = read_timeline(path)
    a, b = tl.columns, got.columns
    assert a.ids == b.ids and a.origin_epoch_s == b.origin_epoch_s
    for name in ("x0", "x1", "xm", "solid0", "solid1", "flags", "lane", "kind", "time_order", "event_index"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert [got.events[i] for i in (0, 17, 3999)] == [tl.events[i] for i in (0, 17, 3999)]
    for facet in ("actors", "tags", "sources", "source_kinds"):
        mine, theirs = got.facets.facets[facet], tl.facets.facets[facet]
        assert dict(zip(mine.values, mine.totals.tolist(), strict=True)) == dict(
            zip(theirs.values, theirs.totals.tolist(), strict=True))


def test_large_collection_opens_on_a_stretch_and_says_so(tmp_path):
    tl = collection(3000, seed=6)
    path = tmp_path / "c.duckdb"
    write_timeline(tl, path)
    report = read_collection_report(str(path), max_loaded=1000)
    assert len(report.timeline.events) == 1000
    (warning,) = report.warnings
    assert "3,000 events" in warning.message and "opened on 1,000 of them" in warning.message
    latest = sorted(tl.events, key=lambda e: e.sort_point)[-1]
    assert report.timeline.has_event(latest.id)  # the latest stretch of time
    assert read_timeline_report(path).warnings == []


def test_a_large_collection_opens_on_its_home_range_first_events(tmp_path):
    import dataclasses

    tl = collection(3000, seed=6)
    ordered = sorted(tl.events, key=lambda e: (e.sort_point, tl.events.index(e)))
    home = dataclasses.replace(tl, home_start=ordered[1000].start, home_end=ordered[2600].start)
    for ext in (".parquet", ".duckdb"):
        path = tmp_path / f"home{ext}"
        write_timeline(home, path)
        report = read_collection_report(str(path), max_loaded=1000)
        lo = home.home_start.earliest
        expect = [e.id for e in ordered if e.sort_point >= lo][:1000]
        assert [e.id for e in report.timeline.events] == sorted(expect, key=[e.id for e in tl.events].index)
        (warning,) = report.warnings
        assert "opened on 1,000 of them" in warning.message


def test_opening_a_large_collection_sorts_nothing(tmp_path, monkeypatch):
    """At 10^8 events, picking the stretch the window loads (ORDER BY sort point ... LIMIT
    2,000,000, then the rows IN those, in file order) spilled gigabytes to disk: the stretch is a
    range of row positions (the file is in time order), put in file order by numpy."""
    from viewer.io.duckstore import DuckStore

    tl = collection(3000, seed=6)
    write_timeline(tl, tmp_path / "c.parquet")
    asked: list[tuple[str, list]] = []
    for name in ("_q", "_np"):
        run = getattr(DuckStore, name)
        monkeypatch.setattr(DuckStore, name, lambda self, sql, params=None, run=run: (
            asked.append((sql, params or [])), run(self, sql, params))[1])
    report = read_collection_report(str(tmp_path / "c.parquet"), max_loaded=1000)
    store = report.timeline._store
    loading = [(sql, params) for sql, params in asked if "has_end" in sql]  # the window's columns
    assert loading
    for sql, params in loading:
        plan = "".join(r[1] for r in store.con.execute("EXPLAIN " + sql, params).fetchall())
        assert not any(op in plan.upper().replace("_", " ") for op in ("ORDER BY", "TOP N", "HASH JOIN")), plan
    ids = [e.id for e in report.timeline.events]
    latest = {e.id for e in sorted(tl.events, key=lambda e: e.sort_point)[-1000:]}
    assert set(ids) == latest and list(ids) == [e.id for e in tl.events if e.id in latest]  # in file order


def test_not_a_collection_is_named(tmp_path):
    import pytest

    from viewer.model.errors import TimelineLoadError

    bad = tmp_path / "plain.parquet"
    from viewer.io.duckstore import connect

    con = connect()
    con.execute(f"COPY (SELECT 1 AS a) TO '{bad}' (FORMAT parquet)")
    con.close()
    with pytest.raises(TimelineLoadError, match="plain.parquet.*not a timeline collection"):
        read_timeline(bad)


def test_search_in_an_opened_collection_runs_in_the_engine(tmp_path):
    from viewer.model.search import search

    from .collection import brute_search

    tl = collection(3000, seed=8)
    write_timeline(tl, tmp_path / "c.parquet")
    got = read_timeline(tmp_path / "c.parquet")
    assert getattr(got, "_store", None) is not None
    for query in ("lavrov", "élysée 1", '"talks at"', "we said 9"):
        assert list(search(got, query)) == brute_search(tl, query) != []
    from viewer.model.search import search_mask

    mask = search_mask(got, "lavrov")
    assert [got.columns.ids[r] for r in got.columns.time_order if mask[r]] == brute_search(tl, "lavrov")
    part = read_collection_report(str(tmp_path / "c.parquet"), max_loaded=500).timeline
    assert list(search(part, "lavrov")) == [e for e in brute_search(tl, "lavrov") if part.has_event(e)]


def test_planned_draft_and_zoned_events_are_known_without_reading_each_event(tmp_path):
    """The planned marks, drafts and time zones of an opened collection are the source's,
    answered from the loaded columns: opening builds none of the (sourced) events."""
    import dataclasses

    from viewer.model.dates import EventDate
    from viewer.model.timeline import Draft
    from viewer.ui.zone_picker import data_zones

    tl = collection(300, seed=8)
    events = list(tl.events)
    for i in (3, 40, 41):
        events[i] = dataclasses.replace(events[i], planned=True)
    events[7] = dataclasses.replace(events[7], draft=Draft(sentence="Troops will move.", offsets=(0, 17)))
    events[9] = dataclasses.replace(events[9], start=EventDate("2022-03-01T10:00:00", time_zone="Europe/Kyiv"))
    tl = dataclasses.replace(tl, events=tuple(events))
    for ext in (".parquet", ".duckdb"):
        path = tmp_path / f"c{ext}"
        assert all("draft" in w for w in write_timeline(tl, path))  # as the writer says
        got = read_timeline(path)
        assert got.planned_event_indexes == (3, 40, 41)
        drafts = got.draft_flags()
        assert "Europe/Kyiv" in data_zones(got)
        assert set(data_zones(got)) == set(data_zones(tl))
        assert set(got.events._built) <= {3, 7, 40, 41}  # only the marked events were read, not each event
        whole = [got.events.build(i) for i in range(len(events))]  # the slow way agrees
        np.testing.assert_array_equal(drafts, [e.draft is not None for e in whole])
        assert [i for i, e in enumerate(whole) if e.planned] == [3, 40, 41]


def test_drafts_and_planned_events_survive_a_collection_and_its_editing(tmp_path):
    """Honesty: an unreviewed draft or a planned event is never shown as fact, after a trip
    through a collection, an edit of another event, and a save back to a collection."""
    import dataclasses

    from viewer.io.native_rules import NATIVE_RULES
    from viewer.model.commands import UpdateEvent
    from viewer.model.editing import Document
    from viewer.model.timeline import Draft

    tl = collection(3000, seed=8)
    events = list(tl.events)
    plain = [i for i, e in enumerate(events) if not (e.actors or e.tags or e.sources or e.quotes)]
    draft_i, planned_i, edited_i = plain[10], plain[20], plain[30]
    events[draft_i] = dataclasses.replace(events[draft_i], draft=Draft("They met on Monday.", (0, 19), "a.txt"))
    events[planned_i] = dataclasses.replace(events[planned_i], planned=True)
    tl = dataclasses.replace(tl, events=tuple(events))
    first = tmp_path / "c.parquet"
    assert write_timeline(tl, first) == []  # a collection marks drafts: nothing to warn about

    def check(timeline):
        assert timeline.draft_count() == 1
        assert timeline.events[draft_i].draft == events[draft_i].draft
        assert timeline.is_planned(timeline.events[planned_i])
        assert not timeline.events[edited_i].planned and timeline.events[edited_i].draft is None

    opened = read_timeline(first)
    check(opened)
    doc = Document(opened, NATIVE_RULES)
    doc.apply(UpdateEvent(events[edited_i].id, dataclasses.replace(events[edited_i], title="Renamed")))
    check(doc.timeline)
    second = tmp_path / "d.parquet"
    assert write_timeline(doc.timeline, second) == []
    again = read_timeline(second)
    check(again)
    assert again.events[edited_i].title == "Renamed"


def test_convert_to_a_collection_tells_how_far_it_got(bundled_path, tmp_path, capsys):
    assert cli_main(["convert", bundled_path, str(tmp_path / "c.parquet")]) == 0
    err = capsys.readouterr().err
    assert "c.parquet: " in err and "events staged" in err and "counting per lane" in err
    assert "cannot mark" not in err
