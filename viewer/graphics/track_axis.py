"""The left axis of the timeline: one label per lane, with a disclosure mark.

Labels sit at the centre of each lane as :class:`~viewer.model.lanes.LaneGeometry`
places it, so a collapsed lane's label follows its thin strip.  A label reads
``▾ Russia / Kremlin`` for an expanded lane and ``▸ Russia / Kremlin`` for a
collapsed one (the marks can be turned off for pictures and presentations).

A label wider than the column (``max_width`` of :meth:`TrackAxisItem.set_lanes`)
is elided with "…", or first wrapped onto as many lines as
:attr:`TrackAxisItem.max_lines` allows and its lane has room for (present
mode); hovering a label shows the track's full name.  Labels
never overprint: when lanes are shorter than a line of text only every few
labels are drawn (the rest are named on hover).

Mouse: a click on the mark, or a double-click anywhere on the label, asks to
collapse / expand that lane (``sigToggleLane``); a right click asks for the
lane's context menu (``sigLaneMenu``).  The axis only reports: the view
changes the state.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF

from ..model.lanes import LaneGeometry, lane_geometry
from ..model.text import plain_tooltip

__all__ = ["COLLAPSED_MARK", "EXPANDED_MARK", "LABEL_MARGIN_PX", "TrackAxisItem", "wrap_label"]

COLLAPSED_MARK = "▸"  #: before the label of a collapsed lane
EXPANDED_MARK = "▾"  #: before the label of an expanded lane
_MARK_TOLERANCE_PX = 5.0  #: a click this close to the mark counts as on it
LABEL_MARGIN_PX = 20.0  #: label column width beyond its widest label (text offset, rounding)


def wrap_label(text: str, fm: QFontMetricsF, room: float, lines: int, *, cut: str = "middle") -> str:
    """``text`` broken at spaces into at most ``lines`` lines of at most ``room`` pixels.

    Words fill each line in turn; what is left for the last line loses whole
    words from its middle to a "…", so the start and the end of the name stay
    ("Ministry of Foreign Affairs of the / Russian Federation (MFA), … Press");
    with ``cut="end"`` it keeps as many whole words from its start as fit and
    ends with "…" ("Battle-Governed Gold Coast and …").
    A word wider than ``room`` on its own is elided at its end; with ``cut="end"`` it is
    broken by characters onto the lines there are, elided only on the last.  A leading
    mark (``"▾ "``) stays on the line of the word after it.

    Parameters
    ----------
    text : str
    fm : QFontMetricsF
        Metrics of the font the label is drawn in.
    room : float
        Widest line, pixels.
    lines : int
        Most lines (1: words left out of the middle of the one line).
    cut : str
        ``"middle"`` or ``"end"``: where the last line loses words when the rest does not fit.

    Returns
    -------
    str
        The lines joined with ``"\\n"``; ``text`` itself when it fits on one line.
    """
    def fits(t: str) -> bool:
        return fm.horizontalAdvance(t) <= room + 0.5

    if fits(text):
        return text
    words = text.split(" ")
    if len(words) > 1 and len(words[0]) == 1 and not words[0].isalnum():  # a mark (▾) stays with the name
        words = [f"{words[0]} {words[1]}", *words[2:]]
    out: list[str] = []
    line, k = "", 0
    while k < len(words) and len(out) < lines - 1:
        trial = f"{line} {words[k]}" if line else words[k]
        if fits(trial):
            line, k = trial, k + 1
        elif line:
            out.append(line)
            line = ""
        elif cut == "end":  # one word wider than the column: broken by characters onto the lines left
            n = max(1, max((i for i in range(1, len(words[k]) + 1) if fits(words[k][:i])), default=1))
            out.append(words[k][:n])
            words[k] = words[k][n:]
        else:  # one word wider than the column
            out.append(fm.elidedText(words[k], Qt.TextElideMode.ElideRight, room))
            k += 1
    rest = " ".join(([line] if line else []) + words[k:])
    if rest and cut == "end":
        out.append(rest if fits(rest) else _cut_words(rest, fits) or
                   fm.elidedText(rest, Qt.TextElideMode.ElideRight, room))
    elif rest:
        out.append(rest if fits(rest) else _elide_words(rest, fits) or
                   fm.elidedText(rest, Qt.TextElideMode.ElideMiddle, room))
    return "\n".join(out)


def _cut_words(text: str, fits: Callable[[str], bool]) -> str | None:
    """``text`` cut after its last whole word that leaves room for " …" so that it ``fits``;
    None when not even the first word does."""
    words = text.split(" ")
    head: list[str] = []
    for word in words:
        if not fits(" ".join([*head, word, "…"])):
            break
        head.append(word)
    return " ".join([*head, "…"]) if head and len(head) < len(words) else None


def told_apart(shown: tuple[str, ...], full: list[str], fits: Callable[[str], bool]) -> tuple[str, ...]:
    """``shown`` (the names as shortened) with two different names never shortened alike: "Track
    number 0 with a long name" and "Track number 5 with a long name" both read "Track number … name".
    Each of a group shortened alike keeps its words up to the first word where the group's names
    differ, then "…" ("Track number 5 …"), and the words after it that still fit; a name that stays
    alike (or does not fit so) keeps its first shortening (its full name is the tooltip)."""
    groups: dict[str, list[int]] = {}
    for i, t in enumerate(shown):
        if t != full[i]:
            groups.setdefault(t, []).append(i)
    out = list(shown)
    for members in groups.values():
        if len({full[i] for i in members}) < 2:
            continue
        split = [full[i].split(" ") for i in members]
        first = next((k for k in range(max(map(len, split)))
                      if len({w[k] if k < len(w) else "" for w in split}) > 1), 0)
        for i, words in zip(members, split, strict=True):
            head = " ".join(words[:first + 1])
            if not fits(f"{head} …"):
                continue
            def after_head(t: str, head: str = head) -> bool:
                return fits(f"{head} {t}")

            rest = _elide_words(" ".join(words[first + 1:]), after_head) if len(words) > first + 2 else None
            out[i] = f"{head} {rest}" if rest else f"{head} …" if len(words) > first + 1 else head
        if len({out[i] for i in members}) < len({full[i] for i in members}):  # still alike: as they were
            for i in members:
                out[i] = shown[i]
    return tuple(out)


def _elide_words(text: str, fits: Callable[[str], bool]) -> str | None:
    """``text`` with whole words left out of its middle for a "…" so that it ``fits``:
    its last word, as many words from its start as fit (a name's start says most),
    then words from its end; None when even "… last-word" does not fit."""
    words = text.split(" ")
    head: list[str] = []
    tail = words[-1:]
    i, j = 0, len(words) - 1  # words[i:j] are left out

    def shown(h: list[str], t: list[str]) -> str:
        return " ".join([*h, "…", *t])

    if len(words) < 2 or not fits(shown(head, tail)):
        return None
    while i < j and fits(shown([*head, words[i]], tail)):
        head.append(words[i])
        i += 1
    while i < j and fits(shown(head, [words[j - 1], *tail])):
        tail.insert(0, words[j - 1])
        j -= 1
    return shown(head, tail)


class TrackAxisItem(pg.AxisItem):
    """Left axis naming each lane at its centre.

    Signals
    -------
    sigToggleLane(int)
        Collapse or expand the lane; payload: its position on screen (top = 0).
    sigLaneMenu(int, QPoint)
        Context menu wanted for a lane; payload: its position on screen (top = 0), global screen position.
    """

    sigToggleLane = Signal(int)  # lane index
    sigLaneMenu = Signal(int, object)  # lane index, QPoint (screen)

    def __init__(self, **kwargs) -> None:
        super().__init__("left", **kwargs)
        self.lanes: LaneGeometry = lane_geometry(())
        self.labels: tuple[str, ...] = ()
        self.marks = True
        self._drawn: list[tuple[str, QRectF]] = []
        self._shown: tuple[str, ...] = ()
        self.max_lines = 1
        """Lines a label too wide for its column may wrap onto (fewer when its lane is lower);
        above 1, labels are also shortened by whole words (:func:`wrap_label`), as on the wall."""
        self.margin_px = LABEL_MARGIN_PX
        """Column width beyond its widest label, pixels."""
        self.cut_at_end = False
        """A label too wide loses whole words at its end ("Battle-Governed Gold …", after wrapping
        onto :attr:`max_lines`), not characters from its middle (:func:`wrap_label`)."""
        self.setAcceptHoverEvents(True)

    def set_lanes(self, lanes: LaneGeometry, labels: list[str] | tuple[str, ...], marks: bool = True,
                  max_width: float | None = None) -> None:
        """Write ``labels[i]`` at the centre of lane ``i`` (data y, lane units).

        Parameters
        ----------
        lanes : LaneGeometry
        labels : sequence of str, one per lane
        marks : bool
            Put ▸ / ▾ before each label.
        max_width : float or None
            Widest label column, pixels.  Given, the column is made as wide as
            its widest label plus :attr:`margin_px` (:data:`LABEL_MARGIN_PX`), at most this, and a
            label that does not fit is elided with "…" in its middle (pyqtgraph would drop it), or,
            when :attr:`max_lines` > 1, wrapped onto up to that many lines (as many as its lane is
            high) and then shortened by whole words (:func:`wrap_label`);
            its full name is the hover tooltip.  None: the column width
            is left alone and labels are drawn whole.

        Raises
        ------
        ValueError
            If there is not one label per lane.
        """
        if len(labels) != len(lanes):
            raise ValueError(f"{len(labels)} labels for {len(lanes)} lanes")
        self.lanes, self.labels, self.marks = lanes, tuple(labels), bool(marks)
        full = [self.text(i) for i in range(len(lanes))]
        if max_width is not None:
            fm = QFontMetricsF(self.style["tickFont"] or QFont())
            widest = max((fm.horizontalAdvance(t) for t in full), default=60.0)
            margin = float(self.margin_px)
            width = math.ceil(min(max(float(max_width), 2 * margin), margin + widest))
            room = width - margin
            # elided in the middle: the mark and the start stay, and so does the
            # end that tells "… of Russia" from "… Federation (MFA)"
            lines = self._lines_per_lane(fm)
            self._shown = tuple(t if fm.horizontalAdvance(t) <= room + 0.5
                                else wrap_label(t, fm, room, lines[i], cut="end") if self.cut_at_end
                                else wrap_label(t, fm, room, lines[i]) if self.max_lines > 1
                                else fm.elidedText(t, Qt.TextElideMode.ElideMiddle, room)
                                for i, t in enumerate(full))
            self._shown = told_apart(self._shown, full, lambda t: fm.horizontalAdvance(t) <= room + 0.5)
            self.setWidth(width)
        else:
            self._shown = tuple(full)
        ticks = [[(float(y), self._shown[i]) for i, y in enumerate(lanes.centre.tolist())]]
        if ticks != getattr(self, "_tickLevels", None):  # the same lanes and names (a zone switch): drawn stays
            self.setTicks(ticks)

    def _lines_per_lane(self, fm: QFontMetricsF) -> list[int]:
        """Lines of text each lane has room for, 1 to :attr:`max_lines` (from the linked view's scale)."""
        n = len(self.lanes)
        if self.max_lines <= 1:
            return [1] * n
        view = self.linkedView()
        y0, y1 = view.viewRange()[1] if view is not None else (0.0, 0.0)
        if view is None or view.height() <= 0 or y1 <= y0:
            return [1] * n
        px_per_unit = view.height() / (y1 - y0)
        line = max(fm.lineSpacing(), 1.0)
        return [max(1, min(self.max_lines, int(h * px_per_unit // line))) for h in self.lanes.height.tolist()]

    def text(self, lane: int) -> str:
        """The label of a lane, whole (with its mark when marks are on)."""
        if not self.marks:
            return self.labels[lane]
        mark = COLLAPSED_MARK if self.lanes.collapsed[lane] else EXPANDED_MARK
        return f"{mark} {self.labels[lane]}"

    def shown_text(self, lane: int) -> str:
        """The label as drawn: :meth:`text`, wrapped (lines joined with ``"\\n"``) and / or elided
        with "…" when the column is too narrow."""
        return self._shown[lane] if lane < len(self._shown) else self.text(lane)

    def tooltip(self, lane: int) -> str:
        """Hover text of a lane's label: the track's full name (escaped rich
        text: Qt would render a name that looks like markup)."""
        return plain_tooltip(self.labels[lane])

    def generateDrawSpecs(self, p):  # noqa: N802 (pyqtgraph name)
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return specs
        axis_spec, tick_specs, text_specs = specs
        # never overprint: when lanes are shorter than a line of text (hundreds
        # of tracks), draw a label only below the last one drawn (every k-th);
        # the others are still named by their hover tooltip
        kept, bottom = [], -float("inf")
        for spec in sorted(text_specs, key=lambda s: s[0].top()):
            if spec[0].top() >= bottom - 0.5:
                kept.append(spec)
                bottom = spec[0].bottom()
        self._drawn = [(text, QRectF(rect)) for rect, _flags, text in kept]
        return axis_spec, tick_specs, kept

    def drawn_labels(self) -> list[tuple[str, QRectF]]:
        """Labels of the last drawing: ``(text, rect)`` in item pixels, top to bottom."""
        return list(self._drawn)

    # -- hit testing -----------------------------------------------------------
    def lane_at(self, scene_pos: QPointF) -> int | None:
        """Lane whose label row is at a scene position, or None."""
        view = self.linkedView()
        if view is None or not len(self.lanes):
            return None
        return self.lanes.position_at(float(view.mapSceneToView(scene_pos).y()))

    def on_mark(self, scene_pos: QPointF, lane: int) -> bool:
        """True when a scene position is on the ▸ / ▾ mark of ``lane``'s label."""
        if not self.marks:
            return False
        font = self.style["tickFont"] or QFont()
        fm = QFontMetricsF(font)
        right = self.boundingRect().right() - max(0, self.style["tickLength"]) - self.style["tickTextOffset"][0]
        start = right - fm.horizontalAdvance(self.shown_text(lane))
        x = self.mapFromScene(scene_pos).x()
        return start - _MARK_TOLERANCE_PX <= x <= start + fm.horizontalAdvance(EXPANDED_MARK) + _MARK_TOLERANCE_PX

    def hoverEvent(self, ev) -> None:  # noqa: N802 (pyqtgraph name)
        lane = None if ev.isExit() else self.lane_at(ev.scenePos())
        self.setToolTip("" if lane is None else self.tooltip(lane))

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        lane = self.lane_at(ev.scenePos())
        if lane is None:
            super().mouseClickEvent(ev)
            return
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            # each click on the mark toggles (so does the second click of a
            # double-click there); elsewhere on the label a double-click does
            if self.on_mark(ev.scenePos(), lane) or ev.double():
                self.sigToggleLane.emit(lane)
        elif ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            self.sigLaneMenu.emit(lane, ev.screenPos().toPoint())
        else:
            super().mouseClickEvent(ev)
