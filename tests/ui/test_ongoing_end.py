"""An end written "ongoing" is stated by the source (it goes on), not "not stated"."""

import json

from viewer.io.registry import read_timeline_report
from viewer.ui.detail_pane import event_html


def test_an_ongoing_csv_end_reads_as_ongoing_not_as_not_stated(tmp_path):
    sheet = tmp_path / "war.csv"
    sheet.write_text("title,start,end\nWar,2022-02-24,ongoing\nTalks,2022-03-01,unknown\n", encoding="utf-8")
    timeline = read_timeline_report(str(sheet)).timeline
    war, talks = timeline.events
    shown = event_html(war, timeline)
    assert "ongoing (as of the source)" in shown and "not stated" not in shown
    assert war.end is not None and war.end.edtf == ".."  # no end date is invented
    assert "open (not stated)" in event_html(talks, timeline)  # 'unknown' is not stated


def test_an_ongoing_native_end_reads_as_ongoing(tmp_path):
    doc = {"format": "timeline-viewer", "version": 1, "title": "t", "tracks": [{"id": "a", "label": "A"}],
           "events": [{"id": "w", "kind": "span", "title": "War", "track": "a",
                                      "start": "2022-02-24", "end": {"edtf": "..", "phrase": "Ongoing"}}]}
    path = tmp_path / "war.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    timeline = read_timeline_report(str(path)).timeline
    assert "ongoing (as of the source)" in event_html(timeline.events[0], timeline)
