"""Which lanes of a timeline view have a pixel on screen, and where: what the tests of whole
lanes (the main and the collection windows) measure."""

from __future__ import annotations

from PySide6.QtCore import QPointF


def lanes_on_screen(vb, lanes) -> tuple[list[tuple[float, float]], float]:
    """``([(top, bottom), ...], height)``: pixels in the view box ``vb`` of each of ``lanes``
    (a :class:`~viewer.ui.lane_layout` lanes table: ``top``, ``height`` in view units) with a
    pixel on screen, and the box's height in pixels."""
    height = vb.height()
    out = []
    for top, h in zip(lanes.top.tolist(), lanes.height.tolist(), strict=True):
        p0 = vb.mapFromView(QPointF(0, top)).y()
        p1 = vb.mapFromView(QPointF(0, top + h)).y()
        if p1 > 0.5 and p0 < height - 0.5:
            out.append((p0, p1))
    return out, height
