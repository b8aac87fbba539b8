"""A very long text field is cut in the detail pane, with a way to see and copy the whole."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from viewer.io import read_timeline
from viewer.model.viewstate import ViewState
from viewer.ui.detail_pane import COPY_ALL_URL, SHOW_ALL_URL, TEXT_CAP, DetailPane, event_html


def test_a_5_mb_title_shows_its_first_2000_characters_and_the_rest_on_demand(qtbot, bundled_path):
    """A 5 MB title was laid out whole in the pane (seconds of Qt layout, a pane of one title)."""
    from viewer.model.timeline import Timeline

    tl = read_timeline(bundled_path)
    ev = tl.events[1]
    title = "<b>x</b> " + "word " * 1_000_000  # 5 MB, with markup that must stay text
    long_ev = dataclasses.replace(ev, title=title)
    tl = Timeline(tl.title, tl.tracks, tuple(long_ev if e is ev else e for e in tl.events), tl.sources,
                  tl.description, tl.reference_date, tl.time_zone, tl.home_start, tl.home_end, tl.stories)
    state = ViewState()
    pane = DetailPane(tl, state)
    qtbot.addWidget(pane)
    state.selected = ev.id
    text = pane.toPlainText()
    assert f"… ({len(title) - TEXT_CAP:,} more characters: show all · copy all)" in text
    assert len(text) < 20_000 and text.startswith("<b>x</b> word")  # shown as characters, not bold
    pane.copy_all("title")  # what the "copy all" link does
    assert QApplication.clipboard().text() == title
    pane.anchorClicked.emit(QUrl(f"{SHOW_ALL_URL}title"))
    assert "more characters" not in pane.toPlainText()[:len(title) + 100]
    assert len(pane.toPlainText()) > len(title)
    state.selected = tl.events[2].id  # another event: cut again when it comes back
    state.selected = ev.id
    assert "more characters: show all" in pane.toPlainText()
    # the accessible sentence and the HTML without links (the collection window) are cut too
    assert len(pane.accessibleDescription()) < 3 * TEXT_CAP
    html = event_html(long_ev, tl)
    assert len(html) < 30_000 and "more characters)" in html and COPY_ALL_URL not in html


def test_select_all_and_copy_gives_the_quote_exactly_without_the_added_line_breaks(qtbot, bundled_path):
    """Copying from the pane gave zero-width spaces inside long words (put there so Qt can wrap
    them): a copied quote or URL was no longer the source's text."""
    from viewer.model.timeline import Quote, QuoteKind, Timeline

    tl = read_timeline(bundled_path)
    ev = tl.events[1]
    url = "https://example.org/" + "a-very-long-path-segment-" * 6 + "end"  # one 170-character word
    words = f"He said the plan is at {url} and the data\u200bowns this zero-width space"
    quote = Quote(words, "Min", kind=QuoteKind.DIRECT)
    long_ev = dataclasses.replace(ev, quotes=(quote,), title="T " + "y" * 130)
    tl = Timeline(tl.title, tl.tracks, tuple(long_ev if e is ev else e for e in tl.events), tl.sources,
                  tl.description, tl.reference_date, tl.time_zone, tl.home_start, tl.home_end, tl.stories)
    state = ViewState()
    pane = DetailPane(tl, state)
    qtbot.addWidget(pane)
    state.selected = ev.id
    assert pane.toPlainText().count("\u200b") > 3  # the breaks are there to wrap the words on screen
    pane.selectAll()
    pane.copy()  # Ctrl+C
    copied = QApplication.clipboard().text()
    assert f"“{words}”" in copied  # the quote verbatim, its own zero-width space kept
    assert copied.startswith("T " + "y" * 130)
    assert copied.count("\u200b") == 1
    html = QApplication.clipboard().mimeData().html()
    assert url in html and "a-very-long-path-segment-" * 6 in html


def test_a_hand_edit_marks_long_from_is_cut_like_other_fields(bundled_path):
    """A 5 MB ``edited_by_hand.from`` (from a reader that let it through) was shown whole in the pane."""
    from viewer.model.dates import EventDate, HandEdit

    tl = read_timeline(bundled_path)
    ev = tl.events[1]
    former = "2022-02-10" + "x" * 5_000_000
    start = EventDate("2022-02-12", "", "I checked the photos.", hand_edit=HandEdit(former, "2026-12-08"))
    html = event_html(dataclasses.replace(ev, start=start), tl)
    assert len(html) < 50_000 and "more characters" in html and "by hand on 2026-12-08, from 2022-02-10" in html
