"""The narrowest "show everything" width (``precision_floor``, O(N), asked by the
view and the overview on every swap) is kept with the columns; an edit in place
that changes the dates' precision forgets it, so Home and the view's widest
range follow the edit."""

from viewer.io.native_rules import NATIVE_RULES
from viewer.model import commands as C
from viewer.model.dates import EventDate
from viewer.model.editing import EditStack
from viewer.model.timeline import Event, Timeline, Track
from viewer.model.viewstate import _precision_floor, precision_floor


def test_an_edit_of_the_dates_precision_changes_the_floor_kept_with_the_columns():
    tracks = (Track("a", "Alpha", order=0),)
    events = (Event("e0", "Only", EventDate("2022-02-12T12:00:00Z"), track="a"),)
    stack = EditStack(Timeline("One", tracks, events), NATIVE_RULES)
    cols = stack.timeline.columns
    assert precision_floor(cols) == 9.0  # to the second: nine seconds
    stack.push(C.move_event(stack.timeline.event("e0"), EventDate("2022-02-12")))  # to the day
    assert stack.timeline.columns is cols  # (edited in place)
    assert precision_floor(cols) == _precision_floor(cols) == 9 * 86400.0  # nine days, not the kept 9 s
    stack.undo()
    assert precision_floor(stack.timeline.columns) == 9.0
