"""The wall as briefers saw it: step ranges no finer than the event's date, D-day while
presenting, a caption area that does not jump, contrast measured in both themes, a
1024x768 projector."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtGui import QColor

from viewer.app import main
from viewer.graphics.style import contrast_ratio
from viewer.io import read_timeline
from viewer.model.story import PRECISION_CONTEXT, StoryStep, step_window
from viewer.ui.main_window import MainWindow
from viewer.ui.present import PresentWindow, theme_colours

DAY = 86400.0


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def make(qtbot, tl, size=(1920, 1080), story=None, **kw):
    pw = PresentWindow(tl, story or tl.stories[0], animation_ms=0, **kw)
    qtbot.addWidget(pw)
    pw.resize(*size)
    pw.show()
    qtbot.waitExposed(pw)
    return pw


def go(qtbot, pw, index):
    pw.presentation.go_to(index)
    pw.finish_animation()
    pw.view.viewport().repaint()
    pw.caption.repaint()
    qtbot.wait(10)


def test_no_step_zooms_finer_than_its_event_date(tl):
    cols = tl.columns
    for k, step in enumerate(tl.stories[0].steps):
        a, b = step_window(tl, step)
        row = cols.row_of(step.event)
        x0, x1 = cols.known_extent(row)
        o = cols.origin_epoch_s
        if cols.kind[row] == 0:
            assert b - a >= PRECISION_CONTEXT * (x1 - x0) - 1, k + 1
        assert a <= o + x0 and o + x1 <= b, k + 1  # the event's whole day is in view
    # steps 7-11 saved a 30-hour window around date-only events of 10 Feb: now at least three days
    a, b = step_window(tl, tl.stories[0].steps[7])
    assert b - a >= 3 * DAY
    # a saved window that is wide enough is kept exactly
    wide = StoryStep("truss-arrives-moscow", window=(tl.columns.origin_epoch_s - 5 * DAY,
                                                    tl.columns.origin_epoch_s + 5 * DAY))
    assert step_window(tl, wide) == wide.window


def test_dday_while_presenting_from_the_command_line_the_desk_and_the_story(qtbot, tl, tmp_path, bundled_path):
    out = tmp_path / "p.png"
    assert main(["--present", "--dday", "band:allied-resolve-2022", "--step", "8", "--screenshot", str(out)]) == 0
    # F5 keeps the desk's D-day
    w = MainWindow(tl, read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.state.dday = "band:allied-resolve-2022"
    w.present_action.trigger()
    pw = w.present_window
    qtbot.addWidget(pw)
    assert pw.view._axis._dday is not None and "D-day = Thu 10 Feb 2022" in pw.view._axis._dday_note
    pw.close()
    # a story stores its own
    story = dataclasses.replace(tl.stories[0], dday="band:allied-resolve-2022")
    pw2 = make(qtbot, tl, (1280, 720), story=story)
    go(qtbot, pw2, 7)  # a step with its own tracks keeps the row
    assert pw2.view._axis._dday == pw2.dday.day


def test_a_story_stores_its_dday_in_the_file(tmp_path, bundled_path):
    from pathlib import Path

    data = json.loads(Path(bundled_path).read_text(encoding="utf-8"))
    data["stories"][0]["dday"] = "band:allied-resolve-2022"
    path = tmp_path / "s.timeline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    t = read_timeline(path)
    assert t.stories[0].dday == "band:allied-resolve-2022"
    from viewer.io.registry import write_timeline

    out = tmp_path / "back.timeline.json"
    write_timeline(t, str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["stories"][0]["dday"] == "band:allied-resolve-2022"
    data["stories"][0]["dday"] = "band:no-such-band"
    path.write_text(json.dumps(data), encoding="utf-8")
    from viewer.model.errors import TimelineLoadError

    with pytest.raises(TimelineLoadError) as err:
        read_timeline(path)
    assert "no-such-band" in str(err.value) and "D-day" in str(err.value)


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_caption_area_follows_its_lines_and_the_timeline_takes_the_rest(qtbot, tl, size):
    """The caption is as high as its step's text needs: steps whose captions are laid out in the
    same lines (sizes and heights), under a header of the same height, get the same layout, and the
    timeline takes the rest of the window (it used to keep the longest caption's height, 170 px
    empty under step 6's at 1920x1080)."""
    pw = make(qtbot, tl, size)
    by_lines: dict[tuple, set] = {}
    for k in range(pw.presentation.count):
        go(qtbot, pw, k)
        assert pw.caption.height() + pw.view.height() + pw.header.height() == size[1], k + 1
        shape = (pw.header.height(), *((ln.font.pixelSize(), round(ln.height)) for ln in pw.caption.lines()))
        by_lines.setdefault(shape, set()).add((pw.caption.height(), pw.view.height()))
    assert all(len(v) == 1 for v in by_lines.values()), by_lines
    assert len({h for v in by_lines.values() for h in v}) > 1  # not one height for every caption


def _outline(style, track):
    return QColor(track).darker(style.outline_darker).name()


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_wall_text_and_marker_outlines_meet_wcag_contrast(qtbot, tl, theme):
    c = theme_colours(theme)
    for name in ("text", "muted", "accent"):  # caption text on its panel, header on the background
        assert contrast_ratio(c[name], c["panel"]) >= 4.5, name
        assert contrast_ratio(c[name], c["bg"]) >= 4.5, name
    pw = make(qtbot, tl, (1280, 720), theme=theme)
    style = pw.view.style_
    for bg in (style.background, style.lane_shade):
        for name in ("text", "axis_text"):
            assert contrast_ratio(getattr(style, name), bg) >= 4.5, (name, bg)
        for track in style.track_colors:  # hollow markers are an outline on the background
            assert contrast_ratio(_outline(style, track), bg) >= 3.0, (track, bg)
            assert contrast_ratio(_outline(style, track), style.hollow_fill) >= 3.0, track
    assert contrast_ratio(style.band_text, style.band_tab) >= 4.5
    # measured on the screen: the hollow Lavrov marker has a ring that stands out from its inside
    go(qtbot, pw, 10)
    image = pw.grab().toImage()
    centre = pw.view.mapTo(pw, pw.view.mapFromScene(pw.view.marker_scene_pos("lavrov-lowest-level")))
    r = style.marker_px
    ring = [image.pixelColor(x, y).name() for x in range(centre.x() - r - 2, centre.x() + r + 3)
            for y in range(centre.y() - r - 2, centre.y() + r + 3)]
    inside = image.pixelColor(centre.x(), centre.y()).name()
    strong = [p for p in ring if contrast_ratio(p, inside) >= 3.0]
    assert len(strong) >= 2 * r, (len(strong), r)  # a ring, not a dot


@pytest.mark.parametrize("size", [(1024, 768), (3840, 2160)])
def test_the_wall_layout_works_from_a_4_3_projector_to_4k(qtbot, tl, size):
    pw = make(qtbot, tl, size)
    for k in (0, 7, 10):
        go(qtbot, pw, k)
        assert (pw.width(), pw.height()) == size
        view = pw.view
        frame = view.events_item._frame
        right = frame.right_px
        for p in frame.placements:  # every label ends inside the plot (shortened with … if it must)
            if p.label_width > 0:
                assert p.label_x + p.label_width <= right + 1, (k, p)
        left = view.plotItem.getAxis("left")
        assert left.width() < 0.4 * size[0]  # track names leave the timeline most of the screen
        assert pw.caption.geometry().bottom() < size[1]
        assert pw.caption.drawn_text()[0] == pw.caption.caption.title


def test_the_story_editor_stores_the_desk_dday_in_the_story(qtbot, make_window):
    w = make_window((1400, 800))
    w.state.dday = "band:allied-resolve-2022"
    w.story_dock.dday_button.click()
    assert w.story_dock.story.dday == "band:allied-resolve-2022"
    from viewer.ui.presenting import current_story

    assert current_story(w).dday == "band:allied-resolve-2022"
    w.state.dday = None
    w.story_dock.dday_button.click()
    assert w.story_dock.story.dday is None
