"""The event list: a sortable table of the shown events beside the timeline.

Columns: date, track, title, number of sources.  While a search is active the
list holds only the matches (so it is also the list of search results).
Selecting a row selects the event on the timeline and in the detail pane;
selecting on the timeline selects and scrolls to the row.

:class:`EventTableModel` is a plain :class:`QAbstractTableModel` (checked with
pytest-qt's ``qtmodeltester``).  Its rows already come in the documented
time order (:attr:`Event.sort_point`: the earliest possible moment, else the
latest), so while the list is sorted by date, ascending (the default), the
table shows the model itself; any other sort puts a
:class:`QSortFilterProxyModel` on :data:`SORT_ROLE` between them.  A proxy
maps every row on each reset (about 110 ms at a million rows, on every filter
toggle or zone switch); the model alone resets in O(1).

A paint asks only for the rows on screen, and each cell several times (one
call per role Qt asks of a cell, most of which the list does not use, and
two paints after a swap): a row's texts (the dates written in the display
zone, the title with its qualifiers, the number of sources) are formatted
once per timeline and zone and kept by event id (:attr:`EventTableModel.MEMO_ROWS`
at most per timeline), so a search keystroke or a kept timeline shown again
formats only the rows not seen before.  An edit forgets them.
"""

from __future__ import annotations

import math
import re
from weakref import WeakSet

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
)

from ..graphics.events import label_text
from ..graphics.marks import HOLLOW
from ..graphics.style import marker_swatch
from ..model.columns import FLAG_APPROXIMATE, FLAG_OPEN_END, FLAG_OPEN_START, FLAG_UNCERTAIN
from ..model.kept import forget, kept, kept_values
from ..model.lanes import display_order
from ..model.planned_end import planned_end
from ..model.search import MatchList
from ..model.text import plain_tooltip
from ..model.timeline import Event, Timeline
from ..model.viewstate import ViewState
from ..model.written_end import written_end, written_end_words
from ..model.zones import EVENT_LOCAL, describe_date
from .after_paint import after_first_paint

__all__ = ["EventTableModel", "EventListView", "SORT_ROLE", "ID_ROLE", "side_tabs", "install", "date_cell",
           "date_tooltip", "title_text", "listed_title", "DRAFT_WORD", "short_date"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  #: key the proxy sorts on
ID_ROLE = Qt.ItemDataRole.UserRole + 2  #: event id of a row
COLUMNS = ("Date", "Track", "Title", "Sources")
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_SERVED = frozenset({_DISPLAY, _DECORATION, _ALIGN, _TOOLTIP, SORT_ROLE, ID_ROLE})
"""The roles the model answers; Qt asks each shown cell for about a dozen."""
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


_SHORT_RELATIONS = (("on or before ", "≤ "), ("on or after ", "≥ "))
"""The date column writes an open date's relation as the timeline's labels and legend do, so a
narrow column cuts the end of the date, never the date itself (the tooltip has the words)."""


_DAY = r"(?:[A-Z][a-z]{2} )?(\d{1,2}) ([A-Z][a-z]{2}) (-?\d+(?: BCE)?)"
_ONE_DAY_BETWEEN = re.compile(rf"one day between {_DAY} and {_DAY}$")


def _one_day_in(text: str) -> str:
    """``one day between Tue 14 Jun 2016 and Mon 20 Jun 2016`` -> ``one day in 14–20 Jun 2016``
    (``28 Jun – 4 Jul 2016``, ``28 Dec 2015 – 3 Jan 2016``): the qualifier and both ends
    in a date column (the tooltip keeps the weekdays); any other text as it is."""
    m = _ONE_DAY_BETWEEN.match(text)
    if m is None:
        return text
    d1, m1, y1, d2, m2, y2 = m.groups()
    if y1 != y2:
        return f"one day in {d1} {m1} {y1} – {d2} {m2} {y2}"
    if m1 != m2:
        return f"one day in {d1} {m1} – {d2} {m2} {y2}"
    return f"one day in {d1}–{d2} {m2} {y2}"


def short_date(event: Event, zone: str, timeline_zone: str, *, end_due: bool = False) -> str:
    """The date column's text: start (and end of a span), without the precision note;
    "on or before" / "on or after" written ``≤`` / ``≥`` as on the timeline, "one day
    between A and B" as "one day in A–B"; with ``end_due`` the end is written ``due …``
    (an announced end, :func:`end_is_announced`)."""
    def one(d) -> str:
        text = _one_day_in(describe_date(d, zone, timeline_zone).split(" (to the ")[0])
        for words, sign in _SHORT_RELATIONS:
            if text.startswith(words):
                text = sign + text[len(words):]
        return text + (" ?" if d.uncertain else "")

    text = one(event.start)
    if event.end is not None:  # a TimelineJS year-only end as its year, never the year before
        text += " → " + ("due " if end_due else "") + one(written_end(event.end) or event.end)
    return text


_DAY_S = 86400.0


def end_is_announced(event: Event, timeline: Timeline) -> bool:
    """True when the written end of a span or band is itself a plan: a date after the source's
    (reference) date, hatched on the timeline and called "planned end, announced" in the detail
    pane (:func:`viewer.model.planned_end.planned_end`).  Not for an end "on or after" a day the
    source vouches for (``≥ Thu 10 Feb 2022`` is known; the announced end is then a planned
    event of its own, listed ``due …``), nor for a wholly planned event (its start says ``due``).
    Needs no other event than ``event`` unless its end is "on or after" about the reference day:
    a collection's list judges a row by the collection's timeline alone."""
    end, ref = event.end, timeline.reference_date
    if end is None or ref is None or not math.isfinite(ref.latest) or timeline.is_planned(event):
        return False
    edge = end.earliest if end.relation == "on or after" else end.latest
    if not math.isfinite(edge) or edge <= ref.latest - 1.5 * _DAY_S:  # ended (or known) by the source's date
        return False
    plan = planned_end(timeline, event)
    return plan is not None and (not plan.expected_id or end.earliest >= plan.known_until)


def date_cell(event: Event, timeline: Timeline, zone: str) -> str:
    """The date column's text of ``event`` (:func:`short_date`), ``due …`` when ``timeline``
    shows it as planned: a plan is never listed as a fact (its marker is dashed on the timeline);
    a span's announced end (hatched on the timeline, :func:`end_is_announced`) ``→ due …``."""
    if timeline.is_planned(event):
        return f"due {short_date(event, zone, timeline.time_zone)}"  # short: the date stays readable
    return short_date(event, zone, timeline.time_zone, end_due=end_is_announced(event, timeline))


def date_tooltip(event: Event, timeline: Timeline, zone: str) -> str:
    """The date column's tooltip: the whole date in words (start → end), "planned, not a fact"
    first; an announced end named "planned end, announced" as the detail pane does."""
    text = describe_date(event.start, zone, timeline.time_zone)
    if event.end is not None:
        written = written_end_words(event.end)  # "650 CE (the year as written): TimelineJS ends it on …"
        end = (describe_date(event.end, zone, timeline.time_zone) if written is None
               else f"{written}: {event.end.basis.split(': ', 1)[1]}")
        if not timeline.is_planned(event) and end_is_announced(event, timeline):
            end = f"planned end, announced: {end} (after the source's date)"
        text += " → " + end
    return f"planned, not a fact: {text}" if timeline.is_planned(event) else text


DRAFT_WORD = "DRAFT:"
"""Before an unreviewed draft's title in an Events list (present mode's word for one; the
timeline draws it with a dotted ring)."""


def title_text(event: Event) -> str:
    """The title with the same date qualifiers as its label on the timeline (``~``, ``≤``, ``(?)``,
    ``(date edited)``)."""
    d = event.start
    flags = (FLAG_UNCERTAIN if d.uncertain else 0) | (FLAG_APPROXIMATE if d.approximate else 0)
    flags |= {"on or before": FLAG_OPEN_START, "on or after": FLAG_OPEN_END}.get(d.relation, 0)
    hand = d.hand_edit is not None or (event.end is not None and event.end.hand_edit is not None)
    return label_text(event.title, flags, span=event.end is not None, hand_edited=hand)


def listed_title(event: Event) -> str:
    """The Events list's title cell: :func:`title_text`, with ``DRAFT:`` before an unreviewed
    draft's (never listed as a reviewed fact; the desk list and a collection's alike)."""
    title = title_text(event)
    return f"{DRAFT_WORD} {title}" if event.draft is not None else title


NARROW_LIST = 520
"""Pixels: below this list width the Track column is hidden and its swatch
(colour and shape, as the timeline draws the track) is shown before the title."""


DATE_WIDTH = 140
"""Pixels: the date column's least width ('due ≤ Thu 10 Feb 2022' whole at the default font);
it widens for its longest dates (:meth:`EventListView._fit_dates`)."""
DATE_SAMPLE = 64
"""A list of up to this many rows has every date measured to size the date column; a longer
one, the rows on screen."""


_WEEKDAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?=\d)")
_SPAN_YEAR = re.compile(r"(?P<a>.* [A-Z][a-z]{2}) (?P<y>\d{1,4}(?: B?CE)?)(?P<q> \?)? → (?P<b>.* (?P=y)(?: \?)?)$")
_SPAN_MONTH = re.compile(r"(?P<a>(?:.* )?\d{1,2}) (?P<m>[A-Z][a-z]{2}) (?P<y>\d{1,4}(?: B?CE)?) → "
                         r"(?P<b>(?:\S+ )?\d{1,2} (?P=m) (?P=y)(?: \?)?)$")
_TIME = r"\d{1,2}(?::\d{2}(?::\d{2})?|h)"
_SECONDS = re.compile(r"\b(\d{1,2}:\d{2}):\d{2}\b")
_ZONE = re.compile(rf"\b({_TIME}) (?:[A-Za-z]{{2,6}}|[+-]\d{{2,4}})(?= |$)")
_SAME_DAY = re.compile(rf"(?P<a>(?:.* )?(?P<day>\d{{1,2}} [A-Z][a-z]{{2}} \d{{1,4}}(?: B?CE)?) {_TIME}(?: \S+)?) → "
                       rf"(?P<q>[≤≥] )?(?P=day) (?P<b>{_TIME}(?: \S+)?)$")
_TIME_OF_DAY = re.compile(rf" {_TIME}(?: (?:[A-Za-z]{{2,6}}|[+-]\d{{2,4}}))?(?= |$)")


def shorter_dates(text: str, zone_in_header: bool = False) -> list[str]:
    """Shorter forms of a date column's text, tried in turn when it does not fit its cell,
    each cut at whole parts, never inside a date or a time: without the weekdays (``Thu 10
    Feb 2022 → ≥ Thu 10 Feb 2022`` -> ``10 Feb 2022 → ≥ 10 Feb 2022``), then without the
    seconds (``21:12:47`` -> ``21:12``), the zone's name when the column's header names the zone
    (``zone_in_header``), a span within one day with its end's time alone (``19 Mar 2010 17:31 →
    19:33``), then without the times of day (the days alone), then a span without its
    first year, or month and year, when its end has the same ones (``10 Feb → ≥ 10 Feb 2022``,
    ``22 → 23 Jan 2010``), a period's dash unspaced (``one day in 28 Jun–4 Jul 2016``), an open
    start as ``open``.  Every qualifier is kept; the tooltip has the date in words."""
    forms: list[str] = []

    def add(form: str) -> None:
        if form != (forms[-1] if forms else text):
            forms.append(form)

    text = _WEEKDAY.sub("", text)
    forms.append(text)
    for pattern, repl, wanted in ((_SECONDS, r"\1", True), (_ZONE, r"\1", zone_in_header)):
        if wanted:
            text = pattern.sub(repl, text)
            add(text)
    same = _SAME_DAY.match(text)
    if same is not None:  # a span within one day: its end's time alone (19 Mar 2010 17:31 → 19:33)
        add(f"{same['a']} → {same['q'] or ''}{same['b']}")
    text = _TIME_OF_DAY.sub("", text)
    add(text)
    m = _SPAN_YEAR.match(text)
    if m is not None:
        month = _SPAN_MONTH.match(text)
        add(f"{m['a']}{m['q'] or ''} → {m['b']}")  # 22 Jan → 23 Jan 2010
        if month is not None:
            add(f"{month['a']} → {month['b']}")  # 22 → 23 Jan 2010
        text = forms[-1]
    for long, short in ((" – ", "–"), ("open (not stated) →", "open →")):
        if long in text:
            text = text.replace(long, short)
            add(text)
    return forms


_KEPT_PARTS = frozenset({"→", "≤", "≥", "?", "~", "due", "one", "day", "in", "open"})
"""Words a date cell cut at whole parts keeps: its qualifiers and the arrow between a span's ends."""


_EXPLAINED = ", so "
"""What joins a stated date to what it stands for: ``about June 2023, so between May 2023 and July 2023``."""

_EXPLANATION_WORDS = frozenset({"so", "between", "and", "or", "from", "to"})


def _explanation_cuts(head: str, explanation: str) -> list[str]:
    """``head`` (the date as stated) whole, with its ``explanation`` cut at whole parts from
    the end, then without it: ``about June 2023, so between May 2023 and …``, ``about June
    2023, so between May 2023 …``, ``about June 2023 …``.  A date of the explanation (``May
    2023``, ``Wed 9 Feb 2022``) is kept or left out whole; a cut never ends on "so" or "between"
    (they say nothing without what follows)."""
    units: list[str] = []
    for word in explanation.split(" "):
        if word in _EXPLANATION_WORDS or not units or units[-1].split(" ")[-1] in _EXPLANATION_WORDS:
            units.append(word)
        else:
            units[-1] += " " + word  # the next word of a date
    cuts = [f"{head}, {' '.join(units[:k])} …" for k in range(len(units) - 1, 0, -1)
            if units[k - 1] not in ("so", "between", "from")]
    return cuts + [f"{head} …"]


def elide_parts(text: str, fits) -> str:
    """``text`` cut at whole parts from its end and written ``…`` until ``fits(text)``, never
    a date cut in its middle (``9 Aug … → … Aug 622 CE`` hid the days and the first year).  A
    date with what it stands for (``about June 2023, so between May 2023 and July 2023``) keeps
    the date as stated whole and loses the explanation from its end first (``about June 2023,
    so between May 2023 …``); a span loses its last end whole (``2014 → …``), then the first
    date loses its words from the end (``9 Aug …``), never ending on a qualifier or the arrow;
    as short as that goes when nothing fits.  The tooltip has the whole date."""
    if fits(text):
        return text
    head, explained, explanation = text.partition(_EXPLAINED)
    if explained and explanation:
        for shown in _explanation_cuts(head, "so " + explanation):
            if fits(shown):
                return shown
        # the stated date alone is still too wide: the rule below on it, "…" for the rest
        return _elide_end(head + " …", fits)
    return _elide_end(text, fits)


_ENDS = frozenset({"→", "–"})
"""What stands between the ends of a span or a period: a cut drops the last end whole here."""


def _elide_end(text: str, fits) -> str:
    """:func:`elide_parts` on a text without an explanation: the ends of a span from the last,
    whole, then the first one's words from its end."""
    words = [w for w in text.split(" ") if w != "…"]
    cuts: list[str] = []
    between = [i for i, w in enumerate(words) if w in _ENDS]
    for i in reversed(between):  # "9 Aug 622 CE → …": the start whole, the arrow says there is an end
        cuts.append(" ".join(words[:i + 1]) + " …")
    first = words[:between[0]] if between else words
    for k in range(len(first) - 1, 0, -1):
        part = first[:k]
        while part and part[-1] in _KEPT_PARTS:  # never "due …" or "≥ …": a qualifier of nothing
            part = part[:-1]
        if part and (not cuts or cuts[-1] != " ".join(part) + " …"):
            cuts.append(" ".join(part) + " …")
    for shown in cuts:
        if fits(shown):
            return shown
    return cuts[-1] if cuts else text


def _cell_margin(widget) -> int:
    """Pixels of a cell's width its text does not get (Qt's item text margins, both sides)."""
    style = widget.style()
    return 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1) + 2


class _DateCells(QStyledItemDelegate):
    """A date that does not fit its cell is written shorter (:func:`shorter_dates`: without
    weekdays, seconds, the zone the header names, the times, a span's first year), then cut
    at whole parts from its end (:func:`elide_parts`), never in its middle: a time cut in the
    middle ("22 Jan 2010…1:12:55 UTC") reads as a wrong time.  The tooltip has the whole date."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt name)
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight  # only when even the words cut do not fit
        room = option.rect.width() - _cell_margin(option.widget or self.parent())
        fm = option.fontMetrics

        def fits(text: str) -> bool:
            return fm.horizontalAdvance(text) <= room

        if option.text and not fits(option.text):
            header = index.model().headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""
            for shorter in shorter_dates(option.text, zone_in_header=bool(header)):  # the header names a zone
                option.text = shorter
                if fits(shorter):
                    return
            option.text = elide_parts(option.text, fits)


class EventTableModel(QAbstractTableModel):
    """Rows = events of a timeline (optionally only some ids), in time order.

    Parameters
    ----------
    timeline : Timeline
        The shown (filtered) timeline.
    ids : sequence of str or None
        Event ids to list (search matches), or None for every drawn event.
    zone : str
        Display zone of the date column (see :mod:`viewer.model.zones`).
    """

    MEMO_ROWS = 4096
    """Rows whose texts are kept per timeline and zone (forgotten all at once beyond)."""

    def __init__(self, timeline: Timeline, ids=None, zone: str = "UTC", parent=None) -> None:
        super().__init__(parent)
        self.swatch_in_title = False  # a narrow list: the Track column hidden, its swatch before the title
        self._zone = zone
        # the timelines whose row texts this model kept (with each timeline,
        # viewer.model.kept): an edit forgets them
        self._memo: WeakSet[Timeline] = WeakSet()
        self._timeline = timeline
        self._order: list[str] | None = None
        self._swatch_icons: dict[tuple[str, str, bool], QIcon] = {}  # (colour, shape, hollow) -> a swatch
        self._events: dict[int, Event] = {}
        self._sources: dict[int, int] = {}
        self._fill(timeline, ids)

    def _fill(self, timeline: Timeline, ids) -> None:
        # rows hold ids only; events and their source counts are built when a
        # row is first shown, so a million-event timeline opens at once.  All
        # drawn events: the rows are the columns' time order itself (no list
        # of ids, no id -> row dict until a selection asks for one)
        self._timeline = timeline
        cols = timeline.columns
        if ids is None:
            self._rows = cols.time_order
            self._order = None
        else:
            self._rows = None
            self._order = [i for i in ids if timeline.has_event(i)]
        self._row_index = None
        self._subset = False  # self._rows are some rows only (a search's matches)
        self._subset_rank: np.ndarray | None = None  # their time ranks, when a selection asked
        self._matches: MatchList | None = None  # the matches self._rows came from (its ranks are shared)
        self._events = {}
        self._sources = {}
        self._texts = self._kept_texts()
        self._rank_lanes()

    def _kept_texts(self) -> dict[str, tuple]:
        """Event id -> (date text, track id, title text, sources): the texts
        of rows already shown, kept with the timeline for the zone (as long as
        it lives; :func:`~viewer.model.kept.kept`)."""
        self._memo.add(self._timeline)
        texts: dict[str, tuple] = kept(self._timeline, ("event rows", self._zone), None, dict)
        return texts

    def forget(self) -> None:
        """Forget every kept text (an edit changed events in place)."""
        for timeline in list(self._memo):
            for name in [n for n in kept_values(timeline) if isinstance(n, tuple) and n[0] == "event rows"]:
                forget(timeline, name)
        self._memo.clear()
        self._events = {}
        self._sources = {}
        self._texts = self._kept_texts()

    def _cells(self, row: int) -> tuple:
        """(date text, track id, title text, number of sources) of ``row``,
        formatted once per timeline and zone."""
        eid = self.event_id(row)
        cells = self._texts.get(eid)
        if cells is None:
            ev = self._event(row)
            cells = (date_cell(ev, self._timeline, self._zone), ev.track, listed_title(ev), self._source_count(row))
            if len(self._texts) >= self.MEMO_ROWS:
                self._texts.clear()
            self._texts[eid] = cells
        return cells

    track_order: tuple[str, ...] = ()  #: the filters' track order: the Track column sorts in it

    def _rank_lanes(self) -> None:
        """Each track's position on screen (``track_order``, as the timeline draws them)."""
        tracks = self._timeline.tracks
        rank = display_order([t.id for t in tracks], self.track_order).argsort()
        self._lanes = {t.id: (int(rank[i]), t) for i, t in enumerate(tracks)}
        self._swatches: dict[tuple[str, bool], QIcon] = {}

    def _swatch(self, track_id: str, hollow: bool = False) -> QIcon | None:
        """The Track column's swatch: the track's marker as the timeline draws it, in its own
        colour and shape (not a diamond when its colour repeats another track's), by the track,
        not by its place on screen (a reorder moves the lane, not its colour); ``hollow`` (the
        row's date is not known to the day, :meth:`_hollow`) its outline only, as the timeline
        and the legend draw such a date.  Drawn once."""
        icon = self._swatches.get((track_id, hollow))
        if icon is None:
            lane = self._timeline.track_index.get(track_id) if track_id else None
            if lane is None:
                return None
            shapes = self._timeline.track_shapes
            look = (self._timeline.track_colours[lane], shapes[lane] if lane < len(shapes) else "diamond")
            # drawn once by colour, shape and fill: a reload (a swap, a zone switch) draws none again
            key = (look[0], look[1], hollow)
            icon = self._swatch_icons.get(key)
            if icon is None:
                icon = self._swatch_icons[key] = marker_swatch(*look, hollow=hollow)
            self._swatches[(track_id, hollow)] = icon
        return icon

    def _hollow(self, row: int) -> bool:
        """True when the timeline draws ``row``'s marker hollow: its date uncertain, approximate,
        open or coarser than a day (``April 2020``), or planned (:data:`viewer.graphics.marks.HOLLOW`)."""
        cols = self._timeline.columns
        try:
            at = int(self._rows[row]) if self._rows is not None else cols.row_of(self.event_id(row))
        except (KeyError, IndexError):
            return False
        return bool(int(cols.flags[at]) & HOLLOW) or self._timeline.is_planned(self._event(row))

    def set_track_order(self, order: tuple[str, ...]) -> None:
        """Sort the Track column in ``order`` (track ids top to bottom, as the
        filters ask); the rows stay (no reset)."""
        self.track_order = tuple(order)
        self._rank_lanes()

    def _count(self) -> int:
        return len(self._rows) if self._rows is not None else len(self._order)

    def _event(self, row: int) -> Event:
        ev = self._events.get(row)
        if ev is None:
            if self._rows is not None:
                cols = self._timeline.columns
                ev = self._timeline.events[int(cols.event_index[int(self._rows[row])])]
            else:
                ev = self._timeline.event(self._order[row])
            self._events[row] = ev
        return ev

    def _source_count(self, row: int) -> int:
        n = self._sources.get(row)
        if n is None:
            n = self._sources[row] = len(self._timeline.sources_of(self._event(row)))
        return n

    def set_events(self, timeline: Timeline, ids=None, zone: str | None = None, rows=None) -> None:
        """Replace the rows (a full model reset).

        ``rows`` (int array, rows of ``timeline.columns`` in time order) lists
        those rows instead of ``ids``: a large search's matches without a
        list of ids or an id lookup per match; a :class:`MatchList` of
        ``timeline.columns`` lends its rows and time ranks."""
        self.beginResetModel()
        if zone is not None and zone != self._zone:
            self._zone = zone
            self._date_header_shown = None  # another zone's name: cut again by the view
        self._fill(timeline, ids)
        if rows is not None:
            if isinstance(rows, MatchList):
                self._matches, rows = rows, rows.rows
            self._rows, self._order = np.asarray(rows, dtype=np.int64), None
            self._subset = True
        self.endResetModel()

    def event_id(self, row: int) -> str:
        """Id of the event in ``row``; raises IndexError."""
        if self._rows is not None:
            return self._timeline.columns.ids[int(self._rows[row])]
        return self._order[row]

    def row_of(self, event_id: str) -> int | None:
        """Row of an event id, or None if it is not listed."""
        if self._rows is not None:
            cols = self._timeline.columns
            try:
                rank = int(cols.time_rank()[cols.row_of(event_id)])
            except KeyError:
                return None
            if not self._subset:
                return rank
            if self._subset_rank is None:  # (a gather of every match: only when a selection asks)
                self._subset_rank = self._matches.ranks if self._matches is not None \
                    else cols.time_rank()[self._rows]
            k = int(np.searchsorted(self._subset_rank, rank))  # rows are in time order
            return k if k < len(self._subset_rank) and int(self._subset_rank[k]) == rank else None
        if self._row_index is None:
            self._row_index = {eid: k for k, eid in enumerate(self._order)}
        return self._row_index.get(event_id)

    # -- Qt model API ------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def hasChildren(self, parent=QModelIndex()) -> bool:  # noqa: N802, B008
        # public, as on the sorting proxy the table showed before (a flat table: rows have none)
        return not parent.isValid() and self._count() > 0

    def date_header(self) -> str:
        """The Date column's whole header: ``"Date (Asia/Kathmandu)"``, the zone its cells' times
        are in (a cell may then drop it), or ``"Date"`` when each event is in its own zone."""
        return f"{COLUMNS[0]} ({self._zone})" if self._zone != EVENT_LOCAL else COLUMNS[0]

    _date_header_shown: str | None = None  #: the header cut to its section's width ("Date (Asia/Ka…"), or whole

    def show_date_header(self, text: str | None) -> None:
        """The Date header as its section shows it (cut at its end with "…" by the view,
        :meth:`EventListView.fit_date_header`); None: whole."""
        if text == self.date_header():
            text = None
        if text != self._date_header_shown:
            self._date_header_shown = text
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:  # cut to its section by the view when too wide: it begins "Date" always
                return self._date_header_shown or self.date_header()
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 0 and self._zone != EVENT_LOCAL:
            return f"{self.date_header()}: dates and times are shown in {self._zone}"
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _SERVED or not index.isValid():
            return None  # the roles the list does not use, first: most of Qt's calls
        row, col = index.row(), index.column()
        if not 0 <= row < self._count():
            return None
        if role == _DISPLAY:
            day, track_id, title, sources = self._cells(row)
            if col == 0:
                return day
            if col == 1:
                lane = self._lanes.get(track_id)
                return lane[1].label if lane is not None else "(all tracks)"
            if col == 2:
                return title
            return sources
        if role == _ALIGN:
            return _RIGHT if col == 3 else None
        if role == _DECORATION:
            if col != (2 if self.swatch_in_title else 1):
                return None
            return self._swatch(self._cells(row)[1], self._hollow(row))
        if role == _TOOLTIP and col == 2:  # the whole title (cut with "…" in a narrow list), and its track
            _day, track_id, title, _sources = self._cells(row)
            lane = self._lanes.get(track_id)
            return plain_tooltip(f"{title}\n{lane[1].label if lane is not None else '(all tracks)'}")
        if role == SORT_ROLE and col == 0:
            # rows are already in the documented time order (Event.sort_point,
            # ties in file order): sorting by date needs no event built
            return row
        if role == ID_ROLE:
            return self.event_id(row)
        ev = self._event(row)
        if role == SORT_ROLE:
            if col == 0:
                sp = ev.sort_point
                return sp if math.isfinite(sp) else (1e300 if sp > 0 else -1e300)
            if col == 1:
                return self._lanes.get(ev.track, (-1, None))[0]
            if col == 2:
                return ev.title.casefold()
            return self._source_count(row)
        if role == _TOOLTIP and col == 0:
            return date_tooltip(ev, self._timeline, self._zone)
        return None


class _TimeOrderProxy(QSortFilterProxyModel):
    """Sorting proxy that knows the rows already come in time order: sorting
    by date, ascending, is the source order itself (no O(n log n) compares,
    which took seconds at 100,000 rows)."""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column == 0 and order == Qt.SortOrder.AscendingOrder:
            super().sort(-1)
        else:
            super().sort(column, order)


class EventListView(QTableView):
    """The table widget, synchronised with ``state.selected``.

    Parameters
    ----------
    window : MainWindow
        Provides ``state`` and ``shown`` (:mod:`viewer.ui.shown`), and ``view``
        to bring the chosen event into view.
    """

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.state: ViewState = window.state
        self.source_model = EventTableModel(window.shown.timeline, zone=self.state.display_zone)
        self.source_model.set_track_order(self.state.filters.track_order)
        # the sorting proxy is shown only for a sort other than by date,
        # ascending (see the module's docstring); the header sorts through
        # _sort, not through Qt's sorting, which would sort the model itself
        self.proxy = _TimeOrderProxy(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.source_model)
        head = self.horizontalHeader()
        head.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        head.setSortIndicatorShown(True)
        head.setSectionsClickable(True)
        head.sortIndicatorChanged.connect(self._sort)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setAccessibleName("Event list")
        self.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between rows)
        head = self.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, DATE_WIDTH)
        self._date_width = DATE_WIDTH  # the width fit_columns gave it (another: the user's own, kept)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._date_delegate = _DateCells(self)
        self.setItemDelegateForColumn(0, self._date_delegate)
        # the Title takes what the others leave (they are sized in fit_columns):
        # the list is about 330 pixels wide at 1366x768 beside the Review panel
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        head.setMinimumSectionSize(24)
        # fixed: sizing to contents would build every row of a large timeline
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        head.sectionResized.connect(lambda section, _old, _new: self.fit_date_header() if section == 0 else None)
        self.fit_columns()
        self._syncing = False
        self._edited = False  # an edit came since the last reload
        self.selectionModel().currentRowChanged.connect(self._on_row)
        self.state.subscribe(self._on_state)
        self._file_timeline = window.timeline  # the file whose shown timeline is listed
        self._waiting = False  # another large file's rows wait for its first paint (list empty)
        window.shown.sigShownChanged.connect(self._on_shown)
        # an edit: a large list (a model reset re-sorts every row) follows once the edits pause
        self.settle_timer = QTimer(self)
        self.settle_timer.setSingleShot(True)
        self.settle_timer.setInterval(300)
        self.settle_timer.timeout.connect(self.reload)
        window.shown.sigShownEdited.connect(self._on_edit)

    def fit_columns(self) -> None:
        """Narrow Track and Sources columns so that the Title (which stretches)
        gets the width: Sources as wide as its header; Track as its widest
        label with its colour swatch, at most a fifth of the list (the swatch
        tells the tracks apart; a longer label is cut with "…").  With one
        track every row would say the same, so the Track column is hidden
        (the detail pane names the track); in a list narrower than
        :data:`NARROW_LIST` pixels it is hidden too, and each title starts
        with its track's swatch (its tooltip names the track)."""
        tracks = self.window_.shown.timeline.tracks
        head = self.horizontalHeader()
        style = self.style()
        fm = head.fontMetrics()
        pad = 2 * style.pixelMetric(style.PixelMetric.PM_HeaderMargin, None, head) + 8
        self.setColumnWidth(3, fm.horizontalAdvance(COLUMNS[3]) + pad)
        # a narrow list (about 410 px at 1366x768 beside the Review panel): the Track column
        # would leave the Title some 18 characters; its swatch goes before the title instead
        narrow = self.viewport().width() < NARROW_LIST
        swatch_in_title = len(tracks) > 1 and narrow
        if swatch_in_title != self.source_model.swatch_in_title:
            self.source_model.swatch_in_title = swatch_in_title
            self.viewport().update()
        self.setColumnHidden(1, len(tracks) <= 1 or narrow)
        if len(tracks) > 1 and not narrow:
            widest = max(self.fontMetrics().horizontalAdvance(t.label) for t in tracks[:500])
            floor = fm.horizontalAdvance(COLUMNS[1]) + pad
            want = widest + style.pixelMetric(style.PixelMetric.PM_SmallIconSize) + 12 + pad
            self.setColumnWidth(1, max(floor, min(want, self.viewport().width() // 5)))
        self._fit_dates()

    _fit_pending = False  #: the date column's width waits for the list to be shown

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._fit_pending:
            self._fit_dates()

    _fit_timer: QTimer | None = None

    def _fit_dates(self, settled: bool = False) -> None:
        """The date column as wide as its longest date (of the rows on screen for a list
        longer than :data:`DATE_SAMPLE`: a large timeline's rows are not all formatted), at
        least :data:`DATE_WIDTH`, narrower than the Title (the widest column); a width the
        user dragged it to is kept.  A hidden list is measured when it is shown."""
        if self.columnWidth(0) != self._date_width:
            return  # the user's
        if not self.isVisible():
            self._fit_pending = True  # measured when shown: the rows' texts are not made for nothing
            return
        self._fit_pending = False
        model = self.source_model
        n = model.rowCount()
        if n <= DATE_SAMPLE:
            rows: range = range(n)
        elif not settled:
            # a large list: the rows on screen once the layout has settled (at opening the
            # viewport is briefly taller than it will be), formatted to be painted anyway; a
            # sample spread over a lazy file's list would build events nobody looks at
            if self._fit_timer is None:
                self._fit_timer = QTimer(self, singleShot=True, interval=0)
                self._fit_timer.timeout.connect(lambda: self._fit_dates(settled=True))
            self._fit_timer.start()
            return
        else:
            top = self.rowAt(0)
            if top < 0:
                return
            bottom = self.rowAt(self.viewport().height() - 1)
            rows = range(top, (bottom if bottom >= 0 else n - 1) + 1)
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(model.data(model.index(r, 0)) or "") for r in rows), default=0)
        room = self.viewport().width() - self.columnWidth(3) - (0 if self.isColumnHidden(1) else self.columnWidth(1))
        widest = max(widest + _cell_margin(self), self._date_header_width())  # its header whole too
        width = max(DATE_WIDTH, min(widest, (room - 1) // 2))  # the Title stays the widest
        self.setColumnWidth(0, width)
        self._date_width = self.columnWidth(0)
        self.fit_date_header()

    def _header_chrome(self) -> int:
        """Pixels of the Date section its header text does not get: margins and the sort arrow."""
        head = self.horizontalHeader()
        style = head.style()
        return (2 * style.pixelMetric(style.PixelMetric.PM_HeaderMargin, None, head)
                + style.pixelMetric(style.PixelMetric.PM_HeaderMarkSize, None, head) + 4)

    def _date_header_width(self) -> int:
        """Pixels the Date section needs for its whole header (``Date (Asia/Kathmandu)``)."""
        fm = self.horizontalHeader().fontMetrics()
        return fm.horizontalAdvance(self.source_model.date_header()) + self._header_chrome() + 2  # (sub-pixel)

    def fit_date_header(self) -> None:
        """The Date header cut at its end with "…" when its section is too narrow for it
        (``Date (Asia/Kath…``; the whole in its tooltip), so it always begins with "Date":
        centred and clipped, it read "ate (Asia/Kathmand"."""
        fm = self.horizontalHeader().fontMetrics()
        room = self.columnWidth(0) - self._header_chrome()
        whole = self.source_model.date_header()
        self.source_model.show_date_header(fm.elidedText(whole, Qt.TextElideMode.ElideRight, max(room, 0)) or "…")

    def _on_edit(self, timeline, _ids) -> None:
        self._edited = True  # the kept texts are forgotten at the reload
        # the same number of events (changed, not added or removed): every
        # listed id is still there, so the list may lag until the edits pause
        if self.window_.shown.large and len(timeline.columns) == getattr(self, "_listed_rows", -1):
            self.settle_timer.start()
        else:
            self.reload()

    def _sort(self, column: int, order) -> None:
        """Sort the rows by ``column`` (header click or :meth:`sortByColumn`):
        by date, ascending, the model is shown as it is; otherwise through the
        sorting proxy.  The selected event stays selected."""
        direct = column in (0, -1) and order == Qt.SortOrder.AscendingOrder
        if direct == (self.model() is self.source_model):
            if not direct:
                self.proxy.sort(column, order)
            return
        self._syncing = True
        try:
            if direct:
                self.setModel(self.source_model)
                self.proxy.setSourceModel(None)
            else:
                self.proxy.setSourceModel(self.source_model)
                self.setModel(self.proxy)
                self.proxy.sort(column, order)
        finally:
            self._syncing = False
        self.selectionModel().currentRowChanged.connect(self._on_row)
        self._select_row(self.state.selected)

    def _view_index(self, row: int):
        """Index in the shown model of the source model's ``row``."""
        idx = self.source_model.index(row, 0)
        return idx if self.model() is self.source_model else self.proxy.mapFromSource(idx)

    def _on_shown(self, _timeline) -> None:
        w = self.window_
        if w.timeline is not self._file_timeline and w.shown.large and hasattr(w, "view"):
            # another large file: its lanes are painted first, its rows in a later turn (their
            # first paint was 40-45 ms of the new file's first pass at 10^6 events, load 8);
            # meanwhile the list is empty, never the file left's rows
            self._file_timeline = w.timeline
            self._waiting = True
            self.settle_timer.stop()
            self._syncing = True
            try:
                self.source_model.set_events(w.shown.timeline, rows=np.empty(0, dtype=np.int64))
            finally:
                self._syncing = False
            after_first_paint(w, self._reload_waiting)
            return
        self._file_timeline = w.timeline
        self.reload()

    def _reload_waiting(self) -> None:
        if self._waiting:  # (not when a reload came meanwhile: a filter toggled, a search)
            self.reload()

    def reload(self) -> None:
        """Refill from the shown timeline (matches only while searching)."""
        self.settle_timer.stop()
        self._waiting = False
        shown = self.window_.shown
        self._listed_rows = len(shown.timeline.columns)
        st = self.state
        ids = st.matches if st.query.strip() else None
        rows = None
        if isinstance(ids, MatchList) and ids.columns is shown.timeline.columns:
            rows = ids  # a large search's answer: its rows, not gathered again
        elif ids is not None:
            rows = shown.match_rows()
        if self._edited:
            self._edited = False
            self.source_model.forget()
        self._syncing = True
        try:
            self.source_model.set_events(shown.timeline, None if rows is not None else ids,
                                         st.display_zone, rows)
        finally:
            self._syncing = False
        self.fit_columns()
        self._select_row(st.selected)

    def _select_row(self, event_id: str | None) -> None:
        self._syncing = True
        try:
            row = self.source_model.row_of(event_id) if event_id else None
            if row is None:
                self.selectionModel().clearSelection()
                self.selectionModel().clearCurrentIndex()
                return
            idx = self._view_index(row)
            self.selectionModel().setCurrentIndex(
                idx, self.selectionModel().SelectionFlag.ClearAndSelect | self.selectionModel().SelectionFlag.Rows)
            self.scrollTo(idx, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        """Keep the selected row in view when the list gets its size (a
        selection made before the window was shown ended as a 3-pixel sliver)."""
        super().resizeEvent(ev)
        if ev.size().width() != ev.oldSize().width():
            self.fit_columns()
        if self.selectionModel().hasSelection() and self.currentIndex().isValid():
            self.scrollTo(self.currentIndex(), QAbstractItemView.ScrollHint.EnsureVisible)

    def focusInEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        """Tabbing into the list shows a current row but selects nothing: Qt
        makes the first row current on focus, which used to select its event,
        change the detail pane and announce it, just for passing through."""
        self._syncing = True
        try:
            super().focusInEvent(ev)
        finally:
            self._syncing = False

    def keyPressEvent(self, ev) -> None:  # noqa: N802 (Qt name)
        """Enter or Space selects the current row's event (arrows already do)."""
        if ev.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentIndex().isValid():
            self._on_row(self.currentIndex(), None)
            return
        super().keyPressEvent(ev)

    def _on_row(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        eid = self.model().data(current, ID_ROLE)
        self.state.selected = eid
        self.window_.view.ensure_visible(eid)

    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        if "filters" in changed and state.filters.track_order != self.source_model.track_order:
            self.source_model.set_track_order(state.filters.track_order)
            if self.model() is self.proxy and self.proxy.sortColumn() == 1:
                self.proxy.invalidate()  # sorted by track: in the new order
        if changed & {"matches", "query"}:
            self.reload()
        elif "display_zone" in changed:
            # the rows' times are in the zone: shown once per switch, with the
            # timeline on the zone's days.  A large file's is derived in the
            # background (its swap reloads the list, as the axis takes the zone
            # then); a kept or small one was swapped just before (the list was
            # reloaded then, already in this zone)
            model = self.source_model
            swapped = model._timeline is self.window_.shown.timeline and model._zone == state.display_zone
            if not (swapped or self.window_.shown.deriving()):
                self.reload()
            if "selected" in changed:
                self._select_row(state.selected)
        elif "selected" in changed:
            self._select_row(state.selected)


def side_tabs(window) -> QTabWidget:
    """The tabs under the detail pane (Events, Filters), created on first use.

    The detail pane's place in the window's splitter becomes a vertical
    splitter: detail pane on top, these tabs below, so the timeline keeps
    its width.
    """
    tabs = getattr(window, "side_tabs", None)
    if tabs is not None:
        return tabs
    splitter = window.splitter
    idx = splitter.indexOf(window.details)
    sizes = splitter.sizes()
    column = QSplitter(Qt.Orientation.Vertical)
    column.setSizePolicy(window.details.sizePolicy())  # keeps the pane's stretch
    splitter.insertWidget(idx, column)
    column.addWidget(window.details)
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    column.addWidget(tabs)
    # the lists below get as much of the column as the pane above: at 1366x768 a 3:2 share
    # (the pane's size hint won more) left the Filters tab 3 of 6 tracks and the Events list 5 rows
    column.setStretchFactor(0, 1)
    column.setStretchFactor(1, 1)
    column.setSizes([1000, 1000])  # equal from the start (the stretch alone shares only what the hints leave)
    column.setChildrenCollapsible(True)
    splitter.setSizes(sizes)
    window.side_tabs = tabs
    window.side_splitter = column
    from .side_column import LeadRoom

    window.lead_room = LeadRoom(window, column, tabs)  # a selected event's first quote is shown whole
    return tabs


def install(window) -> None:
    """Add the event list as the "Events" tab under the detail pane (View > Event list, F6)."""
    window.event_list = EventListView(window)
    tabs = side_tabs(window)
    tabs.insertTab(0, window.event_list, "Events")
    tabs.setCurrentIndex(0)
    act = QAction("Event list", window)
    act.setShortcut(QKeySequence("F6"))
    act.triggered.connect(lambda: (tabs.setCurrentWidget(window.event_list), window.event_list.setFocus()))
    window.menus["View"].addAction(act)
    window.addAction(act)
