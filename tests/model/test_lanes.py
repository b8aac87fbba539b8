"""Lane geometry (viewer.model.lanes) and the collapse state of ViewState, without Qt."""

import numpy as np
import pytest

from viewer.model.lanes import DEFAULT_STRIP_FRACTION, lane_geometry
from viewer.model.viewstate import ViewState

IDS = ("exercise", "russia", "nato", "us")


def test_uniform_lanes_when_nothing_is_collapsed():
    g = lane_geometry(IDS)
    assert g.track_ids == IDS
    np.testing.assert_allclose(g.top, [0, 1, 2, 3])
    np.testing.assert_allclose(g.centre, [0.5, 1.5, 2.5, 3.5])
    assert g.extent == g.total == 4.0
    assert not g.collapsed.any()


def test_a_collapsed_lane_is_a_strip_and_the_ones_below_move_up():
    g = lane_geometry(IDS, collapsed={"russia"})
    np.testing.assert_allclose(g.height, [1, DEFAULT_STRIP_FRACTION, 1, 1])
    np.testing.assert_allclose(g.top, [0, 1, 1 + DEFAULT_STRIP_FRACTION, 2 + DEFAULT_STRIP_FRACTION])
    assert list(g.collapsed) == [False, True, False, False]
    assert g.lane_at(1.1) == 1 and g.lane_at(1.3) == 2 and g.lane_at(-0.1) is None and g.lane_at(9) is None


def test_hidden_tracks_have_no_lane_and_unknown_ids_are_ignored():
    g = lane_geometry(IDS, collapsed={"gone", "nato"}, hidden={"russia"})
    assert g.track_ids == ("exercise", "nato", "us")
    assert g.index("nato") == 1 and g.index("russia") is None
    assert list(g.collapsed) == [False, True, False]


def test_strips_have_their_pixel_height_and_expanded_lanes_share_the_rest():
    g = lane_geometry(IDS, collapsed={"russia", "nato"}, height_px=600.0, strip_px=20.0)
    lane_px = 600.0 / g.extent  # pixels per lane unit when the view shows [0, extent]
    assert g.height[1] * lane_px == pytest.approx(20.0)
    assert g.height[0] * lane_px == pytest.approx((600.0 - 40.0) / 2)
    assert g.extent == pytest.approx(g.total)


def test_all_collapsed_keeps_thin_strips_at_the_top():
    g = lane_geometry(IDS, collapsed=set(IDS), height_px=800.0, strip_px=20.0)
    assert g.extent == 4.0
    assert g.height[0] * 800.0 / g.extent == pytest.approx(20.0)
    assert g.total < 1.0


def test_a_strip_is_never_more_than_half_a_lane():
    g = lane_geometry(IDS, collapsed={"us"}, height_px=60.0, strip_px=40.0)
    assert g.height[3] == pytest.approx(0.5)


@pytest.mark.parametrize("kw", [{"strip_px": 0}, {"height_px": -1.0}, {"height_px": float("nan")}])
def test_bad_sizes_are_refused(kw):
    with pytest.raises(ValueError):
        lane_geometry(IDS, **kw)


def test_repeated_ids_are_refused():
    with pytest.raises(ValueError):
        lane_geometry(("a", "a"))


def test_viewstate_collapse_toggles_and_notifies_once():
    s = ViewState()
    seen = []
    s.subscribe(lambda _s, changed: seen.append(changed))
    s.toggle_track_collapsed("nato")
    assert s.collapsed_tracks == {"nato"}
    s.set_track_collapsed("nato", True)  # no change: nobody told
    s.collapse_all_except("us", IDS)
    assert s.collapsed_tracks == {"exercise", "russia", "nato"}
    s.toggle_track_collapsed("russia")
    assert "russia" not in s.collapsed_tracks
    assert seen == [{"collapsed_tracks"}] * 3
    with pytest.raises(TypeError):
        s.collapsed_tracks = "nato"


def test_viewstate_dday_reference():
    s = ViewState()
    assert s.dday is None
    s.dday = "band:allied-resolve-2022"
    assert s.dday == "band:allied-resolve-2022"


def test_weighted_lanes_share_the_height_by_weight_and_keep_its_total():
    geo = lane_geometry(["a", "b", "c"], weights={"a": 1.0, "b": 4.0, "c": 1.0})
    assert geo.height.tolist() == pytest.approx([0.5, 2.0, 0.5])  # still 3 units in all
    assert geo.total == pytest.approx(3.0)
    collapsed = lane_geometry(["a", "b", "c"], collapsed={"c"}, weights={"a": 1.0, "b": 3.0, "c": 4.0})
    assert collapsed.height[:2].tolist() == pytest.approx([0.5, 1.5])  # a strip takes no weight
    assert collapsed.collapsed.tolist() == [False, False, True]


def test_lane_weights_count_the_events_that_share_a_day():
    """The bundled Russia lane has four events on or around 10 Feb (one an
    open span): it gets four times the quiet NATO lane's height."""
    from viewer.app import bundled_timeline_path
    from viewer.io import read_timeline
    from viewer.model.lanes import MAX_LANE_WEIGHT, lane_weights

    tl = read_timeline(bundled_timeline_path())
    by_id = {tl.tracks[k].id: w for k, w in lane_weights(tl.columns).items()}
    assert by_id["nato"] == 1.0 and by_id["russia"] == 4.0 and by_id["uk"] == 3.0
    assert max(by_id.values()) <= MAX_LANE_WEIGHT


def test_a_track_order_permutes_the_lanes_and_maps_lane_numbers_to_places():
    """Lanes by lane number a, b, c drawn in the order c, a (b unlisted: after them)."""
    g = lane_geometry(["a", "b", "c"], collapsed={"a"}, order=["c", "gone", "a"], height_px=300.0, strip_px=20.0)
    assert g.track_ids == ("c", "a", "b")  # top to bottom
    assert g.order.tolist() == [2, 0, 1] and g.rank.tolist() == [1, 2, 0]
    assert g.position(2) == 0 and g.position(0) == 1
    assert [bool(x) for x in g.collapsed] == [False, True, False]  # a's strip is drawn second
    assert g.lane_at(float(g.centre[0])) == 2 and g.position_at(float(g.centre[0])) == 0
    assert g.lane_at(float(g.centre[2])) == 1
    by_lane = g.for_lanes()  # indexed by lane number: what the event layer draws with
    assert by_lane.track_ids == ("a", "b", "c")
    assert by_lane.top.tolist() == [g.top[1], g.top[2], g.top[0]]
    assert by_lane.collapsed.tolist() == [True, False, False]
    # the same heights as without an order: only the places change
    plain = lane_geometry(["a", "b", "c"], collapsed={"a"}, height_px=300.0, strip_px=20.0)
    assert sorted(plain.height.tolist()) == sorted(g.height.tolist()) and plain.extent == g.extent
    assert plain.order is None and plain.for_lanes() is plain
    assert lane_geometry(["a", "b"], order=["a", "b"]).order is None  # the lanes' own order: no permutation
