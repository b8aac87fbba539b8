"""Present mode's light theme on a wall: the "≤ / ≥" lead lines of dates known only as "on or
before" and a planned end's hatching stand out from the white (at least 3:1, WCAG's bound for
graphics).  At 3840x2160 they were 4 px lines of pale track colour and 1 px orange hatching,
barely seen from the back of the room.  The dark theme keeps its look."""

import pytest
from PySide6.QtCore import QRectF

from viewer.graphics.style import TimelineStyle, contrast_ratio
from viewer.io import read_timeline
from viewer.ui.present import PresentWindow


@pytest.fixture(scope="module")
def wall():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def _shown(qtbot, tl, theme):
    pw = PresentWindow(tl, tl.stories[0], theme=theme, animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(3840, 2160)
    pw.show()
    qtbot.waitExposed(pw)
    pw.presentation.go_to(3)  # step 4: the drills' planned end, "≤ US raises alarm …"
    qtbot.wait(10)
    view = pw.view
    view.viewport().repaint()
    return pw, view.viewport().grab().toImage()


def _colour(image, x, y) -> str:
    return image.pixelColor(int(x), int(y)).name()


def test_lead_lines_stand_out_on_the_light_wall(qtbot, wall):
    pw, image = _shown(qtbot, wall, "light")
    item = pw.view.events_item
    r = pw.view.style_.marker_px
    for eid in ("us-alarm", "us-intel-70-percent"):
        at = item.marker_position(eid)
        assert at is not None, eid
        ground = _colour(image, at.x() - 2 * r, at.y() - 3 * r // 2)  # the lane above the line
        # the line's strong end, next to the marker (it fades towards the open side)
        line = [_colour(image, at.x() - dx, at.y() + dy) for dx in range(r + 4, 3 * r, 4) for dy in (-2, 0, 2)]
        assert min(contrast_ratio(c, ground) for c in line) >= 3.0, (eid, line[:6], ground)


def test_planned_end_hatching_stands_out_on_the_light_wall(qtbot, wall):
    pw, image = _shown(qtbot, wall, "light")
    view = pw.view
    (plan,) = view.bands_item.drawn_planned
    _id, known_x, end_x, _words = plan
    frame = view.events_item._frame
    labels = [QRectF(rect) for _t, rect in view.events_item.drawn_labels]
    # an empty stretch of the hatched part: the bottom of a lane, clear of labels and markers
    patch = None
    for top, bottom in frame.lanes:
        ys = [float(y) for y in frame.hit["y"] if top <= y <= bottom]
        y0 = max(ys, default=top) + 2 * view.style_.marker_px
        rect = QRectF(known_x + 20, y0, min(end_x - known_x - 40, 400), bottom - 6 - y0)
        if rect.height() >= 40 and not any(rect.intersects(lab) for lab in labels):
            patch = rect
            break
    assert patch is not None
    pixels = [_colour(image, patch.left() + i, patch.top() + j)
              for i in range(0, int(patch.width()), 2) for j in range(0, int(patch.height()), 2)]
    ground = max(set(pixels), key=pixels.count)  # the pale fill between the lines
    strong = [c for c in pixels if contrast_ratio(c, ground) >= 3.0]
    assert len(strong) >= 0.08 * len(pixels), (len(strong), len(pixels), ground, sorted(set(pixels))[:8])


def test_the_dark_wall_keeps_its_lead_lines_and_hatching():
    dark = TimelineStyle.for_briefing(2160, "dark")
    desk = TimelineStyle()
    assert (dark.whisker_px, dark.whisker_darker, dark.whisker_alpha, dark.hatch_px, dark.hatch_darker) == \
        (desk.whisker_px, desk.whisker_darker, desk.whisker_alpha, desk.hatch_px, desk.hatch_darker)
