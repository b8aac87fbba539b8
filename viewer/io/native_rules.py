"""The native reader's rules, applied to an edit before it is made.

An edit (a new or changed event, source or track) must leave a timeline the
native reader would load.  Rather than restate those rules, this module
writes the edited objects the way :func:`~viewer.io.native.write_native`
would, into a small document with the timeline's tracks and sources, and runs
the reader's own checks on it (the JSON schema, then the semantic checks of
:class:`viewer.io.native_checks.Checker`: EDTF dates, time zones, an end before its
start, unknown tracks and sources, a point with an end...).  The messages are
the reader's, word for word; only the place changes (``start (event 'x')``
instead of ``events[0].start``).

:data:`NATIVE_RULES` is what :class:`viewer.model.editing.Document` is given.
No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from viewer.model.errors import Problem
from viewer.model.timeline import Event, Source, Timeline, Track

from .native_checks import check_document
from .native_problems import Problems
from .native_write import timeline_to_dict

__all__ = ["NativeRules", "NATIVE_RULES"]

_EVENT_PLACE = re.compile(r"^events\[0\]\.?")
_SOURCE_PLACE = re.compile(r"^sources\[(\d+)\]")
_TRACK_PLACE = re.compile(r"^tracks\[(\d+)\]")


class NativeRules:
    """Checks of the native format for edits (see the module docstring)."""

    def problems(self, timeline: Timeline, *, events: Sequence[Event] = (),
                 sources: Sequence[Source] | None = None,
                 tracks: Sequence[Track] | None = None) -> list[Problem]:
        """What the native reader would refuse in ``events`` (at most one is
        usual), checked against ``tracks`` and ``sources`` (default: the
        timeline's).

        Parameters
        ----------
        timeline : Timeline
            Gives the title, time zone, and the tracks and sources not given.
        events : sequence of Event
            Events to check (new or changed).
        sources, tracks : sequence or None
            The timeline's sources / tracks as they would be after the edit.

        Returns
        -------
        list of Problem
            Empty when the edit is valid.  ``Problem.file`` is ``""``;
            ``location`` names the field and the event, source or track.
        """
        track_list = tuple(timeline.tracks if tracks is None else tracks)
        source_list = tuple(timeline.sources if sources is None else sources)
        mini = Timeline(title=timeline.title or "untitled", tracks=track_list, events=tuple(events),
                        sources=source_list, time_zone=timeline.time_zone or "UTC")
        try:
            data = timeline_to_dict(mini)
        except ValueError as exc:
            return [Problem("", str(exc))]
        report = Problems("", data, None)
        check_document(data, report)
        out = []
        for p in report.items:
            where = p.location
            if where.startswith("events[0]"):
                rest = _EVENT_PLACE.sub("", where)
                where = rest if rest.startswith("(") or not rest else rest
                if not rest:
                    where = f"event {events[0].id!r}"
            else:
                m = _SOURCE_PLACE.match(where)
                if m and int(m.group(1)) < len(source_list):
                    where = f"source {source_list[int(m.group(1))].id!r}" + where[m.end():]
                m = _TRACK_PLACE.match(where)
                if m and int(m.group(1)) < len(track_list):
                    where = f"track {track_list[int(m.group(1))].id!r}" + where[m.end():]
            out.append(Problem("", p.message, None, None, where.strip()))
        return out


NATIVE_RULES = NativeRules()
"""The rules every edit of the app is checked with."""
