"""Editing an event in the Edit tab keeps that event selected and in the form,
with typed keys: in a file with unreviewed drafts the selection used to jump to
the first draft after each edit, so the user's next edit went into the draft."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from viewer.app import _load
from viewer.ui.event_list import side_tabs
from viewer.ui.main_window import MainWindow


def _event(eid, title, day, **extra):
    return {"id": eid, "track": "a", "title": title, "start": {"edtf": day}, "sources": ["s1"], **extra}


def _file(tmp_path, drafts=True):
    events = [
        _event("early", "Early talks", "2022-01-10"),
        _event("approx", "Approx month", "2022-02~"),
        _event("late", "Late talks", "2022-03-20"),
    ]
    if drafts:
        events.append(_event("dr", "Draft event", "2022-02-03",
                             draft={"sentence": "Draft event happened.", "offsets": [0, 21], "article": "x.txt"}))
    data = {"format": "timeline-viewer", "version": 1, "title": "Drafts and events",
            "tracks": [{"id": "a", "label": "A"}],
            "sources": [{"id": "s1", "kind": "news_article", "outlet": "Paper"}], "events": events}
    path = tmp_path / "h.timeline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.fixture
def editing(qtbot, tmp_path):
    def make(drafts=True, setup=None):
        path = _file(tmp_path, drafts)
        w = MainWindow(_load(path), _load, path)
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        if setup is not None:
            setup(w)
        w.state.selected = "approx"
        side_tabs(w).setCurrentWidget(w.edit_form)
        return w

    return make


def _type(qtbot, w, field, text):
    """Select the field's text, type ``text`` and press Enter, as a user does."""
    box = w.edit_form.fields[field].widget
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def _seen(w):
    """What the user sees: the Edit tab's heading and title box, the Events list's selected row."""
    rows = w.event_list.selectionModel().selectedRows(2)
    return (w.edit_form.heading.text(), w.edit_form.fields["title"].widget.text(),
            [r.data() for r in rows])


def _sort_by_title_descending(w):
    w.event_list.sortByColumn(2, Qt.SortOrder.DescendingOrder)


SETUPS = {
    "drafts": (True, None),
    "no drafts": (False, None),
    "filters on": (True, lambda w: setattr(w.state, "filters", w.state.filters.with_facet("sources", ["s1"]))),
    "zone switched": (True, lambda w: setattr(w.state, "display_zone", "Asia/Kathmandu")),
    "sorted by title": (True, _sort_by_title_descending),
}


@pytest.mark.parametrize("case", list(SETUPS))
def test_the_edited_event_stays_selected_and_the_next_edit_goes_into_it(qtbot, editing, case):
    drafts, setup = SETUPS[case]
    w = editing(drafts, setup)
    _type(qtbot, w, "title", "Talks moved")
    assert w.state.selected == "approx"
    assert _seen(w) == ("Editing Talks moved", "Talks moved", ["~ Talks moved"])  # (~: its date is approximate)
    kind = w.edit_form.fields["kind"].widget
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Down)  # point -> span
    assert w.timeline.event("approx").kind.value == kind.currentData() != "point"
    assert _seen(w)[:2] == ("Editing Talks moved", "Talks moved")
    _type(qtbot, w, "start", "2022-03")
    _type(qtbot, w, "title", "Second edit")
    assert w.timeline.event("approx").title == "Second edit"
    assert w.timeline.event("approx").start.edtf == "2022-03"
    assert _seen(w) == ("Editing Second edit", "Second edit", ["Second edit"])
    if drafts:  # the draft is untouched, still a draft, still listed for review
        dr = w.timeline.event("dr")
        assert (dr.title, dr.start.edtf, dr.draft is not None) == ("Draft event", "2022-02-03", True)
        assert w.review_dock.list.count() == 1


def test_the_review_panel_still_selects_its_draft_when_clicked(qtbot, editing):
    w = editing()
    _type(qtbot, w, "title", "Talks moved")
    dock = w.review_dock
    item = dock.list.item(0)
    qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=dock.list.visualItemRect(item).center())
    assert w.state.selected == "dr"
    assert w.edit_form.heading.text() == "Editing Draft event"


def test_after_delete_nothing_is_selected_and_the_form_says_what_was_deleted(qtbot, editing):
    """Delete leaves the form empty (no neighbour or draft takes its place, so the
    next keystrokes edit nothing by surprise) and says how to get the event back."""
    w = editing()
    w.edit_form.delete_button.click()
    assert not w.timeline.has_event("approx") and w.state.selected is None
    heading = w.edit_form.heading.text()
    assert heading.startswith("Deleted “Approx month” (Edit > Undo brings it back).")
    assert not any(box.isVisibleTo(w.edit_form) for box in w.edit_form.sections)
    assert w.timeline.event("dr").title == "Draft event"
    w.authoring.undo_stack.undo()
    assert w.timeline.has_event("approx") and "Deleted" not in w.edit_form.heading.text()


def _title_fits(w, eid):
    """Whether the event's whole title fits its cell in the Events list (no "…"), and the title."""
    table = w.event_list
    row = table.source_model.row_of(eid)
    cell = table.visualRect(table._view_index(row).siblingAtColumn(2))
    text = table.model().data(table._view_index(row).siblingAtColumn(2))
    return table.fontMetrics().horizontalAdvance(text) + 8 <= cell.width(), text


def test_events_list_titles_are_readable_at_1366x768_beside_the_review_panel(qtbot, editing):
    """One track (beside the Review panel): the Title column gets the width,
    the Track column (the same in every row) is hidden, nothing scrolls sideways."""
    w = editing()
    side_tabs(w).setCurrentWidget(w.event_list)
    qtbot.wait(10)
    assert w.review_dock.isVisible()
    table = w.event_list
    for eid in ("approx", "dr", "late"):
        fits, text = _title_fits(w, eid)
        assert fits, text
    assert table.isColumnHidden(1)
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(2) > table.columnWidth(3)


def test_events_list_title_is_the_widest_column_with_several_tracks(qtbot, make_window):
    """At 1366x768 the list is about 410 px wide: the Track column would leave
    the titles some 18 characters, so its swatch (the track's colour and shape)
    goes before the title and the tooltip names the track; a wide list has
    the Track column back."""
    from viewer.ui.event_list import NARROW_LIST

    w = make_window((1366, 768))
    table = w.event_list
    assert table.viewport().width() < NARROW_LIST
    assert table.isColumnHidden(1)
    assert table.columnWidth(2) > table.columnWidth(0) > table.columnWidth(3)
    assert table.columnWidth(2) >= table.fontMetrics().horizontalAdvance("Drills begin in Belarus")
    assert not table.horizontalScrollBar().isVisible()
    row = table.source_model.row_of("drills-begin")
    title = table._view_index(row).siblingAtColumn(2)
    assert table.model().data(title, Qt.ItemDataRole.DecorationRole) is not None  # the Exercise swatch
    tip = table.model().data(title, Qt.ItemDataRole.ToolTipRole)
    assert "Drills begin in Belarus" in tip and "Exercise" in tip

    wide = make_window((2560, 1080))
    wide_table = wide.event_list
    assert wide_table.viewport().width() >= NARROW_LIST
    assert not wide_table.isColumnHidden(1)
    assert wide_table.columnWidth(2) > max(wide_table.columnWidth(1), wide_table.columnWidth(3))
    assert wide_table.columnWidth(1) <= wide_table.viewport().width() // 5 + 1
    index = wide_table._view_index(wide_table.source_model.row_of("drills-begin"))
    assert wide_table.model().data(index.siblingAtColumn(1), Qt.ItemDataRole.DecorationRole) is not None
    assert wide_table.model().data(index.siblingAtColumn(2), Qt.ItemDataRole.DecorationRole) is None


def test_an_edit_that_puts_the_event_out_of_the_filters_says_so_in_the_form(qtbot, editing):
    """With a tag filter on, retagging the event hides it: the form does not
    just go blank (as if it were deleted) but says where it went."""
    w = editing()
    _type(qtbot, w, "tags", "talks")
    w.state.filters = w.state.filters.with_facet("tags", ["talks"])
    assert w.state.selected == "approx"
    _type(qtbot, w, "tags", "other")
    assert w.timeline.event("approx").tags == ("other",) and w.state.selected is None
    assert w.edit_form.heading.text().startswith(
        "“Approx month” is hidden by the filters now (the Filters tab says which); it is still in the file.")
    w.state.filters = w.state.filters.with_facet("tags", None)  # shown again: nothing more to say
    assert w.edit_form.heading.text() == "Select an event to edit it, or double-click the timeline to add one."
