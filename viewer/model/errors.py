"""Error types of the timeline model and its readers.

Every problem found in user data is described by a :class:`Problem` that names
the file, the place (line and column where known, and a JSON path or event id)
and what was expected.  Readers collect problems and raise one
:class:`TimelineLoadError` that carries all of them, so a user sees every
mistake in a file at once instead of fixing them one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Problem", "TimelineError", "TimelineLoadError", "DateError"]


class TimelineError(Exception):
    """Base class of every error this package raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file.

    Attributes
    ----------
    file : str
        Path of the file as given by the user ("" for data not from a file).
    message : str
        What is wrong and what was expected, in plain words.
    line, column : int or None
        1-based position in the file, where the reader could find it.
    location : str
        Where in the document: a JSON path such as ``events[3].start`` and,
        where there is one, the event id (``event 'drills-end'``).
    """

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    location: str = ""

    def __str__(self) -> str:
        """``file, line 7, column 3, at events[2].start (event 'x'): message``."""
        parts = [self.file or "<data>"]
        if self.line is not None:
            parts.append(f"line {self.line}")
            if self.column is not None:
                parts.append(f"column {self.column}")
        if self.location:
            parts.append(f"at {self.location}")
        return f"{', '.join(parts)}: {self.message}"


class TimelineLoadError(TimelineError):
    """A file could not be read into a timeline.

    Parameters
    ----------
    problems : list of Problem
        At least one; all problems found, in file order.

    Attributes
    ----------
    open_instead : callable or None
        What the window may do instead of showing the error (set by the caller that knows:
        e.g. a CSV whose columns are still to be chosen opens the import dialog).
    """

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("TimelineLoadError needs at least one problem")
        self.problems = list(problems)
        self.open_instead: Callable[[], object] | None = None
        super().__init__(self._summary())

    def _summary(self) -> str:
        first = str(self.problems[0])
        more = len(self.problems) - 1
        if more:
            return f"{first}\n(and {more} more problem{'s' if more > 1 else ''})"
        return first

    def full_report(self) -> str:
        """All problems, one per line, in file order."""
        return "\n".join(str(p) for p in self.problems)

    @property
    def file(self) -> str:
        """The file the (first) problem is in."""
        return self.problems[0].file


class DateError(TimelineError, ValueError):
    """An EDTF date string is malformed, out of any calendar, or unsupported.

    Raised by :func:`viewer.model.dates.parse_event_date`; readers turn it into a
    :class:`Problem` that also names the file and the event.
    """
