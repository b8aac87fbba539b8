"""The full reader's report of a large native file at fault, without the full reader's whole-file work.

When :mod:`viewer.io.bulk` finds a fault in a few events of a large file (a date not in the
calendar, an id used twice, an unknown track, an unpaired surrogate escape, a key given twice,
a field of the wrong type...), handing the whole file to the full reader cost 102 s and a few
GB at 100,000 events (869 s and 6.4 GB at a million): the full reader maps the position of
every value of the file (``json_source_map``) and runs the schema over every event.  The
report is the same when only the events at fault are checked, because the fast path checks
every other event with rules at least as strict as the full reader's (an event it passes has
no problem) and the document's own fields are kept whole:

* :func:`located_error`: the text of the file with every event *not* at fault blanked out
  (replaced by as many line breaks as it held, then spaces up to the next kept character, so
  every kept value keeps its line and column) is read by the full reader's own stages
  (:func:`~viewer.io.native_decode.parse_with_duplicates`,
  :func:`~viewer.io.native_checks.check_document`); :class:`_Renumbered` puts each event's
  index in the file back into the messages (``events[20000]``, ``already used by events[0]``).
* :func:`syntax_error`: JSON that breaks off after the events list has begun.  The events
  before the last one read whole are blanked out the same way, and
  :func:`~viewer.io.native_decode.parse_with_duplicates` reads what is left: the decoder meets
  the same first mistake at the same line and column as in the whole text, and says it in the
  same words, without building a million events first.

Either returns None when it cannot vouch for the report (a blanked text too long, text that
is not UTF-8, checks that find nothing): the caller then runs the full reader as before.

Pure Python, no Qt.
"""

from __future__ import annotations

import codecs
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

from viewer.model.errors import TimelineLoadError

from .jsonpos import PathPart
from .native_checks import check_document
from .native_decode import parse_with_duplicates
from .native_problems import Problems, format_path, location_of

__all__ = ["located_error", "syntax_error", "MAX_BLANK_CHARS"]

MAX_BLANK_CHARS = 1 << 24
"""Characters of blanks (line breaks and spaces) a shortened text may hold: a file written on one
line (no line breaks between its events) would need as many spaces as it has characters, and
mapping the positions of that text costs as much as the full reader's (it is left to it)."""

_PIECE = 1 << 20
"""Bytes one scan (a count, a search, a decoding) takes at a time: one call over a 100 MB file held
the interpreter lock for about 200 ms, freezing the window."""


def _blank(data: bytes, a: int, b: int, comma: bool) -> str | None:
    """Blanks standing for ``data[a:b]`` (bytes of whole values, commas and white space): as many
    line breaks as it holds, then as many spaces as it has characters after the last one, so the
    text after it keeps its line and column; a comma first with ``comma`` (the region separates
    two kept events).  None when the spaces alone would pass :data:`MAX_BLANK_CHARS`.  (The
    region is counted in place, never copied: it may be most of a 100 MB file.)"""
    lines = sum(data.count(b"\n", k, min(b, k + _PIECE)) for k in range(a, b, _PIECE))  # (one count of 100 MB: 190 ms)
    start = max(a, data.rfind(b"\n", a, b) + 1)
    if b - start > MAX_BLANK_CHARS:
        return None
    spaces = len(data[start:b].decode("utf-8"))
    if not comma:
        return "\n" * lines + " " * spaces
    if lines:
        return "," + "\n" * lines + " " * spaces
    return "," + " " * (spaces - 1)


class _Renumbered(Problems):
    """:class:`Problems` of a shortened document whose ``events[j]`` is the file's event ``at[j]``:
    messages and locations name the file's index; lines and columns are the text's own (it keeps
    every position of the file)."""

    def __init__(self, file: str, data: Any, text: str, at: Sequence[int]) -> None:
        super().__init__(file, data, text)
        self._at = at

    def real_path(self, path: Sequence[PathPart]) -> tuple[PathPart, ...]:
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and 0 <= path[1] < len(self._at):
            return ("events", int(self._at[path[1]]), *path[2:])
        return tuple(path)

    def add(self, path: Sequence[PathPart], message: str, *, key: bool = False, location: str | None = None) -> None:
        real = self.real_path(path)
        if real != tuple(path):
            mine, theirs = format_path(path[:2]), format_path(real[:2])
            if location is None:
                location = theirs + location_of(path, self.data)[len(mine):]
            elif location.startswith(mine):
                location = theirs + location[len(mine):]
        super().add(path, message, key=key, location=location)


def located_error(file: str, data: bytes, spans: np.ndarray, opening: int, closing: int,
                  suspects: Sequence[int], event_ids: Collection[str] | None) -> TimelineLoadError | None:
    """The full reader's error for a file whose events outside ``suspects`` have no problem.

    Parameters
    ----------
    file : str
        The file's name, as messages give it.
    data : bytes
        The file's content (UTF-8, checked by the caller).
    spans : int64 array (N, 2)
        Byte offsets in ``data`` where each event's JSON text starts and ends.
    opening, closing : int
        Byte offsets just after the events list's ``[`` and at its ``]``.
    suspects : sequence of int
        Indices of the events to check, increasing: every event that may have a problem, and
        every event whose id another event repeats.
    event_ids : collection of str or None
        Every event id of the file in file order (for the stories' steps); None without stories.

    Returns
    -------
    TimelineLoadError or None
        Exactly what :func:`viewer.io.native.read_native`'s full reader raises for the file,
        or None when that cannot be vouched for here (use the full reader).
    """
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    parts = [data[skip:opening].decode("utf-8")]
    prev = opening
    for n, k in enumerate(suspects):
        a, b = int(spans[k, 0]), int(spans[k, 1])
        gap = _blank(data, prev, a, comma=n > 0)
        if gap is None:
            return None
        parts += [gap, data[a:b].decode("utf-8")]
        prev = b
    gap = _blank(data, prev, closing, comma=False)
    if gap is None:
        return None
    parts += [gap, data[closing:].decode("utf-8")]
    text = "".join(parts)
    try:
        doc, duplicates, keep = parse_with_duplicates(text, file)
    except TimelineLoadError:
        return None  # (not seen: the fast path read these values)
    report = _Renumbered(file, doc, text, list(suspects))
    check_document(doc, report, duplicates, event_ids=event_ids)
    del keep
    if not report.items:
        return None
    return TimelineLoadError(report.sorted())


def _decoded(data: bytes, start: int) -> str:
    """``data[start:]`` decoded as UTF-8 a piece (:data:`_PIECE` bytes) at a time: one call over
    100 MB would hold the interpreter lock long enough to freeze the window.  Raises
    ``UnicodeDecodeError`` for bytes that are not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    parts = [decoder.decode(data[k:k + _PIECE]) for k in range(start, len(data), _PIECE)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def syntax_error(file: str, data: bytes, opening: int, last: int) -> TimelineLoadError | None:
    """The full reader's error for JSON that breaks off after its events list has begun.

    ``opening``: the byte offset just after the events list's ``[``; ``last``: where the last
    event read whole starts (``opening`` when none was).  The events between them, read whole
    and separated by commas, are blanked out: the decoder then stands where it stood in the
    whole text, before the last good event, and meets the same first mistake.  Returns the
    error (:class:`TimelineLoadError` with the line, column and words of the full reader) or
    None (bytes that are not UTF-8 or a NUL byte, which the full reader reports first; no
    mistake found).
    """
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    if any(data.find(b"\x00", k, k + _PIECE) >= 0 for k in range(skip, len(data), _PIECE)):
        return None  # (searched a piece at a time, as every scan of the whole file here)
    gap = _blank(data, opening, last, comma=False)
    if gap is None:
        return None
    try:
        text = data[skip:opening].decode("utf-8") + gap + _decoded(data, last)
    except UnicodeDecodeError:
        return None
    try:
        parse_with_duplicates(text, file)
    except TimelineLoadError as exc:
        return exc
    return None

