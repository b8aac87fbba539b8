"""Keyboard and screen-reader access to the main window.

Installed last among the window's features (:mod:`viewer.ui.features`):

* **Tab order**: search field, its ◀ ▶ buttons, time zone, timeline,
  overview strip, detail pane, the side tabs' bar, then the current tab's
  controls (event list; or the Filters controls top to bottom), and round
  again.  Shift+Tab goes back.  :func:`focus_chain` lists it.
* **Visible focus**: the custom-painted views (timeline, overview) draw a
  :data:`FOCUS_RING_PX` ring in :data:`FOCUS_RING_COLOUR` while they have the
  keyboard and it is in use (:class:`FocusRingMixin`, the ``:focus-visible``
  rule: not after a mouse click); standard widgets keep the style's own
  focus frame (no style sheet of the window removes it).
* **Names**: the timeline is named "Timeline: N events on M tracks" (the
  shown timeline); its accessible description, and the detail pane's, is a
  sentence about the selected event (:func:`~viewer.ui.detail_pane.event_sentence`),
  and a ``DescriptionChanged`` accessibility event is sent for both so a
  screen reader announces the new selection.
* **Mnemonics**: every menu entry without a keyboard shortcut gets an
  Alt-letter mnemonic, unique in its menu (:func:`ensure_mnemonics`), as
  KDE's accelerator manager does; Help > Keyboard shortcuts (F1) lists the keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAction, QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ..model.timeline import Timeline
from .detail_pane import event_sentence

__all__ = ["FOCUS_RING_PX", "FOCUS_RING_COLOUR", "KEYBOARD_FOCUS_REASONS", "FocusRingMixin", "paint_focus_ring",
           "timeline_name", "focus_chain", "ensure_mnemonics", "announce", "KEYS_HELP", "install"]

FOCUS_RING_PX = 3
"""Width of the focus ring of custom-painted views (device-independent pixels)."""

FOCUS_RING_COLOUR = "#0b57d0"
"""Focus ring colour: a deep blue, 6.6:1 against white and 6.1:1 against the
overview's #f4f5f7 (WCAG 2.2 asks 3:1 for focus indicators)."""


def paint_focus_ring(widget: QWidget, colour: QColor | str = FOCUS_RING_COLOUR,
                     width: int = FOCUS_RING_PX) -> None:
    """Draw a ``width`` px ring just inside ``widget``'s rectangle.

    Call at the end of the paint event of ``widget`` (for a scroll area or
    graphics view, of its viewport).
    """
    p = QPainter(widget)
    try:
        pen = QPen(QColor(colour))
        pen.setWidth(width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2
        p.drawRect(QRectF(widget.rect()).adjusted(half, half, -half, -half))
    finally:
        p.end()


#: Focus reasons that come from the keyboard: the ring is shown for these.
KEYBOARD_FOCUS_REASONS = frozenset({Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                                    Qt.FocusReason.ShortcutFocusReason})


class FocusRingMixin:
    """For a ``QGraphicsView`` (pyqtgraph ``PlotWidget``): a ring while it has
    the keyboard and the keyboard is being used.

    The rule is the web's ``:focus-visible`` (CSS Selectors Level 4, as
    browsers apply it): the ring shows when focus arrives by Tab, Shift+Tab
    or a shortcut, or when a key is pressed in the view; a mouse press hides
    it again.  So a briefer who clicks and drags, or a ``--screenshot`` of a
    window that was merely opened, has no blue frame around the timeline,
    while a keyboard user always sees where the keys go.

    Put first among the bases.  The colour is the instance's
    ``focus_ring_colour`` (default :data:`FOCUS_RING_COLOUR`).
    """

    focus_ring_colour: str = FOCUS_RING_COLOUR
    _focus_visible: bool = False

    @property
    def focus_ring_shown(self) -> bool:
        """True while the ring is drawn: focused, and the keyboard was the last input."""
        return self._focus_visible and self.hasFocus()  # type: ignore[attr-defined]

    def _set_focus_visible(self, on: bool) -> None:
        if on != self._focus_visible:
            self._focus_visible = on
            self.viewport().update()  # type: ignore[attr-defined]

    def paintEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(ev)  # type: ignore[misc]
        if self.focus_ring_shown:
            paint_focus_ring(self.viewport(), self.focus_ring_colour)  # type: ignore[attr-defined]

    def focusInEvent(self, ev) -> None:  # noqa: N802
        super().focusInEvent(ev)  # type: ignore[misc]
        self._focus_visible = ev.reason() in KEYBOARD_FOCUS_REASONS
        self.viewport().update()  # type: ignore[attr-defined]

    def focusOutEvent(self, ev) -> None:  # noqa: N802
        super().focusOutEvent(ev)  # type: ignore[misc]
        self.viewport().update()  # type: ignore[attr-defined]

    def event(self, ev) -> bool:  # keys reach the view's own keyPressEvent after this
        if ev.type() == QEvent.Type.KeyPress:
            self._set_focus_visible(True)
        return super().event(ev)  # type: ignore[misc]

    def viewportEvent(self, ev) -> bool:  # noqa: N802 (Qt name; mouse presses arrive here)
        if ev.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._set_focus_visible(False)
        return super().viewportEvent(ev)  # type: ignore[misc]


def timeline_name(timeline: Timeline) -> str:
    """The timeline widget's accessible name: ``"Timeline: 16 events on 7 tracks"``."""
    n, m = len(timeline.events), len(timeline.tracks)
    return f"Timeline: {n} event{'s' if n != 1 else ''} on {m} track{'s' if m != 1 else ''}"


def announce(widget: QWidget, description: str) -> None:
    """Set ``widget``'s accessible description and tell assistive technology
    (a ``DescriptionChanged`` event; Qt sends nothing when the text is unchanged)."""
    widget.setAccessibleDescription(description)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))


def focus_chain(window) -> list[QWidget]:
    """The window's Tab order (the widgets that exist; hidden ones are skipped by Qt)."""
    chain: list[QWidget] = []
    bar = getattr(window, "search_bar", None)
    if bar is not None:
        chain += [bar.field, bar.prev_button, bar.next_button]
    if getattr(window, "zone_picker", None) is not None:
        chain.append(window.zone_picker)
    chain.append(window.view)
    if getattr(window, "overview", None) is not None:
        chain.append(window.overview)
    chain.append(window.details)
    tabs = getattr(window, "side_tabs", None)
    if tabs is not None:
        chain.append(tabs)  # its focus proxy, the tab bar, takes the keyboard
        if getattr(window, "event_list", None) is not None:
            chain.append(window.event_list)
        panel = getattr(window, "filter_panel", None)
        if panel is not None:
            chain += [panel.reset_button, panel.tracks, *panel.move_buttons, *panel.facet_lists.values(),
                      panel.range_on, panel.range_from, panel.range_to]
    return chain


def ensure_mnemonics(menu: QMenu) -> None:
    """Give each entry of ``menu`` (and its submenus) that has neither a
    shortcut nor a mnemonic an ``&`` before a letter no other entry uses.

    The first letter of a word is preferred, then any letter; an entry whose
    letters are all taken keeps its text.  Menus with the dynamic property
    ``"no_mnemonics"`` (e.g. recent files, whose text is a path) are left alone.
    """
    if menu.property("no_mnemonics"):
        return
    actions = [a for a in menu.actions() if not a.isSeparator()]
    taken = {_mnemonic(a.text()) for a in actions} - {None}
    for act in actions:
        sub = act.menu()
        if isinstance(sub, QMenu):
            ensure_mnemonics(sub)
        text = act.text()
        if _mnemonic(text) is not None or (not act.shortcut().isEmpty() and act.menu() is None):
            continue
        label, tab, rest = text.partition("\t")
        starts = [i for i, c in enumerate(label) if c.isalpha() and (i == 0 or not label[i - 1].isalnum())]
        for i in starts + [i for i, c in enumerate(label) if c.isalpha()]:
            if label[i].lower() not in taken:
                taken.add(label[i].lower())
                act.setText(label[:i].replace("&", "&&") + "&" + label[i:].replace("&", "&&") + tab + rest)
                break


def _mnemonic(text: str) -> str | None:
    label = text.split("\t")[0]
    i = 0
    while i < len(label) - 1:
        if label[i] == "&":
            if label[i + 1] != "&":
                return label[i + 1].lower()
            i += 1
        i += 1
    return None


KEYS_HELP = """<table cellpadding='2'>
<tr><td><b>Tab / Shift+Tab</b></td><td>next / previous control: search, time zone, timeline, overview,
details, Events / Filters tabs</td></tr>
<tr><td><b>← / →</b></td><td>timeline: previous / next event · overview: pan</td></tr>
<tr><td><b>Shift+← / Shift+→</b></td><td>pan by a fifth of the view</td></tr>
<tr><td><b>Ctrl+= / Ctrl+-</b></td><td>zoom in / out (overview: + / -)</td></tr>
<tr><td><b>Home, Ctrl+0</b></td><td>fit everything, initial view</td></tr>
<tr><td><b>Esc</b></td><td>clear the selection</td></tr>
<tr><td><b>Ctrl+F, Enter / F3, Shift+Enter / Shift+F3</b></td><td>search, next / previous match</td></tr>
<tr><td><b>F6 / F7</b></td><td>Events / Filters tab</td></tr>
<tr><td><b>Ctrl+Shift+L / Ctrl+Shift+C</b></td><td>copy link / citation</td></tr>
<tr><td><b>F5</b></td><td>present</td></tr>
<tr><td><b>Ctrl+Z / Ctrl+Shift+Z</b></td><td>undo / redo (the Edit menu names the change)</td></tr>
<tr><td><b>Ctrl+N / Ctrl+S / Ctrl+Shift+S</b></td><td>new timeline / save / save as</td></tr>
<tr><td><b>Delete</b></td><td>delete the selected event</td></tr>
<tr><td><b>double-click in a lane</b></td><td>add an event there; drag the selected event to move it</td></tr>
<tr><td><b>Alt+letter</b></td><td>menus (underlined letters)</td></tr>
</table>"""
"""What Help > Keyboard shortcuts shows (the README's keys table, shortened)."""


def install(window) -> None:
    """Tab order, names and announcements, menu mnemonics and Help > Keyboard shortcuts."""
    view, details = window.view, window.details
    window.last_announcement = ""

    def name_timeline(tl: Timeline) -> None:
        view.setAccessibleName(timeline_name(tl))

    def on_selection() -> None:
        shown = getattr(window, "shown", None)
        tl = shown.timeline if shown is not None else window.timeline
        eid = window.state.selected
        if eid is not None and tl.has_event(eid):
            text = "Selected: " + event_sentence(tl.event(eid), tl, window.state.display_zone)
        else:
            text = "No event selected"
        if text != window.last_announcement:
            window.last_announcement = text
            announce(view, text)
            announce(details, text)

    def on_state(_state, changed: set[str]) -> None:
        if changed & {"selected", "display_zone"}:
            on_selection()

    def on_shown(tl) -> None:
        name_timeline(tl)
        on_selection()

    shown = getattr(window, "shown", None)
    if shown is not None:
        shown.sigShownChanged.connect(on_shown)
        name_timeline(shown.timeline)
    else:
        window.sigTimelineChanged.connect(name_timeline)
        name_timeline(window.timeline)
    window.state.subscribe(on_state)
    on_selection()

    chain = focus_chain(window)
    for a, b in zip(chain, chain[1:]):
        QWidget.setTabOrder(a, b)
    if getattr(window, "filter_panel", None) is not None:
        # no stop of its own: the scroll area follows its focused child
        window.filter_panel.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    help_menu = window.menus["Help"]
    act = QAction("&Keyboard shortcuts", window)
    act.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    if act.shortcut().isEmpty():
        act.setShortcut(QKeySequence("F1"))
    act.triggered.connect(lambda: _show_keys(window))
    help_menu.addAction(act)
    window.addAction(act)
    if getattr(window, "files", None) is not None:
        window.files.recent_menu.setProperty("no_mnemonics", True)
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            ensure_mnemonics(menu)
            menu.aboutToShow.connect(lambda m=menu: ensure_mnemonics(m))


def _show_keys(window) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts", KEYS_HELP, QMessageBox.StandardButton.Close,
                      window)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setAccessibleName("Keyboard shortcuts")
    box.open()
    window.keys_help = box
    return box
