"""A collection window names its tracks whole when there is room (wrapped onto the lines its lane
is high enough for) and otherwise cuts a name at its end at a whole word, with "…" and the whole
name on hover.  It cut them in the middle, "▾ Battle-Gov…om territory", even at 1920x1080 with
five lines of room in each lane (tester finding)."""

from __future__ import annotations

import json

import pytest

from tests.ui.collection_windows import shown_collection
from viewer.cli import main as cli
from viewer.model.text import plain_tooltip

pytest.importorskip("duckdb")

LONG = ["Battle-Governed Gold Coast and Ashanti Kingdom territory",
        "British Colonial Office (London) and the Governors of the Cape", "Army",
        "Ashanti Confederacy council of chiefs at Kumasi", "Fante Confederation",
        "Dutch Gold Coast trading posts at Elmina"]


def _collection(tmp_path, labels):
    tracks = [{"id": f"t{i}", "label": label} for i, label in enumerate(labels)]
    events = [{"id": f"e{i}", "track": f"t{i % len(labels)}", "title": f"Event {i}",
               "start": f"{1860 + i % 40}-{1 + i % 12:02d}-{1 + i % 28:02d}"} for i in range(12 * len(labels))]
    src = tmp_path / "gc.timeline.json"
    src.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Gold Coast", "tracks": tracks,
                               "sources": [], "events": events}), encoding="utf-8")
    out = tmp_path / "gc.parquet"
    assert cli(["convert", str(src), str(out)]) == 0
    return out


def _shown(w, lane):
    axis = w.view.track_axis
    return axis.shown_text(lane).removeprefix("▾ ").removeprefix("▸ ")


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_long_track_names_are_shown_whole_when_their_lanes_have_room(qtbot, tmp_path, size):
    w = shown_collection(qtbot, _collection(tmp_path, LONG), size=size)
    for lane, label in enumerate(LONG):
        assert " ".join(_shown(w, lane).split()) == label, _shown(w, lane)
    drawn = " ".join(" ".join(text.split()) for text, _rect in w.view.track_axis.drawn_labels())
    assert "Kingdom territory" in drawn and "…" not in drawn


def test_a_name_without_room_is_cut_at_its_end_at_a_whole_word_with_its_name_on_hover(qtbot, tmp_path):
    labels = [f"{name} number {k}" for k in range(4) for name in LONG]  # 24 lanes: one line each
    w = shown_collection(qtbot, _collection(tmp_path, labels), size=(1366, 768))
    axis = w.view.track_axis
    cut = [lane for lane in range(len(labels)) if "…" in _shown(w, lane)]
    assert cut
    for lane in cut:
        # the name as the lanes write it ("● …" first on a track whose colour repeats an earlier one's)
        shown, full = _shown(w, lane), w.view.track_label(w.view.order[lane])
        assert full.endswith(labels[w.view.order[lane]])
        assert "\n" not in shown and shown.endswith(" …"), shown
        assert full.startswith(shown.removesuffix(" …") + " ")  # whole words from its start
        assert axis.tooltip(lane) == plain_tooltip(full)  # the whole name, as text (never markup)
