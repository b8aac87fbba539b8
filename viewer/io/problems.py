"""Problems for people: rows of one kind on one line.

:func:`group_problems` is what ``convert``/``validate``, the window's banner
and the import dialog list: 5,071 rows refused for one reason are one line
with every line number (as ranges), not 5,071 lines.

Pure Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from viewer.model.errors import Problem
from viewer.model.text import first_of

__all__ = ["group_problems", "loaded_without", "NO_EQUIVALENT", "not_kept", "not_kept_note"]


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


NO_EQUIVALENT = "has no equivalent in this viewer"
"""The words of a reader's warning about a field of its format that this viewer has no place for."""


def loaded_without(skipped: Sequence[Problem], warnings: Sequence[Problem]) -> str:
    """What a file was loaded without, in words: rows when rows were left out, fields when
    fields were.

    ``skipped`` are the rows (``row N`` places: CSV, ACLED) or items (JSON entries) a reader
    left out whole (``ReadReport.skipped``), ``warnings`` the fields it loaded only partly or
    could not map (``ReadReport.warnings``): ``"loaded without 1 row it could not read"``,
    ``"loaded without 2 fields it could not map"``, ``"loaded without 3 rows it could not read
    and 1 field it could not map"``, ``"loaded without 10 fields of the format with no equivalent in
    this viewer"`` (:data:`NO_EQUIVALENT`).  ``""`` when both are empty.
    """
    parts = []
    if skipped:
        rows = all(p.location.startswith("row") or (not p.location and p.line is not None) for p in skipped)
        parts.append(f"{_count(len(skipped), 'row' if rows else 'item')} it could not read")
    if warnings:
        # a known format's field with no place here (ACLED's data_id, iso, ...) is not a fault of the
        # file: every export of that format has them (validate calls them a note)
        none = sum(NO_EQUIVALENT in p.message for p in warnings)
        if len(warnings) > none:
            parts.append(f"{_count(len(warnings) - none, 'field')} it could not map")
        if none:
            parts.append(f"{_count(none, 'field')} of the format with no equivalent in this viewer")
    return "loaded without " + " and ".join(parts) if parts else ""


_QUOTED_NAME = re.compile(r"'([^']*)'")


def not_kept(warnings: Sequence[Problem]) -> list[Problem]:
    """The ``warnings`` that name a field of the file's format this viewer has no place for
    (:data:`NO_EQUIVALENT`: ACLED's ``data_id``, TimelineJS's ``media.thumbnail``): not a fault of
    the file, every export of the format has them; ``validate`` calls the file valid with a note."""
    return [p for p in warnings if NO_EQUIVALENT in p.message]


def _field_name(problem: Problem) -> str:
    """The field a "... has no equivalent in this viewer" problem names: ``data_id``, ``media.credit``."""
    before = problem.message.split(NO_EQUIVALENT)[0].strip()
    quoted = _QUOTED_NAME.search(before)
    return quoted.group(1) if quoted else before


def not_kept_note(warnings: Sequence[Problem]) -> str:
    """The one-line note ``validate``, the command line and the window's banner all give for the
    fields of :func:`not_kept` among ``warnings``: ``"note: 10 fields of the format with no
    equivalent in this viewer, not kept: data_id, iso, …"`` (each name once, in first-seen order,
    ``subgroup (8 times)`` when named more than once); ``""`` when there is none."""
    names: dict[str, int] = {}
    for p in not_kept(warnings):
        name = _field_name(p)
        names[name] = names.get(name, 0) + 1
    if not names:
        return ""
    listed = ", ".join(n if k == 1 else f"{n} ({k} times)" for n, k in names.items())
    return (f"note: {_count(sum(names.values()), 'field')} of the format with no equivalent in this viewer, "
            f"not kept: {listed}")


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_PARENS = re.compile(r"\([^()]*\)")
_DIGITS = re.compile(r"\d+")


def _shape(message: str) -> str:
    """A message with its particulars blanked: quoted values, (nested) parentheses, numbers."""
    shape = _QUOTED.sub("…", message)
    while True:
        blanked = _PARENS.sub("…", shape)
        if blanked == shape:
            break
        shape = blanked
    return _DIGITS.sub("N", shape)


def _line_ranges(lines: list[int], most: int | None = None) -> str:
    out: list[str] = []
    for n in sorted(set(lines)):
        if out and "-" in out[-1] and int(out[-1].split("-")[1]) == n - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        elif out and out[-1].isdigit() and int(out[-1]) == n - 1:
            out[-1] = f"{out[-1]}-{n}"
        else:
            out.append(str(n))
    if most is not None and len(out) > most:
        return ", ".join(out[:most]) + f" … ({len(set(lines)):,} lines in all)"
    return ", ".join(out)


def group_problems(problems: list[Problem], *, least: int = 4, most_lines: int | None = None) -> list[str]:
    """Problems as lines for people, those of one kind grouped.

    Problems whose messages differ only in quoted values, numbers and
    parenthesised details (``event_date '9-May-20' is not …`` on 5,071 rows)
    are written as one line, ``5,071 rows like: <the first one's place and
    message>; lines 2-5072`` once there are at least ``least`` of them, with
    every line they are on (as ranges; the places, when all are on one line
    such as the header's columns, the first 40 and how many more); others one
    line each, in file order.
    ``most_lines`` shortens each group's list of lines (for a banner).

    Returns
    -------
    list of str
    """
    groups: dict[str, list[Problem]] = {}
    keys = [_shape(p.message) for p in problems]
    for key, p in zip(keys, problems):
        groups.setdefault(key, []).append(p)
    out: list[str] = []
    done: set[str] = set()
    for key, p in zip(keys, problems):
        members = groups[key]
        if len(members) < least:
            out.append(str(p))
        elif key not in done:
            done.add(key)
            lines = [m.line for m in members if m.line is not None]
            first = members[0].location
            noun = "rows" if first.startswith("row") else "columns" if first.startswith("column") else "items"
            if len(set(lines)) > 1:
                where = f"; lines {_line_ranges(lines, most_lines)}"
            else:  # all on one line (the header): name each once, the first 40 (10,000 made one line of 10,000)
                places = [m.location.split(",")[-1].strip() for m in members if m.location]
                places = [p.removeprefix("column ") if noun == "columns" else p for p in places]
                where = f"; all {len(members):,}: " + first_of(places, 40, 80)
            out.append(f"{len(members):,} {noun} like: {members[0]}{where}")
    return out
