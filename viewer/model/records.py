"""The records of a timeline: Event, Track, Quote, Source, Draft and their kinds.

Pure Python (no Qt).  Immutable dataclasses, built by readers and read by
everything else; the container that holds them and checks their
cross-references is :class:`viewer.model.timeline.Timeline`.  This module
imports nothing of the model but dates, so every other module may use it.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .dates import EventDate

__all__ = [
    "EventKind",
    "SourceKind",
    "QuoteKind",
    "Draft",
    "Track",
    "Quote",
    "Source",
    "Event",
    "TRACK_PALETTE",
    "TRACK_SHAPES",
    "track_colours",
    "track_shapes",
    "keep_drawn_colours",
]

TRACK_PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#999933", "#882255")
"""Colours given to tracks the file leaves uncoloured, in turn: the
colour-blind-safe palette of Okabe & Ito (2008), *Color Universal Design*
(https://jfly.uni-koeln.de/color/), without its yellow (#F0E442: 1.3:1 on
white, a yellow track's markers and stripe vanish on the desk and on paper)
and its black (it vanishes into a dark desk and the dark wall screen: a
seventh track was black on the desk, yellow on the wall), then Tol's olive
and wine.  Every one stands out from white and from near-black, so present
mode keeps each track's desk colour (:func:`viewer.graphics.style.briefing_colours`).
Marker outlines are kept at 3:1 against the background whatever the colour
(:func:`viewer.graphics.marks.outline_color`)."""


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
    (it is then drawn in a colour of :func:`track_colours`, not written back
    unless an edit of the track list would change it: :func:`keep_drawn_colours`);
    ``order`` sorts lanes top to bottom (ties keep file order).
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
    offsets : (int, int) or None
        ``(start, end)`` character offsets of ``sentence`` in the article text
        (after extraction from HTML or Markdown); None when not known (a draft
        read back from CSV or TimelineJS, which do not keep them).
    article : str
        Name of the article file ("" for pasted text).
    """

    sentence: str
    offsets: tuple[int, int] | None = None
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
    stated_happened: bool = field(default=False, compare=False)
    """The file says ``"status": "happened"`` (the default, written out): the detail pane says so when
    the end is read as a plan all the same (:mod:`viewer.model.planned_end`)."""

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
        ``inf`` too when its year is unknown (:attr:`year_unknown`): it sorts after
        every dated event, not as year 0.  Ties keep file order."""
        if self.year_unknown:
            return math.inf
        point = self.start.sort_point
        if math.isinf(point) and self.end is not None:
            point = self.end.sort_point
        return point

    @property
    def year_unknown(self) -> bool:
        """True when a date of the event has an unknown year (EDTF ``XXXX-06-10``, ``XXXX-XX-10``,
        ``XXXX``: :attr:`EventDate.year_unknown`).  Its possible interval, year 0 to 9999, is
        EDTF's four digits, not something the source said: the window does not place it on the
        time axis (:data:`~viewer.model.date_arrays.FLAG_YEAR_UNKNOWN`) and the exports that need
        a year leave it out (:func:`viewer.io.losses.year_unknown`)."""
        return self.start.year_unknown or (self.end is not None and self.end.year_unknown)


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


def keep_drawn_colours(old: Sequence[Track], new: Sequence[Track]) -> tuple[Track, ...]:
    """``new`` (the track list after an edit of ``old``: a track added, deleted, moved,
    recoloured) with each uncoloured track of ``old`` given, as its own, the colour it was drawn in,
    when the edit would otherwise draw one of them in another colour; else ``new`` unchanged.

    An uncoloured track takes a palette colour by its place among the uncoloured tracks
    (:func:`track_colours`), so deleting or moving one repainted the others: File > New's unused
    "Track 1" left out on save turned "Port authority" from sky blue to orange and "Ministry" from
    green to sky blue.  Given their colours, they keep them in every view, on save and on reopening.
    A track new in ``new`` takes a colour left free by the others.
    """
    new = tuple(new)
    drawn = dict(zip((t.id for t in old), track_colours(old)))
    if all(drawn.get(t.id, c) == c for t, c in zip(new, track_colours(new))):
        return new
    return tuple(replace(t, color=drawn[t.id]) if not t.color and t.id in drawn else t for t in new)


TRACK_SHAPES = ("diamond", "circle", "square", "triangle", "triangle_down", "hexagon", "star")
"""Marker shapes, in turn (:data:`viewer.graphics.style.MARKER_SHAPES`)."""


def track_shapes(colours: Sequence[str]) -> tuple[str, ...]:
    """The marker shape of each lane drawn in ``colours`` (lane order).

    A diamond, unless an earlier lane has the same colour (more tracks than
    :data:`TRACK_PALETTE` has colours, or two tracks given one colour): then
    the first of :data:`TRACK_SHAPES` not yet used in that colour, so two
    tracks never look alike while colours times shapes last.
    """
    used: dict[str, set[str]] = {}
    out: list[str] = []
    for colour in colours:
        taken = used.setdefault(colour.upper(), set())
        shape = next((s for s in TRACK_SHAPES if s not in taken), "diamond")
        taken.add(shape)
        out.append(shape)
    return tuple(out)
