"""A search in a collection window zoomed out so far that the store sends a lane as a density
strip: the store counts the search's matches in the strip (its density with the search as a
filter, in its worker thread) and they are drawn over the dimmed strip, at their dates, with a
dark tick below; the status line says so.  Before, the strip showed every event alike."""

from __future__ import annotations

import json

import numpy as np
import pytest

from viewer.cli import main as cli
from viewer.io.collection_window import open_collection_store
from viewer.model.dates import EventDate
from viewer.ui.collection_window import STRIPS_MATCHES, CollectionWindow

pytest.importorskip("duckdb")

NEEDLES = ("1871-03-10", "1880-07-20", "1893-11-05")


def _collection(tmp_path):
    tracks = [{"id": f"t{k}", "label": f"Track {k}"} for k in range(2)]
    events = [{"id": f"e{i}", "track": f"t{i % 2}", "title": f"Event {i}",
               "start": f"{1860 + i % 40}-{1 + i % 12:02d}-{1 + (i // 40) % 28:02d}T12:00:00Z"}
              for i in range(3000)]
    events += [{"id": f"n{k}", "track": "t0", "title": "Treaty of Fomena", "start": d + "T12:00:00Z"}
               for k, d in enumerate(NEEDLES)]
    src = tmp_path / "gc.timeline.json"
    src.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Gold Coast", "tracks": tracks,
                               "sources": [], "events": events}), encoding="utf-8")
    out = tmp_path / "gc.parquet"
    assert cli(["convert", str(src), str(out)]) == 0
    return out


def _ink(img, x, y):
    c = img.pixelColor(int(x), int(y))
    return 765 - (c.red() + c.green() + c.blue())


def test_the_store_counts_a_searchs_matches_in_the_strips_and_they_are_drawn(qtbot, tmp_path):
    w = CollectionWindow(open_collection_store(str(_collection(tmp_path))), "gc.parquet", cap=300)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.wait_drawn(20.0)
    w.view.set_window(EventDate("1860-01-01").earliest, EventDate("1900-01-01").earliest)
    w.view.ask_again()
    assert w.wait_drawn(20.0)
    w.set_query("fomena")
    qtbot.waitUntil(lambda: w.tracker.shown is not None and w.tracker.shown.request.query == "fomena",
                    timeout=20000)
    assert w.wait_drawn(20.0)
    item = w.view.events_item
    qtbot.waitUntil(lambda: w.view.grab() is not None and bool(getattr(item, "drawn_match_bins", {}).get(0)),
                    timeout=10000)
    img = w.view.grab().toImage()
    frame = item._frame
    assert 0 in frame.density and 0 in item.columns.crowded_totals  # the store sent Track 0 as a strip
    lefts, counts = frame.density[0]
    bw = lefts[1] - lefts[0]
    top, bottom = frame.lanes[0]
    foot = bottom - min(6.0, (bottom - top) * 0.2) + 1
    mid = (top + bottom) / 2
    o = item.columns.origin_epoch_s
    hit = [int((((EventDate(d).earliest + 43200) - o) * frame.sx + frame.tx - lefts[0]) // bw) for d in NEEDLES]
    for k in hit:  # each match: a dark tick under its bin (or the next, rounding)
        assert max(_ink(img, lefts[j] + 1, foot) for j in (k - 1, k, k + 1)) > 350, k
    busy = [k for k in range(4, len(counts)) if counts[k] > 0 and min(abs(k - h) for h in hit) > 4]
    assert busy and max(_ink(img, lefts[k] + 1, foot) for k in busy) < 200  # no tick where nothing matches
    strongest = max(max(_ink(img, lefts[j] + 1, mid) for j in (k - 1, k, k + 1)) for k in hit)
    assert strongest > max(_ink(img, lefts[k] + 1, mid) for k in busy) + 100  # the matches stand out
    qtbot.waitUntil(lambda: STRIPS_MATCHES in w.statusBar().currentMessage(), timeout=5000)
    # a new search: the old answer is not drawn for it
    w.set_query("nothing like this")
    qtbot.waitUntil(lambda: w.tracker.shown is not None and w.tracker.shown.request.query == "nothing like this",
                    timeout=20000)
    assert w.wait_drawn(20.0)
    img = w.view.grab().toImage()
    assert all(_ink(img, lefts[k] + 1, foot) < 200 for k in hit)
    assert not np.any([item.drawn_match_bins.get(0, 0)])
