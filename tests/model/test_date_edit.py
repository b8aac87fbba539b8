"""Dates made and moved by hand: the axis unit's precision, whole units of the
date's own precision, qualifiers and brackets kept."""

import pytest

from viewer.model.date_edit import date_at, shift_date, snap
from viewer.model.dates import EventDate, Precision

DAY = 86400.0
T = 1644494400.0  # Thu 10 Feb 2022 12:00 UTC


@pytest.mark.parametrize("unit, edtf, precision", [
    ("year", "2022", Precision.YEAR), ("month", "2022-02", Precision.MONTH), ("day", "2022-02-10", Precision.DAY),
    ("hour", "2022-02-10T12:00:00Z", Precision.HOUR), ("minute", "2022-02-10T12:00:00Z", Precision.MINUTE),
])
def test_a_new_date_has_the_precision_the_axis_shows(unit, edtf, precision):
    d = date_at(T + 59, unit)
    assert d.edtf == edtf and d.precision == precision


@pytest.mark.parametrize("edtf, delta, moved", [
    ("2022-02-10", 3 * DAY + 5 * 3600, "2022-02-13"),            # a day moves by whole days
    ("2022-02-10?", -DAY, "2022-02-09?"),                        # qualifiers stay
    ("[..2022-02-10]", 2 * DAY, "[..2022-02-12]"),               # "on or before" stays
    ("2022-02-10T10:15:00+03:00", 3600, "2022-02-10T11:15:00+03:00"),  # offset stays
    ("2022-02", 40 * DAY, "2022-03"),                            # a month by whole months
    ("2022-02-XX", 31 * DAY, "2022-03-XX"),                      # unspecified day stays unspecified
])
def test_a_drag_keeps_precision_and_qualifiers(edtf, delta, moved):
    before = EventDate(edtf)
    after = shift_date(before, delta)
    assert after.edtf == moved
    assert after.precision == before.precision
    assert (after.uncertain, after.approximate, after.relation) == (before.uncertain, before.approximate,
                                                                     before.relation)
    assert after.basis == f"Moved by hand from {edtf}."


def test_a_move_smaller_than_half_the_dates_unit_changes_nothing():
    d = EventDate("2022-02", "in February", "stated")
    assert shift_date(d, 10 * DAY) is d
    assert shift_date(EventDate(".."), 5 * DAY).edtf == ".."


def test_a_drag_takes_the_sources_words_out_of_support_and_names_the_first_place():
    # "on Thursday" beside Fri 11 Feb read as its support (the Edit tab's bug, done by a drag)
    d = EventDate("2022-02-10", "on Thursday", "Thursday = 10 Feb")
    once = shift_date(d, DAY, edited_on="2026-12-08")
    twice = shift_date(once, DAY, edited_on="2026-12-09")
    assert once.phrase == "" and once.basis == ("Moved by hand on 2026-12-08, from 2022-02-10: this date does not "
                                                "follow from the source's words. The source said: “on Thursday” "
                                                "(before that edit).")
    assert twice.basis == once.basis and twice.edtf == "2022-02-12"
    # an "on or before" moved later is still said by its words
    held = shift_date(EventDate("[..2022-02-10]", "before Thursday", "by then"), DAY)
    assert held.phrase == "before Thursday"
    assert held.basis == "by then (moved by hand from [..2022-02-10] to a value these words still give)"


def test_snap_rounds_to_whole_units():
    assert snap(1.6 * DAY, "day") == 2 * DAY and snap(29 * 60, "hour") == 0.0


def test_dates_before_the_common_era_move_by_whole_days_and_months():
    from viewer.model.date_edit import shift_date
    from viewer.model.dates import EventDate

    assert shift_date(EventDate("-0043-03-15"), -40 * 86400).edtf == "-0043-02-03"
    assert shift_date(EventDate("0001-01-01"), -40 * 86400).edtf == "0000-11-22"
    assert shift_date(EventDate("-0043-03"), -92 * 86400).edtf == "-0044-12"
    assert shift_date(EventDate("-0043-03-15T12:00:00Z"), 3600).edtf == "-0043-03-15T13:00:00Z"


@pytest.mark.parametrize("edtf, years, moved", [
    ("Y-12000", 3, "Y-11997"),   # was Y-11970: the first four digits moved as if they were the year
    ("Y12345", 1, "Y12346"),
    ("Y-10001", 2, "-9999"),     # back within four digits: written as EDTF requires, without Y
    ("Y10000", -1, "9999"),
    ("Y-12000", -100, "Y-12100"),
])
def test_a_year_beyond_four_digits_moves_by_whole_years(edtf, years, moved):
    d = shift_date(EventDate(edtf, "12,000 BC"), years * 365.2425 * 86400)
    assert d.edtf == moved
    assert d.precision == EventDate(edtf).precision  # still a year
    assert d.phrase == "" and f"Moved by hand, from {edtf}: " in d.basis and "said: “12,000 BC”" in d.basis
    # the year a user reads is the one moved to, as many years away as dragged
    assert d.sort_point - EventDate(edtf).sort_point == pytest.approx(years * 365.2425 * 86400, rel=0.01)


YEAR = 365.2425 * DAY
MONTH = YEAR / 12


@pytest.mark.parametrize("edtf, delta, unit, moved", [
    # a break-it tester: one year at year zoom moved 23:30 on 10 Feb to 05:19:12 on 11 Feb
    ("2022-02-10T23:30:00+14:30", YEAR, "year", "2023-02-10T23:30:00+14:30"),
    ("2022-02-10T23:30:00+14:30", -2 * YEAR, "year", "2020-02-10T23:30:00+14:30"),
    ("2023-03-01", YEAR, "year", "2024-03-01"),            # 365 days would land on 29 Feb 2024
    ("2024-02-29", YEAR, "year", "2025-02-28"),            # a day the year lacks: the month's last
    ("[..2022-02-10]", YEAR, "year", "[..2023-02-10]"),
    ("2022-02", 2 * YEAR, "year", "2024-02"),
    ("2022-01-31", MONTH, "month", "2022-02-28"),          # whole months at month zoom, day kept or clamped
    ("2022-02-10T14:00:00Z", 3 * MONTH, "month", "2022-05-10T14:00:00Z"),
    ("2022-02-10?", MONTH, "month", "2022-03-10?"),
    ("2022", 2 * MONTH, "month", "2022"),                  # coarser than the drag: its own unit, not moved
    ("2022-02-10T14:00:00Z", DAY, "day", "2022-02-11T14:00:00Z"),
])
def test_a_drag_at_year_or_month_zoom_moves_by_whole_calendar_units_keeping_the_clock(edtf, delta, unit, moved):
    before = EventDate(edtf)
    after = shift_date(before, delta, unit)
    assert after.edtf == moved
    assert after.precision == before.precision
