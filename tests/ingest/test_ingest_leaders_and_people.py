"""A head of state named alone goes to their country's track; a person whose role names no country stays on
"People", and the draft says why (a new-user tester, ingest10).

'"We will never give up," Zelensky said' in a KYIV article put Zelensky on "People", "tied to no country":
the draft's short list of well-known heads of state and government (``LEADERS``, in the gazetteer's style) now
ties him to Ukraine, and the basis says the list did it, not the article.  "Anna Berg, the mission head" stays
on "People": the role does not say whose mission, and a dateline's "KYIV" says where the article was written,
not whose official she is (never guessed); the basis now says so.

What the user sees: each draft's track and the basis the review panel shows."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text

from .test_ingest_saying_day_titles import TESTER

WED = date(2023, 3, 8)


def _tracks(tl):
    labels = {t.id: t.label for t in tl.tracks}
    return {e.title: labels[e.track] for e in tl.events}


def test_the_testers_zelensky_is_on_ukraine_and_the_draft_says_the_list_tied_him():
    tl = ingest_text(TESTER).timeline
    zelensky = next(e for e in tl.events if "never give up" in e.title)
    assert _tracks(tl)[zelensky.title] == "Ukraine"  # was "People"
    assert "short list of heads of state and government (Ukraine)" in zelensky.start.basis
    assert "tied to no country" not in zelensky.start.basis


def test_the_testers_mission_head_stays_on_people_and_the_draft_says_why():
    tl = ingest_text(TESTER).timeline
    berg = next(e for e in tl.events if e.title.startswith("Anna Berg"))
    assert _tracks(tl)[berg.title] == "People"  # never Ukraine from the dateline: a guess
    assert "“the mission head”, names none" in berg.start.basis
    assert "dateline's place is where the article was written" in berg.start.basis


@pytest.mark.parametrize("text, track", [
    ('"We will respond," Putin said on Monday.', "Russia"),
    ("President Zelensky said on Monday that the talks had failed.", "Ukraine"),
    ("Macron met Scholz on Monday.", "France"),  # was "Other"
    ("Putin met Lukashenko in Minsk on Monday.", "Russia"),  # was "Belarus": the subject's, not the venue's
])
def test_a_leader_named_with_no_country_is_on_the_lists_country(text, track):
    tl = ingest_text(text + "\n", published=WED).timeline
    (e,) = tl.events
    assert _tracks(tl)[e.title] == track
    assert "short list of heads of state and government" in e.start.basis


@pytest.mark.parametrize("text, track", [
    ('"We will respond," Anna Zelensky said on Monday.', "People"),  # another first name: someone else
    ('"We will respond," Kowal said on Monday.', "People"),  # on no list: as before
    ('"We will respond," French President Emmanuel Macron said on Monday.', "France"),  # the article's own word
])
def test_only_the_lists_names_are_tied_and_the_articles_own_tie_needs_no_note(text, track):
    tl = ingest_text(text + "\n", published=WED).timeline
    (e,) = tl.events
    assert _tracks(tl)[e.title] == track
    assert "short list of heads of state" not in e.start.basis


@pytest.mark.parametrize("text, edtf, title", [
    ("Anna Berg, a teacher, said on Monday that the school had closed.", "2023-03-06",
     "Anna Berg: the school had closed"),  # was "Anna Berg said", her words lost
    ("Anna Berg, a teacher, said that the school had closed.", "[..2023-03-08]",
     "Anna Berg: the school had closed"),  # was no draft at all
    ("Adam Kowal, a resident of Kharkiv, said on Monday that the bridge was gone.", "2023-03-06",
     "Adam Kowal: the bridge was gone"),
])
def test_a_person_set_off_with_what_they_are_and_no_role_word_is_still_who_said_what(text, edtf, title):
    tl = ingest_text(text + "\n", published=WED).timeline
    (e,) = tl.events
    assert (e.start.edtf, e.title) == (edtf, title)
    assert _tracks(tl)[e.title] == "People"  # nothing ties them to a country: never guessed
    assert [(q.kind.value, q.text) for q in e.quotes] == [("reported", title.split(": ", 1)[1])]
