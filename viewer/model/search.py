"""Full-text search over a timeline's events, and stepping through matches.

Pure Python (no Qt).  Matching rule: the query is split on white space into
terms (a term in double quotes keeps its spaces); an event matches when
*every* term occurs in at least one of its searchable fields.  Comparison
ignores case (:meth:`str.casefold`) and accents (Unicode NFKD with combining
marks dropped), so ``"le drian"`` finds "Le Drian" and ``"peskov"`` finds
"Peskov's".

Searchable fields: title, summary, location, actors, tags, every quote's text,
speaker, speaker role and attribution, and the outlet, title, author and
attribution of every source the event cites (:meth:`Timeline.sources_of`).
"""

from __future__ import annotations

import shlex
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from .timeline import Event, LazyEvents, Timeline

if TYPE_CHECKING:
    from .columns import EventColumns

__all__ = ["fold", "parse_query", "event_text", "search", "search_mask", "matches_of", "MatchList", "next_match"]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` without case and accents: ``"Lavrov’s Élysée"`` -> ``"lavrov's elysee"``."""
    if text.isascii():  # NFKD leaves ASCII alone and it has no marks to drop
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("’", "'").replace("‘", "'").casefold()


_PHRASE_MARKS = {ord(c): '"' for c in "“”„«»"}
"""Typographic double quotation marks read as ``"`` around a phrase (single marks are apostrophes too: kept)."""


def parse_query(query: str) -> list[str]:
    """The folded terms of a query; quoted phrases stay one term, in straight or typographic
    double quotation marks (“UN vote”, „…“, «…»: as copied from an article).

    An unbalanced quote is taken literally rather than rejected (a search box
    must never raise on what a user types).
    """
    query = query.translate(_PHRASE_MARKS)
    try:
        parts = shlex.split(query)
    except ValueError:
        parts = query.split()
    return [fold(p) for p in parts if p.strip()]


def event_text(event: Event, timeline: Timeline) -> str:
    """Every searchable field of ``event``, folded, one per line."""
    fields: list[str] = [event.title, event.summary, event.location, *event.actors, *event.tags]
    for q in event.quotes:
        fields += [q.text, q.speaker, q.speaker_role, q.attribution]
    for s in timeline.sources_of(event):
        fields += [s.outlet, s.title, s.author, s.attribution]
    return fold("\n".join(f for f in fields if f))


def search(timeline: Timeline, query: str) -> tuple[str, ...]:
    """Ids of the events matching ``query``, in time order (documented sort point).

    Only events drawn on the timeline (present in ``timeline.columns``) are
    returned, ordered as Left/Right navigation visits them.  An empty or
    blank query matches nothing.
    """
    terms = parse_query(query)
    if not terms:
        return ()
    store = getattr(timeline, "_store", None)  # a collection opened through an event store
    if store is not None:  # its engine applies this very rule to the folded text it keeps
        found = store.search(query, cap=store.n_events).ids
        return tuple(eid for eid in found if timeline.has_event(eid))
    cols = timeline.columns
    cache: dict[str, str] = vars(timeline).setdefault("_search_text", {})
    out = []
    for row in cols.time_order.tolist():
        eid = cols.ids[row]
        text = cache.get(eid)
        if text is None:
            text = cache[eid] = event_text(timeline.events[int(cols.event_index[row])], timeline)
        if all(t in text for t in terms):
            out.append(eid)
    return tuple(out)


def search_mask(timeline: Timeline, query: str,
                cancelled: Callable[[], bool] | None = None) -> np.ndarray | None:
    """bool array (len(timeline.columns),): the rows whose event matches ``query``.

    The same rule as :func:`search` (every event's text is folded once and
    kept on the timeline), for a background thread: ``cancelled()`` is
    asked every few thousand events and None is returned once it says True.
    """
    terms = parse_query(query)
    cols = timeline.columns
    mask = np.zeros(len(cols), dtype=bool)
    if not terms:
        return mask
    store = getattr(timeline, "_store", None)  # a collection: its engine runs this rule (see search)
    if store is not None:
        found = store.search(query, cap=store.n_events).ids
        for eid in found:
            try:
                mask[cols.row_of(eid)] = True
            except KeyError:  # not in the part of the collection the window holds
                pass
        return mask
    cache: dict[int, str] = vars(timeline).setdefault("_search_text_by_index", {})
    events = timeline.events
    for row, index in enumerate(cols.event_index.tolist()):
        if cancelled is not None and row % 4096 == 0 and cancelled():
            return None
        text = cache.get(index)
        if text is None:
            ev = events.build(index) if isinstance(events, LazyEvents) else events[index]
            text = cache[index] = event_text(ev, timeline)
        mask[row] = all(t in text for t in terms)
    return mask


class MatchList(Sequence[str]):
    """The ids of some rows of an :class:`EventColumns`, in time order, without
    a list of them: a large search's matches (hundreds of thousands of ids
    would take a noticeable part of a second to list, and ``index`` /
    ``in`` to scan).

    Parameters
    ----------
    columns : EventColumns
    rows : int array
        Row numbers of ``columns`` in time order (``columns.time_order``
        restricted to the matches).
    """

    def __init__(self, columns: EventColumns, rows: np.ndarray) -> None:
        self.columns = columns
        self.rows = np.asarray(rows, dtype=np.int64)
        self._ranks: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return tuple(self.columns.ids[r] for r in self.rows[k].tolist())
        return self.columns.ids[int(self.rows[k])]

    def __iter__(self) -> Iterator[str]:
        ids = self.columns.ids
        return (ids[r] for r in self.rows.tolist())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MatchList):
            return other.columns is self.columns and np.array_equal(other.rows, self.rows)
        if isinstance(other, tuple):
            return len(other) == len(self) and tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((id(self.columns), len(self.rows)))

    @property
    def ranks(self) -> np.ndarray:
        """Time rank of each match (increasing)."""
        if self._ranks is None:
            self._ranks = self.columns.time_rank()[self.rows]
        return self._ranks

    def _position(self, event_id: str) -> tuple[int, bool]:
        """(insertion position by time rank, whether ``event_id`` is a match there)."""
        try:
            rank = int(self.columns.time_rank()[self.columns.row_of(event_id)])
        except (KeyError, IndexError):
            return -1, False
        k = int(np.searchsorted(self.ranks, rank))
        return k, k < len(self.rows) and int(self.ranks[k]) == rank

    def __contains__(self, event_id: object) -> bool:
        return isinstance(event_id, str) and self._position(event_id)[1]

    def index(self, event_id: Any, start: int = 0, stop: Any = None) -> int:
        k, found = self._position(event_id) if isinstance(event_id, str) else (-1, False)
        if not found:
            raise ValueError(f"{event_id!r} is not a match")
        return k

    def after(self, event_id: str, step: int) -> str | None:
        """The match after (``step`` > 0) or before ``event_id`` in time order,
        wrapping around; ``event_id`` need not be a match."""
        if not len(self.rows):
            return None
        k, found = self._position(event_id)
        if k < 0:
            return str(self[0] if step > 0 else self[-1])
        if step > 0:
            k = k + 1 if found else k
        else:
            k = k - 1
        return str(self[k % len(self.rows)])


SPARSE_MATCHES = 16
"""When fewer than one row in this many matches, :func:`matches_of` sorts the
matches by their time rank instead of reading the mask in time order."""


def matches_of(columns: EventColumns, row_mask: np.ndarray) -> MatchList:
    """The ids of the rows set in ``row_mask`` (shape (len(columns),)), in time order.

    Few matches (below one in :data:`SPARSE_MATCHES` rows): the matching rows
    sorted by time rank (the rows in file order, then a sort of the matches
    only); many: the mask read in time order (a gather over every row, in
    the order of time, which is far from the rows' order).  Same rows either way."""
    n = len(row_mask)
    k = int(np.count_nonzero(row_mask))
    if k * SPARSE_MATCHES < n:
        rows = np.flatnonzero(row_mask)
        ranks = columns.time_rank()[rows]
        by_time = np.argsort(ranks, kind="stable")  # (ranks are distinct)
        found = MatchList(columns, rows[by_time])
        found._ranks = ranks[by_time]
        return found
    order = columns.time_order
    return MatchList(columns, order[row_mask[order]])


def next_match(matches: Sequence[str], current: str | None, step: int,
               timeline: Timeline | None = None) -> str | None:
    """The match after (``step=+1``) or before (``-1``) ``current``, wrapping around.

    ``matches`` are in time order.  When ``current`` is not a match, the
    first match after it in time order is taken (needs ``timeline`` to
    compare; without it the first / last match).  None if there is no match.
    """
    if not matches:
        return None
    if isinstance(matches, MatchList):
        if current is not None:
            return matches.after(current, step)
        return str(matches[0] if step > 0 else matches[-1])
    if current in matches:
        k = matches.index(current)
        return matches[(k + step) % len(matches)]
    if current is not None and timeline is not None and current in timeline.columns.ids:
        cols = timeline.columns
        rank = {int(row): k for k, row in enumerate(cols.time_order.tolist())}
        here = rank[cols.row_of(current)]
        ranks = [rank[cols.row_of(m)] for m in matches]
        if step > 0:
            after = [m for m, r in zip(matches, ranks) if r > here]
            return after[0] if after else matches[0]
        before = [m for m, r in zip(matches, ranks) if r < here]
        return before[-1] if before else matches[-1]
    return matches[0] if step > 0 else matches[-1]

