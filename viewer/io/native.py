"""Reader and writer of the native timeline file (``*.timeline.json``, version 1).

The format is specified in ``docs/format.md`` and, as far as JSON Schema can
express it, by ``resources/timeline.schema.json`` (draft 2020-12).  Reading a
file goes through four stages, and every stage reports *all* the problems it
finds (each a :class:`~viewer.model.errors.Problem` naming the file, the line
and column, the JSON path and the event id) before giving up:

1. bytes: size limit, UTF-8 (a UTF-8 byte order mark is accepted and dropped;
   UTF-16/32 and invalid bytes are reported with their byte offset and line);
2. JSON: syntax (with the line and column :mod:`json` reports), values JSON
   does not have (``NaN``), duplicated keys, nesting far deeper than the
   format allows;
3. schema: every error of :class:`jsonschema.Draft202012Validator`, reworded
   to say what was expected;
4. meaning: unique ids, references to tracks and sources, EDTF dates that are
   in the calendar, time zones that exist, ends not before starts, spans with
   an end, ``..`` only where an open end makes sense.

The only exception :func:`read_native` raises is
:class:`~viewer.model.errors.TimelineLoadError`.

Pure Python, no Qt.
"""

from __future__ import annotations

import codecs
import difflib
import functools
import json
import math
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from viewer.model.dates import EventDate, Precision
from viewer.model.errors import DateError, Problem, TimelineLoadError
from viewer.model.story import Story, StoryStep
from viewer.model.timeline import (
    Draft,
    Event,
    EventKind,
    Quote,
    QuoteKind,
    Source,
    SourceKind,
    Timeline,
    Track,
)

from .atomic import write_bytes_atomic
from .jsonpos import PathPart, SourcePositions, offset_to_line_column
from .progress import ReadCancelled
from .regular import read_regular_file, require_regular_file

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "MAX_DEPTH",
    "load_schema",
    "read_native",
    "write_native",
    "timeline_from_dict",
    "timeline_to_dict",
    "looks_native",
]

FORMAT_NAME = "timeline-viewer"
"""Value of the ``format`` field of every native file."""
FORMAT_VERSION = 1
"""The format version this module reads and writes."""
MAX_FILE_BYTES = 400 * 1024 * 1024
"""Files larger than this (400 MB, room for a few million events) are refused before being read."""
BULK_MIN_BYTES = 256 * 1024
"""Files at least this large (256 KB, some 2,500 events) are read by
:mod:`viewer.io.bulk`: columnar arrays, events built on demand, a cache next
to the file.  Anything it cannot vouch for goes through the full reader."""
MAX_DEPTH = 32
"""Deepest nesting of JSON arrays/objects accepted (a valid file needs 5)."""

_PRECISIONS = {"hour": Precision.HOUR, "minute": Precision.MINUTE}
_EXAMPLE = '{"format": "timeline-viewer", "version": 1, "title": "…", "tracks": [], "events": []}'


# ---------------------------------------------------------------------------
# schema


@functools.lru_cache(maxsize=1)
def load_schema() -> dict:
    """The JSON Schema of the native format (``resources/timeline.schema.json``).

    Returns
    -------
    dict
        The parsed schema (cached; do not modify it).
    """
    text = resources.files("viewer.resources").joinpath("timeline.schema.json").read_text("utf-8")
    return json.loads(text)


@functools.lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema())


# ---------------------------------------------------------------------------
# small helpers


class _Problems:
    """Collects problems of one document, locating JSON paths in its text."""

    def __init__(self, file: str, data: Any, text: str | None) -> None:
        self.file = file
        self.data = data
        self.items: list[Problem] = []
        self._positions = SourcePositions(text) if text else None

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int | None, int | None]:
        if self._positions is None:
            return None, None
        return self._positions.locate(path, key=key)

    def add(
        self, path: Sequence[PathPart], message: str, *, key: bool = False, location: str | None = None
    ) -> None:
        line, column = self.locate(path, key=key)
        where = _location(path, self.data) if location is None else location
        self.items.append(Problem(self.file, message, line, column, where))

    def line_of(self, path: Sequence[PathPart]) -> str:
        """`` (line N)`` or ``""``: where an earlier, conflicting value is."""
        line, _ = self.locate(path)
        return f" (line {line})" if line is not None else ""

    def sorted(self) -> list[Problem]:
        big = math.inf
        return sorted(
            self.items,
            key=lambda p: (big if p.line is None else p.line, big if p.column is None else p.column),
        )


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _format_path(path: Sequence[PathPart]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENT.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def _location(path: Sequence[PathPart], data: Any) -> str:
    """``events[3].start (event 'drills-end')``: the path, plus the event id."""
    text = _format_path(path)
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


def _short(value: Any, limit: int = 60) -> str:
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


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {_short(value)}"
    if isinstance(value, str):
        return f"the string {_short(value)}"
    if isinstance(value, list):
        return "a list [...]"
    if isinstance(value, dict):
        return "an object {...}"
    return type(value).__name__


_TYPE_WORDS = {
    "string": "a string (text in double quotes)",
    "object": "an object {...}",
    "array": "a list [...]",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}
_DATE_WORDS = ('a date: an EDTF string such as "2022-02-10" or an object such as '
               '{"edtf": "2022-02-10", "phrase": "on Thursday"}')


def _zone_ok(name: str) -> bool:
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except Exception:  # noqa: BLE001 - ZoneInfoNotFoundError, ValueError, IsADirectoryError...
        return False
    return True


_TIME_NO_OFFSET = re.compile(r"T\d\d:\d\d:\d\d(?!\d|Z|[+-]\d)")


def _needs_zone(edtf_text: str) -> bool:
    """True when the EDTF value has a time of day without a UTC offset."""
    return bool(_TIME_NO_OFFSET.search(edtf_text))


def _known(ids: Iterable[str], limit: int = 12) -> str:
    ids = list(ids)
    if not ids:
        return "none are defined"
    shown = ", ".join(repr(i) for i in ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _suggest(word: str, choices: Iterable[str]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {match[0]!r}?" if match else ""


# ---------------------------------------------------------------------------
# stage 1: bytes


def _problem_from_oserror(file: str, exc: OSError) -> Problem:
    """A :class:`Problem` for a file that cannot be opened or read."""
    if isinstance(exc, FileNotFoundError):
        message = "no such file (check the name and the folder)"
    elif isinstance(exc, IsADirectoryError):
        message = "this is a folder, not a timeline file"
    elif isinstance(exc, PermissionError):
        message = "permission denied: you are not allowed to read this file"
    elif isinstance(exc, NotADirectoryError):
        message = "no such file: a part of the path is not a folder"
    else:
        message = f"cannot read the file: {exc.strerror or exc}"
    return Problem(file, message)


def _size_text(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _read_bytes(path: str | os.PathLike, file: str) -> bytes:
    limit_text = f"timeline files are limited to {MAX_FILE_BYTES // (1024 * 1024)} MB"
    info = require_regular_file(path, file)  # a pipe or a device is refused before it is opened
    if info.st_size > MAX_FILE_BYTES:
        raise TimelineLoadError(
            [Problem(file, f"the file is too large ({_size_text(info.st_size)}); {limit_text}")]
        )
    data = read_regular_file(path, file, MAX_FILE_BYTES)
    if len(data) > MAX_FILE_BYTES:
        raise TimelineLoadError(
            [Problem(file, f"the file is too large (over {_size_text(MAX_FILE_BYTES)}); {limit_text}")]
        )
    return data


def _byte_place(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _decode(data: bytes, file: str) -> str:
    """The text of the file: strict UTF-8, an optional UTF-8 BOM removed."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if data.startswith(bom):
            raise TimelineLoadError(
                [Problem(file, f"the file is encoded as {name} (it starts with a {name} byte order mark); "
                         "save it as UTF-8", 1, 1)]
            )
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    nul = data.find(b"\x00", skip)
    if nul >= 0:
        line, column = _byte_place(data, nul)
        raise TimelineLoadError(
            [Problem(file, f"the file contains a NUL byte at byte offset {nul}: it is not UTF-8 text "
                     "(UTF-16 without a byte order mark, or a binary file?); save it as UTF-8",
                     line, column)]
        )
    try:
        return data[skip:].decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        line, column = _byte_place(data, offset)
        bad = data[offset : offset + 1].hex()
        raise TimelineLoadError(
            [Problem(file, f"the file is not valid UTF-8: byte 0x{bad} at byte offset {offset} "
                     f"({exc.reason}); save the file as UTF-8 (was it written as Latin-1 or Windows-1252?)",
                     line, column)]
        ) from None


# ---------------------------------------------------------------------------
# stage 2: JSON


class _BadConstant(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _BadConstant(name)


_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')


def _too_deep_offset(text: str, limit: int) -> int | None:
    """Character offset of the first ``[`` or ``{`` nested deeper than ``limit``."""
    depth = 0
    for match in _TOKENS.finditer(text):
        char = text[match.start()]
        if char in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif char in "]}":
            depth -= 1
    return None


def _token_offset(text: str, pattern: str) -> int | None:
    """Offset of the first match of ``pattern`` outside JSON strings."""
    regex = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|(' + pattern + ")")
    for match in regex.finditer(text):
        if match.group(1) is not None:
            return match.start(1)
    return None


def _too_deep_problem(file: str, text: str) -> Problem:
    offset = _too_deep_offset(text, MAX_DEPTH)
    line, column = offset_to_line_column(text, offset) if offset is not None else (None, None)
    return Problem(
        file,
        f"lists and objects are nested more than {MAX_DEPTH} levels deep; a timeline file needs "
        "at most 5 levels (is this a timeline file?)",
        line,
        column,
    )


def _json_syntax_message(exc: json.JSONDecodeError, text: str) -> str:
    msg = exc.msg
    if exc.pos >= len(text.rstrip(" \t\r\n")):
        return f"the JSON ends too early ({msg.lower()}): the file looks truncated or a bracket is missing"
    hints = {
        "Expecting property name enclosed in double quotes": (
            "expected a field name in double quotes (a comma before '}' or a key without quotes?)"
        ),
        "Expecting value": "expected a JSON value (a string, number, list, object, true, false or null)",
        "Extra data": "unexpected text after the end of the JSON document (a second object, or a stray bracket?)",
        "Invalid control character at": (
            "a raw line break, tab or control character inside a string; write it as \\n or \\t"
        ),
        "Unterminated string starting at": "a string is not closed (a missing double quote?)",
        "Invalid \\escape": "invalid backslash escape in a string (write \\\\ for a backslash)",
        "Expecting ',' delimiter": "expected ',' between two values (a missing comma?)",
        "Expecting ':' delimiter": "expected ':' after a field name",
    }
    return "not valid JSON: " + hints.get(msg, msg)


def _parse_json(text: str, file: str) -> tuple[Any, list[tuple[int, str]], list[dict]]:
    """Parse ``text``; returns (data, duplicated keys by object id, keep-alive list)."""
    if not text.strip(" \t\r\n"):
        what = "empty" if not text else "contains only whitespace"
        raise TimelineLoadError(
            [Problem(file, f"the file {'is ' if not text else ''}{what}; "
                     f"expected a timeline as a JSON object such as {_EXAMPLE}", 1, 1)]
        )
    duplicates: list[tuple[int, str]] = []
    keep: list[dict] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.append((id(obj), key))
                seen.add(key)
            keep.append(obj)
        return obj

    try:
        data = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise TimelineLoadError(
            [Problem(file, _json_syntax_message(exc, text), exc.lineno, exc.colno)]
        ) from None
    except RecursionError:
        raise TimelineLoadError([_too_deep_problem(file, text)]) from None
    except _BadConstant as exc:
        name = str(exc)
        offset = _token_offset(text, re.escape(name))
        line, column = offset_to_line_column(text, offset) if offset is not None else (None, None)
        raise TimelineLoadError(
            [Problem(file, f"not valid JSON: {name} is not a JSON number (JSON has no NaN or Infinity)",
                     line, column)]
        ) from None
    except ValueError as exc:  # e.g. an integer literal with more than 4300 digits
        offset = _token_offset(text, r"-?\d{1000,}")
        line, column = offset_to_line_column(text, offset) if offset is not None else (None, None)
        raise TimelineLoadError([Problem(file, f"not valid JSON: {exc}", line, column)]) from None
    return data, duplicates, keep


# ---------------------------------------------------------------------------
# stage 2b: structure walk (depth, duplicated keys, unpaired surrogates)


def _walk_checks(data: Any, report: _Problems, duplicates: Sequence[tuple[int, str]]) -> bool:
    """Checks on the raw structure; returns False when the data is too deep to validate."""
    dup_keys: dict[int, list[str]] = {}
    for obj_id, key in duplicates:
        dup_keys.setdefault(obj_id, []).append(key)
    stack: list[tuple[Any, tuple[PathPart, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, (dict, list)) and len(path) >= MAX_DEPTH:
            report.add(
                path,
                f"lists and objects are nested more than {MAX_DEPTH} levels deep; a timeline file "
                "needs at most 5 levels",
                location=_location(path[:4], report.data) + "…",
            )
            return False
        if isinstance(value, dict):
            for key in dup_keys.get(id(value), ()):
                report.add(
                    (*path, key),
                    f"field {key!r} appears more than once in the same object; only the last one "
                    "would be used, so remove or rename the others",
                    key=True,
                )
            for key, item in reversed(list(value.items())):
                if not isinstance(key, str):
                    continue
                if not key.isascii() and _has_lone_surrogate(key):
                    report.add((*path, key), "a field name contains an unpaired \\ud800-\\udfff escape", key=True)
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            for index in range(len(value) - 1, -1, -1):
                stack.append((value[index], (*path, index)))
        elif isinstance(value, str) and not value.isascii() and _has_lone_surrogate(value):
            report.add(
                path,
                "the text contains an unpaired UTF-16 surrogate escape (\\ud800-\\udfff), "
                "which is not a character",
            )
    return True


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# ---------------------------------------------------------------------------
# stage 3: schema


def _schema_problems(data: Any, report: _Problems) -> None:
    seen_required: set[tuple[PathPart, ...]] = set()
    for error in _validator().iter_errors(data):
        path = tuple(error.absolute_path)
        if error.validator == "required":
            if path in seen_required:
                continue
            seen_required.add(path)
        for sub_path, message, key in _explain(error, path):
            report.add(sub_path, message, key=key)


def _explain(error: ValidationError, path: tuple[PathPart, ...]) -> Iterator[tuple[tuple[PathPart, ...], str, bool]]:
    """Plain-words messages for one schema error: (path, message, point at key)."""
    kind = error.validator
    value = error.validator_value
    instance = error.instance
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    last = path[-1] if path else None
    in_event = len(path) >= 2 and path[0] == "events" and isinstance(path[1], int)

    if kind == "type":
        types = [value] if isinstance(value, str) else list(value)
        if {"string", "object"} <= set(types):
            expected = _DATE_WORDS + (", or null" if "null" in types else "")
        else:
            expected = " or ".join(_TYPE_WORDS.get(t, t) for t in types)
        if not path:
            yield path, (
                f"the file must hold one JSON object {{...}} describing the timeline, but it holds "
                f"{_kind_of(instance)}; expected for example {_EXAMPLE}"
            ), False
        else:
            yield path, f"expected {expected}, got {_kind_of(instance)}", False
    elif kind == "required":
        missing = [name for name in value if isinstance(instance, Mapping) and name not in instance]
        for name in missing:
            if name == "track" and in_event and len(path) == 2:
                message = (
                    "missing required field 'track': a point or a span is drawn on a track, so give "
                    "the id of one (only a band, \"kind\": \"band\", may go without)"
                )
            elif name == "format" and not path:
                message = ('missing required field \'format\': expected "format": "timeline-viewer" '
                           '(is this a timeline file?)')
            elif name == "version" and not path:
                message = f"missing required field 'version': expected \"version\": {FORMAT_VERSION}"
            elif name == "title" and not path:
                message = "missing required field 'title': the timeline needs a non-empty title"
            elif name in ("tracks", "events") and not path:
                message = f"missing required field {name!r}: expected a list (it may be empty: \"{name}\": [])"
            else:
                message = f"missing required field {name!r}"
            yield path, message, False
    elif kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extras = [k for k in instance if k not in allowed] if isinstance(instance, Mapping) else []
        for extra in extras:
            yield (*path, extra), (
                f"unknown field {extra!r}{_suggest(extra, allowed)} (allowed here: {', '.join(allowed)})"
            ), True
    elif kind == "const":
        if path == ("format",):
            message = f'expected "format": "{FORMAT_NAME}", got {_kind_of(instance)} (is this a timeline file?)'
        elif path == ("version",):
            message = (
                f"this viewer reads format version {FORMAT_VERSION}; the file says version {_short(instance)}"
            )
        else:
            message = f"expected {_short(value)}, got {_kind_of(instance)}"
        yield path, message, False
    elif kind == "enum":
        choices = ", ".join(_short(v) for v in value)
        suggestion = _suggest(str(instance), map(str, value))
        yield path, f"expected one of {choices}; got {_kind_of(instance)}{suggestion}", False
    elif kind == "pattern":
        if last == "color":
            message = f'expected a colour written #rrggbb such as "#4a6fa5", got {_kind_of(instance)}'
        elif last == "title" and value == "\\S":
            message = f"a title must have some text (it labels the event on the timeline), got {_kind_of(instance)}"
        else:
            message = f"{_kind_of(instance)} does not have the expected form ({value})"
        yield path, message, False
    elif kind == "minLength":
        if last in ("id", "event") or (len(path) >= 2 and path[-2] in ("sources", "tracks") and isinstance(last, int)):
            message = "an id must be a non-empty string"
        elif last == "title":
            message = "the title must not be empty"
        elif last == "time_zone":
            message = 'expected an IANA time zone name such as "Europe/Minsk" or "UTC", got an empty string'
        elif "edtf" in schema.get("properties", {}) or last == "edtf":
            message = ('a date must not be empty; write an EDTF date such as "2022-02-10" '
                       '(or ".." for an open end of a span)')
        else:
            message = "must not be empty"
        yield path, message, False
    else:
        message = error.message
        if len(message) > 200:
            message = message[:199] + "…"
        yield path, message, False


# ---------------------------------------------------------------------------
# stage 4: meaning


class _Checker:
    """Semantic checks of (possibly schema-invalid) data; keeps parsed dates."""

    def __init__(self, data: Any, report: _Problems) -> None:
        self.data = data
        self.report = report
        self.dates: dict[tuple[PathPart, ...], EventDate] = {}
        self.zone = "UTC"

    # -- dates ---------------------------------------------------------
    def date(self, value: Any, path: tuple[PathPart, ...], *, allow_open: bool, what: str) -> EventDate | None:
        """Parse a date value; report problems; None if absent or bad."""
        phrase = basis = ""
        zone: str | None = None
        precision: Precision | None = None
        edtf_path = path
        if isinstance(value, str):
            text = value
        elif isinstance(value, Mapping):
            text = value.get("edtf")
            edtf_path = (*path, "edtf")
            phrase = value.get("phrase") if isinstance(value.get("phrase"), str) else ""
            basis = value.get("basis") if isinstance(value.get("basis"), str) else ""
            tz = value.get("time_zone")
            if isinstance(tz, str) and tz:
                if not _zone_ok(tz):
                    self.report.add(
                        (*path, "time_zone"),
                        f"unknown IANA time zone {tz!r}{_zone_hint(tz)}",
                    )
                    return None
                zone = tz
            elif tz is not None:
                return None  # reported by the schema
            precision = _PRECISIONS.get(value.get("precision")) if isinstance(value.get("precision"), str) else None
        else:
            return None
        if not isinstance(text, str) or not text:
            return None  # reported by the schema
        if text.strip() == ".." and not allow_open:
            self.report.add(
                edtf_path,
                f"'..' (open, not stated) is only allowed as the start or end of a span or band, not as "
                f"{what}; for a date known only to be before or after a day write [..2022-02-10] or "
                "[2022-02-10..]",
            )
            return None
        if zone is None and _needs_zone(text):
            zone = self.zone
        try:
            parsed = _event_date(text, phrase, basis, zone, precision)
        except DateError as exc:
            self.report.add(edtf_path, f"{exc}{_date_hint(text)}")
            return None
        except Exception as exc:  # noqa: BLE001 - the edtf package raises assorted errors
            self.report.add(edtf_path, f"{text!r} could not be read as an EDTF date ({type(exc).__name__}: {exc})")
            return None
        self.dates[path] = parsed
        return parsed

    def order(
        self, start: EventDate | None, end: EventDate | None, path: tuple[PathPart, ...], what: str
    ) -> None:
        """Report an end that comes before the start; ``path`` is the end's."""
        if start is None or end is None:
            return
        if math.isfinite(end.latest) and math.isfinite(start.earliest) and end.latest <= start.earliest:
            self.report.add(
                path,
                f"{what} ends before it starts: end {end.edtf!r} ({_describe(end)}) is before start "
                f"{start.edtf!r} ({_describe(start)}); the end must not come before the start "
                "(the same date is allowed: a zero-length span)",
            )

    # -- ids -----------------------------------------------------------
    def ids(self, key: str, noun: str) -> dict[str, tuple[PathPart, ...]]:
        """First path of each id in ``data[key]``; duplicates reported."""
        found: dict[str, tuple[PathPart, ...]] = {}
        items = self.data.get(key)
        if not isinstance(items, list):
            return found
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                continue
            item_id = item.get("id")
            if not isinstance(item_id, str) or not item_id:
                continue
            path = (key, index, "id")
            if item_id in found:
                first = found[item_id]
                self.report.add(
                    path,
                    f"duplicate {noun} id {item_id!r}: already used by {_format_path(first[:-1])}"
                    f"{self.report.line_of(first)}; ids must be unique",
                )
            else:
                found[item_id] = path
        return found

    def ids_of(self, key: str) -> dict[str, int]:
        """Index of each id in ``data[key]`` (first occurrence), reporting nothing."""
        found: dict[str, int] = {}
        for index, item in _objects(self.data.get(key)):
            item_id = item.get("id")
            if isinstance(item_id, str) and item_id and item_id not in found:
                found[item_id] = index
        return found

    def reference(self, value: Any, known: Mapping[str, Any], path: tuple[PathPart, ...], noun: str) -> None:
        if isinstance(value, str) and value and value not in known:
            self.report.add(
                path,
                f"unknown {noun} {value!r}{_suggest(value, known)} (known {noun}s: {_known(known)})",
            )

    # -- whole document --------------------------------------------------
    def run(self) -> None:
        data = self.data
        if not isinstance(data, Mapping):
            return
        zone = data.get("time_zone")
        if isinstance(zone, str) and zone:
            if _zone_ok(zone):
                self.zone = zone
            else:
                self.report.add(("time_zone",), f"unknown IANA time zone {zone!r}{_zone_hint(zone)}")
        if "reference_date" in data:
            self.date(data["reference_date"], ("reference_date",), allow_open=False, what="a reference date")
        home = data.get("home")
        if isinstance(home, Mapping):
            start = self.date(home.get("start"), ("home", "start"), allow_open=False, what="the home range's start")
            end = self.date(home.get("end"), ("home", "end"), allow_open=False, what="the home range's end")
            self.order(start, end, ("home", "end"), "the home range")

        tracks = self.ids("tracks", "track")
        sources = self.ids("sources", "source")
        self.ids("events", "event")

        for index, source in _objects(data.get("sources")):
            path: tuple[PathPart, ...] = ("sources", index)
            if "published" in source:
                self.date(source["published"], (*path, "published"), allow_open=False, what="a publication date")
            via = source.get("via")
            if isinstance(via, str) and via and via == source.get("id"):
                self.report.add((*path, "via"), f"source {via!r} cannot be relayed by itself (via)")
            else:
                self.reference(via, sources, (*path, "via"), "source")

        for index, event in _objects(data.get("events")):
            self.event(event, ("events", index), tracks, sources)
        _check_stories(self, self.ids_of("events"), tracks)

    def event(
        self,
        event: Mapping[str, Any],
        path: tuple[PathPart, ...],
        tracks: Mapping[str, Any],
        sources: Mapping[str, Any],
    ) -> None:
        raw_kind = event.get("kind", "point")
        kind = raw_kind if raw_kind in ("point", "span", "band") else None
        track = event.get("track")
        if isinstance(track, str):
            if not track and kind in ("point", "span"):
                self.report.add(
                    (*path, "track"),
                    f"a {kind} needs a track: give the id of one (known tracks: {_known(tracks)})",
                )
            else:
                self.reference(track, tracks, (*path, "track"), "track")
        allow_open = kind in ("span", "band")
        what = "the date of a point (use \"kind\": \"span\" for something still going on)"
        start = None
        if "start" in event:
            start = self.date(event["start"], (*path, "start"), allow_open=allow_open, what=what)
        end_value = event.get("end")
        end = None
        if end_value is not None:
            if kind == "point":
                self.report.add(
                    (*path, "end"),
                    "a point has no end: set \"kind\": \"span\" (or \"band\") for something that lasted, "
                    "or remove \"end\"",
                )
            else:
                end = self.date(end_value, (*path, "end"), allow_open=allow_open, what=what)
        elif kind == "span":
            self.report.add(
                path,
                "a span needs an end: add \"end\" (write \"end\": \"..\" when the end is not stated "
                "or it is still going on)",
            )
        if kind in ("span", "band"):
            self.order(start, end, (*path, "end"), f"this {kind}")
            if start is not None and end is not None and start.is_open and end.is_open:
                self.report.add(
                    (*path, "start"),
                    f"this {kind} has no known date at all ('..' to '..'): it cannot be placed on the "
                    "timeline; give at least one end a date, e.g. \"[..2022-02-10]\" (on or before)",
                )
        for q_index, quote in _objects(event.get("quotes")):
            self.reference(quote.get("source"), sources, (*path, "quotes", q_index, "source"), "source")
        cited = event.get("sources")
        if isinstance(cited, list):
            for s_index, source_id in enumerate(cited):
                self.reference(source_id, sources, (*path, "sources", s_index), "source")


@functools.lru_cache(maxsize=8192)
def _event_date(
    text: str, phrase: str, basis: str, zone: str | None, precision: Precision | None
) -> EventDate:
    """EventDate construction, memoised: parsing EDTF is slow (pyparsing) and
    dates repeat; an EventDate is immutable, so equal arguments can share one."""
    return EventDate(text, phrase, basis, time_zone=zone, precision_override=precision)


def _objects(items: Any) -> Iterator[tuple[int, Mapping[str, Any]]]:
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, Mapping):
                yield index, item


def _describe(date: EventDate) -> str:
    try:
        return re.sub(r" \(to the \w+\)", "", date.describe())
    except Exception:  # noqa: BLE001 - only used in a message
        return date.edtf


def _zone_hint(name: str) -> str:
    if name != name.strip():
        return " (remove the spaces around it)"
    return '; expected an IANA name such as "Europe/Minsk", "America/New_York" or "UTC"'


_SLASHED = re.compile(r"^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*$")
_UNPADDED = re.compile(r"^\s*-?\d{1,4}-\d{1,2}(-\d{1,2})?\s*$")


def _date_hint(text: str) -> str:
    if _SLASHED.match(text):
        return (
            f" ({text.strip()!r} is ambiguous: day and month order is never guessed; "
            "write it as YYYY-MM-DD, e.g. 2022-03-04 or 2022-04-03, whichever the source means)"
        )
    if _UNPADDED.match(text) and not re.match(r"^\s*-?\d{4}-\d\d(-\d\d)?\s*$", text):
        return " (write years with 4 digits and months and days with 2, e.g. 2017-03-13)"
    return ""


# ---------------------------------------------------------------------------
# stories (top-level "stories": see viewer.model.story and docs/format.md)


def _story_name(story: Mapping[str, Any], index: int) -> str:
    title = story.get("title")
    return f"story {title!r}" if isinstance(title, str) and title else f"story {index + 1}"


def _check_stories(checker: _Checker, events: Mapping[str, int], tracks: Mapping[str, Any]) -> None:
    """Meaning of ``stories``: unique titles, known event and track ids, windows in order.

    Every message names the story (by title) and the step (1-based, as the
    presenter counts them); the location is the JSON path
    (``stories[0].steps[3].event``).
    """
    report = checker.report
    titles: dict[str, tuple[PathPart, ...]] = {}
    for s_index, story in _objects(checker.data.get("stories")):
        name = _story_name(story, s_index)
        title = story.get("title")
        if isinstance(title, str) and title:
            path: tuple[PathPart, ...] = ("stories", s_index, "title")
            if title in titles:
                report.add(path, f"{name}: another story already has this title{report.line_of(titles[title])}; "
                           "story titles must be unique")
            else:
                titles[title] = path
        dday = story.get("dday")
        if isinstance(dday, str) and dday.strip():
            ident = dday.strip().partition(":")[2].strip() if dday.strip().partition(":")[0] in ("band", "event") \
                else dday.strip()
            if ident not in events:
                report.add(("stories", s_index, "dday"),
                           f"{name}: D-day names unknown event or band {ident!r}{_suggest(ident, events)}; "
                           "expected EVENT_ID, event:EVENT_ID or band:BAND_ID")
        for k, step in _objects(story.get("steps")):
            base: tuple[PathPart, ...] = ("stories", s_index, "steps", k)
            where = f"{name}, step {k + 1}"
            event_id = step.get("event")
            if isinstance(event_id, str) and event_id and event_id not in events:
                report.add((*base, "event"), f"{where}: unknown event {event_id!r}{_suggest(event_id, events)} "
                           f"(known events: {_known(events)})")
            shown = step.get("tracks")
            if isinstance(shown, list):
                for t_index, track_id in enumerate(shown):
                    if isinstance(track_id, str) and track_id and track_id not in tracks:
                        report.add((*base, "tracks", t_index),
                                   f"{where}: unknown track {track_id!r}{_suggest(track_id, tracks)} "
                                   f"(known tracks: {_known(tracks)})")
            window = step.get("window")
            if isinstance(window, Mapping):
                start = checker.date(window.get("start"), (*base, "window", "start"), allow_open=False,
                                     what=f"the start of the window of {where}")
                end = checker.date(window.get("end"), (*base, "window", "end"), allow_open=False,
                                   what=f"the end of the window of {where}")
                if start is not None and end is not None and not end.latest > start.earliest:
                    report.add((*base, "window", "end"),
                               f"{where}: the window ends ({end.edtf!r}) before it starts ({start.edtf!r}); "
                               "expected an end after the start")


def _stories_from_json(data: Mapping[str, Any],
                       dates: Mapping[tuple[PathPart, ...], EventDate]) -> tuple[Story, ...]:
    """The checked ``stories`` of a document as model objects (window in epoch s)."""
    stories = []
    for s_index, story in enumerate(data.get("stories", [])):
        steps = []
        for k, step in enumerate(story.get("steps", [])):
            start = dates.get(("stories", s_index, "steps", k, "window", "start"))
            end = dates.get(("stories", s_index, "steps", k, "window", "end"))
            window = (start.earliest, end.latest) if start is not None and end is not None else None
            steps.append(StoryStep(event=step["event"], window=window,
                                   tracks=tuple(step.get("tracks", ())), note=_text(step, "note")))
        stories.append(Story(title=story["title"], steps=tuple(steps), description=_text(story, "description"),
                             dday=_text(story, "dday").strip() or None))
    return tuple(stories)


def _instant_edtf(epoch_s: float, *, end: bool) -> str:
    """An instant (epoch s, UTC) as EDTF: a day when it falls on 00:00 UTC, else to the second.

    A window's start is the *earliest* moment of its date and its end the
    *latest*, so a midnight end is written as the day before it
    (``2022-02-21T00:00Z`` -> ``"2022-02-20"``), and a start is rounded
    down and an end up to whole seconds.  Reading the text back gives the
    same instant (for whole seconds).
    """
    if not math.isfinite(epoch_s):
        raise ValueError(f"a story window must be finite, got {epoch_s}")
    t = math.ceil(epoch_s) if end else math.floor(epoch_s)
    if t % 86400 == 0:
        day = (t - 86400) if end else t
        return _iso(day)[:-9].rstrip("T")
    return _iso(t - 1 if end else t) + "Z"


def _iso(t: int) -> str:
    """``YYYY-MM-DDTHH:MM:SS`` for epoch seconds (any year numpy can hold; 4-digit years)."""
    import numpy as np

    text = str(np.datetime64(int(t), "s"))
    sign = "-" if text.startswith("-") else ""
    year, rest = text.lstrip("-+").split("-", 1)
    return f"{sign}{int(year):04d}-{rest}"


def _stories_to_json(stories: Sequence[Story]) -> list[dict[str, Any]]:
    out = []
    for story in stories:
        item: dict[str, Any] = {"title": story.title}
        if story.description:
            item["description"] = story.description
        if story.dday:
            item["dday"] = story.dday
        steps = []
        for step in story.steps:
            entry: dict[str, Any] = {"event": step.event}
            if step.window is not None:
                entry["window"] = {"start": _instant_edtf(step.window[0], end=False),
                                   "end": _instant_edtf(step.window[1], end=True)}
            if step.tracks:
                entry["tracks"] = list(step.tracks)
            if step.note:
                entry["note"] = step.note
            steps.append(entry)
        item["steps"] = steps
        out.append(item)
    return out


# ---------------------------------------------------------------------------
# building the model


def _text(obj: Mapping[str, Any], key: str) -> str:
    value = obj.get(key, "")
    return value if isinstance(value, str) else ""


def _event_from_dict(e: Mapping[str, Any], start: EventDate, end: EventDate | None) -> Event:
    """The :class:`Event` of a checked event object whose dates are parsed."""
    quotes = tuple(
        Quote(
            text=q["text"],
            speaker=_text(q, "speaker"),
            speaker_role=_text(q, "speaker_role"),
            source=_text(q, "source"),
            attribution=_text(q, "attribution"),
            kind=QuoteKind(q.get("kind", "direct")),
            offsets=_offsets(q.get("offsets")),
            credibility=_text(q, "credibility"),
        )
        for q in e.get("quotes", [])
    )
    draft = None
    if isinstance(e.get("draft"), Mapping):
        d = e["draft"]
        draft = Draft(sentence=_text(d, "sentence"), offsets=_offsets(d.get("offsets")) or (0, 0),
                      article=_text(d, "article"))
    return Event(
        id=e["id"],
        title=e["title"],
        start=start,
        track=_text(e, "track"),
        kind=EventKind(e.get("kind", "point")),
        end=end,
        summary=_text(e, "summary"),
        actors=tuple(e.get("actors", ())),
        location=_text(e, "location"),
        tags=tuple(e.get("tags", ())),
        quotes=quotes,
        sources=tuple(e.get("sources", ())),
        draft=draft,
        planned=e.get("status") == "planned",
        credibility=_text(e, "credibility"),
    )


def _offsets(value: Any) -> tuple[int, int] | None:
    """``[start, end]`` character offsets (checked by the schema) as a tuple, or None."""
    if isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value):
        return (value[0], value[1])
    return None


def _date_of(value: Any, default_zone: str) -> EventDate:
    """The EventDate of a checked date value, exactly as :meth:`_Checker.date` builds it."""
    if isinstance(value, str):
        text, phrase, basis, precision = value, "", "", None
    else:
        text = value["edtf"]
        phrase = value.get("phrase") if isinstance(value.get("phrase"), str) else ""
        basis = value.get("basis") if isinstance(value.get("basis"), str) else ""
        p = value.get("precision")
        precision = _PRECISIONS.get(p) if isinstance(p, str) else None
    return _event_date(text, phrase, basis, _zone_of(value, default_zone), precision)


def _zone_of(value: Any, default_zone: str) -> str | None:
    """``EventDate.time_zone`` of a checked date value (as :func:`_date_of`), without parsing the date."""
    if isinstance(value, str):
        text, zone = value, None
    else:
        text = value["edtf"]
        tz = value.get("time_zone")
        zone = tz if isinstance(tz, str) and tz else None
    if zone is None and _needs_zone(text):
        zone = default_zone
    return zone


def _build(data: Mapping[str, Any], dates: Mapping[tuple[PathPart, ...], EventDate]) -> Timeline:
    tracks = tuple(
        Track(
            id=t["id"],
            label=t["label"],
            color=t.get("color", ""),  # "" = none in the file: drawn in a palette colour, not written back
            order=int(t.get("order", 0)),
        )
        for t in data.get("tracks", [])
    )
    sources = tuple(
        Source(
            id=s["id"],
            kind=SourceKind(s["kind"]),
            outlet=s["outlet"],
            title=_text(s, "title"),
            author=_text(s, "author"),
            published=dates.get(("sources", i, "published")),
            url=_text(s, "url"),
            via=_text(s, "via"),
            attribution=_text(s, "attribution"),
            reliability=_text(s, "reliability"),
        )
        for i, s in enumerate(data.get("sources", []))
    )
    events = [
        _event_from_dict(e, dates[("events", i, "start")], dates.get(("events", i, "end")))
        for i, e in enumerate(data.get("events", []))
    ]
    return Timeline(
        title=data["title"],
        tracks=tracks,
        events=tuple(events),
        sources=sources,
        description=_text(data, "description"),
        reference_date=dates.get(("reference_date",)),
        time_zone=data.get("time_zone", "UTC"),
        home_start=dates.get(("home", "start")),
        home_end=dates.get(("home", "end")),
        stories=_stories_from_json(data, dates),
    )


def _load(
    data: Any,
    file: str,
    text: str | None,
    duplicates: Sequence[tuple[int, str]] = (),
) -> Timeline:
    report = _Problems(file, data, text)
    checker = _Checker(data, report)
    if _walk_checks(data, report, duplicates):
        try:
            _schema_problems(data, report)
        except RecursionError:
            report.add((), "the data is nested too deeply to be checked")
        checker.run()
    if report.items:
        raise TimelineLoadError(report.sorted())
    return _build(data, checker.dates)


# ---------------------------------------------------------------------------
# public API


def timeline_from_dict(data: Any, file: str = "", *, text: str | None = None) -> Timeline:
    """Build a :class:`Timeline` from parsed native-format JSON, checking everything.

    Parameters
    ----------
    data : object
        The result of :func:`json.loads` on a native file (normally a dict).
    file : str
        File name used in problems ("" for data not from a file).
    text : str, optional
        The JSON text ``data`` was parsed from; when given, problems carry
        line and column numbers.

    Returns
    -------
    Timeline
        The timeline the data describes.

    Raises
    ------
    TimelineLoadError
        With every problem found (schema and meaning), sorted by position.
    """
    return _load(data, file, text)


def read_native(path: str | os.PathLike[str]) -> Timeline:
    """Read a native timeline file (``*.timeline.json``).

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.  Files larger than :data:`MAX_FILE_BYTES` are refused
        before they are read.

    Returns
    -------
    Timeline
        The timeline in the file.

    Raises
    ------
    TimelineLoadError
        For anything that keeps the file from loading: it cannot be opened
        (missing, a folder, permission), is too large, is not UTF-8, is not
        JSON, does not follow the schema, or breaks the rules of the format.
        It carries every problem found, each with file, line, column, JSON
        path and event id where known.  No other exception escapes.
    """
    file = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    try:
        data_bytes = _read_bytes(path, file)
        if len(data_bytes) >= BULK_MIN_BYTES:
            from .bulk import read_bulk  # large files: columnar fast path and cache

            timeline = read_bulk(file, data_bytes)
            if timeline is not None:
                return timeline
        text = _decode(data_bytes, file)
        del data_bytes
        data, duplicates, keep = _parse_json(text, file)
        timeline = _load(data, file, text, duplicates)
        del keep
        return timeline
    except (TimelineLoadError, ReadCancelled):
        raise  # ReadCancelled: the caller asked for the stop (viewer.io.progress)
    except MemoryError:
        raise TimelineLoadError([Problem(file, "not enough memory to read this file")]) from None
    except RecursionError:
        raise TimelineLoadError([Problem(file, "the data is nested too deeply to be read")]) from None
    except Exception as exc:  # noqa: BLE001 - the contract: only TimelineLoadError escapes
        raise TimelineLoadError(
            [Problem(file, f"internal error while reading the file ({type(exc).__name__}: {exc}); "
                     "please report this as a bug")]
        ) from exc


def looks_native(path: str, head: bytes) -> bool:
    """Whether a file looks like a native timeline file (for the format registry).

    Parameters
    ----------
    path : str
        File name; a name ending ``.timeline.json`` is enough.
    head : bytes
        The first bytes of the file (up to 64 KiB).

    Returns
    -------
    bool
        True for a ``.timeline.json`` name, or a JSON object whose ``format``
        is ``"timeline-viewer"``.
    """
    if str(path).lower().endswith(".timeline.json"):
        return True
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    text = head.decode("utf-8", errors="replace")
    if not text.lstrip(" \t\r\n").startswith("{"):
        return False
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return bool(re.search(r'"format"\s*:\s*"timeline-viewer"', text))
    return isinstance(data, dict) and data.get("format") == FORMAT_NAME


def _date_to_json(date: EventDate, default_zone: str) -> str | dict[str, str]:
    out: dict[str, str] = {"edtf": date.edtf}
    if date.phrase:
        out["phrase"] = date.phrase
    if date.basis:
        out["basis"] = date.basis
    zone = date.time_zone
    if zone is not None and not (zone == default_zone and _needs_zone(date.edtf)):
        out["time_zone"] = zone
    if date.precision_override is not None:
        label = Precision(date.precision_override).label
        if label not in _PRECISIONS:
            raise ValueError(
                f"date {date.edtf!r}: precision {label!r} cannot be written; the format allows "
                f"{', '.join(_PRECISIONS)}"
            )
        out["precision"] = label
    return out["edtf"] if len(out) == 1 else out


def event_to_dict(e: Event, zone: str) -> dict[str, Any]:
    """The native JSON object of one event (as :func:`timeline_to_dict` writes it);
    ``zone`` is the timeline's default time zone (dates in it need no ``time_zone``)."""
    kind = EventKind(e.kind)
    item: dict[str, Any] = {"id": e.id, "kind": kind.value}
    if e.track or kind != EventKind.BAND:
        item["track"] = e.track
    item["title"] = e.title
    if e.summary:
        item["summary"] = e.summary
    item["start"] = _date_to_json(e.start, zone)
    if e.end is not None:
        item["end"] = _date_to_json(e.end, zone)
    if e.actors:
        item["actors"] = list(e.actors)
    if e.location:
        item["location"] = e.location
    if e.tags:
        item["tags"] = list(e.tags)
    if e.planned:
        item["status"] = "planned"
    if e.quotes:
        quotes = []
        for q in e.quotes:
            quote: dict[str, Any] = {"text": q.text, "kind": QuoteKind(q.kind).value}
            for name in ("speaker", "speaker_role", "source", "attribution", "credibility"):
                if getattr(q, name):
                    quote[name] = getattr(q, name)
            if q.offsets is not None:
                quote["offsets"] = list(q.offsets)
            quotes.append(quote)
        item["quotes"] = quotes
    if e.sources:
        item["sources"] = list(e.sources)
    if e.draft is not None:
        draft: dict[str, Any] = {"sentence": e.draft.sentence, "offsets": list(e.draft.offsets)}
        if e.draft.article:
            draft["article"] = e.draft.article
        item["draft"] = draft
    if e.credibility:
        item["credibility"] = e.credibility
    return item


def timeline_to_dict(timeline: Timeline, *, home: bool = True) -> dict[str, Any]:
    """The native-format JSON data of a timeline (what :func:`write_native` writes).

    Dates with nothing but a value are written as plain EDTF strings; empty
    optional fields are left out.  Two timelines with equal dicts are equal
    for every purpose of the viewer.

    Parameters
    ----------
    timeline : Timeline
        The timeline to convert.
    home : bool
        False to leave the home range out (File > New's provisional view
        of the current month, which is not the user's choice).

    Returns
    -------
    dict
        JSON-serialisable data following ``resources/timeline.schema.json``.

    Raises
    ------
    ValueError
        If the timeline holds something the format cannot express: only one
        end of the home range, or a date precision other than hour or minute.
    """
    zone = timeline.time_zone or "UTC"
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": timeline.title,
    }
    if timeline.description:
        out["description"] = timeline.description
    if timeline.reference_date is not None:
        out["reference_date"] = _date_to_json(timeline.reference_date, zone)
    out["time_zone"] = zone
    if (timeline.home_start is None) != (timeline.home_end is None):
        raise ValueError("the home range needs both a start and an end (or neither)")
    if home and timeline.home_start is not None and timeline.home_end is not None:
        out["home"] = {
            "start": _date_to_json(timeline.home_start, zone),
            "end": _date_to_json(timeline.home_end, zone),
        }
    out["tracks"] = [  # an uncoloured track stays so: no invented colour goes into the file
        {"id": t.id, "label": t.label, **({"color": t.color} if t.color else {}), "order": int(t.order)}
        for t in timeline.tracks
    ]
    sources = []
    for s in timeline.sources:
        item: dict[str, Any] = {"id": s.id, "kind": SourceKind(s.kind).value, "outlet": s.outlet}
        for name in ("title", "author"):
            if getattr(s, name):
                item[name] = getattr(s, name)
        if s.published is not None:
            item["published"] = _date_to_json(s.published, zone)
        for name in ("url", "via", "attribution", "reliability"):
            if getattr(s, name):
                item[name] = getattr(s, name)
        sources.append(item)
    out["sources"] = sources
    events = [event_to_dict(e, zone) for e in timeline.events]
    out["events"] = events
    if timeline.stories:
        out["stories"] = _stories_to_json(timeline.stories)
    return out


def write_native(timeline: Timeline, path: str | os.PathLike[str], *, home: bool = True) -> None:
    """Write a timeline as a native file, atomically.

    The JSON (UTF-8, not ASCII-escaped, indented by 2, with a trailing
    newline) is written to a temporary file in the same folder, flushed and
    synced to disk, then renamed over ``path``: a crash leaves either the old
    file or the new one, never half of one.  Writing through a symbolic link
    replaces the file it points to.

    Parameters
    ----------
    timeline : Timeline
        The timeline to write.
    path : str or os.PathLike
        Destination file; its folder must exist.
    home : bool
        False to leave the home range out (see :func:`timeline_to_dict`).

    Raises
    ------
    ValueError
        If the timeline cannot be expressed in the format (see
        :func:`timeline_to_dict`) or holds text that is not encodable as
        UTF-8 (unpaired surrogates); nothing is written.
    OSError
        If the file cannot be written (the destination is left unchanged).
    """
    payload = (json.dumps(timeline_to_dict(timeline, home=home), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_bytes_atomic(path, payload)
