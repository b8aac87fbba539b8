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
