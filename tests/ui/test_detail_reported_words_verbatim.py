"""Reported speech the detail pane labels "the article's words" is exactly the article's words (a new user's
report, honest5): it showed "senior US sources, familiar with …, said that the Kremlin has gathered …" (the
article has "According to senior US sources …") and "officials said that Talks will resume on Friday" (the capital T
shows the splice), both labelled "(reported speech, the article's words)"."""

from __future__ import annotations

import html as html_lib
import re
from datetime import date
from pathlib import Path

from viewer.app import bundled_timeline_path
from viewer.ingest import ingest_text
from viewer.io import read_timeline
from viewer.model.timeline import QuoteKind
from viewer.ui.detail_pane import event_html, event_texts

ARTICLE = Path(__file__).parents[1] / "data" / "articles" / "allied-resolve-2022.txt"


def _shown(html: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _reported_paragraphs(html: str) -> list[str]:
    return [" ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", p)).split())
            for p in re.findall(r"<p class='quote reported'>(.*?)</p>", html, re.S)]


def test_bundled_reported_words_shown_are_a_slice_of_the_article():
    tl = read_timeline(bundled_timeline_path())
    article = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    e = tl.event("us-intel-70-percent")
    html = event_html(e, tl)
    (shown,) = _reported_paragraphs(html)
    assert shown in article  # was "senior US sources, familiar with …, said that the Kremlin has gathered …"
    assert shown.startswith("the Kremlin has gathered 70 percent")
    assert "said that" not in _shown(html)
    assert "reported speech, the article’s words" in _shown(html)
    for ev in tl.events:  # every reported quote the pane labels the article's words is in the article
        for p in _reported_paragraphs(event_html(ev, tl)):
            assert p in article, (ev.id, p)


def test_talks_reported_by_officials_are_shown_as_written_not_spliced():
    tl = ingest_text("Talks will resume on Friday, officials said on Monday.\n", published=date(2023, 3, 8)).timeline
    for e in tl.events:
        html = event_html(e, tl)
        assert "said that Talks" not in _shown(html)  # was "officials said that Talks will resume on Friday"
        assert _reported_paragraphs(html) == ["Talks will resume on Friday"]
        (q,) = [q for q in e.quotes if q.kind == QuoteKind.REPORTED]
        assert event_texts(e)["quote-0"] == "Talks will resume on Friday"  # what "copy all" copies
