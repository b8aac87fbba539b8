"""An editable timeline: the document that commands change (no Qt).

A :class:`Document` holds the timeline being edited.  Every change is a
command (:mod:`viewer.model.commands`) that the document first checks with
the rules of the native reader (the ``rules`` it is given, normally
:data:`viewer.io.native_rules.NATIVE_RULES`), then applies; every command can
be reverted, which gives back the timeline exactly as it was.
:class:`EditStack` keeps the history (undo / redo) for callers without Qt;
the window wraps the same commands in a ``QUndoStack``.

Speed: a timeline of a million events is not rebuilt per edit.  The
document's events are a :class:`EditedEvents` sequence (the loaded events,
built on demand, plus the edited ones) and its columnar arrays are updated in
place by :mod:`viewer.model.column_edits`: moving one event costs a few
milliseconds (``benchmarks/bench_edit.py``).  Changing the *order* of tracks
(reorder, remove) rebuilds the columns.

Each change makes a new :class:`~viewer.model.timeline.Timeline` object
(``document.timeline``) so views can tell that something changed; they all
share the document's arrays, so only the current one is valid.

Use without Qt (a review panel accepting or rejecting draft events)::

    from viewer.io.native_rules import NATIVE_RULES
    from viewer.model import commands as C

    stack = EditStack(timeline, NATIVE_RULES)
    stack.push(C.UpdateEvent(event.id, dataclasses.replace(event, tags=("reviewed",)), "Accept"))
    stack.push(C.RemoveEvent(other.id, other.title))       # text: "Delete '...'"
    stack.undo(); stack.redo(); stack.timeline              # the current timeline
    # a refused command raises EditError(problems) and changes nothing

In the window, ``window.authoring.push(command)`` does the same through the
window's ``QUndoStack`` (returns the problems instead of raising).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Protocol

import numpy as np

from . import column_edits as ce
from .columns import BAND_LANE, FLAG_OPEN_START, DateArrays, EventColumns
from .derive import EDITED_IN_PLACE
from .errors import Problem, TimelineError
from .facets import EventFacts
from .records import keep_drawn_colours
from .timeline import Event, LazyEvents, Source, Timeline, Track

__all__ = ["Rules", "EditError", "EditedEvents", "Document", "EditStack", "EditCommand"]


class EditCommand(Protocol):
    """What a :class:`Document` and its :class:`EditStack` need of a command:
    :class:`viewer.model.commands.Command` and its subclasses have it (they
    import this module, not the other way round)."""

    text: str

    def problems(self, doc: Document) -> list[Problem]: ...

    def apply(self, doc: Document) -> None: ...

    def revert(self, doc: Document) -> None: ...


class Rules(Protocol):
    """What a document checks an edit with (see :class:`viewer.io.native_rules.NativeRules`)."""

    def problems(self, timeline: Timeline, *, events: Sequence[Event] = (),
                 sources: Sequence[Source] | None = None,
                 tracks: Sequence[Track] | None = None) -> list[Problem]: ...


class EditError(TimelineError, ValueError):
    """An edit was refused; nothing was changed.

    Attributes
    ----------
    problems : list of Problem
        Every reason, each with the field and the event, source or track.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"{p.location}: {p.message}" if p.location else p.message
                                   for p in self.problems))


class EditedEvents(LazyEvents):
    """The events of a document: the loaded ones (built on demand) and the edited ones.

    Position ``i`` holds either the index of a loaded event (built from the
    base sequence when asked for) or an edited :class:`Event`.  Inserting or
    removing shifts a Python list of N references (a memmove, about a
    millisecond at 10⁶), never builds the loaded events.
    """

    def __init__(self, base: Sequence[Event], facts: EventFacts | None,
                 finite_extent: tuple[float, float]) -> None:
        ids = list(base.ids) if isinstance(base, LazyEvents) else [e.id for e in base]
        super().__init__(ids, self._build_one, finite_extent, facts=facts)
        self._base = base
        self._slots: list[int | Event] = list(range(len(ids)))
        self._zones: dict[int, tuple[str, ...]] = {}

    def _build_one(self, i: int) -> Event:
        s = self._slots[i]
        return s if isinstance(s, Event) else self._base[s]

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self._slots)
        if not 0 <= i < len(self._slots):
            raise IndexError(f"event index {i} out of range 0..{len(self._slots) - 1}")
        return self._build_one(i)

    def title(self, i: int) -> str:
        s = self._slots[i]
        if isinstance(s, Event):
            return s.title
        return self._base.title(s) if isinstance(self._base, LazyEvents) else self._base[s].title

    def time_zones(self, i: int) -> tuple[str, ...]:
        s = self._slots[i]
        if not isinstance(s, Event) and isinstance(self._base, LazyEvents):
            zones = self._zones.get(s)  # the zone picker samples the same events after every edit
            if zones is None:
                zones = self._zones[s] = self._base.time_zones(s)
            return zones
        ev = self[i]
        return tuple(d.time_zone for d in (ev.start, ev.end) if d is not None and d.time_zone)

    # -- changes (Document only) ---------------------------------------
    def _set(self, i: int, event: Event) -> None:
        self._slots[i] = event

    def _insert(self, i: int, event: Event) -> None:
        self._slots.insert(i, event)
        assert isinstance(self.ids, list)  # made by __init__
        self.ids.insert(i, event.id)
        self._index = None

    def _delete(self, i: int) -> None:
        del self._slots[i]
        assert isinstance(self.ids, list)  # made by __init__
        del self.ids[i]
        self._index = None


def _copy_columns(cols: EventColumns) -> EventColumns:
    """A copy whose arrays the document may change in place."""
    new = EventColumns(
        origin_epoch_s=cols.origin_epoch_s, ids=list(cols.ids), event_index=cols.event_index.copy(),
        lane=cols.lane.copy(), kind=cols.kind.copy(), x0=cols.x0.copy(), x1=cols.x1.copy(),
        xm=cols.xm.copy(), solid0=cols.solid0.copy(), solid1=cols.solid1.copy(), flags=cols.flags.copy(),
        lane_bounds=cols.lane_bounds.copy(), band_count=cols.band_count, x1_cummax=cols.x1_cummax.copy(),
        time_order=cols.time_order.copy(), open_whisker_s=cols.open_whisker_s,
        xm_order=None if cols.xm_order is None else cols.xm_order.copy(),
        cal_start=None if cols.cal_start is None else cols.cal_start.copy(),
        cal_end=None if cols.cal_end is None else cols.cal_end.copy())
    new.__dict__[EDITED_IN_PLACE] = True  # what is derived from them copies, never shares (viewer.model.derive)
    return new


def _rich(event: Event) -> bool:
    return bool(event.actors or event.tags or event.quotes or event.sources or event.credibility
                or event.planned or event.draft is not None)


class Document:
    """A timeline being edited.

    Parameters
    ----------
    timeline : Timeline
        The timeline as loaded (not changed: the document copies what it edits).
    rules : Rules
        Checks every edit before it is applied (normally
        :data:`viewer.io.native_rules.NATIVE_RULES`).

    Attributes
    ----------
    timeline : Timeline
        The current state; a new object after every change.
    revision : int
        Counts changes (applied and reverted).
    listeners : list of callable(Document)
        Called after every change.
    """

    def __init__(self, timeline: Timeline, rules: Rules) -> None:
        self.rules = rules
        base = timeline.events
        facts = getattr(base, "facts", None)
        if facts is not None:  # events that may be drafts or planned (``marked``) stay among those built
            rich = facts.rich if facts.marked is None else np.union1d(facts.rich, facts.marked)
            facts = EventFacts(lane=facts.lane.copy(), earliest=facts.earliest.copy(),
                               latest=facts.latest.copy(), rich=np.asarray(rich, dtype=facts.rich.dtype))
        self._events = EditedEvents(base, facts, timeline.finite_extent())
        # no event yet (File > New): the extent is a stand-in (the reference date's day, or the Unix
        # epoch's), which the first dated event replaces instead of growing ("◀ from 1970")
        self._stand_in_extent = len(base) == 0
        self._cols = _copy_columns(timeline.columns)
        self._meta: dict[str, Any] = dict(
            title=timeline.title, tracks=tuple(timeline.tracks), sources=tuple(timeline.sources),
            description=timeline.description, reference_date=timeline.reference_date,
            time_zone=timeline.time_zone, home_start=timeline.home_start,
            home_end=timeline.home_end, stories=tuple(timeline.stories))
        self.revision = 0
        self.listeners: list[Callable[[Document], None]] = []
        self.timeline = self._make()

    def _make(self) -> Timeline:
        return Timeline.with_columns(self._cols, events=self._events, **self._meta)

    # -- reading ---------------------------------------------------------
    @property
    def events(self) -> EditedEvents:
        return self._events

    def index_of(self, event_id: str) -> int:
        """File position of an event; raises KeyError if there is none.

        Uses the columns' id -> row index when the window has built it (any
        selection does), so a million ids are not put in a second dict."""
        rows = self._cols.__dict__.get("_row_index")
        if rows is not None:
            row = rows.get(event_id)
            if row is not None:
                return int(self._cols.event_index[row])
        return self._events.index_of(event_id)

    def event(self, event_id: str) -> Event:
        event: Event = self._events[self.index_of(event_id)]
        return event

    def has_event(self, event_id: str) -> bool:
        try:
            self.index_of(event_id)
        except KeyError:
            return False
        return True

    def events_on_track(self, track_id: str) -> list[int]:
        """File positions of the events on a track (uses the lanes of the columns
        and the per-event facts, so only undrawn events are built)."""
        lane = self.timeline.track_index.get(track_id)
        facts = self._events.facts
        if facts is not None and lane is not None:
            found: list[int] = np.flatnonzero(facts.lane == lane).tolist()
            return found
        return [i for i in range(len(self._events)) if self._events[i].track == track_id]

    def events_citing(self, source_id: str) -> list[int]:
        """File positions of the events that cite a source (directly or in a quote)."""
        facts = self._events.facts
        candidates = facts.rich.tolist() if facts is not None else range(len(self._events))
        out = []
        for i in candidates:
            ev = self._events[i]
            if source_id in ev.sources or any(q.source == source_id for q in ev.quotes):
                out.append(i)
        return out

    def problems(self, *, events: Sequence[Event] = (), sources: Sequence[Source] | None = None,
                 tracks: Sequence[Track] | None = None) -> list[Problem]:
        """The rules' problems with an edit (see :class:`Rules`)."""
        return self.rules.problems(self.timeline, events=events, sources=sources, tracks=tracks)

    # -- applying commands -------------------------------------------------
    def apply(self, command: EditCommand) -> None:
        """Check ``command`` and apply it; raises :class:`EditError` (nothing changed) if refused."""
        problems = command.problems(self)
        if problems:
            raise EditError(problems)
        command.apply(self)
        self._changed()

    def revert(self, command: EditCommand) -> None:
        """Undo a command applied last (the caller keeps the order)."""
        command.revert(self)
        self._changed()

    def _changed(self) -> None:
        self.revision += 1
        self.timeline = self._make()
        for listener in list(self.listeners):
            listener(self)

    # -- primitives (used by commands) ---------------------------------------
    def _sort_key(self, row: int) -> tuple[float, int]:
        """``(sort point - origin, file index)`` of a row: read off the columns
        (a row's ``x0`` is its start's earliest moment unless the start is
        open), building the event only for an open start."""
        cols = self._cols
        ei = int(cols.event_index[row])
        x0 = float(cols.x0[row])
        if math.isfinite(x0) and not int(cols.flags[row]) & FLAG_OPEN_START:
            return (x0, ei)
        sp = self._events[ei].sort_point
        return (sp - cols.origin_epoch_s if math.isfinite(sp) else math.inf, ei)

    def _row_values(self, event: Event, i: int) -> ce.RowValues | None:
        ref = self._meta["reference_date"]
        dates = DateArrays.from_events([event], self.timeline.track_index, len(self._meta["tracks"]),
                                       None if ref is None else ref.earliest)
        return ce.row_values(self._cols, dates, i)

    def _row_of_index(self, i: int) -> int:
        rows = np.flatnonzero(self._cols.event_index == i)
        return int(rows[0]) if len(rows) else -1

    def _grow_extent(self, event: Event) -> None:
        lo, hi = (math.inf, -math.inf) if self._stand_in_extent else self._events.finite_extent
        if event.year_unknown:  # placed on no day: its years 0..9999 are not the source's
            return
        for v in (event.start.earliest, event.start.latest, event.latest):
            if math.isfinite(v):
                lo, hi = min(lo, v), max(hi, v)
        if lo <= hi:  # (a date with no finite side leaves the stand-in)
            self._events.finite_extent = (lo, hi)
            self._stand_in_extent = False

    def _facts_values(self, event: Event) -> tuple[int, float, float]:
        lane = BAND_LANE if event.kind.value == "band" else self.timeline.track_index.get(event.track, -2)
        return lane, event.earliest, event.latest

    def _at_edge(self, event: Event) -> bool:
        """True when ``event`` gives the extent its first or last moment (moved or gone: measured again)."""
        lo, hi = self._events.finite_extent
        return not self._stand_in_extent and not event.year_unknown and \
            any(v in (lo, hi) for v in (event.start.earliest, event.start.latest, event.latest))

    def _measure_extent(self) -> None:
        """The extent measured again over the events, as :meth:`Timeline.finite_extent` does, after
        the event at an edge moved or went: a new timeline's first event dated 2024-03-11 after it
        was added on the clock's month kept the overview at "to 2026 ▶".  Only when the events are
        built (a small file's, a new timeline's); a large file's extent only grows (its events are not
        built to measure it)."""
        if self._events.facts is not None:
            return
        events = [self._events[i] for i in range(len(self._events))]
        dated = tuple(e for e in events if not e.year_unknown)
        extent = Timeline("", events=dated, reference_date=self._meta["reference_date"]).finite_extent()
        self._events.finite_extent = extent
        self._stand_in_extent = not any(
            math.isfinite(v) for e in dated for v in (e.start.earliest, e.start.latest, e.latest))

    def _replace_event(self, i: int, event: Event) -> None:
        edge = self._at_edge(self._events[i])
        row = self._row_of_index(i)
        self._events._set(i, event)
        new = self._row_values(event, i)
        if row >= 0 and new is not None:
            ce.update_event_row(self._cols, row, new, self._sort_key)
        elif row >= 0:
            ce.remove_event_row(self._cols, row)
        elif new is not None:
            ce.insert_event_row(self._cols, new, event.id, self._sort_key)
        facts = self._events.facts
        if facts is not None:
            facts.lane[i], facts.earliest[i], facts.latest[i] = self._facts_values(event)
            if _rich(event) and not np.any(facts.rich == i):
                facts.rich = np.insert(facts.rich, int(np.searchsorted(facts.rich, i)), i)
        if edge and facts is None:
            self._measure_extent()
        else:
            self._grow_extent(event)

    def _insert_event(self, i: int, event: Event) -> None:
        self._events._insert(i, event)
        ce.shift_event_index(self._cols, i, +1)
        new = self._row_values(event, i)
        if new is not None:
            ce.insert_event_row(self._cols, new, event.id, self._sort_key)
        facts = self._events.facts
        if facts is not None:
            lane, lo, hi = self._facts_values(event)
            facts.lane = np.insert(facts.lane, i, lane)
            facts.earliest = np.insert(facts.earliest, i, lo)
            facts.latest = np.insert(facts.latest, i, hi)
            rich = facts.rich + (facts.rich >= i)
            facts.rich = np.insert(rich, int(np.searchsorted(rich, i)), i) if _rich(event) else rich
        self._grow_extent(event)

    def _delete_event(self, i: int) -> Event:
        event: Event = self._events[i]
        row = self._row_of_index(i)
        if row >= 0:
            ce.remove_event_row(self._cols, row)
        self._events._delete(i)
        ce.shift_event_index(self._cols, i + 1, -1)
        facts = self._events.facts
        if facts is not None:
            facts.lane = np.delete(facts.lane, i)
            facts.earliest = np.delete(facts.earliest, i)
            facts.latest = np.delete(facts.latest, i)
            rich = facts.rich[facts.rich != i]
            facts.rich = rich - (rich > i)
        if self._at_edge(event):
            self._measure_extent()
        return event

    def _set_meta(self, **fields: Any) -> None:
        """Change timeline fields (title, tracks, sources, stories...)."""
        old_tracks = self._meta["tracks"]
        if "tracks" in fields:  # (an uncoloured track keeps the colour it is drawn in: keep_drawn_colours)
            fields["tracks"] = keep_drawn_colours(old_tracks, sorted(fields["tracks"], key=lambda t: t.order))
        self._meta.update(fields)
        new_tracks = self._meta["tracks"]
        old_ids = [t.id for t in old_tracks]
        new_ids = [t.id for t in new_tracks]
        if new_ids == old_ids:
            return
        if new_ids[:len(old_ids)] == old_ids:  # tracks added below the others: empty lanes
            n = len(self._cols.ids)
            self._cols.lane_bounds = np.concatenate(
                (self._cols.lane_bounds, np.full(len(new_ids) - len(old_ids), n, dtype=np.int64)))
            return
        self._relane(old_ids, new_ids)

    def _relane(self, old_ids: list[str], new_ids: list[str]) -> None:
        """Tracks were reordered or removed: lanes change, the columns are rebuilt."""
        position = {tid: k for k, tid in enumerate(new_ids)}
        facts = self._events.facts
        if facts is not None:
            lane_map = np.array([position.get(t, -2) for t in old_ids] + [-2], dtype=facts.lane.dtype)
            facts.lane = np.where(facts.lane >= 0, lane_map[np.clip(facts.lane, 0, len(old_ids))], facts.lane)
        ref = self._meta["reference_date"]
        dates = DateArrays.from_events(self._events, position, len(new_ids), None if ref is None else ref.earliest)
        self._cols = EventColumns.from_dates(dates)
        self._cols.__dict__[EDITED_IN_PLACE] = True


class EditStack:
    """Undo / redo history of a :class:`Document`, without Qt.

    ``push(command)`` checks and applies a command (raising
    :class:`EditError` when refused, nothing changed); ``undo()`` and
    ``redo()`` step through the history; :attr:`modified` is False at the
    state last marked with :meth:`set_clean`.
    """

    def __init__(self, document: Document | Timeline, rules: Rules | None = None) -> None:
        if isinstance(document, Timeline):
            if rules is None:
                raise TypeError("EditStack(timeline, rules): give the rules to check edits with")
            document = Document(document, rules)
        self.document = document
        self._done: list[EditCommand] = []
        self._undone: list[EditCommand] = []
        self._clean: int | None = 0

    @property
    def timeline(self) -> Timeline:
        return self.document.timeline

    def push(self, command: EditCommand) -> None:
        """Apply ``command`` (see :meth:`Document.apply`) and make it the last undoable one."""
        self.document.apply(command)
        self._done.append(command)
        if self._clean is not None and self._clean > len(self._done) - 1:
            self._clean = None  # the clean state was in the redo history, now gone
        self._undone.clear()

    def undo(self) -> None:
        """Revert the last command; nothing happens when there is none."""
        if self._done:
            cmd = self._done.pop()
            self.document.revert(cmd)
            self._undone.append(cmd)

    def redo(self) -> None:
        """Apply again the last undone command."""
        if self._undone:
            cmd = self._undone.pop()
            self.document.apply(cmd)
            self._done.append(cmd)

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_text(self) -> str:
        """``"Move 'Truss arrives in Moscow'"`` (what Undo would revert), or ``""``."""
        return self._done[-1].text if self._done else ""

    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self._clean = len(self._done)

    @property
    def modified(self) -> bool:
        return self._clean != len(self._done)

    def __len__(self) -> int:
        return len(self._done)


def replace_event_fields(event: Event, **fields: Any) -> Event:
    """``dataclasses.replace`` for events (tuples for list fields)."""
    for name in ("actors", "tags", "quotes", "sources"):
        if name in fields:
            fields[name] = tuple(fields[name])
    return replace(event, **fields)
