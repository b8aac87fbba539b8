"""Values computed from an object that never changes once built, kept with it.

Pure Python (no Qt).  The columns of a timeline (:class:`~viewer.model.columns.EventColumns`)
and a timeline itself are not changed once built, except by an edit in place
(:mod:`viewer.model.column_edits`), so what is computed from them (a frame's
counts, the overview's bars, the Events tab's row texts, a facet's masks)
can be kept on them and stays right.  This module is the one place that
does it: every such value lives in the owner's ``__dict__`` under
:data:`SLOT`, by name, with the key it was made for.

What forgets a kept value
-------------------------
* **a timeline swap** (a filter, a zone switch, a reload): the new shown
  timeline and its columns are new objects, so nothing kept on the old ones
  is read for them; the old values go with the old objects (nothing else
  holds them);
* **another key**: :func:`kept` keeps one value per name, for the last key
  asked (a frame's range and bins: a pan replaces the counts, it does not
  add to them);
* **an edit in place**: :mod:`viewer.model.column_edits` calls
  :func:`forget` on the edited columns (the frame's counts), the Events tab
  on the timelines it listed (their row texts).

Values are made without a lock: two threads asking at once may both make it
(the same value; the last one stays).  Arrays kept should be read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["SLOT", "forget", "kept", "kept_values"]

SLOT = "_kept"  #: the owner's ``__dict__`` entry: name -> (key, value)

T = TypeVar("T")


def kept_values(owner: object) -> dict[Hashable, tuple[Hashable, Any]]:
    """The kept values of ``owner``: name -> (key, value) (made empty on first use)."""
    slot: dict[Hashable, tuple[Hashable, Any]] = vars(owner).setdefault(SLOT, {})
    return slot


def kept(owner: object, name: Hashable, key: Hashable, make: Callable[[], T]) -> T:
    """The value kept on ``owner`` under ``name`` for ``key``; ``make()`` when
    none is kept, or one for another key (which it replaces)."""
    slot = kept_values(owner)
    hit = slot.get(name)
    if hit is not None and hit[0] == key:
        value: T = hit[1]
        return value
    value = make()
    slot[name] = (key, value)
    return value


def forget(owner: object, *names: Hashable) -> None:
    """Forget what is kept on ``owner`` under ``names`` (every name when none is given)."""
    slot = vars(owner).get(SLOT)
    if not slot:
        return
    if not names:
        slot.clear()
    for name in names:
        slot.pop(name, None)
