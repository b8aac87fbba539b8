"""Reported speech leaves the app as the source wrote it, in every outlet (a user's report): exports and
present captions built a sentence of the tool's around it, "officials said that Talks will resume on Friday"
(a capital in mid sentence, and "said that" words the article did not write).  Now each outlet gives the
source's words as written, never in quotation marks, with the attribution kept apart, as the detail pane does;
direct quotes are unchanged."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from tests.exported import exported_texts
from viewer.ingest import ingest_text
from viewer.model.citation import citation_html, citation_text
from viewer.model.presentation import caption_for
from viewer.ui.present_caption import layout_caption

WORDS = "Talks will resume on Friday"
SPLICED = "said that Talks"


@pytest.fixture(scope="module")
def tl():
    tl = ingest_text(f"{WORDS}, officials said on Monday. “We are ready,” the minister said on Monday.\n",
                     published=date(2023, 3, 8)).timeline
    assert any(q.text == WORDS for e in tl.events for q in e.quotes)
    return tl


def _talks(tl):
    return next(e for e in tl.events if any(q.text == WORDS for q in e.quotes))


def test_citation_gives_the_words_as_written_after_the_attribution(tl):
    text = citation_text(_talks(tl), tl)
    assert text.startswith(f"Reported (officials): {WORDS}")
    assert SPLICED not in text and "said that" not in text and f"“{WORDS}" not in text
    assert SPLICED not in citation_html(_talks(tl), tl)


def test_file_exports_give_the_words_as_written(tl, tmp_path):
    for fmt, text in exported_texts(tl, tmp_path):
        assert "said that" not in text, fmt
        assert f"“{WORDS}”" not in text, fmt  # (a draft's whole source sentence may be quoted: it is the article's)
        assert f"Reported (officials): {WORDS}" in text, fmt
    rows = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8"), newline="")))
    talks = next(r for r in rows if WORDS in r["quotes"])
    assert talks["quotes"] == f"Reported (officials): {WORDS}"


def test_present_caption_shows_the_words_with_the_speaker_below(qtbot, tl):
    lines = [ln.text for ln in layout_caption(caption_for(tl, _talks(tl).id), 1200, 768, "dark", 1e6)]
    k = lines.index(WORDS)  # the article's words, alone on their line: no "officials said that" spliced in
    assert lines[k + 1] == "— officials (reported speech, not a quotation)"
    assert not any("said that" in t for t in lines)
    assert lines[k].startswith("T") and not lines[k].startswith("“")
