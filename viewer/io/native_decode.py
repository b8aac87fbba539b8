"""The first two stages of reading a native file: bytes and JSON, with positions.

1. bytes (:func:`read_bytes`, :func:`decode_text`): a size limit checked
   before the file is opened, strict UTF-8 (a UTF-8 byte order mark is
   accepted and dropped; UTF-16/32, NUL bytes and invalid bytes are reported
   with their byte offset, line and column);
2. JSON (:func:`parse_with_duplicates`): syntax errors with the line and
   column :mod:`json` reports and a hint in plain words, values JSON does not
   have (``NaN``), duplicated keys (returned for the checks to report),
   nesting far deeper than the format allows.

Every problem is raised as :class:`~viewer.model.errors.TimelineLoadError`.
The foreign-format readers use the same stages (:mod:`viewer.io.common`).

Pure Python, no Qt.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from typing import Any, NoReturn

from viewer.model.errors import Problem, TimelineLoadError

from .jsonpos import offset_to_line_column
from .regular import read_regular_file, require_regular_file

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_DEPTH",
    "MINIMAL_EXAMPLE",
    "read_bytes",
    "decode_text",
    "reject_constant",
    "too_deep_problem",
    "parse_with_duplicates",
]

MAX_FILE_BYTES = 400 * 1024 * 1024
"""Files larger than this (400 MiB, room for a few million events) are refused before being read."""
MAX_DEPTH = 32
"""Deepest nesting of JSON arrays/objects accepted (a valid file needs 5)."""
MINIMAL_EXAMPLE = '{"format": "timeline-viewer", "version": 1, "title": "…", "tracks": [], "events": []}'
"""The smallest valid native document, shown in messages about what a file should hold."""


# ---------------------------------------------------------------------------
# stage 1: bytes


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


def read_bytes(path: str | os.PathLike[str], file: str) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    file : str
        Its name in problems.

    Raises
    ------
    TimelineLoadError
        The file is missing, not a regular file (a folder, a pipe), cannot be
        read, or is larger than the limit (said before it is opened when its
        size shows it).
    """
    limit_text = f"timeline files are limited to {MAX_FILE_BYTES // (1024 * 1024)} MiB"
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


def decode_text(data: bytes, file: str) -> str:
    """The text of a file's bytes: strict UTF-8, an optional UTF-8 BOM removed.

    Raises
    ------
    TimelineLoadError
        A UTF-16/32 byte order mark, a NUL byte or bytes that are not UTF-8,
        with the byte offset, line and column of the first.
    """
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
    if data.isascii():  # the same text, decoded in about 60 % of UTF-8's time: the lock is held less long
        return data[skip:].decode("ascii")
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


def reject_constant(name: str) -> NoReturn:
    """``parse_constant`` of :mod:`json`: ``NaN`` and ``Infinity`` are not JSON.

    Raises
    ------
    ValueError
        Always (a private subclass that :func:`parse_with_duplicates` reports
        with its position); a caller of :func:`json.loads` may catch it as a
        ValueError.
    """
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


def too_deep_problem(file: str, text: str) -> Problem:
    """The problem of JSON ``text`` nested deeper than :data:`MAX_DEPTH`, at the first such bracket."""
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
    if text[exc.pos:exc.pos + 1] == "\ufeff":  # an invisible character: the message must name it
        return ("not valid JSON: a byte order mark (U+FEFF, an invisible mark some editors write at the start "
                "of a file) in the middle of the file: were two files pasted together? Delete it there")
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


def parse_with_duplicates(text: str, file: str) -> tuple[Any, list[tuple[int, str]], list[dict[str, Any]]]:
    """Parse JSON ``text``, noting the keys an object holds twice.

    Returns
    -------
    data : object
        The parsed value (the last of duplicated keys wins, as in :mod:`json`).
    duplicates : list of (int, str)
        ``(id(obj), key)`` of each key seen again in one object.
    keep : list of dict
        The objects with duplicates, kept alive so that their ids stay theirs
        while ``duplicates`` is used.

    Raises
    ------
    TimelineLoadError
        Empty text, a syntax error (line, column and a hint), NaN or
        Infinity, nesting too deep for the parser, an integer too long to read.
    """
    if not text.strip(" \t\r\n"):
        what = "empty" if not text else "contains only whitespace"
        raise TimelineLoadError(
            [Problem(file, f"the file {'is ' if not text else ''}{what}; "
                     f"expected a timeline as a JSON object such as {MINIMAL_EXAMPLE}", 1, 1)]
        )
    duplicates: list[tuple[int, str]] = []
    keep: list[dict[str, Any]] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
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
        data = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=reject_constant)
    except json.JSONDecodeError as exc:
        raise TimelineLoadError(
            [Problem(file, _json_syntax_message(exc, text), exc.lineno, exc.colno)]
        ) from None
    except RecursionError:
        raise TimelineLoadError([too_deep_problem(file, text)]) from None
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
        message = f"not valid JSON: {exc}"
        digits = re.match(r"-?(\d+)", text[offset:]) if offset is not None else None
        # Python's advice (sys.set_int_max_str_digits) is not the user's to follow: say where and what
        if offset is not None and digits is not None and "digits" in str(exc):
            key = re.search(r'"((?:[^"\\]|\\.)*)"\s*:\s*$', text[max(0, offset - 200):offset])
            place = f"field {key.group(1)!r} holds a number" if key else "a number"
            message = (f"not valid JSON: {place} of {len(digits.group(1))} digits; numbers of more than 4300 "
                       "digits are not read (no timeline field needs one)")
        raise TimelineLoadError([Problem(file, message, line, column)]) from None
    return data, duplicates, keep


# ---------------------------------------------------------------------------
# stage 2b: structure walk (depth, duplicated keys, unpaired surrogates)
