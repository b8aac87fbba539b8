"""Search, filters and their place in the view state, on the bundled timeline (no Qt)."""

import pytest

from viewer.io import read_timeline
from viewer.model.calendar import epoch_from_civil
from viewer.model.filters import NONE_VALUE, FilterState, apply_filters, facet_counts
from viewer.model.search import fold, next_match, search
from viewer.model.viewstate import ViewState


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


# -- search -------------------------------------------------------------------

def test_search_finds_words_in_quotes_speakers_and_titles_ignoring_case_and_accents(tl):
    assert search(tl, "LOWEST level") == ("lavrov-lowest-level",)  # quote text
    assert "peskov-unprecedented-threats" in search(tl, "peskov")  # speaker
    assert fold("Élysée") == "elysee"
    assert search(tl, "   ") == ()


def test_every_term_must_match_and_quoted_phrases_stay_together(tl):
    both = search(tl, "johnson stoltenberg")
    assert "johnson-stoltenberg-brussels" in both
    assert "stoltenberg-largest-deployment" not in both  # no Johnson there
    assert search(tl, '"lowest level"') == ("lavrov-lowest-level",)
    assert search(tl, '"level lowest"') == ()
    assert search(tl, 'unbalanced "quote') == ()  # never raises


def test_search_covers_sources_and_returns_time_order(tl):
    hits = search(tl, "washington insider")  # the outlet every event cites
    assert len(hits) >= 10
    starts = [tl.event(e).sort_point for e in hits]
    assert starts == sorted(starts)


def test_next_match_wraps_and_starts_after_the_selection(tl):
    m = search(tl, "johnson")
    assert len(m) == 2
    assert next_match(m, None, +1) == m[0]
    assert next_match(m, m[-1], +1) == m[0]  # wraps
    assert next_match(m, m[0], -1) == m[-1]
    # from a non-matching event: the first match after it in time
    assert next_match(m, "normandy-format-since-2014", +1, tl) == m[0]
    assert next_match((), "x", +1) is None


# -- filters ------------------------------------------------------------------

def test_hiding_a_track_removes_its_lane_and_events_but_keeps_the_origin(tl):
    f = FilterState().with_track_hidden("uk", True)
    out = apply_filters(tl, f)
    assert "uk" not in [t.id for t in out.tracks]
    assert not any(e.track == "uk" for e in out.events)
    assert out.has_event("allied-resolve-2022")  # bands are on no track
    assert out.columns.origin_epoch_s == tl.columns.origin_epoch_s
    assert apply_filters(tl, FilterState()) is tl


def test_origin_is_kept_when_the_earliest_event_is_filtered_out(tl):
    # without a reference date the origin comes from the first event: drop it
    import dataclasses

    bare = dataclasses.replace(tl, reference_date=None)
    f = FilterState(hidden_tracks=frozenset({"normandy"}),  # the 2014 span
                    date_range=(epoch_from_civil(2022, 2, 1), epoch_from_civil(2022, 3, 1)))
    out = apply_filters(bare, f)
    unrebased = dataclasses.replace(bare, tracks=out.tracks, events=out.events)
    assert unrebased.columns.origin_epoch_s != bare.columns.origin_epoch_s  # the case tested
    assert out.columns.origin_epoch_s == bare.columns.origin_epoch_s
    row, full_row = out.columns.row_of("drills-end"), bare.columns.row_of("drills-end")
    assert out.columns.xm[row] == bare.columns.xm[full_row]


def test_track_order_renumbers_lanes(tl):
    f = FilterState(track_order=("uk", "exercise"))
    out = apply_filters(tl, f)
    ids = [t.id for t in out.tracks]
    assert ids[:2] == ["uk", "exercise"] and sorted(ids) == sorted(t.id for t in tl.tracks)
    assert out.track_index["uk"] == 0


def test_facets_combine_with_and_and_values_with_or(tl):
    f = FilterState().with_facet("actors", {"Boris Johnson", "Liz Truss"})
    out = apply_filters(tl, f)
    assert {e.id for e in out.events} == {
        "johnson-stoltenberg-brussels", "johnson-poland", "truss-arrives-moscow", "lavrov-lowest-level"}
    f2 = f.with_facet("tags", {"scheduled"})
    assert {e.id for e in apply_filters(tl, f2).events} == {"johnson-stoltenberg-brussels", "johnson-poland"}


def test_date_range_keeps_events_whose_possible_interval_meets_it(tl):
    lo, hi = epoch_from_civil(2022, 2, 3), epoch_from_civil(2022, 2, 4)
    ids = {e.id for e in apply_filters(tl, FilterState(date_range=(lo, hi))).events}
    assert "stoltenberg-largest-deployment" in ids  # on 3 Feb
    assert "us-alarm" in ids  # on or before 10 Feb: could be 3 Feb
    assert "normandy-format-since-2014" in ids  # 2014 .. still going
    assert "drills-begin" not in ids and "johnson-poland" not in ids


def test_facet_counts_say_how_many_events_each_value_would_show(tl):
    counts = facet_counts(tl, FilterState(), "source_kinds")
    assert counts["news_article"][1] == len(tl.events)
    tags = facet_counts(tl, FilterState().with_track_hidden("uk", True), "tags")
    shown, total = tags["scheduled"]
    assert total == 4 and shown == 2  # drills-end, berlin meeting; not the two UK ones
    assert NONE_VALUE not in tags  # every event is tagged
    with pytest.raises(ValueError, match="unknown facet"):
        facet_counts(tl, FilterState(), "colour")


# -- view state ------------------------------------------------------------------

def test_view_state_announces_search_filter_and_zone_changes_once():
    st = ViewState()
    seen = []
    st.subscribe(lambda s, changed: seen.append(changed))
    st.query = "lavrov"
    st.query = "lavrov"
    st.matches = ("a", "b")
    st.filters = FilterState().with_track_hidden("uk", True)
    st.filters = FilterState().with_track_hidden("uk", True)  # equal value: silent
    st.display_zone = "Europe/Berlin"
    assert seen == [{"query"}, {"matches"}, {"filters"}, {"display_zone"}]
    with pytest.raises(TypeError):
        st.filters = {"tracks": []}
