"""A search in a collection window marks where its matches are along the overview strip (the
density of every track over the collection): a dark tick in the row of each matching event's
track at its place; the strip showed every event alike, matching or not (tester finding)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.ui.collection_windows import shown_collection
from viewer.cli import main as cli
from viewer.model.dates import EventDate

pytest.importorskip("duckdb")


def _collection(tmp_path):
    tracks = [{"id": f"t{k}", "label": f"Track {k}"} for k in range(4)]
    events = [{"id": f"e{i}", "track": f"t{i % 4}", "title": f"Event {i}",
               "start": f"{1860 + i % 40}-{1 + i % 12:02d}-{1 + i % 28:02d}"} for i in range(200)]
    events.append({"id": "fomena", "track": "t2", "title": "Treaty of Fomena", "start": "1874-02-13"})
    src = tmp_path / "gc.timeline.json"
    src.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Gold Coast", "tracks": tracks,
                               "sources": [], "events": events}), encoding="utf-8")
    out = tmp_path / "gc.parquet"
    assert cli(["convert", str(src), str(out)]) == 0
    return out


def test_a_search_marks_its_matches_along_the_overview_and_clearing_it_takes_them_away(qtbot, tmp_path):
    w = shown_collection(qtbot, _collection(tmp_path), size=(1366, 768))
    overview = w.overview
    assert overview.matches is None
    w.search.setText("fomena")
    qtbot.waitUntil(lambda: overview.matches is not None and overview.matches.sum() > 0, timeout=10000)
    lanes, bins = np.nonzero(overview.matches)
    assert lanes.tolist() == [2] and overview.matches.sum() == 1  # one match, in Track 2's row
    lo, hi = overview.shown_range
    at = (EventDate("1874-02-13").earliest - lo) / (hi - lo) * overview.matches.shape[1]
    assert abs(int(bins[0]) - at) <= 1  # at its date
    alpha = overview.match_image.image[..., 3]
    assert alpha.any() and not alpha[:, :4].any()  # in Track 2's row only (image rows 0-3 are tracks 0 and 1)
    w.search.setText("")
    qtbot.waitUntil(lambda: overview.matches is None, timeout=5000)
    assert overview.match_image.image is None
