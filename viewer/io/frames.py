"""pandas data frames in and out: from a notebook to the viewer and back.

Optional: needs the ``frames`` extra (``pip install 'timeline-viewer[frames]'``:
pandas and pyarrow).  :meth:`Timeline.from_frame
<viewer.model.timeline.Timeline.from_frame>` and :meth:`Timeline.to_frame
<viewer.model.timeline.Timeline.to_frame>` call the functions here.

Reading follows the CSV reader's rules (:func:`viewer.io.csvgeneric.rows_report`):
columns are guessed from their names (title, start/date, end, track/group,
summary, actors, tags, sources...) or given as ``mapping`` (field -> column);
dates are EDTF/ISO 8601 text, or pandas timestamps.  A timestamp column whose
every value is at midnight (naive) is read as dates known to the day (what
``pd.to_datetime`` makes of ``"2022-02-10"``): a midnight is not invented as a
time.  Naive timestamps with a time are in ``time_zone``; aware ones keep their
offset.  List cells (actors, tags, sources) are joined; empty cells and
``NaN``/``NaT`` are empty.  A row that cannot be read is reported (row number
= position in the frame, 1-based), the others load.

Writing gives one row per event with the honest date as columns: EDTF value,
phrase, basis, precision, qualifiers and the possible interval as UTC
timestamps (``NaT`` where open).  Quotes are not columns (the native format
and the Parquet collection keep them).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from viewer.model.errors import Problem, TimelineLoadError
from viewer.model.timeline import Timeline

from .common import CsvRow, ReadReport
from .csvgeneric import basis_cell, rows_report

__all__ = ["from_frame", "from_frame_report", "to_frame", "DERIVED_COLUMNS"]

DERIVED_COLUMNS = ("track_id", "start_precision", "start_uncertain", "start_approximate", "start_earliest",
                   "start_latest", "end_precision", "end_uncertain", "end_approximate", "end_earliest", "end_latest",
                   "quotes")
"""Columns :func:`to_frame` adds that reading ignores (unless mapped): they follow from the EDTF value."""


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("data frames need pandas: pip install 'timeline-viewer[frames]'") from None
    return pd


def _cell(value: Any, date_only: bool, pd: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)) or (hasattr(value, "tolist") and not isinstance(value, str)
                                                 and getattr(value, "ndim", 0) == 1):
        return "; ".join(str(v) for v in (value.tolist() if hasattr(value, "tolist") else value))
    if isinstance(value, float) and math.isnan(value):
        return ""
    if value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        if date_only:
            return str(value.strftime("%Y-%m-%d"))
        if value.tzinfo is None:
            return str(value.strftime("%Y-%m-%dT%H:%M:%S"))
        text = str(value.isoformat(timespec="seconds"))
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def from_frame_report(df: Any, mapping: Mapping[str, str] | None = None, *, title: str = "Data frame",
                      time_zone: str = "UTC", date_format: str | None = None) -> ReadReport:
    """The timeline of a data frame's rows, with what could not be read.

    Parameters
    ----------
    df : pandas.DataFrame
        One event a row.
    mapping : mapping, optional
        Field -> column name (fields of :data:`viewer.io.csvgeneric.FIELDS`); the rest guessed.
    title : str
        The timeline's title.
    time_zone : str
        IANA zone of naive timestamps and of times written without an offset.
    date_format : str, optional
        ``strptime`` format of text dates that are not ISO 8601.

    Raises
    ------
    TimelineLoadError
        No column for title or start, a mapped column missing, or no row readable.
    ImportError
        Without pandas.
    """
    pd = _pandas()
    name = f"data frame {title!r}"
    mapped = set((mapping or {}).values())
    header = [str(c) for c in df.columns if str(c) not in DERIVED_COLUMNS or str(c) in mapped]
    if len(set(header)) != len(header):
        raise TimelineLoadError([Problem(name, "column names repeat: give each column its own name")])
    columns = {}
    for col in df.columns:
        key = str(col)
        if key not in header:
            continue
        series = df[col]
        date_only = False
        if pd.api.types.is_datetime64_any_dtype(series) and getattr(series.dt, "tz", None) is None:
            ok = series.dropna()
            date_only = len(ok) > 0 and bool((ok == ok.dt.normalize()).all())
        columns[key] = [_cell(v, date_only, pd) for v in series.tolist()]
    rows = [CsvRow(i + 2, i + 1, {k: columns[k][i] for k in header}) for i in range(len(df))]
    return rows_report(name, header, rows, [], mapping=mapping, date_format=date_format, time_zone=time_zone,
                       title=title)


def from_frame(df: Any, mapping: Mapping[str, str] | None = None, **options: Any) -> Timeline:
    """:func:`from_frame_report` without the report (rows that could not be read are left out)."""
    return from_frame_report(df, mapping, **options).timeline


def to_frame(timeline: Timeline) -> Any:
    """One row per event (file order) with its dates as columns; see the module docstring.

    Returns
    -------
    pandas.DataFrame
        Columns ``id, track, track_id, kind, title, start, end, summary, location,
        actors, tags, sources, url, start_phrase, start_basis, end_phrase, end_basis`` and
        :data:`DERIVED_COLUMNS` (``*_earliest`` / ``*_latest``: ``datetime64[ns, UTC]``,
        ``NaT`` where open or out of pandas' range).
    """
    pd = _pandas()
    labels = {t.id: t.label for t in timeline.tracks}

    def stamp(epoch_s: float | None) -> Any:
        if epoch_s is None or not math.isfinite(epoch_s):
            return pd.NaT
        try:
            return pd.Timestamp(epoch_s, unit="s", tz="UTC")
        except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
            return pd.NaT

    records = []
    for e in timeline.events:
        sources = timeline.sources_of(e)
        row: dict[str, Any] = {"id": e.id, "track": labels.get(e.track, e.track), "track_id": e.track,
               "kind": e.kind.value,
               "title": e.title, "start": e.start.edtf, "end": e.end.edtf if e.end is not None else None,
               "summary": e.summary, "location": e.location, "actors": list(e.actors), "tags": list(e.tags),
               "sources": [s.outlet for s in sources], "url": next((s.url for s in sources if s.url), ""),
               "start_phrase": e.start.phrase, "start_basis": basis_cell(e.start),  # (a mark: in its words)
               "end_phrase": e.end.phrase if e.end else "", "end_basis": basis_cell(e.end)}
        for side, d in (("start", e.start), ("end", e.end)):
            row[f"{side}_precision"] = d.precision.label if d is not None else None
            row[f"{side}_uncertain"] = bool(d is not None and d.uncertain)
            row[f"{side}_approximate"] = bool(d is not None and d.approximate)
            row[f"{side}_earliest"] = stamp(d.earliest if d is not None else None)
            row[f"{side}_latest"] = stamp(d.latest if d is not None else None)
        row["quotes"] = len(e.quotes)
        records.append(row)
    frame = pd.DataFrame.from_records(records, columns=[
        "id", "track", "track_id", "kind", "title", "start", "end", "summary", "location", "actors", "tags",
        "sources", "url", "start_phrase", "start_basis", "end_phrase", "end_basis", *DERIVED_COLUMNS[1:]])
    for col in ("start_earliest", "start_latest", "end_earliest", "end_latest"):
        frame[col] = pd.to_datetime(frame[col], utc=True)
    return frame
