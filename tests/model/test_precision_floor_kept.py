"""The narrowest "show everything" width (``precision_floor``, O(N), asked by the
view and the overview on every swap) is kept with the columns; an edit in place
that changes the dates' precision forgets it, so Home and the view's widest
range follow the edit."""

from viewer.io.native_rules import NATIVE_RULES
from viewer.model import commands as C
from viewer.model.dates import EventDate
from viewer.model.editing import EditStack
from viewer.model.timeline import Event, Timeline, Track
from viewer.model.viewstate import XLimits, _precision_floor, precision_floor


def test_an_edit_to_a_coarser_date_widens_the_floor_kept_with_the_columns():
    tracks = (Track("a", "Alpha", order=0),)
    events = tuple(Event(f"e{k}", f"Event {k}", EventDate(f"2022-02-1{k}T12:00:00Z"), track="a") for k in range(4))
    stack = EditStack(Timeline("Exact", tracks, events), NATIVE_RULES)
    cols = stack.timeline.columns
    assert precision_floor(cols) == 9.0  # every point to the second: nine seconds
    narrow = XLimits.for_columns(cols).max_width
    stack.push(C.move_event(stack.timeline.event("e2"), EventDate("2022-02-12")))  # to the day
    cols = stack.timeline.columns
    assert precision_floor(cols) == _precision_floor(cols) == 9 * 86400.0
    assert XLimits.for_columns(cols).max_width >= 9 * 86400.0 > narrow
    stack.undo()
    cols = stack.timeline.columns
    assert precision_floor(cols) == _precision_floor(cols) == 9.0
