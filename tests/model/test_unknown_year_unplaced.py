"""An event whose year is unknown (EDTF ``XXXX-06-10``, ``XXXX-XX-10``, a band ``XXXX-04/XXXX-09``)
is listed but placed nowhere on the time axis: drawn, it put a marker at about year 5000 with a
faint bar from year 1 to 9999, and "fit everything" took in ten millennia (tester finding)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from viewer.io.native import timeline_from_dict
from viewer.model.columns import FLAG_YEAR_UNKNOWN
from viewer.model.unplaced import unplaced_note, year_unknown_rows

FIXTURE = Path(__file__).parents[1] / "data" / "unknown_year.timeline.json"
MAY_2023, JULY_2023 = 1682899200.0, 1688169600.0  # 1 May, 1 July 2023 UTC


def _timeline():
    return timeline_from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))


def test_the_extent_and_the_columns_hold_only_the_dated_events():
    tl = _timeline()
    assert MAY_2023 <= tl.finite_extent()[0] and tl.finite_extent()[1] <= JULY_2023
    cols = tl.columns
    lo, hi = cols.extent()
    o = cols.origin_epoch_s
    assert MAY_2023 <= lo + o and hi + o <= JULY_2023
    unplaced = {cols.ids[r] for r in year_unknown_rows(cols)}
    assert unplaced == {"founding", "first-strike", "season"}
    for eid in unplaced:
        row = cols.row_of(eid)  # still a row: listed, searchable, selectable
        assert int(cols.flags[row]) & FLAG_YEAR_UNKNOWN
        assert math.isinf(cols.x0[row]) and math.isinf(cols.xm[row])
    # no window of the axis meets them: not at year 5000, not as a bar over the years 1..9999
    year_5000 = 5000 * 365.2425 * 86400.0 - 1970 * 365.2425 * 86400.0 - o
    for lane in (-1, 0, 1):
        for a, b in ((lo, hi), (year_5000 - 1e9, year_5000 + 1e9), (-1e12, 1e12)):
            assert not set(cols.ids[r] for r in cols.visible(lane, a, b)) & unplaced


def test_they_sort_after_the_dated_events_not_as_year_zero():
    tl = _timeline()
    cols = tl.columns
    order = [cols.ids[r] for r in cols.time_order]
    assert order[-3:] == ["founding", "first-strike", "season"]
    assert all(math.isinf(tl.event(e).sort_point) for e in order[-3:])


def test_the_note_names_each_event_and_its_date_in_words():
    note = unplaced_note(_timeline())
    assert note.startswith("3 events with an unknown year are not drawn on the time axis")
    assert "Union founded (10 June of an unknown year)" in note
    assert "An earlier strike (the 10th of an unknown month and year)" in note
    assert "Fishing season (April to September of an unknown year)" in note
    assert unplaced_note(_timeline(), names=1).endswith("(10 June of an unknown year) · and 2 more")


def test_a_timeline_without_such_events_has_no_note():
    tl = timeline_from_dict({"format": "timeline-viewer", "version": 1, "title": "Dated",
                             "tracks": [{"id": "t", "label": "T"}],
                             "events": [{"id": "a", "track": "t", "title": "A", "start": {"edtf": "2023-05-02"}}]})
    assert unplaced_note(tl) == "" and not len(year_unknown_rows(tl.columns))
    assert not np.any(tl.columns.flags & FLAG_YEAR_UNKNOWN)


def test_an_event_moved_to_an_unknown_year_and_back_is_placed_as_a_new_file_would_place_it():
    from tests.model.test_editing import assert_columns_rebuilt
    from viewer.io.native_rules import NATIVE_RULES
    from viewer.model import commands as C
    from viewer.model.dates import EventDate
    from viewer.model.editing import EditStack

    stack = EditStack(_timeline(), NATIVE_RULES)
    stack.push(C.move_event(stack.timeline.event("deal"), EventDate("XXXX-06-20")))
    assert_columns_rebuilt(stack.timeline)
    cols = stack.timeline.columns
    assert int(cols.flags[cols.row_of("deal")]) & FLAG_YEAR_UNKNOWN
    assert "Deal signed (20 June of an unknown year)" in unplaced_note(stack.timeline)
    stack.undo()
    assert_columns_rebuilt(stack.timeline)
    assert "Deal signed" not in unplaced_note(stack.timeline)


def test_a_story_step_on_such_an_event_shows_the_dated_events_and_the_default_story_leaves_it_out():
    from viewer.model.story import StoryStep, default_story, frame_event, step_precision_s, step_window

    tl = _timeline()
    steps = [s.event for s in default_story(tl).steps]
    assert steps == ["walkout", "strike", "talks", "deal"]  # the drawn events only
    a, b = frame_event(tl, "founding")  # every placed event, as "fit everything"
    assert MAY_2023 - 7 * 86400 < a and b < JULY_2023 + 7 * 86400
    assert step_precision_s(tl, StoryStep("founding")) is None
    assert step_window(tl, StoryStep("founding")) == (a, b)
