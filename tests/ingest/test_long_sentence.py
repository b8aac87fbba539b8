"""A long sentence is split and drafted as pysbd would, without pysbd's quadratic abbreviation pass:
the substitution for an abbreviation-like word ("v" of "very") runs once per form, not once per word
(breakit5's long.txt, one 50,000-character sentence, took 48.6 s).  Counts, never times."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pysbd
from pysbd.abbreviation_replacer import AbbreviationReplacer

from viewer.ingest import ingest_text
from viewer.ingest.extract import _segmenter, split_sentences

DATA = Path(__file__).resolve().parents[1] / "data" / "articles"
TRICKY = ("Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5. He said no. 5 was v. good. Sen. V. Ivanov? St. Petersburg "
          "is big. U.S. officials met. The U.S. Army left. Prof. Ng arrived; e.g. this. Gen. Milley spoke. No. 10 "
          "said so. Capt. A. B. Cooper and Lt. Col. Dan Smith of the U.S.A. left at 3 a.m. Fig. 3 shows it, etc.")


def test_sentences_are_those_pysbd_itself_gives():
    plain = pysbd.Segmenter(language="en", clean=False, char_span=True)
    paragraphs = [TRICKY] + [p for f in sorted(DATA.rglob("*.txt")) for p in f.read_text("utf-8").split("\n")
                             if p.strip()]
    for para in paragraphs:
        assert [(s.sent, s.start) for s in _segmenter().segment(para)] == \
            [(s.sent, s.start) for s in plain.segment(para)], para[:60]


def test_a_long_sentence_is_one_sentence_and_the_abbreviation_pass_runs_once_per_form(monkeypatch):
    calls = []
    original = AbbreviationReplacer.scan_for_replacements

    def counted(self, *args):
        calls.append(args[1])
        return original(self, *args)

    monkeypatch.setattr(AbbreviationReplacer, "scan_for_replacements", counted)
    text = "Published 14 June 2023\nThe minister said on Monday that " + "very " * 2000 + "long talks happened.\n"
    sentences = split_sentences(text)
    assert [s.text[:20] for s in sentences] == ["Published 14 June 20", "The minister said on"]
    assert len(calls) < 50  # was 4,000: one whole-text substitution per "very" (and per "Monday"-like word)
    r = ingest_text(text, published=date(2023, 6, 14))
    (e,) = r.timeline.events
    assert e.start.edtf == "2023-06-12" and e.draft.offsets == (sentences[1].start, sentences[1].end)
