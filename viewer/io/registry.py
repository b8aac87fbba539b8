"""A small registry of timeline file formats (in the style of glue's data factories).

A *reader* has a name, file extensions, an ``identify(path, head) -> bool``
function that recognises its files from the name and the first bytes, and a
``read(path) -> Timeline`` function.  :func:`read_timeline` asks every
reader's identify function first (in registration order) and falls back to the
file extension (longest match first), so a ``.json`` file of another kind can
still be claimed by the right reader.

Writers are chosen by format name or by extension.

The native format (:mod:`viewer.io.native`) is registered on import for
``.timeline.json`` and ``.json``.  Every format's module is imported when a
file is first sniffed, read or written with it (:func:`_lazy`), not with the
registry: opening a collection never imports the iCalendar or CSV modules.

Pure Python, no Qt.
"""

from __future__ import annotations

import importlib
import inspect
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from viewer.model.errors import Problem, TimelineLoadError
from viewer.model.timeline import Timeline

from .common import ReadReport
from .progress import ReadCancelled
from .regular import read_regular_file, require_regular_file

__all__ = [
    "Reader",
    "binary_kind",
    "Writer",
    "register_reader",
    "register_writer",
    "readers",
    "writers",
    "read_timeline",
    "read_timeline_report",
    "write_timeline",
    "reader_named",
    "reader_for",
    "writer_for",
    "export_target",
    "HEAD_BYTES",
]

HEAD_BYTES = 64 * 1024
"""How many leading bytes of a file identify functions get to see."""

IdentifyFn = Callable[[str, bytes], bool]
ReadFn = Callable[[str], Timeline]
ReportFn = Callable[..., ReadReport]
ProgressFn = Callable[[str], None]
"""``progress(message)``: told how far a long write got (a collection writer's chunks)."""


class WriteFn(Protocol):
    """What :attr:`Writer.write` is: ``write(timeline, path, progress=None)``, returning None
    or a list of what it left out.  Writers that report no progress ignore ``progress``
    (:func:`register_writer` adapts a two-argument function)."""

    def __call__(self, timeline: Timeline, path: str, progress: ProgressFn | None = None, /) -> list[str] | None:
        ...


@dataclass(frozen=True)
class _Registered:
    """What readers and writers have in common: a name and file name endings."""

    name: str
    extensions: tuple[str, ...]

    def describe(self) -> str:
        """``native (.timeline.json, .json)``."""
        return f"{self.name} ({', '.join(self.extensions)})" if self.extensions else self.name


_R = TypeVar("_R", bound=_Registered)


@dataclass(frozen=True)
class Reader(_Registered):
    """A registered timeline reader.

    Attributes
    ----------
    name : str
        Short name of the format, shown to users (``"native"``).
    extensions : tuple of str
        Lower-case file name endings with their dot (``".timeline.json"``).
    identify : callable
        ``identify(path, head) -> bool``: whether this reader recognises the
        file; ``head`` is its first :data:`HEAD_BYTES` bytes.
    read : callable
        ``read(path) -> Timeline``; should raise only ``TimelineLoadError``.
    report : callable or None
        ``report(path, **options) -> ReadReport``: the timeline plus what could
        not be mapped or loaded; None for readers that map everything.
    description : str
        One line for ``--help`` and file dialogs.
    """

    identify: IdentifyFn
    read: ReadFn
    report: ReportFn | None = None
    description: str = ""


@dataclass(frozen=True)
class Writer(_Registered):
    """A registered timeline writer.

    Attributes
    ----------
    name : str
        Short name of the format.
    extensions : tuple of str
        Lower-case file name endings with their dot.
    write : WriteFn
        ``write(timeline, path, progress=None)``; may return a list of what it
        could not write.  ``progress(message)`` is told how far a long write got
        (only collection writers say anything).
    description : str
        One line for ``--help`` and file dialogs.
    """

    write: WriteFn
    description: str = ""


_READERS: list[Reader] = []
_WRITERS: list[Writer] = []


def _normalise_extensions(extensions: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(extensions, str):
        extensions = [extensions]
    out = []
    for ext in extensions:
        ext = ext.strip().lower()
        if ext and not ext.startswith("."):
            ext = "." + ext
        if ext:
            out.append(ext)
    return tuple(out)


def _put(items: list[_R], item: _R) -> _R:
    """Append ``item`` to a registry list, replacing an entry of the same name."""
    for index, existing in enumerate(items):
        if existing.name == item.name:
            items[index] = item
            return item
    items.append(item)
    return item


def register_reader(
    name: str,
    extensions: Iterable[str] | str,
    identify_fn: IdentifyFn | None,
    read_fn: ReadFn,
    *,
    report_fn: ReportFn | None = None,
    description: str = "",
) -> Reader:
    """Register (or replace, by name) a timeline reader.

    Parameters
    ----------
    name : str
        Short name of the format; registering a name again replaces the reader.
    extensions : str or iterable of str
        File name endings, with or without the leading dot
        (``"timeline.json"``, ``".json"``); compared case-insensitively.
    identify_fn : callable or None
        ``identify_fn(path, head) -> bool`` recognising the reader's files from
        the path and the first :data:`HEAD_BYTES` bytes; exceptions it raises
        count as False.  None: choose this reader by extension only.
    read_fn : callable
        ``read_fn(path) -> Timeline``.
    report_fn : callable, optional
        ``report_fn(path, **options) -> ReadReport`` (see :class:`Reader`).
    description : str
        One line for people.

    Returns
    -------
    Reader
        The registered reader.

    Raises
    ------
    ValueError
        If ``name`` is empty.
    """
    if not name:
        raise ValueError("a reader needs a name")
    reader = Reader(name, _normalise_extensions(extensions), identify_fn or (lambda path, head: False), read_fn,
                    report_fn, description)
    return _put(_READERS, reader)


def _takes_progress(write_fn: Callable[..., Any]) -> bool:
    """Whether ``write_fn`` accepts a third positional argument (a ``progress`` callback)."""
    try:
        params = list(inspect.signature(write_fn).parameters.values())
    except (TypeError, ValueError):
        return False
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 3 or any(p.kind is p.VAR_POSITIONAL for p in params)


def register_writer(
    name: str, extensions: Iterable[str] | str, write_fn: Callable[..., list[str] | None], *,
    description: str = "",
) -> Writer:
    """Register (or replace, by name) a timeline writer.

    Parameters
    ----------
    name : str
        Short name of the format; registering a name again replaces the writer.
    extensions : str or iterable of str
        File name endings the writer is chosen for.
    write_fn : callable
        ``write_fn(timeline, path)`` or ``write_fn(timeline, path, progress)``,
        returning None or a list of what it left out; a two-argument one is
        wrapped so that every :attr:`Writer.write` takes ``progress``.
    description : str
        One line for people.

    Returns
    -------
    Writer
        The registered writer.

    Raises
    ------
    ValueError
        If ``name`` is empty.
    """
    if not name:
        raise ValueError("a writer needs a name")
    if _takes_progress(write_fn):
        write: WriteFn = write_fn
    else:
        def write(timeline: Timeline, path: str, progress: ProgressFn | None = None, /) -> list[str] | None:
            return write_fn(timeline, path)

    writer = Writer(name, _normalise_extensions(extensions), write, description)
    return _put(_WRITERS, writer)


def readers() -> list[Reader]:
    """The registered readers, in registration order.

    Returns
    -------
    list of Reader
    """
    return list(_READERS)


def writers() -> list[Writer]:
    """The registered writers, in registration order.

    Returns
    -------
    list of Writer
    """
    return list(_WRITERS)


def _by_extension(items: Iterable[_R], file: str) -> _R | None:
    lower = file.lower()
    best: _R | None = None
    best_len = 0
    for item in items:
        for ext in item.extensions:
            if lower.endswith(ext) and len(ext) > best_len:
                best, best_len = item, len(ext)
    return best


def _known_formats(items: Iterable[_Registered]) -> str:
    described = [item.describe() for item in items]
    return "; ".join(described) if described else "none registered"


def _read_head(path: str | os.PathLike[str], file: str) -> bytes:
    data = read_regular_file(path, file, HEAD_BYTES)  # never a pipe or a device
    return data[:HEAD_BYTES]


def reader_named(name: str) -> Reader | None:
    """The registered reader called ``name``, or None."""
    return next((r for r in _READERS if r.name == name), None)


def reader_for(path: str | os.PathLike[str], format: str | None = None) -> Reader:
    """The reader :func:`read_timeline` would use for ``path``: the one named ``format``, else
    the first whose identify function recognises the file (its first :data:`HEAD_BYTES` bytes
    are read), else the one for the longest matching extension.

    Raises
    ------
    TimelineLoadError
        If ``format`` names no reader, no reader fits the file (the message lists the known
        formats), or the file cannot be read or is not a regular file.
    """
    file = os.fsdecode(path)
    return _choose_reader(path, file, format)


def _choose_reader(path: str | os.PathLike[str], file: str, format: str | None) -> Reader:
    if format is not None:
        reader = reader_named(format)
        if reader is None:
            raise TimelineLoadError(
                [Problem(file, f"unknown timeline format {format!r}; known formats: {_known_formats(_READERS)}")]
            )
        return reader
    head = _read_head(path, file)
    _refuse_misnamed_collection(path, file, head)
    for candidate in _READERS:
        try:
            if candidate.identify(file, head):
                return candidate
        except Exception:  # noqa: BLE001 - a faulty identifier must not stop detection
            continue
    reader = _by_extension(_READERS, file)
    if reader is None:
        written = _by_extension(_WRITERS, file)
        if written is not None:
            # a format this viewer exports but does not read (iCalendar): said, not "unknown"
            raise TimelineLoadError(
                [Problem(file, f"{written.name} ({written.description or written.name}) is a format this "
                         f"viewer writes (convert --to {written.name}) but cannot read; "
                         f"formats it reads: {_known_formats(_READERS)}")]
            )
        raise TimelineLoadError(
            [Problem(file, "unknown file format: this is not a timeline file this viewer can read; "
                     f"known formats: {_known_formats(_READERS)}")]
        )
    return reader


_COLLECTION_SUFFIXES = {"parquet": ".parquet", "duckdb": ".duckdb"}


def binary_kind(path: str | os.PathLike[str], head: bytes) -> str | None:
    """``"parquet"`` or ``"duckdb"`` when the file's bytes are one whatever its name, else None.

    A Parquet file begins and ends with the magic bytes ``PAR1`` (the end is read too: a text
    file may begin with those letters); a DuckDB database holds ``DUCK`` at byte 8 of its header.
    ``head`` is the file's first bytes.  Never raises (an unreadable end: None)."""
    if head[8:12] == b"DUCK" and len(head) >= 4096:
        return "duckdb"
    if head[:4] != b"PAR1" or len(head) < 12:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        os.lseek(fd, -4, os.SEEK_END)
        tail = os.read(fd, 4)
    except OSError:
        return None
    finally:
        os.close(fd)
    return "parquet" if tail == b"PAR1" else None


def _refuse_misnamed_collection(path: str | os.PathLike[str], file: str, head: bytes) -> None:
    """Name a Parquet or DuckDB file whose name says otherwise (``events.dat``, ``events.json``):
    it used to be "unknown file format" or a JSON reader's "NUL byte" error.

    Raises
    ------
    NotACollectionError
        Saying what the file is and how to open it (its own extension; a Parquet file also
        with ``--from parquet``).
    """
    kind = binary_kind(path, head)
    if kind is None or file.lower().endswith(_COLLECTION_SUFFIXES[kind]):
        return
    from .collection import NotACollectionError

    what = ("a Parquet file (it begins and ends with the Parquet magic bytes PAR1)" if kind == "parquet" else
            "a DuckDB database (its header holds DUCK at byte 8)")
    stem = os.path.splitext(os.path.basename(file))[0] or "events"
    raise NotACollectionError([Problem(file, (
        f"this is {what}, not a file of the kind its name {os.path.basename(file)!r} suggests; a timeline "
        f"collection written by `timeline-viewer convert` opens under a {_COLLECTION_SUFFIXES[kind]} name: rename "
        f"it to {stem}{_COLLECTION_SUFFIXES[kind]}"
        # (a DuckDB collection is told from a Parquet one by its name: --from duckdb does not open it)
        + (", or give --from parquet on the command line" if kind == "parquet" else "")))])


def read_timeline(path: str | os.PathLike[str], *, format: str | None = None) -> Timeline:
    """Read a timeline file in any registered format.

    The reader is the one named by ``format``; else the first whose identify
    function recognises the file; else the one registered for the longest
    matching file extension.  Rows or items a reader had to skip and fields
    it could not map are not reported here: use :func:`read_timeline_report`.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    format : str, optional
        Name of the reader to use (skips detection).

    Returns
    -------
    Timeline
        The timeline in the file.

    Raises
    ------
    TimelineLoadError
        If the file cannot be read or is not a regular file (a named pipe, a
        device, a folder), its format is not known (the message lists
        the known formats), or the reader finds problems in it.  No other
        exception escapes.
    """
    return read_timeline_report(path, format=format).timeline


def read_timeline_report(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    options: Mapping[str, Any] | None = None,
) -> ReadReport:
    """Read a timeline file in any registered format, with what could not be mapped.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    format : str, optional
        Name of the reader to use (skips detection; see :func:`read_timeline`).
    options : mapping, optional
        Keyword options of the reader's report function (``mapping``,
        ``date_format``, ``time_zone``, ``track_column``...).

    Returns
    -------
    ReadReport
        The timeline, the warnings (what could not be mapped) and the rows or
        items skipped, each a :class:`Problem` naming its place.

    Raises
    ------
    TimelineLoadError
        As :func:`read_timeline`; also when ``options`` are given to a reader
        that takes none or takes other ones (the message names them).
    """
    file = os.fsdecode(path)
    if format is None and "://" in file:
        from . import clickstore

        if clickstore.is_clickhouse_url(file):  # a shared collection on a ClickHouse server
            return clickstore.read_clickhouse_report(file, **dict(options or {}))
    require_regular_file(path, file)  # a named pipe or a device is refused before anything opens it
    reader = _choose_reader(path, file, format)
    options = dict(options or {})
    try:
        if reader.report is not None:
            return reader.report(file, **options)
        if options:
            raise TimelineLoadError([Problem(file, f"the {reader.name} reader takes no options "
                                             f"(given: {', '.join(sorted(options))})")])
        return ReadReport(reader.read(file))
    except (TimelineLoadError, ReadCancelled):
        raise  # ReadCancelled: the caller asked for the stop (viewer.io.progress)
    except TypeError as exc:
        if options and "unexpected keyword" in str(exc):
            raise TimelineLoadError([Problem(file, f"the {reader.name} reader does not take these options: "
                                             f"{', '.join(sorted(options))}")]) from None
        raise TimelineLoadError(
            [Problem(file, f"the {reader.name} reader failed ({type(exc).__name__}: {exc})")]
        ) from exc
    except MemoryError:
        raise TimelineLoadError([Problem(file, "not enough memory to read this file")]) from None
    except RecursionError:
        raise TimelineLoadError([Problem(file, "the data is nested too deeply to be read")]) from None
    except Exception as exc:  # noqa: BLE001 - the contract: only TimelineLoadError escapes
        raise TimelineLoadError(
            [Problem(file, f"the {reader.name} reader failed ({type(exc).__name__}: {exc})")]
        ) from exc


def writer_for(path: str | os.PathLike[str], format: str | None = None) -> Writer:
    """The writer named ``format``, else the one for the longest matching extension of ``path``.

    Raises
    ------
    ValueError
        If none matches (the message lists the known formats).
    """
    file = os.fsdecode(path)
    if format is not None:
        writer = next((w for w in _WRITERS if w.name == format), None)
        if writer is None:
            raise ValueError(f"unknown timeline format {format!r}; known formats: {_known_formats(_WRITERS)}")
        return writer
    writer = _by_extension(_WRITERS, file)
    if writer is None:
        raise ValueError(
            f"cannot tell the format to write {file!r} in from its name; known formats: "
            f"{_known_formats(_WRITERS)}"
        )
    return writer


def export_target(path: str, chosen: str | None = None) -> tuple[str, str]:
    """Where and in what format Export as… writes: ``(path, writer name)``.

    The file name decides when it ends in a writer's extension (``x.csv`` is
    CSV whatever filter was picked, so never JSON in a ``.csv`` or ``.ics``);
    a name with no such extension gets the first extension of the chosen
    filter's writer (``chosen``, a writer name) appended.

    Raises
    ------
    ValueError
        No writer matches the name and none (or an unknown one) was chosen.
    """
    by_name = _by_extension(_WRITERS, path)
    if by_name is not None:
        return path, by_name.name
    writer = next((w for w in _WRITERS if w.name == chosen), None)
    if writer is None or not writer.extensions:
        raise ValueError(f"cannot tell the format to write {path!r} in from its name; known formats: "
                         f"{_known_formats(_WRITERS)}")
    return path + writer.extensions[0], writer.name


KEEPS_DRAFTS = ("native", "parquet", "duckdb", "csv", "ics", "timelinejs", "vis")
"""Writers whose files mark unreviewed drafts as such (a collection's rows keep each event's
native JSON; CSV has a ``review`` column, iCalendar, TimelineJS and vis-timeline a "DRAFT, unreviewed" mark):
they list themselves what of a draft they do not keep; the others get a line saying the
drafts lost their marker."""
COLLECTION_WRITERS = ("parquet", "duckdb")
"""Writers that take a ``progress(message)`` callback (chunked, possibly long)."""


def write_timeline(
    timeline: Timeline, path: str | os.PathLike[str], *, format: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[str]:
    """Write a timeline in the format named, or chosen by the file extension.

    ``progress(message)`` is told how far a collection writer (Parquet, DuckDB) got.

    Every writer writes atomically (:mod:`viewer.io.atomic`).

    Parameters
    ----------
    timeline : Timeline
        The timeline to write.
    path : str or os.PathLike
        Destination file.
    format : str, optional
        Name of the writer to use; by default the one registered for the
        longest matching extension of ``path``.

    Returns
    -------
    list of str
        What the format could not hold and was left out (empty for native).

    Raises
    ------
    ValueError
        If no writer matches (the message lists the known formats), or the
        writer cannot express the timeline.
    OSError
        If the file cannot be written.
    """
    writer = writer_for(path, format)
    left_out = list(writer.write(timeline, os.fsdecode(path), progress) or [])
    drafts = timeline.draft_count()
    if drafts and writer.name not in KEEPS_DRAFTS:  # never let a draft pass as a reviewed fact unsaid
        left_out.append(f"{drafts} event{'s are' if drafts != 1 else ' is an'} unreviewed ingest "
                        f"draft{'s' if drafts != 1 else ''}: {writer.name} cannot mark "
                        f"{'them' if drafts != 1 else 'it'} as draft, so {'they' if drafts != 1 else 'it'} "
                        f"would read back as {'reviewed facts' if drafts != 1 else 'a reviewed fact'} (review "
                        f"{'them' if drafts != 1 else 'it'} first, or write native, CSV, TimelineJS, "
                        "Parquet or DuckDB, which keep the mark)")
    return left_out


def _lazy(module: str, name: str) -> Callable[..., Any]:
    """``viewer.io.<module>.<name>``, its module imported at the first call: a format's module
    (and what it imports: icalendar, the CSV sniffer...) loads when a file of it is sniffed,
    read or written, not with the registry."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(f"viewer.io.{module}"), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__module__ = f"viewer.io.{module}"
    return call


def _lazy_writer(module: str, name: str) -> WriteFn:
    """A writer's :data:`WriteFn` whose module is imported at the first write (:func:`_lazy`);
    a writer function without a ``progress`` argument is called without it."""

    def write(timeline: Timeline, path: str, progress: ProgressFn | None = None, /) -> list[str] | None:
        fn = getattr(importlib.import_module(f"viewer.io.{module}"), name)
        result: list[str] | None = fn(timeline, path, progress) if _takes_progress(fn) else fn(timeline, path)
        return result

    write.__name__ = write.__qualname__ = name
    write.__module__ = f"viewer.io.{module}"
    return write


register_reader("native", (".timeline.json", ".json"), _lazy("native", "looks_native"), _lazy("native", "read_native"),
                description="Timeline Viewer's own JSON (lossless)")
register_reader("timelinejs", (".timelinejs.json",), _lazy("timelinejs", "looks_timelinejs"),
                _lazy("timelinejs", "read_timelinejs"), report_fn=_lazy("timelinejs", "read_timelinejs_report"),
                description="TimelineJS JSON")
register_reader("timelinejs-csv", (), _lazy("timelinejs", "looks_timelinejs_csv"),
                _lazy("timelinejs", "read_timelinejs_csv"), report_fn=_lazy("timelinejs", "read_timelinejs_csv_report"),
                description="TimelineJS spreadsheet template saved as CSV")
register_reader("vis", (".vis.json",), _lazy("vistimeline", "looks_vis"), _lazy("vistimeline", "read_vis"),
                report_fn=_lazy("vistimeline", "read_vis_report"), description="vis-timeline items and groups JSON")
register_reader("acled", (), _lazy("acled", "looks_acled"), _lazy("acled", "read_acled"),
                report_fn=_lazy("acled", "read_acled_report"), description="conflict events in the ACLED CSV layout")
register_reader("csv", (".csv", ".tsv", ".tab"), None, _lazy("csvgeneric", "read_csv"),
                report_fn=_lazy("csvgeneric", "read_csv_report"),
                description="CSV/TSV, columns given or guessed from the header")
register_reader("parquet", (".parquet",), _lazy("duckstore", "looks_collection"), _lazy("duckstore", "read_collection"),
                report_fn=_lazy("duckstore", "read_collection_report"),
                description="event collection: time-sorted Parquet read with DuckDB (convert writes it)")
register_reader("duckdb", (".duckdb",), _lazy("duckstore", "looks_collection"), _lazy("duckstore", "read_collection"),
                report_fn=_lazy("duckstore", "read_collection_report"),
                description="event collection in one DuckDB file")
register_writer("native", (".timeline.json", ".json"), _lazy_writer("native", "write_native"),
                description="Timeline Viewer's own JSON (lossless)")
register_writer("timelinejs", (".timelinejs.json",), _lazy_writer("timelinejs_write", "write_timelinejs"),
                description="TimelineJS JSON, to publish as a web page")
register_writer("vis", (".vis.json",), _lazy_writer("vistimeline", "write_vis"),
                description="vis-timeline items and groups JSON")
register_writer("csv", (".csv", ".tsv"), _lazy_writer("csvgeneric", "write_csv"),
                description="CSV/TSV, one row per event")
register_writer("ics", (".ics", ".ical"), _lazy_writer("ical", "write_ics"),
                description="iCalendar, one VEVENT per event")
register_writer("parquet", (".parquet",), _lazy_writer("duckstore", "write_parquet"),
                description="event collection: time-sorted Parquet plus per-lane count tables (lossless)")
register_writer("duckdb", (".duckdb",), _lazy_writer("duckstore", "write_duckdb"),
                description="event collection in one DuckDB file (lossless)")
