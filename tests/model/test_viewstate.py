"""Zoom, pan and limits arithmetic, and the view state's change notifications."""

import pytest

from viewer.model.viewstate import MIN_VISIBLE_S, ViewState, XLimits, clamp_range, pan_to_show, zoom_about

LIM = XLimits(x_min=0.0, x_max=1000.0, min_width=10.0, max_width=1000.0)


def test_zoom_keeps_the_point_under_the_cursor():
    a, b = zoom_about(100.0, 300.0, 150.0, 0.5, LIM)
    assert (b - a) == pytest.approx(100.0)
    assert (150.0 - a) / (b - a) == pytest.approx((150.0 - 100.0) / 200.0)


def test_zoom_in_stops_at_the_minimum_width():
    a, b = zoom_about(100.0, 120.0, 110.0, 0.01, LIM)
    assert b - a == pytest.approx(10.0)


def test_zoom_out_stops_at_the_limits():
    a, b = zoom_about(400.0, 600.0, 500.0, 100.0, LIM)
    assert (a, b) == (0.0, 1000.0)


def test_pan_past_the_edge_is_pulled_back():
    assert clamp_range(-500.0, -300.0, LIM) == (0.0, 200.0)
    assert clamp_range(1900.0, 2100.0, LIM) == (800.0, 1000.0)


def test_pan_to_show_moves_only_as_far_as_needed():
    assert pan_to_show(0.0, 100.0, 50.0, 50.0, LIM) == (0.0, 100.0)
    a, b = pan_to_show(0.0, 100.0, 150.0, 150.0, LIM)
    assert b - a == 100.0 and a < 150.0 < b


def test_state_notifies_changes_once_and_ignores_equal_values():
    s = ViewState()
    seen = []
    s.subscribe(lambda st, changed: seen.append(changed))
    s.selected = "x"
    s.selected = "x"
    s.x_range = (0, 10)
    s.x_range = (0.0, 10.0)
    assert seen == [{"selected"}, {"x_range"}]


def test_limits_never_allow_zooming_below_a_minute():
    from tests.model.test_columns import make_timeline

    lim = XLimits.for_columns(make_timeline().columns)
    assert lim.min_width == MIN_VISIBLE_S
    a, b = clamp_range(0.0, 1.0, lim)
    assert b - a == MIN_VISIBLE_S
