"""Present mode on a large file: a step that folds the tracks a wall cannot hold works from the
file's columns, never building its events one by one.  At 10^6 events on 20 tracks each story
step built every event in Python (115 s a step, `bench_interact.py`'s *story step* timed out)."""

from __future__ import annotations

import json

from tests.io.test_bulk import bulk_read
from viewer.model.story import Story, StoryStep

from .presenting import present_at

TRACKS = 24


def _many_tracks(path, n=6000):
    """``n`` plain events on :data:`TRACKS` tracks, the first tracks busiest, over one month."""
    events = []
    for i in range(n):
        track = min(int((i * 7919) % n / n * TRACKS * (i % 3 + 1) / 3), TRACKS - 1)
        events.append({"id": f"e{i:05d}", "track": f"t{track:02d}", "title": f"Report {i}",
                       "start": f"2022-02-{1 + i % 27:02d}T{i % 24:02d}:{i % 60:02d}:00Z"})
    tracks = [{"id": f"t{k:02d}", "label": f"Track {k}"} for k in range(TRACKS)]
    doc = {"format": "timeline-viewer", "version": 1, "title": "Many tracks", "tracks": tracks, "events": events}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_folding_step_of_a_lazily_read_file_builds_only_the_events_it_shows(qtbot, tmp_path, monkeypatch):
    tl = bulk_read(_many_tracks(tmp_path / "many.timeline.json"), monkeypatch)
    assert not tl.events._built  # lazy: nothing built by the reader
    story = Story("Wall", tuple(StoryStep(f"e{i:05d}") for i in (10, 2000, 4000)))
    pw = present_at(qtbot, tl, (1366, 768), 2, story=story)
    shown = [t.id for t in pw.view.timeline.tracks]
    folded = TRACKS - len(shown)
    assert folded > 0  # the wall holds fewer lanes than the file has tracks
    assert f"{folded} more tracks not shown" in pw.header.text().replace("\u00a0", " ")
    assert tl.event("e02000").track in shown
    pw.presentation.go_to(2)
    qtbot.wait(5)
    pw.view.viewport().repaint()
    # the steps' own events, and the few a caption or header reads: never the file's 6,000
    assert len(tl.events._built) <= 50, len(tl.events._built)
