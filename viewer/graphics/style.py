"""Colours, fonts and sizes of the timeline drawing, in one place.

Sizes are in device pixels and scale with the height of the view so that a
1920x1080 screenshot reads from the back of a briefing room: the default label
font is 1/60 of the view height (18 px at 1080 px), never below 13 px.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont

__all__ = ["TimelineStyle", "label_font", "layer_bounds"]


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
    background: str = "#ffffff"
    lane_shade: str = "#f2f4f7"
    text: str = "#1b1f24"
    band_fill: str = "#E69F00"
    band_alpha: int = 38
    band_text: str = "#7a4f00"
    selection: str = "#111111"
    font_family: str = "DejaVu Sans"

    @classmethod
    def for_height(cls, height_px: float) -> "TimelineStyle":
        """The default style scaled for a view ``height_px`` pixels tall."""
        font = max(13, int(round(height_px / 60)))
        return cls(font_px=font, marker_px=max(6, font // 2 - 1), label_max_px=28 * font)

    def color(self, name: str, alpha: int | None = None) -> QColor:
        c = QColor(getattr(self, name))
        if alpha is not None:
            c.setAlpha(alpha)
        return c


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
