"""EDTF dates: possible intervals, precision, qualifiers, calendar errors."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.model.calendar import civil_from_epoch, epoch_from_civil
from viewer.model.dates import EventDate, Precision
from viewer.model.errors import DateError

DAY = 86400.0
FEB10 = 1644451200.0  # 2022-02-10T00:00:00Z


def test_day_is_a_whole_calendar_day():
    d = EventDate("2022-02-10", phrase="on Thursday", basis="publication Thu 10 Feb 2022")
    assert (d.earliest, d.latest) == (FEB10, FEB10 + DAY)
    assert d.precision == Precision.DAY
    assert d.describe() == "Thu 10 Feb 2022 (to the day)"
    assert d.is_exact


def test_month_and_year_precision_cover_their_whole_unit():
    m = EventDate("2022-02")
    assert m.precision == Precision.MONTH
    assert m.latest - m.earliest == 28 * DAY
    y = EventDate("2014")
    assert y.precision == Precision.YEAR
    assert y.describe().startswith("2014")


def test_uncertain_keeps_interval_but_is_flagged():
    d = EventDate("2022-02-10?")
    assert (d.earliest, d.latest) == (FEB10, FEB10 + DAY)
    assert d.uncertain and not d.approximate
    assert "uncertain" in d.describe()


def test_approximate_widens_by_one_unit_each_side():
    d = EventDate("2022-02-10~")
    assert (d.earliest, d.latest) == (FEB10 - DAY, FEB10 + 2 * DAY)
    # the stated day first, then the interval it stands for (it used to read "about Wed 9 Feb")
    assert d.describe().startswith("about Thu 10 Feb 2022, so between Wed 9 Feb 2022 and Fri 11 Feb 2022")
    assert EventDate("2022-02~").describe().startswith("about February 2022, so between January 2022 and March 2022")


def test_on_or_before_and_on_or_after_are_open_on_one_side():
    before = EventDate("[..2022-02-10]")
    assert before.earliest == -math.inf and before.latest == FEB10 + DAY
    assert before.relation == "on or before"
    assert before.sort_point == FEB10  # sorts with its known day, not after it
    after = EventDate("[2022-02-10..]")
    assert after.earliest == FEB10 and after.latest == math.inf
    assert after.describe() == "on or after Thu 10 Feb 2022 (to the day)"


def test_open_end():
    d = EventDate("..")
    assert d.is_open and d.earliest == -math.inf and d.latest == math.inf


def test_time_with_offset_is_converted_to_utc():
    d = EventDate("2022-02-10T14:00:00+03:00")
    assert d.earliest == FEB10 + 11 * 3600
    assert d.precision == Precision.SECOND


def test_time_in_named_zone_follows_that_zones_offset():
    # Berlin is UTC+1 in February
    d = EventDate("2022-02-10T14:00:00", time_zone="Europe/Berlin")
    assert d.earliest == FEB10 + 13 * 3600


def test_precision_override_coarsens_a_time_of_day():
    d = EventDate("2022-02-10T14:00:00Z", precision_override=Precision.HOUR)
    assert (d.earliest, d.latest) == (FEB10 + 14 * 3600, FEB10 + 15 * 3600)


def test_bce_and_year_zero():
    assert EventDate("0000").describe().startswith("1 BCE")
    ides = EventDate("-0043-03-15")
    assert ides.describe().endswith("15 Mar 44 BCE (to the day)")
    assert ides.earliest < EventDate("0001-01-01").earliest


def test_years_beyond_9999():
    d = EventDate("Y12345")
    assert d.precision == Precision.YEAR
    assert civil_from_epoch(d.earliest).year == 12345


@pytest.mark.parametrize(
    "text, words",
    [
        ("2021-02-29", "not a day of the calendar"),
        ("2017-3-13", "not an EDTF date"),
        ("03/04/2022", "not an EDTF date"),
        ("2022-13-01", "month 13"),
        ("2022-02-10/2022-02-20", "interval"),
        ("", "non-empty"),
        ("2022-02-10T14:00:00", "no UTC offset"),
        ("2022-02-10T25:00:00Z", "not an EDTF date"),
    ],
)
def test_bad_dates_name_the_problem(text, words):
    with pytest.raises(DateError, match=words):
        EventDate(text)


def test_unknown_zone_is_an_error():
    with pytest.raises(DateError, match="unknown IANA time zone"):
        EventDate("2022-02-10T14:00:00", time_zone="Mars/Olympus")


@given(st.integers(-5000, 12000), st.integers(1, 12), st.integers(1, 28))
def test_civil_round_trip(year, month, day):
    s = epoch_from_civil(year, month, day)
    c = civil_from_epoch(s)
    assert (c.year, c.month, c.day) == (year, month, day)
    assert civil_from_epoch(s + DAY).weekday == (c.weekday + 1) % 7


def test_sets_of_several_dates_are_refused_not_guessed():
    with pytest.raises(DateError, match="set of several dates"):
        EventDate("[2022-02-10,2022-02-12]")


def test_unspecified_digits_are_known_only_to_the_month():
    d = EventDate("2022-02-XX")
    assert d.precision == Precision.MONTH
    assert "(to the day)" not in d.describe()


def test_a_wall_time_skipped_by_the_clocks_is_an_error():
    # Europe/London sprang forward from 01:00 to 02:00 on 27 March 2022
    with pytest.raises(DateError, match="does not exist in Europe/London"):
        EventDate("2022-03-27T01:30:00", time_zone="Europe/London")


def test_a_wall_time_that_happened_twice_is_uncertain_and_covers_both():
    # Europe/London fell back from 02:00 BST to 01:00 GMT on 30 October 2022
    d = EventDate("2022-10-30T01:30:00", time_zone="Europe/London")
    first = epoch_from_civil(2022, 10, 30, 30 * 60)  # 00:30 UTC (01:30 BST)
    assert d.uncertain
    assert d.earliest == first and d.latest == first + 3600 + 1


def test_times_of_day_say_they_are_utc():
    assert EventDate("2022-02-10T14:00:00+03:00").describe() == "Thu 10 Feb 2022 11:00:00 UTC (to the second)"


def test_one_day_in_a_range():
    d = EventDate("[2022-02-14..2022-02-20]")
    assert (d.earliest, d.latest) == (FEB10 + 4 * DAY, FEB10 + 11 * DAY)
    assert d.relation == "one of" and not d.is_exact
    assert d.describe().startswith("one day between Mon 14 Feb 2022 and Sun 20 Feb 2022")


@pytest.mark.parametrize("written, fix, why", [
    ("2022-02-10T23:30:00+00:00", "2022-02-10T23:30:00Z", "UTC is written Z"),
    ("2022-02-10T23:30Z", "2022-02-10T23:30:00Z", "seconds are written"),
    ("2022-02-10T23:30:00.250Z", "2022-02-10T23:30:00Z", "no fractions of a second"),
    ("2022-02-10 23:30:00Z", "2022-02-10T23:30:00Z", "follows a 'T'"),
    ("2022-02-10T23:30:00+0300", "2022-02-10T23:30:00+03:00", "+hh:mm"),
])
def test_common_iso_forms_edtf_refuses_get_the_exact_fix(written, fix, why):
    """Most tools write +00:00 or drop the seconds; the error says what EDTF wants, and the fix parses."""
    with pytest.raises(DateError) as info:
        EventDate(written)
    assert why in str(info.value) and repr(fix) in str(info.value)
    EventDate(fix)  # the suggested form is accepted


@pytest.mark.parametrize(("edtf", "words"), [
    # before 15 Oct 1582 no weekday: Hastings was a Saturday in the Julian calendar, a Sunday in EDTF's
    ("[..1066-10-14]", "on or before 14 Oct 1066 (to the day)"),
    ("[..2600-03-01]", "on or before Sat 1 Mar 2600 (to the day)"),
    ("[..2600-03]", "on or before March 2600 (to the month)"),
    ("[..-0043-03-15]", "on or before 15 Mar 44 BCE (to the day)"),
    ("[..1582-10-15]", "on or before Fri 15 Oct 1582 (to the day)"),  # the Gregorian calendar's first day
])
def test_on_or_before_names_its_own_day_far_from_1970(edtf, words):
    assert EventDate(edtf).describe() == words


def test_a_citation_of_on_or_before_names_its_own_day():
    from viewer.model.citation import _chicago_date

    assert "October 14, 1066" in _chicago_date(EventDate("[..1066-10-14]"))
