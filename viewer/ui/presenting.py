"""Window feature: View > Present (F5), the screen picker and the presenter screen.

``install(window)`` adds View > Present (F5) and View > Presentation theme.
Presenting shows the window's current story (``window.story_index`` into
:func:`~viewer.model.story.stories_of`, set by the story editor) full screen:

* one screen: the presentation fills it; P toggles the presenter overlay;
* two or more: a picker asks which screen the audience sees (the choice of
  :func:`~viewer.model.presentation.choose_screens` preselected); the
  presenter window (current and next step, note, elapsed time, clock) fills
  another.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QVBoxLayout, QWidget

from ..model.presentation import choose_screens
from ..model.story import Story, stories_of
from .present import PresenterPanel, PresentWindow, screen_infos
from .screenshots import write_png

__all__ = ["install", "start_presenting", "current_story", "save_present_screenshot", "PresenterWindow",
           "export_pdf_to", "export_frames_to"]


def current_story(window) -> Story:
    """The story the window would present: ``stories_of(timeline)[window.story_index]``."""
    stories = stories_of(window.timeline)
    index = getattr(window, "story_index", 0)
    return stories[index if 0 <= index < len(stories) else 0]


def _desk_dday(window, story: Story) -> str | None:
    """The D-day a presentation shows: the story's own, else the desk view's (F5 keeps it)."""
    return story.dday or window.state.dday


class PresenterWindow(QWidget):
    """The presenter's own screen: a large :class:`PresenterPanel` that follows the presentation."""

    def __init__(self, present: PresentWindow, px: int) -> None:
        super().__init__()
        self.setWindowTitle("Presenter — Timeline Viewer")
        self.setStyleSheet("background: #0b0d10;")
        layout = QVBoxLayout(self)
        self.panel = PresenterPanel(present.presentation, present.timeline, present.started, px, self)
        layout.addWidget(self.panel)
        self.panel.follow_caption(present.caption)
        layout.addStretch(1)
        self.present = present
        present.sigClosed.connect(self.close)

    def keyPressEvent(self, ev) -> None:  # noqa: N802
        # the presenter may drive the presentation from their own screen too
        self.present.keyPressEvent(ev)


def _pick_audience_screen(window, infos) -> int | None:
    """Ask which screen the audience sees; None when cancelled."""
    suggested, _ = choose_screens(infos)
    items = [f"{i + 1}: {s.name} {s.width}×{s.height}{' (primary)' if s.primary else ''}"
             for i, s in enumerate(infos)]
    item, ok = QInputDialog.getItem(window, "Present", "Screen the audience sees:", items, suggested, False)
    return items.index(item) if ok else None


def start_presenting(window, story: Story | None = None, theme: str | None = None) -> PresentWindow | None:
    """Present ``story`` (default: the window's current one) full screen.

    Returns the presentation window (kept as ``window.present_window``), or
    None when the user cancelled the screen picker.
    """
    story = story or current_story(window)
    theme_name = theme or str(getattr(window, "present_theme", "dark"))
    infos = screen_infos()
    screens = QGuiApplication.screens()
    chosen = _pick_audience_screen(window, infos) if len(infos) > 1 else None
    if len(infos) > 1 and chosen is None:
        return None
    audience, presenter = choose_screens(infos, chosen) if infos else (0, None)
    present = PresentWindow(window.timeline, story, theme_name, dday=_desk_dday(window, story),
                            zone=window.state.display_zone)  # F5 keeps the desk's zone
    if screens:
        present.setScreen(screens[audience])
        present.setGeometry(screens[audience].geometry())
    present.showFullScreen()
    present.activateWindow()
    present.setFocus()
    window.present_window = present
    if presenter is not None and screens:
        pw = PresenterWindow(present, max(16, screens[presenter].size().height() // 30))
        pw.setScreen(screens[presenter])
        pw.setGeometry(screens[presenter].availableGeometry())
        pw.showMaximized()
        window.presenter_window = pw
    return present


def save_present_screenshot(window, out: str, size: tuple[int, int], step: int = 1,
                            theme: str = "dark", overlay: bool = False) -> bool:
    """Render the presentation of the window's story at ``size`` to the PNG ``out``.

    ``step`` is 1-based.  Returns False (with a message on stderr) when the
    step does not exist or the file cannot be written.
    """
    story = current_story(window)
    if not 1 <= step <= max(1, len(story.steps)):
        print(f"timeline-viewer: the story {story.title!r} has no step {step} (it has {len(story.steps)})",
              file=sys.stderr)
        return False
    present = PresentWindow(window.timeline, story, theme, animation_ms=0, dday=_desk_dday(window, story),
                            zone=window.state.display_zone)
    present.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    present.resize(*size)
    present.show()
    QApplication.processEvents()
    present.presentation.go_to(step - 1)
    if overlay:
        present.toggle_presenter_overlay()
    for _ in range(3):
        QApplication.processEvents()
    image = present.grab().toImage()
    present.close()
    return write_png(image, out)


def _folder(window) -> str:
    return str(Path(window.path).parent) if getattr(window, "path", "") else ""


def export_pdf_to(window, path: str) -> bool:
    """Write the window's current story as a PDF deck to ``path``; errors go to a dialog."""
    from .handout import export_pdf

    try:
        pages = export_pdf(window.timeline, current_story(window), path)
    except OSError as exc:
        window.show_error("Could not export the PDF deck", f"{path}: {exc}")
        return False
    window.statusBar().showMessage(f"Wrote {pages} pages to {path}", 8000)
    return True


def export_frames_to(window, folder: str) -> bool:
    """Write the window's current story as PNG frames into ``folder``; errors go to a dialog."""
    from .handout import export_png_frames

    try:
        written = export_png_frames(window.timeline, current_story(window), folder,
                                    theme=getattr(window, "present_theme", "dark"))
    except OSError as exc:
        window.show_error("Could not export the PNG frames", f"{folder}: {exc}")
        return False
    window.statusBar().showMessage(f"Wrote {len(written)} frames to {folder}", 8000)
    return True


def _ask_pdf(window) -> None:
    path, _ = QFileDialog.getSaveFileName(window, "Export story as PDF deck", _folder(window), "PDF (*.pdf)")
    if path:
        export_pdf_to(window, path if path.lower().endswith(".pdf") else path + ".pdf")


def _ask_frames(window) -> None:
    folder = QFileDialog.getExistingDirectory(window, "Export story as PNG frames into", _folder(window))
    if folder:
        export_frames_to(window, folder)


def install(window) -> None:
    """Add View > Present (F5), View > Presentation theme and File > Export to the main window."""
    window.story_index = getattr(window, "story_index", 0)
    window.present_theme = "dark"
    menu = window.menus["View"]
    menu.addSeparator()
    act = QAction("Present\tF5", window)
    act.setShortcut(QKeySequence("F5"))
    act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    act.triggered.connect(lambda: start_presenting(window))
    menu.addAction(act)
    window.addAction(act)
    window.present_action = act
    themes = menu.addMenu("Presentation theme")
    group = QActionGroup(window)
    for name in ("dark", "light"):
        a = QAction(f"{name.capitalize()} (high contrast)", window, checkable=True)
        a.setChecked(name == "dark")
        a.triggered.connect(lambda _=False, n=name: setattr(window, "present_theme", n))
        group.addAction(a)
        themes.addAction(a)
    file_menu = window.menus["File"]
    first = file_menu.actions()[0] if file_menu.actions() else None
    for text, slot in (("Export story as PDF deck…", lambda: _ask_pdf(window)),
                       ("Export story as PNG frames…", lambda: _ask_frames(window))):
        a = QAction(text, window)
        a.triggered.connect(slot)
        if first is not None and len(file_menu.actions()) > 1:
            file_menu.insertAction(file_menu.actions()[-2], a)  # above the separator before Quit
        else:
            file_menu.addAction(a)
