"""Reviewing drafts in the window: what an analyst sees after File > New from article…"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from viewer.ingest import ingest_file
from viewer.io.native import read_native
from viewer.ui.article_dialog import ArticleDialog, open_draft

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _draft():
    return ingest_file(ARTICLES / "allied-resolve-2022.txt")


def test_title_and_panel_say_there_are_unreviewed_drafts(open_window, qtbot):
    r = _draft()
    w = open_window(r.timeline)
    assert "16 unreviewed drafts" in w.windowTitle() and "16 unreviewed drafts" in w.header.text()
    dock = w.review_dock
    assert dock.isVisible() and dock.list.count() == 16
    assert dock.summary.text().startswith("16 unreviewed drafts")
    key = w.legend.text().replace("\u00a0", " ")  # (no-break spaces within an item)
    assert "dotted ring or outline: unreviewed draft" in key and "Time axis" in key


def test_source_sentence_shown_with_date_phrase_and_quote_highlighted(open_window):
    w = open_window(_draft().timeline)
    dock = w.review_dock
    le_drian = next(e for e in w.timeline.events if e.title.startswith("Le Drian"))
    w.state.selected = le_drian.id  # selecting on the timeline selects the draft in the panel
    assert dock.current_id() == le_drian.id
    text = dock.sentence.toPlainText()
    assert text.startswith(le_drian.draft.sentence)
    marked = {text[a:b] for a, b in dock.highlights}
    assert marked == {"on Thursday", "good sign"}


def test_review_panel_quotes_only_direct_speech(open_window):
    """Reported speech is the article's wording: the panel shows it without quotation marks."""
    w = open_window(_draft().timeline)
    dock = w.review_dock
    peskov = next(e for e in w.timeline.events if e.title.startswith("Dmitry Peskov"))
    w.state.selected = peskov.id
    text = dock.sentence.toPlainText()
    assert "Direct quote, Dmitry Peskov, Kremlin spokesman: “unprecedented threats”" in text
    assert "Reported speech, Dmitry Peskov, Kremlin spokesman: both nations saw NATO as an increasing danger\n" in text
    assert "“both nations" not in text


def test_accept_reject_and_accept_all(open_window, qtbot, tmp_path):
    w = open_window(_draft().timeline)
    dock = w.review_dock
    first = dock.current_id()
    dock.accept_button.click()
    assert w.timeline.event(first).draft is None and "draft" not in w.timeline.event(first).tags
    assert dock.list.count() == 15 and "15 unreviewed drafts" in w.windowTitle()
    second = dock.current_id()
    dock.reject_button.click()
    assert not w.timeline.has_event(second) and dock.list.count() == 14
    dock.all_button.click()
    assert w.timeline.draft_count() == 0 and dock.list.count() == 0
    assert "unreviewed" not in w.windowTitle()
    key = w.legend.text().replace("\u00a0", " ")
    assert "unreviewed draft" not in key and "Time axis" in key
    out = tmp_path / "reviewed.timeline.json"
    w.files.export_timeline(str(out))
    saved = read_native(out)
    assert len(saved.events) == 15 and all(e.draft is None for e in saved.events)


def test_drafts_are_drawn_with_a_dotted_outline(open_window, tmp_path):
    """The same event, draft and accepted: the draft's marker has a ring of dots around it."""
    r = _draft()
    w = open_window(r.timeline, size=(1400, 800))
    target = next(e for e in w.timeline.events if e.title.startswith("Le Drian"))
    w.state.selected = None

    def ring_pixels() -> int:
        img = w.view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        pos = w.view.events_item.marker_position(target.id)
        x, y = int(pos.x()), int(pos.y())
        r = int(w.view.events_item.style.marker_px) + 3
        dark = 0
        for dx in range(-r - 1, r + 2):
            for dy in (-r - 1, -r, r, r + 1):
                c = img.pixelColor(x + dx, y + dy)
                dark += c.lightness() < 90
        return dark

    drafted = ring_pixels()
    from viewer.ui.review import apply_review

    other = next(e for e in w.timeline.events if e.draft is not None and e.id != target.id)
    apply_review(w, "accept", [other.id])  # an edit of another event: the redrawn layer keeps the draft's ring
    assert w.timeline.event(target.id).draft is not None
    assert ring_pixels() == drafted
    apply_review(w, "accept_all", [])
    accepted = ring_pixels()
    assert drafted > accepted + 3


def test_exported_picture_says_draft(open_window, tmp_path):
    w = open_window(_draft().timeline)
    out = tmp_path / "d.svg"
    assert w.files.export_current_view(str(out))
    svg = out.read_text(encoding="utf-8")
    assert "DRAFT:" in svg and "unreviewed draft" in svg


def test_new_from_article_dialog_opens_a_draft(open_window, qtbot, bundled_path):
    w = open_window(read_native(bundled_path))
    assert not w.review_dock.isVisible()
    dialog = ArticleDialog(w)
    qtbot.addWidget(dialog)
    assert dialog.load_file(str(ARTICLES / "ingest" / "05-split-quote.txt"), wait=True)
    opts = dialog.options()
    assert opts["article"] == "05-split-quote.txt"
    open_draft(w, dialog.text.toPlainText(), opts, wait=True)
    qtbot.waitUntil(lambda: w.timeline.draft_count() > 0, timeout=5000)
    assert w.review_dock.isVisible()
    assert any("Publication date: 2023-11-11 (dateline)" in n for n in w.review_dock.notes)
    assert np.any(w.timeline.drafts())


def test_dialog_refuses_an_ambiguous_date_and_a_bad_file(qtbot, tmp_path):
    dialog = ArticleDialog()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Officials met on Monday.")
    dialog.published.setText("03/04/2022")
    dialog._check_and_accept()
    assert "ambiguous" in dialog.error.text() and dialog.result() == 0
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    assert not dialog.load_file(str(bad), wait=True) and "not UTF-8" in dialog.error.text()


def test_merge_a_draft_into_another_event(open_window):
    w = open_window(_draft().timeline)
    dock = w.review_dock
    peskov = [e for e in w.timeline.events if "Peskov" in e.title][0]
    w.state.selected = peskov.id
    choices = dock.merge_choices()
    assert peskov.id not in [c[0] for c in choices] and len(choices) == 15
    target = next(e for e in w.timeline.events if e.title.startswith("Russia has consistently denied"))
    dock.merge_into(target.id)
    assert not w.timeline.has_event(peskov.id)
    assert {q.text for q in w.timeline.event(target.id).quotes} >= {"unprecedented threats"}
    assert dock.list.count() == 15


def test_detail_pane_and_presentation_caption_say_draft(open_window):
    from viewer.model.presentation import caption_for

    w = open_window(_draft().timeline)
    ev = w.timeline.events[0]
    w.state.selected = ev.id
    assert "Unreviewed draft" in w.details.toPlainText()
    assert caption_for(w.timeline, ev.id).status.startswith("DRAFT: not reviewed")


def test_review_surfaces_show_markup_in_the_article_as_text(open_window, qtbot, tmp_path):
    from PySide6.QtGui import QTextDocument

    from viewer.ingest import ingest_text

    text = 'Officials said on Monday that <b>bold</b><img src="x"> was “<a href="https://evil">fine</a>”.'
    from datetime import date

    w = open_window(ingest_text(text, published=date(2023, 3, 8)).timeline)
    dock = w.review_dock
    tip = dock.list.item(0).toolTip()
    doc = QTextDocument()
    doc.setHtml(tip)
    assert '<img src="x">' in doc.toPlainText()  # shown, not interpreted
    assert '<img src="x">' in dock.sentence.toPlainText()
    dialog = ArticleDialog(w)
    qtbot.addWidget(dialog)
    bad = tmp_path / "<b>x<i>.txt"
    bad.write_bytes(b"\xff")
    assert not dialog.load_file(str(bad), wait=True)
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText and "<b>x<i>" in dialog.error.text()


def test_review_actions_are_undoable_commands_and_edit_opens_the_form(open_window):
    w = open_window(_draft().timeline)
    dock = w.review_dock
    stack = w.authoring.undo_stack
    first = dock.current_id()
    dock.accept_button.click()
    assert w.timeline.event(first).draft is None and stack.count() == 1 and stack.undoText().startswith("Accept")
    dock.all_button.click()
    assert w.timeline.draft_count() == 0 and stack.count() == 2  # Accept all remaining: one step
    stack.undo()
    assert w.timeline.draft_count() == 15 and dock.list.count() == 15  # all fifteen back, in one undo
    stack.undo()
    assert w.timeline.draft_count() == 16 and w.timeline.event(first).draft is not None
    dock.edit_current()
    assert w.state.selected == dock.current_id() and w.side_tabs.currentWidget() is w.edit_form


def test_after_accept_or_reject_the_window_shows_the_draft_the_panel_moved_to(open_window):
    """Reject used to move the panel to the next draft while the timeline and detail
    pane stayed on the rejected one (newcomer's 18.png)."""
    w = open_window(_draft().timeline, size=(1366, 768))
    dock = w.review_dock
    for button in (dock.reject_button, dock.accept_button, dock.reject_button):
        w.state.selected = dock.current_id()  # the reviewer is on the panel's draft
        button.click()
        nxt = dock.current_id()
        assert nxt is not None and w.state.selected == nxt
        title = w.timeline.event(nxt).title
        assert w.details.toPlainText().startswith(title[:20]), "the detail pane shows another event"
        a, b = w.view.x_range()
        cols = w.view.timeline.columns
        assert a <= cols.xm[cols.row_of(nxt)] <= b, "the next draft is out of view"


def test_accept_and_reject_act_on_the_draft_the_window_shows_and_name_it(open_window):
    """Selecting an ordinary event in the window used to leave the previous draft current in the
    panel: Accept then accepted a draft the user no longer saw."""
    w = open_window(_draft().timeline)
    dock = w.review_dock
    plain = dock.current_id()
    dock.accept_button.click()  # one event is no longer a draft
    drafts_before = w.timeline.draft_count()
    current = dock.current_id()
    assert current is not None and dock.acting_on.text().startswith("Acting on: “")
    w.state.selected = plain  # the analyst selects the accepted (ordinary) event on the timeline
    assert dock.current_id() is None
    assert not dock.accept_button.isEnabled() and not dock.reject_button.isEnabled()
    assert "is not a draft" in dock.acting_on.text().replace("\n", " ")
    dock.reject_button.click()
    dock._act("accept")  # the A key
    assert w.timeline.draft_count() == drafts_before and w.timeline.has_event(current)
    w.state.selected = current  # back on a draft: the buttons act on it and say so
    assert dock.current_id() == current and dock.accept_button.isEnabled()
    title = w.timeline.event(current).title
    assert dock.acting_on.text().replace("\n", " ").startswith(f"Acting on: “{title[:12]}")
    assert f"Accept “{title}”" in dock.accept_button.toolTip()
    dock.reject_button.click()
    assert not w.timeline.has_event(current)
