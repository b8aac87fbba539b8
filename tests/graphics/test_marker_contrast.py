"""Marker outlines reach 3:1 against the background (WCAG 2.2, 1.4.11 non-text contrast), and
the colours given to uncoloured tracks have no yellow (1.3:1 on white). Ratios are computed here
with the WCAG formula, independently of the code under test, from the pixels a user sees."""

import pytest
from PySide6.QtGui import QColor

from viewer.graphics.marks import HOLLOW, marker_pixmap, outline_color
from viewer.graphics.style import OKABE_ITO, TimelineStyle
from viewer.model.timeline import TRACK_PALETTE


def _luminance(rgb):
    def lin(v):
        x = v / 255.0
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def _ratio(a, b):
    la, lb = _luminance(a), _luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _rgb(colour):
    c = QColor(colour)
    return c.red(), c.green(), c.blue()


STYLES = {
    "desk": TimelineStyle(),
    "dark desk": TimelineStyle().dark_desk(),
    "briefing dark": TimelineStyle.for_briefing(1080, "dark"),
    "briefing light": TimelineStyle.for_briefing(1080, "light"),
}


def test_the_default_track_palette_has_no_yellow():
    assert "#F0E442" not in [c.upper() for c in TRACK_PALETTE]
    assert len(set(TRACK_PALETTE)) == len(TRACK_PALETTE) >= 6
    # nothing left in it is as pale as yellow on white (1.3:1): every colour is at least 1.9:1
    assert min(_ratio(_rgb(c), (255, 255, 255)) for c in TRACK_PALETTE if c != "#000000") > 1.9
    assert _ratio(_rgb("#F0E442"), (255, 255, 255)) < 1.4  # why it went


@pytest.mark.parametrize("name", list(STYLES))
@pytest.mark.parametrize("colour", sorted(set(TRACK_PALETTE) | set(OKABE_ITO.values())))
def test_marker_outlines_reach_3_to_1_against_the_background(name, colour):
    style = STYLES[name]
    assert _ratio(_rgb(outline_color(style, colour)), _rgb(style.background)) >= 3.0


@pytest.mark.parametrize("name", list(STYLES))
@pytest.mark.parametrize("colour", ["#F0E442", "#E69F00", "#56B4E9", "#000000"])
def test_a_hollow_marker_as_drawn_stands_out_3_to_1(qtbot, name, colour):
    """A hollow (uncertain) marker is only its outline: its strongest pixel, composited on the
    background, reaches 3:1."""
    style = STYLES[name]
    img = marker_pixmap(style, colour, 0, HOLLOW, 1.0).toImage()
    bg = _rgb(style.background)
    best = 0.0
    for y in range(img.height()):
        for x in range(img.width()):
            px = img.pixelColor(x, y)
            a = px.alphaF()
            if a <= 0:
                continue
            # pixelColor gives the straight (unpremultiplied) colour: composite it over the background
            seen = tuple(round(v * a + bg_v * (1 - a)) for v, bg_v in
                         zip((px.red(), px.green(), px.blue()), bg, strict=True))
            best = max(best, _ratio(seen, bg))
    assert best >= 3.0, (name, colour, best)
