"""How far a file being read has got, and whether its reading is cancelled.

A reader running on a background thread reports with :func:`report`; the
code that started it says where reports go and how to ask for a stop with
:func:`reporting`.  The setting lives in a :mod:`contextvars` variable, so it
belongs to the thread (and context) that set it: readers keep their
signatures, and a reading on another thread, or with nobody listening, pays
one lookup per report.  (Standard library only: nothing to add.)
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["ReadCancelled", "reporting", "report"]


class ReadCancelled(Exception):  # noqa: N818 - a request, not an error
    """Raised inside a reader by :func:`report` once its reading was cancelled."""


_Setting = tuple[Callable[[int, int], None] | None, Callable[[], bool] | None]
_current: contextvars.ContextVar[_Setting | None] = contextvars.ContextVar("timeline_reading", default=None)


@contextmanager
def reporting(progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> Iterator[None]:
    """Within the block, readers on this thread report to ``progress(done,
    total)`` (characters or bytes of the file, ``0 <= done <= total``) and stop
    with :class:`ReadCancelled` at their next report once ``cancelled()`` is
    true."""
    token = _current.set((progress, cancelled))
    try:
        yield
    finally:
        _current.reset(token)


def report(done: int, total: int) -> None:
    """Tell how far the reading is (``done`` of ``total`` units of the file).

    Raises
    ------
    ReadCancelled
        When the reading's ``cancelled()`` says so.
    """
    setting = _current.get()
    if setting is None:
        return
    progress, cancelled = setting
    if cancelled is not None and cancelled():
        raise ReadCancelled
    if progress is not None:
        progress(done, total)
