"""Line and column of a JSON path in the text of a JSON document.

Error messages name the place of a mistake in the file the user edits.  A
validator reports a *path* into the parsed data (``["events", 3, "start"]``);
:class:`SourcePositions` turns it into a 1-based ``(line, column)`` with the
``json-source-map`` package.  The map is built lazily (only when a problem has
to be located) and once per document.

Anything that goes wrong (text that is not valid JSON, nesting too deep for the
map builder, a key the map spells differently) falls back to the nearest
enclosing value that can be found, and finally to ``(None, None)``: locating an
error must never raise.

Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["PathPart", "SourcePositions", "json_pointer", "position", "offset_to_line_column"]

PathPart = str | int


def json_pointer(path: Sequence[PathPart]) -> str:
    """The pointer ``json-source-map`` uses for a path.

    Parameters
    ----------
    path : sequence of str or int
        Object keys and array indexes from the document root.

    Returns
    -------
    str
        ``""`` for the root, else ``"/events/3/start"``.  Keys are not escaped
        (``json-source-map`` does not escape them either).
    """
    return "".join(f"/{part}" for part in path)


def offset_to_line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in ``text``.

    Lines are separated by ``"\\n"`` (a ``"\\r"`` before it belongs to the
    line it ends), as in :class:`json.JSONDecodeError`.

    Parameters
    ----------
    text : str
        The document.
    offset : int
        0-based index of a character (clamped to ``0 .. len(text)``).

    Returns
    -------
    tuple of int
        ``(line, column)``, both 1-based.
    """
    offset = max(0, min(int(offset), len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


class SourcePositions:
    """Positions of the values of one JSON document, computed on first use.

    Parameters
    ----------
    text : str
        The JSON text (without a byte order mark).
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._map: dict[str, Any] | None = None
        self._failed = False

    def _source_map(self) -> dict[str, Any] | None:
        if self._map is None and not self._failed:
            try:
                from json_source_map import calculate

                self._map = calculate(self._text)
            except Exception:  # noqa: BLE001 - locating must never raise (RecursionError included)
                self._failed = True
        return self._map

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int | None, int | None]:
        """1-based ``(line, column)`` of the value at ``path``.

        Parameters
        ----------
        path : sequence of str or int
            Object keys and array indexes from the document root.
        key : bool
            Point at the object key of the last path element instead of its
            value (for an unexpected or duplicated field).

        Returns
        -------
        tuple
            ``(line, column)``; when ``path`` cannot be found, the position of
            its nearest enclosing value; ``(None, None)`` when the document
            cannot be mapped at all.
        """
        source_map = self._source_map()
        if not source_map:
            return None, None
        parts = list(path)
        first = True
        while True:
            entry = source_map.get(json_pointer(parts))
            if entry is not None:
                loc = None
                if key and first:
                    loc = getattr(entry, "key_start", None)
                if loc is None:
                    loc = getattr(entry, "value_start", None)
                if loc is not None:
                    return int(loc.line) + 1, int(loc.column) + 1
            if not parts:
                return None, None
            parts.pop()
            first = False


def position(
    text: str, path: Sequence[PathPart], *, key: bool = False
) -> tuple[int | None, int | None]:
    """1-based ``(line, column)`` of the value at ``path`` in the JSON ``text``.

    A one-shot convenience around :class:`SourcePositions`; to locate several
    paths in the same text, make one :class:`SourcePositions` and call
    :meth:`SourcePositions.locate` (the map is built once).

    Parameters
    ----------
    text : str
        The JSON document.
    path : sequence of str or int
        Object keys and array indexes from the document root.
    key : bool
        Point at the key of the last element rather than at its value.

    Returns
    -------
    tuple
        ``(line, column)``, or the nearest enclosing value's, or ``(None, None)``.
    """
    return SourcePositions(text).locate(path, key=key)
