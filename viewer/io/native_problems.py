"""Problems of a native document, located: the collector and the words of its messages.

:class:`Problems` gathers the problems the checks of a native document find
(:mod:`viewer.io.native_schema`, :mod:`viewer.io.native_checks`), each placed
at the line and column of its JSON path when the document's text is known,
and named by its path and event id (``events[3].start (event 'drills-end')``).
The small functions below put values, paths and lists of ids into words.

Pure Python, no Qt.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from viewer.model.errors import Problem

from .jsonpos import PathPart, SourcePositions

__all__ = ["Problems", "format_path", "location_of", "short", "kind_of", "known_list", "suggest"]


class Problems:
    """Collects problems of one document, locating JSON paths in its text."""

    def __init__(self, file: str, data: Any, text: str | None) -> None:
        self.file = file
        self.data = data
        self.items: list[Problem] = []
        self._positions = SourcePositions(text) if text else None

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int | None, int | None]:
        """1-based (line, column) of the value at ``path`` (of its key with ``key``), or Nones without text."""
        if self._positions is None:
            return None, None
        return self._positions.locate(path, key=key)

    def add(
        self, path: Sequence[PathPart], message: str, *, key: bool = False, location: str | None = None
    ) -> None:
        """Record a problem at ``path``; ``location`` replaces the path and event id in words."""
        line, column = self.locate(path, key=key)
        where = location_of(path, self.data) if location is None else location
        self.items.append(Problem(self.file, message, line, column, where))

    def real_path(self, path: Sequence[PathPart]) -> tuple[PathPart, ...]:
        """``path`` as the file numbers it: the same path here; a subclass that checks some
        events of a file in a smaller document maps their indices back (:mod:`viewer.io.bulk_fault`)."""
        return tuple(path)

    def line_of(self, path: Sequence[PathPart]) -> str:
        """`` (line N)`` or ``""``: where an earlier, conflicting value is."""
        line, _ = self.locate(path)
        return f" (line {line})" if line is not None else ""

    def sorted(self) -> list[Problem]:
        """The problems in file order (those without a line last)."""
        big = math.inf
        return sorted(
            self.items,
            key=lambda p: (big if p.line is None else p.line, big if p.column is None else p.column),
        )


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def format_path(path: Sequence[PathPart]) -> str:
    """A JSON path as written in messages: ``events[3].start``, ``tracks[0]["odd key"]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENT.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def location_of(path: Sequence[PathPart], data: Any) -> str:
    """``events[3].start (event 'drills-end')``: the path, plus the event id."""
    text = format_path(path)
    if (
        len(path) >= 2
        and path[0] == "events"
        and isinstance(path[1], int)
        and isinstance(data, Mapping)
        and isinstance(data.get("events"), list)
        and 0 <= path[1] < len(data["events"])
        and isinstance(data["events"][path[1]], Mapping)
    ):
        event_id = data["events"][path[1]].get("id")
        if isinstance(event_id, str) and event_id:
            text += f" (event {event_id!r})"
    return text


def short(value: Any, limit: int = 60) -> str:
    """A JSON rendering of a scalar for messages, cut to ``limit`` characters."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind_of(value: Any) -> str:
    """What a JSON value is, in words for messages: ``the string "x"``, ``a list [...]``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {short(value)}"
    if isinstance(value, str):
        return f"the string {short(value)}"
    if isinstance(value, list):
        return "a list [...]"
    if isinstance(value, dict):
        return "an object {...}"
    return type(value).__name__


def known_list(ids: Iterable[str], limit: int = 12) -> str:
    """The ids in a message: the first ``limit`` quoted, then how many more."""
    ids = list(ids)
    if not ids:
        return "none are defined"
    shown = ", ".join(repr(i) for i in ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def suggest(word: str, choices: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the closest of ``choices`` to ``word``, or ``""``."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {match[0]!r}?" if match else ""

