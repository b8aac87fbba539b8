"""A shared collection on a ClickHouse server: the event store over one ClickHouse table.

``timeline-viewer clickhouse://host:8123/db?table=events`` opens the table
(loaded from a collection with :func:`load_collection`); the same
:class:`~viewer.model.store.EventStore` answers as
:class:`~viewer.io.duckstore.DuckStore` gives, from ClickHouse SQL: the
table's layout is :data:`viewer.io.collection.COLUMNS`, ordered by time
(``ORDER BY (sort_point, file_index)``: the MergeTree's primary index finds a
window's rows), with ``<table>_counts`` (the pre-aggregated strips) and
``<table>_meta`` (the timeline's title, tracks, sources) beside it.

Three ways to reach ClickHouse, one SQL:

* :class:`NativeBackend`: a server over the native TCP protocol, through
  ``clickhouse-driver``: any server from 18.x on (Debian's ``clickhouse-server``
  is 18.16).  ``clickhouse://host:9000/db?table=events``: ports 9000 / 9440
  (TLS), or ``protocol=native``, pick it.  A server before 22 gets the legacy
  layout (:func:`load_collection`) and ``1``/``0`` for ``true``/``false``.
* :class:`ConnectBackend`: a recent server (22 and later) over HTTP, through
  ``clickhouse-connect``: any other port (8123 by default), or ``protocol=http``.
  18.16 refuses its handshake ("Unknown identifier: readonly").
* :class:`ChdbBackend`: chDB, ClickHouse's engine in-process (``chdb`` on
  PyPI), for a machine without a server (URL ``chdb:///folder?table=events``).

For both servers the user name and password come from ``TIMELINE_CLICKHOUSE_USER`` /
``TIMELINE_CLICKHOUSE_PASSWORD`` or from a prompt the caller gives; a password in
the URL is refused, so it never reaches a recent-files list.

No Qt.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import functools
import json
import logging
import math
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import parse_qs, parse_qsl, unquote, urlsplit, urlunsplit

import numpy as np

from viewer.model.errors import Problem, TimelineLoadError
from viewer.model.search import parse_query
from viewer.model.store import (
    DEFAULT_CAP,
    EventStore,
    SearchResult,
    VisibleEvents,
    aggregate_resolution,
    check_facet,
    check_page,
    check_window,
    density_from_parts,
    lanes_that_fit,
)
from viewer.model.store_query import FilterLike, Frame, StoreFilter
from viewer.model.timeline import Event

from .collection import (
    CALENDAR_NAMES,
    CALENDAR_SQL,
    COLUMNS,
    DRAFT_SQL,
    LOAD_COLUMNS,
    PLANNED_SQL,
    calendar_of_rows,
    event_of_row,
    timeline_of_columns,
    timeline_of_meta,
)
from .common import ReadReport
from .search_index import (  # a search counts its matches up to COUNT_CAP
    COUNT_CAP,
    QUICK_COUNT,
    CollectionIndex,
    index_dir,
    index_note,
    write_collection_index,
)
from .store_sql import (
    CLICKHOUSE,
    STATS_KEY,
    WINDOW_LIMIT,
    CountCache,
    CountedWindows,
    MarkerChunks,
    bucket_bins,
    bucket_bins_sql,
    contains_sql,
    filter_where,
    read_stats,
    window_count_plan,
    window_counts,
)

__all__ = ["ClickStore", "ConnectBackend", "NativeBackend", "ChdbBackend", "legacy_sql", "NATIVE_PORTS", "open_url",
           "load_collection", "load_url", "check_loadable", "read_clickhouse_report", "ClickHouseOpenError",
           "TableExistsError", "server_said", "table_problems",
           "is_clickhouse_url", "mask_password", "USER_ENV", "PASSWORD_ENV"]

for _library in ("clickhouse_connect", "clickhouse_driver"):
    # their warnings on a refused connection ("Unexpected Http Driver Exception", "Failed to connect"
    # with a traceback) reached stderr through logging's last resort; the error they raise is said once,
    # in open_url's words.  A handler of the application's (logging configured) still gets them.
    logging.getLogger(_library).addHandler(logging.NullHandler())


class ClickHouseOpenError(TimelineLoadError):
    """A ClickHouse / chDB address that cannot be opened: malformed, a password in it, a server that
    cannot be reached or refuses, no collection in the table.  Unreadable input (``validate`` exits 2),
    not an invalid collection."""


class TableExistsError(ClickHouseOpenError):
    """:func:`load_url` without ``replace`` on a table that is already there (nothing was written)."""

USER_ENV, PASSWORD_ENV = "TIMELINE_CLICKHOUSE_USER", "TIMELINE_CLICKHOUSE_PASSWORD"
NATIVE_PORTS = (9000, 9440)
"""ClickHouse's native-protocol ports (plain, TLS): an address on one of them is opened natively."""
_ROW = ("id, lane, kind, x0, x1, xm, flags, title, solid0, solid1, "
        f"ifNull({PLANNED_SQL}, 0) AS planned, ifNull({DRAFT_SQL}, 0) AS draft, {CALENDAR_SQL}")
TEXT_INDEXES = ("text(tokenizer = ngrams(3))", "ngrambf_v1(3, 65536, 3, 0) GRANULARITY 1")
"""Skip index of the folded search text: ClickHouse's text index of 3-grams (25.x and later: exact
granules), else the older n-gram Bloom filter (ngrambf_v1: 3-grams, 64 KiB per granule)."""
SPAN_BOUNDS = (60.0, 3600.0, 86400.0, 7 * 86400.0, 31 * 86400.0, 366 * 86400.0)
"""How far (s) a row's drawn values (``x0``, ``x1``, ``xm``) lie from its ``sort_point`` at most, per
span class of the legacy layout (``span`` 0-5; 6: farther, open, or not drawn): a window's rows are
then one stretch of the sort key per class (:meth:`ClickStore._near`), not the whole table.  Written
in the table's meta (:data:`SPAN_KEY`) when loaded: a store reads a table by the bounds it was made with."""
SPAN_KEY = "span_bounds"
CHUNKED_FROM = 250_000
"""A server's marker counts of a width with more rows than this are read in chunks
(:class:`~viewer.io.store_sql.MarkerChunks`), not whole at the first frame that needs them."""
SPAN_SQL = ("multiIf(" + ", ".join(
    f"ifNull(drawn AND greatest(sort_point - least(x0, least(x1, xm)), greatest(x0, greatest(x1, xm)) - sort_point) "
    f"<= {bound!r}, 0), {k}" for k, bound in enumerate(SPAN_BOUNDS)) + f", {len(SPAN_BOUNDS)})")
"""The ``span`` class of a row (NULL, NaN and infinite distances compare false: the last class)."""
_SHOWN = _ROW.removeprefix("id, ") + ", json"
"""The search index's :data:`~viewer.io.search_index.SHOWN_COLUMNS` as this table gives them."""
TOKEN_KEY = "timeline_viewer_collection"
"""The ``_meta`` key of the loaded collection's token (written by :func:`load_collection` since the
search index of a ClickHouse table; an older table has none: its index is named by the table's
creation time alone)."""
INDEX_SPOT_CHECKS = 8
"""Consecutive rows of the table checked against its search index at opening (one key range read)."""
INDEX_BATCH = 100_000
"""Rows read from the server per query while its search index is written (by ``file_index``)."""


def index_file(address: str, folder: str | None = None) -> str | None:
    """Where the search index of the ClickHouse table ``address`` (``scheme://host:port/db|db.table``)
    is kept: ``<cache folder>/<BLAKE2b of the address>.clickhouse.search.sqlite`` in the per-user
    cache folder (:func:`viewer.io.search_index.index_dir`), never on the server; None without a
    folder that can be trusted.  What it indexes (the table's collection token, creation time,
    rows) is recorded inside and checked at opening: a reloaded table's index is stale."""
    import hashlib

    folder = folder or index_dir()
    if folder is None:
        return None
    key = hashlib.blake2b(address.encode("utf-8"), digest_size=16).hexdigest()
    return os.path.join(folder, f"{key}.clickhouse.search.sqlite")


_CH_TYPE = {"i8": "Int8", "i32": "Int32", "i64": "Int64", "f64": "Nullable(Float64)", "u8": "UInt8",
            "bool": "Bool", "str": "Nullable(String)", "list": "Array(String)"}


_NUMERIC_TYPE = re.compile(r"(U?Int(8|16|32|64)|Float(32|64)|Bool|Decimal.*)$")


def _wrong_types(types: dict[str, str]) -> list[str]:
    """``column lane is String, expected Int32`` for each column of :data:`COLUMNS` in ``types``
    (name: ClickHouse type) that cannot hold its kind: a number column that is not a number, a list
    column not an Array, a text column that is an Array (Nullable / LowCardinality looked through)."""
    said = []
    for name, kind in COLUMNS:
        given = types.get(name)
        if given is None:
            continue
        inner = given
        while (m := re.fullmatch(r"(?:Nullable|LowCardinality)\((.*)\)", inner)) is not None:
            inner = m.group(1)
        numeric = bool(_NUMERIC_TYPE.match(inner))
        if kind == "list":
            ok = inner.startswith("Array(")
        elif kind == "str":
            ok = not inner.startswith("Array(")
        else:
            ok = numeric
        if not ok:
            want = re.sub(r"^Nullable\((.*)\)$", r"\1", _CH_TYPE[kind])
            said.append(f"column {name} is {given}, expected {want}")
    return said


def lit(value: Any) -> str:
    """A ClickHouse literal: numbers as ``repr`` (exact for floats, ``inf``), strings quoted and escaped."""
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    v = float(value)
    return "nan" if math.isnan(v) else ("inf" if v == math.inf else ("-inf" if v == -math.inf else repr(v)))


class ChdbBackend:
    """ClickHouse in-process (chDB) on a data folder.  ``rows(sql)`` -> (names, list of row lists)."""

    def __init__(self, folder: str) -> None:
        from chdb import session

        tmp = os.path.join(folder, "tmp")  # chDB makes FOLDER/tmp on opening: removed on close if empty
        self._tmp = None if os.path.lexists(tmp) else tmp
        self.session: Any = session.Session(folder)  # type: ignore[no-untyped-call]  # chdb: Session() unannotated
        atexit.register(self.close)  # chDB's own shutdown at exit can hang while a session is open

    def rows(self, sql: str) -> tuple[list[str], list[list[Any]]]:
        res = self.session.query(sql + " SETTINGS output_format_json_quote_denormals = 1", "JSONCompact")
        data = json.loads(res.bytes() or b'{"meta": [], "data": []}')
        meta = data["meta"]
        out = data["data"]
        for j, col in enumerate(meta):  # 64-bit integers and inf/nan arrive quoted
            t = col["type"]
            conv = float if "Float" in t else (int if "Int" in t and "Array" not in t else None)
            if conv is not None:
                for row in out:
                    if row[j] is not None:
                        row[j] = conv(row[j])
        return [c["name"] for c in meta], out

    def floats(self, sql: str, names: list[str]) -> dict[str, np.ndarray]:
        """The columns ``names`` of ``sql`` as float64 arrays, read as binary rows (no JSON):
        what a count table of a million rows needs."""
        cols = ", ".join(f"toFloat64(assumeNotNull({n})) AS {n}" for n in names)
        data = self.session.query(f"SELECT {cols} FROM ({sql})", "RowBinary").bytes() or b""
        table = np.frombuffer(data, dtype=[(n, "<f8") for n in names])
        return {n: np.array(table[n]) for n in names}

    def command(self, sql: str) -> None:
        self.session.query(sql)

    def insert_parquet(self, table: str, path: str, done: Callable[[int], None] | None = None) -> None:
        """The rows of a Parquet file into ``table`` in one statement (``done`` is not called)."""
        self.session.query(f"INSERT INTO {table} SELECT * FROM file({lit(os.path.abspath(path))}, Parquet)")

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
            if self._tmp is not None:
                try:
                    os.rmdir(self._tmp)  # only when empty; a folder with files in it stays
                except OSError:
                    pass


_LEGACY_WORDS = re.compile(r"'(?:\\.|[^'\\])*'|\b(true|false)\b")


def legacy_sql(sql: str) -> str:
    """``sql`` for a ClickHouse before 22 (18.16 has no ``true``/``false``): the words ``true`` and
    ``false`` outside string literals written ``1`` and ``0`` (what ClickHouse's booleans are)."""
    return _LEGACY_WORDS.sub(lambda m: m.group(0) if m.group(1) is None else ("1" if m.group(1) == "true" else "0"),
                             sql)


@functools.cache
def _one_line_error() -> type:
    """clickhouse-driver's ServerException said as its message alone (``Code: 47. DB::Exception:
    ...``, made by :func:`server_said`), not "Code: 47." on a line of its own before it."""
    from clickhouse_driver.errors import ServerException

    class OneLineServerError(ServerException):  # type: ignore[misc]  # clickhouse_driver: untyped
        def __str__(self) -> str:
            return str(self.message)

    return OneLineServerError


class NativeBackend:
    """A ClickHouse server through ``clickhouse-driver`` (the native TCP protocol, port 9000): any
    server from 18.x on.  A server before 22 (:attr:`legacy`) gets the legacy table layout of
    :func:`load_collection` and ``1``/``0`` for ``true``/``false`` (:func:`legacy_sql`)."""

    def __init__(self, host: str, port: int, database: str, user: str, password: str, secure: bool = False) -> None:
        from clickhouse_driver import Client

        self._params = (host, port, database, user, password, secure)
        self.client = Client(host=host, port=port, database=database, user=user, password=password, secure=secure,
                             connect_timeout=10, send_receive_timeout=600)
        self.client.execute("SELECT 1")  # errors now, naming the address, not at the first query
        info = self.client.connection.server_info
        self.version = (int(info.version_major), int(info.version_minor))
        self.legacy = self.version < (22, 0)

    def _sql(self, sql: str) -> str:
        return legacy_sql(sql) if self.legacy else sql

    def _execute(self, sql: str, **kwargs: Any) -> Any:
        """``client.execute``; a server's error raised again (same type) without the C++ stack trace
        a server before 22 appends (:func:`server_said`): the window's status line and validate say
        one line."""
        from clickhouse_driver.errors import ServerException

        try:
            return self.client.execute(self._sql(sql), **kwargs)
        except ServerException as exc:
            raise _one_line_error()(server_said(exc, limit=1000), getattr(exc, "code", None)) from None

    def rows(self, sql: str) -> tuple[list[str], list[list[Any]]]:
        data, types = self._execute(sql, with_column_types=True)
        return [name for name, _ in types], [list(r) for r in data]

    def floats(self, sql: str, names: list[str]) -> dict[str, np.ndarray]:
        """The columns ``names`` of ``sql`` as float64 arrays (read in columns)."""
        cols = ", ".join(f"toFloat64(assumeNotNull({n})) AS {n}" for n in names)
        data = self._execute(f"SELECT {cols} FROM ({sql})", columnar=True)
        return {n: np.asarray(data[j] if data else (), dtype=float) for j, n in enumerate(names)}

    def command(self, sql: str) -> None:
        self._execute(sql)

    def insert_parquet(self, table: str, path: str, done: Callable[[int], None] | None = None) -> None:
        """The rows of a Parquet file into ``table``, 100,000 at a time, in columns (18.16 reads no
        Parquet); ``done(rows so far)`` after each batch.  A NULL bound for a column the table keeps
        non-nullable (the legacy layout's sort key ``sort_point``) is written NaN; a NULL integer
        there (the legacy count table's ``bucket`` of its date-only rows, ``res = 0``) is written 0."""
        from .duckstore import connect

        database, _, name = table.rpartition(".")
        _, columns = self.rows(f"SELECT name, type FROM system.columns WHERE database = {lit(database)} "
                               f"AND table = {lit(name)}")
        plain_floats = {n for n, t in columns if t == "Float64"}
        plain_ints = {n for n, t in columns if t in ("Int32", "Int64")}
        con = connect()
        try:
            rel = con.sql(f"SELECT * FROM read_parquet({lit(path)})")
            # duckdb 2 names it to_arrow_reader; 1.x record_batch
            reader = rel.to_arrow_reader(100_000) if hasattr(rel, "to_arrow_reader") else rel.record_batch(100_000)
            names = list(reader.schema.names)
            insert = f"INSERT INTO {table} ({', '.join(names)}) VALUES"
            sent = 0
            for batch in reader:  # Arrow columns to Python lists: no row tuples to turn into columns
                cols = [c.to_pylist() for c in batch.columns]
                for j, n in enumerate(names):
                    if n in plain_floats:
                        cols[j] = [math.nan if v is None else v for v in cols[j]]
                    elif n in plain_ints and batch.column(j).null_count:
                        cols[j] = [0 if v is None else v for v in cols[j]]
                self.client.execute(insert, cols, columnar=True)
                sent += batch.num_rows
                if done is not None:
                    done(sent)
        finally:
            con.close()

    def clone(self) -> NativeBackend:
        """Another connection to the same server and database, as the same user (for a thread of
        its own: a client runs one query at a time)."""
        return NativeBackend(*self._params)

    def close(self) -> None:
        self.client.disconnect()


class ConnectBackend:
    """A ClickHouse server through ``clickhouse-connect`` (HTTP interface)."""

    def __init__(self, host: str, port: int, database: str, user: str, password: str, secure: bool = False) -> None:
        import clickhouse_connect

        self.client = clickhouse_connect.get_client(host=host, port=port, database=database, username=user,
                                                    password=password, secure=secure)

    def rows(self, sql: str) -> tuple[list[str], list[list[Any]]]:
        res = self.client.query(sql)
        return list(res.column_names), [list(r) for r in res.result_rows]

    def command(self, sql: str) -> None:
        self.client.command(sql)

    def insert_parquet(self, table: str, path: str, done: Callable[[int], None] | None = None) -> None:
        """The rows of a Parquet file into ``table``, 50,000 at a time; ``done(rows so far)`` after each."""
        from .duckstore import connect

        con = connect()
        try:
            cur = con.execute(f"SELECT * FROM read_parquet({lit(path)})")
            names = [d[0] for d in cur.description]
            sent = 0
            while batch := cur.fetchmany(50_000):
                self.client.insert(table, batch, column_names=names)
                sent += len(batch)
                if done is not None:
                    done(sent)
        finally:
            con.close()

    def close(self) -> None:
        self.client.close()


def is_clickhouse_url(text: str) -> bool:
    """True for ``clickhouse://``, ``clickhouses://`` (TLS) and ``chdb://`` addresses."""
    return text.lower().startswith(("clickhouse://", "clickhouses://", "chdb://"))


_PASSWORD_KEYS = ("password", "pass", "passwd", "pwd")


def _has_password(parts: Any) -> bool:
    """True when a split address carries a password: ``user:pw@`` or a ``password=`` (``pass=`` ...) parameter."""
    keys = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return parts.password is not None or any(k in keys for k in _PASSWORD_KEYS)


def mask_password(text: str) -> str:
    """``text`` with any password of a ClickHouse address replaced by ``***`` (for messages);
    any other text unchanged."""
    if not is_clickhouse_url(text):
        return text
    parts = urlsplit(text)
    netloc = parts.netloc
    if parts.password is not None:
        user, _, host = netloc.rpartition("@")
        netloc = user.split(":", 1)[0] + ":***@" + host
    query = "&".join(k + "=***" if k.lower() in _PASSWORD_KEYS else (k + "=" + v if v or "=" in raw else k)
                     for raw in parts.query.split("&") if raw
                     for k, _, v in [raw.partition("=")])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _connect(url: str, prompt: Callable[[str], str] | None = None, *,
             to_load: bool = False) -> tuple[Any, str, str, str]:
    """``(backend, database, table, shown)`` of a ClickHouse / chDB address (see :func:`open_url`);
    ``shown`` is the address without credentials or parameters, for messages.  ``to_load``: the
    server's session in its ``default`` database (the address's may not be made yet: every query
    names its tables in full).

    Raises
    ------
    ClickHouseOpenError
        For a malformed address, a password in it, a missing package, or a server that cannot be
        reached or refuses (naming host, port and protocol, and what to check).
    """
    parts = urlsplit(url)
    try:
        given_port = parts.port  # urlsplit raises ValueError for "host:abc" or "host:99999"
    except ValueError:
        given_port = 0
    if given_port == 0:  # out of range, not a number, or 0: refused before anything is reached
        hostport = parts.netloc.rpartition("@")[2]  # no user or password in messages
        shown = f"{parts.scheme}://{hostport}{parts.path}"
        raise ClickHouseOpenError([Problem(shown, f"port must be a number 1-65535, not "
                                           f"{hostport.rpartition(':')[2]!r}")])
    shown = f"{parts.scheme}://{parts.hostname or ''}{':' + str(given_port) if given_port else ''}{parts.path}"
    if _has_password(parts):
        raise ClickHouseOpenError([Problem(shown, "a password in the address is refused (it would be kept in the "
                                           f"recent files); set {PASSWORD_ENV} or type it when asked")])
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    table = query.get("table", "events")
    if not table.replace("_", "").isalnum():
        raise ClickHouseOpenError([Problem(shown, f"table name {table!r}: letters, digits and _ only")])
    host, port, protocol = parts.hostname or "localhost", 0, ""
    try:
        if parts.scheme == "chdb":
            folder = unquote(parts.path)
            if not os.path.isdir(folder):
                raise ClickHouseOpenError([Problem(shown, f"no such folder {folder!r}: chDB opens an existing "
                                                   "data folder (make it, then load a collection into it)")])
            database = query.get("database", "tv")
            backend: Any = ChdbBackend(folder)
        else:
            database = parts.path.strip("/") or "default"
            if not database.replace("_", "").isalnum():
                raise ClickHouseOpenError([Problem(shown, f"database name {database!r}: letters, digits and _ only")])
            user = unquote(parts.username or "") or os.environ.get(USER_ENV, "default")
            password = os.environ.get(PASSWORD_ENV)
            if password is None:
                password = prompt(f"Password of {user} on {parts.hostname}") if prompt else ""
            secure = parts.scheme == "clickhouses"
            protocol = query.get("protocol") or ("native" if given_port in NATIVE_PORTS else "http")
            if protocol not in ("native", "http"):
                raise ClickHouseOpenError([Problem(shown, f"protocol {protocol!r}: native or http")])
            kind = NativeBackend if protocol == "native" else ConnectBackend
            port = given_port or ((9440 if secure else 9000) if protocol == "native" else (8443 if secure else 8123))
            backend = kind(host, port, "default" if to_load else database, user, password or "", secure)
    except ClickHouseOpenError:
        raise
    except ImportError as exc:
        raise ClickHouseOpenError([Problem(shown, f"this needs the {exc.name} package "
                                           "(pip install 'timeline-viewer[clickhouse]'; in a source folder: "
                                           "pip install '.[clickhouse]')")]) from None
    except Exception as exc:  # noqa: BLE001 - network and server errors name the address
        raise ClickHouseOpenError([Problem(shown, _unreached(exc, host, port, protocol))]) from None
    return backend, database, table, shown


_STACK = re.compile(r"[.:]?\s*Stack trace\b.*", re.S)


def server_said(exc: BaseException, limit: int = 300) -> str:
    """What a ClickHouse error says is wrong, in one line of at most ``limit`` characters: the
    server's C++ stack trace (18.16 appends one to every error: ``... doesn't exist. Stack
    trace:`` and twenty lines of addresses and symbols) dropped, whitespace folded
    (``Code: 81. DB::Exception: Database nodb doesn't exist``); the error's type name when
    it says nothing."""
    text = _STACK.sub("", str(exc))
    said = " ".join(text.split()).rstrip(" .")
    return said[:limit] or type(exc).__name__


_UNREACHED_TYPES = ("NetworkError", "SocketTimeoutError", "OperationalError")
"""clickhouse-driver's and clickhouse-connect's errors for a server that does not answer."""


def _unreached(exc: Exception, host: str, port: int, protocol: str) -> str:
    """One sentence for a server that could not be reached (or answered with an error): where,
    by which protocol, why in a few words, and what to check."""
    text = str(exc)
    by = "HTTP" if protocol == "http" else "the native protocol"
    if isinstance(exc, OSError) or type(exc).__name__ in _UNREACHED_TYPES:
        low = text.lower()
        why = ("connection refused" if "refused" in low or "errno 111" in low else
               "no answer in time" if "timed out" in low or "timeout" in low else
               "host name not found" if "name or service not known" in low or "errno -2" in low
               or "errno -3" in low or "nodename nor servname" in low else "connection failed")
        return (f"cannot reach a ClickHouse server at {host}:{port} over {by} ({why}): is the server running "
                f"and listening there? Port 8123 is ClickHouse's HTTP interface, 9000 its native protocol "
                "(or add &protocol=native / &protocol=http)")
    said = server_said(exc)  # "Code: 81.\nDB::Exception: ... Stack trace: ...": one line, no stack
    if protocol == "http" and "Unknown identifier: readonly" in text:  # 18.16 refuses clickhouse-connect
        said = ("a server before ClickHouse 22 does not take this HTTP client; use its native protocol: "
                "port 9000, or add &protocol=native")
    low = said.lower()
    if "unknown user" in low or "password" in low or "authentication" in low:  # the credentials come from the env
        said += (f" (the user and password come from {USER_ENV} / {PASSWORD_ENV}, else user 'default' with no "
                 "password, as the README's trial server has)")
    return f"ClickHouse at {host}:{port} over {by} refused: {said}"


def open_url(url: str, prompt: Callable[[str], str] | None = None) -> ClickStore:
    """The store a ClickHouse address names.

    ``clickhouse://[user@]host[:port]/database?table=events[&protocol=native|http]``
    (``clickhouses://`` for TLS) or ``chdb:///folder?table=events[&database=tv]``.
    The protocol: ``protocol=`` when given, else native on ports 9000 and 9440
    (:class:`NativeBackend`), else HTTP (:class:`ConnectBackend`; port 8123, or 8443
    with TLS, when none is given).  The password comes from
    :data:`PASSWORD_ENV`, else from ``prompt(message)``, else is empty.

    Raises
    ------
    ClickHouseOpenError
        (a :class:`TimelineLoadError`) for a malformed address, a password in it, a server that
        cannot be reached (one sentence: host, port, protocol and what to check), or a table that
        holds no collection; the URL is named without credentials.
    """
    backend, database, table, shown = _connect(url, prompt)
    try:
        return ClickStore(backend, database, table, shown, address=url)
    except TimelineLoadError as exc:
        backend.close()  # not a collection: let go of the folder (and chDB's tmp in it) now
        raise ClickHouseOpenError(exc.problems) from None


def _refuse_existing(backend: Any, database: str, table: str, shown: str) -> None:
    """Raise :class:`TableExistsError` when ``database.table`` or its ``_counts`` / ``_meta`` is there."""
    try:
        _, rows = backend.rows(f"SELECT name FROM system.tables WHERE database = {lit(database)} AND name IN "
                               f"({lit(table)}, {lit(table + '_counts')}, {lit(table + '_meta')}) ORDER BY name")
    except Exception as exc:  # noqa: BLE001 - the server's error, in one line
        said = server_said(exc)
        raise ClickHouseOpenError([Problem(shown, f"cannot list the tables of {database}: {said}")]) from None
    if rows:
        names = [r[0] for r in rows]
        what = f"table {database}.{table}" if table in names else ", ".join(f"{database}.{n}" for n in names)
        raise TableExistsError([Problem(shown, f"{what} is already there: nothing written (give --replace to "
                                        "replace it, or name another table: ?table=NAME)")])


def check_loadable(url: str, prompt: Callable[[str], str] | None = None) -> None:
    """What :func:`load_url` without ``replace`` would refuse, asked before any work: the server
    reached, the table not there yet.

    Raises
    ------
    ClickHouseOpenError
        As :func:`open_url` (address, server not reached); TableExistsError.
    """
    backend, database, table, shown = _connect(url, prompt, to_load=True)
    try:
        _refuse_existing(backend, database, table, shown)
    finally:
        backend.close()


def load_url(url: str, parquet: str, *, replace: bool = False, progress: Callable[[str], None] | None = None,
             prompt: Callable[[str], str] | None = None) -> int:
    """Load a Parquet collection (:func:`viewer.io.duckstore.write_collection`) into the table a
    ClickHouse / chDB address names (:func:`load_collection`); returns the events loaded.

    A table already there (the events' or its ``_counts`` / ``_meta``) is kept and
    :class:`TableExistsError` raised, unless ``replace``.  ``progress(message)`` is told each
    step and every 100,000 events.  Credentials as for :func:`open_url`.

    Raises
    ------
    ClickHouseOpenError
        As :func:`open_url` (address, credentials, server not reached); TableExistsError.
    Exception
        The server's error while creating or writing the tables.
    """
    backend, database, table, shown = _connect(url, prompt, to_load=True)
    try:
        if not replace:
            _refuse_existing(backend, database, table, shown)
        load_collection(backend, database, table, parquet, progress=progress)
        return int(backend.rows(f"SELECT count() FROM {database}.{table}")[1][0][0])
    finally:
        backend.close()


def load_collection(backend: Any, database: str, table: str, parquet: str,
                    progress: Callable[[str], None] | None = None) -> None:
    """Create ``database.table`` (+ ``_counts``, ``_meta``) from a Parquet collection
    (:func:`viewer.io.duckstore.write_collection`), replacing what was there (:func:`load_url`
    asks first); ``progress(message)`` is told each step and every batch of events.  The events and
    count tables are merged into one part each (``OPTIMIZE ... FINAL``) once loaded: a server
    gets them in batches, and every query pays for each part (a dozen parts made a 10^7
    table's window queries 3-4x slower in chDB)."""
    from .duckstore import DuckStore, counts_path

    src = DuckStore(parquet)
    meta = {"timeline_viewer": json.dumps(src.meta, ensure_ascii=False)}
    if src._token:  # names the search index of the table (ClickStore.index_token)
        meta[TOKEN_KEY] = src._token
    if src._stats is not None:
        meta[STATS_KEY] = src._stats.to_json()
    if getattr(backend, "legacy", False):  # the span classes' bounds, read back by ClickStore._near
        meta[SPAN_KEY] = json.dumps(SPAN_BOUNDS)
    windowed = src._windowed
    total = src.n_events
    src.close()
    t = f"{database}.{table}"
    say = progress or (lambda _message: None)
    say("creating the tables")
    backend.command(f"CREATE DATABASE IF NOT EXISTS {database}")
    for suffix in ("", "_counts", "_meta"):
        backend.command(f"DROP TABLE IF EXISTS {t}{suffix}")
    if getattr(backend, "legacy", False):
        _create_legacy(backend, t, windowed)
    else:
        _create(backend, t, windowed)
    backend.insert_parquet(t, parquet, lambda n: say(f"{n:,} of {total:,} events loaded"))
    say("loading the count tables")
    backend.insert_parquet(f"{t}_counts", counts_path(parquet))
    say("merging the loaded parts (OPTIMIZE ... FINAL)")
    for suffix in ("", "_counts"):  # one part each: a query then looks up one primary index, not a dozen
        backend.command(f"OPTIMIZE TABLE {t}{suffix} FINAL")
    backend.command(f"CREATE TABLE {t}_meta (key String, value String) ENGINE = MergeTree ORDER BY key")
    # INSERT ... SELECT, not VALUES: the native protocol sends VALUES' rows as data blocks, not in the text
    backend.command(f"INSERT INTO {t}_meta " + " UNION ALL ".join(f"SELECT {lit(k)}, {lit(v)}"
                                                                  for k, v in meta.items()))


def _create(backend: Any, t: str, windowed: bool) -> None:
    """The tables of :func:`load_collection` on a recent ClickHouse (22 and later; chDB)."""
    # id and search_text plain String (never NULL), so their skip indexes apply
    cols = ", ".join(f"{n} {'String' if n in ('id', 'search_text') else _CH_TYPE[k]}" for n, k in COLUMNS)
    skip = ", ".join(f"INDEX {c}_range {c} TYPE minmax GRANULARITY 1" for c in ("x0", "x1", "xm"))
    skip += ", INDEX id_bloom id TYPE bloom_filter GRANULARITY 1"  # event by id reads one granule
    for text_index in TEXT_INDEXES:  # the first this server knows
        try:
            backend.command(f"CREATE TABLE {t} ({cols}, {skip}, INDEX search_text_ngrams search_text TYPE "
                            f"{text_index}) ENGINE = MergeTree ORDER BY (sort_point, file_index) "
                            "SETTINGS allow_nullable_key = 1")  # skip indexes: a window's granules
            break
        except Exception:  # noqa: BLE001 - a server without this index type: try the next
            if text_index == TEXT_INDEXES[-1]:
                raise
    # a window's buckets are one stretch of the table (a collection written before the started/ended
    # counts has no ns, ne: its table has none either, and its windows are counted from the events)
    ends = ", ns Int64, ne Int64" if windowed else ""
    backend.command(f"CREATE TABLE {t}_counts (res Float64, lane Int32, bucket Nullable(Int64), "
                    f"x0 Nullable(Float64), x1 Nullable(Float64), n Int64{ends}) ENGINE = MergeTree "
                    "ORDER BY (res, bucket, x0, x1) SETTINGS allow_nullable_key = 1")


def _create_legacy(backend: Any, t: str, windowed: bool) -> None:
    """The tables of :func:`load_collection` on a ClickHouse before 22 (Debian's 18.16): no Bool
    type (booleans are UInt8 0/1, which every query reads as it reads Bool), no nullable sort
    key (``sort_point`` is a plain Float64: it is never NULL, an open event's is ``inf``; a NULL
    would be written NaN, which ClickHouse sorts after every number as it sorts NULL), and no skip
    indexes: the table is ordered by ``(span, sort_point, file_index)`` instead, ``span``
    (:data:`SPAN_SQL`, computed by the server) the class of how far a row's drawn values lie from
    its sort point, so a window reads one stretch of the key per class (:meth:`ClickStore._near`).
    The count table is ordered by ``(res, bucket, lane)``, its ``bucket`` not nullable: 0 on the
    date-only rows (``res = 0``), which have none."""
    types = {**_CH_TYPE, "bool": "UInt8"}
    plain = ("id", "search_text", "sort_point")
    cols = ", ".join(f"{n} {'Float64' if n == 'sort_point' else 'String' if n in plain else types[k]}"
                     for n, k in COLUMNS)
    # span first in the key: 18.16 has no skip index on x0/x1, and a window's condition on them alone
    # read every row (a 10^7 frame 1.8-3 s); ClickStore._near turns it into a range of the key per class,
    # read in granules of 1,024 rows, not 8,192 (a 10^6 frame's rows: 73,000 read instead of 102,000)
    backend.command(f"CREATE TABLE {t} ({cols}, span UInt8 MATERIALIZED {SPAN_SQL}) ENGINE = MergeTree "
                    "ORDER BY (span, sort_point, file_index) SETTINGS index_granularity = 1024")
    ends = ", ns Int64, ne Int64" if windowed else ""
    # bucket in the key (a window's buckets, the long events ended in one: not all of a width's rows),
    # so not nullable: the date-only rows (res = 0), which have none and are never asked theirs, get 0
    backend.command(f"CREATE TABLE {t}_counts (res Float64, lane Int32, bucket Int64, "
                    f"x0 Nullable(Float64), x1 Nullable(Float64), n Int64{ends}) ENGINE = MergeTree "
                    "ORDER BY (res, bucket, lane)")


class ClickStore(CountedWindows, EventStore):
    """:class:`~viewer.model.store.EventStore` over ``database.table`` (see the module docstring)."""

    def __init__(self, backend: Any, database: str, table: str, name: str = "", search_index: bool = True,
                 address: str | None = None) -> None:
        self.backend = backend
        self.t = f"{database}.{table}"
        self._db, self._table = database, table
        self.name = name or self.t
        # how the index's notes name the table (the address index builds it again by): the address
        # as given (its password masked), so the advice keeps &protocol= and the like
        self.address = mask_password(address) if address else f"{name}?table={table}" if "://" in name else self.t
        self._index: CollectionIndex | None = None
        self.index_note = ""
        self._counts: CountCache | None = None
        self._lock = threading.Lock()
        # the marker counts of the widths too large to load whole, a window's stretch at a time, read
        # on a connection of their own in the background (a server's; chDB's one session answers in SQL)
        self._chunks: MarkerChunks | None = None
        # the latest unfiltered frame's rows: (t0, t1, lanes taken, rows with file_index, lane, x0, x1)
        self._last_rows: tuple[float, float, frozenset[int], list[list[Any]], np.ndarray, np.ndarray,
                               np.ndarray] | None = None
        # the table's data version those rows were read at (:meth:`data_version`), and the latest
        # one asked with when (time.monotonic()): rows are reused only while it holds
        self._last_version: str | None = None
        self._index_version: str | None = None
        self._version_seen: tuple[float, str | None] | None = None
        self._chunk_backend: Any = None
        if hasattr(backend, "clone"):
            self._chunks = MarkerChunks(self._chunk_rows, f"{self.t}_counts")
        # a server before 22 reads a window's wide columns (json, title) of every row unless told
        # PREWHERE (a frame's rows: 0.6-0.9 s against 0.15-0.3 s at 10^6 on 18.16); later ones move it
        self._prewhere = "PREWHERE" if getattr(backend, "legacy", False) else "WHERE"
        try:
            _, rows = self._rows(f"SELECT value FROM {self.t}_meta WHERE key = 'timeline_viewer'")
        except Exception as exc:  # noqa: BLE001
            raise TimelineLoadError([Problem(self.name, f"no timeline collection in table {self.t} "
                                                f"({server_said(exc)}); put one there with `timeline-viewer "
                                                "convert FILE ADDRESS`, or name another with ?table=")]) from None
        if not rows:
            raise TimelineLoadError([Problem(self.name, f"table {self.t}_meta has no timeline_viewer entry")])
        self.timeline, self.meta = timeline_of_meta(rows[0][0], self.name)
        # every column the window, validate and convert read, as the Parquet store checks its schema:
        # a table without one opened with empty lanes and no word, and validate ended in a traceback
        types = {str(r[0]): str(r[1]) for r in self._rows(f"DESCRIBE TABLE {self.t}")[1]}
        have = set(types)
        missing = [n for n, _ in COLUMNS if n not in have]
        if missing:
            raise TimelineLoadError([Problem(self.name, f"not a timeline collection: no column "
                                                        f"{', '.join(missing)} in table {self.t}")])
        wrong = _wrong_types(types)
        if wrong:  # (a String lane ended validate in a traceback)
            raise TimelineLoadError([Problem(self.name, f"not a timeline collection: {'; '.join(wrong)} "
                                                        f"in table {self.t}")])
        self.zone = self.timeline.time_zone or "UTC"
        self.worded = self.meta.get("marks_hand_edits") is not True  # (a basis's words mark a hand edit)
        self.lane_ids = tuple(tr.id for tr in self.timeline.tracks)
        self.n_events = int(self._rows(f"SELECT count() FROM {self.t}")[1][0][0])
        _, rows = self._rows(f"SELECT value FROM {self.t}_meta WHERE key = {lit(STATS_KEY)}")
        self._stats = read_stats(rows[0][0] if rows else None)
        try:  # the started/ended counts (ns, ne): loaded since issue 13; an older table has none
            self._rows(f"SELECT ns, ne FROM {self.t}_counts LIMIT 0")
            self._windowed = True
        except Exception:  # noqa: BLE001 - no such column: count windows from the events
            self._windowed = False
        # the span classes' bounds of the legacy layout (since issue 13's chspeed round), as loaded;
        # none (another layout, an older table): windows are found by x0, x1 alone
        _, rows = self._rows(f"SELECT value FROM {self.t}_meta WHERE key = {lit(SPAN_KEY)}")
        self._span_bounds: tuple[float, ...] | None = None
        if rows:
            try:
                self._rows(f"SELECT span FROM {self.t} LIMIT 0")
                bounds = tuple(float(b) for b in json.loads(rows[0][0]))
                if all(math.isfinite(b) and b >= 0 for b in bounds):
                    self._span_bounds = bounds
            except Exception:  # noqa: BLE001 - no span column, or bounds not a list of numbers: no pruning
                self._span_bounds = None
        if search_index:
            self._open_index()

    # -- the search index (issue 13): SQLite FTS5 in the per-user cache folder ---------------------
    @property
    def n_drawn(self) -> int | None:
        """Rows drawn, from the table's statistics (None when it has none)."""
        return sum(self._stats.lanes.values()) if self._stats is not None else None

    def index_path(self) -> str | None:
        """This table's search index file (:func:`index_file`: named by host, port, database, table)."""
        return index_file(f"{self.name}|{self.t}")

    def index_token(self) -> str:
        """What the search index records it indexes: the loaded collection's token and the table's
        creation time (a table loaded again is another table) and its :meth:`data_version` (rows edited
        in place), checked at opening with the rows."""
        _, rows = self._rows(f"SELECT value FROM {self.t}_meta WHERE key = {lit(TOKEN_KEY)}")
        token = str(rows[0][0]) if rows else "-"
        _, rows = self._rows(f"SELECT toString(metadata_modification_time) FROM system.tables WHERE "
                             f"database = {lit(self._db)} AND name = {lit(self._table)}")
        version = self.data_version()
        self._index_version = version  # (what the index opened now is checked against while open)
        return f"{token} table {self.t} made {rows[0][0] if rows else '?'} data {version}"

    def data_version(self) -> str:
        """What changes whenever the table's rows do, cheaply (one query on the system tables):
        its active parts' rows, highest block number and data version, and its mutations (how many,
        parts still to do, the latest's time).  ``ALTER TABLE ... UPDATE/DELETE`` and ``INSERT``
        change neither the collection token nor the table's metadata time (an index then missed an
        edited row, and a frame drew deleted rows again); a background merge changes none of these.

        Raises
        ------
        Exception
            The server's error, when the system tables cannot be read.
        """
        where = f"database = {lit(self._db)} AND table = {lit(self._table)}"
        _, rows = self._rows(
            f"SELECT (SELECT concat(toString(sum(rows)), '/', toString(max(max_block_number)), '/', "
            f"toString(max(data_version))) FROM system.parts WHERE active AND {where}), "
            f"(SELECT concat(toString(count()), '/', toString(sum(parts_to_do)), '/', toString(max(create_time))) "
            f"FROM system.mutations WHERE {where})")
        return " ".join(str(v) for v in rows[0]) if rows else "?"

    VERSION_TTL = 1.0
    """Seconds a :meth:`data_version` asked for reusing a frame's rows is trusted (one query a frame at most)."""

    def _recent_version(self) -> str | None:
        """:meth:`data_version`, asked at most once in :attr:`VERSION_TTL` seconds (None: unreadable)."""
        now = time.monotonic()
        seen = self._version_seen
        if seen is not None and now - seen[0] < self.VERSION_TTL:
            return seen[1]
        try:
            version: str | None = self.data_version()
        except Exception:  # noqa: BLE001 - the server's error: nothing is reused
            version = None
        self._version_seen = (now, version)
        return version

    def _open_index(self) -> None:
        """Open this table's search index when there is one of exactly this table, then spot-check
        it against the table (:meth:`check_search_index`); a stale or wrong one is ignored with a
        note (:attr:`index_note`) and search scans as without one."""
        path = self.index_path()
        if path is None or not os.path.lexists(path):
            return
        try:
            token = self.index_token()
        except Exception as exc:  # noqa: BLE001 - the server's error: no index, the scans answer
            self.index_note = f"search index not used ({server_said(exc)}); search scans the table"
            return
        self._index, self.index_note = CollectionIndex.open(self.address, token=token, n_rows=self.n_events,
                                                            n_drawn=self.n_drawn, sidecar=path)
        self.check_search_index()

    @property
    def sidecar_note(self) -> str:
        """Why the search index is not used ("" while it is, or when there is none)."""
        index = self._index
        extra = index.note if index is not None and index.note and index.note not in self.index_note else ""
        return " ".join(n for n in (self.index_note, extra) if n)

    def _search_index(self) -> CollectionIndex | None:
        """The search index while it answers (dropped, with its note, once it fails, or once the
        table's :meth:`data_version` differs from the index's: asked at most once a second)."""
        index = self._index
        if index is not None and index.note:
            self.index_note, self._index = index.note, None
            index.close()
            return None
        if index is not None and self._index_version is not None:
            now = self._recent_version()  # rows edited in place while open: the index misses them
            if now is not None and now != self._index_version:
                self._index = None
                index.close()
                self.index_note = index_note(self.address, index.path, "ignored",
                                             "the table has changed since (rows updated, deleted or added)")
                return None
        return index

    def _key_range(self, lo: float, hi: float | None = None, below: bool = False) -> str:
        """``sort_point`` in ``[lo, hi]`` (``below``: under ``lo``) as a condition of the sort key:
        one arm per span class on the legacy layout (its key starts with ``span``)."""
        cond = f"sort_point < {lit(lo)}" if below else f"sort_point >= {lit(lo)} AND sort_point <= {lit(hi)}"
        if self._span_bounds is None:
            return f"({cond})"
        return "(" + " OR ".join(f"(span = {k} AND {cond})" for k in range(len(self._span_bounds) + 1)) + ")"

    def _run_at(self, index: CollectionIndex, first: int, last: int, cols: str, where: str = "1",
                ) -> tuple[int, list[list[Any]]] | None:
        """``(rank, rows)``: the rows (``cols``) meeting ``where`` whose sort point lies between
        those the index gives for positions ``first`` and ``last``, in time order, and how many
        rows meeting ``where`` come before them (the first's rank): the index only says where to
        look, the table says what is there.  None when the index gives no sort point there."""
        sps = index.sort_points([first, last])
        lo, hi = sps if sps and len(sps) == 2 else (None, None)
        if lo is None or hi is None or not lo <= hi:
            return None
        before = int(self._rows(f"SELECT count() FROM {self.t} WHERE {where} AND {self._key_range(lo, below=True)}"
                                )[1][0][0])
        rows = self._rows(f"SELECT {cols} FROM {self.t} {self._prewhere} {self._key_range(lo, hi)} AND {where} "
                          "ORDER BY sort_point, file_index")[1]
        return before, rows

    def check_search_index(self) -> None:
        """Drop the search index (with a note in :attr:`index_note`) when a random run of
        :data:`INDEX_SPOT_CHECKS` rows is not the table's: their ids, folded texts, sort points,
        what the list shows of them (:meth:`CollectionIndex.rows_mismatch`,
        :meth:`~CollectionIndex.shown_mismatch`), read from the server by their key range."""
        index = self._index
        if index is None:
            return
        problem = None
        try:
            n = self.n_events
            rng = np.random.default_rng()
            a = int(rng.integers(0, max(n - INDEX_SPOT_CHECKS, 0) + 1))
            b = min(a + INDEX_SPOT_CHECKS, n) - 1
            got = self._run_at(index, a, b, f"id, search_text, sort_point, drawn, {_SHOWN}") if n else (0, [])
            if got is None and n:  # no sort point to find there (NaN rows sort last): the first rows
                a, b = 0, min(INDEX_SPOT_CHECKS, n) - 1
                got = self._run_at(index, a, b, f"id, search_text, sort_point, drawn, {_SHOWN}")
            if got is None:
                problem = "its sort points do not find the table's rows"
            else:
                rank, rows = got
                run = [(rank + i, *r) for i, r in enumerate(rows) if a <= rank + i <= b]
                if n and [r[0] for r in run] != list(range(a, b + 1)):
                    problem = f"its sort points do not find the table's rows {a:,}-{b:,}"
                else:
                    problem = index.rows_mismatch([(p, i, t, sp, bool(d)) for p, i, t, sp, d, *_ in run],
                                                  probe=lambda k: int(rng.integers(0, max(k, 1))))
                    problem = problem or index.shown_mismatch(
                        [(r[0], *r[5:]) for r in run if r[4]], [(a, b)] if n else None)
            index.shown_checked = True
        except Exception as exc:  # noqa: BLE001 - a damaged index is only a missed shortcut
            problem = f"unreadable ({str(exc).strip().splitlines()[0] if str(exc).strip() else exc!r})"
        if problem:
            self._index = None
            index.close()
            self.index_note = (self.index_note + " " if self.index_note else "") + index_note(
                self.address, index.path, "ignored", problem)

    def write_search_index(self, progress: Callable[[str], None] | None = None, out: str | None = None) -> str:
        """Write this table's search index (SQLite FTS5 trigrams, :func:`write_collection_index`) to
        the per-user cache folder (:meth:`index_path`; ``out``: there instead), reading the rows
        from the server :data:`INDEX_BATCH` at a time by ``file_index``; returns its path.  A row's
        position is its place in time order (``sort_point``, ``file_index``), as a page and a
        search give them.  Uses the index at once (this store's searches).

        Raises
        ------
        ValueError
            When ``file_index`` is held by more than one row (``validate`` names them), or there is
            no cache folder that can be trusted.
        OSError, sqlite3.Error
            If the index cannot be written (nothing is left behind).
        """
        if out is None:  # made (0o700) as the Parquet collections' index makes it: a fresh machine has none yet
            index_dir(create=True)
        path = out or self.index_path()
        if path is None:
            raise ValueError(f"{self.name}: no private per-user cache folder to keep the search index in")
        say = progress or (lambda _m: None)
        say("search index: reading the table's order")
        order = self._floats(f"SELECT file_index AS fi FROM {self.t} ORDER BY sort_point, file_index", ["fi"])["fi"]
        order = order.astype(np.int64)
        n = len(order)
        by_fi = np.argsort(order, kind="stable")  # position of each file_index, in file_index order
        sorted_fi = order[by_fi]
        if n > 1 and bool(np.any(sorted_fi[1:] == sorted_fi[:-1])):
            raise ValueError(f"{self.name}: a file_index is held by more than one row (validate names them): "
                             "no search index written")
        token = self.index_token()
        n_drawn = int(self._rows(f"SELECT count() FROM {self.t} WHERE drawn")[1][0][0])

        def batches() -> Iterable[tuple[list[int], list[str], list[str], list[float], list[bool],
                                        list[tuple[Any, ...]]]]:
            for lo in range(0, n, INDEX_BATCH):
                a, b = int(sorted_fi[lo]), int(sorted_fi[min(lo + INDEX_BATCH, n) - 1])
                rows = self._rows(f"SELECT file_index, id, search_text, sort_point, drawn, {_SHOWN} FROM {self.t} "
                                  f"WHERE file_index >= {a} AND file_index <= {b}")[1]
                fis = np.array([r[0] for r in rows], dtype=np.int64)
                pos = by_fi[np.searchsorted(sorted_fi, fis)]
                rows = [rows[i] for i in np.argsort(pos, kind="stable")]
                pos = np.sort(pos)
                listed = [(int(p), *(int(v) if isinstance(v, bool) else v for v in r[5:]))
                          for p, r in zip(pos.tolist(), rows, strict=True) if r[4]]
                yield (pos.tolist(), [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows],
                       [bool(r[4]) for r in rows], listed)

        written = write_collection_index(self.address, batches(), token=token, n_rows=n, n_drawn=n_drawn,
                                         progress=progress, out=path)
        if self._index is not None:
            self._index.close()
        self._index, self.index_note = CollectionIndex.open(self.address, token=token, n_rows=self.n_events,
                                                            n_drawn=self.n_drawn, sidecar=written)
        return written

    def _near(self, a: float, b: float) -> str:
        """``" AND (...)"``, the key condition holding for every row with one of ``x0, x1, xm`` at
        most ``b`` and one at least ``a`` (epoch s): per span class, ``sort_point`` within the
        class's bound of ``[a, b]`` (1 s wider, for rounding), so the server reads those stretches
        of the table only (the bounds the table was loaded with).  Empty for a table without
        span classes or a window beyond
        :data:`~viewer.io.store_sql.WINDOW_LIMIT`."""
        bounds = self._span_bounds
        if bounds is None or not (abs(a) <= WINDOW_LIMIT and abs(b) <= WINDOW_LIMIT):
            return ""
        arms = [f"span = {k} AND sort_point >= {lit(a - bound - 1.0)} AND sort_point <= {lit(b + bound + 1.0)}"
                for k, bound in enumerate(bounds)]
        return " AND (" + " OR ".join([*arms, f"span = {len(bounds)}"]) + ")"

    def _rows(self, sql: str) -> tuple[list[str], list[list[Any]]]:
        with self._lock, self._busy():
            got: tuple[list[str], list[list[Any]]] = self.backend.rows(sql)
        return got

    @contextlib.contextmanager
    def _busy(self) -> Iterator[None]:
        """A query of the store's own (a frame's): the chunk loader waits until they pause."""
        if self._chunks is not None:
            self._chunks.touch()
        try:
            yield
        finally:
            if self._chunks is not None:
                self._chunks.touch()

    def _np(self, sql: str) -> dict[str, np.ndarray]:
        names, rows = self._rows(sql)
        cols = list(zip(*rows, strict=True)) if rows else [()] * len(names)
        out = {}
        for name, col in zip(names, cols, strict=True):
            out[name] = np.array(col, dtype=object) if col and isinstance(col[0], str) else np.array(
                [math.nan if v is None else v for v in col])
        return out

    def close(self) -> None:
        if self._chunks is not None:
            self._chunks.close()
        if self._chunk_backend is not None:
            self._chunk_backend.close()
        if self._index is not None:
            self._index.close()
        self.backend.close()

    def _chunk_rows(self, sql: str) -> dict[str, np.ndarray]:
        """``lane, bucket, n`` of ``sql`` on the chunk loader's own connection (opened on first use)."""
        if self._chunk_backend is None:
            self._chunk_backend = self.backend.clone()
        got: dict[str, np.ndarray] = self._chunk_backend.floats(sql, ["lane", "bucket", "n"])
        return got

    @staticmethod
    def _lanes(lanes: Iterable[int]) -> str:
        ks = sorted({int(k) for k in lanes})
        return "(" + ", ".join(str(k) for k in ks) + ")" if ks else "(NULL)"

    def extent(self) -> tuple[float, float]:
        if self._stats is not None:
            return self._stats.extent
        _, rows = self._rows(f"SELECT min(xm), max(xm), minIf(x0, isFinite(x0)), maxIf(x1, isFinite(x1)), count() "
                             f"FROM {self.t} WHERE drawn")
        *vals, n = rows[0]
        vals = [v for v in vals if v is not None and math.isfinite(v)]
        return (min(vals), max(vals)) if n and vals else (0.0, 86400.0)

    def _answer(self, rows: list[list[Any]], total: int, counts: dict[int, int] | None = None,
                crowded: tuple[int, ...] = ()) -> VisibleEvents:
        cols = list(zip(*rows, strict=True)) if rows else [()] * (12 + len(CALENDAR_NAMES))
        f = np.array
        cal_start, cal_end = calendar_of_rows(dict(zip(CALENDAR_NAMES, cols[12:], strict=True)), f(cols[2], np.int8))
        return VisibleEvents(list(cols[0]), f(cols[1], np.int32), f(cols[2], np.int8), f(cols[3], float),
                             f(cols[4], float), f(cols[5], float), f(cols[6], np.uint8), list(cols[7]),
                             total, counts if counts is not None else {}, crowded,
                             planned=f(cols[10], bool), draft=f(cols[11], bool),
                             solid0=f(cols[8], float), solid1=f(cols[9], float),
                             cal_start=cal_start, cal_end=cal_end)

    def visible(self, t0: float, t1: float, lanes: Iterable[int], cap: int = DEFAULT_CAP,
                filters: FilterLike | None = None) -> VisibleEvents:
        check_window(t0, t1)
        where = filter_where(filters, CLICKHOUSE)
        window = f"drawn AND x0 <= {lit(t1)} AND x1 >= {lit(t0)}{self._near(t0, t1)} AND {where}"
        lanes = {int(k) for k in lanes}
        counts = self._stats.lane_counts_if_whole(t0, t1, lanes, where) if self._stats is not None else None
        if counts is None and where == "true":
            counts = self._counted(t0, t1, lanes)
        if counts is None:
            counts = {int(k): int(v) for k, v in self._rows(
                f"SELECT lane, count() FROM {self.t} WHERE lane IN {self._lanes(lanes)} AND {window} GROUP BY lane")[1]}
        return self._rows_of_lanes(counts, cap, window)

    def _rows_of_lanes(self, counts: dict[int, int], cap: int, window: str,
                       span: tuple[float, float] | None = None) -> VisibleEvents:
        """The visible answer once the events per lane (``counts``) are known: the rows of the
        lanes that fit under ``cap`` (``window``: the rows' condition), the others crowded.
        ``span``: the window ``(t0, t1)`` of an unfiltered ``window`` (drawn events meeting it),
        whose rows may be partly the previous such answer's (:meth:`_window_rows`)."""
        taken, crowded = lanes_that_fit(counts, cap)
        if not any(counts.get(k) for k in taken):
            return self._answer([], sum(counts.values()), counts, crowded)
        rows = self._window_rows(taken, window, span)
        return self._answer(rows, sum(counts.values()), counts, crowded)

    def _window_rows(self, taken: list[int], window: str, span: tuple[float, float] | None) -> list[list[Any]]:
        """The rows (:data:`_ROW`) of the lanes ``taken`` meeting ``window``, ordered by lane, x0,
        file_index.  With ``span`` (unfiltered), the previous unfiltered answer's rows are kept
        where still in the window, and only the stretches it did not cover are asked: a pan reads
        the events entering on one side, a zoom in none.  Not reused for another lane that fits now,
        a window not meeting the previous one, or once the table's :meth:`data_version` has changed
        (rows deleted or updated in place since: they were drawn again after a pan)."""
        def ask(cond: str) -> list[list[Any]]:
            return self._rows(f"SELECT {_ROW}, file_index FROM {self.t} {self._prewhere} lane IN "
                              f"{self._lanes(taken)} AND {cond} ORDER BY lane, x0, file_index")[1]

        last = self._last_rows
        if span is None:
            return [r[:-1] for r in ask(window)]
        t0, t1 = span
        version = self._recent_version()
        if (last is None or not set(taken) <= last[2] or t1 < last[0] or t0 > last[1]
                or version is None or version != self._last_version):
            rows = ask(window)
        else:
            a, b, _, old, lane, x0, x1 = last
            keep = np.isin(lane, taken) & (x0 <= t1) & (x1 >= t0)
            rows = [old[i] for i in np.flatnonzero(keep).tolist()]
            new = []
            if t0 < a:  # entering on the left: ended in [t0, a), not after t1
                new += ask(f"drawn AND x1 >= {lit(t0)} AND x1 < {lit(a)} AND x0 <= {lit(t1)}{self._near(t0, a)}")
            if t1 > b:  # entering on the right: started in (b, t1]
                new += ask(f"drawn AND x0 > {lit(b)} AND x0 <= {lit(t1)} AND x1 >= {lit(t0)}{self._near(b, t1)}")
            if new:
                rows += new
                rows.sort(key=lambda r: (r[1], r[3], r[-1]))  # lane, x0, file_index: the query's order
        f = np.array
        self._last_version = version
        self._last_rows = (float(t0), float(t1), frozenset(taken), rows, f([r[1] for r in rows], dtype=np.int64),
                           f([r[3] for r in rows], dtype=float), f([r[4] for r in rows], dtype=float))
        return [r[:-1] for r in rows]

    def _count_plan(self, t0: float, t1: float, lanes: set[int]) -> tuple[dict[int, int], str | None] | None:
        """:func:`~viewer.io.store_sql.window_count_plan` over this table (None: count from the events)."""
        table = self._count_cache().windows()
        if table is None:
            return None
        ends = f"{self.t}_counts" if self._stats is not None and self._stats.long_ends == table.res else None
        return window_count_plan(table, t0, t1, lanes, self.t, CLICKHOUSE, ends, near=self._near)

    def _edge_rows(self, sql: str) -> dict[str, np.ndarray]:
        return self._floats(sql, ["lane", "side", "n"])

    def frame(self, t0: float, t1: float, lanes: Iterable[int], width_px: int, cap: int = DEFAULT_CAP,
              filters: FilterLike | None = None, exact: bool = False) -> Frame:
        """As :meth:`EventStore.frame`; unfiltered, the edge buckets' counts and the strips' markers
        are asked in one query (each ClickHouse query costs milliseconds however little it reads),
        then the rows of the lanes that fit, if any."""
        lane_list = [int(k) for k in lanes]
        check_window(t0, t1, width_px)
        sf = StoreFilter.of(filters)
        lane_set = set(lane_list)
        whole = self._stats.lane_counts_if_whole(t0, t1, lane_set, "true") if self._stats is not None else None
        plan = None if whole is not None or not sf.is_empty or not lane_list else self._count_plan(t0, t1, lane_set)
        if not sf.is_empty or not lane_list or (whole is None and plan is None):
            return super().frame(t0, t1, lane_list, width_px, cap, sf, exact)
        bins = int(width_px)
        out, marker_sql, spread = self._density_parts(t0, t1, lane_list, bins, exact, "true")
        parts = []
        if plan is not None and plan[1] is not None:
            parts.append(f"SELECT toFloat64(side) AS q, toFloat64(lane) AS lane, 0.0 AS k, toFloat64(n) AS a, "
                         f"0.0 AS b FROM ({plan[1]})")
        if marker_sql is not None:
            parts.append(f"SELECT 2.0 AS q, toFloat64(lane) AS lane, toFloat64(k) AS k, toFloat64(a) AS a, "
                         f"toFloat64(b) AS b FROM ({marker_sql})")
        got = self._floats(" UNION ALL ".join(parts), ["q", "lane", "k", "a", "b"]) if parts else None
        counts = whole
        if plan is not None:
            edge = got["q"] < 2 if got is not None else None
            counts = window_counts(plan[0], None if got is None else {
                "lane": got["lane"][edge], "side": got["q"][edge], "n": got["a"][edge]})
        markers = None
        if marker_sql is not None and got is not None:
            mark = got["q"] == 2
            markers = bucket_bins({c: got[c][mark] for c in ("lane", "k", "a", "b")}, bins)
        out += density_from_parts(lane_list, t0, t1, bins, markers=markers, spread=spread)
        assert counts is not None
        window = f"drawn AND x0 <= {lit(t1)} AND x1 >= {lit(t0)}{self._near(t0, t1)} AND true"
        visible = self._rows_of_lanes({k: v for k, v in counts.items() if k in lane_set}, cap, window, (t0, t1))
        return Frame(float(t0), float(t1), tuple(lane_list), visible, out)

    def density(self, t0: float, t1: float, lanes: Iterable[int], bins: int, exact: bool = False,
                filters: FilterLike | None = None) -> np.ndarray:
        """As :meth:`DuckStore.density <viewer.io.duckstore.DuckStore.density>`."""
        check_window(t0, t1, bins)
        bins, lanes = int(bins), [int(k) for k in lanes]
        if not lanes:
            return np.zeros((0, bins))
        out, marker_sql, spread = self._density_parts(t0, t1, lanes, bins, exact, filter_where(filters, CLICKHOUSE))
        markers = None
        if marker_sql is not None:
            markers = bucket_bins(self._floats(marker_sql, ["lane", "k", "a", "b"]), bins)
        out += density_from_parts(lanes, t0, t1, bins, markers=markers, spread=spread)
        return out

    def _density_parts(self, t0: float, t1: float, lanes: list[int], bins: int, exact: bool,
                       where: str) -> tuple[np.ndarray, str | None, tuple[np.ndarray, ...] | None]:
        """What :meth:`density` adds up: ``(strips from the numpy count tables (len(lanes), bins),
        SQL of the markers to bin or None, date-only intervals read from the engine or None)``.
        The SQL's rows are ``lane, k, a, b`` (:func:`~viewer.io.store_sql.bucket_bins`: markers
        of bin ``k`` and of bin ``k + 1``), from the marker buckets or the rows."""
        sel = self._lanes(lanes)
        counts = self._count_cache() if where == "true" else None
        r = None if counts is None or exact else aggregate_resolution(t0, t1, bins, counts.marker_resolutions())
        out = np.zeros((len(lanes), bins))
        marker_sql = None
        if counts is not None and r is not None:
            table = counts.markers(r)
            chunks = None if table is not None or self._chunks is None else self._chunks.covering(r, t0, t1)
            if table is not None:
                out += table.density(lanes, t0, t1, bins)
            elif chunks is not None:  # the window's chunks of a large width, loaded by an earlier frame
                for chunk in chunks:
                    out += chunk.density(lanes, t0, t1, bins)
            else:  # too many buckets to load whole (10 s ... 10 min at 10^7), their chunks not here (yet):
                # the window's buckets, binned by ClickHouse
                marker_sql = bucket_bins_sql(f"{self.t}_counts", r, t0, t1, bins, lanes, CLICKHOUSE)
        else:
            w = (t1 - t0) / bins  # a window of no width: its markers in the last bin, as DuckDB's (x / 0 is NULL)
            k = f"least(toInt64(floor((xm - {lit(t0)}) / {lit(w)})), {bins - 1})" if w > 0 else str(bins - 1)
            marker_sql = (f"SELECT lane, {k} AS k, count() AS a, 0 AS b FROM {self.t} WHERE drawn AND NOT spread AND "
                          f"lane IN {sel} AND xm >= {lit(t0)} AND xm <= {lit(t1)}{self._near(t0, t1)} AND {where} "
                          "GROUP BY lane, k")
        wide = counts.spread() if counts is not None else None
        spread = None
        if wide is not None:
            out += wide.density(lanes, t0, t1, bins)
        else:
            src = (f"SELECT lane, x0, x1, n FROM {self.t}_counts WHERE res = 0" if where == "true" else
                   f"SELECT lane, x0, x1, count() AS n FROM {self.t} WHERE spread AND x0 < {lit(t1)} AND x1 > {lit(t0)}"
                   f"{self._near(t0, t1)} AND {where} GROUP BY lane, x0, x1")
            got = self._np(f"SELECT lane, x0, x1, n FROM ({src}) WHERE lane IN {sel} "
                           f"AND x0 < {lit(t1)} AND x1 > {lit(t0)}")
            if len(got.get("n", ())):
                spread = (got["lane"], got["x0"], got["x1"], got["n"])
        return out, marker_sql, spread

    def _count_cache(self) -> CountCache:
        """The count tables in numpy (loaded on first use)."""
        if self._counts is None:
            # with chunks, a width of more than CHUNKED_FROM rows is read a window's stretch at a time (the
            # first frame of 10^7 events read 10 min's million rows whole: 0.35-1.8 s)
            self._counts = CountCache(self._floats, f"{self.t}_counts", self._windowed,
                                      marker_max_rows=CHUNKED_FROM if self._chunks is not None else None)
        return self._counts

    def _floats(self, sql: str, names: list[str] | None = None) -> dict[str, np.ndarray]:
        """Numeric columns ``names`` of ``sql`` as float64 arrays: binary rows where the backend reads
        them.  Without ``names``, the select list must be plain (``a, b, count(*) AS c``)."""
        floats = getattr(self.backend, "floats", None)
        if floats is None:
            return self._np(sql)
        if names is None:
            names = [c.strip().split()[-1] for c in sql.split(" FROM ", 1)[0].removeprefix("SELECT ").split(",")]
        with self._lock, self._busy():
            got: dict[str, np.ndarray] = floats(sql, names)
        return got

    def count(self, filters: FilterLike | None = None) -> int:
        _, rows = self._rows(f"SELECT count() FROM {self.t} WHERE drawn AND {filter_where(filters, CLICKHOUSE)}")
        return int(rows[0][0])

    def mark_counts(self, after: float | None = None) -> tuple[int, int]:
        later = f" OR start_earliest >= {lit(float(after))}" if after is not None and math.isfinite(after) else ""
        _, rows = self._rows(f"SELECT countIf(ifNull({DRAFT_SQL}, 0)), countIf(ifNull({PLANNED_SQL}{later}, 0)) "
                             f"FROM {self.t}")
        return int(rows[0][0]), int(rows[0][1])

    def page(self, offset: int, limit: int, filters: FilterLike | None = None) -> VisibleEvents:
        """As :meth:`EventStore.page`.  With the search index, the unfiltered list's page is one key
        range of the table (the index gives the sort points of its first and last row; the server's
        count of the rows before them places it: 8-10 s at 10^7 on 18.16 was an ``OFFSET`` over the
        sorted table), and a search's page is the rows at the index's matches, read by their
        sort points and ids with the filter asked again; the table answers every value shown."""
        offset, limit = check_page(offset, limit)
        index = self._search_index()
        if index is not None and limit:
            try:
                got = self._indexed_page(index, offset, limit, StoreFilter.of(filters))
            except Exception:  # noqa: BLE001 - a shortcut only: the page as without an index
                got = None
            if got is not None:
                return got
        where = f"drawn AND {filter_where(filters, CLICKHOUSE)}"
        order = "ORDER BY sort_point, file_index"
        # the page's rows placed by the two sort columns alone, then read from that stretch of the key
        # (on 18.16 the read from the first row on, without an upper bound, read the wide columns of every
        # later row: 8-10 s at 10^7 events)
        _, keys = self._rows(f"SELECT sort_point, file_index FROM {self.t} WHERE {where} {order} "
                             f"LIMIT {max(limit, 1)} OFFSET {offset}")
        rows: list[list[Any]] = []
        if keys and limit:
            (sp, fi), (sp1, fi1) = keys[0], keys[-1]
            after = f"(sort_point > {lit(sp)} OR (sort_point = {lit(sp)} AND file_index >= {int(fi)}))"
            if all(isinstance(v, (int, float)) and not math.isnan(v) for v in (sp, sp1)):
                upto = f"(sort_point < {lit(sp1)} OR (sort_point = {lit(sp1)} AND file_index <= {int(fi1)}))"
                _, rows = self._rows(f"SELECT {_ROW}, json FROM {self.t} {self._prewhere} {self._key_range(sp, sp1)} "
                                     f"AND {after} AND {upto} AND {where} {order} LIMIT {limit}")
            else:  # (a NaN or NULL sort point compares with nothing: from the first row on)
                _, rows = self._rows(f"SELECT {_ROW}, json FROM {self.t} WHERE {where} AND {after} {order} "
                                     f"LIMIT {limit}")
        return self._page_answer(rows, self.count(filters))

    def _page_answer(self, rows: list[list[Any]], total: int) -> VisibleEvents:
        answer = self._answer([list(r[:-1]) for r in rows], total)
        # what the list writes of their dates; a row holding another event's json is refused (event_of_row)
        answer.events = [event_of_row(r[0], r[-1], self.zone, self.name, self.worded) for r in rows]
        return answer

    def _indexed_page(self, index: CollectionIndex, offset: int, limit: int, sf: StoreFilter) -> VisibleEvents | None:
        """:meth:`page` through the search index, or None when it cannot answer (the caller asks
        the table as without one)."""
        n_drawn = self.n_drawn
        if sf.is_empty:
            if n_drawn is None:
                return None
            if offset >= n_drawn:
                return self._page_answer([], n_drawn)
            last_off = min(offset + limit, n_drawn) - 1
            if n_drawn == self.n_events:
                at: tuple[int | None, int | None] = (offset, last_off)
            else:
                at = (index.drawn_position(offset), index.drawn_position(last_off))
            if at[0] is None or at[1] is None:
                return None
            got = self._run_at(index, at[0], at[1], f"{_ROW}, json", "drawn")
            if got is None:
                return None
            rank, run = got
            if rank > offset or len(run) < last_off - rank + 1:
                return None  # the index's sort points are not this table's: asked as without it
            return self._page_answer(run[offset - rank:last_off - rank + 1], n_drawn)
        if not sf.terms or not dataclasses.replace(sf, text="").is_empty:
            return None
        most = max(offset + limit, COUNT_CAP)
        found = index.search(sf.terms, most + 1, ids=offset + limit)
        if found is None:
            return None
        pos, ids = found
        want_pos, want_ids = pos[offset:offset + limit], ids[offset:offset + limit]
        total, exact = min(len(pos), most), len(pos) <= most
        rows: list[list[Any]] = []
        if len(want_pos):
            sps = index.sort_points(want_pos.tolist())
            if sps is None or any(sp is None for sp in sps):
                return None
            where = f"drawn AND {filter_where(sf, CLICKHOUSE)}"
            keys = ", ".join(sorted({lit(sp) for sp in sps}))
            arms = (" OR ".join(f"(span = {k} AND sort_point IN ({keys}))" for k in range(len(self._span_bounds) + 1))
                    if self._span_bounds is not None else f"sort_point IN ({keys})")
            have = self._rows(f"SELECT {_ROW}, json FROM {self.t} {self._prewhere} ({arms}) AND {where} "
                              "ORDER BY sort_point, file_index")[1]
            it = iter(have)  # the index's matches, in order, among the table's rows that match
            for eid in want_ids:
                row = next((r for r in it if r[0] == eid), None)
                if row is None:
                    index.fail(f"it lists event {eid!r} as a match, but the table's row does not match")
                    self._search_index()
                    return None
                rows.append(row)
        answer = self._page_answer(rows, total)
        answer.total_exact = exact
        return answer
    def facet_counts(self, facet: str, window: tuple[float, float] | None = None,
                     filters: FilterLike | None = None) -> dict[str, int]:
        check_facet(facet)
        where = filter_where(StoreFilter.of(filters).without(facet), CLICKHOUSE)
        if window is not None:
            check_window(*window)
            where = f"drawn AND x0 <= {lit(window[1])} AND x1 >= {lit(window[0])}{self._near(*window)} AND {where}"
        if facet == "track":
            sql = f"SELECT track, count() FROM {self.t} WHERE lane != -1 AND {where} GROUP BY track"
        else:
            # filtered before the ARRAY JOIN: ClickHouse 25's text index on a LIKE beside one loses a column
            sql = (f"SELECT v, count() FROM (SELECT if(empty({facet}), [''], {facet}) AS vs FROM {self.t} "
                   f"WHERE {where}) ARRAY JOIN vs AS v GROUP BY v")
        return {v: int(n) for v, n in self._rows(sql)[1] if n}

    def search(self, query: str, cap: int = 1000) -> SearchResult:
        """As :meth:`EventStore.search`: each term a ``LIKE '%term%'`` on the folded text (the
        n-gram skip index finds the granules that may hold it); matches counted up to
        :data:`COUNT_CAP` (or ``cap``, when larger), beyond which ``exact`` is False."""
        terms = parse_query(query)
        if not terms:
            return SearchResult()
        cap = max(int(cap), 0)
        index = self._search_index()
        found = index.search(terms, max(cap, COUNT_CAP) + 1, ids=cap) if index is not None else None
        if found is not None:  # the search index (a query with a term of three characters or more)
            (pos, found_ids), most = found, max(cap, COUNT_CAP)
            return SearchResult(found_ids, min(len(pos), most), exact=len(pos) <= most)
        where = "drawn AND " + " AND ".join(contains_sql("search_text", t, CLICKHOUSE) for t in terms)
        ids = [r[0] for r in self._rows(f"SELECT id FROM {self.t} WHERE {where} ORDER BY sort_point, file_index "
                                        f"LIMIT {cap}")[1]]
        if len(ids) < cap:
            return SearchResult(ids, len(ids))
        most = max(cap, COUNT_CAP)
        n = int(self._rows(f"SELECT count() FROM (SELECT 1 FROM {self.t} WHERE {where} LIMIT {most + 1})")[1][0][0])
        return SearchResult(ids, min(n, most), exact=n <= most)

    def quick_count(self, query: str, count_to: int | None = None) -> SearchResult | None:
        """As :meth:`DuckStore.quick_count <viewer.io.duckstore.DuckStore.quick_count>`: the
        matches counted from the search index alone (None without one, or when only a scan can)."""
        terms = parse_query(query)
        if not terms:
            return SearchResult()
        index = self._search_index()
        if index is None:
            return None
        count_to = min(QUICK_COUNT if count_to is None else int(count_to), COUNT_CAP)
        found = index.search(terms, count_to + 1)
        if found is None:
            return None
        return SearchResult([], min(len(found[0]), count_to), exact=len(found[0]) <= count_to)

    def event(self, event_id: str) -> Event:
        """The event of the row with id ``event_id`` (KeyError if none); TimelineLoadError when its
        json is damaged or names another event (:func:`~viewer.io.collection.event_of_row`).  With
        the search index, looked up at the sort point the index gives (one key range)."""
        index = self._search_index()
        place = index.locate(event_id) if index is not None else None
        if place is not None and place[1] is not None:
            rows = self._rows(f"SELECT json FROM {self.t} {self._prewhere} {self._key_range(place[1], place[1])} "
                              f"AND id = {lit(event_id)} LIMIT 1")[1]
            if rows:
                return event_of_row(event_id, rows[0][0], self.zone, self.name)
        rows = self._rows(f"SELECT json FROM {self.t} WHERE id = {lit(event_id)} LIMIT 1")[1]
        if not rows:
            raise KeyError(event_id)
        return event_of_row(event_id, rows[0][0], self.zone, self.name, self.worded)

    def event_at(self, file_index: int) -> Event:
        """The event at position ``file_index`` of the source file (KeyError if none); TimelineLoadError
        as :meth:`event`."""
        rows = self._rows(f"SELECT id, json FROM {self.t} WHERE file_index = {int(file_index)} LIMIT 1")[1]
        if not rows:
            raise KeyError(file_index)
        return event_of_row(rows[0][0], rows[0][1], self.zone, self.name, self.worded)


_JSON_SQL_CHECKS = ("json not an object", "json id", "json title", "json track")
"""The SQL checks the row pass (:func:`table_row_problems`) makes in Python, as the window reads
the json: 18.16's ``visitParamExtractString`` reads ``"id": "x"`` (a space after the colon) as
empty, the first ``id`` at any depth (a nested one), and the first of two ``id`` keys (JSON's
last wins)."""


def _label(at: Any, event_id: Any) -> str:
    """A ClickHouse row named by its ``file_index`` (and event id)."""
    return f"the row with file_index {int(at):,}" + (f" (event {event_id!r})" if event_id else "")


def table_problems(store: ClickStore, progress: Callable[[str], None] | None = None,
                   rows: bool = True) -> list[Problem]:
    """Every fault of the table's rows (:mod:`viewer.io.store_checks`: empty or duplicated ids and
    file indexes, NULL titles or json, a lane not its track's, NaN / misplaced infinite / impossible
    times), counted by the server in a few aggregate queries; each fault's count and first rows,
    named by ``file_index`` and id.  With ``rows`` (the default), then every row's json read in
    Python (:func:`table_row_problems`: ``progress("k of N rows checked")``).  ``[]``: sound."""
    from .store_checks import Place, duplicate_id_sql_problems, row_checks, row_fault_problems

    def query(sql: str) -> list[Any]:
        return store._rows(sql)[1]

    place = Place("file_index", _label)
    checks = row_checks(CLICKHOUSE, store.lane_ids, legacy=getattr(store.backend, "legacy", False))
    if rows:
        checks = [c for c in checks if c.name not in _JSON_SQL_CHECKS]
    out = (row_fault_problems(query, store.t, store.name, checks, place)
           + duplicate_id_sql_problems(query, store.t, store.name, place)
           + duplicate_index_problems(store))
    return out + table_row_problems(store, progress) if rows else out


def duplicate_index_problems(store: ClickStore, examples: int = 10) -> list[Problem]:
    """``file_index`` values held by more than one row: "event at" (the window's selection, the
    detail pane) reads one of them, and the rows' order among equal times is not the file's."""
    dup = f"SELECT file_index, count() AS n_, min(id) AS id_ FROM {store.t} GROUP BY file_index HAVING count() > 1"
    got = store._rows(f"{dup} ORDER BY file_index LIMIT {int(examples)}")[1]
    if not got:
        return []
    total = int(store._rows(f"SELECT count() FROM ({dup})")[1][0][0])
    out = [Problem(store.name, f"file_index {int(fi):,} is held by {int(n):,} rows; each row's file_index is its "
                   "own place in the source file (the window reads an event by it)",
                   location=f"{_label(fi, event_id)}, column 'file_index'") for fi, n, event_id in got]
    if total > len(got):
        out.append(Problem(store.name, f"and {total - len(got):,} more file_index values held by more than one row"))
    return out


def _open_whisker(store: ClickStore) -> float:
    """:func:`~viewer.io.collection_check.open_whisker` on the server (one aggregate query)."""
    from .collection_check import _WHISKER_MIN

    parts = []
    for column in ("start_earliest", "start_latest", "if(end_edtf IS NOT NULL, end_latest, start_latest)"):
        parts += [f"minIf({column}, isFinite({column}))", f"maxIf({column}, isFinite({column}))",
                  f"countIf(isFinite({column}))"]
    # an event whose year is unknown does not count (18.16 has no trimLeft: a regular expression)
    unknown = " OR ".join(rf"match(coalesce({c}, ''), '^\\s*\\[*XXXX')" for c in ("start_edtf", "end_edtf"))
    got = store._rows(f"SELECT {', '.join(parts)} FROM {store.t} WHERE NOT ({unknown})")[1][0]
    lows = [float(got[k]) for k in range(0, len(got), 3) if got[k + 2]]
    highs = [float(got[k + 1]) for k in range(0, len(got), 3) if got[k + 2]]
    span = max(highs) - min(lows) if lows and highs else 86400.0
    return max(_WHISKER_MIN, 0.02 * span)


def table_row_problems(store: ClickStore, progress: Callable[[str], None] | None = None,
                       batch: int | None = None) -> list[Problem]:
    """Every row's json read in Python, as the window and the detail pane read it, a batch of
    rows at a time in ``file_index`` order (never the whole table in memory): the checks of
    :func:`viewer.io.collection_check.row_problems` (the native format's own checks; the json's
    ``id``, ``title`` and ``track`` against the row's columns; the time columns against the json's
    dates), as a Parquet collection is checked; then the rows whose ``search_text`` is not their
    json's text (:func:`_search_text_rows`).  At most :data:`~viewer.io.collection_check.MAX_LISTED` listed.
    ``progress("k of N rows checked")`` after each batch.  About a minute per 10^6 rows."""
    from .collection_check import BATCH, DATE_COLUMNS, MAX_LISTED, row_problems

    size = max(int(batch or BATCH), 1)
    whisker = _open_whisker(store)
    columns = f"file_index, id, title, track, json, {', '.join(DATE_COLUMNS)}, search_text"
    found: list[Problem] = []
    said: list[Problem] = []  # rows whose search_text is not their json's, the first few
    stale = 0
    more = done = 0
    last: int | None = None
    while True:
        after = "1" if last is None else f"file_index > {int(last)}"
        # the batch's last file_index first (one column read), then its rows: every row sharing a
        # file_index lands in one batch, so none is skipped
        upper = store._rows(f"SELECT file_index FROM {store.t} WHERE {after} ORDER BY file_index "
                            f"LIMIT 1 OFFSET {size - 1}")[1]
        upto = f" AND file_index <= {int(upper[0][0])}" if upper else ""
        rows = store._rows(f"SELECT {columns} FROM {store.t} {store._prewhere} {after}{upto} "
                           "ORDER BY file_index")[1]
        got = row_problems(store.name, store.meta, [tuple(r[:-1]) for r in rows], whisker, _label)
        stale += _search_text_rows(store, rows, said, examples=3)
        take = got[:max(MAX_LISTED - len(found), 0)]
        found.extend(take)
        more += len(got) - len(take)
        done += len(rows)
        if progress is not None:
            progress(f"{done:,} of {store.n_events:,} rows checked")
        if not upper or not rows:
            break
        last = int(upper[0][0])
    if more:
        found.append(Problem(store.name, f"and {more:,} more problems in later rows (the first {MAX_LISTED:,} "
                                         "are listed)"))
    found += said
    if stale > len(said):
        found.append(Problem(store.name, f"and {stale - len(said):,} more rows whose search_text is not their "
                                         "event's text"))
    return found


def _search_text_rows(store: ClickStore, rows: list[list[Any]], said: list[Problem], examples: int) -> int:
    """How many of ``rows`` (``file_index, id, ..., json, ..., search_text``) hold a ``search_text``
    other than the folded text of their json's event (:func:`~viewer.model.search.event_text`, as
    the writer made it): search finds the row by words it does not hold, or misses it by its own.
    The first ``examples`` in all appended to ``said``.  A json that is not the row's event is
    said by the row checks, not here."""
    from viewer.model.search import event_text

    n = 0
    for r in rows:
        try:
            event = event_of_row(r[1], r[4], store.zone, store.name, store.worded)
        except TimelineLoadError:
            continue
        want = event_text(event, store.timeline)
        if r[-1] != want:
            n += 1
            if len(said) < examples:
                got = r[-1] if len(r[-1] or "") <= 60 else r[-1][:59] + "…"
                said.append(Problem(store.name, f"its search_text {got!r} is not its event's text (folded title, "
                                                "summary, place, actors, tags, quotes and sources, as convert "
                                                "writes it): search would find the row by words it does not hold, "
                                                "or miss it by its own", location=f"{_label(r[0], r[1])}, column "
                                                                                  "'search_text'"))
    return n


def read_clickhouse_report(url: str, *, max_loaded: int = 2_000_000,
                           prompt: Callable[[str], str] | None = None) -> ReadReport:
    """Open a ClickHouse collection in the window, as :func:`viewer.io.duckstore.read_collection_report`
    does a file (the latest ``max_loaded`` events when it holds more, with a warning)."""
    store = open_url(url, prompt)
    warnings: list[Problem] = []
    where = "true"
    if store.n_events > max_loaded:
        where = (f"file_index IN (SELECT file_index FROM {store.t} ORDER BY sort_point DESC, file_index DESC "
                 f"LIMIT {int(max_loaded)})")
        warnings.append(Problem(store.name, f"{store.n_events:,} events: more than the window holds "
                                f"({max_loaded:,}); opened on the latest {max_loaded:,} of them"))
    got = store._np(f"SELECT {LOAD_COLUMNS.format(length='length')} FROM {store.t} WHERE {where} "
                    "ORDER BY file_index")
    for name in ("id", "title"):
        got[name] = np.asarray(got[name], dtype=object)
    timeline = timeline_of_columns(store.timeline, store.meta, got, store.event_at,
                                   complete=len(got["id"]) == store.n_events)
    object.__setattr__(timeline, "_store", store)
    return ReadReport(timeline, warnings)
