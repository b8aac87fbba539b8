"""A new user's ingest of the bundled article (ingest8): a draft titled "According to a statement released by
the Russian Ministry of…" (the attribution's frame words, not who said what); "Foreign Secretary Liz Truss" on a
"People" track though the article has a United Kingdom one; and the window header cut from the first sentence
("Draft: Talks will resume on Frida…", "officials said" out of view).

What the user sees: each draft's title and track label, and the timeline's title (the window header)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from viewer.ingest import ingest_file, ingest_text

ARTICLE = Path(__file__).parents[1] / "data" / "articles" / "allied-resolve-2022.txt"
THU = date(2022, 2, 10)


def _label(tl, track_id: str) -> str:
    return next(t.label for t in tl.tracks if t.id == track_id)


def test_no_title_begins_with_the_attribution_s_frame_words():
    tl = ingest_text(ARTICLE.read_text(encoding="utf-8"), published=THU).timeline
    titles = [e.title for e in tl.events]
    assert not [t for t in titles if t.lower().startswith(("according to", "a statement", "the statement"))], titles
    (statement,) = [e for e in tl.events if "Ministry of Defense" in e.title and not tl.is_planned(e)]
    assert statement.title == "Russian Ministry of Defense: statement on the military drills"
    assert _label(tl, statement.track) == "Russia"


def test_according_to_people_is_titled_by_who_said_what():
    tl = ingest_text("Talks will resume on Friday, according to officials on Monday.\n",
                     published=date(2023, 3, 8)).timeline
    titles = [e.title for e in tl.events]
    assert not [t for t in titles if t.lower().startswith("according")], titles


def test_a_national_office_goes_to_that_country_s_track():
    tl = ingest_text(ARTICLE.read_text(encoding="utf-8"), published=THU).timeline
    truss = next(e for e in tl.events if "Truss" in e.title)
    assert _label(tl, truss.track) == "United Kingdom"  # was "People": "Foreign Secretary" is the UK's office
    assert "Track 'People'" not in truss.start.basis
    tl = ingest_text("WASHINGTON (Test Wire) - Secretary of State Antony Blinken arrived in Kyiv on Monday.\n"
                     "Vice Admiral Ola Nordmann inspected the harbour on Wednesday.\n", published=THU).timeline
    blinken = next(e for e in tl.events if "Blinken" in e.title)
    assert _label(tl, blinken.track) == "United States"
    nordmann = next(e for e in tl.events if "Nordmann" in e.title)
    assert _label(tl, nordmann.track) == "People"  # no affiliation found: still People
    tl = ingest_text("MOSCOW (Test Wire) - Foreign Secretary Jane Doe arrived in Moscow on Thursday.\n",
                     published=THU).timeline
    (doe,) = tl.events  # the UK's office or India's, the article names neither: unclear, People
    assert _label(tl, doe.track) == "People"


def test_swiss_and_swedish_speakers_have_their_country_s_track():
    tl = ingest_text("GENEVA (Test Wire) - Swiss President Ueli Maurer arrived in Bern on Monday.\n"
                     "Swedish Prime Minister Ulf Kristersson arrived in Stockholm on Tuesday.\n",
                     published=THU).timeline
    labels = {_label(tl, e.track) for e in tl.events}
    assert labels == {"Switzerland", "Sweden"}


def test_the_header_is_the_headline_or_names_the_file(tmp_path):
    tl = ingest_file(ARTICLE).timeline  # no headline: the first line is the story's first sentence
    assert tl.title == "Draft from allied-resolve-2022.txt"  # was "Draft: Russia and Belarus launched ten…"
    f = tmp_path / "talks.txt"
    f.write_text("Talks will resume on Friday, officials said on Monday.\n", encoding="utf-8")
    assert ingest_file(f).timeline.title == "Draft from talks.txt"  # was "Draft: Talks will resume on Frida…"
    f.write_text("Exercise begins near the border\n\nTroops moved on Monday, officials said.\n", encoding="utf-8")
    assert ingest_file(f).timeline.title == "Draft: Exercise begins near the border"
    assert ingest_text("Talks will resume on Friday, officials said.\n").timeline.title == "Draft from pasted text"
