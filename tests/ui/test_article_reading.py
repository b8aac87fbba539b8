"""File > New from article… reads the article file off the GUI thread: a progress dialog with
Cancel, the dialog's buttons waiting for it, and a cancelled read leaving the text box alone."""

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QProgressDialog, QPushButton

from viewer.ui import article_dialog
from viewer.ui.article_dialog import ArticleDialog

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _slow_reader(monkeypatch, request):
    """read_article that waits for ``gate`` (opened at the test's end at the latest) and records
    the thread it ran on."""
    gate, seen = threading.Event(), {}
    request.addfinalizer(gate.set)
    real = article_dialog.read_article

    def slow(path):
        seen["thread"] = threading.current_thread()
        gate.wait(10)
        return real(path)

    monkeypatch.setattr(article_dialog, "read_article", slow)
    return gate, seen


def test_the_article_is_read_in_the_background_with_progress(qtbot, monkeypatch, request):
    gate, seen = _slow_reader(monkeypatch, request)
    dialog = ArticleDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.load_file(str(ARTICLES / "allied-resolve-2022.txt"))  # returns at once: the read started
    assert dialog.is_reading()
    # the window stays usable while it reads, but cannot make a draft of half a file
    assert not dialog.open_button.isEnabled()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    qtbot.waitUntil(lambda: any(p.isVisible() for p in dialog.findChildren(QProgressDialog)), timeout=3000)
    progress = next(p for p in dialog.findChildren(QProgressDialog) if p.isVisible())
    assert "Reading allied-resolve-2022.txt" in progress.labelText()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=5000)
    assert seen["thread"] is not threading.main_thread()
    assert "Allied Resolve" in dialog.text.toPlainText()
    assert dialog.file_label.text() == "allied-resolve-2022.txt"
    assert dialog.options()["article"] == "allied-resolve-2022.txt"
    assert dialog.open_button.isEnabled() and dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_cancel_leaves_the_text_as_it_was(qtbot, monkeypatch, request):
    gate, _seen = _slow_reader(monkeypatch, request)
    dialog = ArticleDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setPlainText("My own notes.")
    dialog.load_file(str(ARTICLES / "allied-resolve-2022.txt"))
    qtbot.waitUntil(lambda: any(p.isVisible() for p in dialog.findChildren(QProgressDialog)), timeout=3000)
    progress = next(p for p in dialog.findChildren(QProgressDialog) if p.isVisible())
    qtbot.mouseClick(next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel"),
                     Qt.MouseButton.LeftButton)
    assert not dialog.is_reading() and "cancelled" in dialog.error.text()
    assert dialog.open_button.isEnabled()
    gate.set()  # the read finishes unseen
    qtbot.wait(300)
    assert dialog.text.toPlainText() == "My own notes." and dialog.file_label.text() == ""


def test_a_bad_file_read_in_the_background_says_why(qtbot, tmp_path):
    dialog = ArticleDialog()
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\xff")
    dialog.load_file(str(bad))
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=5000)
    assert "bad.txt" in dialog.error.text() and "not UTF-8" in dialog.error.text()
    assert dialog.open_button.isEnabled()
