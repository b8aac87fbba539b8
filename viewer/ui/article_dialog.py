"""File > New from article…: paste an article or open one, get a draft timeline.

The dialog takes pasted text or a file (.txt, .html, .md; read with
:func:`viewer.ingest.extract.read_article` off the GUI thread, with a progress
dialog and Cancel, so HTML is reduced to its visible text), an optional
publication date and outlet.  Ingest runs off the GUI
thread with a progress dialog and Cancel; its result replaces the shown
timeline and the Review panel opens on the first draft, with the
publication date, how it was found and the unresolved phrases at its top.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
)

from ..ingest import ArticleError, PublishedError, ingest_text, parse_published
from ..ingest.extract import read_article

__all__ = ["ArticleDialog", "ArticleReadThread", "IngestThread", "install_menu", "open_draft"]


class ArticleReadThread(QThread):
    """Reads an article file (:func:`viewer.ingest.extract.read_article`) off the GUI thread.

    Signals
    -------
    sigDone(object)
        ``(thread, result)``: ``result`` is ``(text, meta_dates)`` or the exception raised.
    """

    sigDone = Signal(object)

    def __init__(self, path: str, parent=None) -> None:
        super().__init__(parent)
        self.path = path

    def run(self) -> None:  # noqa: D401 - Qt's name
        try:
            result: object = read_article(self.path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            result = exc
        self.sigDone.emit((self, result))


class IngestThread(QThread):
    """Runs :func:`viewer.ingest.ingest_text` off the GUI thread.

    Signals
    -------
    sigDone(object)
        The :class:`~viewer.ingest.IngestResult`, or the exception raised.
    """

    sigDone = Signal(object)  # IngestResult or Exception

    def __init__(self, text: str, kwargs: dict, parent=None) -> None:
        super().__init__(parent)
        self.text, self.kwargs = text, kwargs

    def run(self) -> None:  # noqa: D401 - Qt's name
        try:
            self.sigDone.emit(ingest_text(self.text, **self.kwargs))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            self.sigDone.emit(exc)


class ArticleDialog(QDialog):
    """Paste an article or open a file; optional publication date and outlet."""

    def __init__(self, parent=None, folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("New timeline from an article")
        self.folder = folder
        self.article_name = ""
        self.meta_dates: list[str] = []
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Paste the article's text, or open a file (.txt, .html, .md). Nothing leaves this "
                             "computer; every event made is a draft to review."))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("LONDON, Feb. 10, 2022 (Reuters) - …")
        self.text.setAccessibleName("Article text")
        self.text.textChanged.connect(self._edited)
        lay.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton("&Open file…")
        self.open_button.clicked.connect(self.open_file_dialog)
        row.addWidget(self.open_button)
        self.file_label = QLabel("")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is shown as typed
        row.addWidget(self.file_label, 1)
        lay.addLayout(row)
        form = QFormLayout()
        self.published = QLineEdit()
        self.published.setPlaceholderText("optional: 2022-02-10 or 10 February 2022 (else found or inferred)")
        self.outlet = QLineEdit()
        self.outlet.setPlaceholderText("optional: else from the dateline")
        form.addRow("&Published:", self.published)
        form.addRow("O&utlet:", self.outlet)
        lay.addLayout(form)
        self.error = QLabel("")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages name files and quote input
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Make draft")
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(720, 520)
        self._loading = False
        self._reading: ArticleReadThread | None = None  # the read whose result is awaited
        self._threads: list[ArticleReadThread] = []  # every read started (a cancelled one runs on): done() waits
        self._progress: QProgressDialog | None = None
        self.last_read_ok = False

    def _edited(self) -> None:
        if not self._loading:  # typed over a file's text: it is pasted text now
            self.article_name, self.meta_dates = "", []
            self.file_label.setText("")

    def open_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open article", self.folder,
                                              "Articles (*.txt *.html *.htm *.md *.markdown);;All files (*)")
        if path:
            self.load_file(path)

    def load_file(self, path: str, *, wait: bool = False) -> bool:
        """Read an article file into the box off the GUI thread, with a progress dialog and Cancel.

        While it reads, Open file… and Make draft are disabled.  When done its text
        replaces the box's (or the reason it cannot be read is shown); a cancelled or
        replaced read is ignored.  ``wait=True`` blocks until done (scripts and tests)
        and returns whether the file was read; else returns True once the read started.
        """
        self._cancel_read(say=False)
        self._threads = [t for t in self._threads if t.isRunning()]  # the finished ones go with the dialog
        thread = ArticleReadThread(path, self)
        thread.sigDone.connect(self._on_read)  # a bound method of the dialog: delivered on the GUI thread
        self._reading = thread
        self._threads.append(thread)
        progress = QProgressDialog(f"Reading {Path(path).name}…", "Cancel", 0, 0, self)
        progress.setWindowTitle("Open article")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)  # a small file is read before it would show
        progress.canceled.connect(self._cancel_read)
        progress.setValue(0)  # starts the minimum-duration clock: shown if the read takes longer
        self._progress = progress
        self._set_busy(True)
        self.error.setText("")
        self.last_read_ok = False
        thread.start()
        if wait:
            thread.wait()
            from PySide6.QtWidgets import QApplication

            QApplication.processEvents()  # deliver sigDone
            return self.last_read_ok
        return True

    def is_reading(self) -> bool:
        """True while an article file is being read (the dialog's buttons wait for it)."""
        return self._reading is not None

    def _set_busy(self, busy: bool) -> None:
        self.open_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.text.setReadOnly(busy)

    def _end_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.hide()
            self._progress.deleteLater()
            self._progress = None

    def _cancel_read(self, say: bool = True) -> None:
        """Stop waiting for the file being read (it finishes unseen); the box keeps its text."""
        if self._reading is None:
            return
        name = Path(self._reading.path).name
        self._reading = None
        self._end_progress()
        self._set_busy(False)
        if say:
            self.error.setText(f"Reading {name} was cancelled; the text above is unchanged.")

    def _on_read(self, payload: tuple[ArticleReadThread, tuple[str, list[str]] | Exception]) -> None:
        thread, result = payload
        if self._reading is None or thread is not self._reading:
            return  # cancelled, or another file asked for since
        self._reading = None
        self._end_progress()
        self._set_busy(False)
        if isinstance(result, Exception):
            message = str(result) if isinstance(result, ArticleError) else f"{type(result).__name__}: {result}"
            self.error.setText(message)
            return
        text, meta = result
        self._loading = True
        self.text.setPlainText(text)
        self._loading = False
        self.article_name, self.meta_dates = os.path.basename(thread.path), meta
        self.file_label.setText(Path(thread.path).name)
        self.error.setText("")
        self.last_read_ok = True

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        """Close the dialog; a read still running is waited for (never a thread left running)."""
        self._cancel_read(say=False)
        for thread in list(self._threads):
            thread.wait()
        super().done(result)

    def options(self) -> dict:
        """Keyword arguments of :func:`viewer.ingest.ingest_text`; raises PublishedError."""
        published = self.published.text().strip()
        return {"published": parse_published(published) if published else None,
                "outlet": self.outlet.text().strip(), "article": self.article_name, "meta_dates": self.meta_dates}

    def _check_and_accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.error.setText("Paste an article's text or open a file first.")
            return
        try:
            self.options()
        except PublishedError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


def open_draft(window, text: str, kwargs: dict, *, wait: bool = False) -> IngestThread:
    """Ingest ``text`` off the GUI thread (progress dialog, Cancel) and show the draft.

    ``wait=True`` blocks until done (scripts and tests).  Returns the thread.
    """
    thread = IngestThread(text, kwargs, window)
    progress = QProgressDialog("Reading the article…", "Cancel", 0, 0, window)
    progress.setWindowTitle("New from article")
    progress.setMinimumDuration(300)
    cancelled = {"yes": False}

    def cancel() -> None:
        cancelled["yes"] = True

    progress.canceled.connect(cancel)

    def done(result) -> None:
        progress.reset()
        progress.hide()
        if cancelled["yes"]:
            return
        if isinstance(result, Exception):
            window.show_error("Could not read the article", f"{type(result).__name__}: {result}")
            return
        show_result(window, result)

    thread.sigDone.connect(done)
    window.ingest_thread = thread  # kept alive while it runs
    thread.start()
    if wait:
        thread.wait()
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
    return thread


def show_result(window, result) -> None:
    """Show an :class:`~viewer.ingest.IngestResult` as the window's timeline, the Review panel open."""
    pub = result.publication
    notes = [f"Publication date: {pub.edtf or 'unknown'} ({pub.how}). {pub.basis}"]
    if result.unresolved:
        notes.append(f"Unresolved ({len(result.unresolved)}): " +
                     "; ".join(f"“{u.phrase}” ({u.reason})" for u in result.unresolved[:8]))
    if result.warnings:  # a quote opened and never closed: the article must be checked there
        notes.append(f"Warnings ({len(result.warnings)}): " + "; ".join(result.warnings[:8]))
    dock = getattr(window, "review_dock", None)
    if dock is not None:
        dock.notes = notes
    window.set_timeline(result.timeline, "")
    if dock is not None:
        dock.show()
        dock.raise_()
        dock.refresh()


def install_menu(window) -> None:
    """File > New from article… (Ctrl+Shift+N), before File > Open."""
    menu = window.menus["File"]

    def run() -> None:
        folder = str(Path(window.path).parent) if window.path else ""
        dialog = ArticleDialog(window, folder)
        window.article_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            open_draft(window, dialog.text.toPlainText(), dialog.options())

    action = window._action(menu, "Ne&w from article…", run, "Ctrl+Shift+N")
    first = menu.actions()[0] if menu.actions() else None
    if first is not None and first is not action:
        menu.removeAction(action)
        menu.insertAction(first, action)
