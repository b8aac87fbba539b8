"""A denial stays a denial wherever its words go (a break-it tester's report): "Kuleba denied on Monday that
Ukraine will attack Belgorod." was titled "Kuleba (denied): …", but its reported-speech quote left the app as
"Reported (Kuleba): Ukraine will attack Belgorod" (ICS, TimelineJS) and the present caption as "… — Kuleba
(reported speech …)": the denied claim shown as his.  Now the attribution keeps "denied".  And a negated
subject ("Nobody expected that …") is never a speaker, a source or a forecast."""

from __future__ import annotations

from datetime import date

import pytest

from tests.exported import exported_texts
from viewer.ingest import ingest_text
from viewer.io import write_timeline
from viewer.model.presentation import caption_for
from viewer.ui.present_caption import layout_caption

DENIED = "Kuleba denied on Monday that Ukraine will attack Belgorod.\n"
WORDS = "Ukraine will attack Belgorod"


@pytest.fixture(scope="module")
def tl():
    return ingest_text(DENIED, published=date(2023, 3, 8)).timeline


def _denial(tl):
    return next(e for e in tl.events if any(q.text == WORDS for q in e.quotes))


def test_exports_say_the_words_were_denied(tl, tmp_path):
    for fmt, text in exported_texts(tl, tmp_path):
        assert f"Reported (Kuleba): {WORDS}" not in text, fmt  # was: the denied claim as his
        assert f"Reported (Kuleba, denied): {WORDS}" in text, fmt


def test_present_caption_says_the_speaker_denied_it(qtbot, tl):
    lines = [ln.text for ln in layout_caption(caption_for(tl, _denial(tl).id), 1200, 768, "dark", 1e6)]
    k = lines.index(WORDS)
    assert lines[k + 1] == "— Kuleba denied (reported speech, not a quotation)"  # was "— Kuleba (reported …)"


def test_a_plain_saying_is_unchanged(tmp_path):
    tl = ingest_text("Kuleba said on Monday that Ukraine will attack Belgorod.\n", published=date(2023, 3, 8)).timeline
    out = tmp_path / "t.ics"
    write_timeline(tl, str(out), format="ics")
    assert "denied" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["Nobody expected that the strike would end.",
                                  "No one said the talks would resume on Friday.",
                                  "None of the officials said that the convoy would sail on Friday.",
                                  "No official said when the convoy would sail."])
def test_a_negated_subject_is_never_a_speaker_source_or_forecast(text):
    tl = ingest_text(text + "\n", published=date(2023, 3, 8)).timeline
    assert [s.id for s in tl.sources] == ["article"]  # was a source "nobody" / "no-official" …
    for e in tl.events:
        assert not e.quotes, e.title  # was reported speech by "Nobody"
        assert "forecast" not in e.tags and not e.title.startswith(("Nobody", "No official:")), e.title


def test_none_of_the_officials_is_never_cut_to_officials():
    tl = ingest_text("None of the officials said that the convoy would sail on Friday.\n",
                     published=date(2023, 3, 8)).timeline
    (e,) = tl.events
    assert e.title.startswith("None of the officials said")  # was "Officials said that the convoy would sail"


def test_no_10_is_still_no_one_negated():
    from viewer.ingest.actors import parse_person

    assert parse_person("No 10").kind != "unknown"
    assert parse_person("Nobody").kind == "unknown" and parse_person("Neither side").kind == "unknown"
