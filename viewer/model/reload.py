"""What of the view survives when the open file is read again, and what opening another file resets.

Pure Python (no Qt).  Ids name things only inside one file: after a *live
reload* of the same file (edited on disk) they still mean the same tracks,
events and values, so the user's choices carry over, minus what vanished;
a *different* file (File > Open, a drop, Open Recent) starts afresh, as the
same id there may mean something else.

Reload rule (:func:`kept_on_reload`)
------------------------------------
* Filters (:class:`~viewer.model.filters.FilterState`):

  - hidden tracks: those still in the file stay hidden;
  - track order: a reorder is kept for the tracks still there; tracks new
    to the file are appended after them in the file's order (as
    :func:`~viewer.model.filters.ordered_tracks` places unlisted tracks);
    when the result is the file's own order it is stored as ``()``;
  - facets (actors, sources, source kinds, tags): the allowed values still
    present in the file stay allowed; a facet that then allows every value
    of the file is inactive again (None);
  - the date range (absolute seconds) is kept.
* Collapsed tracks: those still in the file.
* D-day: kept while its reference id is still an event or band of the file;
  otherwise turned off and named in :attr:`KeptView.dropped_dday` so the
  window can say so.
* Not decided here: the display zone, the visible range and the selection
  (the window keeps them; see :mod:`viewer.ui.files`).

Another file (:func:`fresh_view`): default filters, nothing collapsed, D-day off.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .dday import DDayError, parse_dday
from .filters import FACETS, FilterState, facet_counts, ordered_tracks
from .timeline import Timeline
from .viewstate import ViewState

__all__ = ["KeptView", "kept_on_reload", "kept_filters", "fresh_view"]


@dataclass(frozen=True)
class KeptView:
    """The parts of a :class:`~viewer.model.viewstate.ViewState` a new timeline starts with.

    Attributes
    ----------
    filters : FilterState
    collapsed_tracks : frozenset of str
        Track ids.
    dday : str or None
        ``"band:ID"`` / ``"event:ID"`` or None (off).
    dropped_dday : str or None
        The D-day reference turned off because its id is no longer in the
        file (None when nothing was turned off).
    """

    filters: FilterState = FilterState()
    collapsed_tracks: frozenset[str] = frozenset()
    dday: str | None = None
    dropped_dday: str | None = None

    def apply(self, state: ViewState) -> None:
        """Write filters, collapsed tracks and D-day to ``state`` (listeners hear only real changes)."""
        state.filters = self.filters
        state.collapsed_tracks = self.collapsed_tracks
        state.dday = self.dday


def fresh_view() -> KeptView:
    """What a different file opens with: default filters, no collapsed track, D-day off."""
    return KeptView()


def kept_on_reload(state: ViewState, old: Timeline, new: Timeline) -> KeptView:
    """What of ``state`` (made for ``old``) carries over to ``new``, the same file read again.

    See the module docstring for the rule.  ``state`` is not changed.
    """
    track_ids = {t.id for t in new.tracks}
    dday = _kept_dday(state.dday, new)
    return KeptView(
        filters=_kept_filters(state.filters, old, new),
        collapsed_tracks=frozenset(state.collapsed_tracks) & track_ids,
        dday=dday,
        dropped_dday=None if dday == state.dday else state.dday,
    )


def kept_filters(filters: FilterState, old: Timeline, new: Timeline) -> FilterState:
    """The filters :func:`kept_on_reload` keeps of ``filters`` (set for ``old``) for
    ``new``, the same file read again (the module docstring's rule).  Pure: any
    thread may ask ahead of the reload (a large file's reading derives its
    shown timeline with them)."""
    return _kept_filters(filters, old, new)


def _kept_filters(f: FilterState, old: Timeline, new: Timeline) -> FilterState:
    if f.is_default:
        return f
    track_ids = [t.id for t in new.tracks]
    kept = dataclasses.replace(f, hidden_tracks=f.hidden_tracks & frozenset(track_ids),
                               track_order=_kept_order(f, old, track_ids))
    for facet in FACETS:
        allowed = f.allowed(facet)
        if allowed is None:
            continue
        present = set(facet_counts(new, FilterState(), facet))  # values some event of ``new`` has
        allowed = allowed & present
        kept = kept.with_facet(facet, None if allowed >= present else allowed)
    return kept


def _kept_order(f: FilterState, old: Timeline, track_ids: list[str]) -> tuple[str, ...]:
    if not f.track_order:
        return ()
    present = set(track_ids)
    order = [tid for tid in ordered_tracks(old, f) if tid in present]
    order += [tid for tid in track_ids if tid not in set(order)]  # new tracks: after, in the file's order
    return () if order == track_ids else tuple(order)


def _kept_dday(dday: str | None, new: Timeline) -> str | None:
    if dday is None:
        return None
    try:
        ident = parse_dday(dday).id
    except DDayError:
        return None
    return dday if new.has_event(ident) else None
