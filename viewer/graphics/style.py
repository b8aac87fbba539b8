"""Colours, fonts and sizes of the timeline drawing, in one place.

Sizes are in device pixels and scale with the height of the view so that a
1920x1080 screenshot reads from the back of a briefing room: the default label
font is 1/60 of the view height (18 px at 1080 px), never below 13 px.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

from ..model.records import TRACK_PALETTE, track_shapes

__all__ = ["TimelineStyle", "contrast_ratio", "relative_luminance",
           "briefing_colours", "label_font", "layer_bounds", "OKABE_ITO", "MARKER_SHAPES",
           "SHAPE_GLYPHS", "shaped_label", "marker_polygon", "marker_swatch", "BRIEFING_LABEL_FRACTION"]

OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
}
"""The colour-blind-safe palette of Okabe & Ito (2008), *Color Universal Design*
(https://jfly.uni-koeln.de/color/), distinguishable with every common
colour-vision deficiency."""

#: Track palettes of the briefing themes: Okabe-Ito without the colour that
#: vanishes into the background (black on dark, yellow on light).
_BRIEFING_PALETTE = {
    "dark": ("orange", "sky_blue", "bluish_green", "yellow", "vermillion", "reddish_purple", "blue"),
    "light": ("orange", "blue", "bluish_green", "vermillion", "sky_blue", "reddish_purple", "black"),
}

MARKER_SHAPES = ("diamond", "circle", "square", "triangle", "triangle_down", "hexagon", "star")
"""Marker shapes given to tracks in turn, so tracks stay distinct in greyscale print."""

SHAPE_GLYPHS = {"diamond": "◆", "circle": "●", "square": "■", "triangle": "▲",
                "triangle_down": "▼", "hexagon": "⬢", "star": "★"}
"""A text character that looks like each marker shape (for track labels and legends)."""


def shaped_label(label: str, shape: str) -> str:
    """A track's name as the lanes show it: ``"● Liz Truss"`` when its marker ``shape`` is not the
    diamond (its colour repeats an earlier track's, :func:`~viewer.model.records.track_shapes`),
    else ``label`` as it is."""
    return f"{SHAPE_GLYPHS[shape]} {label}" if shape != "diamond" and shape in SHAPE_GLYPHS else label

BRIEFING_LABEL_FRACTION = 1 / 36
"""Briefing theme: event label font size as a fraction of the screen height.

Legibility at 5 m asks for text at least ~1/40 of the screen height (the
issue's bound; the same proportion on every screen size); 1/36 keeps the
drawn line height (ascent + descent) well above it."""


@dataclass
class TimelineStyle:
    """Appearance of the event and band layers.

    ``font_px`` is the pixel size of event labels; ``marker_px`` the half-width
    of a point marker (a diamond); ``label_max_px`` the widest a label may be
    before it is shortened with "…" (28 em).
    """

    font_px: int = 16
    marker_px: int = 7
    label_max_px: int = 448
    min_font_px: int = 9  #: a crowded lane may shrink its labels down to this (pixels)
    background: str = "#ffffff"
    lane_shade: str = "#f2f4f7"
    text: str = "#1b1f24"
    band_fill: str = "#E69F00"
    band_alpha: int = 38
    band_text: str = "#7a4f00"
    selection: str = "#111111"
    font_family: str = "DejaVu Sans"
    label_box: str = "#ffffff"    #: behind the selected event's label
    hollow_fill: str = "#ffffff"  #: inside hollow (uncertain) markers
    lane_rule: str = "#d5d9e0"    #: line between lanes
    band_tab: str = "#ffffff"     #: behind a band's title
    axis_text: str = "#1b1f24"
    axis_line: str = "#555555"
    outline_darker: int = 140  #: marker outline = track colour darkened by this (``QColor.darker``; 100 = as is)
    outline_px: float = 2.0    #: marker outline width (pixels)
    track_colors: tuple[str, ...] = ()  #: per-lane colour override; empty = each track's own
    track_shapes: tuple[str, ...] = ()  #: per-lane marker shape; empty = diamonds
    whole_labels: bool = False  #: a lane sets labels in smaller type (to min_font_px) rather than shorten them
    planned_outline_px: float = 0.0  #: a planned event's dashed marker outline width (pixels); 0: ``outline_px``
    planned_dash: tuple[float, float] = (1.5, 1.5)  #: its dashes and gaps, in outline widths
    draft_px: float = 2.0  #: an unreviewed draft's dotted ring: width of its dots and of the gaps (pixels)
    whisker_px: float = 4.0  #: height of an "on or before" / "on or after" line (pixels)
    whisker_darker: int = 100  #: its colour = the track's darkened by this (``QColor.darker``; 100 = as is)
    whisker_alpha: int = 170  #: its opacity at the marker (0-255); it fades to nothing at the open side
    hatch_px: float = 0.0  #: a planned end's diagonal lines: width (pixels); 0: Qt's 1 px pattern
    hatch_darker: int = 100  #: their colour = the band's or span's darkened by this (100 = as is)

    @classmethod
    def for_height(cls, height_px: float) -> TimelineStyle:
        """The default style scaled for a view ``height_px`` pixels tall."""
        font = max(13, int(round(height_px / 60)))
        return cls(font_px=font, marker_px=max(6, font // 2 - 1), label_max_px=28 * font)

    @classmethod
    def for_briefing(cls, screen_height_px: float, theme: str = "dark", colour_blind: bool = True,
                     n_tracks: int = 8, own_colours: tuple[str | None, ...] | None = None) -> TimelineStyle:
        """The briefing theme: large type and high contrast for a wall screen.

        Parameters
        ----------
        screen_height_px : float
            Height of the screen (pixels); label size is
            :data:`BRIEFING_LABEL_FRACTION` of it (30 px at 1080, 60 px at 2160).
        theme : {"dark", "light"}
            Light text on near-black, or near-black text on white.
        colour_blind : bool
            Replace track colours outside the Okabe-Ito palette and the desk's
            (:data:`~viewer.model.records.TRACK_PALETTE`) by Okabe-Ito ones, and
            shape markers as the desk does (a diamond unless a colour repeats:
            :func:`~viewer.model.records.track_shapes`), so a track looks the same
            on the wall, on the desk and in hand-outs, and no two tracks alike.
        n_tracks : int
            How many lanes need a colour and a shape (palettes repeat beyond).
        own_colours : tuple of str or None, optional
            The tracks' desk colours (``#rrggbb``,
            :attr:`~viewer.model.timeline.Timeline.track_colours`), in lane order.
            A track whose colour is one of the theme's Okabe-Ito colours or of
            the desk's palette keeps it, so the wall screen matches the desk
            view, hand-outs and exported pictures; the others get the unused
            palette colours in turn (:func:`briefing_colours`).

        Raises
        ------
        ValueError
            For an unknown theme.
        """
        if theme not in _BRIEFING_PALETTE:
            raise ValueError(f"unknown briefing theme {theme!r}; expected 'dark' or 'light'")
        font = max(13, int(round(screen_height_px * BRIEFING_LABEL_FRACTION)))
        colours: tuple[str, ...] = ()
        shapes: tuple[str, ...] = ()
        if colour_blind:
            colours = briefing_colours(theme, own_colours if own_colours is not None else (None,) * n_tracks)
            shapes = track_shapes(colours)
        # on a wall screen labels never shrink below 1/45 of the screen height:
        # a crowd gets a +N badge rather than unreadable type
        marker = max(7, int(font * 0.45))
        # a planned event's dashes in proportion to its marker: 3 px dashes on a 26 px marker
        # read as a dotted line, then as a plain outline (a fact) from 5 m
        common: dict[str, Any] = dict(font_px=font, marker_px=marker, label_max_px=int(font * 30),
                                      outline_px=max(2.0, marker / 4),
                                      planned_outline_px=max(3.0, marker / 3), planned_dash=(2.5, 1.5),
                                      # a draft's dotted ring likewise: 2 px dots read as a fact's plain marker
                                      draft_px=max(3.0, marker / 3),
                      min_font_px=max(13, int(screen_height_px / 45)), whole_labels=True,
                      track_colors=colours, track_shapes=shapes)
        if theme == "dark":
            return cls(background="#0b0d10", lane_shade="#171b21", text="#f4f6f8", band_fill="#E69F00",
                       band_alpha=46, band_text="#ffd27a", selection="#ffffff", label_box="#000000",
                       hollow_fill="#0b0d10", lane_rule="#3a414c", band_tab="#000000",
                       axis_text="#e8ebef", axis_line="#9aa3ae",
                       outline_darker=100, **common)  # a darkened outline vanished into the black: hollow read as dots
        # on white the pale track colours' lead lines ("≤ Peskov …") and the planned end's 1 px orange
        # hatching were barely seen on a wall: both darkened (at least 3:1 on white, and inside the
        # band that tints the lanes) and in proportion to the marker (9 px lead lines and 3 px
        # hatching at 2160)
        return cls(background="#ffffff", lane_shade="#eef1f5", text="#000000", band_fill="#E69F00",
                   band_alpha=40, band_text="#5c3b00", selection="#000000", label_box="#ffffff",
                   hollow_fill="#ffffff", lane_rule="#b9c0ca", band_tab="#ffffff",
                   axis_text="#000000", axis_line="#333333",
                   whisker_px=max(4.0, marker / 3), whisker_darker=200, whisker_alpha=255,
                   hatch_px=max(1.5, marker / 9), hatch_darker=250, **common)

    def dark_desk(self) -> TimelineStyle:
        """This style with the desk's dark colours (a dark desktop): light text on near-black,
        outlines in the track's own colour (a darkened one vanishes on black).  Sizes unchanged."""
        return replace(self, background="#15181d", lane_shade="#1e232a", text="#eef1f4", band_text="#ffd27a",
                       selection="#ffffff", label_box="#15181d", hollow_fill="#15181d", lane_rule="#3a414c",
                       band_tab="#15181d", axis_text="#e8ebef", axis_line="#9aa3ae", outline_darker=100)

    def track_color(self, lane: int, own: str) -> str:
        """Colour of lane ``lane``: the palette's when set, else the track's ``own``."""
        return self.track_colors[lane % len(self.track_colors)] if self.track_colors and lane >= 0 else own

    def track_shape(self, lane: int, own: str = "diamond") -> str:
        """Marker shape of lane ``lane`` (one of :data:`MARKER_SHAPES`): the style's when it shapes
        lanes (briefing), else the track's ``own`` (:attr:`viewer.model.timeline.Timeline.track_shapes`:
        a diamond unless its colour repeats another track's)."""
        return self.track_shapes[lane % len(self.track_shapes)] if self.track_shapes and lane >= 0 else own

    def color(self, name: str, alpha: int | None = None) -> QColor:
        c = QColor(getattr(self, name))
        if alpha is not None:
            c.setAlpha(alpha)
        return c

    def lane_shade_overlay(self) -> QColor:
        """The alternate-lane shade as a translucent overlay (black on a light
        background, white on a dark one) that turns :attr:`background` into
        :attr:`lane_shade`, so bands and their edges drawn below the lanes stay
        visible through shaded lanes.  Plain alpha works in every paint engine
        (raster, SVG, PDF), unlike blend modes.
        """
        bg, shade = QColor(self.background), QColor(self.lane_shade)
        b = (bg.red() + bg.green() + bg.blue()) / 3
        s = (shade.red() + shade.green() + shade.blue()) / 3
        if s <= b:  # darker: black at alpha a gives b * (1 - a)
            a = 1 - s / b if b > 0 else 0.0
            c = QColor(0, 0, 0)
        else:  # lighter: white at alpha a gives b + (255 - b) * a
            a = (s - b) / (255 - b) if b < 255 else 0.0
            c = QColor(255, 255, 255)
        c.setAlpha(max(1, min(255, round(a * 255))))
        return c


def briefing_colours(theme: str, own: tuple[str | None, ...]) -> tuple[str, ...]:
    """Wall-screen colours for lanes whose desk colours are ``own`` (lane order, ``#rrggbb``).

    A lane keeps its desk colour when it is one of the theme's Okabe-Ito
    colours (yellow is left out on white, black on near-black) or of the desk's
    palette (:data:`~viewer.model.records.TRACK_PALETTE`) and stands out from
    the theme's background (1.5:1 or more), even when another lane has it too
    (the desk tells those apart by shape, and so does the wall); every other
    lane (a file's own colour outside both) takes the first palette colour no
    lane has yet, repeating the palette when there are more lanes than colours.
    """
    allowed = [OKABE_ITO[n].upper() for n in _BRIEFING_PALETTE[theme]]
    background = "#0b0d10" if theme == "dark" else "#ffffff"  # for_briefing's backgrounds
    kept = set(allowed) | {c.upper() for c in TRACK_PALETTE if contrast_ratio(c, background) >= 1.5}
    out: list[str | None] = [None] * len(own)
    used: set[str] = set()
    for i, c in enumerate(own):
        c = (c or "").upper()
        if c in kept:
            out[i] = c
            used.add(c)
    free = [c for c in allowed if c not in used]
    k = 0
    for i in range(len(out)):
        if out[i] is None:
            out[i] = free[k] if k < len(free) else allowed[(k - len(free)) % len(allowed)]
            k += 1
    return tuple(c for c in out if c is not None)


def label_font(px: int, bold: bool = False, family: str = "DejaVu Sans") -> QFont:
    """A sans-serif QFont of ``px`` pixels (DejaVu Sans when installed)."""
    f = QFont(family)
    f.setPixelSize(px)
    f.setBold(bold)
    f.setStyleHint(QFont.StyleHint.SansSerif)
    return f


def layer_bounds(columns) -> QRectF:
    """Bounding rectangle of a layer in data coordinates: the events' x extent
    padded by its own width (at least a day) and all lanes in y."""
    lo, hi = columns.extent()
    pad = max(hi - lo, 86400.0)
    return QRectF(lo - pad, 0.0, (hi - lo) + 2 * pad, max(1, columns.n_lanes))


def marker_polygon(shape: str, x: float, y: float, r: float) -> QPolygonF:
    """The outline of a marker centred on ``(x, y)`` with half-size ``r`` (pixels).

    Shapes of about equal visual weight: ``diamond`` (the default),
    ``circle`` (a 24-gon), ``square`` (slightly smaller so its area matches),
    ``triangle`` / ``triangle_down``, ``hexagon``, ``star`` (5 points).
    Unknown names give a diamond.
    """
    import math

    def ring(n: int, radius: float, phase: float) -> list[QPointF]:
        return [QPointF(x + radius * math.cos(phase + 2 * math.pi * k / n),
                        y + radius * math.sin(phase + 2 * math.pi * k / n)) for k in range(n)]

    if shape == "circle":
        pts = ring(24, r * 0.9, 0.0)
    elif shape == "square":
        q = r * 0.78
        pts = [QPointF(x - q, y - q), QPointF(x + q, y - q), QPointF(x + q, y + q), QPointF(x - q, y + q)]
    elif shape == "triangle":
        pts = ring(3, r * 1.1, -math.pi / 2)
    elif shape == "triangle_down":
        pts = ring(3, r * 1.1, math.pi / 2)
    elif shape == "hexagon":
        pts = ring(6, r * 0.98, 0.0)
    elif shape == "star":
        outer, inner = ring(5, r * 1.15, -math.pi / 2), ring(5, r * 0.5, -math.pi / 2 + math.pi / 5)
        pts = [p for pair in zip(outer, inner) for p in pair]
    else:
        pts = [QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)]
    return QPolygonF(pts)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb`` (0 black .. 1 white).

    Source: WCAG 2.2, "relative luminance" (sRGB channels linearised with
    the 0.04045 threshold, weights 0.2126, 0.7152, 0.0722).
    """
    c = QColor(colour)
    if not c.isValid():
        raise ValueError(f"not a colour: {colour!r}")

    def lin(v: int) -> float:
        x = v / 255.0
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two colours, 1..21 (AA: 4.5 for text, 3 for graphics)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def marker_swatch(colour: str, shape: str, px: int = 16, *, hollow: bool = False) -> QIcon:
    """A ``px`` x ``px`` icon of a track's marker: ``shape`` (:func:`marker_polygon`) filled in
    ``colour`` with a thin darker outline, as the timeline draws the track's points, for lists
    that name tracks (the Events tab), so a track whose colour repeats another's (and is told
    apart by its shape on the timeline) is told apart there too.  ``hollow``: its outline only
    (2 px, in ``colour``), as the timeline draws a date not known to the day."""
    pix = QPixmap(px, px)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(colour)
    if hollow:
        painter.setPen(QPen(fill, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(marker_polygon(shape, px / 2, px / 2, px / 2 - 2))
        painter.end()
        return QIcon(pix)
    painter.setPen(fill.darker(160))
    painter.setBrush(fill)
    painter.drawPolygon(marker_polygon(shape, px / 2, px / 2, px / 2 - 1.5))
    painter.end()
    return QIcon(pix)
