"""A document's extent (what the overview's "◀ from YEAR" / "to YEAR ▶" read) follows its edits:
a new timeline's stand-in extent (the Unix epoch's day) is replaced by the first dated event, not
grown to take it ("◀ from 1970"), and an event at an edge moved or deleted measures it again."""

from __future__ import annotations

from dataclasses import replace

from viewer.io.native_rules import NATIVE_RULES
from viewer.model import commands as C
from viewer.model.calendar import epoch_from_civil
from viewer.model.dates import EventDate
from viewer.model.editing import EditStack
from viewer.model.timeline import Event, Timeline, Track


def test_a_new_timelines_extent_follows_its_first_events():
    stack = EditStack(Timeline("Untitled", tracks=(Track("t", "Track 1"),)), NATIVE_RULES)
    assert stack.timeline.finite_extent() == (0.0, 86400.0)  # (nothing dated: the stand-in)
    stack.push(C.AddEvent(Event("a", "Port closed", EventDate("2026-12"), track="t")))  # added on the clock's month
    assert stack.timeline.finite_extent()[0] == epoch_from_civil(2026, 12, 1)  # was: 0.0 (1970)
    stack.push(C.move_event(stack.timeline.event("a"), EventDate("2024-03-11")))  # then dated
    assert stack.timeline.finite_extent() == (epoch_from_civil(2024, 3, 11), epoch_from_civil(2024, 3, 12))
    stack.push(C.AddEvent(Event("b", "Minister visits", EventDate("2024-03-14"), track="t")))
    assert stack.timeline.finite_extent() == (epoch_from_civil(2024, 3, 11), epoch_from_civil(2024, 3, 15))
    stack.push(C.RemoveEvent("b", "Minister visits"))
    assert stack.timeline.finite_extent() == (epoch_from_civil(2024, 3, 11), epoch_from_civil(2024, 3, 12))
    stack.undo()
    stack.undo()
    stack.undo()
    assert stack.timeline.finite_extent()[0] == epoch_from_civil(2026, 12, 1)
    stack.undo()
    assert stack.timeline.finite_extent() == (0.0, 86400.0)
    stack.push(C.AddEvent(Event("c", "Undated", EventDate("2024-03-11"), track="t")))
    ev = stack.timeline.event("c")
    stack.push(C.UpdateEvent("c", replace(ev, title="Still dated"), "Edit"))
    assert stack.timeline.finite_extent() == (epoch_from_civil(2024, 3, 11), epoch_from_civil(2024, 3, 12))
