"""Present mode with 30 long-named tracks (a break-it tester's file, made small): a step of 10
tracks listed the 20 left out by name in an 11-line header, and 4 of its own lanes ended below
the screen's edge behind a scroll bar; the fold of a step depended on the step shown before it
(step 3 showed 5 of 30 tracks after step 2, 13 when opened directly); a step whose tracks leave
out its own event's track captioned an event not on screen."""

from __future__ import annotations

import json

import pytest

from viewer.io import read_timeline

from .presenting import present_at

N = 30


def _doc(steps):
    tracks = [{"id": f"t{k:02d}", "label": f"Track number {k} of the ministry of things"} for k in range(N)]
    events = []
    for k in range(N):
        for i in range(max(2, 40 - k)):
            events.append({"id": f"e{k:02d}_{i:02d}", "track": f"t{k:02d}", "title": f"Report {k}-{i}",
                           "start": f"2022-03-{1 + (i * 7 + k) % 28:02d}T{(i * 5) % 24:02d}:00:00Z"})
    return {"format": "timeline-viewer", "version": 1, "title": "Thirty", "tracks": tracks, "events": events,
            "stories": [{"title": "Walk", "steps": steps}]}


TEN = [f"t{k:02d}" for k in (4, 5, 6, 8, 9, 11, 14, 15, 19, 29)]


@pytest.fixture(scope="module")
def thirty(tmp_path_factory):
    steps = [{"event": "e00_01"}, {"event": "e06_03", "tracks": TEN}, {"event": "e02_05"},
             {"event": "e03_02", "tracks": ["t01", "t02"]}]
    path = tmp_path_factory.mktemp("thirty") / "thirty.timeline.json"
    path.write_text(json.dumps(_doc(steps)), encoding="utf-8")
    return read_timeline(path)


def _header_lines(pw) -> int:
    return round(pw.header.height() / pw.header.fontMetrics().lineSpacing() - 0.4)


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_a_step_of_ten_tracks_has_a_short_header_and_every_lane_on_screen(qtbot, thirty, size):
    pw = present_at(qtbot, thirty, size, 2)
    header = pw.header.text().replace("\u00a0", " ").replace("\u2011", "-")
    assert "Track number 0 of the ministry" not in header, header  # 20 names are not listed
    assert "20 not shown" in header, header
    assert _header_lines(pw) <= 2, header
    view = pw.view
    assert not view.vscroll.isVisible(), f"lanes below the screen's edge at {size}: {header}"
    shown = [t.id for t in view.timeline.tracks]
    folded = len(TEN) - len(shown)
    if folded:
        assert f"{folded} more track" in header, header
    assert thirty.event("e06_03").track in shown


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_a_steps_fold_does_not_depend_on_the_step_before(qtbot, thirty, size):
    direct = present_at(qtbot, thirty, size, 3)
    want = [t.id for t in direct.view.timeline.tracks]
    assert not direct.view.vscroll.isVisible()
    walked = present_at(qtbot, thirty, size, 2)
    walked.presentation.go_to(2)
    qtbot.wait(5)
    assert [t.id for t in walked.view.timeline.tracks] == want
    assert walked.header.text() == direct.header.text()
    walked.presentation.go_to(1)
    qtbot.wait(5)
    walked.presentation.go_to(2)
    qtbot.wait(5)
    assert [t.id for t in walked.view.timeline.tracks] == want
    assert not walked.view.vscroll.isVisible()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_a_step_leaving_out_its_own_events_track_shows_it_anyway(qtbot, thirty, size):
    """Step 4 names tracks t01 and t02; its event is on t03: the caption was about an event
    not on screen."""
    pw = present_at(qtbot, thirty, size, 4)
    shown = [t.id for t in pw.view.timeline.tracks]
    assert shown == ["t01", "t02", "t03"]
    assert pw.view.timeline.has_event("e03_02")
    assert pw.caption.caption.title == "Report 3-2"
    assert "3 of 30 tracks" in pw.header.text().replace("\u00a0", " ")
