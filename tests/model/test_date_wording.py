"""Dates in words say what the source gave, no more (a break-it tester's wording finds)."""

import pytest

from viewer.model.dates import EventDate
from viewer.model.errors import DateError


@pytest.mark.parametrize("edtf, words", [
    # read as an eleven-month span: "Mon 10 Jan 2022 – Sat 10 Dec 2022 (to the day)"
    ("2022-XX-10", "the 10th of an unknown month of 2022 (to the day)"),
    ("2022-XX-01", "the 1st of an unknown month of 2022 (to the day)"),
    ("2022-XX-22", "the 22nd of an unknown month of 2022 (to the day)"),
    ("2022-XX-13", "the 13th of an unknown month of 2022 (to the day)"),
    ("XXXX-02-10", "10 February of an unknown year (to the day)"),  # was "Thu 10 Feb 1 BCE – Wed 10 Feb 9999"
    ("XXXX-02", "February of an unknown year (to the month)"),
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
