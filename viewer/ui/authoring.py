"""Authoring: File > New / Save / Save As / Revert, Edit > Undo / Redo, autosave.

Every change goes through :meth:`Authoring.push` as a model command
(:mod:`viewer.model.commands`) applied to a
:class:`~viewer.model.editing.Document`; a ``QUndoStack`` keeps the history
(Edit menu: "Undo Move 'Truss arrives in Moscow'"; View > History lists it).
The window title shows the file and ``*`` while there are unsaved changes.

Saving always writes the native format, atomically
(:func:`~viewer.io.native.write_native`).  A timeline opened from another
format (CSV, TimelineJS...) or the bundled one has no native file yet: Save
asks for a name, and never writes over a file of another format.  Closing the
window, opening another file or reloading a changed file while there are
unsaved changes asks Save / Discard / Cancel first.

Unsaved changes are written every 30 s and on quit to the per-user data
folder (:mod:`viewer.io.recovery`); after a crash the next start offers to
recover them.
"""

from __future__ import annotations

import os
import re
import time
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QMessageBox, QUndoView

from ..io import recovery
from ..io.atomic import destination_problem
from ..io.native import looks_native, write_native
from ..io.native_rules import NATIVE_RULES
from ..model import commands as C
from ..model.dates import EventDate
from ..model.editing import Document, EditError
from ..model.errors import Problem, TimelineLoadError
from ..model.timeline import Timeline, Track

__all__ = ["Authoring", "install", "new_timeline", "AUTOSAVE_MS"]

AUTOSAVE_MS = 30_000
"""How often unsaved changes are written to the recovery file (milliseconds)."""


DEFAULT_TRACK = Track("track-1", "Track 1")
"""File > New's one track; dropped on save when events went to other tracks and it stayed empty."""


def new_timeline(today: float | None = None) -> Timeline:
    """An empty timeline with one track (:data:`DEFAULT_TRACK`), its initial view on the current month."""
    t = time.gmtime(time.time() if today is None else today)
    month = EventDate(f"{t.tm_year:04d}-{t.tm_mon:02d}")
    return Timeline("Untitled timeline", tracks=(DEFAULT_TRACK,), home_start=month, home_end=month)


def _provisional_home(timeline: Timeline, new: bool) -> tuple | None:
    """The home range that only starts the view and is not saved once there are
    events: File > New's month (``new``), or the month an empty timeline was
    saved with (with no events it would reopen on 1 Jan 1970).  None otherwise."""
    if new or (timeline.home_start is not None and len(timeline.events) == 0):
        return (timeline.home_start, timeline.home_end)
    return None


def is_native_file(path: str) -> bool:
    """True for a regular file in the native format (name or content)."""
    if not path or not os.path.isfile(path) or os.path.islink(path):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return False
    return looks_native(path, head)


def _bundled_folder() -> str:
    try:
        return os.path.realpath(str(resources.files("viewer.resources")))
    except (ModuleNotFoundError, TypeError):
        return ""


class _UndoCommand(QUndoCommand):
    """A model command in the QUndoStack; the first redo (on push) was already done."""

    def __init__(self, authoring: Authoring, command) -> None:
        super().__init__(command.text)
        self.authoring = authoring
        self.command = command
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.authoring.current_document().apply(self.command)
        self._show(forward=True)

    def undo(self) -> None:
        self.authoring.current_document().revert(self.command)
        self._show(forward=False)

    def _show(self, forward: bool) -> None:
        """Show the result; an event that got its id back (or its new id again) stays selected, and
        the field that had the keyboard focus keeps it (undoing a new event's first title emptied
        the Edit tab: the event was no longer selected)."""
        renamed = C.renamed_event(self.command)
        state = getattr(self.authoring.window, "state", None)
        focus = QApplication.focusWidget()
        follow = None
        if renamed is not None and state is not None:
            gone, back = renamed if forward else renamed[::-1]
            follow = back if state.selected == gone else None
        self.authoring._show(self.command)
        if follow is not None and state is not None and self.authoring.timeline.has_event(follow):
            state.selected = follow
            if focus is not None and focus.isVisible() and focus.isEnabled() and not focus.hasFocus():
                focus.setFocus()

    def id(self) -> int:  # noqa: A003 (Qt name)
        """Commands with a ``merge_key`` (a presenter note being typed) merge into one Undo."""
        return 1 if getattr(self.command, "merge_key", None) else -1

    def mergeWith(self, other) -> bool:  # noqa: N802 (Qt name)
        key = getattr(self.command, "merge_key", None)
        if key is None or getattr(other.command, "merge_key", None) != key:
            return False
        self.command.merge(other.command)
        return True


class Authoring(QObject):
    """Editing, saving and recovery for one window (``window.authoring``).

    Signals
    -------
    sigEdited(Timeline)
        After a change (a command, undo or redo) with the new timeline.
    """

    sigEdited = Signal(object)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.native_path = self._native_target(window.path)
        self._new: Timeline | None = None
        self.default_track: str | None = None
        self.provisional_ids: set[str] = set()
        """Ids of events added here (Add event, double-click) that no saved file or
        copied link holds yet: the first title given such an event makes its id
        (:func:`~viewer.model.commands.retitle_new_event`); every other id stays."""
        #: the clock File > New's month is read from (epoch s; tests give a fixed one)
        self.clock = time.time
        self.provisional_home: tuple | None = _provisional_home(window.timeline, False)
        """File > New's home (the current month, only to start the view
        there): not saved once there are events, so a saved timeline opens on
        its events; saved while the timeline is empty (it would reopen on
        1 Jan 1970, with nothing to open on)."""
        self.recovery_box: QMessageBox | None = None
        self._autosave_warned = False
        self.last_problems: list[Problem] = []
        self._make_menus()
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        window.sigTimelineChanged.connect(self._on_timeline_changed)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.autosave)
        window.installEventFilter(self)
        self._open_file = window.open_file
        window.open_file = self.open_file  # File > Open, recent files, drops: ask about unsaved changes first
        files = getattr(window, "files", None)
        if files is not None:
            files.reload_timer.timeout.disconnect()
            files.reload_timer.timeout.connect(self.reload_changed_file)
        self.update_title()
        QTimer.singleShot(0, self.offer_recovery)

    # -- state -----------------------------------------------------------
    @property
    def timeline(self) -> Timeline:
        """The timeline being edited (the window's)."""
        return self.window.timeline

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def _native_target(self, path: str) -> str | None:
        """``path`` when Save may write to it: a native file that is not the bundled one."""
        if not is_native_file(path):
            return None
        bundled = _bundled_folder()
        if bundled and os.path.dirname(os.path.realpath(path)) == bundled:
            return None
        return path

    def doc(self) -> Document:
        """The document of the window's timeline (made on the first edit)."""
        if self.document is None or self.document.timeline is not self.window.timeline:
            self.document = Document(self.window.timeline, NATIVE_RULES)
            self.window.timeline = self.document.timeline
        return self.document

    def current_document(self) -> Document:
        """The document being edited (after :meth:`doc` made it; never a new one)."""
        if self.document is None:
            raise RuntimeError("no document: nothing was edited yet")
        return self.document

    # -- editing ------------------------------------------------------------
    _pushes = 0  # commands pushed so far (an edit after an undo is told from the one undone)

    def date_before_hand_edit(self, event_id: str, which: str, value: str) -> EventDate | None:
        """The event's ``which`` date (``"start"`` / ``"end"``) as the file gave it with the EDTF
        ``value``, before an edit by hand, found in this session's edit history (latest first);
        None when the history does not have it (another session, or it was cleared by a save as)."""
        from ..model.date_edit import edited_by_hand

        def updates(command):
            if isinstance(command, C.Compound):
                for c in reversed(command.commands):
                    yield from updates(c)
            elif isinstance(command, C.UpdateEvent) and command.event_id == event_id:
                yield command

        for k in range(self.undo_stack.count() - 1, -1, -1):
            for command in updates(getattr(self.undo_stack.command(k), "command", None)):
                old = command.old
                date = None if old is None else (old.start if which == "start" else old.end)
                if date is not None and date.edtf == value and not edited_by_hand(date):
                    return date
        return None

    def push(self, command) -> list[Problem]:
        """Check and apply a model command, undoably.  Returns the problems
        when it is refused (then nothing changed), else ``[]``."""
        doc = self.doc()
        try:
            doc.apply(command)
        except EditError as exc:
            self.last_problems = exc.problems
            return exc.problems
        self.last_problems = []
        self._pushes += 1
        self.undo_stack.push(_UndoCommand(self, command))
        self._show(command)
        return []

    def _show(self, command=None) -> None:
        """Show the document's current timeline everywhere, keeping view and selection.

        An edit of events only (:func:`~viewer.model.commands.edited_event_ids`)
        is announced as ``window.sigTimelineEdited(timeline, ids)``, which the
        views answer in place; any other change as ``sigTimelineChanged``."""
        window = self.window
        timeline = self.current_document().timeline
        window.timeline = timeline
        window.details.set_timeline(timeline)
        ids = None if command is None else C.edited_event_ids(command)
        if ids is not None and hasattr(window, "sigTimelineEdited"):
            window._show_title()  # (e.g. the count of unreviewed drafts)
            if not hasattr(window, "shown"):
                window.view.edit_timeline(timeline)
            window.sigTimelineEdited.emit(timeline, ids)
            self.update_title()
            self.sigEdited.emit(timeline)
            return
        window._show_title()
        if not hasattr(window, "shown"):
            a, b = window.view.x_range()
            window.view.set_timeline(timeline)
            window.view.set_x_range(a, b)
        window.sigTimelineChanged.emit(timeline)
        self.update_title()
        self.sigEdited.emit(timeline)

    def _on_timeline_changed(self, timeline: Timeline) -> None:
        if self.document is not None and timeline is self.document.timeline:
            return  # our own edit
        # another file (or the same one read again): a new history
        self.document = None
        self.undo_stack.clear()
        self.native_path = self._native_target(self.window.path)
        self.provisional_home = _provisional_home(timeline, timeline is self._new)
        #: File > New's default track, while it may still be dropped on save (never a file's own track)
        self.default_track = DEFAULT_TRACK.id if timeline is self._new else None
        self.provisional_ids = set()
        self._new = None
        recovery.remove_recovery()
        self.update_title()

    def _on_clean_changed(self, _clean: bool) -> None:
        try:
            self.update_title()
        except RuntimeError:  # the window is being destroyed (the stack clears at exit)
            pass

    def update_title(self) -> None:
        window = self.window
        title = window.timeline.title
        short = title if len(title) <= 80 else title[:79] + "…"
        if window.path:
            name = Path(window.path).name
        else:
            name = "Untitled"
        drafts = window.timeline.draft_count()
        if drafts:  # ingest drafts are never shown as reviewed facts (viewer.ui.review)
            name += f" — {drafts} unreviewed draft{'s' if drafts != 1 else ''}"
        window.setWindowTitle(f"{short} — {name}[*] — Timeline Viewer")
        window.setWindowModified(self.modified)

    # -- menus --------------------------------------------------------------
    def _make_menus(self) -> None:
        window = self.window
        file_menu = window.menus["File"]
        first = file_menu.actions()[0] if file_menu.actions() else None
        self.new_action = window._action(file_menu, "&New", self.new, QKeySequence.StandardKey.New)
        file_menu.removeAction(self.new_action)
        file_menu.insertAction(first, self.new_action)
        anchor = next((a for a in file_menu.actions() if a.text().startswith("&Import")), None)
        self.save_action = window._action(file_menu, "&Save", self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = window._action(file_menu, "Save &As…", self.save_as, QKeySequence.StandardKey.SaveAs)
        self.revert_action = window._action(file_menu, "Re&vert", self.revert)
        for action in (self.save_action, self.save_as_action, self.revert_action):
            file_menu.removeAction(action)
            file_menu.insertAction(anchor, action)
        edit_menu = window.menuBar().addMenu("&Edit")
        view_menu = window.menus.get("View")
        if view_menu is not None:
            window.menuBar().removeAction(edit_menu.menuAction())
            window.menuBar().insertMenu(view_menu.menuAction(), edit_menu)
        window.menus["Edit"] = edit_menu
        self.undo_action = self.undo_stack.createUndoAction(window, "&Undo")
        self.redo_action = self.undo_stack.createRedoAction(window, "&Redo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:  # (bound twice, Ctrl+Y was ambiguous: it did nothing)
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            edit_menu.addAction(action)
            window.addAction(action)
        edit_menu.addSeparator()
        self.edit_menu = edit_menu
        self.history: QDockWidget | None = None  # made when first shown (View > History)
        if view_menu is not None:
            window._action(view_menu, "&History", self.show_history)

    def show_history(self) -> QDockWidget:
        """View > History: the list of changes (click one to go back to it)."""
        if self.history is None:
            self.history = QDockWidget("History", self.window)
            self.history.setObjectName("history")
            view = QUndoView(self.undo_stack)
            view.setEmptyLabel("<opened>")
            self.history.setWidget(view)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history)
        self.history.show()
        self.history.raise_()
        return self.history

    # -- files ----------------------------------------------------------------
    def ask_unsaved(self) -> str:
        """Ask what to do with unsaved changes: ``"save"``, ``"discard"`` or ``"cancel"``."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                          f"Save the changes to {Path(self.window.path).name or 'the new timeline'}?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def ask_save_path(self) -> str:
        """Ask for a file name to save to (``""``: cancelled)."""
        path, _ = QFileDialog.getSaveFileName(self.window, "Save timeline", self.suggested_save_path(),
                                              "Timeline (*.timeline.json);;All files (*)")
        return path

    def suggested_save_path(self) -> str:
        """Where Save As starts: the open file's folder, else the folder of the
        last file opened or saved (File > Open Recent), else Documents (or
        home); named after the open file, else after the timeline's title."""
        bundled = _bundled_folder()
        path = self.window.path
        candidates = [path] if path else []
        files = getattr(self.window, "files", None)
        if files is not None and hasattr(files, "recent_files"):
            candidates += files.recent_files()
        folder = ""
        for c in candidates:
            d = os.path.dirname(os.path.realpath(c))
            if c and os.path.isdir(d) and d != bundled:
                folder = d
                break
        if not folder:
            docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            folder = docs if docs and os.path.isdir(docs) else os.path.expanduser("~")
        if path and not self._in_bundle():
            stem = Path(path).name.split(".")[0]
        else:
            stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", self.window.timeline.title).strip(" .")[:80] or "timeline"
        return os.path.join(folder, stem + ".timeline.json")

    def _in_bundle(self) -> bool:
        bundled = _bundled_folder()
        return bool(bundled) and os.path.dirname(os.path.realpath(self.window.path)) == bundled

    def maybe_save(self) -> bool:
        """With unsaved changes, ask Save / Discard / Cancel; True when the caller may go on."""
        if not self.modified:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.discard()
            return True
        return False

    def discard(self) -> None:
        """Forget the unsaved changes' recovery file (the caller replaces the timeline)."""
        recovery.remove_recovery()
        self.undo_stack.setClean()

    def new(self) -> None:
        """File > New: an empty timeline with one track (asks about unsaved changes first)."""
        if not self.maybe_save():
            return
        self._new = new_timeline(self.clock())
        self.window.set_timeline(self._new, "")

    def open_file(self, path: str) -> bool:
        if not self.maybe_save():
            return False
        return self._open_file(path)

    def save(self) -> bool:
        """File > Save: to the open native file, or ask for a name.  True when saved."""
        if self.native_path is None:
            return self.save_as()
        return self.save_to(self.native_path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        if not path:
            return False
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the timeline as a native file at ``path`` (atomically).

        Refuses a path that is a folder, a link or special file, or an
        existing file of another format (a CSV or TimelineJS file is never
        overwritten with the native format).  Errors go to a dialog.
        """
        window = self.window
        name = Path(path).name or path
        problem = ""
        if os.path.lexists(path):
            if os.path.islink(path) or not os.path.isfile(path):
                # as Export says it: a link named with its target, a pipe or folder named as such
                problem = destination_problem(path) or f"{path}: it is not a regular file"
            elif not is_native_file(path):
                problem = (f"{path}: it is a file of another format; the app saves in its own format only, "
                           "so choose a new name (e.g. ending .timeline.json)")
        if problem:
            window.show_error(f"Could not save {name}", f"{problem}.")
            return False
        files = getattr(window, "files", None)
        watched = files.watcher.files() if files is not None else []
        if files is not None and watched:
            files.watcher.removePaths(watched)  # our own write is not a change from outside
        left_out = ""  # File > New's track, said on the status bar (it was dropped silently)
        if self.default_track is not None:  # never used, another track there: not saved (one Undo step)
            drop = C.drop_unused_track(self.doc(), self.default_track)
            if drop is not None:
                label = self.timeline.tracks[self.timeline.track_index[self.default_track]].label
                if not self.push(drop):
                    self.default_track = None
                    left_out = label
        try:
            tl = self.timeline
            # an empty timeline keeps its month: with no events it would reopen on 1 Jan 1970
            write_native(tl, path, home=(tl.home_start, tl.home_end) != self.provisional_home or not len(tl.events))
        except (ValueError, OSError) as exc:
            window.show_error(f"Could not save {name}", str(exc))
            if files is not None:
                files._watch(window.path)
            return False
        window.path = path
        self.native_path = path
        if files is not None:
            files._watch(path)
            files._remember(path)
        self.undo_stack.setClean()
        self.provisional_ids = set()  # saved: other files and links may name these ids now
        recovery.remove_recovery()
        self.update_title()
        if left_out:
            window.statusBar().showMessage(f"Saved {name} without the empty track '{left_out}' "
                                           "(no event was on it; Edit > Undo puts it back)")
        return True

    def revert(self) -> None:
        """File > Revert: read the file again, dropping the unsaved changes (after asking)."""
        path = self.window.path
        if not path or not self.modified:
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Revert",
                          f"Discard all unsaved changes and read {Path(path).name} again?",
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if not self.confirm(box):
            return
        self.discard()
        self._open_file(path)

    def confirm(self, box: QMessageBox) -> bool:
        """Show a question; True for its destructive (Discard / Yes) answer (tests replace this)."""
        return QMessageBox.StandardButton(box.exec()) in (QMessageBox.StandardButton.Discard,
                                                          QMessageBox.StandardButton.Yes)

    def reload_changed_file(self) -> None:
        """The open file changed on disk: reload it, but ask first when there are unsaved edits.

        A large file read again in the background keeps the edits until its new
        content arrives (a cancelled reload loses nothing); they are dropped then
        without asking again, unless more were made meanwhile."""
        files = self.window.files
        opening = getattr(self.window, "opening", None)
        if opening is not None and opening.pending() and not opening.reloading():
            return  # another file asked for replaces this one (its arrival asks about the edits)
        if self.may_reload(discard=not files.reads_in_background()):
            files.reload()

    _reload_agreed: tuple | None = None  # _edit_mark() when the user agreed to replace the edits

    def _edit_mark(self) -> tuple:
        return (self._pushes, self.undo_stack.index(), self.undo_stack.count())

    def reload_dropped(self) -> None:
        """The reload the user agreed to replace the edits for was cancelled or could not
        read the file: the edits stay, and the next reload asks about them again."""
        self._reload_agreed = None

    def may_reload(self, discard: bool = True) -> bool:
        """May the open file's new content (changed on disk) replace the timeline?  True
        without unsaved edits, or when the user chose to replace them (with ``discard``
        they are discarded now; else at the next call, without asking again unless
        edited since); otherwise False, and the banner says the edits are kept."""
        files = self.window.files
        if self.modified:
            if self._reload_agreed != self._edit_mark():
                box = QMessageBox(QMessageBox.Icon.Question, "File changed on disk",
                                  f"{Path(self.window.path).name} was changed by another program. Replace your "
                                  "unsaved changes with its new content?",
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
                box.setTextFormat(Qt.TextFormat.PlainText)
                if not self.confirm(box):
                    self._reload_agreed = None
                    files._notice(f"{Path(self.window.path).name} changed on disk; your unsaved changes are kept "
                                  "(Save would replace the file's new content).")
                    return False
            if not discard:
                self._reload_agreed = self._edit_mark()
                return True
            self.discard()
        self._reload_agreed = None
        return True

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.window and event.type() == QEvent.Type.Close:
            if not self.maybe_save():
                event.ignore()
                return True
            recovery.remove_recovery()
        return super().eventFilter(obj, event)

    # -- autosave and recovery ---------------------------------------------------
    def autosave(self) -> bool:
        """Write unsaved changes to the recovery file; True when written."""
        if not self.modified:
            return False
        try:
            recovery.write_recovery(self.timeline, self.native_path or self.window.path or "")
        except (OSError, ValueError) as exc:
            if not self._autosave_warned:  # once, not every 30 s
                self._autosave_warned = True
                text = f"No autosave: could not write the recovery copy of your changes ({exc})"
                self.window.statusBar().showMessage(text)
                files = getattr(self.window, "files", None)
                if files is not None:
                    files._notice(text)
            return False
        self._autosave_warned = False
        return True

    def offer_recovery(self) -> None:
        """Offer the newest recovery file left by a session that ended without saving (non-modal)."""
        found = recovery.orphans()
        if not found:
            return
        entry = found[0]
        try:
            when = time.strftime("%a %d %b %Y %H:%M", time.localtime(entry.saved_at))
        except (OverflowError, OSError, ValueError):
            when = "time unknown"
        what = Path(entry.source).name if entry.source else "a new timeline"
        box = QMessageBox(QMessageBox.Icon.Warning, "Recover unsaved changes",
                          f"Timeline Viewer ended without saving changes to {what} (last copy {when}). "
                          "Recover them?", QMessageBox.StandardButton.NoButton, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(button) -> None:
            if button is recover:
                self.recover(entry)
            elif button is discard:
                entry.remove()

        box.buttonClicked.connect(answered)
        box.open()
        self.recovery_box = box

    def recover(self, entry: recovery.Recovery) -> bool:
        """Show the timeline of a recovery file as unsaved changes of the file it came from."""
        try:
            timeline = entry.read()
        except TimelineLoadError as exc:
            self.window.show_error("Could not recover the changes", str(exc), exc.full_report())
            return False
        source = entry.source if entry.source and os.path.isfile(entry.source) else ""
        self.window.set_timeline(timeline, source)
        self.undo_stack.resetClean()  # unsaved until saved
        self.update_title()
        if self.autosave():  # our own copy first, then the old one goes
            entry.remove()
        return True


def install(window) -> None:
    """Add New/Save/Save As/Revert, Undo/Redo, History and autosave to ``window``
    (``window.authoring``)."""
    window.authoring = Authoring(window)
