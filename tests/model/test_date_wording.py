"""Dates in words say what the source gave, no more (a break-it tester's wording finds)."""

import pytest

from viewer.model.dates import EventDate
from viewer.model.errors import DateError


@pytest.mark.parametrize("edtf, words", [
    # read as an eleven-month span: "Mon 10 Jan 2022 – Sat 10 Dec 2022 (to the day)"; then with
    # "(to the day)" after it, which claims a day the source never gave (breakit7 #9): the words say what is known
    ("2022-XX-10", "the 10th of an unknown month of 2022"),
    ("2022-XX-01", "the 1st of an unknown month of 2022"),
    ("2022-XX-22", "the 22nd of an unknown month of 2022"),
    ("2022-XX-13", "the 13th of an unknown month of 2022"),
    ("XXXX-02-10", "10 February of an unknown year"),  # was "Thu 10 Feb 1 BCE – Wed 10 Feb 9999"
    ("XXXX-02", "February of an unknown year"),
    # was "Tue 1 Feb 1 BCE – Sun 28 Feb 9999 (to the day)": a span the source never gave, to a day it never gave
    ("XXXX-02-XX", "February of an unknown year"),
    ("2022-XX", "2022 (to the year)"),
    ("2022-02-XX", "February 2022 (to the month)"),  # was "(to the day)"
    ("XXXX", "an unknown year"),  # was "1 BCE – 9900–9999 (to the century)"
    # "2000s" reads as a decade
    ("20XX", "2000–2099 (to the century)"),
    ("19XX", "1900–1999 (to the century)"),
    ("202X", "2020s (to the decade)"),
    # a qualifier before or after the value: the stated value first, as for 1850~
    ("~2022", "about 2022, so between 2021 and 2023 (to the year)"),
    ("1850~", "about 1850, so between 1849 and 1851 (to the year)"),
])
def test_dates_in_words(edtf, words):
    assert EventDate(edtf).describe() == words


@pytest.mark.parametrize("typed, advised", [
    ("2022-02-10T25:00", "2022-02-11T01:00:00"),      # was "write '2022-02-10T25:00:00'", itself refused
    ("2022-02-10T25:00:00", "2022-02-11T01:00:00"),
    ("2022-02-28T24:30Z", "2022-03-01T00:30:00Z"),
    ("2022-02-10T14:00", "2022-02-10T14:00:00"),
])
def test_the_advice_for_a_refused_time_is_itself_a_valid_date(typed, advised):
    with pytest.raises(DateError) as err:
        EventDate(typed)
    assert f"write {advised!r}" in str(err.value)
    # (a time without an offset needs a zone)
    assert EventDate(advised, time_zone="Europe/Minsk").precision.label == "second"


@pytest.mark.parametrize("typed", ["2022-02-10T14:61", "2022-02-10T49:00"])
def test_a_time_no_rewriting_fixes_gets_no_write_advice(typed):
    with pytest.raises(DateError) as err:
        EventDate(typed)
    assert "write '" not in str(err.value) and "run from 00 to" in str(err.value)


def test_an_approximate_day_is_drawn_and_filtered_over_the_documented_three_days():
    """``2022-02-10~`` stands for 9 to 11 Feb inclusive (one day either side, the module's rule):
    drawn from 9 Feb 00:00 up to, not including, 12 Feb 00:00 (the interval is half-open, which
    is not a fourth day), kept by a range that touches 11 Feb, not by one from 12 Feb."""
    from viewer.io.native import timeline_from_dict
    from viewer.model.filters import FilterState, apply_filters

    day = 86400.0
    d = EventDate("2022-02-10~")
    ten = EventDate("2022-02-10").earliest
    assert (d.earliest, d.latest) == (ten - day, ten + 2 * day)
    assert d.describe() == "about Thu 10 Feb 2022, so between Wed 9 Feb 2022 and Fri 11 Feb 2022 (to the day)"
    tl = timeline_from_dict({"format": "timeline-viewer", "version": 1, "title": "t",
                             "tracks": [{"id": "t", "label": "T"}],
                             "events": [{"id": "a", "track": "t", "title": "A", "start": {"edtf": "2022-02-10~"}}]})
    assert len(apply_filters(tl, FilterState(date_range=(ten + day, ten + 2 * day))).events) == 1  # 11 Feb
    assert len(apply_filters(tl, FilterState(date_range=(ten + 2 * day, ten + 3 * day))).events) == 0  # 12 Feb
