"""Pictures of a timeline: PNG, SVG and vector PDF, with title, legend and sources.

The picture is laid out top to bottom in logical pixels (1 px = 1/96 inch):

* the title, and a subtitle: the time range shown in words (in the display
  zone), how many of the file's events are shown and which filters hide the
  others, and the search;
* the timeline itself: a :class:`~viewer.ui.timeline_view.TimelineView`
  built for the picture, rendered with ``QWidget.render`` so that on SVG and
  PDF painters every lane, marker and label is drawn as vectors and text;
  its time axis is in the display zone, with the relative (D-day) row when
  one is given, and the selected event and search matches are emphasised as
  in the window;
* a legend of the tracks (colour stripe and label) and of the marker shapes;
* a footnote listing the sources of the events shown (those that intersect
  the range), numbered in order of first appearance.

PNG goes through ``QImage``, laid out at ``dpi / 96`` device pixels per logical pixel,
SVG through ``QSvgGenerator`` and PDF through ``QPdfWriter`` (one page the
size of the picture).  Every file is written through
:func:`viewer.io.atomic.atomic_path`: rendered to a temporary file in the
destination's folder, synced, then renamed, so an interrupted export never
leaves half a file and never damages the file it replaces.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from ..graphics.style import SHAPE_GLYPHS
from ..io.atomic import atomic_path
from ..model.dates import Precision, format_interval
from ..model.dday import DDay, resolve_dday
from ..model.filters import FilterState
from ..model.lanes import display_order
from ..model.planned_end import PLANNED_END_KEY, planned_end_rows
from ..model.quoting import qualified_date
from ..model.timeline import Timeline
from ..model.viewstate import ViewState
from ..model.zones import EVENT_LOCAL, offset_at, zone_info, zone_label
from .legend import HAND_EDIT_ITEM
from .screenshots import save_png
from .timeline_view import TimelineView

__all__ = ["PICTURE_FORMATS", "PAGE_SIZES", "PAGE_NAMES", "PictureOptions", "export_picture",
           "paint_picture", "events_in_range", "sources_footnote",
           "filters_note", "picture_path_problem"]

PICTURE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
"""File extension -> picture format."""

PAGE_SIZES = {"16:9": (1600, 900), "a4": (1123, 794), "letter": (1056, 816)}
"""Page sizes of pictures, logical pixels (1/96 inch): a 16:9 slide, A4 landscape
(297 x 210 mm) and US Letter landscape (11 x 8.5 in).  The window's File >
Export picture and ``timeline-viewer export --page`` share them."""
PAGE_NAMES = {"16:9": "16:9 slide (1600×900)", "a4": "A4 landscape", "letter": "Letter landscape"}

_INK = QColor("#1b1f24")
_MUTED = QColor("#3d4450")
_FAMILY = "DejaVu Sans"
_DOT = "   ·   "  # between the subtitle's parts


@dataclass(frozen=True)
class PictureOptions:
    """How to draw a picture.

    Attributes
    ----------
    size : (int, int)
        Width and height in logical pixels (1/96 inch).
    dpi : float
        PNG only: device pixels per inch (96 = one device pixel per logical
        pixel; 192 doubles the resolution at the same layout).
    x_range_epoch : (float, float) or None
        The time range shown, seconds since the Unix epoch (UTC); None: the
        timeline's home range (its initial view) when it has one, else the
        whole timeline.
    title : str or None
        Overrides the timeline's title.
    collapsed_tracks : frozenset of str
        Ids of tracks drawn as thin strips, as in the window
        (:func:`viewer.model.lanes.lane_geometry`).
    track_order : tuple of str
        Track ids top to bottom, as the window shows them (the filters'
        order); tracks not listed follow in the timeline's order.  Empty:
        the timeline's order.  The legend lists the tracks in this order too.
    display_zone : str
        Zone of the time axis and of the subtitle's range: ``"UTC"``, an IANA
        name or ``viewer.model.zones.EVENT_LOCAL`` (drawn as UTC).  The
        timeline given should already have its date-only events on that
        zone's days (:func:`viewer.model.zones.timeline_on_local_days`), as
        the window's shown timeline has.
    dday : DDay, str or None
        The relative axis row: a resolved :class:`~viewer.model.dday.DDay`,
        a reference (``"band:ID"``, ``"event:ID"`` or ``"ID"``) resolved in
        the picture's timeline and display zone, or None (no row).
    selected : str or None
        Id of the event drawn selected (ringed, label on top), as in the window.
    query : str
        The search text; with ``matches`` the other events are dimmed.
    matches : tuple of str or None
        Ids of the search matches; None: no search (nothing dimmed).
    total_events : int or None
        Events in the whole file, when the timeline given is a filtered one
        (the subtitle reads "10 of 16 events shown"); None: the timeline's own count.
    filters_note : str
        What the filters hide, in a few words (:func:`filters_note`); "" for none.
    """

    size: tuple[int, int] = (1600, 900)
    dpi: float = 96.0
    x_range_epoch: tuple[float, float] | None = None
    title: str | None = None
    collapsed_tracks: frozenset[str] = frozenset()
    track_order: tuple[str, ...] = ()
    display_zone: str = "UTC"
    dday: DDay | str | None = None
    selected: str | None = None
    query: str = ""
    matches: tuple[str, ...] | None = None
    total_events: int | None = None
    filters_note: str = ""


def events_in_range(timeline: Timeline, a_epoch: float, b_epoch: float) -> list[int]:
    """Indexes into ``timeline.events`` of the events drawn in ``[a, b]`` (epoch s), in time order."""
    cols = timeline.columns
    o = cols.origin_epoch_s
    hit = (cols.x1 >= a_epoch - o) & (cols.x0 <= b_epoch - o)
    order = cols.time_order[hit[cols.time_order]]  # whole arrays: a million rows in milliseconds
    return cols.event_index[order].astype(np.int64).tolist()


def sources_footnote(timeline: Timeline, event_indexes: list[int]) -> list[str]:
    """One line per source cited by the given events: ``"1. Outlet — title (url)"``, in order of first citation."""
    seen: list = []
    facts = getattr(timeline.events, "facts", None)
    if facts is not None:
        # a large lazily-read file: only the events the reader saw with sources
        # or quotes ("rich") can cite one; building every event took a minute at 1e6
        rich = np.zeros(len(timeline.events), dtype=bool)
        rich[np.asarray(facts.rich, dtype=np.int64)] = True
        event_indexes = [i for i in event_indexes if rich[i]]
    for i in event_indexes:
        for src in timeline.sources_of(timeline.events[i]):
            if src not in seen:
                seen.append(src)
    lines = []
    for n, s in enumerate(seen, 1):
        text = s.outlet
        if s.title:
            text += f" — {s.title}"
        if s.published is not None:
            text += f", {qualified_date(s.published)}"  # the qualifier stays: "(uncertain)"
        if s.url:
            text += f" ({s.url})"
        lines.append(f"{n}. {text}")
    return lines


def _some(names: list[str], limit: int = 3) -> str:
    """``"A, B, C"``, or ``"A, B and 4 more"`` past ``limit`` names."""
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit - 1])} and {len(names) - limit + 1} more"


_FACET_WORDS = {"actors": "actors", "sources": "sources", "source_kinds": "source kinds", "tags": "tags",
                "grades": "grades"}


def filters_note(timeline: Timeline, filters: FilterState) -> str:
    """What ``filters`` hide in ``timeline`` (the file's), briefly, for a picture's subtitle.

    ``"hidden tracks: Russia / Kremlin, United Kingdom; tags: drills"``;
    ``""`` when nothing is hidden (a new track order hides nothing).
    """
    parts: list[str] = []
    labels = {t.id: t.label for t in timeline.tracks}
    hidden = [labels[t.id] for t in timeline.tracks if t.id in filters.hidden_tracks]
    if hidden:
        parts.append(f"hidden track{'s' if len(hidden) > 1 else ''}: {_some(hidden)}")
    for facet, words in _FACET_WORDS.items():
        allowed = getattr(filters, facet, None)
        if allowed is not None:
            parts.append(f"{words}: {_some(sorted(allowed)) if allowed else 'none'}")
    if filters.date_range is not None:
        lo, hi = filters.date_range
        parts.append(f"dates {format_interval(lo, hi, Precision.DAY)}")
    return "; ".join(parts)


def picture_path_problem(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot take a picture (a folder, no or another extension), or None when it can."""
    target = os.fspath(path)
    accepted = ", ".join(list(PICTURE_FORMATS)[:-1]) + " or " + list(PICTURE_FORMATS)[-1]
    if os.path.isdir(target) or target.endswith(("/", os.sep)):
        return f"{target} is a folder: give a file name ending in {accepted}"
    ext = os.path.splitext(target)[1].lower()
    if not ext:
        return f"{target} has no extension: the picture's file name must end in {accepted}"
    if ext not in PICTURE_FORMATS:
        return f"{target}: cannot write {ext} pictures; the file name must end in {accepted}"
    return None


def _local_range(a: float, b: float, zone: str) -> tuple[float, float]:
    """``[a, b]`` (epoch s) moved by the zone's offsets, to be formatted as wall-clock dates."""
    if zone in ("UTC", EVENT_LOCAL):
        return a, b
    return a + offset_at(zone, a), b + offset_at(zone, b)


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont(_FAMILY)
    f.setPixelSize(max(1, int(round(px))))
    f.setBold(bold)
    f.setStyleHint(QFont.StyleHint.SansSerif)
    return f


def _wrap_lines(items: list[str], metrics: QFontMetricsF, width: float, max_lines: int,
                sep: str = "   ") -> list[str]:
    """Items joined with ``sep`` and wrapped to ``width``; at most ``max_lines`` (the last says how many more)."""
    lines: list[str] = []
    current = ""
    for index, item in enumerate(items):
        candidate = f"{current}{sep}{item}" if current else item
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = metrics.elidedText(candidate, Qt.TextElideMode.ElideRight, width)
            continue
        lines.append(current)
        current = metrics.elidedText(item, Qt.TextElideMode.ElideRight, width)
        if len(lines) == max_lines - 1:
            rest = len(items) - index
            if rest > 1:
                current = metrics.elidedText(f"{item}{sep}… and {rest - 1} more", Qt.TextElideMode.ElideLeft, width)
            lines.append(current)
            return lines
    if current:
        lines.append(current)
    return lines


class _Picture:
    """Lays out and paints one picture on any QPainter (logical pixel coordinates)."""

    def __init__(self, timeline: Timeline, options: PictureOptions) -> None:
        self.timeline = timeline
        self.options = options
        w, h = options.size
        self.w, self.h = w, h
        self.pad = max(12.0, w / 80)
        self.title_px = max(18.0, h / 28)
        self.small_px = max(11.0, h / 75)
        cols = timeline.columns
        if options.x_range_epoch is not None:
            a, b = options.x_range_epoch
        elif timeline.home_start is not None and timeline.home_end is not None:
            # the timeline's own initial view, as the window opens on it
            a, b = timeline.home_start.earliest, timeline.home_end.latest
            pad = 0.02 * (b - a)
            a, b = a - pad, b + pad
        else:
            lo, hi = cols.extent()
            pad = max(0.03 * (hi - lo), 3600.0)
            a, b = lo - pad + cols.origin_epoch_s, hi + pad + cols.origin_epoch_s
        self.range_epoch = (float(a), float(b))
        self.shown = events_in_range(timeline, a, b)
        self.footnote = sources_footnote(timeline, self.shown)
        dday = options.dday
        if isinstance(dday, str):
            dday = resolve_dday(timeline, dday, options.display_zone)
        self.dday: DDay | None = dday

    def subtitle(self) -> str:
        """The range in words (display zone), the events shown of the file's, filters and search."""
        a, b = self.range_epoch
        zone = self.options.display_zone
        span_days = (b - a) / 86400.0
        precision = Precision.DAY if span_days < 3 * 366 else Precision.YEAR
        la, lb = _local_range(a, b, zone)
        where = "(UTC)" if zone in ("UTC", EVENT_LOCAL) else "in " + zone_label(zone, (a + b) / 2)
        total = self.options.total_events if self.options.total_events is not None else len(self.timeline.events)
        text = f"{format_interval(la, lb, precision)} {where}{_DOT}{len(self.shown):,} of {total:,} events shown"
        if self.options.filters_note:
            text += f"; filters: {self.options.filters_note}"
        if self.options.matches is not None and self.options.query.strip():
            n = len(self.options.matches)
            text += f"{_DOT}search “{self.options.query.strip()}”: {n} match{'es' if n != 1 else ''}"
        if self.dday is not None:
            text += f"{_DOT}{self.dday.describe()}"
        drafts = int(self.timeline.draft_flags()[self.shown].sum()) if len(self.shown) else 0
        if drafts:
            many = drafts != 1
            text += (f"{_DOT}DRAFT: {drafts} event{'s' if many else ''} shown {'are' if many else 'is an'} "
                     f"unreviewed draft{'s' if many else ''} (dotted outline)")
        return text

    def paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(QRectF(0, 0, self.w, self.h), QColor("#ffffff"))
        pad, w, h = self.pad, self.w, self.h
        inner = w - 2 * pad
        # title and range
        painter.setPen(_INK)
        title = self.options.title if self.options.title is not None else self.timeline.title
        lines = self.title_lines(title, inner)
        painter.setFont(_font(self.title_px, bold=True))
        fm = QFontMetricsF(painter.font())
        y = pad
        for line in lines:
            painter.drawText(QRectF(pad, y, inner, fm.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += fm.height()
        painter.setFont(_font(self.small_px))
        sm = QFontMetricsF(painter.font())
        painter.setPen(_MUTED)
        for line in _wrap_lines(self.subtitle().split(_DOT), sm, inner, 3, sep=_DOT):
            painter.drawText(QRectF(pad, y, inner, sm.height()), Qt.AlignmentFlag.AlignLeft, line)
            y += sm.height()
        y += pad / 2
        # bottom blocks, measured first
        tracks = self.timeline.tracks
        ordered = [tracks[int(k)] for k in display_order([t.id for t in tracks], self.options.track_order)]
        legend_lines = _wrap_lines(["■ " + t.label for t in ordered] +
                                   ["◆ to the day or better", "◇ uncertain / approximate / open"] +
                                   (["dashed ◇ planned (or after the source's date)"]
                                    if self.timeline.planned_rows().any() else []) +
                                   ([PLANNED_END_KEY] if planned_end_rows(self.timeline) else []) +
                                   (["dotted outline: unreviewed draft"] if self.timeline.drafts().any() else []) +
                                   ([HAND_EDIT_ITEM] if self.timeline.hand_edits().any() else []) +
                                   ["▬ faint: possible interval", "≤ / ≥ on or before / after", "(?) uncertain",
                                    "~ approximate"], sm, inner, 3)
        foot_items = self.footnote or ["(no sources cited by the events shown)"]
        foot_lines = _wrap_lines(["Sources:"] + foot_items, sm, inner, max(2, int(h / 5 / sm.height())))
        bottom = (len(legend_lines) + len(foot_lines)) * sm.height() + pad * 1.5
        view_rect = QRectF(pad, y, inner, max(120.0, h - y - bottom))
        self._paint_view(painter, view_rect)
        y = view_rect.bottom() + pad / 2
        colours = {t.label: QColor(c) for t, c in zip(self.timeline.tracks, self.timeline.track_colours)}
        self.legend_shapes = dict(zip((t.label for t in self.timeline.tracks), self.timeline.track_shapes))
        for line in legend_lines:
            self._paint_legend_line(painter, line, QRectF(pad, y, inner, sm.height()), colours)
            y += sm.height()
        y += pad / 2
        painter.setPen(_MUTED)
        for line in foot_lines:
            painter.drawText(QRectF(pad, y, inner, sm.height()), Qt.AlignmentFlag.AlignLeft, line)
            y += sm.height()

    def title_lines(self, title: str, width: float) -> list[str]:
        """The title as drawn: whole on one line, else in a smaller type (down to 80 %), else on two
        lines, shortened with … only past those.  Sets ``self.title_px`` to the size used."""
        full = self.title_px
        for px in (full, full * 0.9, full * 0.8):
            if QFontMetricsF(_font(px, bold=True)).horizontalAdvance(title) <= width:
                self.title_px = px
                return [title]
        self.title_px = full * 0.8
        fm = QFontMetricsF(_font(self.title_px, bold=True))
        words, lines, current = title.split(), [], ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if fm.horizontalAdvance(candidate) <= width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
        lines.append(current)
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
        return [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]

    def _paint_legend_line(self, painter: QPainter, line: str, rect: QRectF, colours: dict[str, QColor]) -> None:
        """Draw ``■ label`` items with the square in the track's colour; a track whose colour
        repeats another's (the palette ran out) shows its marker shape (●, ■, ▲ …) instead."""
        fm = QFontMetricsF(painter.font())
        x = rect.left()
        for item in line.split("   "):
            if item.startswith("■ "):
                label = item[2:]
                colour = colours.get(label.rstrip("…"), next((c for k, c in colours.items() if k.startswith(
                    label.rstrip("…"))), _MUTED))
                side = fm.ascent() * 0.8
                shape = getattr(self, "legend_shapes", {}).get(label.rstrip("…"), "diamond")
                if shape != "diamond":
                    glyph = SHAPE_GLYPHS.get(shape, "■")
                    painter.setPen(colour)
                    painter.drawText(QRectF(x, rect.top(), rect.right() - x, rect.height()),
                                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, glyph)
                    x += fm.horizontalAdvance(glyph + " ")
                else:
                    painter.fillRect(QRectF(x, rect.top() + (rect.height() - side) / 2, side, side), colour)
                    x += side + fm.horizontalAdvance(" ")
                item = label
            painter.setPen(_INK)
            painter.drawText(QRectF(x, rect.top(), rect.right() - x, rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, item)
            x += fm.horizontalAdvance(item + "   ")

    def _paint_view(self, painter: QPainter, rect: QRectF) -> None:
        state = ViewState()
        state.collapsed_tracks = self.options.collapsed_tracks
        state.filters = FilterState(track_order=tuple(self.options.track_order))  # the lanes' order only
        state.display_zone = self.options.display_zone
        if self.options.selected is not None and self.timeline.has_event(self.options.selected):
            state.selected = self.options.selected  # ringed, its label on top, as in the window
        view = TimelineView(self.timeline, state)
        view.disclosure_marks = False  # a picture has nothing to click: plain track labels
        o = self.timeline.columns.origin_epoch_s
        a, b = self.range_epoch
        zone = self.options.display_zone
        view._axis.set_zone(zone, "Time: " + zone_label(zone, (a + b) / 2))  # as viewer.ui.zone_picker
        if self.dday is not None:
            view._axis.set_relative(self.dday.day, self.dday.describe())  # as viewer.ui.relative_axis
        matches = self.options.matches
        if matches is not None and self.options.query.strip() and view.events_item is not None:
            hits = set(matches)  # the others dimmed, as viewer.ui.shown does
            view.events_item.set_emphasis(np.array([eid in hits for eid in view.events_item.columns.ids], dtype=bool))
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.resize(int(rect.width()), int(rect.height()))
        view.show()
        for _ in range(2):
            QApplication.processEvents()
        # the picture shows exactly the range its subtitle names, even where the
        # window would not go (beyond the data, or wider than all of it)
        lim = view.limits
        view._vb.setLimits(xMin=min(lim.x_min, a - o), xMax=max(lim.x_max, b - o),
                           maxXRange=max(lim.max_width, b - a))
        view._vb.setXRange(a - o, b - o, padding=0)  # not set_x_range: it clamps to the data
        QApplication.processEvents()
        painter.save()
        painter.setClipRect(rect)
        # the scene, not the widget: QWidget.render would rasterise the view on SVG/PDF painters.
        # The event layer paints in the painter's device coordinates (it reads the full transform),
        # so the picture's own translation is honoured; the PNG's dpi is a device pixel ratio.
        source = QRectF(0, 0, view.viewport().width(), view.viewport().height())
        view.scene().render(painter, QRectF(rect.left(), rect.top(), source.width(), source.height()), source)
        painter.restore()
        view.hide()
        view.deleteLater()


def paint_picture(painter: QPainter, timeline: Timeline, options: PictureOptions) -> None:
    """Paint the picture of ``options.size`` logical pixels on ``painter`` (a printer's page, an image ...).

    The painter's device should be 96 dpi (an image, a 96-dpi PDF writer, a
    ``QPicture``): the axes replay cached QPictures, which Qt scales by the
    device's dpi, and the event layer draws in device pixels.  For a printer,
    paint on a ``QPicture`` and replay it there (:mod:`viewer.ui.printing`):
    Qt scales the whole picture alike.  The layout is the one of
    :func:`export_picture`.
    """
    _Picture(timeline, options).paint(painter)


def export_picture(timeline: Timeline, path: str | os.PathLike[str], options: PictureOptions | None = None) -> None:
    """Write a picture of a timeline to ``path`` (PNG, SVG or PDF by extension), atomically.

    Needs a ``QApplication`` (the ``offscreen`` platform is enough).

    Parameters
    ----------
    timeline : Timeline
    path : str or os.PathLike
        ``*.png``, ``*.svg`` or ``*.pdf``.
    options : PictureOptions, optional

    Raises
    ------
    ValueError
        A folder, a path without a picture extension (.png, .svg, .pdf; the
        message names the path and them), a size outside
        200x150..16384x16384, a dpi outside 24..1200, an empty or reversed
        range, an unknown display zone, or a D-day reference not in the
        timeline (:class:`~viewer.model.dday.DDayError`).
    OSError
        The file cannot be written (the destination is unchanged).
    """
    options = options or PictureOptions()
    target = os.fspath(path)
    problem = picture_path_problem(target)
    if problem is not None:
        raise ValueError(problem)
    ext = os.path.splitext(target)[1].lower()
    if options.display_zone not in ("UTC", EVENT_LOCAL):
        zone_info(options.display_zone)  # ValueError naming an unknown zone, before anything is drawn
    w, h = options.size
    if not (200 <= w <= 16384 and 150 <= h <= 16384):
        raise ValueError(f"picture size {w}x{h} is outside 200x150 .. 16384x16384")
    if not 24 <= options.dpi <= 1200:
        raise ValueError(f"dpi {options.dpi} is outside 24..1200")
    if options.x_range_epoch is not None:
        a, b = options.x_range_epoch
        if not (math.isfinite(a) and math.isfinite(b) and b > a):
            raise ValueError("the range must have a finite start before its end")
    picture = _Picture(timeline, options)
    with atomic_path(target) as tmp:
        kind = PICTURE_FORMATS[ext]
        if kind == "png":
            # the whole layout is made at the device size (fonts and lanes scale with the height),
            # so a 192 dpi picture looks like the 96 dpi one with twice the detail
            scale = options.dpi / 96.0
            size = (int(round(w * scale)), int(round(h * scale)))
            picture = _Picture(timeline, replace(options, size=size))
            image = QImage(QSize(*size), QImage.Format.Format_ARGB32)
            image.fill(QColor("#ffffff"))
            painter = QPainter(image)
            try:
                picture.paint(painter)
            finally:
                painter.end()
            # the resolution is stamped only after painting: pyqtgraph's axes replay cached
            # QPictures, which Qt scales by the device's dpi over 96; a 192-dpi image drew the
            # day numbers and track names twice as large and as far from the corner as the events
            dpm = int(round(options.dpi / 0.0254))
            image.setDotsPerMeterX(dpm)
            image.setDotsPerMeterY(dpm)
            if not save_png(image, tmp):
                raise OSError(f"could not write the PNG image to {target}")
        elif kind == "svg":
            gen = QSvgGenerator()
            gen.setFileName(tmp)
            gen.setSize(QSize(w, h))
            gen.setViewBox(QRectF(0, 0, w, h))
            gen.setResolution(96)
            gen.setTitle(picture.options.title or timeline.title)
            gen.setDescription("Made with Timeline Viewer")
            painter = QPainter()
            if not painter.begin(gen):
                raise OSError(f"could not write the SVG picture to {target}")
            try:
                picture.paint(painter)
            finally:
                painter.end()
            del gen
        else:
            writer = QPdfWriter(tmp)
            writer.setResolution(96)
            writer.setTitle(picture.options.title or timeline.title)
            writer.setCreator("Timeline Viewer")
            page = QPageSize(QSizeF(w * 72 / 96, h * 72 / 96), QPageSize.Unit.Point, "picture",
                             QPageSize.SizeMatchPolicy.ExactMatch)
            writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
            painter = QPainter()
            if not painter.begin(writer):
                raise OSError(f"could not write the PDF to {target}")
            try:
                sx = painter.device().width() / w
                painter.scale(sx, sx)
                picture.paint(painter)
            finally:
                painter.end()
            del writer
