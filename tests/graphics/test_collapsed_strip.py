"""A collapsed lane at 100,000 events: a thin density strip that still answers clicks."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from viewer.app import _load
from viewer.io import read_timeline
from viewer.model.synthetic import synthetic_timeline
from viewer.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def big_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "synthetic.timeline.json"
    synthetic_timeline(100_000).write_native(str(path))
    return str(path)


def test_a_collapsed_crowded_lane_is_a_density_strip_that_still_answers_clicks(qtbot, big_path):
    w = MainWindow(read_timeline(big_path), _load, big_path)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    w.view.fit_all()
    track = w.view.lanes.track_ids[0]
    w.state.set_track_collapsed(track, True)
    w.view.grab()
    frame = w.view.events_item._frame
    assert 0 in frame.density  # too many events for markers: a density strip, no labels
    top, bottom = frame.lanes[0]
    assert bottom - top < 45  # a strip, not a lane
    lefts, counts = frame.density[0]
    k = int(np.argmax(counts))
    eid = w.view.events_item.event_at(QPointF(float(lefts[k]) + 1, (top + bottom) / 2))
    assert eid is not None and w.timeline.event(eid).track == track
