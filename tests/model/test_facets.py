"""Vectorised filters and facet counts (viewer.model.facets) agree with a
brute-force walk over the events, for seeded random filter states (no Qt)."""

import json
import random
from collections import Counter

import numpy as np
import pytest

from viewer.io import bulk, read_timeline
from viewer.io.native import timeline_from_dict
from viewer.model.facets import FacetIndex
from viewer.model.filters import (
    FACETS,
    FilterState,
    all_facet_counts,
    apply_filters,
    event_passes,
    facet_counts,
    facet_values,
    filter_mask,
    track_counts,
)
from viewer.model.synthetic import synthetic_timeline
from viewer.model.timeline import EventKind, LazyEvents


def brute_counts(tl, f, facet):
    total, shown = Counter(), Counter()
    for ev in tl.events:
        values = facet_values(ev, tl, facet)
        total.update(values)
        if event_passes(ev, tl, f, skip=facet):
            shown.update(values)
    return {k: (shown[k], total[k]) for k in total}


def brute_tracks(tl, f):
    import dataclasses

    g = dataclasses.replace(f, hidden_tracks=frozenset())
    total, shown = Counter(), Counter()
    for ev in tl.events:
        if ev.kind == EventKind.BAND:
            continue
        total[ev.track] += 1
        if event_passes(ev, tl, g):
            shown[ev.track] += 1
    return {t.id: (shown[t.id], total[t.id]) for t in tl.tracks}


def random_state(rng: random.Random, tl) -> FilterState:
    f = FilterState(hidden_tracks=frozenset(t.id for t in tl.tracks if rng.random() < 0.25))
    for facet in FACETS:
        if rng.random() < 0.45:
            values = list(tl.facets.counts(FilterState(), facet)) + ["no-such-value"]
            f = f.with_facet(facet, [v for v in values if rng.random() < 0.5])
    if rng.random() < 0.6:
        lo, hi = tl.finite_extent()
        a, b = sorted(rng.uniform(lo - 86400, hi + 86400) for _ in range(2))
        f = FilterState(**{**f.__dict__, "date_range": (a, b if rng.random() < 0.8 else float("inf"))})
    return f


def check_against_brute_force(tl, states):
    # each state after the others on the same index: the masks it keeps of
    # the previous state's filters must not leak into the next one's counts
    for f in [*states, *states[::-1]]:
        mask = filter_mask(tl, f)
        assert mask.tolist() == [event_passes(ev, tl, f) for ev in tl.events], f
        every = all_facet_counts(tl, f)
        assert every == {facet: brute_counts(tl, f, facet) for facet in FACETS}, f
        for facet in FACETS:
            got = facet_counts(tl, f, facet)
            assert got == brute_counts(tl, f, facet), (f, facet)
            assert list(got) == sorted(got, key=lambda v: (v == "", -got[v][1], v.casefold()))
        assert track_counts(tl, f) == brute_tracks(tl, f), f
        assert [e.id for e in apply_filters(tl, f).events] == [e.id for e in tl.events if event_passes(e, tl, f)]


@pytest.fixture(scope="module")
def bundled():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def test_counts_and_mask_match_brute_force_on_the_bundled_timeline(bundled):
    rng = random.Random(6)
    states = [FilterState()] + [random_state(rng, bundled) for _ in range(60)]
    assert any(not s.is_default for s in states)
    check_against_brute_force(bundled, states)


def test_facet_codes_are_csr_with_each_value_once_per_event(bundled):
    idx = FacetIndex(bundled)
    for facet in FACETS:
        fc = idx.facets[facet]
        assert fc.offsets[0] == 0 and fc.offsets[-1] == len(fc.codes) == len(fc.rows)
        assert np.all(np.diff(fc.offsets) >= 1)  # every event has a value, "(none)" at least
        for i, ev in enumerate(bundled.events):
            got = [fc.values[c] for c in fc.codes[fc.offsets[i]:fc.offsets[i + 1]]]
            assert got == list(facet_values(ev, bundled, facet))


ACTORS = ("Putin", "Lukashenko", "Truss", "Lavrov", "Macron", "Scholz", "Biden", "Stoltenberg")
TAGS = ("drills", "talks", "Statement", "scheduled", "claim")


def synthetic_doc(n: int, seed: int = 10):
    """``synthetic_timeline(n)`` with seeded actors, tags, sources (one relayed) and quotes on a third of the events."""
    rng = random.Random(seed)
    events = list(synthetic_timeline(n, seed=3).native_events())
    for ev in events:
        if rng.random() < 0.33:
            ev["actors"] = rng.sample(ACTORS, rng.randint(1, 3))
            ev["tags"] = rng.sample(TAGS, rng.randint(0, 2))
            if rng.random() < 0.5:
                ev["sources"] = rng.sample(["paper", "tv", "mod"], rng.randint(1, 2))
            if rng.random() < 0.3:
                ev["quotes"] = [{"text": "words", "speaker": "X", "source": rng.choice(["paper", "mod", "blog"])}]
    events.append({"id": "band", "kind": "band", "title": "Exercise", "start": "2022-02-10", "end": "2022-02-20",
                   "tags": ["drills"]})
    return {"format": "timeline-viewer", "version": 1, "title": "Synthetic with facets",
            "tracks": [{"id": f"t{k:02d}", "label": f"Track {k + 1}", "order": k} for k in range(20)],
            "sources": [{"id": "paper", "kind": "news_article", "outlet": "Paper"},
                        {"id": "tv", "kind": "interview", "outlet": "TV"},
                        {"id": "mod", "kind": "official_statement", "outlet": "MoD", "via": "paper"},
                        {"id": "blog", "kind": "other_outlet", "outlet": "Blog"}],
            "events": events}


@pytest.fixture(scope="module")
def synthetic_10k():
    return timeline_from_dict(synthetic_doc(10_000))


def test_counts_and_mask_match_brute_force_on_a_synthetic_10k_timeline(synthetic_10k):
    tl = synthetic_10k
    rng = random.Random(10)
    check_against_brute_force(tl, [FilterState()] + [random_state(rng, tl) for _ in range(6)])
    assert tl.facets.counts(FilterState(), "actors")["Putin"][1] > 100


def test_lazy_timeline_counts_without_building_plain_events(tmp_path, monkeypatch, synthetic_10k):
    path = tmp_path / "big.timeline.json"
    path.write_text(json.dumps(synthetic_doc(10_000)), encoding="utf-8")
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 0)
    first = bulk.read_bulk(str(path), path.read_bytes())  # writes the cache
    again = bulk.read_bulk(str(path), path.read_bytes())  # from the cache
    rng = random.Random(11)
    states = [FilterState()] + [random_state(rng, synthetic_10k) for _ in range(8)]
    for tl in (first, again):
        assert isinstance(tl.events, LazyEvents) and tl.events.facts is not None
        built = []
        make = tl.events._make
        tl.events._make = lambda i, make=make, built=built: built.append(i) or make(i)
        for f in states:
            assert filter_mask(tl, f).tolist() == filter_mask(synthetic_10k, f).tolist()
            for facet in FACETS:
                assert facet_counts(tl, f, facet) == facet_counts(synthetic_10k, f, facet)
            assert track_counts(tl, f) == track_counts(synthetic_10k, f)
        rich = sum(1 for e in synthetic_10k.events if e.actors or e.tags or e.quotes or e.sources)
        assert len(set(built)) == rich < len(tl.events) / 2  # only events with facet values were built


def test_filtering_a_lazy_timeline_builds_no_event_and_matches_the_eager_result(tmp_path, synthetic_10k):
    path = tmp_path / "big.timeline.json"
    path.write_text(json.dumps(synthetic_doc(10_000)), encoding="utf-8")
    lazy = bulk.read_bulk(str(path), path.read_bytes())
    _ = lazy.facets  # built once (builds the rich events), then filtering builds none
    built = []
    make = lazy.events._make
    lazy.events._make = lambda i: built.append(i) or make(i)
    rng = random.Random(12)
    states = [random_state(rng, synthetic_10k) for _ in range(5)]
    states.append(FilterState(track_order=("t05", "t02"), hidden_tracks=frozenset({"t00"})))
    for f in states:
        before = len(built)
        got, want = apply_filters(lazy, f), apply_filters(synthetic_10k, f)
        assert isinstance(got.events, LazyEvents)
        assert [t.id for t in got.tracks] == [t.id for t in want.tracks]
        assert got.events.ids == [e.id for e in want.events]
        gc, wc = got.columns, want.columns
        assert gc.origin_epoch_s == wc.origin_epoch_s
        assert gc.ids == wc.ids and np.array_equal(gc.lane, wc.lane) and np.array_equal(gc.lane_bounds, wc.lane_bounds)
        for name in ("event_index", "kind", "x0", "x1", "xm", "x1_cummax", "time_order", "xm_order", "flags"):
            assert np.array_equal(getattr(gc, name), getattr(wc, name)), name
        assert len(built) == before  # no event built to filter
        # the filtered lazy timeline filters and counts again like the eager one
        g = FilterState(tags=frozenset({"talks"}))
        assert facet_counts(got, g, "actors") == facet_counts(want, g, "actors")
        assert got.finite_extent() == pytest.approx(want.finite_extent())
    assert got.event(got.events.ids[3]).id == want.events[3].id
