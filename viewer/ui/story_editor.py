"""Window feature: the Story dock, to build and edit a story in the normal window.

Add the current view as a step (the selected event, the visible time range),
move steps up and down, delete them, write a presenter note, present, and
save the stories into the timeline file (through :mod:`viewer.io`; the dock
never writes files itself).  Double-clicking a step shows it in the window.

Every edit makes a new :class:`~viewer.model.story.Story` and is applied as
the model's story command (:class:`~viewer.model.commands.SetStories`) on the
window's undo stack (``window.authoring``): Edit > Undo takes it back, the
window is marked modified and File > Save (the dock's Save button too) writes
it.  Typing a presenter note is one Undo per step.  A window without
authoring replaces ``window.timeline`` by ``window.timeline.with_stories(...)``.
``window.story_index`` is the story being edited, which View > Present (F5)
presents.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model import commands as C
from ..model.dates import Precision, format_interval
from ..model.story import Story, StoryStep, stories_of, story_titles
from ..model.text import visible_controls
from .form_field import wheel_scrolls_past

__all__ = ["StoryDock", "install"]


class StoryDock(QDockWidget):
    """The Story dock of a main window (see the module docstring)."""

    def __init__(self, window) -> None:
        super().__init__("Story", window)
        self.window_ = window
        self.setObjectName("story-dock")
        body = QWidget()
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        self.combo = wheel_scrolls_past(QComboBox())  # the wheel over it never switches story unasked
        self.combo.setAccessibleName("Story")
        self.new_button = QPushButton("New")
        row.addWidget(self.combo, 1)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        self.steps = QListWidget()
        self.steps.setAccessibleName("Steps")
        layout.addWidget(self.steps, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add current view")
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        self.delete_button = QPushButton("Delete")
        for b in (self.add_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Presenter note (never shown to the audience):"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(110)
        self.note.setAccessibleName("Presenter note")
        self.note.setTabChangesFocus(True)  # Tab leaves the note (a keyboard trap otherwise)
        layout.addWidget(self.note)
        self.dday_button = QPushButton("Store the current D-day in the story")
        self.dday_button.setToolTip("Present mode shows this story's relative axis (D-day); "
                                    "with the axis off, the story's D-day is cleared")
        layout.addWidget(self.dday_button)
        bottom = QHBoxLayout()
        self.present_button = QPushButton("Present (F5)")
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Save the timeline with its stories (File > Save, Ctrl+S)")
        bottom.addWidget(self.present_button)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.setWidget(body)

        self.combo.currentIndexChanged.connect(self._on_story_chosen)
        self.new_button.clicked.connect(self.new_story)
        self.add_button.clicked.connect(self.add_current_view)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.delete_button.clicked.connect(self.delete_selected)
        self.note.textChanged.connect(self._on_note)
        self.steps.currentRowChanged.connect(self._on_row)
        self.steps.itemDoubleClicked.connect(lambda _item: self.show_step(self.steps.currentRow()))
        self.present_button.clicked.connect(self._present)
        self.save_button.clicked.connect(self.save)
        self.dday_button.clicked.connect(self.store_dday)
        window.sigTimelineChanged.connect(self._on_timeline_changed)
        if hasattr(window, "sigTimelineEdited"):  # an event's title in a step may have changed
            window.sigTimelineEdited.connect(lambda _tl, _ids: self._fill_steps(self.steps.currentRow()))
        self._updating = False
        self._reload(getattr(window, "story_index", 0))

    # -- model access ------------------------------------------------------
    @property
    def stories(self) -> tuple[Story, ...]:
        return stories_of(self.window_.timeline)

    @property
    def story(self) -> Story:
        stories = self.stories
        return stories[min(self.window_.story_index, len(stories) - 1)]

    def _authoring(self):
        return getattr(self.window_, "authoring", None)

    def _set_stories(self, stories: tuple[Story, ...], text: str, merge_key: str | None = None) -> bool:
        """Apply new stories: an undoable command when the window edits (else
        the timeline is replaced).  False, with the reason shown, if refused."""
        authoring = self._authoring()
        if authoring is None:
            self.window_.timeline = self.window_.timeline.with_stories(stories)
            self.dirty = True
            return True
        self._own_edit = True
        try:
            problems = authoring.push(C.SetStories(stories, text, merge_key))
        finally:
            self._own_edit = False
        if problems:
            self.message.setText("Not changed: " + "; ".join(
                f"{p.location}: {p.message}" if p.location else p.message for p in problems))
            return False
        self.dirty = True
        return True

    def _on_timeline_changed(self, timeline) -> None:
        authoring = self._authoring()
        doc = getattr(authoring, "document", None)
        if doc is not None and timeline is doc.timeline:
            # an edit, undo or redo: keep the story and the step being edited
            if not getattr(self, "_own_edit", False) or self.combo.count() != len(story_titles(timeline)):
                self._reload(self.window_.story_index, self.steps.currentRow())
            self.dirty = bool(authoring.modified)
            return
        self._reload(0)

    def _replace(self, story: Story, select: int | None = None, text: str = "Edit story") -> None:
        stories = list(self.stories)
        stories[min(self.window_.story_index, len(stories) - 1)] = story
        if self._set_stories(tuple(stories), text):
            self._fill_steps(select)

    def store_dday(self) -> None:
        """The desk's D-day (``state.dday``; None clears it) becomes the story's, for present mode."""
        dday = self.window_.state.dday
        self._replace(replace(self.story, dday=dday), self.steps.currentRow())
        self.message.setText(f"Presenting this story shows D-day from {dday}." if dday
                             else "This story has no D-day now.")

    # -- view --------------------------------------------------------------
    def _reload(self, index: int, row: int = 0) -> None:
        self._updating = True
        # titles only: the default story (a step per event) is built when its
        # steps are listed, i.e. when the dock is opened
        titles = story_titles(self.window_.timeline)
        self.window_.story_index = max(0, min(index, len(titles) - 1))
        self.combo.clear()
        self.combo.addItems(list(titles))
        self.combo.setCurrentIndex(self.window_.story_index)
        self._updating = False
        self.dirty = False
        self._fill_steps(max(row, 0))

    def _step_text(self, k: int, step: StoryStep) -> str:
        tl = self.window_.timeline
        title = (visible_controls(tl.event(step.event).title) if tl.has_event(step.event)
                 else f"(unknown event {step.event})")
        text = f"{k + 1}. {title}"
        if step.window is not None:
            text += f"   [{format_interval(step.window[0], step.window[1], Precision.HOUR)}]"
        if step.tracks:
            text += f"   ({len(step.tracks)} tracks)"
        return text

    #: the step to select when the dock is next shown, or None when its list is current
    _stale: int | None = None

    def showEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        if self._stale is not None:
            select, self._stale = self._stale, None
            self._fill_steps(select)
        super().showEvent(ev)

    def _fill_steps(self, select: int | None) -> None:
        if not self.isVisible():
            # listed when the dock is opened: a default story of a large
            # timeline has a step per event
            self._stale = select if select is not None else 0
            return
        self._stale = None
        self._updating = True
        self.steps.clear()
        for k, step in enumerate(self.story.steps):
            self.steps.addItem(self._step_text(k, step))
        if select is not None and self.steps.count():
            self.steps.setCurrentRow(max(0, min(select, self.steps.count() - 1)))
        self._updating = False
        self._on_row(self.steps.currentRow())

    def _on_row(self, row: int) -> None:
        if self._updating:
            return
        steps = self.story.steps
        self._updating = True
        self.note.setPlainText(steps[row].note if 0 <= row < len(steps) else "")
        self.note.setEnabled(0 <= row < len(steps))
        self._updating = False

    def _on_story_chosen(self, index: int) -> None:
        if not self._updating and index >= 0:
            self.window_.story_index = index
            self._fill_steps(0)

    # -- edits -------------------------------------------------------------
    def new_story(self) -> None:
        """Start an empty story (saved stories only; the default story is kept as the first if none)."""
        titles = set(story_titles(self.window_.timeline))
        n = len(titles) + 1
        while f"Story {n}" in titles:
            n += 1
        saved = tuple(self.window_.timeline.stories) or self.stories
        before = self.window_.story_index
        self.window_.story_index = len(saved)
        if not self._set_stories(saved + (Story(f"Story {n}"),), f"New story 'Story {n}'"):
            self.window_.story_index = before
            return
        self._reload(len(saved))
        self.dirty = True

    def add_current_view(self) -> bool:
        """Append the selected event in the visible time range as a step (after the current one)."""
        w = self.window_
        event_id = w.state.selected
        if event_id is None:
            self.message.setText("Select an event first: a step shows one event and its quote.")
            return False
        origin = w.view.timeline.columns.origin_epoch_s
        a, b = w.view.x_range()
        step = StoryStep(event=event_id, window=(origin + a, origin + b))
        row = self.steps.currentRow()
        at = row + 1 if row >= 0 else None
        self._replace(self.story.with_step(step, at), select=len(self.story.steps) if at is None else at,
                      text="Add story step")
        self.message.setText(f"Added step: {visible_controls(w.timeline.event(event_id).title)}")
        return True

    def move_selected(self, delta: int) -> None:
        row = self.steps.currentRow()
        if 0 <= row < len(self.story.steps):
            to = max(0, min(row + delta, len(self.story.steps) - 1))
            self._replace(self.story.with_moved_step(row, to), select=to,
                          text=f"Move story step {'up' if to < row else 'down'}")

    def delete_selected(self) -> None:
        row = self.steps.currentRow()
        if 0 <= row < len(self.story.steps):
            self._replace(self.story.without_step(row), select=row, text="Remove story step")

    def _on_note(self) -> None:
        if self._updating:
            return
        row = self.steps.currentRow()
        steps = self.story.steps
        if 0 <= row < len(steps):
            step = steps[row]
            new = StoryStep(step.event, step.window, step.tracks, self.note.toPlainText())
            stories = list(self.stories)
            stories[self.window_.story_index] = self.story.with_replaced_step(row, new)
            self._set_stories(tuple(stories), f"Edit presenter note of step {row + 1}",
                              merge_key=f"note {self.window_.story_index} {row}")

    def show_step(self, row: int) -> None:
        """Show step ``row`` in the main window: select its event, show its window."""
        from ..model.story import step_window

        steps = self.story.steps
        if not 0 <= row < len(steps):
            return
        w = self.window_
        step = steps[row]
        w.state.selected = step.event
        a, b = step_window(w.timeline, step)
        origin = w.view.timeline.columns.origin_epoch_s
        w.view.set_x_range(a - origin, b - origin)

    def _present(self) -> None:
        from .presenting import start_presenting

        start_presenting(self.window_)

    def save(self, path: str | None = None) -> bool:
        """Write the timeline with its stories to ``path`` (default: File >
        Save, which asks for a name for the bundled or a foreign file).

        Errors are shown in a dialog.
        """
        from ..io import write_timeline
        from ..resources import bundled_timeline_path

        w = self.window_
        authoring = self._authoring()
        if authoring is not None:
            ok = bool(authoring.save_to(path) if path else authoring.save())
            if ok:
                self.dirty = False
                self.message.setText(f"Saved to {w.path}")
            return ok
        target = path or w.path
        if not target or os.path.realpath(target) == os.path.realpath(bundled_timeline_path()) \
                or not os.access(os.path.dirname(os.path.realpath(target)) or ".", os.W_OK):
            folder = str(Path.home())
            target, _ = QFileDialog.getSaveFileName(self, "Save timeline with its stories", folder,
                                                    "Timelines (*.timeline.json)")
            if not target:
                return False
        try:
            write_timeline(w.timeline, target)
        except (OSError, ValueError) as exc:
            w.show_error("Could not save the stories", f"{target}: {exc}")
            return False
        w.path = target
        self.dirty = False
        self.message.setText(f"Saved to {target}")
        return True


def install(window) -> None:
    """Add the Story dock (right side, below the detail pane's area) and View > Story editor."""
    window.story_index = getattr(window, "story_index", 0)
    dock = StoryDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()  # opened from View > Story editor, so the reading layout is unchanged
    window.story_dock = dock
    action = dock.toggleViewAction()
    action.setText("Story editor")
    window.menus["View"].addAction(action)
