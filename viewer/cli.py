"""``timeline-viewer convert | validate | export | deck | ingest``: the file commands.

:func:`viewer.app.main` hands over to :func:`main` when the first argument is
one of :data:`COMMANDS` (a file literally named ``convert`` is opened as
``./convert``).

Exit codes (also in ``--help`` and the README):

========  ===================================================================
command   0 / 1 / 2
========  ===================================================================
convert   0 written, nothing lost; 1 written, but rows were skipped, fields
          not mapped, values altered or events left out (each listed); 2
          nothing written (input unreadable or
          invalid, unknown format, output not writable; a collection
          whose rows validate refuses; OUT a clickhouse:// address whose
          server cannot be reached or whose table is there, without --replace)
validate  0 valid, everything maps; 1 invalid, or rows skipped, fields not
          mapped or values altered, every problem listed (file, line, row, field;
          a collection: every row's json, NaN times, duplicated ids, count
          tables that do not add up); 2 unreadable (missing, a folder, no
          permission, too large, unknown format: also a .parquet / .duckdb
          that is not a timeline collection; a clickhouse:// address whose
          server cannot be reached or whose table holds no collection)
export    0 written; 1 bad arguments or the picture could not be written;
          2 input unreadable or invalid
ingest    0 draft made (written with -o), every date expression resolved;
          1 made, but expressions left unresolved or warnings (listed: a
          quote never closed); 2 nothing made (article unreadable, bad
          --published, output not writable)
========  ===================================================================
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from typing import Any

from .io import native
from .io.clickstore import is_clickhouse_url, mask_password
from .io.collection import NotACollectionError
from .io.common import group_problems
from .io.losses import is_event_not_written
from .io.problems import NO_EQUIVALENT, not_kept_note
from .io.registry import read_timeline_report, reader_for, readers, write_timeline, writer_for, writers
from .io.regular import problem_from_oserror, require_regular_file, same_file
from .model.dates import EventDate
from .model.dday import DDayError, DDayYearUnknown, resolve_dday
from .model.errors import DateError, Problem, TimelineLoadError

__all__ = ["COMMANDS", "COMMAND_HELP", "commands_help", "main", "build_parser", "parse_size"]

# each file command: its arguments and one line of what it does (the subcommand's help, and
# the list in ``timeline-viewer --help``: viewer.app)
COMMAND_HELP = {
    "convert": ("IN OUT", "convert a timeline file to another format, or load it into ClickHouse "
                "(OUT clickhouse://host:9000/db?table=events)"),
    "validate": ("FILE", "check a timeline file and list every problem"),
    "export": ("FILE OUT", "draw a timeline file as a PNG, SVG or PDF picture"),
    "deck": ("FILE OUT.pdf", "write a story as a 16:9 PDF hand-out (as File > Export story as PDF deck)"),
    "ingest": ("ARTICLE", "read a news article (.txt, .html, .md) into a draft timeline to review"),
    "index": ("COLLECTION", "write the search index of a .parquet / .duckdb collection (again: damaged, stale or "
              "missing) or of a ClickHouse table (kept in the per-user cache folder)"),
}
COMMANDS = tuple(COMMAND_HELP)


def commands_help() -> str:
    """The file commands, one line each, for ``timeline-viewer --help``."""
    rows = [f"{name} {args}" for name, (args, _) in COMMAND_HELP.items()]
    width = max(len(r) for r in rows) + 2
    return "\n".join(f"  {r.ljust(width)}{COMMAND_HELP[name][1]}" for r, name in zip(rows, COMMAND_HELP))

EXIT_CODES = """exit codes:
  convert   0 written, nothing lost; 1 written but rows skipped, fields not mapped, values
            altered, events left out or details the output format cannot hold (listed);
            2 nothing written (also: OUT clickhouse://… not reached, or its table there without --replace)
  validate  0 valid, everything maps; 1 invalid, rows skipped or fields not mapped (every
            problem listed; a collection's rows are all read); 2 unreadable (missing, no
            permission, too large, unknown format, a .parquet/.duckdb that is not a collection,
            a clickhouse:// server not reached or a table that is not a collection)
  export    0 written; 1 bad arguments or not writable; 2 input unreadable or invalid
  deck      0 written; 1 bad arguments (unknown story) or not writable; 2 input unreadable or invalid
  ingest    0 draft made, every date resolved; 1 made, expressions left unresolved or warnings
            (listed: a quote never closed); 2 nothing made (article unreadable, bad --published, output not writable)
  index     0 search index written; 2 nothing written (not a collection, or the index cannot be written)"""



def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` -> ``(1920, 1080)`` pixels; raises ``argparse.ArgumentTypeError``."""
    m = re.fullmatch(r"\s*(\d{1,6})\s*[xX×]\s*(\d{1,6})\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, got {text!r}")
    w, h = int(m.group(1)), int(m.group(2))
    if not (200 <= w <= 8192 and 150 <= h <= 8192):
        raise argparse.ArgumentTypeError(f"size {w}x{h} is outside 200x150 .. 8192x8192")
    return w, h

def _formats_help() -> str:
    r = "; ".join(f"{x.name}" + (f" ({', '.join(x.extensions)})" if x.extensions else " (detected)") for x in readers())
    w = "; ".join(f"{x.name} ({', '.join(x.extensions)})" for x in writers())
    return f"readers: {r}\nwriters: {w}; pictures: .png .svg .pdf (export)"


def add_reader_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format (default: detected)")
    parser.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                        help="CSV: column of a field, e.g. --map title=Headline --map start=Date (repeatable)")
    parser.add_argument("--date-format", metavar="FMT",
                        help="CSV: strptime format of dates that are not ISO 8601, e.g. %%d/%%m/%%Y")
    parser.add_argument("--time-zone", metavar="ZONE", help="IANA zone of times of day without offset "
                        "(without it they are read as UTC and a note says how many)")
    parser.add_argument("--track-column", metavar="COLUMN", help="ACLED: column that gives the tracks "
                        "(default event_type)")


def build_parser() -> argparse.ArgumentParser:
    """The parser of the file commands."""
    p = argparse.ArgumentParser(prog="timeline-viewer", formatter_class=argparse.RawDescriptionHelpFormatter,
                                description="Convert, check and export timeline files.",
                                epilog=EXIT_CODES + "\n\n" + _formats_help())
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert", help=COMMAND_HELP["convert"][1],
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog=EXIT_CODES + "\n\n" + _formats_help())
    c.add_argument("input", metavar="IN")
    c.add_argument("output", metavar="OUT")
    c.add_argument("--to", dest="to_format", metavar="FORMAT", help="output format (default: by OUT's extension)")
    c.add_argument("--replace", action="store_true",
                   help="OUT a clickhouse:// address: replace its table when it is already there (without it, "
                   "an existing table is refused and nothing is written)")
    add_reader_options(c)
    v = sub.add_parser("validate", help=COMMAND_HELP["validate"][1],
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EXIT_CODES)
    v.add_argument("file", metavar="FILE")
    add_reader_options(v)
    e = sub.add_parser("export", help=COMMAND_HELP["export"][1],
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EXIT_CODES)
    e.add_argument("file", metavar="FILE")
    e.add_argument("output", metavar="OUT", help="OUT.png, OUT.svg or OUT.pdf")
    e.add_argument("--range", nargs=2, metavar=("START", "END"),
                   help="dates (ISO 8601/EDTF) of the range shown, e.g. 2022-02-01 2022-02-21 "
                   "(default: the timeline's home range if it has one, else everything)")
    e.add_argument("--size", default=None, metavar="WxH", help="picture size in pixels (default 1600x900)")
    e.add_argument("--page", choices=("16:9", "a4", "letter"), default=None,
                   help="page size instead of --size: a 16:9 slide (1600x900), A4 or Letter landscape; "
                   "the window's File > Export picture uses the same pages and layout")
    e.add_argument("--dpi", type=float, default=96.0, help="PNG resolution (default 96; 192 doubles the pixels)")
    e.add_argument("--title", help="title printed on the picture (default: the timeline's)")
    e.add_argument("--display-zone", metavar="ZONE", default="UTC",
                   help="IANA zone of the time axis and the dates (default UTC); --time-zone is the input's")
    e.add_argument("--dday", metavar="REF",
                   help="add the relative axis row: EVENT_ID or band:BAND_ID is D-day (as the app's --dday)")
    add_reader_options(e)
    d = sub.add_parser("deck", help=COMMAND_HELP["deck"][1],
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EXIT_CODES)
    d.add_argument("file", metavar="FILE")
    d.add_argument("output", metavar="OUT.pdf")
    d.add_argument("--story", metavar="NAME",
                   help="title of the story, or a unique start of it (default: the file's first story, "
                   "else every event in time order)")
    d.add_argument("--frames", metavar="DIR",
                   help="also write one PNG per step into this folder (made if missing; its parent must exist)")
    d.add_argument("--theme", choices=("light", "dark"), default=None,
                   help="theme of the PNG frames (default dark, as on the wall); the PDF is light for print")
    add_reader_options(d)
    i = sub.add_parser("ingest", help=COMMAND_HELP["ingest"][1],
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EXIT_CODES)
    i.add_argument("article", metavar="ARTICLE", help="the news article: .txt, .html or .md, UTF-8")
    i.add_argument("--published", metavar="DATE",
                   help="publication date, 2022-02-10 or 10 February 2022 (default: from a dateline, the page's "
                   "metadata, or inferred from the text and marked uncertain)")
    i.add_argument("--outlet", metavar="NAME", help="the outlet that published it (default: from the dateline)")
    i.add_argument("-o", "--output", metavar="DRAFT.timeline.json",
                   help="write the draft timeline here (without it, only the report is printed)")
    x = sub.add_parser("index", help=COMMAND_HELP["index"][1],
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EXIT_CODES)
    x.add_argument("file", metavar="COLLECTION", help="a .parquet or .duckdb collection written by convert, "
                   "or a ClickHouse address clickhouse://host:9000/db?table=events (only read)")
    x.add_argument("--out", metavar="SIDECAR", help="write the index here instead of beside the collection "
                   "(a folder that cannot be written); the window then does not find it by itself")
    return p


def _index(args: argparse.Namespace) -> int:
    """``index COLLECTION``: the sidecar search index written again from the collection's rows
    (:func:`~viewer.io.search_index.build_search_index`), replacing a damaged, stale or foreign one."""
    from .io.search_index import build_search_index

    shown = mask_password(args.file)  # (a password in an address is refused, and never echoed)
    progress = _ProgressLine(shown)
    out, code = _written(progress, lambda: build_search_index(args.file, progress=progress, out=args.out),
                         f"cannot index {shown}", f"cannot write the search index of {shown}")
    if code:
        return code
    print(f"wrote {out} (the search index of {shown})")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from .ingest import ArticleError, PublishedError, ingest_file, parse_published, report_text

    if args.output and not args.output.lower().endswith(".json"):
        _err(f"timeline-viewer: -o {args.output}: expected a native .timeline.json file (only it keeps the "
             "draft markers; convert it afterwards)")
        return 2
    try:
        published = parse_published(args.published) if args.published else None
    except PublishedError as exc:
        _err(f"timeline-viewer: {exc}")
        return 2
    try:
        result = ingest_file(args.article, published=published, outlet=args.outlet or "")
    except ArticleError as exc:
        _err(f"timeline-viewer: cannot ingest {exc}")
        return 2
    print(report_text(result))
    if args.output:
        try:
            native.write_native(result.timeline, args.output)
        except OSError as exc:
            # the atomic writer's own sentences name the file: only a bare strerror needs it added
            _err(f"timeline-viewer: cannot write {args.output}: {exc.strerror}" if exc.strerror
                 else f"timeline-viewer: {exc}")
            return 2
        print(f"wrote {args.output} ({len(result.timeline.events)} draft events to review: open it in the "
              "viewer, View > Review drafts)")
    else:
        print("(nothing written: give -o DRAFT.timeline.json to keep the draft)")
    return 1 if result.unresolved or result.warnings else 0


def reader_options(args: argparse.Namespace) -> dict:
    out: dict = {}
    if args.map:
        from .io.csvgeneric import parse_mapping  # the CSV reader's module, only when a mapping is given

        out["mapping"] = parse_mapping(args.map)
    if args.date_format:
        from .io.csvgeneric import check_date_format

        out["date_format"] = check_date_format(args.date_format)
    if args.time_zone:
        out["time_zone"] = args.time_zone
    if args.track_column:
        out["track_column"] = args.track_column
    return out


def _count(n: int, noun: str) -> str:
    """``"1 track"``, ``"2 tracks"``: a count with its noun in the right number."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _unreadable(path: str, from_format: str | None) -> TimelineLoadError | None:
    """The problem that makes ``path`` unreadable (exit 2), or None."""
    if is_clickhouse_url(path):  # an address, not a file: the ClickHouse reader names its problems
        return None
    try:
        info = require_regular_file(path)  # before opening: a named pipe would block
        if info.st_size > native.MAX_FILE_BYTES:
            return TimelineLoadError([Problem(
                path, f"the file is too large ({info.st_size / (1024 * 1024):.1f} MiB); timeline files are limited to "
                f"{native.MAX_FILE_BYTES // (1024 * 1024)} MiB")])
        with open(path, "rb") as fh:
            fh.read(1)
        reader_for(path, from_format)
    except TimelineLoadError as exc:
        return exc
    except OSError as exc:
        return TimelineLoadError([problem_from_oserror(path, exc)])
    return None


def _read(args: argparse.Namespace, path: str):
    return read_timeline_report(path, format=args.from_format, options=reader_options(args))


def _list(title: str, problems) -> None:
    if problems:
        _err(f"{title} ({len(problems)}):")
        for line in group_problems(problems):
            _err(f"  {line}")


class _ProgressLine:
    """Progress of a long write on stderr: one line rewritten in place on a terminal, else a line each."""

    def __init__(self, name: str) -> None:
        self.name, self.start = os.path.basename(name), time.monotonic()
        self.tty, self.open = sys.stderr.isatty(), False

    def __call__(self, message: str) -> None:
        text = f"{self.name}: {message} ({time.monotonic() - self.start:.0f} s)"
        sys.stderr.write(("\r\033[K" + text) if self.tty else text + "\n")
        sys.stderr.flush()
        self.open = self.tty

    def done(self) -> None:
        if self.open:
            sys.stderr.write("\n")
            self.open = False


def _collection_problems(timeline, label: str, warnings: list[Problem] | None = None) -> list[Problem]:
    """Every problem of the rows of a collection read from a Parquet / DuckDB file (its json,
    NaN times, duplicated ids: :func:`viewer.io.collection_check.collection_problems`), read a
    batch at a time with progress on stderr, or of a ClickHouse table (counted by the server, then
    its rows' json read as a Parquet collection's: :func:`viewer.io.clickstore.table_problems`);
    ``[]`` for any other timeline.  With ``warnings``, every width of its count tables is summed too
    and a mismatch is added there as a note."""
    store = getattr(timeline, "_store", None)
    if store is None:
        return []
    from .io.clickstore import ClickStore, table_problems
    from .io.collection_check import collection_problems
    from .io.duckstore import DuckStore

    if isinstance(store, ClickStore):  # counted by the server, then every row's json read a batch at a time
        progress = _ProgressLine(label)
        try:
            return table_problems(store, progress)
        finally:
            progress.done()
    if not isinstance(store, DuckStore):
        return []
    if warnings is not None:  # opening summed the coarse widths of the count tables; now every width
        before = store.index_note
        store.check_count_totals(every_width=True)
        store.check_search_index(every_row=True)  # every row's indexed text, where opening checked a few
        if store.index_note != before:
            warnings.append(Problem(store.path, store.index_note[len(before):].strip()))
    progress = _ProgressLine(label)
    try:
        return collection_problems(store, progress)
    finally:
        progress.done()


def _copy_collection(args: argparse.Namespace) -> int | None:
    """``convert big.parquet big.duckdb`` (or back): the collection's tables copied as they are
    (:func:`~viewer.io.duckstore.copy_collection`), every event kept; None when IN and OUT are
    not a collection and a collection of the other kind (the timeline is then read and written)."""
    kinds = {".parquet": "parquet", ".duckdb": "duckdb"}
    src, dst = (kinds.get(os.path.splitext(p)[1].lower()) for p in (args.input, args.output))
    if src is None or dst is None or src == dst or (args.to_format or dst) != dst or (args.from_format or src) != src:
        return None
    from .io.duckstore import copy_collection, looks_collection

    try:
        with open(args.input, "rb") as f:
            head = f.read(16)
    except OSError:
        return None  # named by the ordinary reader
    if not looks_collection(args.input, head):
        return None
    progress = _ProgressLine(args.output)
    n, code = _written(progress, lambda: copy_collection(args.input, args.output, progress=progress),
                       f"cannot convert {args.input}", f"cannot write {args.output}")
    if code:
        return code
    print(f"wrote {args.output} ({n:,} event{'' if n == 1 else 's'}, copied from the collection {args.input} as it is)")
    return 0


WRITTEN_AS = {"native": "a Timeline Viewer native file", "timelinejs": "TimelineJS JSON",
              "vis": "vis-timeline JSON", "csv": "CSV", "ics": "iCalendar", "parquet": "a Parquet event collection",
              "duckdb": "a DuckDB event collection"}
"""What ``convert`` says it wrote, by writer name (a writer not listed: its name)."""


def _written_as(output: str, to_format: str | None) -> tuple[str, str]:
    """``(" as FORMAT", advice)`` for convert's ``wrote`` line: the format written, and, when a
    plain ``.json`` was written native by its extension, how to get TimelineJS or vis-timeline
    (a ``.json`` target may be meant for either)."""
    name = writer_for(output, to_format).name
    said = WRITTEN_AS.get(name, name)
    if name == "csv" and output.lower().endswith(".tsv"):
        said = "TSV"
    advice = ""
    if name == "native" and to_format is None and not output.lower().endswith(".timeline.json"):
        advice = ("; for TimelineJS or vis-timeline use --to timelinejs or --to vis "
                  "(or name the file .timelinejs.json or .vis.json)")
    return f" as {said}", advice


def _load(args: argparse.Namespace) -> int:
    """``convert IN clickhouse://host:port/db?table=T`` (or ``chdb:///folder?table=T``): IN loaded
    into that table (:func:`~viewer.io.clickstore.load_url`): a ``.parquet`` collection as it is, any
    other input first written as a temporary one.  An existing table is refused unless --replace.
    The user and password as for reading (``TIMELINE_CLICKHOUSE_USER`` / ``_PASSWORD``)."""
    import tempfile

    from .io.clickstore import ClickHouseOpenError, check_loadable, load_url, server_said
    from .io.duckstore import copy_collection, looks_collection

    shown = mask_password(args.output)
    try:  # before minutes of converting: no server there, or a table in the way
        if not args.replace:
            check_loadable(args.output)
    except ClickHouseOpenError as exc:
        _err(f"timeline-viewer: cannot load into {shown}: {exc.problems[0].message}")
        return 2
    try:
        with open(args.input, "rb") as f:
            head = f.read(16)
    except OSError:
        head = b""  # the reader names the problem
    progress = _ProgressLine(args.input)
    lossy = False  # rows skipped or fields not mapped on the way (listed): exit 1, as convert's
    with tempfile.TemporaryDirectory(prefix="timeline-viewer-load-") as tmp:
        parquet = args.input
        if not (args.input.lower().endswith(".parquet") and looks_collection(args.input, head)):
            parquet = os.path.join(tmp, "events.parquet")
            if looks_collection(args.input, head):  # a .duckdb collection: its tables copied as they are
                _, code = _written(progress, lambda: copy_collection(args.input, parquet, progress=progress),
                                   f"cannot load {args.input}", f"cannot copy {args.input} for loading")
                if code:
                    return code
            else:
                try:
                    report = _read(args, args.input)
                except TimelineLoadError as exc:
                    _err(f"timeline-viewer: cannot load {args.input}:\n{_grouped(exc)}")
                    return 2
                lossy = bool(report.skipped or report.warnings)
                _list("rows or items not loaded", report.skipped)
                _list("not mapped or altered (loaded without these)", report.warnings)
                _, code = _written(progress, lambda: write_timeline(report.timeline, parquet, progress=progress),
                                   f"cannot load {args.input}", f"cannot write {args.input} as a collection")
                if code:
                    return code
        try:
            n = load_url(args.output, parquet, replace=args.replace, progress=progress)
        except ClickHouseOpenError as exc:  # one sentence: the address and what to do
            progress.done()
            _err(f"timeline-viewer: cannot load into {shown}: {exc.problems[0].message}")
            return 2
        except Exception as exc:  # noqa: BLE001 - the server's error while creating or writing the tables
            progress.done()
            said = server_said(exc)  # the server's "Code: N. DB::Exception: ...", without its stack trace
            _err(f"timeline-viewer: cannot load into {shown}: {said}")
            return 2
        progress.done()
    print(f"loaded {args.input} into {shown} ({_count(n, 'event')}); open it: timeline-viewer '{shown}'")
    return 1 if lossy else 0


def _convert(args: argparse.Namespace) -> int:
    if is_clickhouse_url(args.output):
        return _load(args)
    if args.replace:
        _err("timeline-viewer: --replace is for loading into ClickHouse (OUT clickhouse://host:9000/db?table=events); "
             "a file OUT is replaced anyway")
        return 2
    if same_file(args.input, args.output):
        _err(f"timeline-viewer: cannot convert {args.input} into itself: {args.output} is the same file "
             "(write to another name)")
        return 2
    copied = _copy_collection(args)
    if copied is not None:
        return copied
    try:
        report = _read(args, args.input)
    except TimelineLoadError as exc:
        _err(f"timeline-viewer: cannot convert {args.input}:\n{_grouped(exc)}")
        return 2
    bad_rows = _collection_problems(report.timeline, args.input)
    if bad_rows:  # what its own validate would refuse is never written
        _err(f"timeline-viewer: cannot convert {args.input}: {_count(len(bad_rows), 'problem')} in its rows "
             "(nothing written):")
        for line in group_problems(bad_rows):
            _err(f"  {line}")
        return 2
    progress = _ProgressLine(args.output)
    try:
        left_out = write_timeline(report.timeline, args.output, format=args.to_format, progress=progress)
    except TimelineLoadError as exc:  # a collection's event read while writing (its rows are read lazily)
        progress.done()
        _err(f"timeline-viewer: cannot convert {args.input}:\n{_grouped(exc)}")
        return 2
    except (ValueError, OSError) as exc:
        progress.done()
        _err(f"timeline-viewer: cannot write {args.output}: {exc}")
        return 2
    progress.done()
    _list("rows or items not loaded", report.skipped)
    _list("not mapped or altered (loaded without these)", report.warnings)
    _list("read as", report.notes)
    if left_out:
        _err(f"left out of {args.output} ({len(left_out)}):")
        for line in left_out:
            _err(f"  {line}")
    # the count is of the events in the file: a writer names each event it could not write
    # (losses.event_not_written), e.g. BCE dates in iCalendar
    unwritten = sum(1 for line in left_out if is_event_not_written(line))
    written = _count(len(report.timeline.events) - unwritten, "event")
    said, advice = _written_as(args.output, args.to_format)
    print(f"wrote {args.output}{said} ({written}{f'; {unwritten} left out' if unwritten else ''}){advice}")
    _duckdb_advice(args.output, len(report.timeline.events))
    return 1 if report.skipped or report.warnings or left_out else 0


DUCKDB_ADVICE = 10_000_000
"""Events from which writing a ``.parquet`` collection says a ``.duckdb`` one would answer faster."""


def _duckdb_advice(output: str, n: int) -> None:
    """Say, for a big Parquet collection, that the same collection as ``.duckdb`` opens and draws
    faster (benchmarks/README.md, issue 13's sixth round: at 10^8 events a frame's questions were
    answered 2-3 times faster) and how to get it (the copy gets its own search index)."""
    if not output.lower().endswith(".parquet") or n < DUCKDB_ADVICE:
        return
    duck = output[:-len(".parquet")] + ".duckdb"
    _err(f"note: {n:,} events: the same collection as a DuckDB file opens and draws faster "
         f"(at 100 million events a view's questions take half the time or less); "
         f"`timeline-viewer convert {output} {duck}` copies it as it is, with its own search index.")


_NO_EQUIVALENT = NO_EQUIVALENT  # (the readers' words: viewer.io.problems)
_NOT_FOLLOWED = "not opened, as a collection's sidecar file is never followed"  # duckstore.NOT_FOLLOWED
_INDEX_NOT_USED = re.compile(r"search index (ignored|dropped), ")  # search_index.index_note


def _story_dday_problems(timeline, name: str) -> list[Problem]:
    """A story whose D-day names an event or band whose year is unknown (``XXXX-06-10``): one
    problem each (the file opens; presenting the story draws no relative axis from it)."""
    out = []
    for i, story in enumerate(getattr(timeline, "stories", ())):
        if not story.dday:
            continue
        try:
            resolve_dday(timeline, story.dday)
        except DDayYearUnknown as exc:
            out.append(Problem(name, f"story {story.title!r}: D-day {story.dday!r}: {exc}",
                               location=f"stories[{i}].dday"))
        except DDayError:
            continue  # an unknown id is refused by the reader; a coarse date, by the presenter
    return out


def _step_track_problems(timeline, name: str) -> list[Problem]:
    """A story step whose ``tracks`` leave out its own event's track: one problem each (the file
    opens; presenting the step shows that track too, else its caption is about an event not on
    screen)."""
    out = []
    for i, story in enumerate(getattr(timeline, "stories", ())):
        for k, step in enumerate(story.steps):
            if not step.tracks or not timeline.has_event(step.event):
                continue
            track = timeline.event(step.event).track
            if track not in step.tracks:
                out.append(Problem(name, f"story {story.title!r}, step {k + 1}: its tracks leave out {track!r}, "
                                   f"the track of its own event {step.event!r} (presenting it shows that track "
                                   "too); expected the step's tracks to include it",
                                   location=f"stories[{i}].steps[{k}].tracks"))
    return out


def _blank_label_problems(timeline, name: str, path: str, fmt: str | None = None) -> list[Problem]:
    """A track whose label is empty or only spaces: one problem each, naming its id and place,
    with its line and column in a native JSON file (the file opens; its lane would show no name)."""
    blank = [(i, t) for i, t in enumerate(timeline.tracks) if not t.label.strip()]
    locate: Callable[[list[Any]], tuple[int | None, int | None]] = lambda _path: (None, None)  # noqa: E731
    try:
        if blank and reader_for(path, fmt).name == "native":
            from .io.common import load_text
            from .io.jsonpos import SourcePositions
            locate = SourcePositions(load_text(path)[1]).locate
    except (TimelineLoadError, OSError):
        pass  # the problems keep their place in words
    return [Problem(name, f"track {t.id!r}: its label {t.label!r} is blank, so its lane shows no name; "
                    "expected a name to show", *locate(["tracks", i, "label"]), location=f"tracks[{i}].label")
            for i, t in blank]


def _validate(args: argparse.Namespace) -> int:
    from .io.clickstore import ClickHouseOpenError

    name = mask_password(args.file)  # a ClickHouse address's password is never echoed
    bad = _unreadable(args.file, args.from_format)
    if bad is not None:
        _err(f"timeline-viewer: cannot read {name}:\n{_grouped(bad)}")
        return 2
    try:
        report = _read(args, args.file)
    except ClickHouseOpenError as exc:  # no server there, a refused address, no collection: unreadable
        _err(f"timeline-viewer: cannot read {name}: {exc.problems[0].message}")
        return 2
    except NotACollectionError as exc:  # not Parquet / DuckDB, or not a timeline collection: unknown format
        _err(f"timeline-viewer: cannot read {name}:\n{_grouped(exc)}")
        return 2
    except TimelineLoadError as exc:
        _err(f"{name}: invalid ({len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}):")
        for line in group_problems(exc.problems):
            _err(f"  {line}")
        return 1
    store = getattr(report.timeline, "_store", None)
    try:
        return _validate_report(args, name, report)
    finally:
        if store is not None and is_clickhouse_url(args.file):
            store.close()  # the server's connection let go of (the command ends; a test runs on)


def _also_not_mapped(warnings) -> None:
    """After the rows refused: the fields not mapped or altered, then the format's fields with no
    place here as the one note line (:func:`viewer.io.problems.not_kept_note`), as on a valid file."""
    _list("also not mapped or altered", [p for p in warnings if _NO_EQUIVALENT not in p.message])
    if not_kept_note(warnings):
        _err(not_kept_note(warnings))


def _validate_report(args: argparse.Namespace, name: str, report) -> int:
    """:func:`_validate` once read: a read report's problems listed; the exit code."""
    bad_rows = _collection_problems(report.timeline, name, report.warnings)
    if bad_rows:
        _err(f"{name}: invalid ({_count(len(bad_rows), 'problem')} in its rows):")
        for line in group_problems(bad_rows):
            _err(f"  {line}")
        _also_not_mapped(report.warnings)
        return 1
    if report.skipped:
        _err(f"{name}: invalid ({len(report.skipped)} row{'s' if len(report.skipped) != 1 else ''} "
             "cannot be loaded):")
        for line in group_problems(report.skipped):
            _err(f"  {line}")
        _also_not_mapped(report.warnings)
        _list("read as", report.notes)
        return 1
    _list("read as", report.notes)
    # a known format's field this viewer has no place for (ACLED's data_id, iso, ...) is a note about
    # what is not kept, not a fault of the file: every ACLED export has them
    not_kept = [p for p in report.warnings if _NO_EQUIVALENT in p.message]
    # a counts file or search index that is a link or a pipe is not opened: the data is sound, the
    # counts and search are made without it (see DuckStore.not_followed)
    unopened = [p for p in report.warnings if _NOT_FOLLOWED in p.message]
    # a search index that is damaged, stale or another file's: the data is sound, but search
    # would miss events through it (it is not used: search scans), and the way out is named
    index_bad = [p for p in report.warnings if _INDEX_NOT_USED.search(p.message) and _NOT_FOLLOWED not in p.message]
    altered = [p for p in report.warnings if _NO_EQUIVALENT not in p.message and _NOT_FOLLOWED not in p.message
               and p not in index_bad]
    dday_bad = _story_dday_problems(report.timeline, name)
    step_bad = _step_track_problems(report.timeline, name)
    blank = _blank_label_problems(report.timeline, name, args.file, args.from_format)
    if blank:
        _err(f"{name}: loads, but {_count(len(blank), 'track')} {'has' if len(blank) == 1 else 'have'} "
             "no name to show:")
        for line in group_problems(blank):
            _err(f"  {line}")
    if dday_bad:
        _err(f"{name}: loads, but {_count(len(dday_bad), 'story D-day')} cannot be used (presenting the story "
             "draws no relative axis from it):")
        for line in group_problems(dday_bad):
            _err(f"  {line}")
    if step_bad:
        _err(f"{name}: loads, but {_count(len(step_bad), 'story step')} {'leaves' if len(step_bad) == 1 else 'leave'}"
             f" out the track of {'its' if len(step_bad) == 1 else 'their'} own event:")
        for line in group_problems(step_bad):
            _err(f"  {line}")
    if unopened:
        _err(f"note: {_count(len(unopened), 'sidecar file')} of the collection not opened (the data does "
             "not need them):")
        for p in unopened:
            _err(f"  {p.message}")
    if not_kept:
        _err(not_kept_note(not_kept))
    if index_bad:
        _err(f"{name}: its search index cannot be used (the events themselves are sound):")
        for p in index_bad:
            _err(f"  {p.message}")
    if altered:
        _err(f"{name}: loads, but not wholly ({len(altered)} field"
             f"{'s' if len(altered) != 1 else ''} not mapped or values altered):")
        for line in group_problems(altered):
            _err(f"  {line}")
        print(f"{name}: {_count(len(report.timeline.events), 'event')}, "
              f"{_count(len(report.timeline.tracks), 'track')}; "
              "not valid as it is: see the list above")
        return 1
    if index_bad or dday_bad or blank or step_bad:
        print(f"{name}: {_count(len(report.timeline.events), 'event')}, "
              f"{_count(len(report.timeline.tracks), 'track')}; not valid as it is: "
              + ("its search index is damaged, stale or not this file's (see above)" if index_bad
                 else "see the list above"))
        return 1
    kept_note = f"; {_count(len(not_kept), 'field')} of the format not kept: see the note above" if not_kept else ""
    if unopened:
        kept_note += f"; {_count(len(unopened), 'sidecar file')} not opened: see the note above"
    print(f"{name}: valid ({_count(len(report.timeline.events), 'event')}, "
          f"{_count(len(report.timeline.tracks), 'track')}{kept_note})")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .ui.export import PAGE_SIZES

    if args.page is not None and args.size is not None:
        _err("timeline-viewer: give --size or --page, not both")
        return 1
    try:
        w, h = PAGE_SIZES[args.page] if args.page is not None else parse_size(args.size or "1600x900")
    except argparse.ArgumentTypeError as exc:
        _err(f"timeline-viewer: {exc}")
        return 1
    x_range = None
    if args.range:
        try:
            start, end = EventDate(args.range[0]), EventDate(args.range[1])
        except DateError as exc:
            _err(f"timeline-viewer: --range: {exc}")
            return 1
        x_range = (start.earliest, end.latest)
    try:
        report = _read(args, args.file)
    except TimelineLoadError as exc:
        _err(f"timeline-viewer: cannot export {args.file}:\n{_grouped(exc)}")
        return 2
    _list("rows or items not loaded", report.skipped)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .model.zones import timeline_on_local_days, zone_info
    from .ui.export import PictureOptions, export_picture, picture_path_problem

    problem = picture_path_problem(args.output)
    if problem is not None:
        _err(f"timeline-viewer: cannot export: {problem}")
        return 1
    zone = args.display_zone
    timeline = report.timeline
    if zone != "UTC":
        try:
            zone_info(zone)  # an unknown zone is a bad argument, named
        except DateError as exc:
            _err(f"timeline-viewer: --display-zone: {exc}")
            return 1
        timeline = timeline_on_local_days(timeline, zone)  # date-only events on that zone's days
    try:
        dday = resolve_dday(report.timeline, args.dday, zone) if args.dday else None
    except DDayError as exc:
        _err(f"timeline-viewer: --dday: {exc}")
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - needed alive while drawing
    try:
        export_picture(timeline, args.output,
                       PictureOptions(size=(w, h), dpi=args.dpi, x_range_epoch=x_range, title=args.title,
                                      display_zone=zone, dday=dday))
    except (ValueError, OSError) as exc:
        _err(f"timeline-viewer: cannot export to {args.output}: {exc}")
        return 1
    print(f"wrote {args.output}")
    return 0


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's harmless 'propagateSizeHints' warning; keep all others."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message):  # noqa: ARG001
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)


def _deck(args: argparse.Namespace) -> int:
    from pathlib import Path

    if not args.output.lower().endswith(".pdf") or Path(args.output).is_dir():
        _err(f"timeline-viewer: the deck is a PDF: name the file with .pdf (got {args.output!r})")
        return 1
    if args.frames is not None and not Path(args.frames).is_dir():
        frames_dir = Path(args.frames)
        if frames_dir.exists() or frames_dir.is_symlink() or not frames_dir.absolute().parent.is_dir():
            _err(f"timeline-viewer: --frames: {args.frames} is not a folder, and cannot be made here "
                 "(its parent folder must exist)")
            return 1
        try:
            frames_dir.mkdir()
        except OSError as exc:
            _err(f"timeline-viewer: --frames: cannot make the folder {args.frames}: {exc}")
            return 1
    if args.frames is not None and os.path.islink(args.frames.rstrip("/\\") or args.frames):
        _err(f"timeline-viewer: --frames: {args.frames} is a symbolic link (to "
             f"{os.path.realpath(args.frames)}); name the folder itself; nothing was written")
        return 1
    try:
        report = _read(args, args.file)
    except TimelineLoadError as exc:
        _err(f"timeline-viewer: cannot make a deck of {args.file}:\n{_grouped(exc)}")
        return 2
    _list("rows or items not loaded", report.skipped)
    from .model.story import stories_of

    stories = stories_of(report.timeline)
    named = stories[0] if args.story is None else next((s for s in stories if s.title == args.story), None)
    if named is None and args.story:  # else a unique prefix, ignoring case ("allied resolve-2022")
        prefixed = [s for s in stories if s.title.casefold().startswith(args.story.casefold())]
        named = prefixed[0] if len(prefixed) == 1 else None
    if named is None:
        _err(f"timeline-viewer: --story: no story titled {args.story!r} in {args.file}; its stories: "
             + "; ".join(repr(s.title) for s in stories))
        return 1
    story = named
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .ui.handout import export_pdf, export_png_frames

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - needed alive while drawing
    quiet_offscreen_warnings()
    try:
        pages = export_pdf(report.timeline, story, args.output)
        frames = export_png_frames(report.timeline, story, args.frames, theme=args.theme or "dark") \
            if args.frames is not None else []
    except OSError as exc:
        _err(f"timeline-viewer: cannot write the deck: {exc}")
        return 1
    print(f"wrote {args.output} ({pages} pages, story {story.title!r})")
    if args.frames is not None:
        print(f"wrote {len(frames)} frames into {args.frames}")
    if story.dday:  # a D-day the presenter cannot count from: the deck has no relative axis, and says so
        try:
            resolve_dday(report.timeline, story.dday)
        except DDayError as exc:
            _err(f"note: story {story.title!r}: its D-day {story.dday!r} is not used ({exc}): the deck has no "
                 "relative axis")
            return 1
    return 0


def _written(progress: _ProgressLine, work: Callable[[], Any], cannot_read: str,
             cannot_write: str) -> tuple[Any, int]:
    """``(work(), 0)``, the progress line ended; or ``(None, 2)`` with the reason said: a file
    that cannot be read (its problems, grouped) or an output that cannot be written (OSError,
    the engine's or SQLite's error: its first line)."""
    try:
        value = work()
    except TimelineLoadError as exc:
        progress.done()
        _err(f"timeline-viewer: {cannot_read}:\n{_grouped(exc)}")
        return None, 2
    except Exception as exc:  # noqa: BLE001 - OSError, sqlite3.Error, the engine's error while writing
        progress.done()
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        _err(f"timeline-viewer: {cannot_write}: {first}")
        return None, 2
    progress.done()
    return value, 0


def _grouped(exc: TimelineLoadError) -> str:
    """A load error's problems, one a line, those of one kind as one line ('508 rows like: …; lines
    2-509', :func:`viewer.io.common.group_problems`): a wrong --date-format printed 508 lines."""
    return "\n".join(group_problems(exc.problems))


def main(argv: list[str]) -> int:
    """Run one file command; returns the exit code (see the module docstring).

    Output piped into a reader that stops early (``… | head``) ends the command quietly
    with exit 1 and no traceback (the Python documentation's SIGPIPE note: stdout is
    pointed at devnull so the interpreter's final flush does not fail again)."""
    try:
        return _run(argv)
    except BrokenPipeError:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 1


def _run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "convert":
            return _convert(args)
        if args.command == "validate":
            return _validate(args)
        if args.command == "deck":
            return _deck(args)
        if args.command == "ingest":
            return _ingest(args)
        if args.command == "index":
            return _index(args)
        return _export(args)
    except ValueError as exc:  # a bad --map
        _err(f"timeline-viewer: {exc}")
        return 2 if args.command not in ("export", "deck") else 1
