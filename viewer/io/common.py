"""Shared parts of the foreign-format readers (TimelineJS, vis-timeline, ACLED, CSV).

* :class:`ReadReport`: a timeline plus what could not be mapped (warnings) and
  the rows that could not be loaded (skipped), each a
  :class:`~viewer.model.errors.Problem` naming file, line, row and field.
* :func:`load_text`: the bytes stage of the native reader (size limit, UTF-8
  with an optional BOM, UTF-16 and bad bytes reported) reused for every format.
* :func:`parse_json`: the native reader's JSON stage (syntax errors with line
  and column, NaN, nesting depth).
* :func:`read_csv_rows`: RFC 4180 CSV/TSV rows with their line numbers.
* :func:`to_edtf`: ISO 8601 date-times as written by other tools
  (``2022-02-10 14:00``, ``2022-02-10T14:00:00.000Z``) to EDTF, and
  :func:`make_date` which turns a value into an
  :class:`~viewer.model.dates.EventDate` or a problem.
* :class:`TimelineBuilder`: collects tracks (named in first-seen order,
  Okabe-Ito colours), sources and events, makes ids unique (with a warning)
  and builds the :class:`~viewer.model.timeline.Timeline`.

Pure Python, no Qt.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from viewer.model.dates import EventDate, Precision
from viewer.model.errors import DateError, Problem, TimelineLoadError
from viewer.model.timeline import Event, EventKind, Source, SourceKind, Timeline, Track

from . import native
from .jsonpos import SourcePositions
from .problems import group_problems

__all__ = [
    "ReadReport",
    "load_text",
    "parse_json",
    "read_csv_rows",
    "split_csv_problems",
    "unnamed_column",
    "CsvRow",
    "to_edtf",
    "make_date",
    "html_to_text",
    "TimelineBuilder",
    "group_problems",  # from .problems
    "UNGROUPED_TRACK_ID",
    "slug",
]

# Imported tracks are left uncoloured (``Track.color == ""``) and drawn in the
# Okabe-Ito colours in turn by :func:`viewer.model.timeline.track_colours`, so
# saving an import writes no invented colours.


@dataclass
class ReadReport:
    """What a reader made of a file.

    Attributes
    ----------
    timeline : Timeline
        Everything that could be loaded.
    warnings : list of Problem
        Things in the file that were loaded only partly or could not be mapped
        onto the model (a field with no equivalent, a renamed duplicate id).
    skipped : list of Problem
        Rows or items that could not be loaded at all (a bad date), one
        problem each; the rest of the file loaded.
    """

    timeline: Timeline
    warnings: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    """How the reader understood the file where it had to decide (a column's
    role guessed from its content, a two-digit year's century): shown with the
    report, nothing lost."""

    @property
    def problems(self) -> list[Problem]:
        """Skipped rows first, then warnings, each group in file order."""
        return list(self.skipped) + list(self.warnings)

    @property
    def clean(self) -> bool:
        """True when nothing was skipped or left unmapped."""
        return not self.warnings and not self.skipped


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
        :data:`viewer.io.native.MAX_FILE_BYTES`, UTF-16/32, NUL bytes or
        invalid UTF-8 (with byte offset, line and column).
    """
    file = os.fsdecode(path)
    data = native._read_bytes(path, file)
    return file, native._decode(data, file)


def parse_json(text: str, file: str) -> Any:
    """Parse JSON text with the native reader's messages (line, column, hints).

    Raises
    ------
    TimelineLoadError
        Empty file, syntax error, NaN/Infinity, nesting deeper than
        :data:`viewer.io.native.MAX_DEPTH` or a huge integer literal.
    """
    data, _duplicates, _keep = native._parse_json(text, file)
    problem = _depth_problem(data, file, text)
    if problem is not None:
        raise TimelineLoadError([problem])
    return data


def _depth_problem(data: Any, file: str, text: str) -> Problem | None:
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth >= native.MAX_DEPTH:
                return native._too_deep_problem(file, text)
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
        Data rows; blank lines are left out.
    problems : list of Problem
        Rows with more cells than the header (extra cells named), each with
        its line; such rows are still returned with the cells that fit.

    Raises
    ------
    TimelineLoadError
        Empty file, no header, duplicate or empty column names, or text the
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
    try:
        for cells in reader:
            start_line = previous_end + 1
            previous_end = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
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
                continue
            number += 1
            if previous_end > start_line and any(
                    line.count(delim) >= len(header) - 1
                    for c in cells if "\n" in c for line in c.split("\n")[1:]):
                # a quoted value with line breaks is legal CSV, but one whose lines
                # look like whole rows is an unclosed double quote that swallowed them
                problems.append(Problem(
                    file, f"row {number} runs over lines {start_line} to {previous_end}: a double quote opened "
                    f"on line {start_line} is closed only on line {previous_end}, so those lines were read as "
                    "one value; check for an unclosed quote", start_line, None, f"row {number}"))
            if len(cells) > len(header):
                extra = [c for c in cells[len(header):] if c.strip()]
                if extra:
                    problems.append(Problem(
                        file, f"{len(cells)} cells but the header has {len(header)} columns; the extra "
                        f"cells {', '.join(repr(c[:40]) for c in extra[:3])} were not loaded (a comma inside "
                        "a value needs double quotes around the value)", start_line, None, f"row {number}"))
            values = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header)}
            rows.append(CsvRow(start_line, number, values, len(cells)))
    except csv.Error as exc:
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
# dates

_ISO_DT = re.compile(
    r"^(?P<date>[+-]?\d{4,}-\d\d-\d\d)[T ](?P<h>\d\d):(?P<m>\d\d)(?::(?P<s>\d\d)(?:[.,](?P<frac>\d+))?)?"
    r"\s*(?P<tz>Z|[+-]\d\d(?::?\d\d)?)?$"
)


_EXPANDED_YEAR = re.compile(r"^([+-])(\d{5,})(-\d\d.*)?$")
_YMD_DOTS = re.compile(
    r"^(\d{4})[./](\d\d)[./](\d\d)(?:[ _T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)?))?$")


def to_edtf(text: str) -> tuple[str, Precision | None, str]:
    """An ISO 8601 date or date-time as other tools write it, in EDTF.

    EDTF (ISO 8601-2) writes a time of day as ``Thh:mm:ss`` with ``Z`` or
    ``±hh:mm``; tools also write ``2022-02-10 14:00``, fractions of a second
    and ``+0300``, and year-first dates with dots or slashes
    (``2010.05.19_00:00:00`` as SolarSoft writes them, ``2022/02/10``).
    Those are rewritten; anything else is returned unchanged
    (to be parsed as EDTF).

    Parameters
    ----------
    text : str

    Returns
    -------
    edtf : str
    precision : Precision or None
        ``MINUTE`` when no seconds were written (EDTF always writes them).
    note : str
        ``""``, or what was lost (a fraction of a second), for a warning.
    """
    raw = text.strip()
    expanded = _EXPANDED_YEAR.match(raw)
    if expanded:  # ISO 8601 expanded years, as JavaScript's Date writes them: -000400-01-01, +002022-01-01
        year = int(expanded.group(1) + expanded.group(2))
        rest = expanded.group(3) or ""
        if -9999 <= year <= 9999:
            raw = (f"-{-year:04d}" if year < 0 else f"{year:04d}") + rest
        elif not rest or re.fullmatch(r"-01-01(T00:00(:00(\.0+)?)?Z?)?", rest):
            return f"Y{year}", None, (f"{text.strip()!r} read as the year {year} (EDTF cannot give a year beyond "
                                      "9999 a month or day)" if rest else "")
    ymd = _YMD_DOTS.match(raw)
    if ymd:  # 2010.05.19_00:00:00 (SolarSoft), 2022/02/10: year first, so never day/month ambiguous
        rest = ymd.group(4) or ""
        iso = f"{ymd.group(1)}-{ymd.group(2)}-{ymd.group(3)}"
        if not rest:
            return iso, None, ""
        raw_iso = iso + " " + rest
        m = _ISO_DT.match(raw_iso)
        if not m:
            return raw, None, ""
    else:
        m = _ISO_DT.match(raw)
    if not m:
        return raw, None, ""
    sec = m.group("s")
    precision = None if sec is not None else Precision.MINUTE
    note = ""
    frac = m.group("frac")
    if frac and int(frac):
        note = f"the fraction of a second in {raw!r} was dropped (dates are kept to the second)"
    tz = m.group("tz") or ""
    if tz and tz != "Z":
        tz = tz[:3] + ":" + (tz[-2:] if len(tz) > 3 else "00")
    return f"{m.group('date')}T{m.group('h')}:{m.group('m')}:{sec or '00'}{tz}", precision, note


def make_date(
    value: str,
    *,
    phrase: str = "",
    basis: str = "",
    time_zone: str | None = "UTC",
    precision: Precision | None = None,
) -> tuple[EventDate, str]:
    """An :class:`EventDate` from an ISO 8601/EDTF string.

    Returns
    -------
    date : EventDate
    note : str
        Something lost in the conversion (for a warning), or ``""``.

    Raises
    ------
    DateError
        Not EDTF/ISO 8601, not in the calendar, ambiguous (``03/04/2022``:
        day and month order is never guessed) or unpadded (``2017-3-13``); the
        message says what was expected.
    """
    text, iso_precision, note = to_edtf(value)
    if not text:
        raise DateError("the date is empty; expected an ISO 8601 date such as 2022-02-10")
    zone = time_zone if native._needs_zone(text) else None
    try:
        return EventDate(text, phrase, basis, time_zone=zone, precision_override=precision or iso_precision), note
    except DateError as exc:
        hint = native._date_hint(text)
        if re.match(r"^[+-]?\d{5,}", text):
            hint = (" (years beyond 9999 are written with a Y and on their own, e.g. Y12000; "
                    "EDTF cannot give them a month or day)")
        raise DateError(f"{exc}{hint}") from None


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


# ---------------------------------------------------------------------------
# building


def slug(text: str, fallback: str = "item") -> str:
    """A readable id from a label: ``"Violence against civilians"`` -> ``violence-against-civilians``."""
    s = re.sub(r"[^\w]+", "-", text.strip().lower(), flags=re.UNICODE).strip("-")
    return s[:60] or fallback


UNGROUPED_TRACK_ID = "ungrouped"
"""Track id of the events a foreign file puts in no group (see :meth:`TimelineBuilder.ungrouped_track`)."""
DEFAULT_TRACK_LABEL = "Events"
_UNGROUPED_KEY = "\x00ungrouped"


class TimelineBuilder:
    """Collects the parts of a timeline read from a foreign format.

    Parameters
    ----------
    file : str
        For problems.
    title : str
        Timeline title (the file name when the format has none).
    """

    def __init__(self, file: str, title: str, text: str | None = None) -> None:
        self.file = file
        self._positions = SourcePositions(text) if text else None
        self.title = title or os.path.basename(file) or "Untitled timeline"
        self.description = ""
        self.tracks: dict[str, Track] = {}
        self._track_by_key: dict[str, str] = {}
        self.sources: dict[str, Source] = {}
        self._source_by_key: dict[tuple[str, str, str], str] = {}
        self.events: list[Event] = []
        self._event_ids: dict[str, str] = {}
        self._next_suffix: dict[tuple[str, str], int] = {}  # (kind, base) -> the next n to try in "base-n"
        self.warnings: list[Problem] = []
        self.skipped: list[Problem] = []
        self.notes: list[Problem] = []

    # -- problems ------------------------------------------------------
    def _place(self, line: int | None, path: tuple | None) -> tuple[int | None, int | None]:
        if line is None and path is not None and self._positions is not None:
            return self._positions.locate(list(path))
        return line, None

    def warn(self, message: str, line: int | None = None, location: str = "", *, path: tuple | None = None) -> None:
        """Record something loaded only partly or not mapped.

        ``path`` (a JSON path such as ``("events", 3)``) gives the line and
        column when the builder was made with the JSON text.
        """
        self.warnings.append(Problem(self.file, message, *self._place(line, path), location))

    def skip(self, message: str, line: int | None = None, location: str = "", *, path: tuple | None = None) -> None:
        """Record a row or item that could not be loaded (``path`` as in :meth:`warn`)."""
        self.skipped.append(Problem(self.file, message, *self._place(line, path), location))

    # -- parts ---------------------------------------------------------
    def _free(self, kind: str, base: str, taken: Container[str]) -> str:
        """``base-2``, ``base-3``, ...: the first not in ``taken``.

        Each base remembers where its count stopped, so n rows sharing one id
        cost O(n) in all rather than O(n²) (each used to count again from 2);
        the names given are the same: in row order, the lowest free number.
        """
        key = (kind, base)
        n = self._next_suffix.get(key, 2)
        while f"{base}-{n}" in taken:
            n += 1
        self._next_suffix[key] = n + 1
        return f"{base}-{n}"

    def track(self, key: str, label: str | None = None, order: int | None = None, track_id: str | None = None) -> str:
        """Id of the track for ``key`` (created on first use, in first-seen order)."""
        key = key.strip()
        if key in self._track_by_key:
            return self._track_by_key[key]
        base = track_id if track_id else slug(label or key, "track")
        tid = base if base not in self.tracks else self._free("track", base, self.tracks)
        if tid == UNGROUPED_TRACK_ID and key != _UNGROUPED_KEY:  # reserved for the events of no group
            tid = self._free("track", base, set(self.tracks) | {UNGROUPED_TRACK_ID})
        index = len(self.tracks)
        self.tracks[tid] = Track(tid, (label or key).strip() or tid, "", index if order is None else order)
        self._track_by_key[key] = tid
        return tid

    def ungrouped_track(self) -> str:
        """Id of the track of events the file puts in no group: always
        :data:`UNGROUPED_TRACK_ID`, whatever the file's groups are called
        (a real group named "Events" is another track), so a writer can leave
        these events ungrouped again."""
        return self.track(_UNGROUPED_KEY, DEFAULT_TRACK_LABEL, track_id=UNGROUPED_TRACK_ID)

    def source(self, outlet: str, *, url: str = "", title: str = "", kind: SourceKind = SourceKind.OTHER,
               attribution: str = "") -> str:
        """Id of the source with this outlet and url (created on first use)."""
        key = (outlet.strip(), url.strip(), title.strip())  # one url with two captions: two sources
        if key in self._source_by_key:
            return self._source_by_key[key]
        base = slug(outlet or url, "source")
        sid = base if base not in self.sources else self._free("source", base, self.sources)
        self.sources[sid] = Source(sid, kind, outlet.strip() or url.strip(), title=title, url=url.strip(),
                                   attribution=attribution)
        self._source_by_key[key] = sid
        return sid

    def event_id(self, wanted: str, line: int | None, location: str, fallback: str) -> str:
        """A unique event id: ``wanted`` if free, else renamed with a warning."""
        wanted = wanted.strip() if wanted else ""
        if not wanted:
            wanted = fallback
        if wanted not in self._event_ids:
            self._event_ids[wanted] = location
            return wanted
        new = self._free("event", wanted, self._event_ids)
        if wanted != fallback:
            self.warn(f"duplicate id {wanted!r} (already used at {self._event_ids[wanted]}); this one was "
                      f"loaded as {new!r}", line, location)
        self._event_ids[new] = location
        return new

    def add(self, event: Event, line: int | None = None, location: str = "", *,
            path: tuple | None = None) -> bool:
        """Add an event (its id must come from :meth:`event_id`); False, and the
        item listed as skipped, when it has no date to draw at: a point whose
        date is wholly open (``..``), or a span whose start and end both are.
        The native format refuses the same (such an event used to be drawn
        nowhere, on an axis at 1 Jan 1970)."""
        def wholly_open(d) -> bool:
            return d is None or d.relation == "open" or not (math.isfinite(d.earliest) or math.isfinite(d.latest))

        if (event.kind == EventKind.POINT and wholly_open(event.start)) or \
                (event.kind != EventKind.POINT and wholly_open(event.start) and wholly_open(event.end)):
            self.skip(f"event {event.id!r}: '..' (open, not stated) cannot date "
                      f"{'a point' if event.kind == EventKind.POINT else 'both ends of a span'}; give a date, "
                      "or [..2022-02-10] / [2022-02-10..] for one known only to be before or after a day",
                      line, location, path=path)
            return False
        self.events.append(event)
        return True

    def report(self, *, what: str = "rows") -> ReadReport:
        """The :class:`ReadReport`.

        Raises
        ------
        TimelineLoadError
            When items were skipped and none loaded: the file as a whole is
            unusable (every problem listed).
        """
        if self.skipped and not self.events:
            raise TimelineLoadError(self.skipped + self.warnings)
        tracks = list(self.tracks.values())
        labels = {t.label for t in tracks if t.id != UNGROUPED_TRACK_ID}
        if UNGROUPED_TRACK_ID in self.tracks and DEFAULT_TRACK_LABEL in labels:
            tracks = [Track(t.id, "(no group)", t.color, t.order) if t.id == UNGROUPED_TRACK_ID else t
                      for t in tracks]
        timeline = Timeline(
            title=self.title,
            tracks=tuple(tracks),
            events=tuple(self.events),
            sources=tuple(self.sources.values()),
            description=self.description,
        )
        return ReadReport(timeline, self.warnings, self.skipped, self.notes)


def end_before_start(start: EventDate, end: EventDate) -> bool:
    """True when ``end`` ends before ``start`` begins (the native format's rule;
    equal dates are a legal zero-length span)."""
    return math.isfinite(end.latest) and math.isfinite(start.earliest) and end.latest <= start.earliest


def format_losses(timeline: Timeline, fmt: str, *, quotes: str = "", qualifiers: bool = False,
                  stories: bool = True, source_details: bool = False, planned: bool = False,
                  reference_date: bool = False) -> list[str]:
    """What a lossy writer cannot hold, one line per kind of detail (for the
    "left out" list of ``convert``, so its exit status says something was lost).

    Parameters
    ----------
    timeline : Timeline
    fmt : str
        Name of the format, for the messages.
    quotes : str
        How the format keeps quotes ("" = not at all, else e.g. "as plain
        text in the event's body").
    qualifiers : bool
        True if EDTF qualifiers ("on or before", ?, ~, ranges) are lost.
    stories, source_details : bool
        True if the timeline's stories / sources' relay chains and
        attributions are lost.
    planned : bool
        True if the format cannot mark an event as planned (events the
        source describes as planned, or that begin after the reference
        date, would read back as facts).
    reference_date : bool
        True if the timeline's reference date (the date its source was
        written, after which events are plans) is lost.
    """
    out: list[str] = []
    if planned:
        n_planned = sum(1 for e in timeline.events if timeline.is_planned(e))
        if n_planned:
            out.append(f"{n_planned} event{'s' if n_planned != 1 else ''} described as planned lose that status "
                       f"in {fmt} (they would read back as having happened)")
    if reference_date and timeline.reference_date is not None:
        out.append(f"the reference date ({timeline.reference_date.describe()}): not written to {fmt}")
    n_quotes = sum(len(e.quotes) for e in timeline.events)
    if n_quotes:
        how = quotes or "not written"
        out.append(f"{n_quotes} quotes: {how} in {fmt} (speaker, role, attribution and source fields are lost)")
    if qualifiers:
        qualified = [e.id for e in timeline.events
                     if any(d is not None and not d.is_exact for d in (e.start, e.end))]
        if qualified:
            shown = ", ".join(qualified[:5]) + (f" and {len(qualified) - 5} more" if len(qualified) > 5 else "")
            out.append(f"{len(qualified)} events lose their date qualifiers (on or before/after, uncertain, "
                       f"approximate, open) in {fmt}: {shown}")
    if stories and getattr(timeline, "stories", ()):
        out.append(f"{len(timeline.stories)} stories: not written to {fmt}")
    relayed = [s for s in timeline.sources if s.via or s.attribution]
    if source_details and relayed:
        out.append(f"{len(relayed)} sources: their relay chain and attribution are not written to {fmt}")
    events = list(_graded_events(timeline))
    graded = (sum(1 for s in timeline.sources if s.reliability) + sum(1 for e in events if e.credibility)
              + sum(1 for e in events for q in e.quotes if q.credibility))
    if graded:
        out.append(f"{graded} grades (source reliability A–F, credibility 1–6, AJP-2.1): not written to {fmt}")
    return out


def _graded_events(timeline: Timeline) -> Iterator[Event]:
    """Events that may carry a credibility grade (only the rich ones of a lazily-read file)."""
    facts = getattr(timeline.events, "facts", None)
    if facts is not None:
        return (timeline.events[int(i)] for i in facts.rich)
    return iter(timeline.events)
