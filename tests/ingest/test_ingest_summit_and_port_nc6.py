"""A new user's two articles (a grain-corridor summit of 3 Jun 2023, a dock strike of 14 Mar 2024), as drafted.

1. "the grain corridor, which expires on July 17" in an article of 3 Jun 2023 was drafted as a fact of
   17 Jul 2022: the relative clause's present tense ("expires") was missed, and the tense of "failed" before it
   put the day a year back.  A bare month-day takes the year that makes its own clause's tense right: the
   present "expires on July 17" after 3 June is 17 Jul 2023, and as it is after publication, planned.
"""

from __future__ import annotations

from datetime import date

from viewer.ingest import ingest_text

SUMMIT = date(2023, 6, 3)  # a Saturday
PORT = date(2024, 3, 14)  # a Thursday


def _events(text: str, day: date = SUMMIT):
    return ingest_text(text + "\n", published=day).timeline.events


def _shown(events):
    return [(e.title, e.start.edtf, e.tags, e.planned) for e in events]


# 1 -------------------------------------------------------------------------------------------------------------

def test_a_day_in_a_present_relative_clause_is_the_coming_one_and_planned():
    events = _events("Foreign ministers meeting in Geneva failed to agree on Friday on an extension of the grain "
                     "corridor, which expires on July 17.")
    (e,) = [x for x in events if "July 17" in x.start.phrase]
    assert e.start.edtf == "2023-07-17", _shown(events)  # was 2022-07-17: a year back, as if past
    assert e.planned, _shown(events)  # after publication: what the article expects, not a fact
    assert "2022" not in e.start.basis
    (f,) = [x for x in events if x is not e]
    assert f.start.edtf == "2023-06-02" and not f.planned  # the failure, on the Friday before


def test_a_day_in_a_past_relative_clause_stays_in_the_past():
    events = _events("The ministers met in Geneva on Friday to discuss the corridor, which expired on July 17.")
    (e,) = [x for x in events if "July 17" in x.start.phrase]
    assert e.start.edtf == "2022-07-17" and not e.planned, _shown(events)
