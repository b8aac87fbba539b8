"""Event links and citations as text (no Qt)."""

import dataclasses

from viewer.io import read_timeline
from viewer.model.citation import citation_html, citation_text, event_link, split_link


def test_links_round_trip_and_odd_input_is_left_alone():
    assert split_link(event_link("/data/a#b/x.timeline.json", "ev-1")) == ("/data/a#b/x.timeline.json", "ev-1")
    assert split_link("x.json") == ("x.json", None)
    assert split_link("x.json#") == ("x.json#", None)


def test_citation_has_quote_speaker_outlet_date_and_event(bundled_path):
    tl = read_timeline(bundled_path)
    ev = tl.event("lavrov-lowest-level")
    text = citation_text(ev, tl)
    assert text.startswith("“at their lowest level in recent years” — Sergey Lavrov, Russian Foreign Minister, "
                           "quoted in Washington Insider Magazine, February 10, 2022 (uncertain).")
    assert "Thu 10 Feb 2022" in text and "uncertain" in text
    html = citation_html(ev, tl)
    assert "<i>Washington Insider Magazine</i>" in html


def test_citation_gives_author_title_and_url_when_known_and_escapes_html(bundled_path):
    tl = read_timeline(bundled_path)
    art = tl.source_index["article"]
    richer = dataclasses.replace(art, author="A. <b>Writer</b>", title="Drills begin", url="https://example.org/x")
    tl2 = dataclasses.replace(tl, sources=tuple(richer if s.id == "article" else s for s in tl.sources))
    ev = tl2.event("lavrov-lowest-level")
    assert ("quoted in A. <b>Writer</b>, “Drills begin,” Washington Insider Magazine, February 10, 2022 (uncertain), "
            "https://example.org/x.") in citation_text(ev, tl2)
    assert "&lt;b&gt;Writer" in citation_html(ev, tl2)
