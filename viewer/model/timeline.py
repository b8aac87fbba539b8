"""The timeline data model: Timeline, Track, Event, Quote, Source.

Pure Python (no Qt).  Objects are immutable dataclasses; a reader builds a
:class:`Timeline` once and the user interface only reads it.  Cross-references
(an event's track, a quote's source) are checked by :meth:`Timeline.problems`.

:class:`Timeline` is the container; the records it holds live in
:mod:`viewer.model.records` (events of large files in
:mod:`viewer.model.lazy_events`, stories in :mod:`viewer.model.story_records`)
and are re-exported here, so ``from viewer.model.timeline import Event`` keeps
working.  The modules below the container (records, columns, facets) never
import it (``[tool.importlinter]`` in ``pyproject.toml``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np

from .columns import BAND_LANE, EventColumns, begin_after
from .dates import EventDate
from .facets import FacetIndex
from .kept import kept_values
from .lazy_events import LazyEvents, marked_events
from .records import (
    TRACK_PALETTE,
    Draft,
    Event,
    EventKind,
    Quote,
    QuoteKind,
    Source,
    SourceKind,
    Track,
    track_colours,
    track_shapes,
)
from .story_records import Story

__all__ = [
    "source_facts",
    "EventKind",
    "SourceKind",
    "QuoteKind",
    "Draft",
    "Track",
    "Quote",
    "Source",
    "Event",
    "Timeline",
    "LazyEvents",
    "TRACK_PALETTE",
    "track_colours",
    "track_shapes",
]


def _begins_after(event: Event, latest_s: float) -> bool:
    """``event``'s earliest possible start is at or after ``latest_s`` (epoch s): the rule of
    :meth:`Timeline.is_after_reference`.  Never for a start whose year is unknown (``XXXX-06-10``
    reads as the year 0 inside, and is not known to be after anything) or that is unknown."""
    start = event.start
    return (math.isfinite(latest_s) and not start.year_unknown and math.isfinite(start.earliest)
            and start.earliest >= latest_s)


def lazy_hand_edit_candidates(events: LazyEvents) -> Iterator[int]:
    """Indices of the events of a large file read lazily that may have a date edited by hand or a
    basis saying so: those read whole (``EventFacts.rich``; the others' dates are plain EDTF
    strings) whose JSON text says ``by hand`` or ``edited_by_hand``, or has a ``\\u`` escape (which may
    spell them: ``edited\\u005fby_hand`` is the same key) (so a file of a million rich
    events is not built twice at open).  Every event when neither is known."""
    facts, raw = events.facts, events.raw
    for i in (facts.rich if facts is not None else range(len(events))):
        if raw is not None:
            text = raw(int(i))
            # (only a \\uXXXX escape can spell a letter: "edited\\u005fby_hand" is the same key; built)
            if "by hand" not in text and "edited_by_hand" not in text and "\\u" not in text:
                continue
        yield int(i)


@dataclass(frozen=True, eq=False)
class Timeline:
    """A whole timeline: metadata, tracks, events and sources.

    Attributes
    ----------
    title, description : str
    reference_date : EventDate or None
        The publication date relative dates ("last Thursday") were resolved against.
    time_zone : str
        Default IANA zone of the data (used for times written without offset).
    home_start, home_end : EventDate or None
        The range the window first shows; None = fit all events.
    tracks, sources : tuple
        Tracks in display order; sources in file order.
    events : sequence of Event
        In file order: a tuple, or a :class:`LazyEvents` for a large file.
    days_zone : str
        The display zone whose calendar days the :attr:`columns` draw date-only
        values on ("": UTC days); set by :func:`viewer.model.zones.timeline_on_local_days`,
        and a field so a timeline derived from it (``dataclasses.replace``) draws,
        and ends planned spans, on the same days.  Never saved.
    """

    title: str
    tracks: tuple[Track, ...] = ()
    events: Sequence[Event] = ()
    sources: tuple[Source, ...] = ()
    description: str = ""
    reference_date: EventDate | None = None
    time_zone: str = "UTC"
    home_start: EventDate | None = None
    home_end: EventDate | None = None
    stories: tuple[Story, ...] = ()
    days_zone: str = field(default="", repr=False, compare=False)
    _index: dict[str, Event] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.tracks, key=lambda t: t.order))  # stable: ties keep file order
        object.__setattr__(self, "tracks", ordered)
        if isinstance(self.events, LazyEvents):
            object.__setattr__(self, "_index", None)
        else:
            object.__setattr__(self, "events", tuple(self.events))
            object.__setattr__(self, "_index", {e.id: e for e in self.events})

    @classmethod
    def with_columns(cls, columns: EventColumns, **fields: Any) -> Timeline:
        """A timeline whose columnar arrays were built already (by a reader,
        from a cache): ``fields`` as for the constructor, ``events`` usually
        a :class:`LazyEvents`."""
        timeline = cls(**fields)
        timeline.__dict__["columns"] = columns  # the cached_property's slot
        return timeline

    def derived(self, **changes: Any) -> Timeline:
        """A timeline cut from this one (``dataclasses.replace(self, **changes)``: some tracks
        hidden or reordered, other events, another zone's days) drawing each track as this one does.

        A track without its own colour takes a palette colour by its place among the uncoloured
        tracks (:func:`track_colours`): a part working out its own gave the tracks after a hidden
        one their neighbours' colours (ACLED on Berlin's days: Explosions, Strategic and Riots drawn
        light blue, green, dark blue while the Filters list showed dark blue, orange, pink).  Here each
        track keeps this timeline's colour and marker shape (by track id); one it does not have gets
        its own.  Every derivation of a shown timeline (:func:`viewer.model.filters.apply_filters`,
        :func:`viewer.model.zones.timeline_on_local_days`) goes through here.
        """
        new = replace(self, **changes)
        ids = [t.id for t in self.tracks]
        colour = dict(zip(ids, self.track_colours))
        shape = dict(zip(ids, self.track_shapes))
        colours = tuple(colour.get(t.id, c) for t, c in zip(new.tracks, track_colours(new.tracks)))
        new.__dict__["track_colours"] = colours  # the cached_properties' slots
        new.__dict__["track_shapes"] = tuple(shape.get(t.id, s) for t, s in zip(new.tracks, track_shapes(colours)))
        return new

    def with_stories(self, stories: tuple[Story, ...]) -> Timeline:
        """A copy with other stories; the events (and their cached columns) are shared.

        Parameters
        ----------
        stories : tuple of Story
            Replaces ``self.stories``; step event ids are not checked here
            (the file reader checks them).

        Returns
        -------
        Timeline
        """
        new = replace(self, stories=tuple(stories))
        for name in ("columns", "facets", "track_index", "source_index", "track_colours", "track_shapes"):
            if name in self.__dict__:  # cached_property values: same events, same arrays
                new.__dict__[name] = self.__dict__[name]
        return new

    # -- lookups -------------------------------------------------------
    def event(self, event_id: str) -> Event:
        """The event with this id. Raises KeyError if there is none."""
        if self._index is None:
            return self.events[self._lazy_index_of(event_id)]
        return self._index[event_id]

    def has_event(self, event_id: str) -> bool:
        if self._index is None:
            try:
                self._lazy_index_of(event_id)
            except KeyError:
                return False
            return True
        return event_id in self._index

    def _lazy_index_of(self, event_id: str) -> int:
        # lazy events: a drawn event is found through the columns' id -> row
        # index (which selection needs anyway), so a million ids are not put
        # in a second dict; undated events through the events' own index
        cols: EventColumns | None = self.__dict__.get("columns")
        if cols is not None:
            try:
                return int(cols.event_index[cols.row_of(event_id)])
            except KeyError:
                pass
        if not isinstance(self.events, LazyEvents):  # _index is None only for lazy events
            raise KeyError(event_id)
        return self.events.index_of(event_id)

    @cached_property
    def track_index(self) -> dict[str, int]:
        """Track id -> lane number (0 = top)."""
        return {t.id: i for i, t in enumerate(self.tracks)}

    @cached_property
    def track_colours(self) -> tuple[str, ...]:
        """Colour (``#rrggbb``) each lane is drawn in: see :func:`track_colours`.

        A timeline derived from another (filtered, one story step's tracks)
        is given its parent's colours, so a track keeps its colour when
        others are hidden."""
        return track_colours(self.tracks)

    @cached_property
    def track_shapes(self) -> tuple[str, ...]:
        """Marker shape each lane is drawn with: a diamond unless its colour repeats an
        earlier lane's (see :func:`track_shapes`); kept from the parent like the colours."""
        return track_shapes(self.track_colours)

    @cached_property
    def source_index(self) -> dict[str, Source]:
        """Source id -> Source."""
        return {s.id: s for s in self.sources}

    def source_chain(self, source_id: str) -> list[Source]:
        """The source and those that relayed it, nearest first (cycles cut)."""
        chain: list[Source] = []
        seen: set[str] = set()
        sid = source_id
        while sid and sid in self.source_index and sid not in seen:
            seen.add(sid)
            src = self.source_index[sid]
            chain.append(src)
            sid = src.via
        return chain

    def sources_of(self, event: Event) -> list[Source]:
        """Every source an event cites, directly or through its quotes, each once, in order.

        The last event's answer is kept (a selection asks it three times: pane, accessible
        text, sentence; 13 ms each for an event with 100,000 quotes); a copy is returned."""
        slot = kept_values(self)
        hit = slot.get("sources of last event")
        if hit is not None and hit[1][0] is event:
            return list(hit[1][1])
        out = self._sources_of(event)
        slot["sources of last event"] = (id(event), (event, tuple(out)))  # the event kept: its id stays its
        return out

    def _sources_of(self, event: Event) -> list[Source]:
        ids = list(event.sources) + [q.source for q in event.quotes if q.source]
        out: list[Source] = []
        for sid in dict.fromkeys(ids):
            for src in self.source_chain(sid):
                if src not in out:
                    out.append(src)
        return out

    # -- time extent ---------------------------------------------------
    def finite_extent(self) -> tuple[float, float]:
        """(first, last) finite moment of any event, epoch seconds UTC.

        Open ends (``..``, "on or before") and events whose year is unknown
        (:attr:`Event.year_unknown`) do not count.  With no dated event,
        the reference date's day, or the Unix epoch's, is returned.
        """
        if isinstance(self.events, LazyEvents):
            return self.events.finite_extent
        values = [
            v
            for e in self.events if not e.year_unknown
            for v in (e.start.earliest, e.start.latest, e.latest)
            if math.isfinite(v)
        ]
        if not values:
            if self.reference_date is not None and math.isfinite(self.reference_date.earliest):
                r = self.reference_date.earliest
                return r, r + 86400.0
            return 0.0, 86400.0
        return min(values), max(values)

    @cached_property
    def columns(self) -> EventColumns:
        """Columnar numpy arrays for rendering (built once, on first use; on
        :attr:`days_zone`'s calendar days when it is set)."""
        cols = EventColumns.from_timeline(self)
        if self.days_zone:
            from .zones import columns_on_local_days

            cols = columns_on_local_days(self, cols, self.days_zone)
        return cols

    def is_after_reference(self, event: Event) -> bool:
        """True when ``event`` begins after the reference date (see :meth:`after_reference`).
        Never when its start's year is unknown (``XXXX-06-10``): it is not known to be after
        anything."""
        ref = self.reference_date
        return ref is not None and _begins_after(event, ref.latest)

    def is_planned(self, event: Event) -> bool:
        """True when ``event`` is to be shown as planned, not as a fact: the
        source says so (``event.planned``, e.g. "will meet in Berlin on
        Thursday" written on that Thursday) or it begins after the reference
        date (:meth:`is_after_reference`)."""
        return event.planned or self.is_after_reference(event)

    @cached_property
    def planned_event_indexes(self) -> tuple[int, ...]:
        """Indexes into :attr:`events` of the events marked ``planned`` by their source.

        A lazily-read large file builds only the events its reader kept whole
        (``facts.marked``, else ``facts.rich``: an event with a ``status`` field is always one).
        """
        facts = getattr(self.events, "facts", None)
        candidates = range(len(self.events)) if facts is None else (int(i) for i in marked_events(facts))
        return tuple(i for i in candidates if self.events[i].planned)

    def planned_rows(self) -> np.ndarray:
        """Rows of :attr:`columns` drawn as planned: bool (N,).

        :meth:`after_reference` or the row's event marked ``planned`` by its
        source (:meth:`is_planned`, on the columns).
        """
        rows = self.after_reference()
        marked = self.planned_event_indexes
        if marked:
            rows = rows | np.isin(self.columns.event_index, np.asarray(marked, dtype=np.int64))
        return rows

    def planned_count(self) -> int:
        """How many events are shown as planned (:meth:`is_planned`): marked ``planned``
        by their source, or beginning after the reference date (on the columns: a
        lazily-read large file builds no event for it)."""
        planned = np.zeros(len(self.events), dtype=bool)
        planned[list(self.planned_event_indexes)] = True
        rows = self.after_reference()
        if rows.any():
            planned[self.columns.event_index[rows]] = True
        return int(planned.sum())

    def after_reference(self) -> np.ndarray:
        """Rows of :attr:`columns` that begin after the reference date: bool (N,).

        An event whose earliest possible start is later than the latest
        possible moment of :attr:`reference_date` (the publication date of the
        source the timeline was built from) was still to come when the source
        was written: planned, announced or expected, not observed.  All False
        without a reference date.  An event whose year is unknown (``XXXX-06-10``) is not
        known to be after it: never (:func:`viewer.model.columns.begin_after`, the rule of
        :meth:`is_after_reference` on the columns' x0).
        """
        ref = self.reference_date
        return self.begun_after(ref.latest if ref is not None else math.inf)

    def begun_after(self, latest_s: float) -> np.ndarray:
        """Rows of :attr:`columns` whose earliest possible start is at or after ``latest_s``
        (epoch s UTC; the reference date's latest moment for :meth:`after_reference`): bool (N,).

        A drawn row is read from its x0 (:func:`viewer.model.columns.begin_after`); a row not
        drawn because a year is unknown (x0 is +inf) from its event's start, as
        :meth:`is_after_reference` reads it: an unknown-year start never, a known start (its end's
        year unknown) by its date.  Only those few events are built.  All False when ``latest_s``
        is not finite."""
        cols = self.columns
        rows = begin_after(cols.x0, cols.origin_epoch_s, latest_s)
        if math.isfinite(latest_s):
            for r in np.flatnonzero(np.isposinf(cols.x0)).tolist():
                rows[r] = _begins_after(self.events[int(cols.event_index[r])], latest_s)
        return rows

    def draft_flags(self) -> np.ndarray:
        """Which events (file order) are unreviewed drafts: bool (len(events),).

        Only events read whole can carry a draft marker, so a lazily-loaded
        timeline builds just those (``EventFacts.rich``)."""
        cached: np.ndarray | None = self.__dict__.get("_draft_flags")
        if cached is not None:
            return cached
        n = len(self.events)
        if isinstance(self.events, LazyEvents):
            has = np.zeros(n, dtype=bool)
            facts = self.events.facts
            for i in (marked_events(facts) if facts is not None else range(n)):
                has[int(i)] = self.events[int(i)].draft is not None
        else:
            has = np.fromiter((e.draft is not None for e in self.events), dtype=bool, count=n)
        self.__dict__["_draft_flags"] = has
        return has

    def hand_edit_flags(self) -> np.ndarray:
        """Which events (file order) have a date edited by hand (its
        :class:`~viewer.model.dates.HandEdit` mark): bool (len(events),).

        A lazily-loaded file builds only its events read whole (a date with a mark is an
        object, so such an event is one); a collection's rows are not built (all False)."""
        cached: np.ndarray | None = self.__dict__.get("_hand_edit_flags")
        if cached is not None:
            return cached
        n = len(self.events)

        def edited(e: Event) -> bool:
            return e.start.hand_edit is not None or (e.end is not None and e.end.hand_edit is not None)

        if isinstance(self.events, LazyEvents):
            has = np.zeros(n, dtype=bool)
            facts = self.events.facts
            if facts is None or facts.marked is None:  # (a collection's rows stay unbuilt)
                for i in lazy_hand_edit_candidates(self.events):
                    has[i] = edited(self.events.build(i))
        else:
            has = np.fromiter((edited(e) for e in self.events), dtype=bool, count=n)
        self.__dict__["_hand_edit_flags"] = has
        return has

    def hand_edits(self) -> np.ndarray:
        """Rows of :attr:`columns` whose event has a date edited by hand: bool (N,)."""
        out: np.ndarray = self.hand_edit_flags()[self.columns.event_index]
        return out

    def drafts(self) -> np.ndarray:
        """Rows of :attr:`columns` whose event is an unreviewed draft: bool (N,)."""
        out: np.ndarray = self.draft_flags()[self.columns.event_index]
        return out

    def draft_count(self) -> int:
        """How many events are unreviewed drafts (undated ones included)."""
        return int(self.draft_flags().sum())

    def bands(self) -> list[Event]:
        """The band (era) events, in time order, without visiting every event.

        Bands are the first rows of :attr:`columns` (``EventColumns.block``),
        so a lazily-loaded timeline of a million events builds only its bands.
        """
        cols = self.columns
        a, b = cols.block(BAND_LANE)
        rows = sorted(range(a, b), key=lambda r: (cols.x0[r], r))
        return [self.events[int(cols.event_index[r])] for r in rows]

    @classmethod
    def from_frame(cls, df: Any, mapping: Mapping[str, str] | None = None, **options: Any) -> Timeline:
        """The timeline of a pandas data frame, one event a row (optional ``frames`` extra).

        Columns are found by name or ``mapping`` (field -> column); see
        :func:`viewer.io.frames.from_frame_report` (rows it cannot read are
        left out there; use it to see them).  Raises ``TimelineLoadError``,
        or ``ImportError`` without pandas.
        """
        from viewer.io.frames import from_frame  # the reader's rules live in viewer.io

        return from_frame(df, mapping, **options)

    def to_frame(self) -> Any:
        """One row per event as a pandas data frame (:func:`viewer.io.frames.to_frame`)."""
        from viewer.io.frames import to_frame

        return to_frame(self)

    @cached_property
    def facets(self) -> FacetIndex:
        """Integer codes of every event's track, date bounds and filter values
        (:mod:`viewer.model.facets`; built once, on first use)."""
        return FacetIndex(self)


def source_facts(src: Source, timeline: Timeline, date_text: Callable[[EventDate], str] | None = None
                 ) -> tuple[list[str], list[tuple[str, str]]]:
    """What to say about a source, for any output (detail pane HTML, hand-out text).

    Returns
    -------
    citation : list of str
        The outlet, its kind's label, then ``“title”``, ``by author``,
        ``published DATE`` where known.
    details : list of (label, value)
        ``("attributed as", ...)``, ``("reported via", outlet of the relay)``,
        ``("URL", ...)`` where known, in that order.  Raw text: callers escape.
    """
    describe = date_text or (lambda d: d.describe())
    citation = [src.outlet or src.id, src.kind.label]
    if src.title:
        citation.append(f"“{src.title}”")
    if src.author:
        citation.append(f"by {src.author}")
    if src.published is not None:
        citation.append(f"published {describe(src.published)}")
    details: list[tuple[str, str]] = []
    if src.attribution:
        details.append(("attributed as", f"“{src.attribution}”"))
    if src.via and src.via in timeline.source_index:
        via = timeline.source_index[src.via]
        details.append(("reported via", via.outlet or via.id))
    if src.url:
        details.append(("URL", src.url))
    return citation, details
