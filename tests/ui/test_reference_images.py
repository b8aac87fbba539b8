"""The pictures people see, compared with approved reference images
(``tests/images.py`` says how to re-approve after an intended change)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.images import assert_matches_approved
from viewer.app import main


def render(args, out):
    assert main([*args, "--screenshot", str(out)]) == 0
    return out


def test_bundled_timeline_at_1920x1080(tmp_path):
    out = render(["--size", "1920x1080"], tmp_path / "bundled.png")
    assert_matches_approved(out, "bundled-1920x1080", tmp_path)


def test_present_step_1_at_3840x2160(tmp_path):
    out = render(["--present", "--step", "1", "--size", "3840x2160"], tmp_path / "present.png")
    assert_matches_approved(out, "present-step1-3840x2160", tmp_path)


@pytest.fixture
def dense_lane_file(tmp_path):
    """One track with 3,000 events within one day (seeded), beside a quiet track."""
    rng = np.random.default_rng(2022)
    seconds = np.sort(rng.integers(0, 86400, 3000))
    events = [{"id": f"e{i}", "track": "busy", "title": f"Report {i}",
               "start": {"edtf": f"2022-02-10T{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}Z"}}
              for i, s in enumerate(seconds)]
    events.append({"id": "quiet", "track": "quiet", "title": "Statement", "start": {"edtf": "2022-02-10"}})
    doc = {"format": "timeline-viewer", "version": 1, "title": "One dense lane",
           "tracks": [{"id": "busy", "label": "Busy"}, {"id": "quiet", "label": "Quiet"}],
           "events": events}
    path = tmp_path / "dense.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_one_dense_lane(tmp_path, dense_lane_file):
    out = render([str(dense_lane_file), "--size", "1366x768"], tmp_path / "dense.png")
    assert_matches_approved(out, "dense-lane-1366x768", tmp_path)
