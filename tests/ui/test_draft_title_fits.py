"""The README's ingest command then the window at 1366x768: the draft's title (was the dateline and
first sentence cut mid-word, three lines of header; then the first sentence cut short, its "officials said"
out of view; now the headline, else the file's name) keeps the header to one line."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import ingest_file

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def test_draft_header_is_one_line_at_1366x768(open_window):
    tl = ingest_file(ARTICLES / "allied-resolve-2022.txt").timeline
    w = open_window(tl, size=(1366, 768))
    header = w.header
    assert header.text() == "Draft from allied-resolve-2022.txt  [16 unreviewed drafts · 4 planned]"
    line = header.fontMetrics().lineSpacing()
    assert header.heightForWidth(header.width()) < 2 * line if header.wordWrap() else True
    assert header.fontMetrics().horizontalAdvance(header.text()) <= header.width()
    assert w.windowTitle().startswith("Draft from allied-resolve-2022.txt — ")
