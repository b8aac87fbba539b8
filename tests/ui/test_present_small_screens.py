"""Present mode on a 1024x768 projector: each step's own event label is read whole (it was cut
"US raises alarm over buildup in …"), and the header's list of tracks left out wraps between
tracks, never inside a name ("Normandy / Format" read as two tracks)."""

import dataclasses

import pytest

from tests.ui.conftest import present_window
from tests.ui.wrapping import wrapped_lines
from viewer.io import read_timeline


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


_present = present_window


def _step_label(pw):
    """(drawn width, full width) in pixels of the label of the step's event, as last painted."""
    pw.view.viewport().repaint()
    item = pw.view.events_item
    cols = pw.view.timeline.columns
    row = cols.row_of(pw.presentation.step.event)
    frame = item._frame
    placed = next(p for p in frame.placements if p.row == row)
    font_px = (frame.lane_font_px or {}).get(int(cols.lane[row]), pw.view.style_.font_px)  # a crowded lane's type
    return placed.label_width, item.selected_label_px(row, font_px), placed


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_every_step_label_is_shown_whole_on_a_small_projector(qtbot, tl, size):
    pw = _present(qtbot, tl, size)
    cut = []
    for k in range(pw.presentation.count):
        pw.presentation.go_to(k)
        qtbot.wait(5)
        drawn, full, placed = _step_label(pw)
        right = pw.view.events_item._frame.right_px
        if drawn < full - 0.5 or placed.label_x + drawn > right + 0.5:
            cut.append((k + 1, pw.presentation.step.event, round(drawn), round(full)))
    assert not cut, f"step labels cut at {size}: {cut}"


def test_the_step_label_still_fits_after_the_window_is_made_smaller(qtbot, tl):
    pw = _present(qtbot, tl, (1920, 1080))
    pw.presentation.go_to(1)  # "US raises alarm over buildup in Belarus", framed with the whole story
    qtbot.wait(5)
    pw.resize(1024, 768)
    qtbot.wait(20)
    drawn, full, _ = _step_label(pw)
    assert drawn >= full - 0.5




def test_the_list_of_tracks_left_out_wraps_between_tracks_only(qtbot, tl):
    long_names = {"normandy": "Normandy Format peace talks", "uk": "United Kingdom government"}
    tracks = tuple(dataclasses.replace(t, label=long_names.get(t.id, t.label)) for t in tl.tracks)
    tl2 = dataclasses.replace(tl, tracks=tracks)
    pw = _present(qtbot, tl2, (1024, 768))
    header = pw.header
    text = header.text()
    hidden = [t.label for t in tl2.tracks if t.label in long_names.values()]
    assert "not shown" in text and len(hidden) == 2
    # the header wraps (at 1024 px and narrower): every name is on one line, whole
    for width in range(360, 1000, 7):
        lines = wrapped_lines(header, width)
        assert len(lines) >= 2
        joined = [ln.replace("\u00a0", " ").replace("\u2011", "-") for ln in lines]
        for name in hidden:
            assert any(name in ln for ln in joined), (width, name, joined)


@pytest.mark.parametrize("step", [1, 12])
def test_the_band_title_is_whole_on_a_1024_projector(qtbot, step):
    """At 1024x768 the drills band's title read "Allied Resolve-2022 dri…": on a wall its tab
    runs on past the band's end (the tab row holds band titles only), smaller type only then."""
    from viewer.app import bundled_timeline_path
    from viewer.io import read_timeline
    from viewer.ui.present import PresentWindow

    tl = read_timeline(bundled_timeline_path())
    pw = PresentWindow(tl, tl.stories[0], animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(1024, 768)
    pw.show()
    qtbot.waitExposed(pw)
    pw.presentation.go_to(step - 1)
    pw.finish_animation()
    pw.grab()
    band = next(e for e in tl.events if e.id == "allied-resolve-2022")
    assert pw.view.bands_item.drawn_titles == [band.title]
