"""State of a running presentation, captions and the choice of screens.

No Qt: the presentation window mirrors :class:`Presentation` (like the
timeline widget mirrors :class:`~viewer.model.viewstate.ViewState`), and the
functions here are tested without a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .filters import FilterState, apply_filters
from .kept import kept
from .planned_end import planned_end, planned_end_rows, short_date
from .quoting import denial_verb, quote_sentence
from .story import Story, StoryStep
from .text import counted
from .timeline import QuoteKind, Timeline

__all__ = ["Presentation", "Caption", "CaptionQuote", "caption_for", "ScreenInfo", "choose_screens",
           "timeline_for_tracks", "short_date", "DRAFT_STATUS", "marks_in_range", "marks_note",
           "header_note"]

DRAFT_STATUS = "DRAFT: not reviewed, read from the article by ingest"
"""What a caption says of an unreviewed draft, on a line of its own (:attr:`Caption.status`)."""


class Presentation:
    """Which step of a story is shown, whether the screen is blanked, what is typed.

    Listeners registered with :meth:`subscribe` are called as
    ``callback(presentation, changed)`` with ``changed`` a set of names:
    ``"index"`` (another step), ``"blank"``, ``"typed"`` (the go-to-step
    digits).  Nothing is notified when nothing changed.

    Parameters
    ----------
    story : Story
        May be empty (then :attr:`step` is None).
    """

    def __init__(self, story: Story) -> None:
        self.story = story
        self._index = 0
        self._blank = False
        self._typed = ""
        self._listeners: list[Callable[[Presentation, set[str]], None]] = []

    def subscribe(self, callback: Callable[[Presentation, set[str]], None]) -> None:
        """Call ``callback(presentation, changed_names)`` after every change."""
        self._listeners.append(callback)

    def _notify(self, changed: set[str]) -> None:
        if changed:
            for cb in list(self._listeners):
                cb(self, changed)

    # -- read ------------------------------------------------------------
    @property
    def index(self) -> int:
        """0-based number of the shown step (0 for an empty story)."""
        return self._index

    @property
    def count(self) -> int:
        """Number of steps."""
        return len(self.story.steps)

    @property
    def step(self) -> StoryStep | None:
        """The shown step, or None for an empty story."""
        return self.story.steps[self._index] if self.story.steps else None

    @property
    def next_step(self) -> StoryStep | None:
        """The step after the shown one, or None at the end."""
        k = self._index + 1
        return self.story.steps[k] if k < self.count else None

    @property
    def blank(self) -> bool:
        """True while the screen is blanked (B or '.')."""
        return self._blank

    @property
    def typed(self) -> str:
        """Digits typed so far for go-to-step ("" when none)."""
        return self._typed

    # -- change ----------------------------------------------------------
    def go_to(self, index: int) -> None:
        """Show step ``index`` (0-based, clamped to the story); un-blanks the screen."""
        changed: set[str] = set()
        if self.count:
            index = max(0, min(int(index), self.count - 1))
            if index != self._index:
                self._index = index
                changed.add("index")
        if self._blank:
            self._blank = False
            changed.add("blank")
        if self._typed:
            self._typed = ""
            changed.add("typed")
        self._notify(changed)

    def next(self) -> None:
        """The next step (stays on the last)."""
        self.go_to(self._index + 1)

    def previous(self) -> None:
        """The previous step (stays on the first)."""
        self.go_to(self._index - 1)

    def first(self) -> None:
        self.go_to(0)

    def last(self) -> None:
        self.go_to(self.count - 1)

    def toggle_blank(self) -> None:
        """Blank the screen, or show it again."""
        self._blank = not self._blank
        self._notify({"blank"})

    def type_digit(self, digit: str) -> None:
        """Add a digit to the go-to-step number (at most 4 digits are kept).

        Raises
        ------
        ValueError
            If ``digit`` is not one of ``0``-``9``.
        """
        if len(digit) != 1 or digit not in "0123456789":
            raise ValueError(f"expected a digit 0-9, got {digit!r}")
        self._typed = (self._typed + digit)[-4:]
        self._notify({"typed"})

    def clear_typed(self) -> bool:
        """Forget typed digits; True if there were any."""
        if not self._typed:
            return False
        self._typed = ""
        self._notify({"typed"})
        return True

    def enter(self) -> bool:
        """Go to the typed step number (1-based, clamped); False when nothing was typed."""
        if not self._typed:
            return False
        number = int(self._typed)
        self.go_to(number - 1)
        return True


# ---------------------------------------------------------------------------
# captions


@dataclass(frozen=True)
class CaptionQuote:
    """One quote of a caption.

    ``text`` is verbatim; ``direct`` is False for reported speech (shown
    without quotation marks); ``who`` is "speaker, role"; ``sentence`` is
    the quote as it is shown, by the one rule of
    :func:`viewer.model.quoting.quote_sentence` (``“text” — who``, or for
    reported speech ``Reported (who): text``, the text as the source wrote it);
    ``verb`` is ``"denied"`` when the speaker denied the reported words
    (:func:`viewer.model.quoting.denial_verb`), else ``""``.
    """

    text: str
    direct: bool
    who: str
    sentence: str = ""
    verb: str = ""


@dataclass(frozen=True)
class Caption:
    """What the audience reads about the selected event.

    Attributes
    ----------
    title : str
        The event's title.
    quotes : tuple of CaptionQuote
        Verbatim quotes; empty when the event has none.
    summary : str
        The event's summary (shown when there is no quote; it is the
        source's account, not a quotation).
    source : str
        Where it comes from: ``"Russian Ministry of Defense, via Washington
        Insider Magazine"``.
    date : str
        When, in words (``"Thu 10 Feb 2022"``, ``"on or before Thu 10 Feb 2022"``), with
        "(planned ...)" when the source describes it as still to happen.
    status : str
        :data:`DRAFT_STATUS` for an unreviewed draft (shown on its own line, as large as the
        date and in the accent colour: a draft is never shown as a reviewed fact), else "".
    """

    title: str
    quotes: tuple[CaptionQuote, ...]
    summary: str
    source: str
    date: str
    status: str = ""




def caption_for(timeline: Timeline, event_id: str) -> Caption:
    """The caption of an event: title, verbatim quotes with speakers, source chain, date.

    The source line names the sources of the quotes (else the event's own
    sources), each followed by the chain that relayed it ("via ...").

    Raises
    ------
    KeyError
        If there is no such event.
    """
    ev = timeline.event(event_id)
    quotes = tuple(
        CaptionQuote(q.text, QuoteKind(q.kind) == QuoteKind.DIRECT, q.who, quote_sentence(q), denial_verb(q))
        for q in ev.quotes
    )
    source_ids = [q.source for q in ev.quotes if q.source] or list(ev.sources)
    parts: list[str] = []
    for sid in dict.fromkeys(source_ids):
        chain = timeline.source_chain(sid)
        if not chain:
            continue
        text = chain[0].outlet or chain[0].id
        if len(chain) > 1:
            text += ", via " + ", via ".join(s.outlet or s.id for s in chain[1:])
        if text not in parts:
            parts.append(text)
    # a source that relays another already listed is said once
    parts = [p for p in parts if not any(p != o and o.endswith(p) for o in parts)]
    when = short_date(ev.start)
    plan = planned_end(timeline, ev)
    if plan is not None:  # the end after the source's date is a plan: said so, not drawn as a fact
        when += f" – {plan.words()}"
    elif ev.end is not None:
        when += " – " + short_date(ev.end)
    if ev.start.hand_edit is not None or (ev.end is not None and ev.end.hand_edit is not None):
        when += " (date edited by hand)"  # the editor's day, not the source's (the label says "date edited")
    ref = timeline.reference_date
    if ref is not None and timeline.is_after_reference(ev):  # still to come when the source was written
        when += f" (planned or expected: after the source’s date, {short_date(ref)})"
    elif timeline.is_planned(ev):  # the source describes it as planned, whatever its date
        when += " (planned: the source describes it as still to happen)"
    # a draft is never shown to an audience as a reviewed fact: said on a line of its own
    status = DRAFT_STATUS if ev.draft is not None else ""
    return Caption(ev.title, quotes, ev.summary, "; ".join(parts), when, status)


def marks_in_range(timeline: Timeline, a_epoch: float, b_epoch: float) -> tuple[int, int, int, int]:
    """How many events drawn in ``[a_epoch, b_epoch]`` (seconds since the epoch) are
    unreviewed drafts, how many planned (:meth:`Timeline.planned_rows`), how many spans or
    bands have a planned end there (:func:`viewer.model.planned_end.planned_end_rows`, drawn
    hatched after the source's date), and how many are on screen with their planned part
    wholly past the right edge (a band titled "(10–20 Feb)" whose hatching is off screen names
    an end that is only announced): ``(drafts, planned, planned_ends, ends_beyond)``.

    The marked rows are found once per timeline (kept with it), so a step costs O(marked rows):
    a 300-step story on a large file is not searched 300 times over."""
    marked = kept(timeline, "marked_rows", None,
                  lambda: (np.flatnonzero(timeline.drafts()), np.flatnonzero(timeline.planned_rows())))
    cols = timeline.columns
    o = cols.origin_epoch_s
    counts = []
    for rows in marked:
        if not rows.size:
            counts.append(0)
            continue
        with np.errstate(invalid="ignore"):
            hit = rows[(cols.x1[rows] >= a_epoch - o) & (cols.x0[rows] <= b_epoch - o)]
        counts.append(int(np.unique(cols.event_index[hit]).size))
    plans = planned_end_rows(timeline)
    ends = sum(1 for known, end in plans.values() if known < b_epoch and end > a_epoch)
    beyond = sum(1 for row, (known, _end) in plans.items()
                 if known >= b_epoch and known > a_epoch and float(cols.x0[row]) + o < b_epoch)
    return counts[0], counts[1], ends, beyond


def marks_note(drafts: int, planned: int, planned_ends: int = 0, ends_beyond: int = 0) -> str:
    """The header's words for the marks on screen that say "not a reviewed fact":
    ``"DRAFT: 15 unreviewed drafts shown (dotted rings)    ·    4 planned (hollow, dashed)    ·
    1 planned end (hatched)"``, and for a span or band whose planned part is all past the
    right edge ``"1 planned end past the right edge (announced, not reported)"``; "" when
    there are none."""
    parts = []
    if drafts:
        parts.append(f"DRAFT: {counted(drafts, 'unreviewed draft')} shown (dotted rings)")
    if planned:
        parts.append(f"{planned:,} planned (hollow, dashed)")
    if planned_ends:
        parts.append(f"{counted(planned_ends, 'planned end')} (hatched)")
    if ends_beyond:
        parts.append(f"{counted(ends_beyond, 'planned end')} past the right edge (announced, not reported)")
    return "    ·    ".join(parts)


def header_note(timeline: Timeline) -> str:
    """What the desk header says after the title about the whole timeline's marks that say
    "not a reviewed fact", as a collection window's header does:
    ``"16 unreviewed drafts · 4 planned · 1 planned end · 1 date edited by hand"``; "" when there are none.  Counted
    over the file, whatever is hidden or filtered (:meth:`Timeline.planned_count`,
    :func:`viewer.model.planned_end.planned_end_rows`)."""
    drafts, planned, ends = timeline.draft_count(), timeline.planned_count(), len(planned_end_rows(timeline))
    hand = int(timeline.hand_edit_flags().sum())
    parts = [counted(drafts, "unreviewed draft")] if drafts else []
    parts += [f"{planned:,} planned"] if planned else []
    parts += [counted(ends, "planned end")] if ends else []
    parts += [f"{hand:,} date{'s' if hand != 1 else ''} edited by hand"] if hand else []
    return " · ".join(parts)


# ---------------------------------------------------------------------------
# tracks shown by a step


def timeline_for_tracks(timeline: Timeline, track_ids: Sequence[str]) -> Timeline:
    """The timeline with only some tracks (and their events; bands are kept).

    Parameters
    ----------
    timeline : Timeline
    track_ids : sequence of str
        Tracks to keep; empty = all (``timeline`` itself is returned).
        Unknown ids are ignored.

    Returns
    -------
    Timeline
        A new timeline (same title, sources, reference date, home) sharing
        the event objects (a lazily-loaded timeline gives a lazy one, its columns a subset of the
        file's: :func:`viewer.model.filters.apply_filters`), or ``timeline`` itself.  Its spans' and bands' planned
        ends are the whole timeline's: the planned event that announces an end
        may be on a track left out (:func:`viewer.model.planned_end.announced_in`).
    """
    keep = set(track_ids)
    known = {t.id for t in timeline.tracks}
    if not keep or keep >= known:
        return timeline
    # the Filters tab's own derivation: vectorised over the columns, a lazily-loaded timeline stays
    # lazy (a step folding tracks of a 10^6-event file built every event in Python: 115 s a step)
    return apply_filters(timeline, FilterState(hidden_tracks=frozenset(known - keep)))


# ---------------------------------------------------------------------------
# screens


@dataclass(frozen=True)
class ScreenInfo:
    """What the choice of screens needs to know about one screen.

    ``width`` and ``height`` are in device-independent pixels.
    """

    name: str
    width: int
    height: int
    primary: bool = False


def choose_screens(screens: Sequence[ScreenInfo], chosen: int | None = None) -> tuple[int, int | None]:
    """Which screen the audience sees and which one the presenter sees.

    Rule: with one screen, the audience gets it and there is no presenter
    screen (the presenter overlay is toggled on it instead).  With more,
    the audience gets ``chosen`` if it is a valid index, else the largest
    screen that is not the primary one (a projector or wall screen is
    attached as an extra display; the laptop's own panel is primary); the
    presenter gets the primary screen, or the first other one when the
    audience has the primary.

    Parameters
    ----------
    screens : sequence of ScreenInfo
        As ``QGuiApplication.screens()`` lists them.
    chosen : int, optional
        Index picked by the user for the audience.

    Returns
    -------
    (audience, presenter) : tuple of int and (int or None)
        Indices into ``screens``.

    Raises
    ------
    ValueError
        If ``screens`` is empty.
    """
    if not screens:
        raise ValueError("there is no screen to present on")
    if len(screens) == 1:
        return 0, None
    primary = next((i for i, s in enumerate(screens) if s.primary), 0)
    if chosen is not None and 0 <= chosen < len(screens):
        audience = chosen
    else:
        others = [i for i in range(len(screens)) if i != primary]
        audience = max(others, key=lambda i: (screens[i].width * screens[i].height, -i))
    presenter = primary if primary != audience else next(i for i in range(len(screens)) if i != audience)
    return audience, presenter
