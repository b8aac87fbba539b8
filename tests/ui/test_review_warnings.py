"""The Review panel tells the reviewer where ingest could not read the article as written: a quote opened
and never closed is named with its sentence and line beside the publication date (breakit5 unclosed.txt)."""

from __future__ import annotations

from datetime import date

from viewer.ingest import ingest_text
from viewer.ui.article_dialog import show_result


def test_the_review_panel_names_an_unclosed_quote(open_window, qtbot):
    result = ingest_text("Posted 14 June 2023\nOn Monday Shoigu said \"we will never accept this.\n"
                         "The talks ended on Tuesday.\n", published=date(2023, 6, 14))
    w = open_window(result.timeline, size=(1366, 768))
    show_result(w, result)
    qtbot.waitUntil(lambda: w.review_dock.isVisible(), timeout=5000)
    summary = w.review_dock.summary.text()
    assert "sentence 2, line 2: quote opened but never closed" in summary  # was nothing: the words read as a title
    e = next(e for e in w.timeline.events if e.start.phrase == "On Monday")
    assert "never closed" in e.start.basis and all(q.kind.value == "reported" for q in e.quotes)
