"""Editing on the canvas: double-click to add, drag to move or resize, Delete.

* Double-click on empty space in a lane adds an event on that track, dated
  to the unit the axis shows there (a day at day zoom: ``2022-02-10``, not a
  made-up minute; :func:`~viewer.model.date_edit.date_at`), selects it and
  opens the Edit tab on its title.  Double-click on an event opens the Edit
  tab; anywhere else (axis, labels, below the lanes) it still fits everything.
* Drag the *selected* event: from its middle it moves; from either end of a
  span or band it changes that end.  The move snaps to the axis unit, and each
  date moves by whole units of its own precision, keeping its qualifiers; at
  year or month zoom a finer date moves by whole calendar years or months,
  keeping its day and clock time (:func:`~viewer.model.date_edit.shift_date`); the source's words
  (its phrase) stop being its support when they no longer give the new day, kept in a note
  "Moved by hand on …; the source said: …" (Undo restores them).  While the mouse drags, a
  ghost of the marker or bar shows where it will land (snapped); the command
  is pushed on release; Esc cancels the drag.  Dragging anything else pans.
* Delete (Edit > Delete event) removes the selected event.

Every change is one undoable command through ``window.authoring``.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QToolTip

from ..model import commands as C
from ..model.date_edit import date_at, hand_edit_from, shift_date, snap
from ..model.dates import EventDate
from ..model.errors import DateError
from ..model.ticks import choose_tick_spec
from ..model.timeline import Event
from ..model.zones import offset_at

__all__ = ["CanvasEditing", "install", "EDGE_PX"]

EDGE_PX = 6.0
"""A drag starting this close (pixels) to a span's end changes that end."""


class CanvasEditing(QObject):
    """The canvas gestures of one window (``window.canvas_edit``)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.view.double_click_handler = self.double_click
        self.view._vb.drag_handler = self
        self._drag: tuple[str, str, float] | None = None  # (event id, "move" | "start" | "end", x at press)
        self.last_message = ""
        self.delete_action = QAction("&Delete event", window)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.view.addAction(self.delete_action)
        edit_menu = window.menus.get("Edit")
        if edit_menu is not None:
            edit_menu.addAction(self.delete_action)
        # the ghost: where the dragged marker or bar will land (view coordinates)
        self.ghost = QGraphicsRectItem()
        self.ghost.setZValue(50)
        self.ghost.setPen(QPen(QColor(30, 90, 200, 230), 0, Qt.PenStyle.DashLine))
        self.ghost.setBrush(QBrush(QColor(30, 90, 200, 70)))
        self.ghost.hide()
        self.view.installEventFilter(self)  # Esc cancels a drag
        # an empty timeline says how to start (hidden as soon as there is an event)
        self.empty_hint = QLabel(EMPTY_HINT, self.view)
        self.empty_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_hint.setStyleSheet("color: palette(mid); font-size: 14pt;")
        window.sigTimelineChanged.connect(self._update_hint)
        window.sigTimelineEdited.connect(lambda t, _ids: self._update_hint(t))
        self._update_hint(self.view.timeline)

    def _update_hint(self, timeline) -> None:
        empty = len(timeline.columns.ids) == 0
        self.empty_hint.setVisible(empty)
        if empty:
            self._place_hint()

    def _place_hint(self) -> None:
        w, h = self.view.width(), self.view.height()
        self.empty_hint.setGeometry(int(w * 0.15), int(h * 0.3), int(w * 0.7), int(h * 0.2))
        self.empty_hint.raise_()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize and self.empty_hint.isVisible():
            self._place_hint()
        if self._drag is None or event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                or event.key() != Qt.Key.Key_Escape:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # Esc is ours while dragging: not the window's "clear selection"
            return True
        self.cancel()
        return True

    def cancel(self) -> None:
        """Esc during a drag: nothing is changed, the ghost goes."""
        self._drag = None
        self._hide_ghost()
        QToolTip.hideText()
        self.last_message = "Drag cancelled"

    def _hide_ghost(self) -> None:
        self.ghost.hide()

    def _show_ghost(self, new: Event) -> None:
        """Place the ghost over where ``new`` is drawn: its lane (every lane for
        a band), from its start to its end (a marker's width for a point)."""
        vb = self.view._vb
        if self.ghost.scene() is None:
            vb.addItem(self.ghost, ignoreBounds=True)
        lanes = self.view.lanes
        origin = self._origin()
        x0 = new.start.earliest - origin
        # a point covers what its date allows (a whole day for a day-precision date)
        x1 = (new.end.latest if new.end is not None else new.start.latest) - origin
        if not math.isfinite(x0):
            x0 = x1
        if not math.isfinite(x1):
            x1 = x0
        if not math.isfinite(x0):
            self._hide_ghost()
            return
        px = vb.viewPixelSize()[0]
        half = 6.0 * px
        if x1 - x0 < 2 * half:
            mid = (x0 + x1) / 2.0
            x0, x1 = mid - half, mid + half
        if new.track in lanes.track_ids:
            k = lanes.track_ids.index(new.track)
            y0, h = float(lanes.top[k]), float(lanes.height[k])
        else:  # a band: across the lanes
            y0, h = 0.0, float(lanes.extent)
        self.ghost.setRect(QRectF(x0, y0, x1 - x0, h))
        self.ghost.show()

    # -- geometry --------------------------------------------------------
    def _view_pos(self, scene_pos: QPointF) -> QPointF:
        return self.view._vb.mapSceneToView(scene_pos)

    def axis_unit(self) -> str:
        """The calendar unit of the axis' finest labels now (``"day"``, ``"hour"``...)."""
        a, b = self.view.x_range()
        width = max(self.view._vb.width(), 1.0)
        return choose_tick_spec(b - a, width)[1].unit

    def _origin(self) -> float:
        return self.view.timeline.columns.origin_epoch_s

    def _clicked(self, epoch_s: float, unit: str) -> tuple[float, str]:
        """The moment to date at ``unit``: a day, month or year is the display
        zone's calendar one (1 a.m. on the 2nd in Auckland is the 2nd, not
        the 1st in UTC); an hour or finer stays the instant (written in UTC)."""
        if unit in ("year", "month", "day"):
            try:
                epoch_s += offset_at(getattr(self.window.state, "display_zone", "UTC"), epoch_s)
            except DateError:
                pass
        return epoch_s, unit

    # -- double-click -------------------------------------------------------
    def double_click(self, scene_pos: QPointF) -> bool:
        """Add an event where a lane was double-clicked; True when handled."""
        window = self.window
        eid = self.view.event_at(scene_pos)
        if eid is not None:
            window.state.selected = eid
            self._open_form()
            return True
        if not self.view._vb.sceneBoundingRect().contains(scene_pos):
            return False
        p = self._view_pos(scene_pos)
        lane = self.view.lanes.position_at(p.y())
        if lane is None:
            return False
        track = self.view.lanes.track_ids[lane]
        date = date_at(*self._clicked(self._origin() + p.x(), self.axis_unit()))
        timeline = window.authoring.timeline
        event = Event(C.new_id(timeline.has_event, "new event"), "New event", date, track=track)
        problems = window.authoring.push(C.AddEvent(event))
        if problems:
            self._say("; ".join(p.message for p in problems))
            return True
        window.authoring.provisional_ids.add(event.id)  # its first title makes its id
        window.state.selected = event.id
        self._open_form(focus_title=True)
        return True

    def _open_form(self, focus_title: bool = False) -> None:
        form = getattr(self.window, "edit_form", None)
        tabs = getattr(self.window, "side_tabs", None)
        if form is None or tabs is None:
            return
        tabs.setCurrentWidget(form)
        if focus_title:
            title = form.fields["title"].widget
            title.setFocus()
            title.selectAll()

    # -- drag ------------------------------------------------------------------
    def start(self, scene_pos: QPointF) -> bool:
        """A left drag begins: True (edit, do not pan) when it is on the selected event."""
        eid = self.view.event_at(scene_pos)
        if eid is None or eid != self.window.state.selected:
            return False
        cols = self.view.timeline.columns
        try:
            row = cols.row_of(eid)
        except KeyError:
            return False
        mode = "move"
        if int(cols.kind[row]) != 0:  # a span or band: near an end, resize
            px = scene_pos.x()
            for side, x in (("end", float(cols.x1[row])), ("start", float(cols.x0[row]))):
                if math.isfinite(x):
                    edge = self.view._vb.mapViewToScene(QPointF(x, 0.0)).x()
                    if abs(edge - px) <= EDGE_PX:
                        mode = side
                        break
        self._drag = (eid, mode, self._view_pos(scene_pos).x())
        return True

    def _before_hand_edit(self, eid: str, which: str, date: EventDate | None) -> EventDate | None:
        """The date before the edit by hand its note names, from this session's history (or None)."""
        origin = hand_edit_from(date)
        return None if origin is None else self.window.authoring.date_before_hand_edit(eid, which, origin)

    def _planned(self, scene_pos: QPointF):
        """The event as the drag would leave it (or None), and the snapped move (s)."""
        if self._drag is None:
            return None, 0.0
        eid, mode, x_start = self._drag
        unit = self.axis_unit()
        delta = snap(self._view_pos(scene_pos).x() - x_start, unit)
        timeline = self.window.authoring.timeline
        if not timeline.has_event(eid) or delta == 0:
            return None, delta
        ev = timeline.event(eid)
        try:
            # the day of the move goes in the note that takes the source's words out of support
            day = time.strftime("%Y-%m-%d", time.gmtime())
            # moved back to where the source's words put it: they come back (as they were, from the history)
            first = {which: self._before_hand_edit(eid, which, d)
                     for which, d in (("start", ev.start), ("end", ev.end))}
            if mode == "move":
                # whole calendar years at year zoom, clock kept
                start = shift_date(ev.start, delta, unit, day, first["start"])
                end = shift_date(ev.end, delta, unit, day, first["end"]) if ev.end is not None else None
                return C.move_event(ev, start, end), delta
            if mode == "start":
                return C.resize_event(ev, start=shift_date(ev.start, delta, unit, day, first["start"])), delta
            return C.resize_event(ev, end=shift_date(ev.end, delta, unit, day, first["end"])), delta
        except DateError as exc:
            self._say(str(exc))
            return None, delta

    def move(self, scene_pos: QPointF) -> None:
        if self._drag is None:
            return  # cancelled (Esc): the rest of the drag does nothing
        cmd, _delta = self._planned(scene_pos)
        if cmd is None:
            QToolTip.hideText()
            self._hide_ghost()
            return
        new = cmd.new
        self._show_ghost(new)
        text = new.start.describe() + (f" → {new.end.describe()}" if new.end is not None else "")
        verb = cmd.text.split(" ")[0]
        QToolTip.showText(self.view.mapToGlobal(self.view.mapFromScene(scene_pos)), f"{verb}: {text}", self.view)

    def finish(self, scene_pos: QPointF) -> None:
        cmd, _delta = self._planned(scene_pos)
        self._drag = None
        self._hide_ghost()
        QToolTip.hideText()
        if cmd is None or cmd.new == self.window.authoring.timeline.event(cmd.event_id):
            return
        problems = self.window.authoring.push(cmd)
        if problems:
            self._say("; ".join(f"{p.message}" for p in problems))

    # -- delete ------------------------------------------------------------------
    def delete_selected(self) -> bool:
        """Delete the selected event (undoable); False when there is none or it is refused."""
        eid = self.window.state.selected
        timeline = self.window.authoring.timeline
        if eid is None or not timeline.has_event(eid):
            return False
        ev = timeline.event(eid)
        problems = self.window.authoring.push(C.RemoveEvent(eid, ev.title))
        if problems:
            self._say("; ".join(p.message for p in problems))
            return False
        self.window.state.selected = None
        return True

    def _say(self, text: str) -> None:
        self.last_message = text
        files = getattr(self.window, "files", None)
        if files is not None:
            files._notice(text)


EMPTY_HINT = "No events yet. Double-click in a track to add an event (or use Add event in the Edit tab)."


def install(window) -> None:
    """Add the canvas gestures to ``window`` (``window.canvas_edit``)."""
    window.canvas_edit = CanvasEditing(window)
