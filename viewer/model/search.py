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
from functools import lru_cache

from .timeline import Event, Timeline

__all__ = ["fold", "parse_query", "event_text", "search", "next_match"]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` without case and accents: ``"Lavrov’s Élysée"`` -> ``"lavrov's elysee"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("’", "'").replace("‘", "'").casefold()


def parse_query(query: str) -> list[str]:
    """The folded terms of a query; quoted phrases stay one term.

    An unbalanced quote is taken literally rather than rejected (a search box
    must never raise on what a user types).
    """
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


def next_match(matches: tuple[str, ...], current: str | None, step: int,
               timeline: Timeline | None = None) -> str | None:
    """The match after (``step=+1``) or before (``-1``) ``current``, wrapping around.

    ``matches`` are in time order.  When ``current`` is not a match, the
    first match after it in time order is taken (needs ``timeline`` to
    compare; without it the first / last match).  None if there is no match.
    """
    if not matches:
        return None
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

