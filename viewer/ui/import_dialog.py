"""File > Import… for delimited files (CSV/TSV): preview, column roles, date format, report.

The dialog shows the first rows of the file under a row of drop-downs, one
per column, holding the role guessed for it (title, start, end, track,
summary, quote, speaker, source, URL, tags…, or *ignore*;
:func:`viewer.io.csvpreview.preview`).  The date format is guessed from the
start column; the line under it counts the rows whose start reads with the
format shown, and follows every change.  *Check all rows* reads the whole file
(off the GUI thread; pressed again, it cancels)
with the choices and lists what the command line would list (rows not
loaded, columns not mapped, how columns were read).  The choices are kept in
the settings per header layout (:func:`viewer.io.csvpreview.layout_key`), so
the next file of the same layout opens with them.  The options given to the
reader are the command line's ``--map FIELD=COLUMN`` and ``--date-format``.

Data text is shown as plain text everywhere (table cells, headers, report).
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..io.common import group_problems
from ..io.csvpreview import DATE_FORMATS, ROLES, count_dates, layout_key, preview
from ..io.registry import read_timeline_report
from ..model.errors import TimelineLoadError
from .form_field import wheel_scrolls_past

__all__ = ["ImportDialog", "IGNORE", "NO_FORMAT"]

IGNORE = "ignore"
NO_FORMAT = "ISO 8601 / EDTF / words (no format)"
_LIVE_ROWS = 2000  # rows counted live; the whole file is read by "Check all rows"
_ROLE_WORDS = {"sources": "source", "url": "URL"}


def report_lines(path: str, options: dict[str, Any]) -> list[str]:
    """What reading ``path`` as CSV with ``options`` gives, as the command
    line lists it: events and tracks, rows not loaded, fields not mapped or
    altered, how columns were read (groups of one kind on one line)."""
    try:
        report = read_timeline_report(path, format="csv", options=options)
    except TimelineLoadError as exc:
        return ["Nothing would load:"] + [f"  {line}" for line in group_problems(exc.problems)[:200]]
    n = len(report.timeline.tracks)
    lines = [f"{len(report.timeline.events):,} events would load on {n} track{'s' if n != 1 else ''}."]
    for title, problems in (("Rows not loaded", report.skipped), ("Not mapped or altered", report.warnings),
                            ("Read as", report.notes)):
        if problems:
            lines.append(f"{title} ({len(problems)}):")
            lines += [f"  {line}" for line in group_problems(problems)[:200]]
    return lines


def saved_choices(settings: QSettings, header: list[str]) -> tuple[dict[str, Any], str] | None:
    """The reader options chosen in the dialog for files of this header layout
    (``{"mapping": …, "date_format": …}``) and the day they were saved
    (``"2026-12-06"``; ``""`` for choices saved before days were kept), or
    None when none were saved (or they name no start column of this header)."""
    raw = settings.value(f"import/{layout_key(header)}", "")
    try:
        value = json.loads(raw) if isinstance(raw, str) and raw else None
    except ValueError:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("mapping"), dict):
        return None
    mapping = {f: c for f, c in value["mapping"].items() if f in ROLES and c in set(header)}
    if "start" not in mapping:
        return None
    options: dict[str, Any] = {"mapping": mapping}
    if isinstance(value.get("date_format"), str) and value["date_format"]:
        options["date_format"] = value["date_format"]
    saved = value.get("saved")
    return options, saved if isinstance(saved, str) else ""


_EMPTY_NAMED = 5
"""Rows with no start the count line names (then how many more)."""


def _empty_starts(rows: list, column: str) -> str:
    """``"; 1 row has no start date: row 12 (line 14) will not load"`` for the rows of
    ``rows`` (:class:`viewer.io.common.CsvRow`) whose ``column`` cell is empty, else ``""``:
    the count line's "14 of 14" says nothing of them, and the reader leaves them out."""
    empty = [r for r in rows if not r.values.get(column, "").strip()]
    if not empty:
        return ""
    named = ", ".join(f"{r.number} (line {r.line})" for r in empty[:_EMPTY_NAMED])
    more = f" and {len(empty) - _EMPTY_NAMED:,} more" if len(empty) > _EMPTY_NAMED else ""
    if len(empty) == 1:
        return f"; 1 row has no start date: row {named} will not load"
    return f"; {len(empty):,} rows have no start date: rows {named}{more} will not load"


class _CheckWorker(QThread):
    """Runs :func:`report_lines` off the GUI thread."""

    sigDone = Signal(object, object)  # (this worker, list of str)

    def __init__(self, path: str, options: dict[str, Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.options = path, options
        self.cancelled = False

    def run(self) -> None:  # noqa: D102
        lines = report_lines(self.path, self.options)
        if not self.cancelled:
            self.sigDone.emit(self, lines)


class ImportDialog(QDialog):
    """Choose how the columns of a delimited file are read.

    Parameters
    ----------
    path : str
        The CSV/TSV file.
    settings : QSettings
        Where the choices per header layout are kept (key ``import/<layout>``).

    Raises
    ------
    TimelineLoadError
        The file cannot be read as delimited text (raised before the dialog opens).
    """

    sigChecked = Signal(object)  # list of str: the report's lines, when a check is done

    def __init__(self, path: str, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.settings = settings
        self.preview = preview(path)
        self.key = f"import/{layout_key(self.preview.header)}"
        self.setWindowTitle(f"Import {os.path.basename(path)}")
        layout = QVBoxLayout(self)
        name = QLabel(f"{os.path.basename(path)}: {self.preview.total_rows:,} rows, "
                      f"{len(self.preview.header)} columns. Choose what each column holds.")
        name.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(name)

        header = self.preview.header
        self.table = QTableWidget(len(self.preview.rows) + 1, len(header), self)
        self.table.setHorizontalHeaderLabels(header)
        self.table.setVerticalHeaderLabels(["role"] + [str(r.line) for r in self.preview.rows])
        self.role_boxes: list[QComboBox] = []
        remembered = self._remembered()
        mapping = remembered.get("mapping", self.preview.mapping) if remembered else self.preview.mapping
        by_column = {col: fld for fld, col in mapping.items()}
        for index, column in enumerate(header):
            box = wheel_scrolls_past(QComboBox(self.table))  # scrolling the preview keeps the roles
            box.addItem(IGNORE, IGNORE)
            for role in ROLES:
                box.addItem(_ROLE_WORDS.get(role, role), role)
            box.setCurrentIndex(max(0, box.findData(by_column.get(column, IGNORE))))
            box.setAccessibleName(f"Role of column {column}")
            self.table.setCellWidget(0, index, box)
            self.role_boxes.append(box)
            for r, row in enumerate(self.preview.rows):
                item = QTableWidgetItem(row.values.get(column, "")[:200])
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r + 1, index, item)
        layout.addWidget(self.table)

        line = QHBoxLayout()
        line.addWidget(QLabel("Date format:"))
        self.format_box = QComboBox(self)
        self.format_box.setEditable(True)
        self.format_box.addItem(NO_FORMAT)
        for offered in DATE_FORMATS:
            self.format_box.addItem(offered)
        fmt = remembered.get("date_format") if remembered else self.preview.date_format
        self.format_box.setCurrentText(fmt if isinstance(fmt, str) and fmt else NO_FORMAT)
        self.format_box.setAccessibleName("Date format")
        self.format_box.currentTextChanged.connect(self._update_count)
        line.addWidget(self.format_box, 1)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setWordWrap(True)  # the rows with no start date, named after the count
        line.addWidget(self.count_label, 2)
        layout.addLayout(line)
        for box in self.role_boxes:
            box.currentIndexChanged.connect(self._role_changed)
        if self.preview.ambiguous and not fmt:
            warn = QLabel("The dates read as day/month and as month/day ("
                          + " or ".join(self.preview.ambiguous) + "): choose the order the file uses.")
            warn.setTextFormat(Qt.TextFormat.PlainText)
            warn.setWordWrap(True)
            layout.addWidget(warn)

        self.check_button = QPushButton("&Check all rows", self)
        self.check_button.clicked.connect(self.check)
        self._worker: _CheckWorker | None = None
        self._workers: list[_CheckWorker] = []  # cancelled ones too, waited for on close
        layout.addWidget(self.check_button)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setPlaceholderText("Check all rows to see what would not load.")
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self._update_count()

    # -- choices -----------------------------------------------------------
    def _remembered(self) -> dict:
        raw = self.settings.value(self.key, "")
        try:
            value = json.loads(raw) if isinstance(raw, str) and raw else {}
        except ValueError:
            return {}
        if not value or not isinstance(value, dict) or not isinstance(value.get("mapping", {}), dict):
            return {}
        known = set(self.preview.header)
        value["mapping"] = {f: c for f, c in value.get("mapping", {}).items() if f in ROLES and c in known}
        return value

    def mapping(self) -> dict[str, str]:
        """Role -> column as chosen (each role at most once: the leftmost column)."""
        out: dict[str, str] = {}
        for column, box in zip(self.preview.header, self.role_boxes, strict=True):
            role = box.currentData()
            if role != IGNORE and role not in out:
                out[role] = column
        return out

    def date_format(self) -> str | None:
        """The declared format, or None (ISO 8601/EDTF and words)."""
        text = self.format_box.currentText().strip()
        return None if not text or text == NO_FORMAT else text

    def options(self) -> dict:
        """Reader options: ``{"mapping": …, "date_format": …}`` (as ``--map`` and ``--date-format``)."""
        out: dict = {"mapping": self.mapping(), "guess_content": False}  # a role left empty is the user's choice
        if self.date_format():
            out["date_format"] = self.date_format()
        return out

    def _role_changed(self, _index: int) -> None:
        self._update_count()

    def _update_count(self, *_args) -> None:
        start = self.mapping().get("start")
        if not start:
            self.count_label.setText("No column is the start: choose one.")
            return
        rows = self.preview.all_rows[:_LIVE_ROWS]
        ok, filled = count_dates(rows, start, self.date_format())
        of = f" (of the first {len(rows):,})" if len(self.preview.all_rows) > len(rows) else ""
        self.count_label.setText(f"{ok:,} of {filled:,} start dates in '{start}' read{of}"
                                 + _empty_starts(rows, start))

    # -- report ------------------------------------------------------------
    def check(self) -> None:
        """Read the whole file with the choices off the GUI thread (*Check all
        rows*; pressed again while reading: cancel); the report is shown when
        done and ``sigChecked(lines)`` emitted."""
        if self._worker is not None:
            self._worker.cancelled = True  # its result is dropped
            self._worker = None
            self.check_button.setText("&Check all rows")
            self.report.setPlainText("Check cancelled.")
            return
        worker = _CheckWorker(self.path, self.options(), self)
        worker.sigDone.connect(self._checked)
        self._worker = worker
        self._workers = [w for w in self._workers if w.isRunning()] + [worker]
        self.check_button.setText("Reading all rows… (press to &cancel)")
        self.report.setPlainText(f"Reading {self.preview.total_rows:,} rows…")
        worker.start()

    def _checked(self, worker: _CheckWorker, lines: list[str]) -> None:
        if worker.cancelled or worker is not self._worker:
            return
        self._worker = None
        self.check_button.setText("&Check all rows")
        self.report.setPlainText("\n".join(lines))
        self.sigChecked.emit(lines)

    def done(self, result: int) -> None:  # noqa: D102 - checks still running are dropped
        for worker in self._workers:
            worker.cancelled = True
            worker.wait()
        self._worker, self._workers = None, []
        super().done(result)

    def accept(self) -> None:  # noqa: D102 - remembers the choices (and the day they were made)
        self.settings.setValue(self.key, json.dumps({"mapping": self.mapping(), "date_format": self.date_format(),
                                                     "saved": time.strftime("%Y-%m-%d")}))
        super().accept()
