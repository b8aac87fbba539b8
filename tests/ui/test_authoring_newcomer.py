"""A newcomer's first timeline through the Edit tab (File > New, add an event,
a quote and a source, save), at the 1366x768 laptop size."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from viewer.app import _load
from viewer.ui.event_list import side_tabs
from viewer.ui.main_window import MainWindow

EMPTY_TEXT = "Select an event to edit it, or double-click the timeline to add one."
NEW_QUOTE_ROW = "(new quote: type its words below)"


@pytest.fixture
def new_window(make_window):
    w = make_window((1366, 768))
    w.authoring.new()
    side_tabs(w).setCurrentWidget(w.edit_form)
    return w


def saved(w, tmp_path):
    out = tmp_path / "first.timeline.json"
    w.authoring.ask_save_path = lambda: str(out)
    assert w.authoring.save()
    return json.loads(out.read_text(encoding="utf-8"))


def test_an_added_quote_holds_only_the_typed_words_and_starts_as_reported_speech(qtbot, new_window, tmp_path):
    w = new_window
    form = w.edit_form
    form.add_event()
    form.add_quote()
    text = form.fields["q_text"].widget
    assert text.toPlainText() == "" and text.placeholderText()  # a hint, not text
    assert form.quote_list.currentItem().text() == NEW_QUOTE_ROW
    assert form.fields["q_kind"].widget.currentText() == "reported speech (not the exact words)"
    # leaving the empty box adds nothing
    form.fields["q_speaker"].widget.setFocus()
    form.fields["q_text"].sigCommit.emit()
    assert w.timeline.event(w.state.selected).quotes == ()
    assert "Not added yet" in form.fields["q_text"].error.text()
    text.setFocus()
    qtbot.keyClicks(text, "The budget is balanced")
    form.fields["q_speaker"].widget.setFocus()
    form.fields["q_text"].sigCommit.emit()
    assert "No source" in form.q_source_note.text() and form.q_source_note.isVisibleTo(form)
    data = saved(w, tmp_path)
    (quote,) = data["events"][0]["quotes"]
    assert quote["text"] == "The budget is balanced"
    assert quote.get("kind", "direct") == "reported"
    assert "(new quote)" not in w.details.toPlainText()
    shown = w.details.toPlainText()  # reported speech: its words as typed, never in quotation marks
    assert "reported speech" in shown and "The budget is balanced" in shown and "“The budget" not in shown


def test_a_new_quote_with_no_words_is_not_saved(qtbot, new_window, tmp_path):
    w = new_window
    w.edit_form.add_event()
    w.edit_form.add_quote()
    assert "quotes" not in saved(w, tmp_path)["events"][0] or not saved(w, tmp_path)["events"][0]["quotes"]


def test_add_source_on_a_new_timeline_is_cited_by_the_event_and_saved(qtbot, new_window, tmp_path):
    w = new_window
    form = w.edit_form
    form.add_event()

    buttons = [b for b in form.findChildren(type(form.add_button)) if b.text() == "Add source"]
    QApplication.processEvents()  # lay out the sections shown on selection
    form.ensureWidgetVisible(buttons[0])
    QApplication.processEvents()
    assert buttons[0].isEnabled() and buttons[0].isVisible()
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert w.timeline.sources, form.general.text()
    assert form.source_list.count() == 1
    outlet = form.fields["s_outlet"].widget
    assert outlet.isEnabled() and outlet.text() == "" and outlet.placeholderText()  # no made-up name
    outlet.setText("Council press office")
    outlet.editingFinished.emit()
    data = saved(w, tmp_path)
    (src,) = data["sources"]
    assert src["outlet"] == "Council press office"
    assert data["events"][0]["sources"] == [src["id"]]


def test_the_form_fits_its_width_and_shows_an_empty_state(qtbot, new_window):
    w = new_window
    form = w.edit_form
    assert form.heading.text() == EMPTY_TEXT
    assert not any(box.isVisibleTo(form) for box in form.sections)  # no stale title or track
    form.add_event()
    title = form.fields["title"].widget
    qtbot.keyClicks(title, "Council votes on budget")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert form.horizontalScrollBar().value() == 0
    assert form.widget().width() <= form.viewport().width()
    assert form.widget().minimumSizeHint().width() <= form.viewport().width()
    w.state.selected = None
    assert form.heading.text() == EMPTY_TEXT
    assert not any(box.isVisibleTo(form) for box in form.sections)


def test_reopening_one_date_only_event_shows_days_not_the_hours_of_that_day(qtbot, tmp_path):
    from viewer.io.native import write_native
    from viewer.model.dates import EventDate
    from viewer.model.timeline import Event, Timeline, Track

    path = tmp_path / "one.timeline.json"
    write_native(Timeline("Council", tracks=(Track("t", "Track 1"),),
                          events=(Event("e", "Council votes", EventDate("2026-12-14"), track="t"),)), str(path))
    w = MainWindow(_load(str(path)), _load, str(path))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    a, b = w.state.x_range
    assert b - a >= 7 * 86400  # several days around the day, not 00:00-24:00 of it
    w.view.fit_all()  # Home
    a, b = w.state.x_range
    assert b - a >= 7 * 86400


def test_save_as_suggests_the_title_in_documents_then_the_last_saved_folder(qtbot, new_window, tmp_path,
                                                                              monkeypatch):
    import os

    w = new_window
    monkeypatch.setattr(w.files, "recent_files", lambda: [])
    first = w.authoring.suggested_save_path()
    assert os.path.basename(first) == "Untitled timeline.timeline.json"
    assert os.path.dirname(first) != os.getcwd()  # not the folder the app was started from
    assert os.path.dirname(first) in (os.path.expanduser("~"), os.path.join(os.path.expanduser("~"), "Documents")) \
        or os.path.basename(os.path.dirname(first)) == "Documents"
    monkeypatch.undo()
    w.edit_form.add_event()
    assert w.authoring.save_to(str(tmp_path / "council.timeline.json"))
    w.authoring.new()
    assert w.authoring.suggested_save_path() == str(tmp_path / "Untitled timeline.timeline.json")


def test_an_empty_timeline_says_double_click_to_add_an_event_until_it_has_one(qtbot, new_window):
    w = new_window
    hints = [lab for lab in w.view.findChildren(type(w.edit_form.heading)) if "Double-click" in lab.text()]
    assert len(hints) == 1 and hints[0].isVisible()
    assert w.view.rect().contains(hints[0].geometry().center())
    w.edit_form.add_event()
    assert not hints[0].isVisible()  # not drawn over a timeline with events (nor in its screenshots)
    w.authoring.undo_action.trigger()
    assert hints[0].isVisible()


def test_the_edit_tab_gets_room_on_a_laptop_screen_and_gives_it_back(qtbot, make_window):
    w = make_window((1366, 768))
    tabs = side_tabs(w)
    tabs.setCurrentIndex(0)
    before = w.side_splitter.sizes()
    tabs.setCurrentWidget(w.edit_form)
    assert w.edit_form.height() >= 0.55 * sum(w.side_splitter.sizes())  # was ~180 px of ~620
    tabs.setCurrentIndex(0)
    assert w.side_splitter.sizes() == before


def _titled_event(qtbot, w, title: str, track_id: str) -> None:
    form = w.edit_form
    form.add_event()
    box = form.fields["title"].widget
    box.selectAll()
    qtbot.keyClicks(box, title)
    form.commit_event_field("title")
    combo = form.fields["track"].widget
    combo.setCurrentIndex(combo.findData(track_id))
    form.commit_event_field("track")


def test_a_new_timeline_saves_ids_from_titles_and_no_empty_default_track(qtbot, new_window, tmp_path):
    """File > New used to save its empty "Track 1" beside the user's own tracks, and events
    added by hand as "new-event", "new-event-2", … whatever their titles."""
    w = new_window
    assert w.track_edit.add_track("Council") == [] and w.track_edit.add_track("Mayor") == []
    _titled_event(qtbot, w, "Council votes on budget", "council")
    _titled_event(qtbot, w, "Mayor resigns", "mayor")
    _titled_event(qtbot, w, "Council votes on budget", "council")  # the same title again: still unique
    assert w.details.toPlainText().startswith("Council votes on budget")  # the renamed event stays selected
    assert [t.label for t in w.timeline.tracks] == ["Track 1", "Council", "Mayor"]  # (until saved)
    data = saved(w, tmp_path)
    assert [t["label"] for t in data["tracks"]] == ["Council", "Mayor"]
    assert [e["id"] for e in data["events"]] == ["council-votes-on-budget", "mayor-resigns",
                                                 "council-votes-on-budget-2"]
    assert [t.label for t in w.timeline.tracks] == ["Council", "Mayor"]  # the window shows what was saved
    w.authoring.undo_stack.undo()  # the drop is one step of Edit > Undo
    assert [t.label for t in w.timeline.tracks] == ["Track 1", "Council", "Mayor"]


def test_a_used_default_track_is_saved_and_an_id_is_made_once(qtbot, new_window, tmp_path):
    w = new_window
    _titled_event(qtbot, w, "Budget passes", "track-1")
    form = w.edit_form
    box = form.fields["title"].widget
    box.selectAll()
    qtbot.keyClicks(box, "Budget passes narrowly")
    form.commit_event_field("title")  # a second title keeps the id the first one gave
    w.authoring.undo_stack.undo()
    assert w.timeline.events[0].id == "budget-passes"
    w.authoring.undo_stack.undo()  # undoing the first title gives the provisional id back
    assert w.timeline.events[0].id == "new-event" and w.timeline.events[0].title == "New event"
    w.authoring.undo_stack.redo()
    data = saved(w, tmp_path)
    assert [t["label"] for t in data["tracks"]] == ["Track 1"] and data["events"][0]["id"] == "budget-passes"


def test_add_event_after_add_track_goes_on_the_track_just_added(qtbot, new_window):
    """File > New, Add track "Ministry", Add event: the event used to land on "Track 1"."""
    w = new_window
    form = w.edit_form
    assert w.track_edit.add_track("Ministry") == []
    form.add_event()
    assert form.fields["track"].widget.currentText() == "Ministry"
    assert w.timeline.event(w.state.selected).track == "ministry"
    form.add_event()  # the next one follows the selected event
    assert form.fields["track"].widget.currentText() == "Ministry"
    _titled_event(qtbot, w, "Budget drafted", "track-1")  # an event selected on Track 1 ...
    form.add_event()
    assert form.fields["track"].widget.currentText() == "Track 1"  # ... its track is the selected one
    assert w.track_edit.add_track("Press") == []  # until another track is added
    form.add_event()
    assert form.fields["track"].widget.currentText() == "Press"
    w.state.selected = None
    form.add_event()  # nothing selected: the track added last
    assert form.fields["track"].widget.currentText() == "Press"


def _retitle(qtbot, w, title: str) -> None:
    box = w.edit_form.fields["title"].widget
    box.selectAll()
    qtbot.keyClicks(box, title)
    w.edit_form.commit_event_field("title")


def test_an_id_made_from_the_first_title_is_kept_whatever_it_looks_like(qtbot, new_window):
    """A first title "New event 2" made the id "new-event-2", which the next title renamed again."""
    w = new_window
    w.edit_form.add_event()
    _retitle(qtbot, w, "New event 2")
    assert w.timeline.events[0].id == "new-event-2"
    _retitle(qtbot, w, "Budget passes")
    assert [e.id for e in w.timeline.events] == ["new-event-2"]
    assert w.details.toPlainText().startswith("Budget passes")


def test_an_id_saved_or_linked_before_the_first_title_is_kept(qtbot, new_window, tmp_path):
    """Saved (or its link copied) as "new-event", an event's id was still renamed by its first
    title, breaking what the saved file or the link told others."""
    from viewer.ui.links import copy_link

    w = new_window
    w.edit_form.add_event()
    saved(w, tmp_path)
    _retitle(qtbot, w, "Budget passes")
    assert [e.id for e in w.timeline.events] == ["new-event"]
    w.edit_form.add_event()
    assert w.state.selected == "new-event-2"
    assert copy_link(w).endswith("#new-event-2")
    _retitle(qtbot, w, "Mayor resigns")
    assert [e.id for e in w.timeline.events] == ["new-event", "new-event-2"]
    w.edit_form.add_event()  # a third, neither saved nor linked: its first title still names it
    _retitle(qtbot, w, "Council meets")
    assert [e.id for e in w.timeline.events] == ["new-event", "new-event-2", "council-meets"]
    data = saved(w, tmp_path)
    assert [e["id"] for e in data["events"]] == ["new-event", "new-event-2", "council-meets"]


def test_an_id_from_a_non_latin_title_keeps_its_letters(qtbot, new_window, tmp_path):
    """An Arabic title made the ids "e", "e-2"."""
    w = new_window
    for title in ("اجتماع في موسكو", "اجتماع في موسكو", "Élysée talks", "!!!"):
        w.edit_form.add_event()
        box = w.edit_form.fields["title"].widget
        box.selectAll()
        box.insert(title)  # as an input method types it (QTest cannot key in Arabic)
        w.edit_form.commit_event_field("title")
    day = w.timeline.events[3].start.edtf
    assert [e.id for e in w.timeline.events] == ["اجتماع-في-موسكو", "اجتماع-في-موسكو-2", "elysee-talks",
                                                 f"event-{day}"]
    data = saved(w, tmp_path)
    assert [e["id"] for e in data["events"]][:2] == ["اجتماع-في-موسكو", "اجتماع-في-موسكو-2"]


@pytest.mark.parametrize("name", ["out.vis.json", "out.csv"])
def test_an_id_exported_before_the_first_title_is_kept(qtbot, new_window, tmp_path, name):
    """Exported as "new-event" (a vis-timeline or CSV file others may link to), an event's id
    was still renamed by its first title, so the exported file named an event that no longer was."""
    w = new_window
    w.edit_form.add_event()
    out = tmp_path / name
    w.files.export_timeline(str(out))
    assert "new-event" in out.read_text(encoding="utf-8")
    _retitle(qtbot, w, "Budget passes")
    assert [e.id for e in w.timeline.events] == ["new-event"]
