"""A time of day in a zone other than UTC keeps its moment through CSV (csvmap helper's
finding): it was written bare ('2022-02-10T06:00:00' for 06:00 in Minsk) and read back as UTC,
three hours later, with nothing in the loss list."""

import csv
import json

from viewer.io import read_timeline
from viewer.io.registry import write_timeline

DOC = {
    "format": "timeline-viewer", "version": 1, "title": "Zones", "time_zone": "Asia/Tokyo",
    "tracks": [{"id": "t", "label": "T", "order": 0}],
    "events": [
        {"id": "minsk", "track": "t", "title": "Minsk", "start": {"edtf": "2022-02-10T06:00:00",
                                                                    "time_zone": "Europe/Minsk"}},
        {"id": "tokyo", "track": "t", "title": "Tokyo (the timeline's zone)", "start": "2022-02-10T18:30:00",
         "kind": "span", "end": "2022-02-10T20:00:00"},
        {"id": "day", "track": "t", "title": "A day", "start": "2022-02-10"},
        {"id": "utc", "track": "t", "title": "UTC", "start": "2022-02-10T10:00:00Z"},
    ],
}


def test_times_keep_their_moment_and_the_zone_names_are_listed(tmp_path):
    src = tmp_path / "zones.timeline.json"
    src.write_text(json.dumps(DOC), encoding="utf-8")
    original = read_timeline(src)
    out = tmp_path / "zones.csv"
    losses = write_timeline(original, out)
    with out.open(encoding="utf-8", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert rows["minsk"]["start"] == "2022-02-10T06:00:00+03:00"
    assert (rows["tokyo"]["start"], rows["tokyo"]["end"]) == ("2022-02-10T18:30:00+09:00", "2022-02-10T20:00:00+09:00")
    assert rows["day"]["start"] == "2022-02-10"
    assert rows["utc"]["start"] == "2022-02-10T10:00:00Z"
    back = {e.id: e for e in read_timeline(out).events}
    for e in original.events:
        assert (back[e.id].start.earliest, back[e.id].latest) == (e.start.earliest, e.latest), e.id
    line = next(ln for ln in losses if "UTC offset" in ln)
    assert line.startswith("3 times of day written with their UTC offset")
    assert "(Asia/Tokyo, Europe/Minsk) is not" in line
