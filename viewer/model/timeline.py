"""The timeline data model: Timeline, Track, Event, Quote, Source.

Pure Python (no Qt).  Objects are immutable dataclasses; a reader builds a
:class:`Timeline` once and the user interface only reads it.  Cross-references
(an event's track, a quote's source) are checked by :meth:`Timeline.problems`.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .dates import EventDate
from .story import Story

if TYPE_CHECKING:
    import numpy as np

    from .columns import EventColumns
    from .facets import EventFacts, FacetIndex

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
]

TRACK_PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000")
"""Colours given to tracks the file leaves uncoloured, in turn: the
colour-blind-safe palette of Okabe & Ito (2008), *Color Universal Design*
(https://jfly.uni-koeln.de/color/).  The first six are in both briefing
themes' palettes (yellow and black come last: each vanishes into one theme's
background), so present mode shows the same colours as the desk view."""


class EventKind(str, enum.Enum):
    """How an event is drawn.

    ``POINT``: something that happened at one (possibly imprecise) date;
    ``SPAN``: something that lasted from ``start`` to ``end`` on one track;
    ``BAND``: a window drawn across all tracks (an exercise, an era).
    """

    POINT = "point"
    SPAN = "span"
    BAND = "band"


class SourceKind(str, enum.Enum):
    """What kind of source a claim comes from."""

    NEWS_ARTICLE = "news_article"
    OFFICIAL_STATEMENT = "official_statement"
    PRESS_OFFICE = "press_office"
    INTERVIEW = "interview"
    UNNAMED_OFFICIALS = "unnamed_officials"
    OTHER_OUTLET = "other_outlet"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Words for people: ``"unnamed officials"``."""
        return self.value.replace("_", " ")


class QuoteKind(str, enum.Enum):
    """``DIRECT``: the source's words in quotation marks; ``REPORTED``: reported
    speech (the article's wording of what someone said, not their words)."""

    DIRECT = "direct"
    REPORTED = "reported"


@dataclass(frozen=True)
class Track:
    """A horizontal lane of the timeline.

    ``color`` is ``#rrggbb``, or ``""`` when the file gives the track no colour
    (it is then drawn in a colour of :func:`track_colours`, never written
    back); ``order`` sorts lanes top to bottom (ties keep file order).
    """

    id: str
    label: str
    color: str = ""
    order: int = 0


@dataclass(frozen=True)
class Quote:
    """Words attributed to someone, with the chain that attributes them.

    Attributes
    ----------
    text : str
        Verbatim as the source printed it (never rewritten, never HTML).
    kind : QuoteKind
        Direct quotation or reported speech.
    speaker, speaker_role : str
        Who said it and in what capacity ("Kremlin spokesman").
    source : str
        Id of the :class:`Source` that carries the quote.
    attribution : str
        The attribution as written ("according to Kremlin spokesman Dmitry Peskov").
    """

    text: str
    speaker: str = ""
    speaker_role: str = ""
    source: str = ""
    attribution: str = ""
    kind: QuoteKind = QuoteKind.DIRECT
    offsets: tuple[int, int] | None = None
    """``(start, end)`` character offsets of ``text`` in the article it was
    taken from (``article[start:end] == text``), for quotes found by ingest;
    None when unknown."""
    credibility: str = ""  #: "1".."6" (NATO Admiralty code, :mod:`viewer.model.grading`) or "" ungraded

    @property
    def who(self) -> str:
        """The speaker and role as one line: ``"Dmitry Peskov, Kremlin spokesman"`` (``""`` if neither)."""
        return ", ".join(x for x in (self.speaker, self.speaker_role) if x)


@dataclass(frozen=True)
class Draft:
    """Marks an event proposed by ingest (:mod:`viewer.ingest`) and not yet
    reviewed by a person: it is drawn distinctly and never shown as a fact.

    Attributes
    ----------
    sentence : str
        The article's sentence the event was read from, verbatim.
    offsets : (int, int)
        ``(start, end)`` character offsets of ``sentence`` in the article text
        (after extraction from HTML or Markdown).
    article : str
        Name of the article file ("" for pasted text).
    """

    sentence: str
    offsets: tuple[int, int] = (0, 0)
    article: str = ""


@dataclass(frozen=True)
class Source:
    """Where a claim comes from.

    ``via`` is the id of the source that relayed this one (a ministry statement
    reported by a news article); ``attribution`` is how the relaying source
    phrased it ("a statement released by the Russian Ministry of Defense").
    """

    id: str
    kind: SourceKind
    outlet: str
    title: str = ""
    author: str = ""
    published: EventDate | None = None
    url: str = ""
    via: str = ""
    attribution: str = ""
    reliability: str = ""  #: "A".."F" (NATO Admiralty code, :mod:`viewer.model.grading`) or "" ungraded

    @property
    def name(self) -> str:
        """Outlet, with the title in brackets when there is one: ``"CNN (Normandy talks)"``."""
        return self.outlet + (f" ({self.title})" if self.title else "")


@dataclass(frozen=True)
class Event:
    """Something that happened, with its dates, place, people, quotes and sources.

    ``track`` is a track id; a band may have ``track=""`` (drawn across all
    tracks).  ``end`` is None for a point.  ``sources`` lists source ids.
    ``planned`` is True when the source describes the event as planned,
    scheduled or expected rather than as having happened (file field
    ``"status": "planned"``); it is then shown as planned whatever its date
    (:meth:`Timeline.is_planned`).
    """

    id: str
    title: str
    start: EventDate
    track: str = ""
    kind: EventKind = EventKind.POINT
    end: EventDate | None = None
    summary: str = ""
    actors: tuple[str, ...] = ()
    location: str = ""
    tags: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[str, ...] = ()
    draft: Draft | None = None
    """Set while the event is an unreviewed draft (see :class:`Draft`)."""
    planned: bool = False
    credibility: str = ""  #: "1".."6" (NATO Admiralty code, :mod:`viewer.model.grading`) or "" ungraded

    @property
    def earliest(self) -> float:
        """Earliest possible moment of the event (epoch s, UTC; may be -inf)."""
        return self.start.earliest

    @property
    def latest(self) -> float:
        """Latest possible moment: end of ``end`` for spans, else of ``start``."""
        return (self.end if self.end is not None else self.start).latest

    @property
    def sort_point(self) -> float:
        """Documented sort key (epoch s, UTC): the start date's ``sort_point``;
        for a span whose start is wholly open (``..``), its end's; else ``inf``.
        Ties keep file order."""
        point = self.start.sort_point
        if math.isinf(point) and self.end is not None:
            point = self.end.sort_point
        return point


class LazyEvents(Sequence[Event]):
    """The events of a large timeline, each built only when asked for.

    A million :class:`Event` objects (with their dates, quotes and tuples)
    take seconds to build and about a gigabyte; drawing needs only the
    columnar arrays, and the detail pane one event at a time.  This sequence
    keeps the ids and a function that builds event ``i``; built events are
    kept in a small cache.

    Parameters
    ----------
    ids : list of str, length N
        Event ids in file order.
    make : callable(int) -> Event
        Builds event ``i`` (file order); must return an event with ``ids[i]``.
    finite_extent : (float, float)
        What :meth:`Timeline.finite_extent` returns (epoch seconds UTC).
    title : callable(int) -> str, optional
        Title of event ``i``, cheaper than building the event.
    facts : EventFacts, optional
        Per-event arrays the reader already has (track, date bounds, which
        events may have actors, tags, quotes or sources): filters and facet
        counts (:class:`~viewer.model.facets.FacetIndex`) then build only
        those few events.
    time_zones : callable(int) -> tuple of str, optional
        The ``time_zone`` of event ``i``'s start and end dates (those that
        have one), cheaper than building the event.
    raw : callable(int) -> str, optional
        The JSON text of event ``i`` as the file has it (for the search
        index, :mod:`viewer.io.search_index`, which reads the common fields
        of a million events without building them).
    content_digest : str, optional
        BLAKE2b hex digest of the file's bytes the events were read from
        ("" when not known): what a persistent index of them is keyed by.
    origin_index : int array (N,), optional
        Position of each event in the file's events, for the events of a
        filtered timeline (:func:`viewer.model.filters.apply_filters`); None
        = the file's own events (``arange(N)``).
    """

    CACHE_SIZE = 4096

    def __init__(self, ids: list[str], make: Callable[[int], Event],
                 finite_extent: tuple[float, float],
                 title: Callable[[int], str] | None = None, facts: EventFacts | None = None,
                 time_zones: Callable[[int], tuple[str, ...]] | None = None,
                 raw: Callable[[int], str] | None = None, content_digest: str = "",
                 origin_index: np.ndarray | None = None) -> None:
        self.ids = ids
        self.raw = raw
        self.content_digest = content_digest
        self.origin_index = origin_index
        self.facts = facts
        self._make = make
        self._title = title
        self._time_zones = time_zones
        self.finite_extent = finite_extent
        self._built: dict[int, Event] = {}
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        i = int(i)
        if i < 0:
            i += len(self.ids)
        if not 0 <= i < len(self.ids):
            raise IndexError(f"event index {i} out of range 0..{len(self.ids) - 1}")
        ev = self._built.get(i)
        if ev is None:
            if len(self._built) >= self.CACHE_SIZE:
                self._built.clear()
            ev = self._built[i] = self._make(i)
        return ev

    def __iter__(self) -> Iterator[Event]:
        for i in range(len(self.ids)):
            yield self[i]

    def build(self, i: int) -> Event:
        """Event ``i`` built afresh and not kept (for a background pass over
        many events that must not evict the events the window shows)."""
        ev = self._built.get(i)
        return ev if ev is not None else self._make(i)

    def title(self, i: int) -> str:
        """Title of event ``i`` without building the event (for labels)."""
        ev = self._built.get(i)
        if ev is not None or self._title is None:
            return self[i].title
        return self._title(i)

    def time_zones(self, i: int) -> tuple[str, ...]:
        """IANA zones (``EventDate.time_zone``) of event ``i``'s start and end,
        those that have one, without building the event when it can."""
        ev = self._built.get(i)
        if ev is not None or self._time_zones is None:
            ev = ev if ev is not None else self[i]
            return tuple(d.time_zone for d in (ev.start, ev.end) if d is not None and d.time_zone)
        return self._time_zones(i)

    def index_of(self, event_id: str) -> int:
        """File position of an event id; raises KeyError if there is none."""
        if self._index is None:
            self._index = {eid: k for k, eid in enumerate(self.ids)}
        return self._index[event_id]


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
    tracks, events, sources : tuple
        Tracks in display order; events and sources in file order.
    """

    title: str
    tracks: tuple[Track, ...] = ()
    events: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()
    description: str = ""
    reference_date: EventDate | None = None
    time_zone: str = "UTC"
    home_start: EventDate | None = None
    home_end: EventDate | None = None
    stories: tuple[Story, ...] = ()
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
    def with_columns(cls, columns: EventColumns, **fields) -> Timeline:
        """A timeline whose columnar arrays were built already (by a reader,
        from a cache): ``fields`` as for the constructor, ``events`` usually
        a :class:`LazyEvents`."""
        timeline = cls(**fields)
        timeline.__dict__["columns"] = columns  # the cached_property's slot
        return timeline

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
        for name in ("columns", "facets", "track_index", "source_index", "track_colours"):
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
        cols = self.__dict__.get("columns")
        if cols is not None:
            try:
                return int(cols.event_index[cols.row_of(event_id)])
            except KeyError:
                pass
        return self.events.index_of(event_id)  # type: ignore[attr-defined]

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
        """Every source an event cites, directly or through its quotes, each once, in order."""
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

        Open ends (``..``, "on or before") do not count.  With no dated event,
        the reference date's day, or the Unix epoch's, is returned.
        """
        if isinstance(self.events, LazyEvents):
            return self.events.finite_extent
        values = [
            v
            for e in self.events
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
        """Columnar numpy arrays for rendering (built once, on first use)."""
        from .columns import EventColumns

        return EventColumns.from_timeline(self)

    def is_after_reference(self, event: Event) -> bool:
        """True when ``event`` begins after the reference date (see :meth:`after_reference`)."""
        ref = self.reference_date
        return ref is not None and math.isfinite(ref.latest) and event.start.earliest >= ref.latest

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
        (``facts.rich``: an event with a ``status`` field is always one).
        """
        facts = getattr(self.events, "facts", None)
        candidates = range(len(self.events)) if facts is None else (int(i) for i in facts.rich)
        return tuple(i for i in candidates if self.events[i].planned)

    def planned_rows(self) -> np.ndarray:
        """Rows of :attr:`columns` drawn as planned: bool (N,).

        :meth:`after_reference` or the row's event marked ``planned`` by its
        source (:meth:`is_planned`, on the columns).
        """
        import numpy as np

        rows = self.after_reference()
        marked = self.planned_event_indexes
        if marked:
            rows = rows | np.isin(self.columns.event_index, np.asarray(marked, dtype=np.int64))
        return rows

    def after_reference(self) -> np.ndarray:
        """Rows of :attr:`columns` that begin after the reference date: bool (N,).

        An event whose earliest possible start is later than the latest
        possible moment of :attr:`reference_date` (the publication date of the
        source the timeline was built from) was still to come when the source
        was written: planned, announced or expected, not observed.  All False
        without a reference date.
        """
        import numpy as np

        cols = self.columns
        ref = self.reference_date
        if ref is None or not math.isfinite(ref.latest):
            return np.zeros(len(cols), dtype=bool)
        with np.errstate(invalid="ignore"):  # the rule of is_after_reference, on the columns' x0
            return cols.x0 >= ref.latest - cols.origin_epoch_s

    def draft_flags(self) -> np.ndarray:
        """Which events (file order) are unreviewed drafts: bool (len(events),).

        Only events read whole can carry a draft marker, so a lazily-loaded
        timeline builds just those (``EventFacts.rich``)."""
        import numpy as np

        cached: np.ndarray | None = self.__dict__.get("_draft_flags")
        if cached is not None:
            return cached
        n = len(self.events)
        if isinstance(self.events, LazyEvents):
            has = np.zeros(n, dtype=bool)
            facts = self.events.facts
            for i in (facts.rich if facts is not None else range(n)):
                has[int(i)] = self.events[int(i)].draft is not None
        else:
            has = np.fromiter((e.draft is not None for e in self.events), dtype=bool, count=n)
        self.__dict__["_draft_flags"] = has
        return has

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
        from .columns import BAND_LANE

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
        from .facets import FacetIndex

        return FacetIndex(self)


def track_colours(tracks: Sequence[Track]) -> tuple[str, ...]:
    """The colour each of ``tracks`` is drawn in, in the same order.

    A track with its own colour keeps it; the others take the colours of
    :data:`TRACK_PALETTE` that no track has as its own, in turn, repeating
    the palette when there are more uncoloured tracks than free colours.
    Every view (desk, legend, exports, present mode) uses these colours.
    """
    used = {t.color.upper() for t in tracks if t.color}
    free = [c for c in TRACK_PALETTE if c not in used]
    out: list[str] = []
    k = 0
    for t in tracks:
        if t.color:
            out.append(t.color)
        else:
            out.append(free[k] if k < len(free) else TRACK_PALETTE[(k - len(free)) % len(TRACK_PALETTE)])
            k += 1
    return tuple(out)


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
