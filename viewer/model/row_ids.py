"""Event ids of a derived timeline, read through a row map of the file's ids.

Pure Python + numpy (no Qt).  A filtered or zone-shifted timeline of a large
file keeps the file's list of a million ids and its id -> row dict, and
holds only an int array saying which of them it shows, in which order
(:class:`RowIds`).  Making one is a few numpy passes; a list of a million
strings and its dict would cost a second to build and another part of one
to free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

import numpy as np

__all__ = ["RowIds"]


class RowIds(Sequence[str]):
    """``base[rows[k]]`` for each ``k``: a read-only sequence of ids.

    Parameters
    ----------
    base : sequence of str
        The file's ids (a list, never another :class:`RowIds`: see :meth:`take`).
    rows : int array (n,)
        Position in ``base`` of each id, in this sequence's order; each
        position at most once.
    base_position : callable(str) -> int
        Position of an id in ``base``; raises KeyError for an unknown id
        (the file's id index, shared by every derived sequence).
    """

    __slots__ = ("base", "rows", "base_position", "_inverse")

    def __init__(self, base: Sequence[str], rows: np.ndarray,
                 base_position: Callable[[str], int]) -> None:
        self.base = base
        self.rows = np.asarray(rows, dtype=np.int64)
        self.base_position = base_position
        self._inverse: np.ndarray | None = None

    @classmethod
    def of(cls, ids: Sequence[str], rows: np.ndarray, position: Callable[[str], int]) -> RowIds:
        """``ids[rows[k]]`` for each ``k``, sharing the file's list.

        ``ids`` is a list (then ``position`` finds an id in it) or a
        :class:`RowIds` (then its own base and position are used and
        ``position`` is ignored)."""
        if isinstance(ids, RowIds):
            return ids.take(rows)
        return cls(ids, rows, position)

    def take(self, rows: np.ndarray) -> RowIds:
        """The ids at positions ``rows`` of this sequence, as a :class:`RowIds` of the same base."""
        return RowIds(self.base, self.rows[np.asarray(rows, dtype=np.int64)], self.base_position)

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, k: int) -> str: ...

    @overload
    def __getitem__(self, k: slice) -> list[str]: ...

    def __getitem__(self, k: int | slice) -> str | list[str]:
        if isinstance(k, slice):
            base = self.base
            return [base[r] for r in self.rows[k].tolist()]
        return self.base[int(self.rows[k])]

    def __iter__(self) -> Iterator[str]:
        base = self.base
        return (base[r] for r in self.rows.tolist())

    def __contains__(self, event_id: object) -> bool:
        if not isinstance(event_id, str):
            return False
        try:
            self.position(event_id)
        except KeyError:
            return False
        return True

    def inverse(self) -> np.ndarray:
        """Position in this sequence of each base position, -1 where absent: int64 (len(base),)."""
        inv = self._inverse
        if inv is None:
            inv = np.full(len(self.base), -1, dtype=np.int64)
            inv[self.rows] = np.arange(len(self.rows), dtype=np.int64)
            self._inverse = inv
        return inv

    def position(self, event_id: str) -> int:
        """Position of ``event_id`` in this sequence; raises KeyError if absent."""
        k = int(self.inverse()[self.base_position(event_id)])
        if k < 0:
            raise KeyError(event_id)
        return k

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        """As ``list.index`` (ValueError when absent), through :meth:`position`."""
        if not isinstance(value, str):
            raise ValueError(value)
        try:
            k = self.position(value)
        except KeyError:
            raise ValueError(value) from None
        if k < start or (stop is not None and k >= stop):
            raise ValueError(value)
        return k

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowIds) and other.base is self.base:
            return bool(np.array_equal(other.rows, self.rows))
        if isinstance(other, (list, tuple, RowIds)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking like a list: not hashable

    def __repr__(self) -> str:
        return f"RowIds({len(self)} of {len(self.base)})"
