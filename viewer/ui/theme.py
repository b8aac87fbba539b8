"""Window feature: light or dark desk colours, following the desktop (View > Colours).

A dark desktop (``QStyleHints.colorScheme()`` is Dark, or, before Qt 6.5 or
where the platform does not say, a dark ``QPalette.Window``) gets the
timeline's dark style (:meth:`~viewer.graphics.style.TimelineStyle.dark_desk`)
and light text in the title, legend, detail pane and overview; a light one
the light style.  View > Colours can force either.  Every text is at least
4.5:1 against its background in both (WCAG 2.2 AA; ``tests/ui/test_theme.py``
measures the rendered window).  The choice follows the desktop live
(``colorSchemeChanged``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette

__all__ = ["install", "system_is_dark", "apply_theme", "DESK_COLOURS"]

DESK_COLOURS = {
    False: {"text": "#1b1f24", "muted": "#3d4450", "window": "#f3f4f6", "base": "#ffffff",
            "overview": "#f4f5f7", "overview_fill": (244, 245, 247, 230)},
    True: {"text": "#eef1f4", "muted": "#b8c0ca", "window": "#202329", "base": "#15181d",
           "overview": "#1b1e24", "overview_fill": (27, 30, 36, 230)},
}
"""Desk colours (``#rrggbb``) for light (False) and dark (True)."""

_DETAIL_DARK = {"#1b1f24": "#eef1f4", "#4a5260": "#c3cad3", "#5b6270": "#aab2bd"}
"""The detail pane's style sheet colours on a dark background (all >= 4.5:1 on #15181d)."""


def system_is_dark() -> bool:
    """True when the desktop asks for dark colours."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _palette(dark: bool) -> QPalette:
    """A palette for the window's own widgets (lists, tabs, menus) in the desk colours."""
    c = DESK_COLOURS[dark]
    pal = QPalette(QGuiApplication.palette())
    if dark == system_is_dark():
        return pal  # the desktop's own palette already fits
    text, window, base = QColor(c["text"]), QColor(c["window"]), QColor(c["base"])
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, window),
                         (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
                         (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, base),
                         (QPalette.ColorRole.ToolTipText, text),
                         (QPalette.ColorRole.PlaceholderText, QColor(c["muted"]))):
        pal.setColor(role, colour)
    return pal


def apply_theme(window, dark: bool) -> None:
    """Give ``window`` the light or dark desk colours (timeline, title, legend, detail pane, overview)."""
    c = DESK_COLOURS[dark]
    window.desk_dark = dark
    window.setPalette(_palette(dark))
    window.header.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {c['text']};")
    fit = getattr(window, "_fit_header", None)
    if fit is not None:  # the size the title fits at (viewer.ui.legend.set_header_text), not always 20 pt
        fit()
    window.legend.setStyleSheet(f"color: {c['text']}; font-size: 13pt; padding: 2px 4px;")
    window.view.set_dark(dark)
    details = window.details
    details.colour_map = dict(_DETAIL_DARK) if dark else {}
    pal = details.palette()
    pal.setColor(QPalette.ColorRole.Base, QColor(c["base"]))
    pal.setColor(QPalette.ColorRole.Text, QColor(c["text"]))
    details.setPalette(pal)
    details._show()
    overview = getattr(window, "overview", None)
    if overview is not None:
        overview.setBackground(c["overview"])
        for item in getattr(overview, "beyond", ()):
            item.setColor(QColor(c["text"]))
            item.fill.setColor(QColor(*c["overview_fill"]))
        overview.beyond_colours = (c["text"], c["overview_fill"])
    bar = getattr(window, "search_bar", None)
    if bar is not None and hasattr(bar, "count"):
        bar.count.setStyleSheet(f"padding: 0 8px; color: {c['muted']};")


def install(window) -> None:
    """Follow the desktop's colours, and add View > Colours (Follow the desktop, Light, Dark)."""
    menu = window.menus["View"].addMenu("Colo&urs")
    group = QActionGroup(window)
    window.colour_choice = "system"

    def choose(name: str) -> None:
        window.colour_choice = name
        apply_theme(window, system_is_dark() if name == "system" else name == "dark")

    for name, text in (("system", "Follow the desktop"), ("light", "Light"), ("dark", "Dark")):
        act = QAction(text, window, checkable=True)
        act.setChecked(name == "system")
        act.triggered.connect(lambda _=False, n=name: choose(n))
        group.addAction(act)
        menu.addAction(act)
    window.colour_actions = {a.text(): a for a in group.actions()}
    hints = QGuiApplication.styleHints()
    def follow(*_args: object) -> None:
        if window.colour_choice == "system":
            choose("system")

    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(follow)
    choose("system")
