"""Present mode never shows a date more precisely than its source, nor a planned end as fact,
whichever way a step's range is chosen (newcomer10's report, items 1 and 2).

1. The ingested draft's step 3, a span "10 Feb – on or after 10 Feb", was framed over 1.5 days:
   an hourly axis (00:00 … 12:00 … 09:00), every day-known marker on 12:00.  The three-day
   floor lived for point events only.
2. The bundled story's steps 7-11 show three tracks without "Exercise", whose planned "Drills due
   to finish" announces the drills band's end: the band's planned part was plain shading and the
   header dropped "planned end (hatched)".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import present_window
from viewer.ingest import ingest_file
from viewer.io import read_timeline
from viewer.model.story import Story, StoryStep, default_story, step_window
from viewer.ui.present import PresentWindow

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
BAND = "allied-resolve-2022"
DAY = 86400.0


def _header(pw) -> str:
    return pw.header.text().replace("\u00a0", " ").replace("\n", " ")


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_the_drafts_span_step_shows_days_not_clock_times(qtbot, size):
    tl = ingest_file(ARTICLES / "allied-resolve-2022.txt").timeline
    story = default_story(tl)  # a draft has no story: the default one, its steps framed, not saved
    pw = PresentWindow(tl, story, animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(*size)
    pw.show()
    qtbot.waitExposed(pw)
    spans = [i for i, s in enumerate(story.steps) if tl.columns.kind[tl.columns.row_of(s.event)] != 0
             and tl.event(s.event).start.precision == 5]  # spans starting on a day
    assert tl.event(story.steps[2].event).title.startswith("Russia and Belarus launched ten days")
    assert 2 in spans
    for i in spans:
        pw.presentation.go_to(i)
        pw.finish_animation()
        pw.grab()
        a, b = pw.view.x_range()
        labels = [text for text, _ in pw.view._axis.drawn_labels()]
        assert labels and not any(":" in t for t in labels), f"step {i + 1}: clock times {labels}"
        assert b - a >= 3 * DAY - 1, f"step {i + 1}: {(b - a) / DAY:.2f} days"
        assert "Thu 10" in labels  # the day is named, not 12:00 on it


def test_every_path_to_a_step_range_keeps_three_days_for_a_day_known_span():
    tl = ingest_file(ARTICLES / "allied-resolve-2022.txt").timeline
    span = default_story(tl).steps[2].event
    x0 = tl.columns.origin_epoch_s + tl.columns.known_extent(tl.columns.row_of(span))[0]
    for step in (StoryStep(span), StoryStep(span, window=(x0 + 3600, x0 + 7200))):  # framed, or saved narrow
        a, b = step_window(tl, step)
        assert b - a >= 3 * DAY and a <= x0 - DAY + 1 and b >= x0 + 2 * DAY - 1  # its day and one each side


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_steps_showing_some_tracks_hatch_the_bands_planned_end(qtbot, bundled_path, size):
    tl = read_timeline(bundled_path)
    pw = present_window(qtbot, tl, size)
    steps = tl.stories[0].steps
    partial = [i for i, s in enumerate(steps) if s.tracks and "exercise" not in s.tracks]
    assert len(partial) >= 5  # steps 7-11: Russia, Normandy Format, United Kingdom
    for i in partial:
        pw.presentation.go_to(i)
        pw.finish_animation()
        pw.grab()
        assert "not shown: Exercise" in _header(pw)
        ((eid, known, end, words),) = pw.view.bands_item.drawn_planned  # drawn hatched from 11 Feb
        assert eid == BAND and end > known + 50 and words.startswith("▨ planned"), f"step {i + 1}"
        assert "1 planned end (hatched)" in _header(pw), f"step {i + 1}: {_header(pw)}"


def test_a_band_on_screen_whose_planned_part_is_past_the_right_edge_is_said_planned(qtbot, bundled_path):
    """The band's title names its end ("10–20 Feb"): with no hatching in view, the header says
    that end is planned."""
    tl = read_timeline(bundled_path)
    ten = tl.event(BAND).start.earliest  # 00:00 Thu 10 Feb
    story = Story("Before the drills", (StoryStep("drills-begin", window=(ten - 6 * DAY, ten + DAY - 60)),))
    pw = PresentWindow(tl, story, animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(1366, 768)
    pw.show()
    qtbot.waitExposed(pw)
    header = pw._header_text(0, shown_range=(ten - 6 * DAY, ten + DAY - 60)).replace("\u00a0", " ")
    assert "1 planned end past the right edge (announced, not reported)" in header
    assert "(hatched)" not in header
    header = pw._header_text(0, shown_range=(ten - 6 * DAY, ten + 2 * DAY)).replace("\u00a0", " ")
    assert "1 planned end (hatched)" in header and "past the right edge" not in header
    header = pw._header_text(0, shown_range=(ten - 9 * DAY, ten - 2 * DAY)).replace("\u00a0", " ")
    assert "planned end" not in header  # the band not on screen at all


def test_a_step_showing_some_tracks_keeps_the_display_zones_days(qtbot, bundled_path):
    """On Tokyo's days, Truss's "10 Feb" was drawn from 00:00 JST at steps 6 and 12 (all tracks)
    but from 09:00 JST (UTC's day) at steps 7-11: the subset of tracks lost the display zone."""
    from viewer.model.zones import timeline_on_local_days

    tl = timeline_on_local_days(read_timeline(bundled_path), "Asia/Tokyo")
    pw = present_window(qtbot, tl, (1366, 768))
    starts = {}
    for i in (5, 8):  # step 6 (all tracks), step 9 (three tracks)
        pw.presentation.go_to(i)
        pw.finish_animation()
        cols = pw.view.timeline.columns
        starts[i] = cols.origin_epoch_s + cols.x0[cols.row_of("truss-arrives-moscow")]
    assert tl.tracks and len(pw.view.timeline.tracks) == 3
    assert starts[8] == starts[5] == tl.event("truss-arrives-moscow").start.earliest - 9 * 3600  # 00:00 JST
