"""Working with files in the window: import, export, drag-and-drop, recent files, live reload.

Installed by :data:`viewer.ui.features.FEATURES`; reads and writes only
through :mod:`viewer.io` (and pictures through :mod:`viewer.ui.export`).

* File > Import… opens any registered format (a generic CSV/TSV through
  the import dialog: column roles, date format, report); File > Export as… writes one
  (by the chosen filter or extension); File > Export picture… writes the
  current view as PNG, SVG or PDF; File > Open Recent lists the last
  :data:`MAX_RECENT` files (kept with ``QSettings``).
* A file dropped on the window is opened.
* Rows or fields a reader could not load are listed in a banner above the
  timeline; nothing is dropped silently.
* Live reload: the open file is watched (``QFileSystemWatcher``).  When it
  changes on disk it is read again :data:`RELOAD_DELAY_MS` after the last
  change; the visible range (through epoch seconds, as the origin may move),
  the selection (a collapsed lane stays collapsed), the filters, collapsed
  tracks and D-day are kept, minus the ids that vanished
  (:func:`viewer.model.reload.kept_on_reload`; a D-day whose reference
  vanished is turned off and the banner says so).  Opening another file
  resets filters, collapsed tracks and D-day.  If the new content is invalid, the last good
  timeline stays on screen and a dismissable banner names the problem and its
  place.  Editors that save by writing a new file and renaming it over the old
  one (or deleting it first) are followed: the path is watched again as soon
  as it exists.  A file missing for longer (:data:`MISSING_GRACE_MS`) is
  reported in the banner as deleted, and its folder is still watched: when
  the file comes back it is read and the banner is updated.  A writer that
  saves faster than the debounce does not starve reload: while changes keep
  coming, the file is read at least every :data:`RELOAD_MAX_WAIT_MS` (a
  read that catches it half-written is retried, not reported, until the
  writes stop).  A large file (:func:`viewer.ui.opening.is_large`) is read
  again in the background, as File > Open reads one: "Reloading NAME…" with a
  progress bar and Cancel while the last version read stays on screen and
  usable; what is kept is decided when it arrives (unsaved edits made
  meanwhile are asked about first), and a reload overtaken by another file
  asked for is dropped.  Cancel keeps the last version read and says so.
  The watcher watches a file only from the moment it is shown: its identity
  when its opening read started (:meth:`FileFeature.note_read`) is compared
  then, and a file changed meanwhile is shown with a banner saying so and read
  again at once (never the version read shown as the file, silently).
"""

from __future__ import annotations

import os
import re
import time
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QRect, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ..io.common import ReadReport, group_problems, load_text, read_csv_rows
from ..io.native_decode import decode_text
from ..io.problems import loaded_without, not_kept, not_kept_note
from ..io.registry import (
    export_target,
    read_timeline_report,
    reader_for,
    readers,
    write_timeline,
    writer_for,
    writers,
)
from ..io.regular import file_identity, same_file
from ..model.errors import Problem, TimelineLoadError
from ..model.reload import kept_filters, kept_on_reload
from ..model.timeline import Timeline
from .after_paint import after_first_paint
from .export import PAGE_SIZES, PictureOptions, export_picture, filters_note
from .import_dialog import ImportDialog, saved_choices
from .opening import Reading, is_large, offer_shown

__all__ = ["install", "FileFeature", "Banner", "settings", "MAX_RECENT", "RELOAD_DELAY_MS", "RELOAD_MAX_WAIT_MS",
           "MISSING_GRACE_MS"]

MAX_RECENT = 10
RELOAD_DELAY_MS = 300
"""Wait after the last change event before reading (editors write in several steps)."""
RELOAD_MAX_WAIT_MS = 1000
"""Longest wait between a change and a read while changes keep coming (a fast writer)."""
MISSING_GRACE_MS = 6000
"""How long a vanished file may stay missing (an editor between delete and rename)
before the banner says it was deleted; its folder stays watched after that."""
_MAX_SHOWN = 6


def settings() -> QSettings:
    """The application's settings (INI format, user scope; tests point ``QSettings.setPath`` elsewhere)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "timeline-viewer", "timeline-viewer")


class Banner(QFrame):
    """A dismissable strip above the timeline: an error (red) or a notice (amber).

    A message with more lines than the strip shows (an export's every loss, a
    load's every problem) has its whole text behind **Show all**: a scrolling,
    selectable list in the strip, so every line can be read (and copied)."""

    DETAILS_HEIGHT_PX = 220
    """Height of the scrolling list of every line (it scrolls beyond)."""

    MAX_ROWS = 4
    """Rows of text the strip shows at most (wrapped lines count): the rest is
    behind Show all, so the timeline keeps most of a 768 px high window."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("fileBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # file text is never HTML
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.label)
        self.label.installEventFilter(self)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Every line of the message")
        self.details.setFixedHeight(self.DETAILS_HEIGHT_PX)
        self.details.hide()
        column.addWidget(self.details)
        layout.addLayout(column, 1)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.all_button = QPushButton("Show all")
        self.all_button.setAccessibleName("Show every line of the message")
        self.all_button.clicked.connect(self.toggle_details)
        buttons.addWidget(self.all_button)
        self.close_button = QPushButton("Dismiss")
        self.close_button.setAccessibleName("Dismiss message")
        self.close_button.clicked.connect(self.hide)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.all_button.hide()
        self.hide()

    def show_message(self, text: str, details: str = "", *, error: bool, note: bool = False) -> None:
        """Show ``text`` (plain text) in red for an error, amber for a warning (``error`` False),
        pale blue for a note (``note`` True: nothing is wrong with the file, as ``validate``
        says; :attr:`level` is then ``"note"``); ``details``, the whole text when ``text`` shows
        only its first lines, behind **Show all**."""
        self.level = "error" if error else "note" if note else "warning"
        colour, border = {"error": ("#fde8e8", "#c0392b"), "warning": ("#fff4d6", "#b8860b"),
                          "note": ("#e8f0f8", "#6a8caf")}[self.level]
        self.setStyleSheet(f"#fileBanner {{ background: {colour}; border: 2px solid {border}; border-radius: 4px; }}"
                           "QLabel { color: #1b1f24; font-size: 12pt; }")
        self._text, self._fit_width = text, -1
        details = "" if details == text else details
        self.details.setPlainText(details)
        self.details.hide()
        self.label.show()
        self.all_button.setText("Show all")
        self.all_button.setVisible(bool(details))
        self.ensurePolished()
        self.label.ensurePolished()
        self._fit()
        self.error = error
        self.show()

    def _fit(self) -> None:
        """Show at most :attr:`MAX_ROWS` rows of the message at the label's
        width: whole lines while they fit, then how many more Show all lists."""
        text = getattr(self, "_text", "")
        if self.isVisible() and self.label.width() > 50:
            width = self.label.width()
        else:  # not laid out yet: the width it will have under the title
            parent = self.parentWidget()
            outer = parent.width() if parent is not None else self.width()
            width = max(200, outer - self.all_button.sizeHint().width() - 40)
        if width == self._fit_width:
            return
        self._fit_width = width
        fm = self.label.fontMetrics()
        step = max(1, fm.lineSpacing())

        def rows(line: str) -> int:
            box = fm.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), line or " ")
            return max(1, round(box.height() / step))

        lines = text.split("\n")
        if sum(rows(line) for line in lines) <= self.MAX_ROWS:
            self.label.setText(text)
            return
        heads = [i for i, line in enumerate(lines) if i and line.endswith(":") and i + 1 < len(lines)]
        if heads and len(heads) < self.MAX_ROWS - 1:  # several parts (problems, then how it was read): a row each
            self._fit_parts(lines, [0, *heads], width)
            return
        kept: list[str] = []
        used = 0
        for line in lines:
            r = rows(line)
            if used + r > self.MAX_ROWS - 1:
                left = self.MAX_ROWS - 1 - used
                if left > 0:  # the start of this line, in the rows left
                    kept.append(fm.elidedText(line, Qt.TextElideMode.ElideRight, int(width * left * 0.85)))
                break
            kept.append(line)
            used += r
        more = 0
        for line in lines[len(kept) - (kept[-1] not in lines):]:
            m = re.fullmatch(r"… and (\d+) more \(Show all\)", line)
            more += int(m.group(1)) if m else 1
        self.label.setText("\n".join(kept) + f"\n… and {more} more (Show all)")
        if not self.details.toPlainText():
            self.details.setPlainText(text)  # the whole message behind Show all
        if not self.details.isVisible():
            self.all_button.show()

    def _fit_parts(self, lines: list[str], starts: list[int], width: int) -> None:
        """Each part's heading and first line on one row, the first part's next
        lines in the rows left, then how many more lines Show all lists."""
        fm = self.label.fontMetrics()

        def one_row(line: str) -> str:
            return fm.elidedText(line, Qt.TextElideMode.ElideRight, int(width * 0.97))

        ends = [*starts[1:], len(lines)]
        parts = [lines[a:b] for a, b in zip(starts, ends)]
        rows = [one_row(part[0] + (" " + part[1] if len(part) > 1 else "")) for part in parts]
        shown = [min(2, len(part)) for part in parts]
        extra = parts[0][2:]
        room = self.MAX_ROWS - 1 - len(rows)
        first = [one_row(line) for line in extra[:room]]
        shown[0] += len(first)
        more = 0
        for part, n in zip(parts, shown):
            for line in part[n:]:
                m = re.fullmatch(r"… and (\d+) more \(Show all\)", line)
                more += int(m.group(1)) if m else 1
        out = [rows[0], *first, *rows[1:]]
        self.label.setText("\n".join(out) + (f"\n… and {more} more (Show all)" if more else ""))
        if more or out != lines:
            if not self.details.toPlainText():
                self.details.setPlainText("\n".join(lines))
            if not self.details.isVisible():
                self.all_button.show()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.label and event.type() == QEvent.Type.Resize and getattr(self, "_text", ""):
            self._fit()  # refit the message to the label's new width
        return False

    def toggle_details(self) -> None:
        """Show all: the whole text in the scrolling list (again: back to the first lines)."""
        shown = not self.details.isVisible()
        self.details.setVisible(shown)
        self.label.setVisible(not shown)
        self.all_button.setText("Show fewer" if shown else "Show all")


IMPORT_INSTEAD = ("In this window, File > Import… (Ctrl+I) chooses the columns and the date format; "
                  "--map and --date-format are the command line's way.")
"""Said under a banner whose messages advise ``--map`` or ``--date-format`` (the readers' words)."""


def csv_header(path: str) -> list[str] | None:
    """The header of a generic delimited file (the import dialog's kind), or
    None for any other file or one that cannot be read."""
    try:
        if reader_for(path).name != "csv":
            return None
        with open(path, "rb") as fh:
            head = fh.read(65536)  # the header line, not the whole file (a large one opens in the background)
        end = head.find(b"\n")
        try:
            if end < 0:
                raise TimelineLoadError([Problem(path, "no line end in the first 64 KB")])
            return read_csv_rows(decode_text(head[:end + 1], path), path)[0]
        except TimelineLoadError:  # a header running over lines (a quoted line break), a long one
            file, text = load_text(path)
            return read_csv_rows(text, file)[0]
    except (TimelineLoadError, OSError):
        return None


def _cut(head: str, lines: list[str]) -> tuple[str, str]:
    """``head`` and the first :data:`_MAX_SHOWN` of ``lines``, then how many more; and ``head``
    with every line (the banner's Show all)."""
    more = len(lines) - _MAX_SHOWN
    short = "\n".join(lines[:_MAX_SHOWN]) + (f"\n… and {more} more (Show all)" if more > 0 else "")
    return head + short, head + "\n".join(lines)


_MAP_ADVICE = re.compile(r"\(to load it, map it with --map FIELD=.*?, FIELD one of [^)]*\)")
"""The CSV reader's advice for a column not mapped (:mod:`viewer.io.csvgeneric`), the command line's way."""


def _file_names(line: str, paths: list[str]) -> str:
    """``line`` with each of ``paths`` (longest first) cut to its file name: the banner's rows
    name the file, not a folder cut mid-path (the whole path is in Show all and the tooltip)."""
    for path in paths:
        line = line.replace(path, Path(path).name)
    return line


def _problem_lines(problems: list[Problem]) -> list[str]:
    """Problems as the command line lists them (rows of one kind grouped, with their lines)."""
    return group_problems(problems, most_lines=12)


class FileFeature(QObject):
    """The file menu entries, drag-and-drop, recent files and live reload of one window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.banner = Banner()
        window.central_layout.insertWidget(1, self.banner)  # under the title, above the timeline
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self.watcher.directoryChanged.connect(self._on_folder_changed)
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(RELOAD_DELAY_MS)
        self.reload_timer.timeout.connect(self.reload)
        # a fast writer keeps restarting reload_timer: this one is not restarted
        self.max_wait_timer = QTimer(self)
        self.max_wait_timer.setSingleShot(True)
        self.max_wait_timer.setInterval(RELOAD_MAX_WAIT_MS)
        self.max_wait_timer.timeout.connect(self._reload_during_writes)
        self._last_change = 0.0  # time.monotonic() of the last change event
        self._missing_since: float | None = None
        self._pending: list[Problem] = []
        self._pending_skipped = 0  # how many of _pending are rows or items left out whole (the rest: fields)
        self._to_remember: list[str] = []  # files opened whose place in File > Recent waits for the paint
        # absolute path -> the file's identity when its opening read started (note_read): compared
        # when it is shown, as the watcher only watches it from then on
        self._read_from: dict[str, tuple | None] = {}
        self._changed_while_read = False  # the file shown last changed while it was read: say so
        self._notes: list[Problem] = []
        self.reader_options: dict[str, dict] = {}  # absolute path -> options chosen in the import dialog
        # absolute path -> the reader given with its options on the command line (--from; None: detected)
        self.reader_formats: dict[str, str | None] = {}
        self._base_loader = window.loader
        window.loader = self._load  # File > Open and open_file() now report skipped rows too
        self._make_menus()
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.sigTimelineChanged.connect(self._on_timeline_changed)
        self._watch(window.path)

    # -- menus ---------------------------------------------------------
    def _make_menus(self) -> None:
        menu: QMenu = self.window.menus["File"]
        first = menu.actions()[1] if len(menu.actions()) > 1 else None  # after Open…
        self.recent_menu = QMenu("Open &Recent", menu)
        self.import_action = self.window._action(menu, "&Import…", self.import_dialog, "Ctrl+I")
        self.export_action = self.window._action(menu, "&Export as…", self.export_dialog, "Ctrl+E")
        self.picture_action = self.window._action(menu, "Export &picture…", self.picture_dialog, "Ctrl+Shift+E")
        for action in (self.import_action, self.export_action, self.picture_action):
            menu.removeAction(action)
            menu.insertAction(first, action)
        menu.insertMenu(first, self.recent_menu)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for path in files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.window.open_file(p))
        self.recent_menu.setEnabled(bool(files))

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        value = settings().value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def _remember(self, path: str) -> None:
        if not path:
            return
        path = os.path.abspath(path)
        known = self.recent_files()
        files = [path] + [f for f in known if f != path]
        if files[:MAX_RECENT] != known:  # the same list: nothing written
            settings().setValue("recent_files", files[:MAX_RECENT])
        self._fill_recent()

    def _remember_opened(self) -> None:
        """Put the files opened since the last paint at the top of File > Recent, the last opened first."""
        paths, self._to_remember = self._to_remember, []
        for path in paths:
            self._remember(path)

    def _folder(self) -> str:
        return str(Path(self.window.path).parent) if self.window.path else ""

    def import_dialog(self) -> None:
        exts = sorted({e for r in readers() for e in r.extensions})
        filters = f"Timelines ({' '.join('*' + e for e in exts)});;All files (*)"
        path, _ = QFileDialog.getOpenFileName(self.window, "Import timeline", self._folder(), filters)
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Open ``path``; a generic delimited file (not ACLED or the TimelineJS
        template) first goes through the import dialog
        (:class:`viewer.ui.import_dialog.ImportDialog`).  True when it is shown."""
        try:
            delimited = reader_for(path).name == "csv"
        except TimelineLoadError as exc:
            self.window.show_error(f"Could not open {Path(path).name}", str(exc), exc.full_report())
            return False
        if not delimited:
            return self.window.open_file(path)
        try:
            dialog = ImportDialog(path, settings(), self.window)
        except TimelineLoadError as exc:
            self.window.show_error(f"Could not open {Path(path).name}", str(exc), exc.full_report())
            return False
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.open_with_options(path, dialog.options())

    def open_with_options(self, path: str, options: dict) -> bool:
        """Open ``path`` read with reader ``options`` (``mapping``, ``date_format``),
        kept for its live reloads."""
        self.reader_options[os.path.abspath(path)] = dict(options)
        self.reader_formats.pop(os.path.abspath(path), None)  # the dialog's choices are the CSV reader's
        return self.window.open_file(path)

    def keep_command_line_options(self, path: str, options: dict, format: str | None) -> None:
        """The reader options and format (``--map``, ``--date-format``, ``--from``…) the file given on the
        command line was read with, kept for its live reloads and a background open, as
        :func:`viewer.cli` reads it (the format detected unless ``--from`` names it)."""
        self.reader_options[os.path.abspath(path)] = dict(options)
        self.reader_formats[os.path.abspath(path)] = format

    def _format_for(self, path: str, options: dict | None) -> str | None:
        """The reader to use with ``options``: the command line's (``--from``, else detected), else
        the CSV reader, whose columns the import dialog chose."""
        key = os.path.abspath(path)
        if key in self.reader_formats:
            return self.reader_formats[key]
        return "csv" if options else None

    def export_folder(self) -> str:
        """Where Export as… opens: the open file's folder, unless that is the
        app's own resources (the bundled timeline) or not writable; then the
        user's documents folder (``QStandardPaths.DocumentsLocation``)."""
        folder = self._folder()
        bundled = os.path.dirname(os.path.abspath(str(resources.files("viewer.resources") / "x")))
        if folder and os.path.abspath(folder) != bundled and os.access(folder, os.W_OK):
            return folder
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or \
            os.path.expanduser("~")

    def export_dialog(self) -> None:
        filters = [f"{w.description or w.name} ({' '.join('*' + e for e in w.extensions)})" for w in writers()]
        names = [w.name for w in writers()]
        stem = Path(self.window.path).name.split(".")[0] if self.window.path else "timeline"
        default = filters[names.index("csv")] if "csv" in names else filters[0]
        path, chosen = QFileDialog.getSaveFileName(self.window, "Export timeline",
                                                   os.path.join(self.export_folder(), stem + ".csv"),
                                                   ";;".join(filters), default)
        if path:
            self.export_as(path, names[filters.index(chosen)] if chosen in filters else None)

    def export_as(self, path: str, chosen: str | None = None) -> list[str]:
        """Export as… with the filter ``chosen`` (a writer name): the format of
        the name's extension, else the chosen one with its extension added
        (:func:`viewer.io.registry.export_target`)."""
        try:
            path, format = export_target(path, chosen)
        except ValueError as exc:
            self.window.show_error(f"Could not export {Path(path).name}", str(exc))
            return []
        return self.export_timeline(path, format)

    def export_timeline(self, path: str, format: str | None = None) -> list[str]:
        """Write the shown timeline to ``path``; errors and left-out events go to the banner.

        Exporting into the file that is open, in a format other than the viewer's own, is
        refused with a message (it would replace the user's file with one that holds less)."""
        if self.window.path and same_file(self.window.path, path):
            try:
                lossy = writer_for(path, format).name != "native"
            except ValueError:
                lossy = False  # no writer: write_timeline below says so
            if lossy:
                self.window.show_error(
                    f"Could not export {Path(path).name}",
                    f"{Path(path).name} is the file you opened; exporting into it would replace it with a "
                    "format that holds less. Choose another name.")
                return []
        try:
            left_out = write_timeline(self.window.timeline, path, format=format)
        except (ValueError, OSError) as exc:
            self.window.show_error(f"Could not export {Path(path).name}", str(exc))
            return []
        except Exception as exc:  # noqa: BLE001 - a writer's bug must not vanish in a Qt slot
            # writers write atomically: the destination, if any, is unchanged
            self.window.show_error(f"Could not export {Path(path).name}",
                                   f"The writer failed ({type(exc).__name__}: {exc}); nothing was written.")
            return []
        authoring = getattr(self.window, "authoring", None)
        if authoring is not None:  # the exported file names these ids now: a later title keeps them
            authoring.provisional_ids.clear()
        if left_out:
            self.banner.show_message(*_cut(f"Exported {Path(path).name}; left out ({len(left_out)}):\n", left_out),
                                     error=False)
        return left_out

    def picture_dialog(self) -> None:
        stem = Path(self.window.path).stem.split(".")[0] if self.window.path else "timeline"
        path, _ = QFileDialog.getSaveFileName(self.window, "Export picture of the current view",
                                              os.path.join(self._folder(), stem + ".pdf"),
                                              "PDF (*.pdf);;SVG (*.svg);;PNG (*.png)")
        if path:
            self.export_current_view(path)

    def export_current_view(self, path: str, size: tuple[int, int] | None = None, dpi: float = 96.0) -> bool:
        """Write what the window shows as a picture (PNG/SVG/PDF by extension); False and a dialog on failure.

        The picture is of the shown timeline (filters, track order, hidden
        tracks as in the window; the subtitle counts its events of the
        file's and names the filters), over the visible range, with the
        collapsed strips, the display zone, the relative (D-day) row, the
        selection and the search emphasis of the window.  A path that is a
        folder or does not end in .png, .svg or .pdf is refused (nothing is
        added to it).  ``size`` (logical pixels) defaults to the page chosen
        in File > Picture page size (``window.picture_page``, a key of
        :data:`~viewer.ui.export.PAGE_SIZES`; 16:9 unless changed), the page
        ``timeline-viewer export --page`` draws the same layout on.
        """
        window = self.window
        shown, options = self.current_view_picture(size or PAGE_SIZES[getattr(window, "picture_page", "16:9")], dpi)
        try:
            export_picture(shown, path, options)
        except (ValueError, OSError) as exc:
            window.show_error(f"Could not export {Path(path).name or path}", str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a drawing bug must not vanish in a Qt slot
            window.show_error(f"Could not export {Path(path).name or path}",
                              f"The picture could not be made ({type(exc).__name__}: {exc}).")
            return False
        return True

    def current_view_picture(self, size: tuple[int, int], dpi: float = 96.0) -> tuple[Timeline, PictureOptions]:
        """The shown timeline and the picture options of what the window shows, at ``size`` logical pixels
        (File > Export picture and File > Print share them)."""
        window = self.window
        state = window.state
        shown_feature = getattr(window, "shown", None)
        shown = shown_feature.timeline if shown_feature is not None else window.view.timeline
        o = shown.columns.origin_epoch_s
        a, b = state.x_range
        relative = getattr(window, "relative_axis", None)
        searching = bool(state.query.strip())
        options = PictureOptions(
            size=size, dpi=dpi, x_range_epoch=(a + o, b + o), collapsed_tracks=state.collapsed_tracks,
            track_order=state.filters.track_order,
            display_zone=state.display_zone, dday=relative.dday if relative is not None else None,
            selected=state.selected, query=state.query if searching else "",
            matches=tuple(state.matches) if searching else None,
            total_events=len(window.timeline.events), filters_note=filters_note(window.timeline, state.filters))
        return shown, options

    # -- loading ---------------------------------------------------------
    def options_for(self, path: str) -> tuple[dict | None, str | None]:
        """The reader options for ``path`` and, when they are choices saved for its header
        layout (File > Import… in an earlier session), the day they were made (``""`` if
        unknown): the options chosen for the file in this session come first, else
        the saved ones (the README: "the choices are kept per header layout")."""
        options = self.reader_options.get(os.path.abspath(path))
        if options is not None:
            return options, None
        header = csv_header(path)
        saved = saved_choices(settings(), header) if header else None
        return saved if saved is not None else (None, None)

    def _read(self, path: str) -> ReadReport:
        """The file read with the options chosen for it in the import dialog, if any."""
        options, _day = self.options_for(path)
        return read_timeline_report(path, format=self._format_for(path, options), options=options)

    def offer_import(self, path: str, exc: TimelineLoadError, options: dict | None) -> None:
        """Make ``exc`` open the import dialog instead (``exc.open_instead``) when ``path`` is a CSV
        whose columns need choosing and no choices are kept for them: for a file opened at once
        and one read in the background (:mod:`viewer.ui.opening`) alike.  No Qt: may run in a thread."""
        if options is None and csv_header(path) is not None \
                and any(p.message.startswith("no column for") for p in exc.problems):
            exc.open_instead = lambda: self.import_file(path)

    def _load(self, path: str) -> Timeline:
        options, day = self.options_for(path)
        self.note_read(path)
        try:
            report = read_timeline_report(path, format=self._format_for(path, options), options=options)
        except TimelineLoadError as exc:
            self.forget_read()
            self.offer_import(path, exc, options)
            raise
        self._pending, self._pending_skipped = report.problems, len(report.skipped)
        self._notes = list(report.notes)
        if day is not None:
            self._notes.insert(0, Problem(Path(path).name, "the column choices you made "
                                          + (f"on {day}" if day else "before") + " (File > Import… changes them)"))
        return report.timeline

    def _on_timeline_changed(self, _timeline: Timeline) -> None:
        if self.window.path != getattr(self, "_shown_path", None):  # not for an edit of the same file
            self._shown_path = self.window.path
            self._watch(self.window.path)
            # after the new lanes' first paint (not in the swap's freeze); a close before it still writes it
            # every file opened before that paint, in order, in one turn (one callable however many)
            self._to_remember.append(self.window.path)
            after_first_paint(self.window, self._remember_opened)
        self._read_from = {}  # the same file read again: watched all along, nothing to compare
        if self._pending or self._notes:
            self.show_load_problems(self._pending, self._notes, self._pending_skipped)
        elif self.banner.isVisible():
            self.banner.hide()
        self._pending, self._notes, self._pending_skipped = [], [], 0
        if self._changed_while_read:  # never the old content shown as the file without saying so
            self._changed_while_read = False
            self._say_changed_while_read()

    def show_load_problems(self, problems: list[Problem], notes: list[Problem] | None = None,
                           skipped: int = 0) -> None:
        """The amber banner listing rows or items the open file was loaded
        without (used on File > Open, reload and for the file named on the
        command line), then how the reader understood what it had to guess
        (``notes``: a column's role from its content, a two-digit year's
        century), then the one-line note naming the format's fields this viewer
        has no place for (:func:`viewer.io.problems.not_kept_note`, as
        ``validate`` says it); nothing is dropped silently.  With no row or
        field left out (what ``validate`` calls valid) the banner is a note's
        pale blue, not amber.  ``problems`` is
        ``ReadReport.problems``: its first ``skipped`` are rows or items left
        out whole, the rest fields not mapped (the banner names each:
        :func:`viewer.io.problems.loaded_without`)."""
        parts, whole = [], []
        name = Path(self.window.path).name
        in_window = self._chosen_in_window()
        # the format's fields with no place here (ACLED's data_id, iso, ...): validate's one-line note,
        # not a fault of the file (validate calls it valid), so not listed as problems one by one
        unkept = not_kept(problems[skipped:])
        problems = problems[:skipped] + [p for p in problems[skipped:] if p not in unkept]
        paths = sorted({p.file for p in [*problems, *(notes or [])] if p.file and p.file != name}, key=len,
                       reverse=True)
        for head, lines in ((f"{name}: {loaded_without(problems[:skipped], problems[skipped:])}:\n",
                             _problem_lines(problems) if problems else []),
                            (f"{name}: read as:\n", [p.message for p in notes or []])):
            if lines and in_window:  # the columns were chosen in the dialog: its way, not --map's
                lines = [_MAP_ADVICE.sub("(to load it, give it a role in File > Import…)", line) for line in lines]
            if lines:
                short, every = _cut(head, [_file_names(line, paths) for line in lines])
                parts.append(short)
                whole.append(_cut(head, lines)[1])  # Show all: the whole paths
        said = " ".join(p.message for p in [*problems, *(notes or [])])
        if parts and ("--map " in said or "--date-format" in said) and not in_window:
            # the command line's words: the window's way too, first (a long --map advice fills the banner's rows)
            parts.insert(0, IMPORT_INSTEAD)
            whole.append(IMPORT_INSTEAD)
        if unkept:
            parts.append(f"{name}: {not_kept_note(unkept)}")
            whole.append(f"{name}: {not_kept_note(unkept)}")
        if parts:  # a note's colour when validate would call the file valid: nothing was left out
            self.banner.show_message("\n".join(parts), error=False, details="\n".join(whole), note=not problems)

    def _chosen_in_window(self) -> bool:
        """True when the open file was read with columns chosen in File > Import… (in this
        session or saved from an earlier one), not with the command line's ``--map``: the
        banner then does not tell the user to do what they just did."""
        path = self.window.path
        if not path or os.path.abspath(path) in self.reader_formats:  # the command line's options
            return False
        return self.options_for(path)[0] is not None

    # -- drag and drop -----------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self._dropped_path(event) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            path = self._dropped_path(event)
            if path is not None:
                event.acceptProposedAction()
                self.window.open_file(path)
                return True
        return super().eventFilter(obj, event)

    @staticmethod
    def _dropped_path(event) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        return local[0] if local else None

    # -- live reload ---------------------------------------------------------
    def note_read(self, path: str) -> None:
        """An opening read of ``path`` starts now (File > Open, a large file's background
        reading): its identity (:func:`viewer.io.regular.file_identity`) is kept, and compared
        when the file is shown and watched from then on (:meth:`_watch`)."""
        self._read_from = {os.path.abspath(path): file_identity(path)}

    def forget_read(self) -> None:
        """The opening read noted last ended without its file shown (cancelled, failed): nothing
        to compare later (a write of our own to that path is no change seen late)."""
        self._read_from = {}

    def _watch(self, path: str) -> None:
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        self._missing_since = None
        if path and os.path.isfile(path):
            self.watcher.addPath(path)
            # the folder too: a file deleted and put back later is noticed
            self.watcher.addPath(os.path.dirname(os.path.abspath(path)))
        # a change while the file was read (before the watcher saw it: it watched the file shown
        # before) is a change all the same: what is shown is an older version, read again now
        key = os.path.abspath(path) if path else ""
        before = self._read_from.pop(key, ()) if key else ()
        self._read_from = {}
        if before != () and self.shown_as_read(path, before, say=False):
            self._changed_while_read = True  # said once the swap's banner is settled

    def shown_as_read(self, path: str, identity: tuple | None, say: bool = True) -> bool:
        """``path`` is shown (and watched) as read when its identity was ``identity``
        (:func:`viewer.io.regular.file_identity` when the read started).  If the file changed
        since (before the watcher watched it), it is read again as a live reload does, and
        with ``say`` the banner says so now.  True when it had changed."""
        if file_identity(path) == identity:
            return False
        if say:
            self._say_changed_while_read()
        self._changed()
        return True

    def _say_changed_while_read(self) -> None:
        self._notice(f"{Path(self.window.path).name} changed on disk while it was being read: "
                     "showing the version read; reading it again now.")

    def _on_file_changed(self, path: str) -> None:
        if path not in self.watcher.files() and os.path.isfile(path):
            self.watcher.addPath(path)  # replaced by rename: watch the new file
        self._changed()

    def _on_folder_changed(self, _folder: str) -> None:
        path = self.window.path
        if path and path not in self.watcher.files() and os.path.isfile(path):
            self.watcher.addPath(path)  # the file is back (or was renamed into place)
            self._changed()

    def _changed(self) -> None:
        """A change event: read RELOAD_DELAY_MS after the last one, and at
        least every RELOAD_MAX_WAIT_MS while they keep coming."""
        self._last_change = time.monotonic()
        self.reload_timer.start()
        if not self.max_wait_timer.isActive():
            self.max_wait_timer.start()

    def _reload_during_writes(self) -> None:
        authoring = getattr(self.window, "authoring", None)
        if authoring is not None and authoring.modified:
            return  # unsaved edits: the read after the last write asks about them first
        if self.reload_timer.isActive():  # changes are still coming: read what is there now
            self.reload(retry_if_partial=True)

    def reads_in_background(self) -> bool:
        """True when the open file is read again in the background (a large file, :mod:`viewer.ui.opening`)."""
        path = self.window.path
        return bool(path) and getattr(self.window, "opening", None) is not None and is_large(path)

    def reload(self, retry_if_partial: bool = False) -> bool:
        """Read the open file again, keeping the visible range and the selection.

        Returns True when the new content is shown (a large file: when its
        reading started in the background; it is shown when read, as here,
        unless the user cancels it or asks for another file); False when it is invalid
        (the banner names the problem, the last good timeline stays) or the
        file is missing (an editor between delete and rename: retried for
        :data:`MISSING_GRACE_MS`, then reported as deleted while its folder
        stays watched for its return).  With ``retry_if_partial`` (a read
        while writes continue) invalid content is not reported: the read
        after the last write decides.
        """
        window = self.window
        path = window.path
        if not path:
            return False
        if self.max_wait_timer.isActive() and not retry_if_partial:
            self.max_wait_timer.stop()
        if not os.path.isfile(path):
            now = time.monotonic()
            if self._missing_since is None:
                self._missing_since = now
            if (now - self._missing_since) * 1000 < MISSING_GRACE_MS:
                self.reload_timer.start()
            else:
                self.banner.show_message(f"{Path(path).name} was deleted; still showing the last version read. "
                                         "It will be read again if it comes back.", error=True)
            return False
        self._missing_since = None
        if path not in self.watcher.files():
            self.watcher.addPath(path)
        opening = getattr(window, "opening", None)
        if opening is not None and opening.pending() and not opening.reloading():
            return False  # another file asked for is being read: it replaces this one
        if opening is not None and self.reads_in_background():
            self._reload_in_background(path, retry_if_partial)
            return True
        if opening is not None and opening.reloading():
            opening.cancel()  # an older, larger version still being read: this one is newer
        try:
            report = self._read(path)
        except TimelineLoadError as exc:
            return self._reload_failed(path, exc, retry_if_partial)
        return self._reloaded(path, report)

    def _reload_failed(self, path: str, exc: Exception, retry_if_partial: bool) -> bool:
        """The changed file could not be read: the banner says why (not while writes go on); False."""
        if retry_if_partial:
            return False  # caught mid-write: the read after the last write decides
        problems = exc.problems if isinstance(exc, TimelineLoadError) else [Problem(Path(path).name, str(exc))]
        self.banner.show_message(*_cut(f"{Path(path).name} changed on disk but cannot be read; still showing "
                                       "the last good version.\n", _problem_lines(problems)), error=True)
        return False

    def _reloaded(self, path: str, report: ReadReport) -> bool:
        """Show ``report``, the open file read again, keeping the view (see :meth:`reload`); True."""
        window = self.window
        old_origin = window.timeline.columns.origin_epoch_s
        a, b = window.state.x_range
        selected = window.state.selected
        kept = kept_on_reload(window.state, window.timeline, report.timeline)
        self._pending, self._notes = report.problems, report.notes
        self._pending_skipped = len(report.skipped)
        window.set_timeline(report.timeline, path, kept=kept)
        new_origin = report.timeline.columns.origin_epoch_s
        window.view.set_x_range(a + old_origin - new_origin, b + old_origin - new_origin)
        shown = window.shown.timeline if hasattr(window, "shown") else report.timeline  # through the kept filters
        if selected is not None and shown.has_event(selected):
            window.view.restore_selection(selected)  # a collapsed lane stays collapsed
        if kept.dropped_dday is not None:
            self._notice(f"Relative axis (D-day) turned off: its reference {kept.dropped_dday!r} "
                         f"is no longer in {Path(path).name}.")
        return True

    def _reload_in_background(self, path: str, retry_if_partial: bool) -> None:
        """Read the large open file again in the background (:mod:`viewer.ui.opening`); on
        arrival it is shown as :meth:`reload` shows it, after asking about edits made meanwhile."""
        window = self.window
        options, _day = self.options_for(path)
        format = self._format_for(path, options)
        old, filters = window.timeline, window.state.filters
        name = Path(path).name

        def read() -> ReadReport:
            return read_timeline_report(path, format=format, options=options)

        def done(report: ReadReport, ahead: tuple) -> None:
            if window.path != path:
                return  # another timeline was put in its place meanwhile (File > New...)
            authoring = getattr(window, "authoring", None)
            if authoring is not None and not authoring.may_reload():
                return  # edited while it was read, and the edits kept
            offer_shown(window, ahead)
            self._reloaded(path, report)

        def dropped() -> None:
            authoring = getattr(window, "authoring", None)
            if authoring is not None:
                authoring.reload_dropped()  # the edits the user agreed to replace stay: asked again next time

        def failed(exc: Exception) -> None:
            dropped()
            self._reload_failed(path, exc, retry_if_partial)

        def cancelled() -> None:
            dropped()
            self._notice(f"{name} changed on disk; reloading it was cancelled: still showing the version "
                         "read before (it is read again when it changes next).")

        window.opening.start(path, Reading(
            "Reloading", read, lambda timeline: kept_filters(filters, old, timeline), done, failed, cancelled))

    def _notice(self, text: str) -> None:
        """Add a notice to the banner (under any notice already shown)."""
        if self.banner.isVisible() and not getattr(self.banner, "error", False):
            text = self.banner.label.text() + "\n" + text
        self.banner.show_message(text, error=False)


def install(window) -> None:
    """Add import/export, drag-and-drop, recent files and live reload to ``window``."""
    window.files = FileFeature(window)
