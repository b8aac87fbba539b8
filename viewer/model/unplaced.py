"""Events listed but not placed on the time axis: a date whose year is unknown.

An EDTF date such as ``XXXX-06-10`` (10 June, year unknown) has a possible
interval of year 0 to 9999: EDTF's four digits, not something the source said.
Drawn, it would put a marker at about year 5000 and a faint bar over ten
millennia, and "fit everything" would take in all of it.  So such an event
(:attr:`~viewer.model.records.Event.year_unknown`, the rule the exports use too)
is kept in the columns (listed, searchable, selectable) but placed nowhere
(:data:`~viewer.model.date_arrays.FLAG_YEAR_UNKNOWN`), and the window says so
with :func:`unplaced_note`.  Pure Python + numpy, no Qt.
"""

from __future__ import annotations

import numpy as np

from .columns import FLAG_YEAR_UNKNOWN, EventColumns
from .records import Event
from .text import counted
from .timeline import Timeline

__all__ = ["year_unknown_rows", "unknown_year_words", "unplaced_note"]


def year_unknown_rows(cols: EventColumns) -> np.ndarray:
    """Rows of ``cols`` placed nowhere because a date's year is unknown, int64 (K,), in
    time order of the file (O(N) numpy on the flags; no event is built)."""
    return np.flatnonzero((cols.flags & FLAG_YEAR_UNKNOWN) != 0).astype(np.int64)


def unknown_year_words(event: Event) -> str:
    """The date of ``event`` whose year is unknown, in words: ``"10 June of an unknown year"``;
    both ends of a span: ``"April to September of an unknown year"`` when they say the same of
    the year, else ``"April of an unknown year to September of an unknown year"``; an end only:
    ``"ending 10 June of an unknown year"``; "" when no date of it has an unknown year."""
    end = event.end
    if event.start.year_unknown:
        first = event.start.describe()
        if end is None or end.is_open:
            return first
        last = end.describe()
        tail = " of an unknown year"
        if first.endswith(tail) and last.endswith(tail):
            return f"{first.removesuffix(tail)} to {last}"
        return f"{first} to {last}"
    if end is not None and end.year_unknown:
        return "ending " + end.describe()
    return ""


def unplaced_note(timeline: Timeline, names: int = 5, title_chars: int = 60) -> str:
    """What the window says of the events it does not draw because a date's year is unknown,
    "" when there are none: ``"1 event with an unknown year is not drawn on the time axis (it is
    in the Events list; a date range keeps it only if it has a known date inside the range): Union
    founded (10 June of an unknown year)"``.  (A span with one known date is kept by a range that meets that date:
    :meth:`viewer.model.facets.FacetIndex.mask`.)

    Parameters
    ----------
    timeline : Timeline
        Counted over all its events (whatever a filter hides).
    names : int
        At most this many events are named (file order), then ``"· and 12 more"``.
    title_chars : int
        A longer title is cut there with "…" (the whole title is in the Events list).
    """
    cols = timeline.columns
    rows = year_unknown_rows(cols)
    if not len(rows):
        return ""
    indexes = sorted(int(i) for i in cols.event_index[rows])
    n = len(indexes)
    parts = []
    for i in indexes[:names]:
        ev = timeline.events[i]
        title = " ".join(ev.title.split()) or ev.id
        title = title if len(title) <= title_chars else title[:title_chars - 1].rstrip() + "…"
        parts.append(f"{title} ({unknown_year_words(ev)})")
    if n > names:
        parts.append(f"and {n - names:,} more")
    verb = "is" if n == 1 else "are"
    where = "it is" if n == 1 else "they are"
    ranges = ("a date range keeps it only if it has a known date inside the range" if n == 1
              else "a date range keeps only those with a known date inside it")
    return (f"{counted(n, 'event')} with an unknown year {verb} not drawn on the time axis "
            f"({where} in the Events list; {ranges}): " + " · ".join(parts))
