"""The event layer at 100,000 events: what is drawn at a one-day zoom, density
strips at a wide zoom, clicks (correctness only; speed is in benchmarks/)."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from viewer.app import _load
from viewer.io import read_timeline
from viewer.model.columns import KIND_SPAN
from viewer.model.synthetic import BURST_DAYS, YEAR_START, synthetic_timeline

DAY = 86400.0


@pytest.fixture(scope="module")
def big_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "synthetic.timeline.json"
    synthetic_timeline(100_000).write_native(str(path))
    return str(path)


@pytest.fixture
def window(open_window, big_path):
    return open_window(read_timeline(big_path), (1920, 1080), big_path, _load)


def drawn_rows(window):
    window.view.grab()
    frame = window.view.events_item._frame
    return frame, set(frame.hit["row"].tolist())


def test_zoomed_to_one_day_the_markers_drawn_are_exactly_that_days_events(window):
    cols = window.timeline.columns
    a = YEAR_START + 150 * DAY - cols.origin_epoch_s  # an ordinary (not burst) day
    b = a + DAY
    window.view.set_x_range(a, b)
    frame, rows = drawn_rows(window)
    assert window.view.x_range() == pytest.approx((a, b))
    # most lanes show markers; a lane crowded by long spans may show a strip
    assert len(frame.density) <= 3
    marker_lanes = [lane for lane in range(cols.n_lanes) if lane not in frame.density]
    in_day = (cols.x0 <= b) & (cols.x1 >= a)  # brute force over all rows
    # ... less those drawn as bars (spans, points whose marker is off screen)
    # that only touch an edge: zero width on screen, so no label pinned there
    as_bar = (cols.kind == KIND_SPAN) | (cols.xm < a) | (cols.xm > b)
    in_day &= ~(as_bar & ((cols.x1 <= a) | (cols.x0 >= b)))
    want = set(np.nonzero(in_day & np.isin(cols.lane, marker_lanes))[0].tolist())
    assert rows == want
    assert 100 < len(rows) < 2000
    for lane, (_, counts) in frame.density.items():
        s, e = cols.block(lane)
        assert counts.sum() == pytest.approx(in_range(cols, lane, a, b))


def in_range(cols, lane, a, b):
    """Events of a lane in [a, b] by the density's rule: a marker counts 1, a
    date-only point the share of its day in [a, b]."""
    s, e = cols.block(lane)
    sp = cols.spread_mask()[s:e]
    xm, x0, x1 = cols.xm[s:e], cols.x0[s:e], cols.x1[s:e]
    share = np.clip(np.minimum(x1[sp], b) - np.maximum(x0[sp], a), 0.0, None) / (x1[sp] - x0[sp])
    return np.count_nonzero((xm[~sp] >= a) & (xm[~sp] <= b)) + share.sum()


def test_whole_year_is_density_strips_whose_counts_are_all_events(window):
    window.view.fit_all()
    frame, rows = drawn_rows(window)
    cols = window.timeline.columns
    assert set(frame.density) == set(range(cols.n_lanes))
    assert not rows
    assert sum(c.sum() for _, c in frame.density.values()) == pytest.approx(len(cols))
    # the burst days stand out: the busiest bins of a lane are on them
    lefts, counts = frame.density[0]
    a, b = window.view.x_range()
    busiest = a + (np.argmax(counts) + 0.5) * (b - a) / len(counts)
    day = int((busiest + cols.origin_epoch_s - YEAR_START) // DAY)
    assert min(abs(day - d) for d in BURST_DAYS) <= 1


def test_click_selects_the_marker_under_the_mouse_and_density_picks_the_nearest(window):
    view, cols = window.view, window.timeline.columns
    a = YEAR_START + 150 * DAY - cols.origin_epoch_s
    view.set_x_range(a, a + DAY)
    frame, rows = drawn_rows(window)
    # a point whose marker is in view (a day-long event of a neighbouring day is
    # drawn as a labelled bar, its marker off screen)
    on_screen = sorted(r for r in rows if cols.kind[r] == 0 and a <= cols.xm[r] <= a + DAY)
    row = on_screen[len(on_screen) // 2]
    eid = cols.ids[row]
    pos = view.marker_scene_pos(eid)
    assert pos is not None
    expected = view.event_at(pos)
    view._on_click(pos)
    assert window.state.selected == expected is not None
    assert abs(cols.xm[cols.row_of(window.state.selected)] - cols.xm[row]) * frame.sx < 2 * view.style_.marker_px
    # whole year: a click on a lane's strip selects the event nearest in time
    view.fit_all()
    frame, _ = drawn_rows(window)
    top, bottom = frame.lanes[3]
    x_dev = float(round((frame.left_px + frame.right_px) / 2))
    scene = view.mapToScene(QPointF(x_dev, (top + bottom) / 2).toPoint())
    view._on_click(QPointF(scene))
    chosen = window.state.selected
    assert chosen is not None and int(cols.lane[cols.row_of(chosen)]) == 3
    x_data = (x_dev - frame.tx) / frame.sx
    best = cols.nearest(3, x_data)  # ties (same instant) may pick either
    assert abs(cols.xm[cols.row_of(chosen)] - x_data) == abs(cols.xm[best] - x_data)
