"""Titles, summaries, quotes and speakers are shown with their directional
controls visible, never obeyed: "RTL \\u202eevil\\u202c text" must not read as
"RTL live text" anywhere (Trojan Source, CVE-2021-42574).  The stored text is
left verbatim."""

from __future__ import annotations

from dataclasses import replace

import pytest

from viewer.graphics.events import label_text
from viewer.io import read_timeline
from viewer.model.timeline import Quote

EVIL = "RTL \u202eevil\u202c text"
SHOWN = "RTL ⟨RLO⟩evil⟨PDF⟩ text"


@pytest.fixture
def evil_timeline(bundled_path):
    tl = read_timeline(bundled_path)
    ev = tl.event("drills-begin")
    evil = replace(ev, title=EVIL, summary="sum \u2067mary\u2069",
                   quotes=(Quote("quo\u202dte\u202c", speaker="spe\u202bak\u202cer"),))
    return replace(tl, events=tuple(evil if e.id == ev.id else e for e in tl.events))


def test_the_label_shows_the_tokens_and_keeps_the_qualifiers():
    assert label_text(EVIL, 0) == SHOWN
    from viewer.model.columns import FLAG_UNCERTAIN
    assert label_text(EVIL, FLAG_UNCERTAIN) == SHOWN + " (?)"


def test_whitespace_in_a_label_becomes_one_space():
    """A line break used to vanish from the one-line label: "tab\\tnew\\nline" read "newline"."""
    assert label_text("tab\tnew\nline", 0) == "tab new line"
    assert label_text("  a \r\n\t b  ", 0) == "a b"


def test_the_detail_pane_shows_the_tokens(evil_timeline, qapp):
    from viewer.ui.detail_pane import event_html, event_sentence

    ev = evil_timeline.event("drills-begin")
    html = event_html(ev, evil_timeline)
    assert SHOWN in html
    assert "sum ⟨RLI⟩mary⟨PDI⟩" in html
    assert "quo⟨LRO⟩te⟨PDF⟩" in html and "spe⟨RLE⟩ak⟨PDF⟩er" in html
    assert not any(c in html for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert event_sentence(ev, evil_timeline).startswith(SHOWN + ",")
    assert ev.title == EVIL  # the data itself is untouched


def test_the_event_list_shows_the_tokens(evil_timeline, qapp):
    from PySide6.QtCore import Qt

    from viewer.ui.event_list import EventTableModel

    model = EventTableModel(evil_timeline)
    titles = [model.data(model.index(r, 2), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert SHOWN in titles


def test_the_present_mode_caption_shows_the_tokens(evil_timeline, qapp):
    from viewer.model.presentation import caption_for
    from viewer.ui.present import layout_caption

    lines = layout_caption(caption_for(evil_timeline, "drills-begin"), 800, 900, "dark", 1000)
    texts = [ln.text for ln in lines]
    assert texts[0] == SHOWN
    assert any("quo⟨LRO⟩te⟨PDF⟩" in t for t in texts)
    assert any("spe⟨RLE⟩ak⟨PDF⟩er" in t for t in texts)
