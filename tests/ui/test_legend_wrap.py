"""The key under the timeline at a laptop's width: it wraps between its items, never
inside one ("≤ /" at the end of a line and "≥ on or before / after" on the next)."""

from tests.ui.wrapping import wrapped_lines


def test_the_key_wraps_between_items_at_1366_and_1024(make_window):
    from viewer.model.planned_end import PLANNED_END_KEY
    from viewer.ui.legend import _KEY_ITEMS

    w = make_window((1366, 768))
    # the bundled band's hatched planned end is explained too
    items = [item.replace(" ", "\u00a0") for item in (*_KEY_ITEMS, PLANNED_END_KEY)]
    for width in (1340, 1000, 700):
        lines = wrapped_lines(w.legend, width)
        assert len(lines) >= 2 or width == 1340
        for line in lines:
            for part in line.strip().split("   "):
                part = part.strip()
                assert part in items or part == "Time\u00a0axis:\u00a0UTC" or not part, (width, part)
