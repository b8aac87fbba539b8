"""Reader of the native timeline file (``*.timeline.json``, version 1).

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

Each stage has its module: :mod:`~viewer.io.native_decode` (1 and 2),
:mod:`~viewer.io.native_schema` (3), :mod:`~viewer.io.native_checks` (4, with
:mod:`~viewer.io.native_problems` for the messages), and the model is built by
:mod:`~viewer.io.native_build`; :mod:`~viewer.io.native_write` writes the
format.  This module is the entry: :func:`read_native` (large files go to
:mod:`viewer.io.bulk`) and :func:`looks_native`; it also offers the public
names of the others that callers use.

The only exception :func:`read_native` raises is
:class:`~viewer.model.errors.TimelineLoadError`.

Pure Python, no Qt.
"""

from __future__ import annotations

import codecs
import json
import os
import re

from viewer.model.errors import Problem, TimelineLoadError
from viewer.model.timeline import Timeline

from .bulk import read_bulk
from .native_build import timeline_from_dict
from .native_decode import MAX_DEPTH, MAX_FILE_BYTES, decode_text, parse_with_duplicates, read_bytes
from .native_schema import FORMAT_NAME, FORMAT_VERSION, load_schema
from .native_write import event_to_dict, timeline_to_dict, write_native
from .progress import ReadCancelled

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "MAX_DEPTH",
    "BULK_MIN_BYTES",
    "load_schema",
    "read_native",
    "write_native",
    "timeline_from_dict",
    "timeline_to_dict",
    "event_to_dict",
    "looks_native",
]

BULK_MIN_BYTES = 256 * 1024
"""Files at least this large (256 KB, some 2,500 events) are read by
:mod:`viewer.io.bulk`: columnar arrays, events built on demand, a cache next
to the file.  Anything it cannot vouch for goes through the full reader."""


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
        data_bytes = read_bytes(path, file)
        if len(data_bytes) >= BULK_MIN_BYTES:
            timeline = read_bulk(file, data_bytes)  # large files: columnar fast path and cache
            if timeline is not None:
                return timeline
        text = decode_text(data_bytes, file)
        del data_bytes
        data, duplicates, keep = parse_with_duplicates(text, file)
        timeline = timeline_from_dict(data, file, text=text, duplicates=duplicates)
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
