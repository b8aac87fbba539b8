"""Fast reading of large native files: columnar arrays, lazy events, a cache.

:func:`viewer.io.native.read_native` hands files of at least
:data:`~viewer.io.native.BULK_MIN_BYTES` to :func:`read_bulk`, which builds the
model a window needs without a Python object per event (it never imports
:mod:`viewer.io.native`, only the modules of the reader's stages, ``native_*``):

1. **Cache.**  In the per-user cache folder (:mod:`viewer.io.cache`; never
   next to the file), a checksummed uncompressed numpy ``.npz`` holds the
   columnar arrays, the event ids and where each event's JSON text starts
   and ends (byte offsets in the file: an open with the cache decodes
   nothing big, each event's text is decoded from its own bytes when it is
   used).  It is used only when its own checksum holds, its file path and
   SHA-256 hash of the file's bytes equal the file's now (so any change to
   the file, even one that keeps size and time, invalidates it), its format
   version is this module's, its byte offsets lie in the file, in order, each
   a whole item of the events list (:func:`_spans_on_items`), the document it holds equals the file's own
   text around the events (title, tracks, time zone...) and its arrays fit
   together and are in range (:func:`_columns_fit`: a cache rewritten with a
   valid checksum must not make the view index past a table); anything else
   rebuilds it.  Writing it is best effort: no usable cache folder just
   means no cache.
2. **Fast path** (no valid cache).  The top-level object is parsed with the
   standard :mod:`json` decoder one value at a time, so the position of every
   event's text is known.  Events of the common shape (string dates; ``id``,
   ``kind``, ``title``, ``track``, ``start``, ``end``, ``summary``,
   ``location``) are checked here with rules at least as strict as the schema
   and the reader's rules; every other event, and the rest of the document,
   goes through the full checks (:func:`viewer.io.native_checks.check_document`;
   the stories' steps against every event id).  The timeline keeps every
   top-level field the full reader builds (stories, home range...).
3. **Faults** (a date not in the calendar, a duplicated id or key, an unknown
   track, an unpaired surrogate escape, an event not of the common shape that
   fails the full checks, JSON that breaks off after the events begin...):
   every event that may be at fault is named and :mod:`viewer.io.bulk_fault`
   raises the full reader's own error (the same words, lines and columns),
   reading only those events and the document's other fields, never building
   the others (the full reader took 102 s at 100,000 events, 869 s and 6.4 GB
   at a million, for one bad date).  **Anything else in doubt** (a form this
   module does not read, such as tracks that are not a list) returns None: the
   caller then runs the full reader.  So a file this module accepts is exactly
   a file the full reader accepts, and a file it refuses gets the full
   reader's report.

Events are built (:class:`~viewer.model.timeline.Event`, with dates, quotes,
sources) only when asked for, from their JSON text
(:class:`~viewer.model.timeline.LazyEvents`); from the cache, an event whose text is
not that event, or whose dates are not those of its cached row (:class:`_RowCheck`), raises
:class:`CachedTextError` (the reader's error, naming the file and the event) and removes
the cache, never a ``KeyError``.  While a cache is read, :data:`CHECK_SAMPLE` events picked
at random (seeded by the file's hash) are built and compared so: a cache rewritten throughout
is refused before anything is drawn, a few rows changed are found when their events are built.

Pure Python + numpy, no Qt.
"""

from __future__ import annotations

import codecs
import dataclasses
import gc
import hashlib
import io
import json
import math
import os
import re
from collections.abc import Callable, Collection, Sequence
from typing import Any, NoReturn, cast

import numpy as np

from viewer.model.columns import (
    BAND_LANE,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    FLAG_YEAR_UNKNOWN,
    KIND_BAND,
    KIND_POINT,
    KIND_SPAN,
    DateArrays,
    EventColumns,
    calendar_values,
    drawn_values,
    sort_point_array,
)
from viewer.model.dates import edtf_year_unknown, resolve_many
from viewer.model.errors import DateError, Problem, TimelineLoadError
from viewer.model.facets import EventFacts
from viewer.model.timeline import Event, LazyEvents, Timeline

from . import cache
from .bulk_fault import located_error, syntax_error
from .native_build import build_timeline, date_of, event_from_dict, zone_of
from .native_checks import check_document
from .native_decode import decode_text, reject_constant
from .native_problems import Problems
from .progress import report

__all__ = ["read_bulk", "cache_path", "CACHE_VERSION", "CACHE_MIN_EVENTS", "CachedTextError"]

# 8: a span with one date known is drawn at it (FLAG_HALF_KNOWN)
CACHE_VERSION = 8  # 2: open span sides are infinite, FLAG_COARSE, sort points as Event.sort_point
# 3: per-event facts for filters (lane, earliest, latest, events with facet values)
# 4: in the per-user cache folder, checksummed; the file's path kept; SHA-256 of the file's bytes
# 5: calendar-date anchors of each row (cal_start, cal_end) for zone switches
# 6: an event whose year is unknown (XXXX-06-10) placed nowhere, sorted last (FLAG_YEAR_UNKNOWN)
# 7: "spans" are byte offsets in the file (were character offsets in its decoded text)
"""Bumped whenever what the cache holds or how it is computed changes."""
CACHE_MIN_EVENTS = 20_000
"""Files with fewer events are not cached (reading them takes well under a second)."""

_REPORT_EVERY = 4096
"""Events parsed between two progress reports (:func:`viewer.io.progress.report`)."""
_WS = re.compile(r"[ \t\n\r]*")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_LOW = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")
_SURROGATE_ESCAPE_B = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE_LOW_B = re.compile(rb"\\u[dD][c-fC-F][0-9a-fA-F]{2}")
_SIMPLE_KEYS = frozenset({"id", "kind", "title", "track", "start", "end", "summary", "location"})
_KINDS = {"point": KIND_POINT, "span": KIND_SPAN}
_COLUMN_ARRAYS = ("event_index", "lane", "kind", "x0", "x1", "xm", "solid0", "solid1", "flags",
                  "lane_bounds", "x1_cummax", "time_order", "xm_order", "cal_start", "cal_end")
_FACT_ARRAYS = ("lane", "earliest", "latest", "rich")  # EventFacts fields, cached as "facts_<name>"


class CachedTextError(TimelineLoadError):
    """An event of a timeline read from the cache could not be built: the text the cache
    points at is not that event (a cache rewritten with a valid checksum).  The cache has
    been removed when this is raised, so reading the file again reads the file itself."""


class _Doubt(Exception):
    """The fast path cannot vouch for the file: use the full reader."""


def cache_path(file: str) -> str | None:
    """Where the cache of ``file`` lives (in the per-user cache folder), or None
    without a usable one; see :func:`viewer.io.cache.cache_path`."""
    return cache.cache_path(file)


def read_bulk(file: str, data: bytes) -> Timeline | None:
    """The timeline in a large native file, or None to use the full reader.

    Parameters
    ----------
    file : str
        The file's name (for the cache and for messages).
    data : bytes
        The file's content.

    Returns
    -------
    Timeline or None
        A timeline whose ``events`` is a :class:`LazyEvents` and whose
        ``columns`` are ready; None when the file needs the full reader
        (errors, unusual content).

    Bytes that are not UTF-8 give None too: the full reader reports them.

    Raises
    ------
    TimelineLoadError
        A file with faults in a few of its events (or JSON that breaks off after its
        events have begun): exactly the full reader's error, with every problem's line
        and column, found without reading the whole file as the full reader does
        (:mod:`viewer.io.bulk_fault`).
    """
    digest = hashlib.sha256(data).hexdigest()  # SHA-256: hardware-accelerated, twice BLAKE2b's speed here
    cached = _read_cache(file, digest, data)
    if cached is not None:
        if isinstance(cached.events, LazyEvents):
            cached.events.content_digest = digest
        return cached
    collecting = gc.isenabled()
    gc.disable()  # millions of new dicts: the cyclic collector would run again and again
    try:  # (bytes that are not UTF-8: ValueError, None, and the full reader says where)
        built = _read_text(file, data)
    except _Fault as fault:
        error = _located(file, data, fault)
        if error is None:
            return None
        raise error from None
    except _Broken as broken:
        error = _syntax(file, data, broken)
        if error is None:
            return None
        raise error from None
    except (_Doubt, ValueError, TypeError, KeyError, IndexError, RecursionError, DateError):
        return None
    finally:
        if collecting:
            gc.enable()
    timeline, events, spans, meta = built
    events.content_digest = digest  # what the search index is keyed by
    # (ids looked at one by one: joining a million of them held the interpreter lock for 50-100 ms)
    if len(events) >= CACHE_MIN_EVENTS and not any("\n" in i for i in events.ids):
        _write_cache(file, digest, timeline, events, spans, meta)
    return timeline


# ---------------------------------------------------------------------------
# parsing the top level, one value at a time


_SLICE = 1 << 22
"""Characters one regular-expression search takes at a time in :func:`_has_lone_surrogate_escape`, and
(:data:`_ITEMS`) list items one conversion takes in :func:`_int_array`: a background opening of
100 MB held the interpreter lock for 80-180 ms in one search or one conversion of its whole
text or list, freezing the window meanwhile."""
_ITEMS = 25_000


def _has_lone_surrogate_escape(text: str | bytes) -> bool:
    """Whether ``text`` (JSON) holds a ``\\uD800``-``\\uDFFF`` escape that is not one half of a
    pair (a high ``\\uD800``-``\\uDBFF`` followed at once by a low ``\\uDC00``-``\\uDFFF``), which
    the full reader reports; a pair is a character beyond U+FFFF (an emoji) as Python's
    ``json.dump`` writes it, decoded by :mod:`json` as the full reader decodes it (such a file
    was read in full on every open, 3.6 s instead of 0.3 s, and never cached).  A ``\\u`` after
    an escaped backslash (``\\\\uD83D``) is text, not an escape.  Searched a slice at a time
    (:data:`_SLICE`; the slices overlap by a pair's length); ``text`` may be the file's bytes
    (the escapes are ASCII)."""
    if isinstance(text, bytes):
        return _lone_surrogate_escape(text, _SURROGATE_ESCAPE_B, _SURROGATE_LOW_B, b"\\", b"\\u", b"89abAB") >= 0
    return _lone_surrogate_escape(text, _SURROGATE_ESCAPE, _SURROGATE_LOW, "\\", "\\u", "89abAB") >= 0


def _lone_surrogate_places(data: bytes) -> list[int]:
    """Byte offsets in ``data`` of every unpaired surrogate escape (:func:`_has_lone_surrogate_escape`),
    in order: which events the full checks must read (:mod:`viewer.io.bulk_fault`)."""
    out: list[int] = []
    p = -1
    while (p := _lone_surrogate_escape(data, _SURROGATE_ESCAPE_B, _SURROGATE_LOW_B, b"\\", b"\\u", b"89abAB",
                                       p + 1)) >= 0:
        out.append(p)
    return out


def _lone_surrogate_escape(text: Any, escape: re.Pattern[Any], low: re.Pattern[Any], backslash: Any, u: Any,
                           high: Any, start: int = 0) -> int:
    """Where the first unpaired surrogate escape at or after ``start`` begins, or -1."""
    low_of_pair = -1  # where the low half of the last pair found starts
    for k in range(start, len(text), _SLICE):
        end = k + _SLICE
        if text.find(u, k, end + 11) < 0:
            continue
        for m in escape.finditer(text, k, end + 11):
            p = m.start()
            if p >= end:
                break  # the next slice's
            if p == low_of_pair:
                continue
            j = p
            while j > 0 and text[j - 1:j] == backslash:
                j -= 1
            if (p - j) % 2:
                continue  # "\\u...": an escaped backslash, then letters
            if text[p + 3:p + 4] in high and low.match(text, p + 6):
                low_of_pair = p + 6
                continue
            return int(p)
    return -1


def _byte_spans(data: bytes, spans: np.ndarray, text_chars: int | None = None) -> np.ndarray:
    """The byte offsets in ``data`` of ``spans``, character offsets in its text
    (:func:`decode_text`: a UTF-8 byte order mark dropped): int64, the shape of ``spans``.

    ``spans`` must be non-decreasing in file order (each event's start and end, the
    events in order), as :func:`_parse` gives them.  ``text_chars``: the length of the
    text when known (as many characters as bytes: an ASCII file, whose offsets are the
    same numbers; None: ``data.isascii()`` tells).  Otherwise the bytes are read
    :data:`_SLICE` at a time (the characters start at the bytes that are not UTF-8
    continuation bytes, ``0b10xxxxxx``): a few numpy calls of a few milliseconds each,
    never one call over the whole file."""
    if (data.isascii() if text_chars is None else text_chars == len(data)):
        return spans
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    chars = spans.ravel()
    out = np.empty_like(chars)
    view = np.frombuffer(data, dtype=np.uint8)
    done = 0  # offsets converted so far
    base = 0  # characters before the slice
    for b0 in range(skip, len(data), _SLICE):
        starts = np.flatnonzero((view[b0:b0 + _SLICE] & 0xC0) != 0x80)  # the slice's characters
        top = base + len(starts)
        upto = int(np.searchsorted(chars, top, side="left"))
        out[done:upto] = starts[chars[done:upto] - base] + b0
        done, base = upto, top
    out[done:] = len(data)  # the offsets at the end of the text
    return out.reshape(spans.shape)


def _int_array(values: Sequence[Any], dtype: Any = np.int64) -> np.ndarray:
    """``values`` as an (N,) array of ``dtype`` (int64 unless told), converted a slice at a time
    (:data:`_ITEMS`)."""
    if len(values) <= _ITEMS:
        return np.array(values, dtype=dtype)
    return np.concatenate([np.array(values[k:k + _ITEMS], dtype=dtype) for k in range(0, len(values), _ITEMS)])


_DATES_AT_ONCE = 20_000
"""Dates resolved by one call of :func:`resolve_many` in :func:`_resolve_sliced`."""


def _resolve_sliced(texts: list[str], idx: np.ndarray, zone: str,
                    out: tuple[np.ndarray, ...], bad: np.ndarray) -> np.ndarray:
    """Resolve ``texts[k]`` for each ``k`` of ``idx`` (int (M,)) in display ``zone``, into the
    arrays ``out`` = (earliest, latest, precision, uncertain, approximate) at ``idx``, in
    slices of :data:`_DATES_AT_ONCE` (one call for a million dates held the interpreter lock
    for 100-370 ms of a background opening); returns whether each is open (``..``), bool (M,).
    A value that is not a date sets ``bad[k]`` (bool (N,)): a slice that holds one is halved
    until each such value is alone (every one is found, not only the first, in a few dozen
    calls for one fault)."""
    is_open = np.zeros(len(idx), bool)
    todo = [(s, idx[s:s + _DATES_AT_ONCE]) for s in range(0, len(idx), _DATES_AT_ONCE)]
    while todo:
        s, part = todo.pop()
        try:
            lo, hi, p, u, a, rel = resolve_many([texts[k] for k in part.tolist()], zone)
        except (DateError, ValueError, TypeError, KeyError, IndexError):
            if len(part) == 1:
                bad[part[0]] = True
            else:
                half = len(part) // 2
                todo += [(s + half, part[half:]), (s, part[:half])]
            continue
        for array, values in zip(out, (lo, hi, p, u, a), strict=True):
            array[part] = values
        is_open[s:s + len(part)] = np.fromiter((r == "open" for r in rel), bool, count=len(rel))
    return is_open


_PIECE = 1 << 20
"""Bytes of the file decoded at a time by :class:`_Window` (about a millisecond each)."""
_MARGIN = 1 << 16
"""Characters the parser keeps ahead of where it reads (:class:`_Window`): an event longer than
this is read again with a longer window."""


class _Window:
    """The text of a file's bytes, decoded a piece (:data:`_PIECE` bytes) at a time as the parser
    moves on: ``buf`` holds the text from character ``base`` of the whole on.

    Decoding a 100 MB file in one call (and scanning it whole) held the interpreter lock for
    100-200 ms of a background opening, freezing the window; the whole text is never built.
    A piece that is not UTF-8 raises :class:`UnicodeDecodeError` (the full reader then
    reports the place)."""

    def __init__(self, data: bytes, skip: int) -> None:
        self.data, self.pos = data, skip  # the next byte to decode
        self.buf, self.base = "", 0

    @property
    def exhausted(self) -> bool:
        return self.pos >= len(self.data)

    def _piece(self) -> str:
        data, a = self.data, self.pos
        b = min(len(data), a + _PIECE)
        while b < len(data) and data[b] & 0xC0 == 0x80:  # never cut a character
            b -= 1
        self.pos = b
        chunk = data[a:b]
        return chunk.decode("ascii") if chunk.isascii() else chunk.decode("utf-8")

    def settle(self, i: int) -> int:
        """Where the next token starts, at or after ``i`` (in ``buf``), past whitespace, with
        :data:`_MARGIN` characters ahead of it in ``buf`` (unless the file ends first);
        ``buf`` may be moved on (the text before ``i`` dropped)."""
        ws = cast("Callable[[str, int], re.Match[str]]", _WS.match)  # (it matches the empty string too)
        while True:
            i = ws(self.buf, i).end()
            if len(self.buf) - i >= _MARGIN or self.exhausted:
                return i
            self.buf, self.base = self.buf[i:] + self._piece(), self.base + i
            i = 0

    def grow(self, i: int) -> int:
        """Twice as much text after ``i`` in ``buf`` (a value longer than the margin); the new
        ``i``.  Raises ``ValueError`` when the file has no more text."""
        if self.exhausted:
            raise ValueError("end of the file")
        want = max(2 * (len(self.buf) - i), 2 * _MARGIN)
        parts, have = [self.buf[i:]], len(self.buf) - i
        while have < want and not self.exhausted:
            parts.append(self._piece())
            have += len(parts[-1])
        self.buf, self.base = "".join(parts), self.base + i
        return 0

    def value(self, decode: Callable[[str, int], tuple[Any, int]], i: int) -> tuple[Any, int, int]:
        """``decode(buf, i)`` (a JSON value and where it ends), ``buf`` grown until the value
        ends inside it; the ``i`` it starts at may change (``buf`` moved on): (value, i, end)."""
        while True:
            buf = self.buf
            try:
                value, j = decode(buf, i)
            except json.JSONDecodeError as exc:
                if not _cut(exc, len(buf)) or self.exhausted:
                    raise
            else:
                if j < len(buf) or self.exhausted:  # (a number could have been cut at the end)
                    return value, i, j
            i = self.grow(i)


def _cut(exc: json.JSONDecodeError, end: int) -> bool:
    """Whether a decoding error may come from the text ending at ``end`` (more text may mend
    it), not from a mistake inside it."""
    return exc.pos >= end - 8 or exc.msg.startswith("Unterminated string")


@dataclasses.dataclass
class _Marks:
    """What :func:`_parse` noted besides the values: character offsets just after the events
    list's ``[`` and at its ``]``; the events holding a key twice (their indices; 0 for a key
    of the document before the events, N after them); the byte offsets of unpaired surrogate
    escapes."""

    opening: int = -1
    closing: int = -1
    dup_at: list[int] = dataclasses.field(default_factory=list)
    lone: list[int] = dataclasses.field(default_factory=list)


class _Broken(Exception):
    """The JSON breaks off after the events list has begun: ``opening`` (character offset just
    after its ``[``) and ``last`` (where the last event read whole starts, else ``opening``)."""

    def __init__(self, opening: int, last: int) -> None:
        super().__init__("broken JSON")
        self.opening, self.last = opening, last


class _Fault(Exception):
    """Some events are at fault (or may be): ``suspects`` (indices, increasing) must get the full
    checks, in a document that keeps every other field (:mod:`viewer.io.bulk_fault`)."""

    def __init__(self, suspects: np.ndarray, spans: np.ndarray, marks: _Marks,
                 event_ids: Collection[str] | None) -> None:
        super().__init__("events at fault")
        self.suspects, self.spans, self.marks, self.event_ids = suspects, spans, marks, event_ids


def _parse(data: bytes, sink: Callable[[Any], None]) -> tuple[dict[str, Any], np.ndarray, int, _Marks]:
    """(document without events, (N, 2) char offsets of each event's text in the file's text
    (a UTF-8 byte order mark dropped), the text's length in characters, what else was noted);
    each event value is handed to ``sink(value)`` as it is read.  The text is decoded a piece
    at a time (:class:`_Window`), never whole.  Raises :class:`_Broken` for JSON that breaks
    off inside or after the events list, :class:`_Doubt` for anything else it cannot read."""
    marks = _Marks()
    if _has_lone_surrogate_escape(data):  # (the full reader reports them: their events are at fault)
        marks.lone = _lone_surrogate_places(data)
    dup = marks.dup_at
    spans: list[int] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            dup.append(len(spans) // 2)  # the event being read (two offsets marked per event)
        return obj

    dec = json.JSONDecoder(object_pairs_hook=hook, parse_constant=reject_constant)
    decode = dec.raw_decode
    # _WS matches the empty string too, so its match never returns None here
    ws = cast("Callable[[str, int], re.Match[str]]", _WS.match)
    w = _Window(data, len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
    i = w.settle(0)
    if w.buf[i:i + 1] != "{":
        raise _Doubt("not an object")
    doc: dict[str, Any] = {}
    events: bool | None = None
    i = w.settle(i + 1)
    if w.buf[i:i + 1] == "}":
        raise _Doubt("empty")
    try:
        while True:
            if w.buf[i:i + 1] != '"':
                raise _Doubt("key expected")
            key, i, j = w.value(decode, i)  # a string (it starts with '"'): the key
            i = w.settle(j)
            if w.buf[i:i + 1] != ":":
                raise _Doubt("colon expected")
            i = w.settle(i + 1)
            if key == "events" and (events is not None or key in doc):
                raise _Doubt("duplicated key")
            if key in doc:  # (the last one counts, as in json; the full checks report it)
                dup.append(len(spans) // 2)
            if key == "events" and w.buf[i:i + 1] == "[":
                events = True
                append, mark = sink, spans.append
                marks.opening = w.base + i + 1
                i = w.settle(i + 1)
                if w.buf[i:i + 1] == "]":
                    marks.closing = w.base + i
                    i += 1
                else:
                    total, every, count = len(data), _REPORT_EVERY, 0
                    buf, base = w.buf, w.base
                    lim = len(buf) - _MARGIN  # past it: the window moves on (settle)
                    while True:
                        if i > lim and not w.exhausted:
                            i = w.settle(i)
                            buf, base = w.buf, w.base
                            lim = len(buf) - _MARGIN
                        try:
                            value, j = decode(buf, i)
                            if j >= len(buf):
                                raise IndexError  # a number cut at the window's end? (read again, below)
                            k = ws(buf, j).end()
                            c = buf[k]
                            mark(base + i)
                            mark(base + j)
                        except (ValueError, IndexError) as exc:  # the window may end inside this value
                            if w.exhausted or (isinstance(exc, json.JSONDecodeError) and not _cut(exc, len(buf))):
                                raise
                            value, i, j = w.value(decode, i)
                            mark(w.base + i)
                            mark(w.base + j)
                            k = w.settle(j)
                            buf, base = w.buf, w.base
                            lim = len(buf) - _MARGIN
                            c = buf[k:k + 1]
                        append(value)
                        count += 1
                        if count == every:  # how far, and a chance to stop (viewer.io.progress)
                            count = 0
                            report(w.pos, total)
                        if c == ",":
                            i = ws(buf, k + 1).end()
                        elif c == "]":
                            marks.closing = base + k
                            i = k + 1
                            break
                        else:
                            raise _Doubt("bad events list")
                doc[key] = []
            else:
                doc[key], i, j = w.value(decode, i)
                i = j
            i = w.settle(i)
            c = w.buf[i:i + 1]
            if c == ",":
                i = w.settle(i + 1)
            elif c == "}":
                break
            else:
                raise _Doubt("comma expected")
        i = w.settle(i + 1)
        if i != len(w.buf):
            raise _Doubt("trailing text")
    except (_Doubt, ValueError, IndexError) as exc:  # (after the events list has begun: read again, shortened)
        if events is None or isinstance(exc, UnicodeDecodeError):
            raise
        raise _Broken(marks.opening, spans[-2] if spans else marks.opening) from exc
    if events is None:
        raise _Doubt("no events")
    chars = w.base + len(w.buf)
    out = _int_array(spans).reshape(-1, 2)
    _drop(spans)
    return doc, out, chars, marks


# ---------------------------------------------------------------------------
# checking and building


def _check_rest(file: str, doc: dict[str, Any], others: list[Any],
                event_ids: Collection[str] | None = None) -> tuple[dict[str, Any], bool]:
    """Full checks of the document (without its events) and of ``others``
    events: their parsed dates keyed as in a document whose events are
    ``others`` and the document's zone, and whether nothing is wrong.
    ``event_ids``: every event id of the file, which its stories may name
    (None: it has no stories)."""
    mini = dict(doc)
    mini["events"] = others
    report = Problems(file, mini, None)
    checker = check_document(mini, report, event_ids=event_ids)
    return {"dates": checker.dates, "zone": checker.zone}, not report.items


class _Sink:
    """Takes events as they are parsed: the fields of common-shape events
    into lists, every other event whole (for the full checks)."""

    def __init__(self) -> None:
        self.n = 0
        self.ids: list[str] = []
        self.tracks: list[Any] = []
        self.kinds: list[int] = []
        self.starts: list[Any] = []
        self.ends: list[Any] = []
        self.others: list[Any] = []
        self.other_at: list[int] = []

    def __call__(self, ev: Any) -> None:
        i = self.n
        self.n += 1
        if type(ev) is dict and ev.keys() <= _SIMPLE_KEYS:
            k = _KINDS.get(ev.get("kind", "point"))
            eid, title, track, start = ev.get("id"), ev.get("title"), ev.get("track"), ev.get("start")
            end = ev.get("end")
            if (k is not None and type(eid) is str and eid and type(title) is str and title.strip()
                    and type(track) is str
                    and type(start) is str and start
                    and (end is None if k == KIND_POINT else type(end) is str and end)
                    and type(ev.get("summary", "")) is str and type(ev.get("location", "")) is str):
                self.ids.append(eid)
                self.tracks.append(track)
                self.kinds.append(k)
                self.starts.append(start)
                self.ends.append(end if k == KIND_SPAN else "")
                return
        self.ids.append("")
        self.tracks.append(None)
        self.kinds.append(-1)
        self.starts.append("")
        self.ends.append("")
        self.others.append(ev)
        self.other_at.append(i)


def _read_text(file: str, data: bytes) -> tuple[Timeline, LazyEvents, np.ndarray, dict[str, Any]]:
    """The lazy timeline of a file's bytes, its events, the (N, 2) byte offsets of their
    texts and what the cache keeps of the document.  Raises :class:`_Fault` naming the
    events that may be at fault (every one the full checks must look at), :class:`_Broken`
    for JSON that breaks off inside the events, :class:`_Doubt` (or an error of parsing,
    ``ValueError`` for bytes that are not UTF-8) when in doubt."""
    sink = _Sink()
    doc, char_spans, chars, marks = _parse(data, sink)
    spans = _byte_spans(data, char_spans, chars)
    tracks = doc.get("tracks")
    if not isinstance(tracks, list):
        raise _Doubt("tracks")
    event_ids = None
    if doc.get("stories"):  # their steps may name any event, not only those checked whole
        event_ids = dict.fromkeys(i for i in sink.ids if i)  # "" marks an event read whole (``others``)
        event_ids.update(dict.fromkeys(e["id"] for e in sink.others if isinstance(e, dict)
                                       and isinstance(e.get("id"), str) and e["id"]))
    checked, others_ok = _check_rest(file, doc, sink.others, event_ids)
    zone, other_dates = checked["zone"], checked["dates"]
    n = sink.n
    at_fault = np.zeros(n, bool)  # events the full checks must read (the others pass them)
    if not others_ok:  # (one of them, or the document itself: each is read again, whole)
        at_fault[sink.other_at] = True
    at_fault[[k for k in marks.dup_at if k < n]] = True
    if marks.lone:
        lone = np.array(marks.lone)
        holder = np.searchsorted(spans[:, 0], lone, side="right") - 1  # the event each is in, if any
        at_fault[holder[(holder >= 0) & (spans[np.maximum(holder, 0), 1] > lone)]] = True
    track_ids = {t["id"]: k for k, t in enumerate(sorted(tracks, key=lambda t: (int(t.get("order", 0)), t["id"])))}
    kind = _int_array(sink.kinds, np.int8)  # (lists of a million, converted a slice at a time)
    simple = kind >= 0
    get, tracks_of = track_ids.get, sink.tracks  # (a slice at a time: no list of a million lanes)
    lane = np.concatenate([np.array([get(t, -3) for t in tracks_of[a:a + _ITEMS]], dtype=np.int32)
                           for a in range(0, max(n, 1), _ITEMS)])
    at_fault |= simple & (lane == -3)  # an unknown track
    ids = sink.ids
    # dates: all starts at once, then the ends of spans
    simple_idx = np.nonzero(simple)[0]
    s_lo, s_hi = np.full(n, np.nan), np.full(n, np.nan)
    s_p = np.zeros(n, np.int8)
    s_u, s_a = np.zeros(n, bool), np.zeros(n, bool)
    s_open = np.zeros(n, bool)  # (a dict of a million entries was built in one call, the lock held)
    s_open[simple_idx] = _resolve_sliced(sink.starts, simple_idx, zone, (s_lo, s_hi, s_p, s_u, s_a), at_fault)
    span_idx = np.nonzero(kind == KIND_SPAN)[0]
    e_lo, e_hi = np.full(n, np.nan), np.full(n, np.nan)
    e_p = np.zeros(n, np.int8)
    e_u, e_a, has_end = np.zeros(n, bool), np.zeros(n, bool), np.zeros(n, bool)
    if len(span_idx):
        _resolve_sliced(sink.ends, span_idx, zone, (e_lo, e_hi, e_p, e_u, e_a), at_fault)
        has_end[span_idx] = True
    at_fault |= s_open & (kind == KIND_POINT)  # a point dated '..'
    with np.errstate(invalid="ignore"):
        at_fault |= has_end & np.isfinite(e_hi) & np.isfinite(s_lo) & (e_hi <= s_lo)  # a span ends before it starts
    if not others_ok or at_fault.any() or marks.dup_at or marks.lone:  # (a key twice, a lone escape: anywhere)
        _fault(at_fault, ids, sink, spans, marks, event_ids)
    # a date whose year is unknown (XXXX-06-10): listed, placed nowhere (one C scan of the text
    # first: most files have none)
    unknown = np.zeros(n, bool)
    half = np.zeros(n, np.int8)
    if _contains(data, b"XXXX"):
        sides = [(edtf_year_unknown(s), edtf_year_unknown(e)) for s, e in zip(sink.starts, sink.ends, strict=True)]
        unknown = _int_array([a or b for a, b in sides], bool)
        # a span with one date known: drawn at it (DateArrays.half_known)
        half = _int_array([0 if a == b or not e else (-1 if a else 1)
                           for (a, b), e in zip(sides, sink.ends, strict=True)], np.int8)
    # the other events: dates and lanes from the full checks
    for j, i in enumerate(sink.other_at):
        ev = sink.others[j]
        sb = other_dates[("events", j, "start")]
        eb = other_dates.get(("events", j, "end"))
        k = {"point": KIND_POINT, "span": KIND_SPAN, "band": 2}[ev.get("kind", "point")]
        ids[i] = ev["id"]
        kind[i] = k
        lane[i] = BAND_LANE if k == 2 else track_ids.get(ev.get("track", ""), -2)
        s_lo[i], s_hi[i], s_p[i] = sb.earliest, sb.latest, int(sb.precision)
        s_u[i], s_a[i] = sb.uncertain, sb.approximate
        unknown[i] = sb.year_unknown or (eb is not None and eb.year_unknown)
        half[i] = 0 if eb is None or sb.year_unknown == eb.year_unknown else (-1 if sb.year_unknown else 1)
        if eb is not None:
            has_end[i] = True
            e_lo[i], e_hi[i], e_p[i] = eb.earliest, eb.latest, int(eb.precision)
            e_u[i], e_a[i] = eb.uncertain, eb.approximate
    if not _distinct(ids):
        _fault(at_fault, ids, sink, spans, marks, event_ids)
    meta_tl = build_timeline({**doc, "events": []}, {k: v for k, v in other_dates.items() if k[0] != "events"})
    ref = meta_tl.reference_date
    sort_point = sort_point_array(s_lo, s_hi, s_p, has_end, e_lo, e_hi, e_p)
    if unknown.any():  # after every dated event (Event.sort_point), not as year 0
        sort_point = np.where(unknown, np.inf, sort_point)
    arrays = DateArrays(ids, lane, kind, s_lo, s_hi, s_p, s_u, s_a, has_end, e_lo, e_hi, e_p, e_u, e_a,
                        sort_point, n_lanes=len(meta_tl.tracks),
                        reference_earliest=None if ref is None else ref.earliest,
                        year_unknown=unknown if unknown.any() else None, half_known=half if half.any() else None)
    columns = EventColumns.from_dates(arrays)
    meta = {"doc": doc, "zone": zone, "extent": list(arrays.finite_extent())}
    # what filters need, without building events: only the events read whole
    # (``sink.others``) can have actors, tags, quotes or sources
    facts = EventFacts(lane=lane.copy(), earliest=s_lo.copy(), latest=np.where(has_end, e_hi, s_hi),
                       rich=np.array(sink.other_at, dtype=np.int64))
    timeline, events = _assemble(file, meta_tl, data, spans, ids, columns, zone, meta["extent"], facts,
                                 from_cache=False, worded=doc.get("marks_hand_edits") is not True)
    for parsed in (sink.tracks, sink.starts, sink.ends, sink.kinds):  # (the ids live on in ``events``)
        _drop(parsed)
    return timeline, events, spans, meta


def _fault(at_fault: np.ndarray, ids: list[str], sink: _Sink, spans: np.ndarray, marks: _Marks,
           event_ids: Collection[str] | None) -> NoReturn:
    """Raise :class:`_Fault` for the events ``at_fault`` (bool (N,)) and every event whose id
    another one repeats (the report names the first: it must be read too).  ``ids`` (the
    sink's, "" for an event read whole) and the sink's lists are emptied a slice at a time
    (:func:`_drop`): a million strings freed at once with the reader's frame held the
    interpreter lock for a second, freezing the window."""
    for j, i in enumerate(sink.other_at):  # (their ids are "" in ``ids``)
        ev = sink.others[j]
        ids[i] = ev["id"] if isinstance(ev, dict) and isinstance(ev.get("id"), str) else ""
    if event_ids is not None:  # in file order, as the full reader lists them
        event_ids = dict.fromkeys(eid for eid in ids if eid)
    at_fault = at_fault | _repeated(ids)
    for parsed in (sink.tracks, sink.starts, sink.ends, sink.kinds, ids):
        _drop(parsed)
    raise _Fault(np.flatnonzero(at_fault), spans, marks, event_ids)


def _repeated(ids: list[str]) -> np.ndarray:
    """Which of ``ids`` (not "") another one repeats: bool (N,).  Their hashes first, a slice at a
    time and sorted by numpy (as :func:`_distinct`); only the ids whose hash is repeated are
    compared (no dict or set of a million ids)."""
    n = len(ids)
    hashes = np.empty(n, dtype=np.int64)
    for a in range(0, n, SLICE_ITEMS):
        part = ids[a : a + SLICE_ITEMS]
        hashes[a : a + len(part)] = np.fromiter(map(hash, part), dtype=np.int64, count=len(part))
    ordered = np.sort(hashes)
    twice = np.unique(ordered[1:][ordered[1:] == ordered[:-1]])
    out = np.zeros(n, bool)
    if not len(twice):
        return out
    maybe = np.flatnonzero(np.isin(hashes, twice)).tolist()
    count: dict[str, int] = {}
    for k in maybe:
        count[ids[k]] = count.get(ids[k], 0) + 1
    for k in maybe:
        out[k] = count[ids[k]] > 1 and ids[k] != ""
    return out


def _located(file: str, data: bytes, fault: _Fault) -> TimelineLoadError | None:
    """The full reader's error for the events :class:`_Fault` names (or None: use the full reader)."""
    m = fault.marks
    if m.opening < 0 or m.closing < 0:
        return None
    opening, closing = (int(x) for x in _byte_spans(data, np.array([m.opening, m.closing], dtype=np.int64)))
    return located_error(file, data, fault.spans, opening, closing, fault.suspects.tolist(), fault.event_ids)


def _syntax(file: str, data: bytes, broken: _Broken) -> TimelineLoadError | None:
    """The full reader's error for JSON that breaks off after the events list has begun (or None)."""
    opening, last = (int(x) for x in _byte_spans(data, np.array([broken.opening, broken.last], dtype=np.int64)))
    if last - opening < len(data) - last:  # the mistake in the first half: the full reader stops at it, as soon
        return None  # (measured at a million events: 2.5 s against 3.2 s, 227 MB against 324 MB)
    return syntax_error(file, data, opening, last)


def _contains(data: bytes, part: bytes) -> bool:
    """``part in data``, searched :data:`_SLICE` bytes at a time (one search of 100 MB held the
    interpreter lock for about 100 ms)."""
    return any(data.find(part, k, k + _SLICE + len(part) - 1) >= 0 for k in range(0, len(data), _SLICE))


_FREED_AT_ONCE = 10_000


def _drop(values: list[Any]) -> None:
    """Empty ``values`` a slice (:data:`_FREED_AT_ONCE`) at a time: a million parsed strings freed
    at once when the reader returned held the interpreter lock for about 100 ms, freezing the
    window (and slices of 100,000 still held it 90-270 ms at load 7, the memory handed back)."""
    while values:
        del values[-_FREED_AT_ONCE:]


def _assemble(file: str, meta_tl: Timeline, text: str | bytes, spans: np.ndarray, ids: list[str],
              columns: EventColumns, zone: str, extent: Sequence[float],
              facts: EventFacts | None = None, check: Sequence[int] = (),
              from_cache: bool = True, worded: bool = True) -> tuple[Timeline, LazyEvents]:
    """The lazy timeline (metadata of ``meta_tl``, events built from their text) and its events.

    ``text`` is the file's bytes and ``spans`` (N, 2) byte offsets in it (or its decoded
    text and character offsets): each event's bytes are decoded when the event is used (a
    whole 100 MB file decoded at once held the interpreter lock for 60-200 ms of a background
    opening, freezing the window).  ``from_cache``: the offsets and ``columns`` come from the
    cache (False: from the file itself, just read and checked).

    Building an event (or its title, its zones) whose text is not an event object with
    its own id, a title and a start raises :class:`TimelineLoadError` naming ``file`` and
    the event id, never a ``KeyError``: only a cache rewritten with a valid checksum can
    do that (:func:`_spans_on_items` refuses the forgeries it can see), and that cache is
    removed so that opening the file again reads the file itself.  From the cache, an event
    whose dates are not those of its row of ``columns`` (nor of ``facts``: :class:`_RowCheck`)
    raises it too: a cache whose rows were swapped drew an event at another event's date.
    ``check``: indices of events built (and compared) here, from the cache only: the sample
    :func:`_from_cache` takes, raising :class:`CachedTextError` before anything is drawn."""
    from_cache = from_cache and isinstance(text, bytes)

    def raw_text(i: int) -> str:
        return cast("str", text)[int(spans[i, 0]):int(spans[i, 1])]

    def raw_bytes(i: int) -> str:
        return cast("bytes", text)[int(spans[i, 0]):int(spans[i, 1])].decode("utf-8")

    raw = raw_bytes if isinstance(text, bytes) else raw_text  # the JSON text of event ``i``

    def not_an_event(i: int, what: str = "the text kept for this event is not the event") -> TimelineLoadError:
        if from_cache:  # the cache is wrong, not the file: next time the file itself is read
            _remove_cache(file)
            return CachedTextError([Problem(
                file, f"{what} (its cache was damaged or rewritten and "
                      "has been removed): open the file again", location=f"event {ids[i]!r}")])
        return TimelineLoadError([Problem(  # (not seen: the file's own text was checked as it was read)
            file, "the text read for this event is not an event: open the file again", location=f"event {ids[i]!r}")])

    def loaded(i: int) -> dict[str, Any]:
        try:
            e = json.loads(raw(i))
        except ValueError:  # (UnicodeDecodeError too)
            raise not_an_event(i) from None
        if (type(e) is not dict or e.get("id") != ids[i] or type(e.get("title")) is not str
                or e.get("start") is None):
            raise not_an_event(i)
        return e

    def built(i: int) -> Event:
        e = loaded(i)
        try:
            start = date_of(e["start"], zone, worded)
            end = date_of(e["end"], zone, worded) if e.get("end") is not None else None
            return event_from_dict(e, start, end)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, DateError):
            raise not_an_event(i) from None

    rows = _RowCheck(columns, facts, meta_tl, len(ids)) if from_cache else None

    ahead: dict[int, Event] = {}  # events built and compared ahead of an in-order reading
    last = [-2]  # the event built last

    def make(i: int) -> Event:
        if rows is None:
            return built(i)
        ev = ahead.pop(i, None)
        if ev is None:
            # in order (an export, a save): the next _AHEAD events built and compared at once
            # (one comparison costs about as much as a few hundred); else this one alone
            batch = list(range(i, min(i + _AHEAD, len(ids)))) if i == last[0] + 1 else [i]
            evs = [built(k) for k in batch]
            bad = rows.differing(batch, evs)
            if bad:
                raise not_an_event(bad[0], _DATES_DIFFER)
            ahead.clear()
            ahead.update(zip(batch[1:], evs[1:], strict=True))
            ev = evs[0]
        last[0] = i
        return ev

    if rows is not None and len(check):  # a sample, built before anything is drawn
        bad = rows.differing(check, [built(i) for i in check])
        if bad:
            raise not_an_event(bad[0], _DATES_DIFFER)

    def title(i: int) -> str:
        value: str = loaded(i)["title"]
        return value

    def time_zones(i: int) -> tuple[str, ...]:
        e = loaded(i)
        dates = (e["start"], e.get("end"))
        try:
            return tuple(z for z in (zone_of(d, zone) for d in dates if d is not None) if z)
        except (KeyError, TypeError, ValueError, AttributeError, DateError):
            raise not_an_event(i) from None

    events = LazyEvents(ids, make, (float(extent[0]), float(extent[1])), title, facts, time_zones, raw)
    # every field of the document as the full reader builds it (title, stories, home...): only the events differ
    fields = {f.name: getattr(meta_tl, f.name) for f in dataclasses.fields(Timeline) if f.init and f.name != "events"}
    timeline = Timeline.with_columns(columns, events=events, **fields)
    return timeline, events


# ---------------------------------------------------------------------------
# the cache


def _write_cache(file: str, digest: str, timeline: Timeline, events: LazyEvents, spans: np.ndarray,
                 meta: dict[str, Any]) -> None:
    cols = timeline.columns
    info = {"version": CACHE_VERSION, "hash": digest, "path": os.path.abspath(file), "doc": meta["doc"],
            "zone": meta["zone"], "extent": meta["extent"], "origin": cols.origin_epoch_s,
            "band_count": cols.band_count, "whisker": cols.open_whisker_s}
    arrays = {name: getattr(cols, name) for name in _COLUMN_ARRAYS}
    arrays["spans"] = spans
    facts = events.facts
    arrays.update({f"facts_{name}": getattr(facts, name) for name in _FACT_ARRAYS})
    arrays["ids"] = np.frombuffer(_joined(events.ids), dtype=np.uint8)
    arrays["info"] = np.frombuffer(json.dumps(info).encode("utf-8"), dtype=np.uint8)
    folder = cache.cache_dir(create=True)
    target = None if folder is None else cache.cache_path(file, folder)
    if target is not None:  # else no cache, nothing else changes
        cache.write_checked(target, lambda fh: np.savez(fh, **arrays))


def _joined(ids: Sequence[str]) -> bytes:
    """``"\\n".join(ids)`` in UTF-8, joined :data:`SLICE_ITEMS` ids at a time: one join of a
    million ids held the interpreter lock 85 ms and more while a background opening wrote the
    cache, freezing the window."""
    return b"\n".join("\n".join(ids[a : a + SLICE_ITEMS]).encode("utf-8") for a in range(0, len(ids), SLICE_ITEMS))


def _read_cache(file: str, digest: str, data: bytes) -> Timeline | None:
    """The timeline from the cache of ``file``, or None when there is no cache
    that is whole, of this very file and content, and consistent."""
    target = cache_path(file)
    payload = None if target is None else cache.read_checked(target)
    if payload is None:
        return None
    try:
        return _from_cache(file, digest, data, payload)
    except Exception:  # noqa: BLE001 - foreign, damaged, of another version: the cache is only a hint
        return None


def _remove_cache(file: str) -> None:
    """Remove the cache of ``file`` (best effort: a cache that is missing or cannot be
    removed is rebuilt or checked again at the next open)."""
    target = cache_path(file)
    if target is not None:
        try:
            os.unlink(target)
        except OSError:
            pass


def _from_cache(file: str, digest: str, data: bytes, payload: io.BytesIO) -> Timeline | None:
    with np.load(payload, allow_pickle=False) as z:
        info = json.loads(z["info"].tobytes().decode("utf-8"))
        if (info.get("version") != CACHE_VERSION or info.get("hash") != digest
                or info.get("path") != os.path.abspath(file)):
            return None
        arr = {name: z[name] for name in (*_COLUMN_ARRAYS, "spans")}
        facts = EventFacts(**{name: z[f"facts_{name}"] for name in _FACT_ARRAYS})
        ids_blob = z["ids"].tobytes().decode("utf-8")
    ids = _lines(ids_blob) if ids_blob else []
    n = len(ids)
    spans = arr["spans"]
    if n == 0 or not _distinct(ids) or spans.shape != (n, 2) or spans.dtype.kind != "i":
        return None
    # the arrays must fit together and fit the file: anything else is rebuilt.  The
    # file is not decoded (its SHA-256 is the one of bytes that decoded when the cache
    # was written): byte offsets, each event's on its braces, so no slice cuts a character
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    if (spans.min() < skip or spans.max() > len(data) or np.any(spans[:, 1] <= spans[:, 0])
            or np.any(spans[1:, 0] < spans[:-1, 1])):
        return None
    if not _spans_on_items(data, spans, skip):
        return None
    # the document is the file's own: its bytes around the events, decoded and read
    # again (a few kilobytes) and checked as the full reader checks them
    header = json.loads(decode_text(data[:int(spans[0, 0])] + data[int(spans[-1, 1]):], file),
                        parse_constant=reject_constant)
    if not isinstance(header, dict) or header != info["doc"] or header.get("events") != []:
        return None
    checked, ok = _check_rest(file, header, [], dict.fromkeys(ids) if header.get("stories") else None)
    if not ok or checked["zone"] != info["zone"]:
        return None
    meta_tl = build_timeline(header, checked["dates"])
    row_ids: list[str] = []  # the ids in row order, a slice at a time (one .tolist() of 10^6 held the lock 40 ms)
    order = arr["event_index"]
    for a in range(0, len(order), SLICE_ITEMS):
        row_ids.extend([ids[k] for k in order[a:a + SLICE_ITEMS].tolist()])
    columns = EventColumns(
        origin_epoch_s=float(info["origin"]), ids=row_ids,
        band_count=int(info["band_count"]), open_whisker_s=float(info["whisker"]),
        **{name: arr[name] for name in _COLUMN_ARRAYS})
    extent = [float(x) for x in info["extent"]]
    if (len(extent) != 2 or not all(map(math.isfinite, (*extent, columns.origin_epoch_s, columns.open_whisker_s)))
            or not _columns_fit(columns, facts, n, len(meta_tl.tracks))):
        return None
    # a sample of events built and compared with their rows now (in the background), so that a cache
    # whose rows were rewritten is usually refused before anything is drawn; any other event is
    # compared when it is built (_assemble)
    rng = np.random.default_rng(int(digest[:16], 16))  # seeded by the file's hash: the same sample each open
    picked = rng.choice(n, size=min(n, CHECK_SAMPLE), replace=False) if CHECK_SAMPLE else np.zeros(0, np.int64)
    sample: list[int] = np.sort(picked).tolist()
    return _assemble(file, meta_tl, data, spans, ids, columns, info["zone"], extent, facts, sample,
                     worded=info["doc"].get("marks_hand_edits") is not True)[0]


CHECK_SAMPLE = 200
"""Events of a cache built and compared with their cached rows while it is read (:func:`_from_cache`)."""
_AHEAD = 256
"""Events built and compared together when a cache's events are read in order (:func:`_assemble`)."""
_DATES_DIFFER = "this event's dates are not where its cache draws it"
_TOLERANCE_S = 1e-3
"""Seconds two positions may differ by and still be the same (recomputed: the same floats in practice)."""
_ROW_FLOATS = ("x0", "x1", "xm", "solid0", "solid1")


class _RowCheck:
    """Compares events built from a cache's text with the rows the cache holds for them: the
    same computation as the columns (:func:`~viewer.model.columns.drawn_values`,
    :func:`~viewer.model.columns.calendar_values`, one row per drawn event via
    ``event_index``) and the filters' facts (earliest, latest).

    The arrays are the ones read from the cache (a document edits a copy); the row of each
    event (an inverse of ``event_index``, N int64) is made the first time it is needed."""

    def __init__(self, columns: EventColumns, facts: EventFacts | None, meta_tl: Timeline, n: int) -> None:
        self.n = n
        self.event_index = columns.event_index
        self.arrays = {name: getattr(columns, name) for name in (*_ROW_FLOATS, "lane", "kind", "flags",
                                                                 "cal_start", "cal_end")}
        self.origin, self.whisker = columns.origin_epoch_s, columns.open_whisker_s
        self.facts = facts
        self.track_index = meta_tl.track_index
        self.n_lanes = len(meta_tl.tracks)
        ref = meta_tl.reference_date
        self.reference = None if ref is None else ref.earliest
        self._row: np.ndarray | None = None

    def row_of(self) -> np.ndarray:
        """Each event's row (int64 (N,)), -1 for an event not drawn."""
        if self._row is None:  # a slice of rows at a time (one scatter of 10^6 held the lock ~30 ms)
            row = np.full(self.n, -1, dtype=np.int64)
            order, step = self.event_index, SLICE_ITEMS * 4
            for a in range(0, len(order), step):
                row[order[a:a + step]] = np.arange(a, min(a + step, len(order)), dtype=np.int64)
            self._row = row
        return self._row

    def differing(self, indices: Sequence[int], events: Sequence[Event]) -> list[int]:
        """Those of ``indices`` (event indices) whose ``events`` (built, same order) differ from
        their cached rows or facts: a list, empty when all agree."""
        with np.errstate(invalid="ignore"):  # (once: entering it costs more than comparing one row)
            return self._differing(indices, events)

    def _differing(self, indices: Sequence[int], events: Sequence[Event]) -> list[int]:
        d = DateArrays.from_events(events, self.track_index, self.n_lanes, self.reference)
        kind, x0, x1, xm, solid0, solid1, flags, lane, keep = drawn_values(d, self.whisker)
        cal_start, cal_end = calendar_values(d)
        idx = np.asarray(indices, dtype=np.int64)
        rows = self.row_of()[idx]
        bad = (rows >= 0) != keep
        r = np.where(rows >= 0, rows, 0)
        a = self.arrays
        drawn = rows >= 0
        mine = {"x0": x0, "x1": x1, "xm": xm, "solid0": solid0, "solid1": solid1}
        for name in _ROW_FLOATS:
            bad |= drawn & ~_same(a[name][r], mine[name] - self.origin)
        for name, value in (("cal_start", cal_start), ("cal_end", cal_end)):
            if a[name] is not None:
                bad |= drawn & ~_same(a[name][r], value)
        bad |= drawn & ((a["lane"][r] != lane) | (a["kind"][r] != kind) | (a["flags"][r] != flags))
        if self.facts is not None:
            latest = np.where(d.has_end, d.end_latest, d.start_latest)
            bad |= ~_same(self.facts.earliest[idx], d.start_earliest) | ~_same(self.facts.latest[idx], latest)
        return [int(i) for i in idx[bad]]


def _same(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Element-wise: equal (infinities included), both NaN, or within :data:`_TOLERANCE_S`
    (call it where invalid values are ignored: ``inf - inf``)."""
    out: np.ndarray = (a == b) | (np.isnan(a) & np.isnan(b)) | (np.abs(a - b) <= _TOLERANCE_S)
    return out


_JSON_SPACE = b" \t\n\r"
_IS_SPACE = np.zeros(256, dtype=bool)
_IS_SPACE[list(_JSON_SPACE)] = True
_SHORT_GAP = 64
"""Bytes between two events' texts gathered by numpy (:func:`_spans_on_items`); a longer gap
(a file padded with whitespace) is looked at on its own."""


def _spans_on_items(data: bytes, spans: np.ndarray, skip: int) -> bool:
    """Whether ``spans`` ((N, 2) byte offsets, in order, not overlapping: checked before) are
    the items of the file's events list, each a whole item: each starts on ``{`` preceded
    (after whitespace) by ``[`` or ``,``, ends after ``}`` followed (after whitespace) by ``,``
    or ``]``, and the bytes between two of them are whitespace and one comma.

    A cache rewritten with a valid checksum whose offsets pointed at an object inside an
    event (its own ``{"edtf": ...}`` start) passed every other check, and building that
    event crashed the window (``KeyError: 'start'``).  The gaps are read by numpy a byte
    offset at a time over all gaps still open (a few steps: the gaps are a few bytes),
    a gap longer than :data:`_SHORT_GAP` on its own; ``skip``: bytes of a byte order mark."""
    view = np.frombuffer(data, dtype=np.uint8)
    if np.any(view[spans[:, 0]] != ord("{")) or np.any(view[spans[:, 1] - 1] != ord("}")):
        return False
    if not data[skip:int(spans[0, 0])].rstrip(_JSON_SPACE).endswith(b"["):
        return False
    if not data[int(spans[-1, 1]):].lstrip(_JSON_SPACE).startswith(b"]"):
        return False
    ends, starts = spans[:-1, 1], spans[1:, 0]
    gap = starts - ends
    if np.any(gap == 0):
        return False
    long_gaps = np.flatnonzero(gap > _SHORT_GAP)
    for k in long_gaps.tolist():  # rare: a file padded with whitespace
        if data[int(ends[k]):int(starts[k])].strip(_JSON_SPACE) != b",":
            return False
    short = np.flatnonzero(gap <= _SHORT_GAP)
    for a in range(0, len(short), SLICE_ITEMS * 4):  # a slice of gaps at a time (the lock)
        rows = short[a:a + SLICE_ITEMS * 4]
        pos, left = ends[rows], gap[rows]
        commas = np.zeros(len(rows), dtype=np.int64)
        where = np.arange(len(rows))
        while len(pos):
            b = view[pos]
            if np.any(~_IS_SPACE[b] & (b != ord(","))):
                return False
            commas[where] += b == ord(",")
            pos, left = pos + 1, left - 1
            live = left > 0
            pos, left, where = pos[live], left[live], where[live]
        if np.any(commas != 1):
            return False
    return True


SLICE_ITEMS = 50_000
"""Ids split or checked per step when a cache is read (:func:`_lines`, :func:`_distinct`)."""


def _lines(blob: str) -> list[str]:
    """``blob.split("\\n")``, a slice of about :data:`SLICE_ITEMS` lines at a time.

    One ``split`` of a million ids held the interpreter lock for about 120 ms
    and one ``set`` of them about 250 ms: a cache read in a background thread
    (:mod:`viewer.ui.opening`) froze the window that long.  Between slices
    other threads run."""
    sample = min(len(blob), 1 << 16)
    step = max(1, sample // (blob.count("\n", 0, sample) + 1)) * SLICE_ITEMS  # characters of SLICE_ITEMS lines
    out: list[str] = []
    a = 0
    while True:
        b = blob.find("\n", a + step) if a + step < len(blob) else -1
        if b < 0:
            out.extend(blob[a:].split("\n"))
            return out
        out.extend(blob[a:b].split("\n"))
        a = b + 1


def _distinct(items: list[str]) -> bool:
    """Whether no two of ``items`` are equal.

    Their hashes first (a slice at a time, then sorted by numpy without the
    interpreter lock): distinct hashes, distinct items.  Only when two hashes
    are equal does a set decide (built a slice at a time: :func:`_lines`); a set
    of a million ids alone held the lock 30-40 ms in one resize."""
    n = len(items)
    hashes = np.empty(n, dtype=np.int64)
    for a in range(0, n, SLICE_ITEMS):
        part = items[a : a + SLICE_ITEMS]
        hashes[a : a + len(part)] = np.fromiter(map(hash, part), dtype=np.int64, count=len(part))
    hashes.sort()
    if not np.any(hashes[1:] == hashes[:-1]):
        return True
    seen: set[str] = set()
    for a in range(0, len(items), SLICE_ITEMS):
        seen.update(items[a : a + SLICE_ITEMS])
    return len(seen) == len(items)


def _is_permutation(a: np.ndarray, rows: int) -> bool:
    return (a.dtype.kind == "i" and len(a) == rows
            and (rows == 0 or (a.min() >= 0 and a.max() < rows and bool(np.all(np.bincount(a, minlength=rows) == 1)))))


def _columns_fit(c: EventColumns, facts: EventFacts, n: int, n_lanes: int) -> bool:
    """Whether cached columns are ones :meth:`EventColumns.from_dates` could have made for
    ``n`` events on ``n_lanes`` tracks: every index within its table, every order a
    permutation, every derived array equal to its recomputation, no NaN.  A cache
    that passes its checksum can still have been rewritten (issue 10): the view
    indexes with these numbers, so anything else is rebuilt, never drawn."""
    rows = len(c.event_index)
    if rows > n or any(len(getattr(c, name)) != rows for name in _COLUMN_ARRAYS if name != "lane_bounds"):
        return False
    if c.event_index.dtype.kind != "i" or not (rows == 0 or (c.event_index.min() >= 0 and c.event_index.max() < n)):
        return False
    if rows and np.bincount(c.event_index, minlength=n).max() > 1:
        return False
    lane, kind = c.lane, c.kind
    if lane.dtype.kind != "i" or kind.dtype.kind != "i" or c.flags.dtype != np.uint8:
        return False
    if rows and (lane.min() < BAND_LANE or lane.max() >= n_lanes or np.any(np.diff(lane) < 0)
                 or np.any((kind == KIND_BAND) != (lane == BAND_LANE)) or kind.min() < 0 or kind.max() > KIND_BAND):
        return False
    if c.band_count != int(np.count_nonzero(lane == BAND_LANE)):
        return False
    bounds = np.searchsorted(lane, np.arange(n_lanes + 1), side="left")
    if c.lane_bounds.shape != bounds.shape or not np.array_equal(c.lane_bounds, bounds):
        return False
    floats = (c.x0, c.x1, c.xm, c.solid0, c.solid1, c.x1_cummax)
    if any(a.dtype.kind != "f" or np.isnan(a).any() for a in floats):
        return False
    # a row whose year is unknown (XXXX-06-10) is placed nowhere: +inf in x0, x1 and xm, as
    # DateArrays makes it (FLAG_YEAR_UNKNOWN); every other row is placed, so finite but an open side
    nowhere = (c.flags & FLAG_YEAR_UNKNOWN) > 0
    if np.any(nowhere & ~((c.x0 == np.inf) & (c.x1 == np.inf) & (c.xm == np.inf))):
        return False
    placed = ~nowhere
    if (not np.isfinite(c.xm[placed]).all() or np.any(c.x0[placed] == np.inf)
            or np.any(c.x1[placed] == -np.inf)):
        return False
    open_span = kind == KIND_SPAN  # only a span's open side is infinite (the painter runs it to the edge)
    if (np.any(placed & np.isinf(c.x0) & ~(open_span & (c.flags & FLAG_OPEN_START > 0)))
            or np.any(placed & np.isinf(c.x1) & ~(open_span & (c.flags & FLAG_OPEN_END > 0)))):
        return False
    blocks = [(0, c.band_count)] + [(int(bounds[k]), int(bounds[k + 1])) for k in range(n_lanes)]
    for a, b in blocks:
        if b > a and not np.array_equal(c.x1_cummax[a:b], np.maximum.accumulate(c.x1[a:b])):
            return False
    if c.xm_order is None or not _is_permutation(c.time_order, rows) or not _is_permutation(c.xm_order, rows):
        return False
    lo, xo = np.diff(lane[c.xm_order]), np.diff(c.xm[c.xm_order])
    if np.any(lo < 0) or np.any((lo == 0) & (xo < 0)):
        return False
    if not (len(facts.lane) == len(facts.earliest) == len(facts.latest) == n) or facts.lane.dtype.kind != "i":
        return False
    if facts.lane.min() < -2 or facts.lane.max() >= n_lanes:
        return False
    if np.isnan(facts.earliest).any() or np.isnan(facts.latest).any():
        return False
    rich = facts.rich
    return rich.dtype.kind == "i" and (len(rich) == 0 or (rich.min() >= 0 and rich.max() < n))
