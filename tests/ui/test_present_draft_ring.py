"""Present mode at 5 m (wall2, item 1): an unreviewed draft's dotted ring was 2 px wide with
2 px dots even at 3840x2160, invisible from the back of the room while the header said
"DRAFT: 6 unreviewed drafts shown (dotted rings)": a draft looked like a reviewed fact.  The
ring now grows with the wall's marker, as a planned event's dashes do; the desk's is unchanged."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.graphics.marks import DRAFT, draw_marker
from viewer.graphics.style import TimelineStyle


def _ring(style: TimelineStyle) -> tuple[int, int]:
    """Draw a filled circle marker of a draft on the style's background and return (the ring's
    widest radial run of ring pixels outside the marker, the number of dots around it)."""
    style = replace(style, track_shapes=("circle",))
    r = float(style.marker_px)
    side = int(4 * r + 80)
    img = QImage(side, side, QImage.Format.Format_RGB32)
    img.fill(QColor(style.background))
    p = QPainter(img)
    c = side / 2
    draw_marker(p, style, c, c, r, QColor("#56B4E9"), DRAFT, False, False, lane=0)
    p.end()

    bg = QColor(style.background).lightness()

    def light(x: int, y: int) -> bool:  # ink of the ring (the text colour), not the background
        return abs(QColor(img.pixel(x, y)).lightness() - bg) > 100

    start = int(r + style.outline_px / 2 + 1)  # past the marker and its outline
    widest = 0
    for k in range(360):
        a = math.radians(k)
        run = sum(light(int(round(c + d * math.cos(a))), int(round(c + d * math.sin(a))))
                  for d in range(start, side // 2 - 1))
        widest = max(widest, run)
    # dots: ink/background changes along the ring's middle
    rings = [d for d in range(start, side // 2 - 1) if light(int(c + d), int(c))] or [start]
    mid = sum(rings) / len(rings)
    samples = [light(int(round(c + mid * math.cos(t / 720 * 2 * math.pi))),
                     int(round(c + mid * math.sin(t / 720 * 2 * math.pi)))) for t in range(720)]
    dots = sum(1 for i in range(720) if samples[i] and not samples[i - 1])
    return widest, dots


@pytest.mark.parametrize("height", [1080, 2160])
def test_a_drafts_dotted_ring_is_seen_from_five_metres(qapp, height):
    widest, dots = _ring(TimelineStyle.for_briefing(height))
    assert widest >= height / 300, (widest, height)  # 4 px at 1080, 7+ px at 2160 (was 2 px)
    assert 6 <= dots <= 40, dots  # still dotted, not a solid (fact-like) ring


def test_the_desks_draft_ring_is_as_it_was(qapp):
    widest, dots = _ring(TimelineStyle())
    assert 2 <= widest <= 3 and dots >= 6, (widest, dots)
