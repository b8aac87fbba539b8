"""The event layer's frame computation without Qt: what is visible, which
lanes are density strips, where labels and badges go, what a point hits."""

import subprocess
import sys

import numpy as np
import pytest

from viewer.graphics.frame import (
    DENSITY_BIN_PX,
    FrameMetrics,
    ViewPx,
    compute_frame,
    heaped,
    merge_badges,
    row_at,
)
from viewer.model.dates import EventDate
from viewer.model.lanes import lane_geometry
from viewer.model.timeline import Event, EventKind, Timeline, Track

DAY = 86400.0
METRICS = FrameMetrics(font_px=16, min_font_px=9, marker_px=7, label_max_px=448, line_px=19.0)
WIDTH_PX, LANE_PX = 1000.0, 120.0


@pytest.fixture(autouse=True)
def _pin_font():
    """No Qt here: the graphics tests' font fixture is not needed."""


class CharWidths:
    """Labels 8 pixels a character of the title (bold: 9)."""

    def __init__(self, timeline):
        self.titles = [timeline.events[int(i)].title for i in timeline.columns.event_index]
        self.asked = set()

    def label_px(self, row, font_px):
        self.asked.add(row)
        return 8.0 * len(self.titles[row]) * font_px / 16

    def selected_label_px(self, row, font_px):
        self.asked.add(row)
        return 9.0 * len(self.titles[row]) * font_px / 16


def timeline_of(counts, seed=3, same_instant=False):
    """One track per entry of ``counts`` with that many events in February 2022."""
    rng = np.random.default_rng(seed)
    tracks = tuple(Track(f"t{k}", f"Track {k}", order=k) for k in range(len(counts)))
    events = []
    for k, n in enumerate(counts):
        for i in range(n):
            if same_instant:
                when = "2022-02-10T12:00:00Z"
            else:
                when = f"2022-02-{int(rng.integers(1, 28)):02d}T{int(rng.integers(0, 24)):02d}:00:00Z"
            if not same_instant and rng.random() < 0.2:
                end = EventDate(f"2022-02-{int(rng.integers(27, 29)):02d}T23:00:00Z")
                events.append(Event(f"e{k}_{i}", f"span {k} {i}", EventDate(when), track=f"t{k}",
                                    kind=EventKind.SPAN, end=end))
            else:
                events.append(Event(f"e{k}_{i}", f"point {k} {i}", EventDate(when), track=f"t{k}"))
    return Timeline("frame", tracks, tuple(events))


def view_of(timeline, a_day, b_day, n_lanes, top=0.0, bottom=None):
    """A view of days [a_day, b_day) of February 2022 over WIDTH_PX pixels, lanes LANE_PX high."""
    cols = timeline.columns
    origin = cols.origin_epoch_s
    feb1 = EventDate("2022-02-01").earliest
    a = feb1 + (a_day - 1) * DAY - origin
    b = feb1 + (b_day - 1) * DAY - origin
    sx = WIDTH_PX / (b - a)
    return ViewPx(a, b, top, n_lanes if bottom is None else bottom, sx, -a * sx, LANE_PX, 0.0)


def frame_of(timeline, view, collapsed=(), selected=None):
    lanes = lane_geometry([t.id for t in timeline.tracks], collapsed=collapsed)
    cols = timeline.columns
    sel_row = cols.row_of(selected) if selected else None
    widths = CharWidths(timeline)
    return compute_frame(("k",), cols, lanes, view, METRICS, widths, sel_row), widths


def brute_visible(cols, lane, a, b):
    """Rows of ``lane`` whose drawn extent meets [a, b] (markers and bars)."""
    rows = np.nonzero(cols.lane == lane)[0]
    with np.errstate(invalid="ignore"):
        meets = (cols.x1[rows] >= a) & (cols.x0[rows] <= b)
        meets |= (cols.xm[rows] >= a) & (cols.xm[rows] <= b)
    return set(rows[meets].tolist())


def test_sparse_lanes_place_exactly_the_visible_events_on_random_windows():
    tl = timeline_of([12, 20, 7])
    cols = tl.columns
    rng = np.random.default_rng(11)
    for _ in range(40):
        a_day = float(rng.uniform(0, 25))
        b_day = a_day + float(rng.uniform(0.5, 8))
        view = view_of(tl, a_day, b_day, 3)
        frame, widths = frame_of(tl, view)
        assert frame.density == {}
        placed = {pl.row for pl in frame.placements}
        for lane in range(3):
            lane_rows = {r for r in placed if int(cols.lane[r]) == lane}
            assert lane_rows <= brute_visible(cols, lane, view.a, view.b)
        # a point whose marker is on screen is always placed
        on_screen = {r for r in range(len(cols)) if view.a <= cols.xm[r] <= view.b and cols.kind[r] == 0}
        assert on_screen <= placed
        assert widths.asked <= placed | on_screen
        # markers of placed points lie on screen; hit arrays match the placements
        assert list(frame.hit["row"]) == [pl.row for pl in frame.placements]
        assert len(frame.hit["y"]) == len(frame.placements)


def test_a_crowded_lane_becomes_a_density_strip_whose_counts_add_up():
    tl = timeline_of([3, 3000])
    cols = tl.columns
    view = view_of(tl, 1, 29, 2)
    frame, widths = frame_of(tl, view)
    assert list(frame.density) == [1]
    lefts, counts = frame.density[1]
    assert len(lefts) == len(counts) == int(WIDTH_PX // DENSITY_BIN_PX)
    assert counts.sum() == pytest.approx(np.count_nonzero(cols.lane == 1), abs=1e-6)
    assert all(int(cols.lane[pl.row]) == 0 for pl in frame.placements)
    assert not any(int(cols.lane[r]) == 1 for r in widths.asked)  # nothing measured in a strip
    assert heaped(frame, cols, int(np.nonzero(cols.lane == 1)[0][0]))


def test_the_selected_event_keeps_its_marker_and_label_in_a_strip():
    tl = timeline_of([3000])
    cols = tl.columns
    chosen = cols.ids[int(np.nonzero(cols.kind == 0)[0][5])]
    frame, _ = frame_of(tl, view_of(tl, 1, 29, 1), selected=chosen)
    assert 0 in frame.density
    assert [cols.ids[pl.row] for pl in frame.placements] == [chosen]
    assert frame.placements[0].label_width > 0


def test_a_collapsed_lane_has_markers_without_labels():
    tl = timeline_of([10, 10])
    view = view_of(tl, 1, 29, 2)
    frame, _ = frame_of(tl, view, collapsed=("t1",))
    cols = tl.columns
    strip = [pl for pl in frame.placements if int(cols.lane[pl.row]) == 1]
    assert strip and all(pl.label_width == 0 and pl.slot == 0 for pl in strip)
    top, bottom = frame.lanes[1]
    ys = frame.hit["y"][frame.hit["lane"] == 1]
    assert np.allclose(ys, (top + bottom) / 2)


def test_lanes_outside_the_vertical_view_are_not_laid_out():
    tl = timeline_of([10, 10, 10, 10])
    view = view_of(tl, 1, 29, 4, top=0.0, bottom=1.5)
    frame, widths = frame_of(tl, view)
    lanes = {int(tl.columns.lane[pl.row]) for pl in frame.placements}
    assert lanes == {0, 1}
    assert {int(tl.columns.lane[r]) for r in widths.asked} <= {0, 1}


def test_a_crowd_at_one_instant_squeezes_the_lane_and_badges_never_overlap():
    tl = timeline_of([60], same_instant=True)
    frame, _ = frame_of(tl, view_of(tl, 9, 12, 1))
    assert frame.lane_font_px.get(0, METRICS.font_px) < METRICS.font_px  # smaller type first
    over = frame.hit["overflow"]
    assert over.any()  # still more than fit: drawn over each other

    def width(n):
        return 8.0 * len(f"+{n}") + 8

    badges = merge_badges(frame.hit, METRICS.marker_px, width)
    assert sum(n for _lane, _x, n in badges) == int(over.sum())
    spans = sorted((x - width(n) / 2, x + width(n) / 2) for _lane, x, n in badges)
    assert all(a1 <= b0 for (_a0, a1), (b0, _b1) in zip(spans, spans[1:]))


def test_a_point_hits_the_marker_drawn_there_and_nothing_far_away():
    tl = timeline_of([8, 8])
    frame, _ = frame_of(tl, view_of(tl, 1, 29, 2))
    cols = tl.columns
    for k, pl in enumerate(frame.placements):
        if cols.kind[pl.row] != 0 or pl.overflow:
            continue
        x, y = float(frame.hit["x"][k]), float(frame.hit["y"][k])
        assert row_at(frame, cols, x, y, r=11.0, label_h=19.0) in {
            int(r) for r in frame.hit["row"][(np.abs(frame.hit["x"] - x) <= 11) & (np.abs(frame.hit["y"] - y) <= 11)]}
    assert row_at(frame, cols, -500.0, -500.0, r=11.0, label_h=19.0) == -1


def test_the_frame_module_imports_without_qt():
    code = ("import sys\n"
            "for name in ('PySide6', 'pyqtgraph', 'shiboken6'):\n"
            "    sys.modules[name] = None\n"
            "import viewer.graphics.frame, viewer.graphics.layout\n"
            "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


# the briefing style at a 768 px screen: 21 px type, squeezed down to 17 px, 9 px markers
BRIEFING_768 = FrameMetrics(font_px=21, min_font_px=17, marker_px=9, label_max_px=630, line_px=24.6)


def _briefing_frame(counts, lane_px):
    """Tracks with ``counts`` events at one instant, lanes ``lane_px`` high, briefing type."""
    tl = timeline_of(counts, same_instant=True)
    v = view_of(tl, 5, 15, len(counts))
    view = ViewPx(v.a, v.b, v.top, v.bottom, v.sx, v.tx, lane_px, 0.0)
    lanes = lane_geometry([t.id for t in tl.tracks])
    return compute_frame(("k",), tl.columns, lanes, view, BRIEFING_768, CharWidths(tl), None)


@pytest.mark.parametrize(("n", "lane_px"), [(2, 54.0), (3, 81.0), (4, 108.0)])
def test_a_briefing_lane_with_room_for_its_events_at_the_smallest_type_gives_each_a_row(n, lane_px):
    """A present-mode lane of 54 px holds two events of one day at 17 px type: each gets a
    sub-row and a label (it drew one marker, a "+1" badge and no label at all)."""
    frame = _briefing_frame([n], lane_px)
    assert len(frame.placements) == n
    assert not any(p.overflow for p in frame.placements)
    assert all(p.label_width > 0 for p in frame.placements)
    assert sorted(p.slot for p in frame.placements) == list(range(n))
    assert frame.lane_font_px[0] >= BRIEFING_768.min_font_px
    assert frame.slot_h_of(0) >= BRIEFING_768.line_px * 17 / 21  # a line of the smaller type fits


def test_a_briefing_lane_lower_than_a_full_row_still_labels_its_event_in_smaller_type():
    """A quiet track weighted to 27 px among busy ones ("Exercise"): its event keeps a label,
    in type that fits the lane, instead of a bare marker."""
    frame = _briefing_frame([1], 27.0)
    (pl,) = frame.placements
    assert pl.label_width > 0
    font = frame.lane_font_px.get(0, BRIEFING_768.font_px)
    assert BRIEFING_768.min_font_px <= font < BRIEFING_768.font_px
    assert BRIEFING_768.line_px * font / BRIEFING_768.font_px <= 27.0 - 4 + 0.5


def test_the_desk_lanes_squeeze_as_before():
    """Desk type (16 px, markers 7): the smallest squeezed sub-row is still marker-bound (19 px),
    so four events of one instant in a 60 px lane take its two sub-rows and two overlap (as before)."""
    tl = timeline_of([4], same_instant=True)
    v = view_of(tl, 5, 15, 1)
    view = ViewPx(v.a, v.b, v.top, v.bottom, v.sx, v.tx, 60.0, 0.0)
    frame = compute_frame(("k",), tl.columns, lane_geometry(["t0"]), view, METRICS, CharWidths(tl), None)
    assert frame.slot_h_of(0) >= 2 * METRICS.marker_px + 5 - 0.01
    assert sorted(p.slot for p in frame.placements if not p.overflow) == [0, 1]
    assert sum(p.overflow for p in frame.placements) == 2
