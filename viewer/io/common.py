"""Shared parts of the foreign-format readers (TimelineJS, vis-timeline, ACLED, CSV).

* :func:`load_text`: the bytes stage of the native reader (size limit, UTF-8
  with an optional BOM, UTF-16 and bad bytes reported) reused for every format.
* :func:`parse_json`: the native reader's JSON stage (syntax errors with line
  and column, NaN, nesting depth).
* :func:`read_csv_rows`: RFC 4180 CSV/TSV rows with their line numbers.
* :func:`html_to_text`: the plain text of the HTML in text fields.

It also offers what the readers use from the modules of one job each:
:class:`ReadReport` and :class:`TimelineBuilder` (:mod:`viewer.io.builder`),
:func:`to_edtf` and :func:`make_date` (:mod:`viewer.io.isodates`),
:func:`format_losses` (:mod:`viewer.io.losses`) and :func:`group_problems`
(:mod:`viewer.io.problems`).

Pure Python, no Qt.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any

from viewer.model.dates import EventDate
from viewer.model.errors import Problem, TimelineLoadError
from viewer.model.zones import naive_time_zone

from .builder import UNGROUPED_TRACK_ID, ReadReport, TimelineBuilder, end_before_start, slug
from .isodates import make_date, to_edtf
from .losses import format_losses
from .native_decode import MAX_DEPTH, decode_text, parse_with_duplicates, read_bytes, too_deep_problem
from .problems import group_problems

__all__ = [
    "ReadReport",  # from .builder
    "load_text",
    "parse_json",
    "read_csv_rows",
    "split_csv_problems",
    "unnamed_column",
    "column_lookup",
    "CsvRow",
    "CUT_ROW",
    "to_edtf",  # from .isodates
    "make_date",  # from .isodates
    "html_to_text",
    "TimelineBuilder",  # from .builder
    "end_before_start",  # from .builder
    "format_losses",  # from .losses
    "group_problems",  # from .problems
    "UNGROUPED_TRACK_ID",  # from .builder
    "slug",  # from .builder
    "AssumedZone",
]


def load_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """The text of a file, with the native reader's byte checks.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    (file, text) : tuple of str
        The path as a string and the decoded text (UTF-8, BOM removed).

    Raises
    ------
    TimelineLoadError
        File missing, a folder, unreadable, larger than
        :data:`viewer.io.native_decode.MAX_FILE_BYTES`, UTF-16/32, NUL bytes or
        invalid UTF-8 (with byte offset, line and column).
    """
    file = os.fsdecode(path)
    data = read_bytes(path, file)
    return file, decode_text(data, file)


def parse_json(text: str, file: str, *, duplicates: list[tuple[Any, str]] | None = None) -> Any:
    """Parse JSON text with the native reader's messages (line, column, hints).

    ``duplicates``, when given, receives ``(object, key)`` for each key an object of the
    text holds more than once (the parsed value keeps the last, as :mod:`json` does).

    Raises
    ------
    TimelineLoadError
        Empty file, syntax error, NaN/Infinity, nesting deeper than
        :data:`viewer.io.native_decode.MAX_DEPTH` or a huge integer literal.
    """
    data, found, keep = parse_with_duplicates(text, file)
    if duplicates is not None and found:
        by_id = {id(obj): obj for obj in keep}
        duplicates.extend((by_id[obj_id], key) for obj_id, key in found if obj_id in by_id)
    problem = _depth_problem(data, file, text)
    if problem is not None:
        raise TimelineLoadError([problem])
    return data


def _depth_problem(data: Any, file: str, text: str) -> Problem | None:
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                return too_deep_problem(file, text)
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return None


# ---------------------------------------------------------------------------
# CSV


@dataclass(frozen=True)
class CsvRow:
    """One data row of a CSV file.

    ``line`` is the 1-based line the row starts on; ``number`` its 1-based
    number among data rows (the header is row 0); ``values`` maps header names
    (as written, stripped) to cell text.
    """

    line: int
    number: int
    values: dict[str, str]
    cells: int = 0

    def where(self, column: str | None = None) -> str:
        """``row 3, column 'Date'`` for problems."""
        return f"row {self.number}" + (f", column {column!r}" if column else "")


def _delimiter(file: str, first_line: str) -> str:
    if file.lower().endswith((".tsv", ".tab")):
        return "\t"
    counts = {d: first_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


MAX_COLUMNS = 10_000
"""Most columns a CSV/TSV header may have.  A table of events has a column per field (tens);
each column costs the readers work (guessing, a warning when not mapped) and every row a cell,
and a small file can name millions of columns, read on the window's thread: 100,000 froze it."""


def too_many_columns(count: int) -> str:
    """Why a header of ``count`` columns (over :data:`MAX_COLUMNS`) is refused, in words."""
    return (f"the header has {count:,} columns, more than the {MAX_COLUMNS:,} a table of events is read with "
            "(one row per event, a column per field such as title and start); is it a table turned on its "
            "side (events as columns) or not a table of events? Keep the columns you need and try again")


def read_csv_rows(text: str, file: str, *,
                  delimiter: str | None = None) -> tuple[list[str], list[CsvRow], list[Problem]]:
    """Split CSV/TSV text (RFC 4180 quoting) into a header and rows.

    The delimiter is a tab for ``.tsv``; otherwise the most frequent of
    comma, tab and semicolon in the header line.

    Parameters
    ----------
    text : str
        Decoded file text (any line ends).
    file : str
        For problems.
    delimiter : str, optional
        Forces the delimiter.

    Returns
    -------
    header : list of str
        Column names, stripped.
    rows : list of CsvRow
        Data rows; blank lines are left out; a row's missing cells are not in its ``values``.
    problems : list of Problem
        Rows with more cells than the header (extra cells named), each with
        its line; such rows are still returned with the cells that fit.

    Raises
    ------
    TimelineLoadError
        Empty file, no header, more than :data:`MAX_COLUMNS` columns, duplicate column names, or text the
        csv module cannot split (an unclosed quote at the end of the file).
    """
    if not text.strip():
        what = "is empty" if not text else "contains only whitespace"
        raise TimelineLoadError([Problem(file, f"the file {what}; expected a header line of column names", 1, 1)])
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delim = delimiter or _delimiter(file, first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=False)
    header: list[str] | None = None
    rows: list[CsvRow] = []
    problems: list[Problem] = []
    previous_end = 0
    number = 0
    raw_lines: list[str] | None = None
    try:
        for cells in reader:
            start_line = previous_end + 1
            previous_end = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                if len(cells) > MAX_COLUMNS:
                    raise TimelineLoadError([Problem(file, too_many_columns(len(cells)), start_line)])
                header = [c.strip() for c in cells]
                seen: dict[str, int] = {}
                for index, name in enumerate(header):
                    if not name:
                        # an unnamed column (pandas' and R's row index: ",date,content") is
                        # kept under a name of its own and left unmapped, never a refusal
                        name = header[index] = unnamed_column(index)
                    if name in seen:
                        raise TimelineLoadError([Problem(
                            file, f"column name {name!r} appears twice in the header (columns {seen[name] + 1} "
                            f"and {index + 1}); column names must be unique", start_line)])
                    seen[name] = index
                if delimiter is None and delim == "\t" and len(header) == 1:
                    _refuse_other_separator(file, header[0], start_line)
                continue
            number += 1
            if previous_end > start_line and any(
                    line.count(delim) >= len(header) - 1
                    for c in cells if "\n" in c for line in c.split("\n")[1:]):
                # a quoted value with line breaks is legal CSV, but one whose lines
                # look like whole rows is an unclosed double quote that swallowed them
                if raw_lines is None:
                    raw_lines = _LINE_END.split(text)
                if "".join(raw_lines[start_line - 1:previous_end]).count('"') % 2:
                    # strict=False reads an unclosed quote to the end of the file
                    closed = (f"is never closed, so every line from {start_line} to the end of the file "
                              f"(line {previous_end}) was read as one value; close the quote where the value ends")
                else:
                    closed = (f"is closed only on line {previous_end}, so those lines were read as one value; "
                              "check for an unclosed quote")
                problems.append(Problem(
                    file, f"row {number} runs over lines {start_line} to {previous_end}: a double quote opened "
                    f"on line {start_line} {closed}", start_line, None, f"row {number}"))
            if len(cells) > len(header):
                extra = [c for c in cells[len(header):] if c.strip()]
                if extra:
                    problems.append(Problem(
                        file, f"{len(cells)} cells but the header has {len(header)} columns; the extra "
                        f"cells {', '.join(repr(c[:40]) for c in extra[:3])} were not loaded (a comma inside "
                        "a value needs double quotes around the value)", start_line, None, f"row {number}"))
            values = dict(zip(header, cells))  # a short row's missing cells are absent: .get(name, "")
            rows.append(CsvRow(start_line, number, values, len(cells)))
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise TimelineLoadError([_oversized_cell(file, text, delim, previous_end + 1, header)]) from None
        raise TimelineLoadError([Problem(file, f"not valid CSV: {exc}", reader.line_num or 1)]) from None
    if header is None:
        raise TimelineLoadError([Problem(file, "the file has no header line of column names", 1, 1)])
    if not text.endswith(("\n", "\r")):
        if not rows:
            raise TimelineLoadError([Problem(
                file, f"the file ends inside its header line (no line end after {text.strip()[-40:]!r} and no "
                "rows): it seems cut off; expected a header line of column names, then one row per line", 1)])
        last = rows[-1]
        tail = "\n".join(text.splitlines()[last.line - 1:])
        if last.cells < len(header) or tail.count('"') % 2:
            rows.pop()
            problems.append(Problem(
                file, f"{CUT_ROW} row {last.number} has {last.cells} of {len(header)} cells"
                + (" and an unclosed double quote" if tail.count('"') % 2 else "")
                + " and no line end: the file seems cut off; row not loaded", last.line, None, f"row {last.number}"))
    return header, rows, problems


_LINE_END = re.compile(r"\r\n|\r|\n")
"""The line ends the csv module counts lines by (``reader.line_num``)."""


def _refuse_other_separator(file: str, name: str, line: int) -> None:
    """Refuse a ``.tsv`` whose one-column header is split by commas or semicolons instead of tabs."""
    counts = {sep: name.count(sep) for sep in (",", ";")}
    sep = max(counts, key=lambda k: counts[k])
    if not counts[sep]:
        return
    words = {",": ("comma", "commas", "comma-separated", ".csv"), ";": ("semicolon", "semicolons",
                                                                        "semicolon-separated", ".csv")}[sep]
    raise TimelineLoadError([Problem(
        file, f"the file is named as tab-separated ({os.path.splitext(file)[1] or '.tsv'}: read split at tabs), "
        f"but its header line {name[:80]!r} has no tab and {counts[sep]} {words[1] if counts[sep] > 1 else words[0]}: "
        f"it looks {words[2]}, not tab-separated; rename it to {words[3]} (or save it from the spreadsheet "
        "as tab-separated text)", line)])


def _oversized_cell(file: str, text: str, delim: str, line: int, header: list[str] | None) -> Problem:
    """The problem of a cell over the csv module's field limit, found by scanning the row that
    begins on ``line``: where it is (line, column) and how big, in words."""
    limit = csv.field_size_limit()
    pos = 0
    for _ in range(line - 1):  # to the row's first line
        m = _LINE_END.search(text, pos)
        if m is None:
            break
        pos = m.end()
    stop = re.compile(f'[{re.escape(delim)}"\r\n]')
    index, cell_start, cell_line, size = 0, pos, line, 0
    while True:
        if text.startswith('"', pos) and pos == cell_start:  # a quoted cell: to its closing quote
            pos += 1
            while True:
                close = text.find('"', pos)
                if close < 0:
                    pos = len(text)
                    break
                pos = close + (2 if text.startswith('""', close) else 1)
                if pos == close + 1:
                    break
        m = stop.search(text, pos)
        if m is not None and m.group(0) == '"':  # a stray quote inside an unquoted cell
            pos = m.end()
            continue
        end = m.start() if m else len(text)
        size = end - cell_start - (2 if text.startswith('"', cell_start) else 0)  # not its quotes
        if size > limit or m is None or m.group(0) != delim:
            break
        cell_line += len(_LINE_END.findall(text, cell_start, end))  # a cell spans lines only inside quotes
        index += 1
        pos = cell_start = end + 1
    column = (f"column {header[index]!r} (column {index + 1})" if header and index < len(header)
              else f"column {index + 1}")
    found = f"a cell of {size:,} characters" if size > limit else "a cell too long to read"
    return Problem(file, f"{found}: cells over {limit:,} "
                   f"characters ({limit // 1024} KiB) are not read, so the file was not read; shorten that cell "
                   "(keep long texts in a file of their own and give its link) and try again",
                   cell_line, None, column)


CUT_ROW = "the file ends mid-row:"
"""Start of the message of a last row cut short (:func:`read_csv_rows`); readers list it as skipped."""


def unnamed_column(index: int) -> str:
    """The name given to the unnamed column at 0-based ``index`` (``"(column 1)"``)."""
    return f"(column {index + 1})"


def split_csv_problems(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """``(warnings, skipped)`` of :func:`read_csv_rows`' problems: a row cut short
    by the end of the file is a row not loaded, the rest are warnings."""
    skipped = [p for p in problems if p.message.startswith(CUT_ROW)]
    return [p for p in problems if not p.message.startswith(CUT_ROW)], skipped


def column_lookup(header: list[str]) -> dict[str, str]:
    """Lower-cased, space/underscore-insensitive name -> header name as written."""
    return {_norm(h): h for h in header}


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


# ---------------------------------------------------------------------------
# HTML in text fields


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style"}
    _BREAK = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.dropped: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
            self.dropped.append(tag)
        elif tag in self._BREAK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BREAK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(value: str) -> tuple[str, list[str]]:
    """Plain text of an HTML fragment (TimelineJS and vis-timeline fields are HTML).

    Tags are removed (``<br>`` and block tags become line breaks), entities
    decoded; ``<script>`` and ``<style>`` contents are dropped, never run.
    Uses the standard library's :class:`html.parser.HTMLParser`, which never
    fails on malformed markup.

    Returns
    -------
    text : str
        Whitespace within lines collapsed, at most one blank line in a row.
    dropped : list of str
        Names of elements whose content was dropped (``["script"]``).
    """
    if "<" not in value and "&" not in value:
        return value.strip(), []
    parser = _TextExtractor()
    parser.feed(value)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, parser.dropped


ASSUMED_ZONE_BASIS = "time of day written without a time zone: read as UTC (give --time-zone ZONE if it is local time)"
"""What a date's basis says when its time of day had no zone in the file and none was given."""


@dataclass
class AssumedZone:
    """Times of day written without a time zone, read as UTC because no ``--time-zone`` was given.

    A reader passes each date through :meth:`date` (the place it came from, e.g. ``"column 'start'"``)
    and adds :meth:`note` to its notes once: ``"2 times without a time zone read as UTC (column
    'start': 2); give --time-zone ZONE (e.g. Europe/Amsterdam) if they are local times"``.
    ``given`` (a zone chosen by the user) turns both off.
    """

    given: bool
    counts: dict[str, int] = field(default_factory=dict)

    def date(self, date: EventDate, where: str) -> EventDate:
        """``date``, its basis saying so when its time of day was read as UTC without a zone given."""
        if self.given or naive_time_zone(date) != "UTC":
            return date
        self.counts[where] = self.counts.get(where, 0) + 1
        if ASSUMED_ZONE_BASIS in date.basis:
            return date
        return replace(date, basis=f"{date.basis}; {ASSUMED_ZONE_BASIS}" if date.basis else ASSUMED_ZONE_BASIS)

    def note(self, file: str) -> Problem | None:
        """The one note for the file, or None when no time was read so."""
        total = sum(self.counts.values())
        if not total:
            return None
        places = ", ".join(f"{where}: {n:,}" for where, n in self.counts.items())
        return Problem(file, f"{total:,} time{'s' if total != 1 else ''} without a time zone read as UTC "
                       f"({places}); give --time-zone ZONE (e.g. Europe/Amsterdam) if "
                       f"{'they are' if total != 1 else 'it is'} local time", None, None, self._where())

    def _where(self) -> str:
        """Every place counted (the note's location): ``column 'start'``, ``columns 'start', 'end'``,
        ``start_date, end_date`` (it named the first only, while counting all)."""
        places = list(self.counts)
        if len(places) > 1 and all(p.startswith("column ") for p in places):
            return "columns " + ", ".join(p.removeprefix("column ") for p in places)
        return ", ".join(places)
