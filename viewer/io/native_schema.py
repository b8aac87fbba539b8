"""Stages 2b and 3 of reading a native file: the raw structure and the JSON Schema.

:func:`walk_checks` looks at the parsed value as it is (nesting depth,
duplicated keys, unpaired surrogate escapes); :func:`schema_problems` runs
:class:`jsonschema.Draft202012Validator` with ``resources/timeline.schema.json``
(:func:`load_schema`) and rewords every error to say, in plain words, what was
expected where.  Both add to a :class:`~viewer.io.native_problems.Problems`.

Pure Python, no Qt.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema is imported when a document is first validated (_validator), not on import
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from .jsonpos import PathPart
from .native_decode import MAX_DEPTH, MINIMAL_EXAMPLE
from .native_problems import Problems, kind_of, location_of, short, suggest

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "load_schema", "walk_checks", "schema_problems", "has_lone_surrogate"]

FORMAT_NAME = "timeline-viewer"
"""Value of the ``format`` field of every native file."""
FORMAT_VERSION = 1
"""The format version this module reads and writes."""


@functools.lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema of the native format (``resources/timeline.schema.json``).

    Returns
    -------
    dict
        The parsed schema (cached; do not modify it).
    """
    text = resources.files("viewer.resources").joinpath("timeline.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema())



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



# ---------------------------------------------------------------------------
# stage 2b: structure walk (depth, duplicated keys, unpaired surrogates)


def walk_checks(data: Any, report: Problems, duplicates: Sequence[tuple[int, str]]) -> bool:
    """Checks of the raw structure of ``data``, added to ``report``.

    ``duplicates`` are the ``(id(obj), key)`` pairs of
    :func:`~viewer.io.native_decode.parse_with_duplicates`.  Returns False
    when the data is nested too deep to be validated (reported).
    """
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
                location=location_of(path[:4], report.data) + "…",
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
                if not key.isascii() and has_lone_surrogate(key):
                    report.add((*path, key), "a field name contains an unpaired \\ud800-\\udfff escape", key=True)
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            for index in range(len(value) - 1, -1, -1):
                stack.append((value[index], (*path, index)))
        elif isinstance(value, str) and not value.isascii() and has_lone_surrogate(value):
            report.add(
                path,
                "the text contains an unpaired UTF-16 surrogate escape (\\ud800-\\udfff), "
                "which is not a character",
            )
    return True


def has_lone_surrogate(text: str) -> bool:
    """Whether ``text`` holds an unpaired UTF-16 surrogate (``\\ud800``-``\\udfff``): not a character,
    so it cannot be written as UTF-8 (the native reader and the collection check refuse it)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False



# ---------------------------------------------------------------------------
# stage 3: schema


def schema_problems(data: Any, report: Problems) -> None:
    """Every JSON Schema error of ``data``, reworded, added to ``report`` (one per missing field)."""
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
                f"{kind_of(instance)}; expected for example {MINIMAL_EXAMPLE}"
            ), False
        else:
            yield path, f"expected {expected}, got {kind_of(instance)}", False
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
                f"unknown field {extra!r}{suggest(extra, allowed)} (allowed here: {', '.join(allowed)})"
            ), True
    elif kind == "const":
        if path == ("format",):
            message = f'expected "format": "{FORMAT_NAME}", got {kind_of(instance)} (is this a timeline file?)'
        elif path == ("version",):
            message = (
                f"this viewer reads format version {FORMAT_VERSION}; the file says version {short(instance)}"
            )
        else:
            message = f"expected {short(value)}, got {kind_of(instance)}"
        yield path, message, False
    elif kind == "enum":
        choices = ", ".join(short(v) for v in value)
        suggestion = suggest(str(instance), map(str, value))
        yield path, f"expected one of {choices}; got {kind_of(instance)}{suggestion}", False
    elif kind == "pattern":
        if last == "color":
            message = f'expected a colour written #rrggbb such as "#4a6fa5", got {kind_of(instance)}'
        elif last == "title" and value == "\\S":
            message = f"a title must have some text (it labels the event on the timeline), got {kind_of(instance)}"
        else:
            message = f"{kind_of(instance)} does not have the expected form ({value})"
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
