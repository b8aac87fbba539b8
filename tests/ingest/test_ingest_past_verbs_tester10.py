"""A past event in an irregular past tense is past (a new-user tester's article form, ingest10).

"According to officials, the army retook the village on Monday" (an article of Wed 8 Mar 2023) was read in the
present tense ("retook" was no past verb to the draft) and drawn as "the last Monday or the next", 6 to 13
March: a week that runs past the article's own day, for a village retaken before it was written.

What the user sees: the draft's date."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text

WED = date(2023, 3, 8)


@pytest.mark.parametrize("text", [
    "According to officials, the army retook the village on Monday.",
    "The army retook the village on Monday, according to officials.",
    "Troops overran the position on Monday.",
    "Rebels overthrew the governor on Monday.",
])
def test_an_irregular_past_verb_dates_the_last_monday_only(text):
    (e,) = ingest_text(text + "\n", published=WED).timeline.events
    assert e.start.edtf == "2023-03-06"  # was [2023-03-06..2023-03-13], past the article's day
    assert not e.planned
