"""Screen-space label layout: no overlaps, selected first, elision, fallbacks."""

from viewer.graphics.layout import layout_lane


def occupied(p, label_px):
    right = max(p.bar1, p.marker_x + 7, p.label_x + p.label_width if p.label_width else 0)
    return min(p.bar0, p.marker_x - 7), right


def test_labels_never_overlap_within_a_sub_row():
    xs = [10.0 * i for i in range(60)]
    widths = [120.0] * 60
    out = layout_lane(list(range(60)), xs, xs, xs, widths, n_slots=3)
    for slot in range(3):
        spans = sorted(occupied(p, 120) for p in out if p.slot == slot and p.label_width > 0)
        for (_a0, a1), (b0, _b1) in zip(spans, spans[1:]):
            assert a1 <= b0


def test_everything_fits_when_there_is_room():
    xs = [0.0, 400.0, 800.0]
    out = layout_lane([0, 1, 2], xs, xs, xs, [100.0] * 3, n_slots=2)
    assert all(p.label_width == 100.0 and p.slot == 0 for p in out)


def test_same_day_events_stack_into_sub_rows():
    xs = [500.0] * 3
    out = layout_lane([0, 1, 2], xs, xs, xs, [200.0] * 3, n_slots=3)
    assert sorted(p.slot for p in out) == [0, 1, 2]
    assert all(p.label_width == 200.0 for p in out)


def test_selected_event_gets_its_label_first():
    xs = [100.0, 105.0]
    out = layout_lane([7, 8], xs, xs, xs, [300.0, 300.0], n_slots=1, first=1)
    by_row = {p.row: p for p in out}
    assert by_row[8].label_width == 300.0
    assert by_row[7].label_width == 0.0


def test_label_is_shortened_to_the_free_room():
    xs = [0.0, 200.0]
    out = layout_lane([0, 1], xs, xs, xs, [400.0, 50.0], n_slots=1, min_label_px=40)
    first = next(p for p in out if p.row == 0)
    assert 40 <= first.label_width < 400


def test_selecting_an_event_that_already_fits_does_not_move_anything():
    xs = [100.0, 100.0, 600.0]
    plain = layout_lane([0, 1, 2], xs, xs, xs, [150.0] * 3, n_slots=3)
    selected = layout_lane([0, 1, 2], xs, xs, xs, [150.0] * 3, n_slots=3, first=1)
    assert [(p.row, p.slot) for p in plain] == [(p.row, p.slot) for p in selected]


def test_label_at_the_right_edge_goes_left_and_never_past_the_left_edge():
    out = layout_lane([0], [950.0], [950.0], [950.0], [300.0], n_slots=1, left_edge=0.0, right_edge=1000.0)
    (p,) = out
    assert p.label_width == 300.0 and p.label_x + p.label_width < 950.0
    # no room on either side: the label goes where there is more, shortened
    out = layout_lane([0], [150.0], [150.0], [150.0], [500.0], n_slots=1, left_edge=0.0, right_edge=300.0)
    (p,) = out
    assert p.label_x >= 0.0 and p.label_x + p.label_width <= 300.0
    assert 0 < p.label_width < 500.0


def test_events_with_no_free_sub_row_are_marked_overflow():
    xs = [500.0] * 5
    out = layout_lane(list(range(5)), xs, xs, xs, [100.0] * 5, n_slots=3)
    assert sum(p.overflow for p in out) == 2


def extent(p):
    """Pixels a placement covers: bar, marker and label (a label may sit left of its marker).
    A bar (a span) is drawn without a marker."""
    if p.bar1 > p.bar0:
        lo, hi = p.bar0, p.bar1
    else:
        lo, hi = min(p.bar0, p.marker_x - 7), max(p.bar1, p.marker_x + 7)
    if p.label_width > 0:
        lo, hi = min(lo, p.label_x), max(hi, p.label_x + p.label_width)
    return lo, hi


def assert_no_overlap(out, n_slots):
    for slot in range(n_slots):
        spans = sorted(extent(p) for p in out if p.slot == slot and not p.overflow)
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            assert a1 <= b0 + 0.5, (slot, (a0, a1), (b0, b1))


def test_labels_turned_left_at_the_right_edge_never_cover_each_other():
    """The bundled Russia lane seen whole (2014-2022) at 1600 px: three points
    of 10 Feb 2022 at the right edge, two slots free.  The third label used to
    be shortened to the room *left* of its neighbour's label and then drawn
    ending at its marker, on top of that label ("...statement oLavrov: ...")."""
    xs = [1040.0, 1040.0, 1041.0]
    out = layout_lane([0, 1, 2], xs, xs, xs, [300.0, 320.0, 380.0], n_slots=2,
                      left_edge=0.0, right_edge=1060.0)
    assert_no_overlap(out, 2)
    assert sum(p.overflow for p in out) == 1  # the third is marked (+N), not hidden under a label


def test_no_overlap_for_random_lanes_with_labels_on_both_sides():
    import random

    rng = random.Random(5)
    for _ in range(300):
        k, n_slots = rng.randint(1, 25), rng.randint(1, 4)
        right = rng.uniform(200, 1600)
        xs = [rng.uniform(0, right) for _ in range(k)]
        ends = [x + (rng.uniform(0, 300) if rng.random() < 0.3 else 0.0) for x in xs]
        widths = [rng.uniform(20, 400) for _ in range(k)]
        first = rng.randrange(k) if rng.random() < 0.3 else None
        out = layout_lane(list(range(k)), xs, xs, ends, widths, n_slots, left_edge=0.0,
                          right_edge=right, first=first)
        assert len(out) == k
        assert_no_overlap(out, n_slots)


def test_touching_bars_share_a_sub_row():
    """Issue 10: a span ending where the next begins is not an overlap (the
    second of 08:00:00 both share is within touch_px)."""
    out = layout_lane([0, 1], [100.0, 300.0], [100.0, 300.0], [300.4, 500.0], [80.0, 80.0], n_slots=2,
                      touch_px=0.5)
    assert [p.slot for p in out] == [0, 0] and all(p.label_width == 80.0 for p in out)
    # a real overlap still takes another sub-row
    out = layout_lane([0, 1], [100.0, 290.0], [100.0, 290.0], [300.0, 500.0], [80.0, 80.0], n_slots=2,
                      touch_px=0.5)
    assert sorted(p.slot for p in out) == [0, 1]


def test_a_bar_running_off_the_right_edge_keeps_its_label_inside_what_is_shown():
    """Too long to fit inside the bar, the label went right of it: past the edge, out of sight."""
    (p,) = layout_lane([0], [200.0], [200.0], [730.0], [600.0], n_slots=1, right_edge=696.0)
    assert p.label_width >= 60.0 and p.label_x + p.label_width <= 696.0  # shortened, on screen
    assert p.label_x >= 200.0  # inside its bar
    (q,) = layout_lane([0], [200.0], [200.0], [600.0], [500.0], n_slots=1, right_edge=1200.0)
    assert q.label_x > 600.0 and q.label_width == 500.0  # room on screen after the bar: whole, beside it
