"""What File > Import… shows of a delimited file before reading it.

* :func:`preview`: the header, the first rows, the role guessed for each
  column (names first, then content: :func:`viewer.io.csvgeneric.guess_mapping`
  and :func:`~viewer.io.csvgeneric.guess_from_content`) and the date format
  guessed from the data.
* :func:`count_dates`: how many rows' cells in a column read as dates with a
  format (None: ISO 8601/EDTF or dates in words), for the live count.
* :func:`layout_key`: a key naming a header layout, under which the choices
  made for it are remembered.

Pure Python, no Qt.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from viewer.model.errors import DateError

from .common import CsvRow, load_text, read_csv_rows
from .csvgeneric import (
    _SHORT_SIGNED_YEAR,
    _declared_date,
    _reads_as_date,
    _reads_written_forms_too,
    guess_from_content,
    guess_mapping,
)

__all__ = ["ROLES", "DATE_FORMATS", "Preview", "preview", "count_dates", "guess_date_format", "layout_key"]

ROLES = ("title", "start", "end", "track", "summary", "quote", "speaker", "quote_kind", "sources", "url", "tags",
         "location", "actors", "id", "kind", "status", "review", "draft_sentence", "draft_article")
"""Roles a column can take (fields of :data:`viewer.io.csvgeneric.FIELDS`); any other column is ignored."""

DATE_FORMATS = (
    "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M",
    "%d-%b-%y", "%d-%b-%Y", "%b %d, %Y", "%d %B %Y", "%Y%m%d",
)
"""Declared formats offered and tried when ISO 8601/EDTF and words do not read a column."""


@dataclass
class Preview:
    """The first rows of a delimited file and what was guessed of them.

    Attributes
    ----------
    header : list of str
    rows : list of CsvRow
        Up to the ``limit`` given to :func:`preview`.
    total_rows : int
        Data rows in the file.
    mapping : dict
        Role -> column, guessed.
    date_format : str or None
        None when the dates read as ISO 8601/EDTF or words; else the first of
        :data:`DATE_FORMATS` that reads the most start cells (a day/month
        order that both readings accept is never chosen: ``ambiguous``).
    ambiguous : list of str
        Formats that read the start column equally well (day/month order not
        told by the data): the user must choose.
    """

    header: list[str]
    rows: list[CsvRow]
    total_rows: int
    mapping: dict[str, str]
    date_format: str | None = None
    ambiguous: list[str] = field(default_factory=list)
    all_rows: list[CsvRow] = field(default_factory=list, repr=False)


def count_dates(rows: list[CsvRow], column: str | None, date_format: str | None) -> tuple[int, int]:
    """``(parsing, filled)``: rows whose ``column`` cell reads as a date, of those not empty.

    Parameters
    ----------
    rows : list of CsvRow
    column : str or None
        None counts nothing (0, 0).
    date_format : str or None
        A :func:`datetime.strptime` format (a cell it does not read counts when it reads
        as ISO 8601/EDTF or words, as the reader reads it), or None for ISO 8601/EDTF and words.
    """
    if not column:
        return 0, 0
    values = [r.values.get(column, "").strip() for r in rows]
    values = [v for v in values if v]
    if date_format is None:
        # a signed year (-44) reads in a column chosen as the start, as the reader reads it; it is not
        # enough for a column to be guessed a date column (a column of -3, +5 is more likely changes)
        return sum(1 for v in values if _reads_as_date(v) or _SHORT_SIGNED_YEAR.match(v)), len(values)
    ok = 0
    written_too = _reads_written_forms_too(date_format)  # the reader reads 2022-02-10 as ISO with a format too
    for v in values:
        try:
            _declared_date(v, date_format, "UTC")
            ok += 1
        except (DateError, ValueError):
            if written_too and (_reads_as_date(v) or _SHORT_SIGNED_YEAR.match(v)):
                ok += 1
    return ok, len(values)


def guess_date_format(rows: list[CsvRow], column: str | None) -> tuple[str | None, list[str]]:
    """The format that reads a column best: None when ISO 8601/EDTF or words
    read at least as many cells as any declared format; else the best of
    :data:`DATE_FORMATS`, and the list of formats tied with it (``%d/%m/%Y``
    and ``%m/%d/%Y`` both reading every cell: day/month order unknown, so
    None is returned with both listed)."""
    if not column:
        return None, []
    plain, _n = count_dates(rows, column, None)
    scores = {fmt: count_dates(rows, column, fmt)[0] for fmt in DATE_FORMATS}
    best = max(scores.values(), default=0)
    if best <= plain:
        return None, []
    tied = [fmt for fmt, n in scores.items() if n == best]
    if any("%d" in f and "%m" in f for f in tied) and any(f.index("%m") < f.index("%d") for f in tied
                                                           if "%d" in f and "%m" in f) and \
            any(f.index("%d") < f.index("%m") for f in tied if "%d" in f and "%m" in f):
        return None, tied
    return tied[0], tied[1:]


def preview(path: str | os.PathLike[str], *, limit: int = 20, sample: int = 500) -> Preview:
    """The header, first ``limit`` rows and guessed roles and date format of a delimited file.

    Raises
    ------
    TimelineLoadError
        As :func:`viewer.io.common.read_csv_rows` (unreadable, no header...).
    """
    file, text = load_text(path)
    header, rows, _problems = read_csv_rows(text, file)
    mapping = guess_mapping(header)
    if "start" not in mapping:  # a column of dates in a declared form (03/04/2022) is the start
        for column in header:
            if column in mapping.values() or column.startswith("(column "):
                continue
            fmt, tied = guess_date_format(rows[:sample], column)
            fmt = fmt or (tied[0] if tied else None)
            ok, filled = count_dates(rows[:sample], column, fmt) if fmt else (0, 0)
            if filled and ok >= 0.5 * filled:
                mapping["start"] = column
                break
    mapping = guess_from_content(header, rows, mapping)
    fmt, tied = guess_date_format(rows[:sample], mapping.get("start"))
    return Preview(header, rows[:limit], len(rows), mapping, fmt, tied, rows)


def layout_key(header: list[str]) -> str:
    """A short stable key of a header layout (its column names in order)."""
    return hashlib.sha1("\x1f".join(header).encode("utf-8")).hexdigest()[:16]
