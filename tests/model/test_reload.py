"""What survives a live reload of the same file, and what opening another one resets (no Qt)."""

from viewer.io.native import timeline_from_dict
from viewer.model.filters import FilterState, apply_filters
from viewer.model.reload import KeptView, fresh_view, kept_on_reload
from viewer.model.viewstate import ViewState


def timeline(tracks, events=(), bands=()):
    """A native timeline: ``tracks`` ids; ``events`` (id, track, tags); ``bands`` ids."""
    evs = [{"id": i, "track": t, "title": i, "start": "2022-02-10", "tags": list(tags)} for i, t, tags in events]
    evs += [{"id": b, "kind": "band", "title": b, "start": "2022-02-01", "end": "2022-02-20"} for b in bands]
    return timeline_from_dict({"format": "timeline-viewer", "version": 1, "title": "T",
                               "tracks": [{"id": t, "label": t.upper()} for t in tracks], "events": evs})


OLD = timeline(["a", "b", "c", "d"], [("e1", "a", ["x"]), ("e2", "b", ["y"]), ("e3", "c", ["z"])], ["drill"])


def state(**kw) -> ViewState:
    s = ViewState()
    for k, v in kw.items():
        setattr(s, k, v)
    return s


def test_unchanged_file_keeps_everything():
    f = FilterState(hidden_tracks=frozenset({"b"}), track_order=("d", "c", "b", "a"),
                    tags=frozenset({"x", "y"}), date_range=(0.0, 1e10))
    s = state(filters=f, collapsed_tracks={"a", "c"}, dday="band:drill")
    assert kept_on_reload(s, OLD, OLD) == KeptView(f, frozenset({"a", "c"}), "band:drill", None)


def test_vanished_ids_are_dropped_and_the_rest_kept():
    new = timeline(["a", "c", "d"], [("e1", "a", ["x"]), ("e3", "c", ["z"])])  # b, tag y and the band gone
    f = FilterState(hidden_tracks=frozenset({"b", "c"}), track_order=("d", "c", "b", "a"),
                    tags=frozenset({"x", "y"}), date_range=(5.0, 9.0))
    kept = kept_on_reload(state(filters=f, collapsed_tracks={"b", "d"}, dday="band:drill"), OLD, new)
    assert kept.filters == FilterState(hidden_tracks=frozenset({"c"}), track_order=("d", "c", "a"),
                                       tags=frozenset({"x"}), date_range=(5.0, 9.0))
    assert kept.collapsed_tracks == {"d"}
    assert kept.dday is None and kept.dropped_dday == "band:drill"
    assert [t.id for t in apply_filters(new, kept.filters).tracks] == ["d", "a"]


def test_new_tracks_are_appended_to_a_kept_reorder_in_the_files_order():
    new = timeline(["n0", "a", "b", "n1", "c", "d", "n2"])
    kept = kept_on_reload(state(filters=FilterState(track_order=("d", "c", "b", "a"))), OLD, new)
    assert kept.filters.track_order == ("d", "c", "b", "a", "n0", "n1", "n2")


def test_a_reorder_that_comes_back_to_the_files_order_is_the_default():
    new = timeline(["b", "a"])
    kept = kept_on_reload(state(filters=FilterState(track_order=("b", "a", "c", "d"))), OLD, new)
    assert kept.filters.track_order == ()
    assert kept.filters.is_default


def test_a_facet_that_now_allows_every_value_is_inactive():
    new = timeline(["a"], [("e1", "a", ["x"])])
    kept = kept_on_reload(state(filters=FilterState(tags=frozenset({"x", "z"}))), OLD, new)
    assert kept.filters.tags is None


def test_dday_stays_while_its_id_is_in_the_file():
    new = timeline(["a"], [("e1", "a", [])], ["drill"])
    for ref in ("band:drill", "event:e1", "e1"):
        kept = kept_on_reload(state(dday=ref), OLD, new)
        assert (kept.dday, kept.dropped_dday) == (ref, None)
    kept = kept_on_reload(state(dday="event:e2"), OLD, new)
    assert (kept.dday, kept.dropped_dday) == (None, "event:e2")


def test_reload_does_not_change_the_state_and_apply_writes_it():
    s = state(filters=FilterState(hidden_tracks=frozenset({"b"})), collapsed_tracks={"b"}, dday="e2")
    new = timeline(["a"], [("e1", "a", [])])
    kept = kept_on_reload(s, OLD, new)
    assert s.collapsed_tracks == {"b"} and s.dday == "e2"
    heard = []
    s.subscribe(lambda _s, changed: heard.append(changed))
    kept.apply(s)
    assert (s.filters, s.collapsed_tracks, s.dday) == (FilterState(), frozenset(), None)
    assert heard == [{"filters"}, {"collapsed_tracks"}, {"dday"}]


def test_another_file_starts_afresh():
    assert fresh_view() == KeptView(FilterState(), frozenset(), None, None)
