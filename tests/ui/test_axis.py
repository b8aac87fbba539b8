"""Tests of the calendar time axis (viewer.graphics.axis) on a real PlotWidget."""

from __future__ import annotations

import pyqtgraph as pg
import pytest

from viewer.graphics.axis import TimeAxisItem
from viewer.model.calendar import epoch_from_civil

ORIGIN = epoch_from_civil(2022, 2, 10)  # Thu 10 Feb 2022 00:00 UTC
DAY = 86400.0
YEAR = 365.25 * DAY


@pytest.fixture
def plot(qtbot):
    axis = TimeAxisItem(ORIGIN, orientation="bottom")
    widget = pg.PlotWidget(axisItems={"bottom": axis}, background="w")
    qtbot.addWidget(widget)
    widget.resize(1600, 200)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, axis


def draw(widget, axis, x0, x1):
    widget.setXRange(x0, x1, padding=0)
    widget.grab()  # paints the axis, which lays out its labels
    return axis.drawn_labels()


def texts(drawn):
    return [t for t, _ in drawn]


def assert_no_overlap(drawn):
    rects = [r for _, r in drawn]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b), f"labels overlap: {a} {b}"


@pytest.mark.parametrize(
    "x0, x1, expected",
    [
        (-30 * YEAR, 20 * YEAR, {"2000", "2010", "2020", "2022"}),
        (-300 * DAY, 200 * DAY, {"Jan", "Feb", "2021", "2022"}),
        (-3.5 * DAY, 12 * DAY, {"Thu 10", "Fri 11", "Mon 7", "Feb 2022"}),
        (-0.3 * DAY, 1.2 * DAY, {"00:00", "06:00", "Thu 10 Feb 2022", "Fri 11 Feb 2022"}),
        (14 * 3600 - 60, 14 * 3600 + 600, {"14:05", "Thu 10 Feb 2022"}),
        (14 * 3600 + 290, 14 * 3600 + 340, {"14:05:00", "14:05:30", "Thu 10 Feb 2022"}),
    ],
)
def test_drawn_labels_at_zooms(plot, x0, x1, expected):
    widget, axis = plot
    drawn = draw(widget, axis, x0, x1)
    assert expected <= set(texts(drawn))
    assert_no_overlap(drawn)
    width = axis.geometry().width()
    for _, r in drawn:  # minor labels are whole; context labels start inside
        assert -1 <= r.left() <= width


def test_context_row_below_minor_row(plot):
    widget, axis = plot
    drawn = dict(draw(widget, axis, -0.3 * DAY, 1.2 * DAY))
    assert drawn["Thu 10 Feb 2022"].top() >= drawn["06:00"].bottom()
    assert drawn["Thu 10 Feb 2022"].left() > drawn["Wed 9 Feb 2022"].right()


def test_left_edge_context_always_written(plot):
    widget, axis = plot
    drawn = texts(draw(widget, axis, 14 * 3600, 14 * 3600 + 1200))
    assert "Thu 10 Feb 2022" in drawn  # no day boundary in view


def test_bce_years(plot):
    widget, axis = plot
    axis.set_origin(epoch_from_civil(0))
    drawn = texts(draw(widget, axis, -3 * YEAR, 3 * YEAR))
    assert {"2 BCE", "1 BCE", "1 CE", "2 CE"} <= set(drawn)  # "1 CE": a bare 1 reads like 2001


def test_tick_values_and_strings(plot):
    widget, axis = plot
    levels = axis.tickValues(-3 * DAY, 12 * DAY, 1500)
    assert len(levels) == 2
    (major_spacing, major), (minor_spacing, minor) = levels
    assert major_spacing > minor_spacing == DAY
    minor_strings = axis.tickStrings(minor, 1.0, minor_spacing)
    assert minor_strings[minor.index(0.0)] == "Thu 10"
    assert axis.tickStrings(major, 1.0, major_spacing) == ["Feb 2022"]
    # a value the axis did not generate is still labelled by its level's rule
    assert axis.tickStrings([DAY * 2], 1.0, minor_spacing) == ["Sat 12"]


def test_set_origin_and_offset(plot):
    widget, axis = plot
    axis.set_origin(ORIGIN + DAY)
    assert axis.origin_epoch_s == ORIGIN + DAY
    assert "Fri 11" in texts(draw(widget, axis, -3 * DAY, 12 * DAY))
    axis.set_offset(3 * 3600, "UTC+3")
    assert axis.offset_s == 3 * 3600
    assert "UTC+3" in axis.labelString()
    drawn = dict(draw(widget, axis, -6 * 3600, 6 * 3600))
    assert "03:00" in drawn  # 00:00 UTC on Fri 11 is 03:00 at UTC+3
    assert "Fri 11 Feb 2022" in drawn


def test_axis_label_and_font_size(plot, qtbot):
    widget, axis = plot
    assert "UTC" in axis.labelString()
    assert axis.label.isVisible()
    h_small = axis.height()
    axis.set_font_size(16)
    assert axis.font_size() == 16
    assert axis.style["tickFont"].pointSizeF() == 16
    assert axis.minimumHeight() > h_small
    qtbot.waitUntil(lambda: axis.height() > h_small, timeout=2000)
    drawn = draw(widget, axis, -3 * DAY, 12 * DAY)
    assert "Feb 2022" in texts(drawn)
    assert_no_overlap(drawn)
    with pytest.raises(ValueError):
        axis.set_font_size(0)


def test_degenerate_ranges_do_not_crash(plot):
    widget, axis = plot
    for x0, x1 in [(0.0, 1e-3), (-1e18, 1e18), (1e15, 1e15 + 10)]:
        draw(widget, axis, x0, x1)
    assert axis.tickValues(5.0, 5.0, 1500)
    assert axis.tickValues(float("nan"), 1.0, 1500) == []


def test_only_bottom_orientation():
    with pytest.raises(ValueError):
        TimeAxisItem(0.0, orientation="left")


@pytest.mark.parametrize("past_boundary", [0.5, 0.9, 1.0, 1.1, 1.2, 1.4])
def test_a_context_date_is_whole_or_not_drawn(plot, past_boundary):
    """A month boundary near the right edge: its label used to be cut to fit ("Mar 20…", in
    present mode at 1366x768 "Apr 20…", which reads as a day); now it is drawn whole or not
    at all (its marker still shows the boundary)."""
    import re

    widget, axis = plot
    march = epoch_from_civil(2022, 3, 1) - ORIGIN
    drawn = texts(draw(widget, axis, -3 * DAY, march + past_boundary * DAY))
    assert not any("…" in t for t in drawn), drawn
    context = [t for t in drawn if not t.isdigit() and not re.fullmatch(r"\w{3} \d{1,2}", t)]
    assert context and all(re.fullmatch(r"(Feb|Mar) 2022", t) for t in context), drawn


@pytest.mark.parametrize(("finest_days", "span_days", "unit"), [(30, 82, "month"), (366, 3 * 366, "year"),
                                                                 (1, 20, "day")])
def test_a_step_known_to_a_month_ticks_in_months(plot, finest_days, span_days, unit):
    """Presenting an ACLED event known to April 2020 (30 days) over 82 days: the month rule's
    shortest period (28 days) was compared with 30 and refused, the axis fell to quarters and a
    wall audience saw only "2020".  A leap year (366 days) fell to decades the same way."""
    widget, axis = plot
    axis.set_finest_period(finest_days * DAY)
    draw(widget, axis, 0.0, span_days * DAY)
    assert axis.tick_levels().minor_rule.unit == unit and axis.tick_levels().minor_rule.step == 1
    assert axis.tick_levels().minor  # labels drawn, not only the context row
