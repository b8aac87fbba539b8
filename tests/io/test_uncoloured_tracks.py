"""A file without track colours is read as uncoloured and written back without colours."""

import json
from pathlib import Path

from viewer.io.native import read_native, write_native

SIX = Path(__file__).parent.parent / "data" / "six_uncoloured_tracks.timeline.json"


def test_uncoloured_tracks_are_read_as_unset_and_drawn_in_six_colours():
    tl = read_native(SIX)
    assert [t.color for t in tl.tracks] == [""] * 6
    assert len(set(tl.track_colours)) == 6


def test_a_round_trip_writes_no_invented_colour(tmp_path):
    out = tmp_path / "again.timeline.json"
    write_native(read_native(SIX), out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all("color" not in t for t in data["tracks"])
    again = read_native(out)
    assert [t.color for t in again.tracks] == [""] * 6


def test_a_given_colour_survives_the_round_trip(tmp_path):
    data = json.loads(SIX.read_text(encoding="utf-8"))
    data["tracks"][2]["color"] = "#123456"
    src = tmp_path / "one.timeline.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "two.timeline.json"
    write_native(read_native(src), out)
    written = json.loads(out.read_text(encoding="utf-8"))["tracks"]
    assert [t.get("color") for t in written] == [None, None, "#123456", None, None, None]
