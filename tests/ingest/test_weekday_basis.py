"""The basis a reviewer reads for a weekday says in plain words what "on Thursday" and "last
Thursday" each mean, with both dates, so the difference can be checked against the article."""

from datetime import date

import pytest

from viewer.ingest.temporal import Publication, find_mentions

THU = date(2022, 2, 10)  # a Thursday
SAT = date(2022, 2, 12)


def _one(sentence, day):
    pub = Publication(day=day, day_certain=True, year_certain=True, how="given")
    (m,) = [m for m in find_mentions(sentence, pub) if "Thursday" in m.phrase]
    return m


def test_on_thursday_written_on_a_thursday_is_that_day_and_says_last_would_be_a_week_earlier():
    m = _one("On Thursday, Russia and Belarus launched ten days of joint military training.", THU)
    assert m.edtf == "2022-02-10"
    assert "the Thursday in the week up to the article, Thu 10 Feb 2022" in m.basis
    assert "'last Thursday' would be a week earlier, Thu 3 Feb 2022" in m.basis


def test_last_thursday_written_on_a_thursday_is_a_week_earlier_and_says_why():
    m = _one("Last Thursday, the troops arrived in Belarus.", THU)
    assert m.edtf == "2022-02-03"
    assert "the Thursday before the publication day, Thu 3 Feb 2022" in m.basis
    assert "'last Thursday' is a week earlier, while 'on Thursday' is that same day" in m.basis


def test_on_thursday_in_the_future_tense_is_the_thursday_of_the_week_ahead():
    m = _one("The advisers will meet in Berlin on Thursday.", SAT)
    assert m.edtf == "2022-02-17"
    assert "future tense" in m.basis and "the Thursday in the week from the article on, Thu 17 Feb 2022" in m.basis


@pytest.mark.parametrize("sentence", ["Last Thursday, the troops arrived.", "On Thursday, the troops arrived."])
def test_written_on_a_saturday_both_mean_two_days_before(sentence):
    m = _one(sentence, SAT)
    assert m.edtf.startswith("2022-02-10")
    assert "Thu 10 Feb 2022" in m.basis
    if sentence.startswith("Last"):  # the reviewer is told both readings agree here
        assert "'on Thursday' in the past tense means the same day here" in m.basis
