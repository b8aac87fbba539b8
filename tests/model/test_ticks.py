"""Tests of calendar tick rules and generation (viewer.model.ticks)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model.calendar import epoch_from_civil
from viewer.model.ticks import (
    DEFAULT_TABLE,
    LIMIT_S,
    TickRule,
    choose_tick_spec,
    compute_ticks,
    generate_ticks,
    max_ticks,
    tick_after,
    tick_ceil,
    tick_floor,
)

ORIGIN = epoch_from_civil(2022, 2, 10)  # Thu 10 Feb 2022 00:00 UTC
DAY = 86400.0
WIDTH = 1600.0


def labels(level):
    return [text for _, text in level[1]]


def assert_level_ok(level, width_px):
    spacing, ticks = level
    assert spacing > 0
    assert len(ticks) <= max_ticks(width_px)
    xs = [x for x, _ in ticks]
    assert all(math.isfinite(x) for x in xs)
    assert all(b > a for a, b in zip(xs, xs[1:])), "ticks must be strictly increasing"
    assert all(isinstance(t, str) and t for _, t in ticks)


# -- every zoom ------------------------------------------------------------------

@pytest.mark.parametrize("span", np.geomspace(1e11, 10.0, 60))
@pytest.mark.parametrize("width", [400.0, 1600.0])
def test_every_zoom_has_ticks(span, width):
    levels = generate_ticks(-span / 2, span / 2, ORIGIN, width)
    assert len(levels) == 2
    for level in levels:
        assert_level_ok(level, width)
    major, minor = levels
    assert len(major[1]) + len(minor[1]) >= 2, "some labels at every zoom"
    assert major[0] >= minor[0]
    # minor labels are visible ones
    assert all(-span / 2 <= x <= span / 2 for x, _ in minor[1])


@pytest.mark.parametrize("span", np.geomspace(1e11, 10.0, 40))
def test_labels_fit_in_their_pitch(span):
    measure = lambda s: 8.0 * len(s)  # noqa: E731
    lv = compute_ticks(-span / 2, span / 2, ORIGIN, WIDTH, measure)
    px_per_s = WIDTH / span
    for ticks in (lv.minor, lv.major if lv.major_rule.context else ()):
        for (xa, la), (xb, _) in zip(ticks, ticks[1:]):
            assert (xb - xa) * px_per_s >= measure(la), (la, xb - xa)


def test_zoom_goes_finer_as_span_shrinks():
    order = [(spec.minor.unit, spec.minor.step) for spec in DEFAULT_TABLE]
    last = -1
    for span in np.geomspace(1e11, 10.0, 80):
        _, minor = choose_tick_spec(span, WIDTH)
        idx = order.index((minor.unit, minor.step))
        assert idx >= last
        last = idx
    assert order[last] == ("second", 1)


# -- labels at known instants ----------------------------------------------------

def test_day_ticks_read_weekday_and_day_with_month_context():
    lv = compute_ticks(-3 * DAY, 10 * DAY, ORIGIN, WIDTH)
    assert lv.minor_rule.unit == "day" and lv.minor_rule.step == 1
    minor = dict(lv.minor)
    assert minor[0.0] == "Thu 10"
    assert minor[DAY] == "Fri 11"
    assert minor[-3 * DAY] == "Mon 7"
    assert lv.major_rule.context
    assert [t for _, t in lv.major] == ["Feb 2022"]
    assert lv.major[0][0] == epoch_from_civil(2022, 2, 1) - ORIGIN  # enclosing month


def test_month_boundary_in_day_view():
    lv = compute_ticks(-3 * DAY, 20 * DAY, ORIGIN, WIDTH)
    major = dict(lv.major)
    assert major[epoch_from_civil(2022, 3, 1) - ORIGIN] == "Mar 2022"
    assert dict(lv.minor)[epoch_from_civil(2022, 3, 1) - ORIGIN] == "Tue 1"


def test_hour_ticks_with_day_context():
    lv = compute_ticks(3 * 3600, 21 * 3600, ORIGIN, WIDTH)
    assert lv.minor_rule.unit == "hour"
    minor = dict(lv.minor)
    assert minor[14 * 3600.0] == "14:00"
    assert [t for _, t in lv.major] == ["Thu 10 Feb 2022"]
    assert lv.major[0][0] == 0.0


def test_minute_and_second_labels():
    lv = compute_ticks(14 * 3600, 14 * 3600 + 20 * 60, ORIGIN, WIDTH)
    assert lv.minor_rule.unit == "minute"
    assert dict(lv.minor)[14 * 3600 + 5 * 60.0] == "14:05"
    assert [t for _, t in lv.major] == ["Thu 10 Feb 2022"]
    t0 = 14 * 3600 + 5 * 60
    lv = compute_ticks(t0, t0 + 40, ORIGIN, WIDTH)
    assert lv.minor_rule.unit == "second"
    assert dict(lv.minor)[t0 + 30.0] == "14:05:30"
    assert [t for _, t in lv.major] == ["Thu 10 Feb 2022"]


def test_month_labels_with_year_context():
    lv = compute_ticks(-200 * DAY, 200 * DAY, ORIGIN, WIDTH)
    assert lv.minor_rule.unit == "month"
    minor = dict(lv.minor)
    assert minor[epoch_from_civil(2022, 2, 1) - ORIGIN] == "Feb"
    assert [t for _, t in lv.major] == ["2021", "2022"]


def test_year_labels():
    lv = compute_ticks(-30 * 365 * DAY, 30 * 365 * DAY, ORIGIN, WIDTH)
    assert lv.minor_rule.unit == "year"
    assert not lv.major_rule.context
    both = dict(lv.major) | dict(lv.minor)
    assert both[epoch_from_civil(2022) - ORIGIN] == "2022"
    assert both[epoch_from_civil(2000) - ORIGIN] == "2000"
    # the minor level leaves out the major positions
    assert not set(dict(lv.major)) & set(dict(lv.minor))


def test_bce_years_and_year_zero():
    origin = epoch_from_civil(-43, 3, 15)  # the Ides of March, 44 BCE
    lv = compute_ticks(-5 * 365 * DAY, 3 * 365 * DAY, origin, WIDTH)
    texts = {t for _, t in lv.major + lv.minor}
    assert {"45 BCE", "44 BCE", "43 BCE"} <= texts
    assert dict(lv.major)[epoch_from_civil(-43) - origin] == "44 BCE"

    origin = epoch_from_civil(0, 7, 1)  # year 0 is 1 BCE
    lv = compute_ticks(-3 * 365 * DAY, 3 * 365 * DAY, origin, WIDTH)
    assert dict(lv.major)[epoch_from_civil(0) - origin] == "1 BCE"
    assert dict(lv.minor)[epoch_from_civil(0) - origin] == "Jan"
    xs = {text: x for x, text in lv.major}
    assert xs["2 BCE"] < xs["1 BCE"] < xs["1 CE"] < xs["2 CE"]  # "1 CE": a bare 1 or 10 reads like 2001, 2010


def test_year_rule_labels_bce():
    rule = TickRule("year", 1, "year")
    assert rule.label(int(epoch_from_civil(0))) == "1 BCE"
    assert rule.label(int(epoch_from_civil(-43, 3, 15))) == "44 BCE"
    assert rule.label(int(epoch_from_civil(1))) == "1 CE"  # a bare "1" or "10" reads like 2001, 2010
    assert rule.label(int(epoch_from_civil(12000))) == "12,000"
    narrow = compute_ticks(-30 * 365 * DAY, 30 * 365 * DAY, epoch_from_civil(0), WIDTH)
    assert narrow.minor_rule.unit == "year"
    texts = [t for _, t in sorted(dict(narrow.major + narrow.minor).items())]
    assert "10 BCE" in texts and "10 CE" in texts


def test_bce_round_years_at_coarse_zoom():
    origin = epoch_from_civil(0)
    span = 2000 * 365.25 * DAY
    lv = compute_ticks(-span, span, origin, WIDTH)
    texts = [t for _, t in sorted((dict(lv.major) | dict(lv.minor)).items())]
    step = lv.minor_rule.step
    assert step >= 10
    for t in texts:
        if t.endswith(" BCE"):
            assert int(t.split()[0]) % step == 0, texts
        elif t != "1 CE":
            assert int(t.removesuffix(" CE").replace(",", "")) % step == 0, texts
    assert "1 CE" in texts  # the era boundary is marked


def test_offset_shifts_calendar_fields():
    # 23:00 UTC on Thu 10 Feb is 02:00 on Fri 11 at UTC+3
    lv = compute_ticks(22 * 3600, 26 * 3600, ORIGIN, WIDTH, offset_s=3 * 3600)
    minor = dict(lv.minor)
    assert minor[23 * 3600.0] == "02:00"
    assert minor[21 * 3600.0 + 3600] == "01:00"
    assert dict(lv.major)[21 * 3600.0] == "Fri 11 Feb 2022"


def test_fractional_origin_keeps_precision():
    origin = ORIGIN + 0.25
    lv = compute_ticks(0, 10, origin, WIDTH)
    xs = [x for x, _ in lv.minor]
    assert xs[0] == pytest.approx(0.75, abs=1e-6)
    assert np.allclose(np.diff(xs), 1.0)


# -- rule choice -----------------------------------------------------------------

def test_choose_accepts_measure_and_fixed_width():
    wide = lambda s: 30.0 * len(s)  # noqa: E731
    _, minor_narrow = choose_tick_spec(10 * DAY, 1600)
    _, minor_wide = choose_tick_spec(10 * DAY, 1600, wide)
    assert minor_wide.min_period_s > minor_narrow.min_period_s
    _, minor_fixed = choose_tick_spec(30 * DAY, 1600, 200.0)
    assert minor_fixed.min_period_s * 1600 / (30 * DAY) >= 200.0


def test_choose_degenerate_inputs():
    finest, coarsest = DEFAULT_TABLE[-1], DEFAULT_TABLE[0]
    assert choose_tick_spec(0.0, 100) == (finest.major, finest.minor)
    assert choose_tick_spec(math.nan, 100) == (coarsest.major, coarsest.minor)
    assert choose_tick_spec(math.inf, 100) == (coarsest.major, coarsest.minor)
    assert choose_tick_spec(1e5, math.nan) == (coarsest.major, coarsest.minor)


def test_rules_know_a_sample():
    for spec in DEFAULT_TABLE:
        for rule in (spec.minor, spec.major):
            assert rule.sample("44 BCE")
            assert rule.nominal_period_s >= rule.min_period_s > 0


# -- degenerate views and limits ----------------------------------------------

@pytest.mark.parametrize(
    "x0, x1, origin, width",
    [
        (0.0, 0.0, ORIGIN, WIDTH),
        (5.0, 5.0, 0.0, 1.0),
        (math.nan, 1.0, ORIGIN, WIDTH),
        (0.0, math.inf, ORIGIN, WIDTH),
        (-math.inf, math.inf, 0.0, WIDTH),
        (0.0, 1e13, ORIGIN, WIDTH),
        (-1e308, 1e308, 0.0, WIDTH),
        (0.0, 100.0, math.nan, WIDTH),
        (0.0, 100.0, ORIGIN, 0.0),
        (0.0, 100.0, ORIGIN, -5.0),
        (0.0, 100.0, ORIGIN, math.inf),
        (10.0, -10.0, ORIGIN, WIDTH),
    ],
)
def test_degenerate_views_terminate(x0, x1, origin, width):
    levels = generate_ticks(x0, x1, origin, width)
    for level in levels:
        assert_level_ok(level, width)


@pytest.mark.parametrize("edge", [-LIMIT_S, LIMIT_S, -9.2e18, 9.2e18, -2**63, 2**63])
@pytest.mark.parametrize("span", [1e20, 1e16, 1e9, 1e5, 10.0, 0.0])
def test_spans_near_datetime64_limits(edge, span):
    for x0, x1 in ((edge - span, edge), (edge, edge + span), (edge - span / 2, edge + span / 2)):
        for origin in (0.0, edge):
            levels = generate_ticks(x0 - origin, x1 - origin, origin, WIDTH)
            for level in levels:
                assert_level_ok(level, WIDTH)


def test_huge_span_uses_coarse_years():
    lv = compute_ticks(-5e12, 5e12, ORIGIN, WIDTH)
    assert lv.minor_rule.unit == "year" and lv.minor_rule.step >= 1000
    assert len(lv.minor) + len(lv.major) >= 3
    assert any(t.endswith("BCE") for _, t in lv.minor + lv.major)


# -- steppers --------------------------------------------------------------------

ALL_RULES = sorted(
    {r for spec in DEFAULT_TABLE for r in (spec.minor, spec.major)},
    key=lambda r: r.min_period_s,
)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: f"{r.unit}{r.step}{r.style}")
def test_steppers_advance_and_bracket(rule):
    for t in (0.0, 0.5, -0.5, ORIGIN, ORIGIN + 0.3, -62135596800.0, 1e12, -1e12, 4e18, -4e18):
        a = tick_after(rule, t)
        assert a > t
        assert tick_floor(rule, t) <= t <= tick_ceil(rule, t)
        assert tick_ceil(rule, t) <= a
        assert tick_after(rule, a) > a


def test_weeks_start_on_monday():
    rule = TickRule("day", 7, "weekday_day")
    t = ORIGIN
    for _ in range(10):
        t = tick_after(rule, t)
        assert rule.label(t).startswith("Mon ")


def test_stepper_rejects_nan():
    with pytest.raises(ValueError):
        tick_after(ALL_RULES[0], math.nan)


@settings(max_examples=300, deadline=None)
@given(rule=st.sampled_from(ALL_RULES), t=st.floats(-4e18, 4e18, allow_nan=False))
def test_tick_after_always_advances(rule, t):
    a = tick_after(rule, t)
    assert a > t
    b = tick_after(rule, a)
    assert b > a
    assert b - a <= rule.min_period_s * 12 + 2 * 366 * 86400 * max(1, rule.step if rule.unit == "year" else 0)


@settings(max_examples=300, deadline=None)
@given(
    x0=st.floats(-1e19, 1e19, allow_nan=False),
    span=st.one_of(st.floats(0, 1e20, allow_nan=False), st.sampled_from([0.0, 1.0, 1e-9, math.inf])),
    origin=st.one_of(st.just(ORIGIN), st.floats(-1e19, 1e19, allow_nan=False)),
    width=st.floats(1.0, 5000.0),
    offset=st.sampled_from([0.0, 3 * 3600.0, -5.5 * 3600]),
)
def test_generation_terminates_with_bounded_count(x0, span, origin, width, offset):
    levels = generate_ticks(x0, x0 + span, origin, width, offset_s=offset)
    assert len(levels) in (0, 2)
    for level in levels:
        assert_level_ok(level, width)


def test_day_ticks_before_the_gregorian_calendar_name_no_weekday():
    """The axis at Hastings (14 Oct 1066): EDTF's proleptic Gregorian weekday (Sunday) is not the
    Julian one its sources use (Saturday), so a day tick reads "14", never "Sun 14"; from 15 Oct
    1582 on the weekday is back."""
    origin = epoch_from_civil(1066, 10, 14)
    lv = compute_ticks(-3 * DAY, 10 * DAY, origin, WIDTH)
    assert lv.minor_rule.unit == "day"
    minor = dict(lv.minor)
    assert minor[0.0] == "14" and minor[DAY] == "15"
    reform = epoch_from_civil(1582, 10, 15)
    later = dict(compute_ticks(-3 * DAY, 10 * DAY, reform, WIDTH).minor)
    assert later[0.0] == "Fri 15" and later[-DAY] == "14"  # (the proleptic day before: no weekday)
