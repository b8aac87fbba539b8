"""The collection window's status line tells the picture: lanes the view lays out as
density strips (too many events to draw one by one at this width) are counted as strips,
even when the store sent their events one by one."""

from __future__ import annotations

import datetime as dt

from tests.ui.collection_windows import shown_collection
from viewer.io.registry import read_timeline, write_timeline


def _crowded(tmp_path):
    day = dt.date(2020, 1, 1)
    rows = [f"Crowded {i},{day + dt.timedelta(days=i)},Busy" for i in range(900)]
    rows += [f"Quiet {i},{day + dt.timedelta(days=300 * i)},Quiet" for i in range(3)]
    csv = tmp_path / "crowded.csv"
    csv.write_text("title,start,track\n" + "\n".join(rows) + "\n", encoding="utf-8")
    path = tmp_path / "crowded.parquet"
    assert write_timeline(read_timeline(csv), path) == []
    return path


def test_the_status_line_counts_the_strips_drawn_not_the_events_sent(qtbot, tmp_path):
    w = shown_collection(qtbot, _crowded(tmp_path), size=(1366, 768))
    w.grab()  # paint: the frame is laid out
    frame = w.view.events_item._frame
    assert frame is not None and len(frame.density) == 1  # "Busy" is a strip on screen
    assert len(w.tracker.shown.visible) == 903  # ... though the store sent its events one by one
    text = w.statusBar().currentMessage()
    assert text.startswith("903 events in view: 3 drawn one by one, 1 track as a density strip"), text


def test_a_search_says_its_matches_in_view_and_how_the_strips_show_them(qtbot, tmp_path):
    day = dt.date(2020, 1, 1)
    rows = [f"{'Needle' if i % 100 == 0 else 'Hay'} {i},{day + dt.timedelta(days=i)},Busy" for i in range(900)]
    csv = tmp_path / "hay.csv"
    csv.write_text("title,start,track\n" + "\n".join(rows) + "\n", encoding="utf-8")
    path = tmp_path / "hay.parquet"
    assert write_timeline(read_timeline(csv), path) == []
    w = shown_collection(qtbot, path, size=(1366, 768))
    w.set_query("needle")
    assert w.wait_drawn(20.0)
    w.grab()  # paint: the frame is laid out (the busy track as a strip)
    assert len(w.view.events_item._frame.density) == 1
    text = w.statusBar().currentMessage()
    # the store sent the events one by one: the strip shows their matches, and says so
    assert text.startswith("9 matches in view of 900 events (density strips dimmed, their matches in full colour "
                           "with a tick below): 1 track as a density strip"), text
    assert 9 <= sum(w.view.events_item.drawn_match_bins.values()) <= 18  # (a date-only match: over its day)
