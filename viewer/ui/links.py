"""Copy link / Copy citation (Edit menu) and keyboard zoom and pan (View menu).

* Copy link (Ctrl+Shift+L): ``FILE#EVENT_ID`` of the selected event, which
  ``timeline-viewer FILE#EVENT_ID`` opens again with that event selected.
* Copy citation (Ctrl+Shift+C): the selected event's quote with speaker,
  outlet and date (:mod:`viewer.model.citation`, Chicago style) as plain
  text and HTML on the clipboard.
* Zoom in / out: Ctrl+= (or Ctrl++) / Ctrl+-, about the view's centre;
  pan: Shift+← / Shift+→ by a fifth of the view (← / → step through events).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from ..model.citation import citation_html, citation_text, event_link
from ..model.viewstate import zoom_about
from .keys import standard_keys

__all__ = ["copy_link", "copy_citation", "zoom", "pan", "install"]


def copy_link(window) -> str | None:
    """Put ``FILE#EVENT_ID`` of the selection on the clipboard; returns it (None: nothing selected)."""
    eid = window.state.selected
    if eid is None:
        window.statusBar().showMessage("Select an event first", 4000)
        return None
    link = event_link(window.path or "bundled", eid)
    authoring = getattr(window, "authoring", None)
    if authoring is not None:
        authoring.provisional_ids.discard(eid)  # the link names it: the id stays as it is
    QGuiApplication.clipboard().setText(link)
    window.statusBar().showMessage(f"Copied link {link}", 6000)
    return link


def copy_citation(window) -> str | None:
    """Put the selected event's citation on the clipboard (plain text and HTML); returns the text."""
    eid = window.state.selected
    if eid is None or not window.timeline.has_event(eid):
        window.statusBar().showMessage("Select an event first", 4000)
        return None
    ev = window.timeline.event(eid)
    text = citation_text(ev, window.timeline)
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(citation_html(ev, window.timeline))
    QGuiApplication.clipboard().setMimeData(mime)
    window.statusBar().showMessage("Copied citation", 6000)
    return text


def zoom(window, factor: float) -> None:
    """Scale the visible time span by ``factor`` (< 1 zooms in) about its centre."""
    view = window.view
    a, b = view.x_range()
    na, nb = zoom_about(a, b, (a + b) / 2, factor, view.limits)
    view.set_x_range(na, nb)


def pan(window, fraction: float) -> None:
    """Move the view by ``fraction`` of its width (negative: earlier)."""
    view = window.view
    a, b = view.x_range()
    d = (b - a) * fraction
    view.set_x_range(a + d, b + d)


def install(window) -> None:
    """Add the Edit menu (copy link / citation) and zoom / pan actions to the View menu."""
    edit = window.menus.get("Edit")
    if edit is None:
        edit = QMenu("&Edit", window)
        window.menuBar().insertMenu(window.menus["Help"].menuAction(), edit)
    window.menus.setdefault("Edit", edit)
    view_menu = window.menus["View"]
    items = [
        (edit, "Copy &link (FILE#EVENT_ID)", [QKeySequence("Ctrl+Shift+L")], lambda: copy_link(window)),
        (edit, "Copy &citation", [QKeySequence("Ctrl+Shift+C")], lambda: copy_citation(window)),
        (view_menu, "Zoom in", standard_keys(QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"),
         lambda: zoom(window, 0.5)),
        (view_menu, "Zoom out", standard_keys(QKeySequence.StandardKey.ZoomOut, "Ctrl+-"), lambda: zoom(window, 2.0)),
        (view_menu, "Pan earlier", [QKeySequence("Shift+Left")], lambda: pan(window, -0.2)),
        (view_menu, "Pan later", [QKeySequence("Shift+Right")], lambda: pan(window, 0.2)),
    ]
    for menu, text, keys, slot in items:
        act = QAction(text, window)
        act.setShortcuts(keys)
        act.triggered.connect(slot)
        menu.addAction(act)
        window.addAction(act)
