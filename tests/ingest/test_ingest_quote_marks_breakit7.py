"""Quotation marks a tester found read wrong (breakit7), in this file's own small articles, dated Wednesday
8 March 2023: an HTML <q> element and guillemets «…» are quotations; a quote opened and never closed is
warned of even when a later sentence of its paragraph closes a quote of its own; a name in quotation
marks after "dubbed the plan" is no quote."""

from __future__ import annotations

from datetime import date

from viewer.cli import main
from viewer.ingest import ingest_file, ingest_text

WED = date(2023, 3, 8)


def _quotes(tl):
    return [(q.speaker, q.kind.value, q.text) for e in tl.events for q in e.quotes]


def test_words_in_an_html_q_element_are_a_direct_quote(tmp_path):
    page = tmp_path / "a.html"
    page.write_text('<html><head><meta property="article:published_time" content="2023-03-08"></head><body>'
                    "<p>Lavrov said on Tuesday <q>talks are dead</q>.</p></body></html>", encoding="utf-8")
    tl = ingest_file(page).timeline
    assert ("Lavrov", "direct", "talks are dead") in _quotes(tl)  # the words were dropped: draft "Lavrov said"
    (e,) = tl.events
    assert "talks are dead" in e.title and e.start.edtf == "2023-03-07"


def test_guillemets_are_quotation_marks():
    tl = ingest_text("Lavrov said on Tuesday: «\u202fNous ne céderons pas\u202f», then left.", published=WED).timeline
    assert ("Lavrov", "direct", "Nous ne céderons pas") in _quotes(tl)
    assert not any("«" in q.text for e in tl.events for q in e.quotes)


def test_an_unclosed_quote_before_a_sentence_with_a_closed_quote_is_warned_of(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text('KYIV, March 8, 2023 (Reuters) - Macron said on Friday "it is over.\n'
                   'Scholz said on Thursday: "Nothing."\n', encoding="utf-8")
    assert main(["ingest", str(art), "-o", str(tmp_path / "d.timeline.json")]) == 1  # was 0, no warning
    out = capsys.readouterr().out
    assert "sentence 1, line 1: quote opened but never closed" in out
    assert "sentence 2" not in out.split("Warnings:")[1]  # Scholz's quote is closed
    tl = ingest_file(art).timeline
    assert ("Scholz", "direct", "Nothing") in _quotes(tl)
    assert not any(q.kind.value == "direct" and "over" in q.text for e in tl.events for q in e.quotes)

    # his words are kept as his reported speech, never a quotation (they were lost: draft "Macron said")
    assert ("Macron", "reported", "it is over") in _quotes(tl)


def test_a_quote_over_two_sentences_of_a_paragraph_is_no_warning():
    r = ingest_text('Macron said on Friday: "It is over. We are done." Scholz said on Thursday: "Nothing."',
                    published=WED)
    assert r.warnings == []


def test_a_quote_ending_in_an_escaped_backslash_is_closed():
    r = ingest_text('Peskov said on Monday "the path is C:\\\\" and left.\nScholz said on Thursday: "Nothing."',
                    published=WED)
    assert r.warnings == []
    assert ("Peskov", "direct", "the path is C:\\\\") in _quotes(r.timeline)


def test_a_name_after_dubbed_the_plan_is_no_quote_and_no_track():
    tl = ingest_text("The minister dubbed the plan “Operation Dawn” on Friday.", published=WED).timeline
    (e,) = tl.events
    assert not any(q.kind.value == "direct" for q in e.quotes)  # was an unattributed quote “Operation Dawn”
    assert "Operation Dawn" not in [t.label for t in tl.tracks]
    assert e.start.edtf == "2023-03-03" and not tl.is_planned(e)  # "dubbed" is past: was [3..10 Mar]
