"""Window feature: Help > User guide, the README's usage as a local page.

The guide is ``user-guide.md`` of the installed package (made from the
README by ``tools/build_user_guide.py``), rendered by Qt's own Markdown
support in a ``QTextBrowser``: offline, nothing is fetched, links to other
files or the web are not followed (their address is shown instead).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

__all__ = ["install", "guide_markdown", "GuideDialog"]


def guide_markdown() -> str:
    """The packaged user guide (Markdown text)."""
    return (resources.files("viewer.resources") / "user-guide.md").read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The user guide in a window of its own (not modal: the timeline stays usable beside it)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("User guide — Timeline Viewer")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # offline: no link is ever followed
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(lambda url: self.browser.setToolTip(url.toString()))
        self.browser.setMarkdown(guide_markdown())
        self.browser.setAccessibleName("User guide")
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        screen = parent.screen().availableGeometry() if parent is not None and parent.screen() else None
        w, h = 900, 700
        if screen is not None:
            w, h = min(w, screen.width() - 40), min(h, screen.height() - 40)
        self.resize(max(300, w), max(200, h))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)


def show_guide(window) -> GuideDialog:
    """Open (or raise) the user guide; kept as ``window.guide``."""
    dialog = getattr(window, "guide", None)
    if dialog is None:
        dialog = GuideDialog(window)
        window.guide = dialog
    dialog.show()
    dialog.raise_()
    return dialog


def install(window) -> None:
    """Add Help > User guide."""
    act = QAction("&User guide", window)
    act.triggered.connect(lambda: show_guide(window))
    window.menus["Help"].addAction(act)
    window.guide_action = act
