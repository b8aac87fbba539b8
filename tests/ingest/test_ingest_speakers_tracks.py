"""Who said it and which track a draft goes on, on small articles: a role alone ("said the
minister") is the person the article named with that role, else an unnamed official in the
article's words; who the article does not name ("officials", "diplomats", "sources") is never a
track; a person named once goes to the country the article ties them to, else to "People"."""

from __future__ import annotations

from datetime import date

from viewer.ingest import ingest_text

NAMED_MINISTER = ("KYIV (Test Wire) - Ukraine's foreign minister Dmytro Kuleba met his Polish counterpart in Warsaw "
                  "on Monday.\n“We will not be intimidated,” said the minister on Monday.\n")

UNNAMED_MINISTER = """KYIV (Test Wire) - Talks on grain exports resumed in Istanbul on Monday.
“We will not be intimidated,” said the minister on Monday.
"""

GENERIC_AND_ONCE = """WARSAW (Test Wire) - Officials said on Tuesday that the border crossings would stay open.
Diplomats said on Tuesday that talks would resume in Geneva.
Liz Truss, the British foreign secretary, arrived in Moscow on Thursday.
Vice Admiral Ola Nordmann inspected the harbour on Wednesday.
"""


def _ingest(text: str):
    return ingest_text(text, published=date(2022, 2, 10)).timeline


def _label(tl, track_id: str) -> str:
    return next(t.label for t in tl.tracks if t.id == track_id)


def _quote(tl, words: str):
    return next(q for e in tl.events for q in e.quotes if words in q.text)


def test_said_the_minister_is_the_minister_the_article_named():
    tl = _ingest(NAMED_MINISTER)
    q = _quote(tl, "intimidated")
    assert q.speaker == "Dmytro Kuleba"  # was "minister on Monday", a role and a day taken for a name
    ev = next(e for e in tl.events if q in e.quotes)
    assert _label(tl, ev.track) == "Ukraine"  # Ukraine's foreign minister


def test_said_the_minister_with_no_minister_named_stays_an_unnamed_official():
    tl = _ingest(UNNAMED_MINISTER)
    q = _quote(tl, "intimidated")
    assert q.speaker == "unnamed official (“the minister”, as the article says)"
    assert "minister on Monday" not in {t.label for t in tl.tracks}
    assert "on Monday" not in " ".join(s.outlet for s in tl.sources)


def test_officials_and_diplomats_are_no_tracks_and_a_person_named_once_goes_to_their_country():
    tl = _ingest(GENERIC_AND_ONCE)
    labels = {t.label for t in tl.tracks}
    assert not labels & {"Officials", "Diplomats", "officials", "diplomats"}  # was a track each
    assert "Liz Truss" not in labels and "Ola Nordmann" not in labels  # was a track each
    truss = next(e for e in tl.events if "Truss" in e.title)
    assert _label(tl, truss.track) == "United Kingdom"  # "the British foreign secretary"
    nordmann = next(e for e in tl.events if "Nordmann" in e.title)
    assert _label(tl, nordmann.track) == "People"  # tied to no country the draft knows
    assert "Track 'People': Ola Nordmann is named once" in nordmann.start.basis
    # the quotes of who is not named stay theirs, as the article says
    assert _quote(tl, "border crossings").speaker == "Officials"


APPOSITIVE = ("LONDON (Test Wire) - The British Prime Minister, Boris Johnson, said on Monday that an invasion "
              "could come within days.\nAfter meeting the German chancellor, Olaf Scholzz, said on Tuesday that "
              "talks would go on.\n")


def test_a_role_set_off_by_commas_before_the_name_gives_the_speaker_s_country():
    """"The British Prime Minister, Boris Johnson, said" put Johnson on "People" (the bundled
    timeline has him on United Kingdom): only a role right before the name was read."""
    tl = _ingest(APPOSITIVE)
    johnson = next(e for e in tl.events if "Johnson" in e.title)
    assert _label(tl, johnson.track) == "United Kingdom"
    scholzz = next(e for e in tl.events if "talks" in (e.summary + e.title))
    assert _label(tl, scholzz.track) != "Germany"  # a clause before the name is not the person's role
