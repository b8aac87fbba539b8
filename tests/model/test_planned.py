"""Issue 10: an event the source describes as planned ("will meet in Berlin
on Thursday", written on that Thursday) is shown as planned whatever its date."""

import json

import pytest

from viewer.io import read_timeline, write_timeline
from viewer.model.errors import TimelineLoadError
from viewer.model.presentation import caption_for


def _file(tmp_path, status=None):
    ev = {"id": "meet", "track": "t", "title": "Advisers due to meet", "start": "2022-02-10"}
    if status is not None:
        ev["status"] = status
    doc = {"format": "timeline-viewer", "version": 1, "title": "T", "reference_date": "2022-02-10",
           "tracks": [{"id": "t", "label": "T"}],
           "events": [ev, {"id": "met", "track": "t", "title": "Met", "start": "2022-02-10"}]}
    path = tmp_path / "p.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def test_a_same_day_plan_marked_planned_is_planned_and_the_rest_is_not(tmp_path):
    tl = read_timeline(_file(tmp_path, "planned"))
    assert tl.is_planned(tl.event("meet")) and not tl.is_planned(tl.event("met"))
    planned_ids = {tl.columns.ids[i] for i in tl.planned_rows().nonzero()[0]}
    assert planned_ids == {"meet"}
    assert "planned" in caption_for(tl, "meet").date and "planned" not in caption_for(tl, "met").date
    out = tmp_path / "again.timeline.json"
    write_timeline(tl, str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["events"][0]["status"] == "planned"
    assert read_timeline(str(out)).event("meet").planned


def test_without_status_a_same_day_event_is_not_planned(tmp_path):
    tl = read_timeline(_file(tmp_path))
    assert not tl.planned_rows().any()


def test_an_unknown_status_is_refused_with_its_place(tmp_path):
    with pytest.raises(TimelineLoadError) as err:
        read_timeline(_file(tmp_path, "maybe"))
    assert "status" in str(err.value) and "events" in str(err.value)


def test_the_bundled_same_day_plans_are_planned(bundled_path):
    tl = read_timeline(bundled_path)
    for eid in ("berlin-advisers-meeting", "johnson-stoltenberg-brussels", "johnson-poland", "drills-end"):
        assert tl.is_planned(tl.event(eid)), eid
    for eid in ("drills-begin", "truss-arrives-moscow", "le-drian-good-sign"):
        assert not tl.is_planned(tl.event(eid)), eid
