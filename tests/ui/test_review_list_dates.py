"""The Review panel's list of drafts writes each date in words, as the Events list does, and
marks a planned draft "due …": it showed raw EDTF ("[2024-03-06..2024-03-13]", "2024-03-15")
and a plan looked like any other draft."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from viewer.ingest import ingest_text
from viewer.ui.event_list import date_cell

ARTICLE = """Aid convoy reaches the valley

"Roads are blocked near the border," Amira Haddad said on Wednesday.

The mission will send trucks on Friday.
"""


def test_review_list_shows_dates_in_words_and_plans_as_due(open_window):
    tl = ingest_text(ARTICLE, published=date(2024, 3, 11)).timeline  # a Monday
    w = open_window(tl, size=(1366, 768))
    dock = w.review_dock
    texts = [dock.list.item(i).text().replace("\n", " ") for i in range(dock.list.count())]
    said, trucks = texts
    assert said.startswith("Wed 6 Mar 2024 Amira Haddad") and "2024-03-06" not in said
    assert trucks.startswith("due Fri 15 Mar 2024 The mission") and "2024-03-15" not in trucks
    # the same words as the Events list's date column
    for i in range(dock.list.count()):
        e = tl.event(dock.list.item(i).data(Qt.ItemDataRole.UserRole))
        assert date_cell(e, w.timeline, w.state.display_zone) in texts[i]


def test_merge_choices_write_dates_in_words_too(open_window):
    tl = ingest_text(ARTICLE, published=date(2024, 3, 11)).timeline
    w = open_window(tl, size=(1366, 768))
    labels = [label for _, label in w.review_dock.merge_choices()]
    assert labels and not any("2024-03" in label for label in labels), labels
    assert any("due Fri 15 Mar 2024" in label for label in labels), labels
