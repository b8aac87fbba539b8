"""Tracks without a colour in the file get distinct palette colours (one rule for every view)."""

from viewer.model.dates import EventDate
from viewer.model.filters import FilterState, apply_filters
from viewer.model.timeline import TRACK_PALETTE, Event, Timeline, Track, track_colours


def test_uncoloured_tracks_get_distinct_palette_colours_in_order():
    tracks = [Track(f"t{i}", f"T{i}") for i in range(6)]
    assert track_colours(tracks) == TRACK_PALETTE[:6]
    assert len(set(track_colours(tracks))) == 6


def test_a_coloured_track_keeps_its_colour_and_others_skip_it():
    tracks = [Track("a", "A"), Track("b", "B", color="#e69f00"), Track("c", "C", color="#123456"), Track("d", "D")]
    got = track_colours(tracks)
    assert got[1] == "#e69f00" and got[2] == "#123456"
    assert got[0] == TRACK_PALETTE[1] and got[3] == TRACK_PALETTE[2]  # orange is taken (case ignored)


def test_more_uncoloured_tracks_than_colours_repeat_the_palette():
    got = track_colours([Track(f"t{i}", f"T{i}") for i in range(20)])
    n = len(TRACK_PALETTE)
    assert got[:n] == TRACK_PALETTE and got[n:2 * n] == TRACK_PALETTE


def test_a_filtered_timeline_keeps_each_tracks_colour():
    tracks = tuple(Track(f"t{i}", f"T{i}", order=i) for i in range(4))
    events = tuple(Event(f"e{i}", f"E{i}", EventDate("2022-02-10"), track=f"t{i}") for i in range(4))
    tl = Timeline("t", tracks, events)
    shown = apply_filters(tl, FilterState(hidden_tracks=frozenset({"t0", "t1"})))
    assert [t.id for t in shown.tracks] == ["t2", "t3"]
    assert shown.track_colours == tl.track_colours[2:]


def test_a_filtered_timeline_on_another_zones_days_keeps_each_tracks_colour():
    # ACLED (six uncoloured tracks), Battles and Violence against civilians hidden, the desk on
    # Berlin's days: Explosions, Strategic and Riots were drawn in the 2nd, 3rd and 4th palette
    # colours (light blue, green, dark blue) while the Filters list showed them in their own
    from viewer.model.zones import timeline_on_local_days

    tracks = tuple(Track(f"t{i}", f"T{i}", order=i) for i in range(6))
    events = tuple(Event(f"e{i}", f"E{i}", EventDate("2022-02-10"), track=f"t{i}") for i in range(6))
    tl = Timeline("t", tracks, events)
    own = dict(zip((t.id for t in tl.tracks), tl.track_colours))
    for zone in ("Europe/Berlin", "America/New_York", "UTC"):
        shown = timeline_on_local_days(apply_filters(tl, FilterState(hidden_tracks=frozenset({"t1", "t2"}))), zone)
        assert [t.id for t in shown.tracks] == ["t0", "t3", "t4", "t5"]
        assert shown.track_colours == tuple(own[t.id] for t in shown.tracks), zone
        assert len(set(shown.track_shapes)) == 1  # (no colour repeats: every marker a diamond)
        back = timeline_on_local_days(shown, "UTC")  # the desk back on UTC days
        assert back.track_colours == shown.track_colours
