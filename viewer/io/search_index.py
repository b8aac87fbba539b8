"""A full-text index of a large timeline's events, kept in the per-user cache folder.

Searching a million events by scanning each one's text takes about a minute
in Python.  This module builds, once per file content, an SQLite FTS5 table
(the standard library's :mod:`sqlite3`; SQLite >= 3.34 has the ``trigram``
tokenizer) whose rows are the events' searchable text, folded exactly as
:func:`viewer.model.search.event_text` folds it, with the event's position in
the file as ``rowid``.  A query keeps the rule of :mod:`viewer.model.search`:
each term must occur as a substring of the event's text; it is asked as one
``GLOB '*term*'`` per term (case-sensitive on folded text, so the same
matches as Python's ``in``), which the trigram index answers for terms of
three characters or more and SQLite's scan in C for shorter ones.  While the
folded text is under :data:`SCAN_MAX_BYTES` it is also kept in memory and
each term is found with a vectorised numpy scan of it instead (measured:
faster for every term at 10^6 events, and the only fast way for one- and
two-character terms, which trigrams cannot index).

Where and how (a cache file is a hint, handled as untrusted):

* the folder is ``platformdirs.user_cache_dir("timeline-viewer")`` or the
  folder named by ``TIMELINE_VIEWER_CACHE_DIR`` (the columnar cache's folder,
  :mod:`viewer.io.bulk`); it is used only when it is a real folder (not a
  link) of this user that others cannot write, and created ``0o700``;
* the name is ``<BLAKE2b of the file's absolute path>.tvsearch``; inside, a
  ``meta`` table holds :data:`INDEX_VERSION`, the BLAKE2b digest of the
  file's bytes (``LazyEvents.content_digest``) and the event count: any
  difference and the index is built again;
* it is opened read-only and only if it is a regular file owned by this user
  (``os.lstat``: a symbolic link is never followed);
* it is built under a temporary name in the same folder and renamed over the
  name when complete: a cancelled or failed build leaves nothing.

Pure Python, no Qt: builds and queries run in a background thread
(:mod:`viewer.ui.search_jobs`); ``progress(fraction)`` and ``cancelled()``
callbacks report and stop a build.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import secrets
import shlex
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

import numpy as np

from viewer.model.search import event_text, fold, parse_query
from viewer.model.timeline import LazyEvents, Timeline

from .cache import CACHE_DIR_ENV, cache_dir

__all__ = ["INDEX_VERSION", "INDEX_MIN_EVENTS", "CACHE_DIR_ENV", "SearchIndex", "index_dir", "index_path",
           "can_index", "CollectionIndex", "write_collection_index", "build_search_index", "sidecar_path",
           "COUNT_CAP", "COLLECTION_INDEX_VERSION", "collection_kind", "rebuild_hint", "index_note"]

INDEX_VERSION = 1
"""Bumped whenever what the index holds (fields, folding) changes."""
INDEX_MIN_EVENTS = 20_000
"""Timelines with fewer events are searched by scanning, unless read by the bulk reader."""
LAZY_INDEX_MIN_EVENTS = 1_000
"""A file read by the bulk reader (256 KB or more: its events are built only
when asked for) is indexed from this many events: scanning it would build
every event (1.3 s for 10,000 on a busy 2-core machine)."""

SCAN_MAX_BYTES = 256 * 1024 * 1024
"""Up to this much folded text, queries scan it in memory with numpy (20-80 ms
for 18 MB, 10^6 events: faster than fetching and checking the tens of
thousands of rows a common term gives from FTS5); above, the trigram index
narrows each term first."""
_BATCH = 20_000

VERIFY_MATCHES = 1_000
"""Matches of a cached index's answer checked against the events' own text (all of them up to
this many, else this many at random: about 13 us each, 13 ms).  The index file is trusted on its
metadata (the file's digest) alone; a changed text in it would otherwise find what the file does
not hold."""


class IndexTextMismatch(ValueError):
    """A cached search index answered an event whose own text does not match the query."""
_SIMPLE_FIELDS = ("title", "summary", "location")


def index_dir(create: bool = False) -> str | None:
    """The per-user cache folder (:func:`viewer.io.cache.cache_dir`: the columnar
    cache's folder), or None when there is none that can be trusted.

    ``$TIMELINE_VIEWER_CACHE_DIR`` or ``platformdirs.user_cache_dir("timeline-viewer")``;
    with ``create`` a missing folder is made (``0o700``).  A folder that is a
    symbolic link, another user's or writable by others gives None.
    """
    return cache_dir(create)


def index_path(file: str, folder: str | None = None) -> str | None:
    """``<cache folder>/<BLAKE2b of file's absolute path>.tvsearch``, or None without a folder."""
    folder = folder or index_dir()
    if folder is None:
        return None
    key = hashlib.blake2b(os.fsencode(os.path.abspath(file)), digest_size=16).hexdigest()
    return os.path.join(folder, f"{key}.tvsearch")


def can_index(timeline: Timeline) -> bool:
    """Whether ``timeline``'s events can be indexed: a large file read by the
    bulk reader (:class:`LazyEvents` with their JSON text and the file's digest)."""
    return _indexable(timeline) is not None


def _indexable(timeline: Timeline) -> LazyEvents | None:
    """``timeline.events`` when they can be indexed (see :func:`can_index`), else None."""
    ev = timeline.events
    if (isinstance(ev, LazyEvents) and ev.raw is not None and bool(ev.content_digest)
            and ev.origin_index is None and len(ev) >= LAZY_INDEX_MIN_EVENTS):
        return ev
    return None


def _regular_own_file(path: str) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and (not hasattr(os, "getuid") or info.st_uid == os.getuid())


def _connect_ro(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True)


def _glob_literal(term: str) -> str:
    """``term`` as a GLOB pattern matching itself (``*``, ``?`` and ``[`` in brackets)."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in term)


JOIN_SLICE = 50_000
"""Texts joined per step into the scan's blob (:func:`_joined`)."""

COUNT_EVERY = 8
"""The scan's byte counts are of every this-many-th byte of the blob (:func:`_joined`)."""


def _joined(encoded: list[bytes], starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``b"\\x00".join(encoded)`` as uint8, and how often each byte value is in it
    (int64 (256,), of every :data:`COUNT_EVERY`-th byte: only the scan's choice of
    its rarest byte reads them), :data:`JOIN_SLICE` texts at a time (``starts``:
    where each begins).

    One join of a million texts held the interpreter lock 60-140 ms, and one
    ``np.bincount`` of its 100 MB took 1.7 s, with gaps of ~90 ms for the GUI
    thread, while the index was loaded in the background after opening."""
    blob = np.zeros(max(0, int(starts[-1]) + len(encoded[-1])) if encoded else 0, dtype=np.uint8)
    counts = np.zeros(256, dtype=np.int64)
    for a in range(0, len(encoded), JOIN_SLICE):
        part = np.frombuffer(b"\x00".join(encoded[a : a + JOIN_SLICE]), dtype=np.uint8)
        at = int(starts[a])
        blob[at : at + len(part)] = part
        counts += np.bincount(part[::COUNT_EVERY], minlength=256)
    return blob, counts


class SearchIndex:
    """An index file that matches a timeline's events.

    Parameters
    ----------
    path : str
        The index file.
    n_events : int
        Events of the file (rowids ``0 .. n_events - 1``).
    """

    def __init__(self, path: str, n_events: int, texts: list[str] | None = None) -> None:
        self.path = path
        self.n_events = n_events
        self._blob: np.ndarray | None = None  # uint8: every event's folded text, NUL-separated
        self._starts: np.ndarray | None = None  # int64 (n_events,): where each text starts in _blob
        self._byte_counts: np.ndarray | None = None  # int64 (256,): each byte value in every COUNT_EVERY-th
        self._lock = threading.Lock()  # one query at a time (a warm-up and the query itself)
        self._answer: tuple[tuple[str, ...], np.ndarray] | None = None  # the last query's terms and mask
        # (events, timeline, rich events) of an index read from the cache, whose matches are checked
        self._source: tuple[LazyEvents, Timeline, set[int] | None] | None = None
        if texts is not None:
            self._set_texts(texts)

    def _set_texts(self, texts: list[str]) -> None:
        encoded = [t.encode("utf-8") for t in texts]
        lengths = np.fromiter((len(b) + 1 for b in encoded), dtype=np.int64, count=len(encoded))
        self._starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        self._blob, self._byte_counts = _joined(encoded, self._starts)
        self._last = None
        self._answer = None

    def load_texts(self) -> None:
        """Read the folded texts into memory (about 20 MB and a second at 10^6
        events; a background thread does it once): short terms and common
        terms are then answered by a vectorised scan (see :meth:`event_mask`)."""
        if self._blob is not None or not self.path:
            return
        con = _connect_ro(self.path)
        try:
            texts = [b for (b,) in con.execute("SELECT body FROM ev ORDER BY rowid")]
        finally:
            con.close()
        if len(texts) == self.n_events:
            self._set_texts(texts)

    _last: tuple[str, np.ndarray] | None = None  # the last term scanned and where it starts in _blob

    def _scan(self, term: str) -> np.ndarray:
        """bool (n_events,): events whose folded text contains ``term`` (numpy over the blob).

        A term that extends the last one scanned (typing on: "pro" after
        "pr") is looked for only where the last one was found: its other
        bytes checked at those places, no pass over the blob."""
        blob, starts = self._blob, self._starts
        assert blob is not None and starts is not None
        pat = np.frombuffer(term.encode("utf-8"), dtype=np.uint8)
        k = len(pat)
        if k == 0 or k > len(blob):
            return np.zeros(self.n_events, dtype=bool)
        last = self._last  # (one snapshot: another query thread may replace it)
        if last is not None and term.startswith(last[0]) and last[0]:
            done = len(last[0].encode("utf-8"))
            hits = last[1]
            hits = hits[hits <= len(blob) - k]
            rest = range(done, k)
        else:
            # passes over the blob for the term's two rarest bytes only, then its
            # other bytes checked at those places (a pass per byte took 60-100 ms
            # at 10^6 events for a 7-letter term)
            counts = self._byte_counts
            order = np.argsort(counts[pat], kind="stable") if counts is not None else np.arange(k)
            a = int(order[0])
            at = blob[a: len(blob) - k + 1 + a] == pat[a]
            if k > 1:
                b = int(order[1])
                at &= blob[b: len(blob) - k + 1 + b] == pat[b]
            hits = np.flatnonzero(at)
            del at
            rest = order[2:].tolist()
        for j in rest:
            if not len(hits):
                break
            hits = hits[blob[hits + j] == pat[j]]
        self._last = (term, hits)
        return self._events_at(hits)

    def _events_at(self, hits: np.ndarray) -> np.ndarray:
        """bool (n_events,): the events whose text holds a position of ``hits`` (sorted).

        (A binary search per place: marking the places in a blob-long array
        and ``np.logical_or.reduceat`` over the texts was slower up to a
        million places: 330–510 ms at 10^6 events.)"""
        starts = self._starts
        assert starts is not None
        mask = np.zeros(self.n_events, dtype=bool)
        mask[np.searchsorted(starts, hits, side="right") - 1] = True
        return mask

    # -- opening and building ------------------------------------------
    @classmethod
    def open(cls, file: str, timeline: Timeline) -> SearchIndex | None:
        """The index of ``file`` if one exists for exactly these events, else None.

        Never raises: a missing, foreign, damaged or stale index gives None.
        """
        events = _indexable(timeline)
        if events is None:
            return None
        path = index_path(file)
        if path is None or not _regular_own_file(path):
            return None
        try:
            con = _connect_ro(path)
            try:
                meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            finally:
                con.close()
        except sqlite3.Error:
            return None
        if (meta.get("version") != str(INDEX_VERSION) or meta.get("digest") != events.content_digest
                or meta.get("events") != str(len(events))):
            return None
        index = cls(path, len(events))
        index._source = (events, timeline, set(events.facts.rich.tolist()) if events.facts is not None else None)
        return index

    @classmethod
    def build(cls, file: str, timeline: Timeline, progress: Callable[[float], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> SearchIndex | None:
        """Build (or reuse) the index of ``file``'s events; None when cancelled or impossible.

        Parameters
        ----------
        file : str
            The timeline's file (names the index).
        timeline : Timeline
            The file's timeline as read (:func:`can_index` must hold).
        progress : callable(float), optional
            Called with the fraction done (0..1) after each batch of events.
        cancelled : callable() -> bool, optional
            Asked between batches; True stops the build and removes its
            temporary file.

        Returns
        -------
        SearchIndex or None
            None when cancelled or when the cache folder cannot be written
            (disk full...): the caller then scans.  Without a cache folder
            that can be trusted, an index of the folded text in memory only
            (``path`` ""), built again at each opening.
        """
        found = cls.open(file, timeline)
        if found is not None:
            return found
        events = _indexable(timeline)
        if events is None:
            return None
        folder = index_dir(create=True)
        path = index_path(file, folder) if folder else None
        n = len(events)
        rich = set(events.facts.rich.tolist()) if events.facts is not None else None
        if path is None:  # no cache folder we can trust: the folded text in memory only
            texts: list[str] = []
            for lo in range(0, n, _BATCH):
                if cancelled is not None and cancelled():
                    return None
                texts += [_text_of(events, timeline, i, rich) for i in range(lo, min(n, lo + _BATCH))]
                if progress is not None:
                    progress(min(n, lo + _BATCH) / n)
            return cls("", n, texts)
        assert folder is not None
        tmp = os.path.join(folder, f".{os.path.basename(path)}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
        try:
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            os.close(fd)
            con = sqlite3.connect(tmp)
        except (OSError, sqlite3.Error):
            return None
        done = False
        texts = []
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            con.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
            # detail=none: substring queries are GLOBs checked on the row, no positions needed
            con.execute("CREATE VIRTUAL TABLE ev USING fts5(body, tokenize='trigram case_sensitive 1', detail='none')")
            for lo in range(0, n, _BATCH):
                if cancelled is not None and cancelled():
                    return None
                hi = min(n, lo + _BATCH)
                batch = [_text_of(events, timeline, i, rich) for i in range(lo, hi)]
                texts += batch
                con.executemany("INSERT INTO ev(rowid, body) VALUES (?, ?)", zip(range(lo, hi), batch, strict=True))
                if progress is not None:
                    progress(hi / n)
            con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("version", str(INDEX_VERSION)), ("digest", events.content_digest), ("events", str(n))])
            con.commit()
            con.close()
            if cancelled is not None and cancelled():
                return None
            os.replace(tmp, path)
            done = True
            return cls(path, n, texts)
        except (OSError, sqlite3.Error):
            return None
        finally:
            if not done:
                try:
                    con.close()
                except sqlite3.Error:
                    pass
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    # -- queries ---------------------------------------------------------
    def event_mask(self, query: str) -> np.ndarray:
        """bool array (n_events,), file order: the events matching ``query``
        (rule of :func:`viewer.model.search.search`).

        Raises
        ------
        sqlite3.Error
            If the index file went away or was damaged since it was opened.
        IndexTextMismatch
            If an index read from the cache finds an event whose own text does not match
            (:meth:`_verify`).
        """
        terms = parse_query(query)
        if not terms:
            return np.zeros(self.n_events, dtype=bool)
        with self._lock:
            # the same query again (it was warmed up while the user typed,
            # viewer.ui.search_jobs.SearchJobs.warm): its mask, not a second scan
            last = self._answer
            if last is None or last[0] != tuple(terms):
                last = self._answer = (tuple(terms), self._mask(terms))
            mask: np.ndarray = last[1].copy()
            return mask

    def _mask(self, terms: list[str]) -> np.ndarray:
        if self._blob is not None and (len(self._blob) <= SCAN_MAX_BYTES or not self.path):
            mask = self._scan(terms[0])
            for t in terms[1:]:
                mask &= self._scan(t)
        else:
            mask = self._fts_mask(terms)
        self._verify(mask, terms)
        return mask

    def _verify(self, mask: np.ndarray, terms: list[str]) -> None:
        """Check the matches ``mask`` (bool (n_events,)) of an index read from the cache against
        the events' own folded text (:data:`VERIFY_MATCHES` of them at most, chosen at random
        beyond): the file is trusted on its metadata alone.  Raises :class:`IndexTextMismatch`
        naming the first event whose text does not hold every term (the caller drops the index
        and scans).  An index built this session from the events is not checked.

        Only matches are checked: a text changed in the index so that an event is no longer
        found cannot be seen from the matches (only a rebuild, or a scan, finds it)."""
        source = self._source
        if source is None:
            return
        hits = np.flatnonzero(mask)
        if len(hits) > VERIFY_MATCHES:
            hits = np.sort(np.random.default_rng().choice(hits, VERIFY_MATCHES, replace=False))
        events, timeline, rich = source
        for i in hits.tolist():
            text = _text_of(events, timeline, i, rich)
            if not all(t in text for t in terms):
                raise IndexTextMismatch(f"{self.path}: the search index finds event {i}, whose text does not "
                                        "hold the query (the index is not this file's: searching scans instead)")

    def _fts_mask(self, terms: list[str]) -> np.ndarray:
        mask = np.zeros(self.n_events, dtype=bool)
        where = " AND ".join(["body GLOB ?"] * len(terms))
        con = _connect_ro(self.path)
        try:
            rows = con.execute(f"SELECT rowid FROM ev WHERE {where}",  # noqa: S608 - only placeholders
                               [f"*{_glob_literal(t)}*" for t in terms]).fetchall()
        finally:
            con.close()
        if rows:
            idx = np.fromiter((r for (r,) in rows), dtype=np.int64, count=len(rows))
            mask[idx[(idx >= 0) & (idx < self.n_events)]] = True
        return mask


def _text_of(events: LazyEvents, timeline: Timeline, i: int, rich: set[int] | None) -> str:
    """The folded searchable text of event ``i``: from its JSON for an event of
    the common shape (title, summary, location only), else from the built event."""
    if rich is not None and i not in rich:
        raw = events.raw
        assert raw is not None  # can_index
        e = json.loads(raw(i))
        return fold("\n".join(v for v in (e.get(k) for k in _SIMPLE_FIELDS) if isinstance(v, str) and v))
    return event_text(events.build(i), timeline)


# ---------------------------------------------------------------------------
# the search index of a collection (issue 13): a sidecar file beside the Parquet

COLLECTION_INDEX_VERSION = 3
"""Bumped whenever what a collection's sidecar holds (tables, folding) changes.  3: the table ``shown``,
what an event list's row shows of each drawn row (a page of a rare word's matches read from SQLite: from
the Parquet file it read up to one row group of 122,880 rows per match, 0.5-0.6 s at 10^7).  2: the
texts, ids and sort points in one table ``rows`` and the trigram index over it (external content); 1
kept the text and id twice (FTS5's own copy and the id table) and took 2-3 times as long to write."""
COUNT_CAP = 100_000
"""A search counts its matches up to this many (more than the cap asked for); beyond it the total
is a lower bound (:attr:`viewer.model.store.SearchResult.exact` False: "at least 100,000")."""
MIN_INDEXED_TERM = 3
"""Characters a term needs for the trigram index to find it; a query whose terms are all shorter is
answered by the engine's scan."""

SHORT_CHECK_SHARE = 0.02
"""A query with a term of one or two characters is left to the engine's scan when its longer terms
find more than this share of the rows (each found row would be read to check the short term)."""

QUICK_COUNT = 1_000
"""Matches a window's first count goes to (:meth:`viewer.io.duckstore.DuckStore.quick_count`) before
the whole count, which may scan, replaces it."""

FIRST_CANDIDATES = 20_000
"""Rows :meth:`CollectionIndex.first_matches` reads at most to check a short term (about 13 us a
row: a quarter of a second), before it leaves the query to the engine's scan."""

_META_SQL = "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"
# every row of the collection by its position (= time order); body NULL for a row not drawn
_ROWS_SQL = "CREATE TABLE rows(row INTEGER PRIMARY KEY, id TEXT NOT NULL, body TEXT, sort_point REAL)"
# the trigram index of rows.body (external content: the text is stored once, in rows); detail=full
# keeps the trigrams' positions, so a term is an FTS5 phrase answered without reading a row
# (detail=none wrote 1.5x faster but every candidate row is then read and checked: "strike" 3x slower)
_FTS_SQL = ("CREATE VIRTUAL TABLE fts USING fts5(body, content='rows', content_rowid='row', "
            "tokenize='trigram case_sensitive 1', columnsize=0)")
_IDS_INDEX_SQL = "CREATE INDEX rows_by_id ON rows(id, row)"
SHOWN_COLUMNS = ("lane", "kind", "x0", "x1", "xm", "flags", "title", "solid0", "solid1", "planned", "draft",
                 "cal_sp", "cal_s0", "cal_s1", "cal_has_end", "cal_ep", "cal_e0", "cal_e1", "json")
"""What the table ``shown`` keeps of each drawn row, in order: the collection's page columns
(:meth:`viewer.io.duckstore.DuckStore.page`: the drawn extent, flags, marks, the calendar columns) and
its ``json``, the event as its source gives it (the list writes its date from it, never more precisely)."""
_REAL = frozenset({"x0", "x1", "xm", "solid0", "solid1", "cal_s0", "cal_s1", "cal_e0", "cal_e1"})
_BOOL = frozenset({"planned", "draft", "cal_has_end"})
_INT = frozenset({"lane", "kind", "flags"})
# what a page of the event list shows of each drawn row, by its position: a page of matches far apart is
# read by primary key (SQLite stores NaN as NULL: read back as NaN)
_SHOWN_SQL = ("CREATE TABLE shown(row INTEGER PRIMARY KEY, " + ", ".join(
    f"{c} {'REAL' if c in _REAL else 'TEXT' if c in ('title', 'cal_sp', 'cal_ep', 'json') else 'INTEGER'}"
    for c in SHOWN_COLUMNS) + ")")
_SCHEMA = {("table", "meta"): _META_SQL, ("table", "fts"): _FTS_SQL, ("table", "rows"): _ROWS_SQL,
           ("index", "rows_by_id"): _IDS_INDEX_SQL, ("table", "shown"): _SHOWN_SQL}
_FTS_SHADOW = ("fts_data", "fts_idx", "fts_config")


def sidecar_path(path: str) -> str:
    """Where the search index of the collection ``path`` lives, beside it: ``NAME.search.sqlite`` for
    ``NAME.parquet``, ``NAME.duckdb.search.sqlite`` for ``NAME.duckdb``.

    A Parquet file named ``NAME.duckdb.parquet`` keeps its whole name,
    ``NAME.duckdb.parquet.search.sqlite``: cut to ``NAME.duckdb`` it would share the sidecar of a
    DuckDB collection ``NAME.duckdb`` in the same folder, and writing either's index would
    replace the other's."""
    lower = path.lower()
    root = path[:-len(".parquet")] if lower.endswith(".parquet") and not lower.endswith(".duckdb.parquet") else path
    return root + ".search.sqlite"


def collection_kind(path: str) -> str:
    """``"clickhouse"`` for a ClickHouse / chDB address (its index lives in the per-user cache
    folder, :func:`viewer.io.clickstore.index_file`), ``"duckdb"`` for a ``.duckdb`` collection, else
    ``"parquet"`` (what a sidecar records it indexes)."""
    if path.lower().startswith(("clickhouse://", "clickhouses://", "chdb://")):
        return "clickhouse"
    return "duckdb" if path.lower().endswith(".duckdb") else "parquet"


def rebuild_hint(collection: str, sidecar: str | None = None) -> str:
    """The way out of a damaged, stale or foreign search index, for a note: the command that
    writes it again (:func:`build_search_index`; ``--out`` for a sidecar kept elsewhere)."""
    out = f" --out {shlex.quote(sidecar)}" if sidecar and sidecar != sidecar_path(collection) else ""
    if collection_kind(collection) == "clickhouse":  # kept in the cache folder, found by its address
        out = ""
    return f"rebuild it with `timeline-viewer index {shlex.quote(collection)}{out}`"


def index_note(collection: str, sidecar: str, verb: str, problem: str) -> str:
    """The note of a search index not used: ``NAME.search.sqlite: search index ignored, <problem>;
    search scans the collection (the same answers, slower); rebuild it with ...``."""
    return (f"{os.path.basename(sidecar)}: search index {verb}, {problem}; search scans the collection "
            f"(the same answers, slower); {rebuild_hint(collection, sidecar)}")


def write_collection_index(path: str, rows: Iterable[tuple[list[int], list[str], list[str], list[float],
                                                           list[bool], list[tuple[Any, ...]]]],
                           *, token: str, n_rows: int, n_drawn: int,
                           progress: Callable[[str], None] | None = None, out: str | None = None) -> str:
    """Write the sidecar search index of a collection, atomically (:func:`sidecar_path` of ``path``).

    How it is written (10^6 synthetic events: 48 s with version 1, 24 s now; ``benchmarks/README.md``):
    the rows go into the plain table ``rows`` in position order (appends to its B-tree), then
    FTS5 tokenizes them all in one ``'rebuild'`` (in C: no virtual-table insert per row), the id
    index is sorted once at the end, and the trigram index merged into one segment
    (``'optimize'``).  No journal, no fsync until the end (a failed write leaves nothing: the file
    is renamed into place only when complete).

    Parameters
    ----------
    path : str
        The collection the index belongs to (the sidecar goes beside it).
    rows : iterable of (positions, ids, texts, sort_points, drawn, shown) lists
        Every row of the collection in file order, in batches: its position in
        the file (0-based, = time order), event id, folded search text (the
        ``search_text`` column: :func:`viewer.model.search.event_text`), sort
        point (epoch s) and whether it is drawn (only drawn rows are searched);
        ``shown``: for each drawn row of the batch, ``(position, *values)`` by
        :data:`SHOWN_COLUMNS` (what its row in an event list shows).
    token : str
        The collection's ``timeline_viewer_collection`` token: a sidecar of
        another collection is ignored when opened (so is one that records the other kind,
        ``meta.kind``: :func:`collection_kind`; a Parquet copy of a DuckDB collection keeps its token).
    n_rows, n_drawn : int
        Rows and drawn rows of the collection (checked again when opened).
    out : str, optional
        Write the sidecar there instead of beside ``path`` (a collection in a folder that
        cannot be written; open it with ``DuckStore(path, sidecar=out)``).

    Returns
    -------
    str
        The sidecar's path.

    Raises
    ------
    OSError, sqlite3.Error
        If it cannot be written (nothing is left behind).
    """
    from .atomic import atomic_path

    target = out or sidecar_path(path)
    with atomic_path(target) as tmp:
        os.unlink(tmp)  # SQLite makes its own file
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            con.execute("PRAGMA page_size=8192")
            con.execute("PRAGMA cache_size=-262144")  # 256 MB: FTS5 merges its segments in memory
            for sql in (_META_SQL, _ROWS_SQL, _FTS_SQL, _SHOWN_SQL):
                con.execute(sql)
            done = 0
            marks = ", ".join("?" * (len(SHOWN_COLUMNS) + 1))
            for pos, ids, texts, sort_points, drawn, shown in rows:
                con.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", zip(
                    pos, ids, [(t or "") if d else None for t, d in zip(texts, drawn, strict=True)], sort_points,
                    strict=True))
                con.executemany(f"INSERT INTO shown VALUES ({marks})", shown)  # noqa: S608 - placeholders
                done += len(pos)
                if progress is not None:
                    progress(f"search index: {done:,} of {n_rows:,} events read")
            if progress is not None:
                progress("search index: indexing the texts")
            con.execute("INSERT INTO fts(fts) VALUES ('rebuild')")
            if progress is not None:
                progress("search index: indexing the ids")
            con.execute(_IDS_INDEX_SQL)
            con.execute("INSERT INTO fts(fts) VALUES ('optimize')")
            con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("version", str(COLLECTION_INDEX_VERSION)), ("collection", token), ("rows", str(int(n_rows))),
                ("drawn", str(int(n_drawn))), ("kind", collection_kind(path))])
            con.commit()
        finally:
            con.close()
    return target


class CollectionIndex:
    """The sidecar search index of one collection, opened read-only and checked first.

    Use :meth:`open`; every query returns None (the caller then scans) once
    the file proves damaged, and :attr:`note` says why.

    Attributes
    ----------
    path : str
    n_rows : int
        Rows of the collection (positions ``0 .. n_rows - 1``).
    note : str
        Why the index is not (or no longer) used; "" while it is.
    """

    def __init__(self, path: str, con: sqlite3.Connection, n_rows: int, collection: str = "") -> None:
        self.path, self._con, self.n_rows = path, con, n_rows
        self.collection = collection or path  # the collection's file, named in the way out of a note
        self.note = ""
        self.shown_checked = False  # its list of what rows show, spot-checked (DuckStore._shown_checked)
        self._lock = threading.Lock()

    @classmethod
    def open(cls, collection: str, *, token: str | None, n_rows: int,
             n_drawn: int | None = None, sidecar: str | None = None) -> tuple[CollectionIndex | None, str]:
        """The sidecar of ``collection`` (``sidecar``, else :func:`sidecar_path`) if it is this
        collection's, and a note ("" when none is due).

        The file is untrusted: it must be a regular file (not a link), its
        tables exactly those :func:`write_collection_index` makes (no view or
        trigger), its version :data:`COLLECTION_INDEX_VERSION`, its token
        ``token``, its kind (when it records one) that of ``collection``, its row counts
        ``n_rows`` / ``n_drawn``, and the trigram index's own count of rows (FTS5's
        ``averages`` record, read in O(1)) ``n_rows``.  Never raises:
        a missing sidecar gives ``(None, "")``, a wrong one ``(None, note)``.
        """
        path = sidecar or sidecar_path(collection)
        try:
            info = os.lstat(path)
        except OSError:
            return None, ""
        name = os.path.basename(path)
        if not stat.S_ISREG(info.st_mode):
            return None, f"{name}: search index ignored, not a regular file; search scans the collection"
        con = None
        try:
            con = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True, check_same_thread=False)
            con.execute("PRAGMA trusted_schema=OFF")
            con.execute("PRAGMA query_only=ON")
            con.execute("PRAGMA cell_size_check=ON")
            problem = _schema_problem(con)
            if problem is not None:
                problem = _other_version(con) or problem
            if problem is None:
                meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
                expected = {"version": str(COLLECTION_INDEX_VERSION), "collection": token, "rows": str(int(n_rows))}
                if n_drawn is not None:
                    expected["drawn"] = str(int(n_drawn))
                wrong = [k for k, v in expected.items() if meta.get(k) != v]
                kind = collection_kind(collection)
                if wrong:
                    verb = "does" if len(wrong) == 1 else "do"
                    problem = f"its {', '.join(wrong)} {verb} not match this collection (stale or foreign)"
                elif meta.get("kind", kind) != kind:  # (written before the kind was recorded: none)
                    problem = f"it indexes a {meta.get('kind')} file, not this {kind} collection"
                else:
                    top = con.execute("SELECT max(row) FROM rows").fetchone()[0]
                    if top is not None and not (isinstance(top, int) and 0 <= top < n_rows):
                        problem = "its rows point outside the collection"
                    else:
                        problem = _fts_count_problem(con, n_rows)
        except sqlite3.Error as exc:
            problem = f"unreadable ({exc})"
        if problem is not None:
            if con is not None:
                con.close()
            return None, index_note(collection, path, "ignored", problem)
        assert con is not None
        return cls(path, con, n_rows, collection), ""

    def rows_mismatch(self, rows: Iterable[tuple[int, str, str | None, float, bool]],
                      probe: Callable[[int], int] | None = None) -> str | None:
        """What differs between the index and the collection's own ``rows``, or None.

        The sidecar's tables, token and counts can be right and its texts wrong (edited, or
        written from other rows): each row's indexed text and id must be the collection's
        ``search_text`` and id, the index must find the row by a piece of that text (``probe``:
        text length -> where the piece starts; None: the text's first characters), an undrawn
        row must not be indexed, and its id must locate it at its sort point.  The collection checks a few random
        rows at each opening (:class:`~viewer.io.duckstore.DuckStore`), ``validate`` every row.

        Parameters
        ----------
        rows : iterable of (position, id, folded text, sort point, drawn)
            Rows of the collection (0-based positions), as :func:`write_collection_index` took them.
        """
        with self._lock:
            con = self._con
            for pos, event_id, text, sort_point, drawn in rows:
                text = text or ""
                got = con.execute("SELECT body, id, sort_point FROM rows WHERE row = ?", [int(pos)]).fetchone()
                if got is None:
                    return f"row {pos} (event {event_id!r}) is missing"
                if got[1] != event_id:
                    return f"row {pos} has the id {got[1]!r} where the collection has {event_id!r}"
                if not drawn:
                    if got[0] is not None:
                        return f"row {pos} is indexed but the collection does not draw it"
                elif got[0] is None:
                    return f"row {pos} (event {event_id!r}) is missing"
                elif got[0] != text:
                    return f"row {pos}'s text (event {event_id!r}) is not the collection's"
                elif len(text) >= MIN_INDEXED_TERM:
                    at = probe(len(text) - MIN_INDEXED_TERM + 1) if probe is not None else 0
                    piece = text[at:at + 8]
                    if con.execute(
                            "SELECT 1 FROM fts WHERE fts MATCH ? AND rowid = ?",
                            ['"' + piece.replace('"', '""') + '"', int(pos)]).fetchone() is None:
                        return f"its index does not find row {pos} (event {event_id!r}) by {piece!r}"
                first = con.execute("SELECT row FROM rows WHERE id = ? ORDER BY row LIMIT 1", [event_id]).fetchone()
                if first is None or first[0] > pos or not _same_point(got[2], sort_point):
                    return f"its id table does not locate event {event_id!r} at row {pos}"
        return None

    def every_row_mismatch(self, rows: Iterable[tuple[int, str, str | None, float, bool]]) -> str | None:
        """As :meth:`rows_mismatch` for every row of the collection, in file order (``validate``):
        the stored texts and the id table read alongside in one pass each (no query per row).
        The trigram index itself is probed at the rows :meth:`rows_mismatch` samples."""
        with self._lock:
            listed = self._con.execute("SELECT row, id, body, sort_point FROM rows ORDER BY row")
            for pos, event_id, text, sort_point, drawn in rows:
                entry = listed.fetchone()
                if entry is None or entry[0] != pos:
                    return f"row {pos} (event {event_id!r}) is missing"
                if entry[1] != event_id:
                    return f"row {pos} has the id {entry[1]!r} where the collection has {event_id!r}"
                if not _same_point(entry[3], sort_point):
                    return f"its id table does not locate event {event_id!r} at row {pos}"
                if drawn and entry[2] is None:
                    return f"row {pos} (event {event_id!r}) is missing"
                if drawn and entry[2] != (text or ""):
                    return f"row {pos}'s text (event {event_id!r}) is not the collection's"
                if not drawn and entry[2] is not None:
                    return f"row {pos} is indexed but the collection does not draw it"
            if listed.fetchone() is not None:
                return "it has rows the collection has not"
        return None

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def _fail(self, why: str) -> None:
        self.note = index_note(self.collection, self.path, "dropped", why)

    def fail(self, why: str) -> None:
        """Stop answering (every query then gives None): :attr:`note` says ``why`` it was dropped."""
        self._fail(why)

    def file_problem(self, n_drawn: int | None = None) -> str | None:
        """What is damaged in the sidecar file itself, or None (``validate``, before it compares
        every row; seconds to minutes: every page is read).

        Checks SQLite's ``PRAGMA quick_check`` (pages and B-trees: a truncated file or
        overwritten bytes), the rows it holds against the collection's ``n_rows`` and drawn rows
        ``n_drawn``, and the trigram index's count of rows.

        Returns
        -------
        str or None
            The problem in words ("its file is damaged (SQLite: ...)"); None when sound.
        """
        with self._lock:
            con = self._con
            try:
                found = [str(r[0]) for r in con.execute("PRAGMA quick_check(3)").fetchall()]
                if found != ["ok"]:  # (its first line is "*** in database main ***")
                    lines = [ln.strip() for f in found for ln in f.splitlines() if ln.strip() and "***" not in ln]
                    return f"its file is damaged (SQLite's check: {'; '.join(lines[:3]) or 'not ok'})"
                rows, drawn = con.execute("SELECT count(*), count(body) FROM rows").fetchone()
                if rows != self.n_rows:
                    return f"it holds {rows:,} rows where the collection has {self.n_rows:,}"
                if n_drawn is not None and drawn != n_drawn:
                    return f"it holds the text of {drawn:,} events where the collection draws {n_drawn:,}"
                shown = con.execute("SELECT count(*) FROM shown").fetchone()[0]
                if shown != drawn:
                    return f"it lists {shown:,} events where it holds the text of {drawn:,}"
                return _fts_count_problem(con, self.n_rows)
            except sqlite3.Error as exc:
                return f"its file is damaged ({exc})"

    def trigram_problem(self) -> str | None:
        """What is wrong in the trigram index, or None (``validate``, after every row's text and id
        were found right): FTS5's own ``'integrity-check'`` with the content compared (``rank`` 1:
        every row's trigrams against the index: rows deleted from its shadow tables, a damaged
        segment), which needs a connection that may write (:func:`_fts_integrity_problem`;
        nothing is written): 0.4 s at 10^5 events (the writing took 13 s)."""
        with self._lock:
            return _fts_integrity_problem(self.path)

    def _positions(self, got: list[tuple[int]]) -> np.ndarray | None:
        """The row positions of a query's ``(rowid,)`` rows as int64 (N,); None (and the index
        dropped) when one points outside the collection."""
        pos = np.fromiter((r for (r,) in got), dtype=np.int64, count=len(got))
        if len(pos) and (pos[0] < 0 or pos[-1] >= self.n_rows):
            self._fail("its rows point outside the collection")
            return None
        return pos

    def _query(self, sql: str, params: list[Any]) -> list[Any] | None:
        if self.note:
            return None
        try:
            with self._lock:
                return self._con.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            self._fail(f"unreadable ({exc})")
            return None

    def search(self, terms: list[str], limit: int | None,
               ids: int = 0) -> tuple[np.ndarray, list[str]] | None:
        """Positions (int64 ascending) of the drawn rows whose folded text holds every term
        (:func:`viewer.model.search.parse_query` terms, already folded), the first ``limit`` in
        time order (None: all), and the ids of the first ``ids`` of them.

        Terms of :data:`MIN_INDEXED_TERM` characters or more are found as FTS5 phrases of
        trigrams (exact substrings; no row is read); shorter ones are checked with ``GLOB`` on the
        rows those give.  None when the index cannot answer (every term shorter, or the file
        is damaged): the caller scans.
        """
        long = [t for t in terms if len(t) >= MIN_INDEXED_TERM]
        if not long:
            return None
        where = "fts MATCH ?"
        params: list[Any] = [" AND ".join('"' + t.replace('"', '""') + '"' for t in long)]
        if len(long) < len(terms):
            # a short term is checked on each row the long ones find, reading the row (about 13 us
            # a row: "rally 31" read 833,000 rows in 9-11 s at 10^7, the engine's scan takes ~3 s):
            # past SHORT_CHECK_SHARE of the rows, the caller's scan is faster
            most = max(int(self.n_rows * SHORT_CHECK_SHARE), 1)
            seen = self._query("SELECT count(*) FROM (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?)",
                               [params[0], most + 1])
            if seen is None or seen[0][0] > most:
                return None
        for t in terms:
            if len(t) < MIN_INDEXED_TERM:
                where += " AND body GLOB ?"
                params.append(f"*{_glob_literal(t)}*")
        tail = [] if limit is None else [max(int(limit), 0)]
        got = self._query(f"SELECT rowid FROM fts WHERE {where} ORDER BY rowid"  # noqa: S608 - placeholders
                          + (" LIMIT ?" if tail else ""), params + tail)
        if got is None:
            return None
        pos = self._positions(got)
        if pos is None:
            return None
        names: list[str | None] = []
        first = pos[:max(int(ids), 0)].tolist()
        for lo in range(0, len(first), 10_000):  # the ids of the first matches, by position
            part = first[lo:lo + 10_000]
            rows = self._query(f"SELECT row, id FROM rows WHERE row IN ({', '.join('?' * len(part))})",  # noqa: S608
                               part)
            if rows is None:
                return None
            id_of_row = dict(rows)
            names += [id_of_row.get(k) for k in part]
        ids_found = [i for i in names if isinstance(i, str)]
        if len(ids_found) != len(names):
            self._fail("an event id is missing or not text")
            return None
        return pos, ids_found

    def first_matches(self, terms: list[str], limit: int,
                      candidates: int | None = None) -> tuple[np.ndarray, bool] | None:
        """``(positions, all_found)``: positions (int64 ascending) of the first matches (drawn rows
        whose folded text holds every term), at most ``limit``, found among the first ``candidates``
        rows the terms of three characters or more find (None: :data:`FIRST_CANDIDATES`); as the
        candidates are read in row order, they are the first matches of the whole collection.
        ``all_found`` when the candidates were every row those terms find and fewer than ``limit``
        matched: the positions are then every match.  For a query that mixes a short term (one or two
        characters: "UN vote", "rally 31") with a common word, where :meth:`search` leaves the count
        to the engine's scan (seconds at 10^7).  None when the index cannot say (no term of three
        characters or more, or a damaged file)."""
        candidates = FIRST_CANDIDATES if candidates is None else int(candidates)
        long = [t for t in terms if len(t) >= MIN_INDEXED_TERM]
        if not long or limit < 1:
            return None
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long)
        short = [t for t in terms if len(t) < MIN_INDEXED_TERM]
        where = "".join(" AND r.body GLOB ?" for _ in short)
        got = self._query(  # noqa: S608 - placeholders only
            "SELECT f.rowid FROM (SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid LIMIT ?) AS f "
            f"JOIN rows AS r ON r.row = f.rowid WHERE r.body IS NOT NULL{where} ORDER BY f.rowid LIMIT ?",
            [match, int(candidates), *(f"*{_glob_literal(t)}*" for t in short), int(limit)])
        if got is None:
            return None
        all_found = False
        if len(got) < limit:  # fewer than asked: every match, unless more rows lie past the candidates
            seen = self._query("SELECT count(*) FROM (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?)",
                               [match, int(candidates) + 1])
            if seen is None:
                return None
            all_found = seen[0][0] <= candidates
        pos = self._positions(got)
        if pos is None:
            return None
        return pos, all_found

    def shown_rows(self, positions: np.ndarray) -> dict[str, np.ndarray] | None:
        """What an event list shows of the drawn rows at ``positions`` (int64 (K,) ascending), read
        from the table ``shown`` by position: ``id`` and :data:`SHOWN_COLUMNS` as numpy arrays
        (K,) in that order, as the collection's own page query gives them (floats: NaN for a
        NULL; ``lane``/``kind``/``flags`` int64; ``planned``/``draft``/``cal_has_end`` bool; text
        as object).  None when the index cannot answer: a position it does not list (a row not
        drawn), a value of the wrong type (the index is then dropped, with a note), a damaged file."""
        listed = [int(k) for k in positions]
        if not listed:
            return None
        cols = ", ".join(f"s.{c}" for c in SHOWN_COLUMNS)
        got = self._query(f"SELECT s.row, r.id, {cols} FROM shown AS s JOIN rows AS r ON r.row = s.row "  # noqa: S608
                          f"WHERE s.row IN ({', '.join(map(str, listed))}) ORDER BY s.row", [])
        if got is None or [r[0] for r in got] != listed:
            return None
        names = ("id", *SHOWN_COLUMNS)
        out: dict[str, np.ndarray] = {}
        for j, name in enumerate(names, start=1):
            values = [r[j] for r in got]
            if name in _REAL:
                if not all(v is None or isinstance(v, (int, float)) for v in values):
                    self._fail(f"its {name} column holds a value that is not a number")
                    return None
                out[name] = np.array([math.nan if v is None else float(v) for v in values], dtype=float)
            elif name in _INT or name in _BOOL:
                if not all(isinstance(v, int) for v in values):
                    self._fail(f"its {name} column holds a value that is not a whole number")
                    return None
                out[name] = np.array(values, dtype=bool if name in _BOOL else np.int64)
            else:
                nullable = name in ("cal_sp", "cal_ep")
                if not all(isinstance(v, str) or (nullable and v is None) for v in values):
                    self._fail(f"its {name} column holds a value that is not text")
                    return None
                out[name] = np.array(values, dtype=object)
        return out

    def shown_mismatch(self, rows: Iterable[tuple[Any, ...]], spans: list[tuple[int, int]] | None = None) -> str | None:
        """What differs between the table ``shown`` and the collection's drawn ``rows``
        (``(position, *values)`` by :data:`SHOWN_COLUMNS`, ascending), or None.  ``spans``:
        the positions ``(first, last)`` the rows were taken from (the table must list no other
        row there); None: the rows are every drawn row of the collection (``validate``)."""
        where = " OR ".join(f"row BETWEEN {int(a)} AND {int(b)}" for a, b in spans) if spans else "true"
        with self._lock:
            listed = self._con.execute(f"SELECT row, {', '.join(SHOWN_COLUMNS)} FROM shown "  # noqa: S608
                                       f"WHERE {where} ORDER BY row")
            for want in rows:
                have = listed.fetchone()
                if have is None or have[0] != want[0]:
                    return f"its list does not show row {want[0]}" if have is None or have[0] > want[0] else (
                        f"its list shows row {have[0]}, which the collection does not draw")
                for name, a, b in zip(SHOWN_COLUMNS, have[1:], want[1:], strict=True):
                    if not _same_value(a, b):
                        return f"row {want[0]}'s {name} in its list is not the collection's"
            extra = listed.fetchone()
            if extra is not None:
                return f"its list shows row {extra[0]}, which the collection does not draw"
        return None

    def sort_points(self, positions: Iterable[int]) -> list[float | None] | None:
        """The sort points (epoch s; None for a NULL / NaN) of the rows at ``positions``, in that
        order; None when the index cannot answer (a position it does not list, a damaged file).
        Untrusted: a store finds the rows on its engine by them and checks what it finds."""
        listed = [int(k) for k in positions]
        if not listed:
            return []
        got = self._query(f"SELECT row, sort_point FROM rows WHERE row IN ({', '.join(map(str, set(listed)))})",  # noqa: S608
                          [])
        if got is None:
            return None
        by_row = {r: sp for r, sp in got}
        if any(k not in by_row for k in listed):
            return None
        out: list[float | None] = []
        for k in listed:
            sp = by_row[k]
            if sp is not None and not isinstance(sp, (int, float)):
                self._fail("its sort_point column holds a value that is not a number")
                return None
            out.append(None if sp is None or sp != sp else float(sp))
        return out

    def drawn_position(self, offset: int) -> int | None:
        """The position of the ``offset``-th drawn row (0-based) by the table ``shown`` (which
        lists the drawn rows), or None (past the last, or a damaged file)."""
        got = self._query("SELECT row FROM shown ORDER BY row LIMIT 1 OFFSET ?", [int(offset)])
        return int(got[0][0]) if got and isinstance(got[0][0], int) else None

    def locate(self, event_id: str) -> tuple[int, float | None] | None:
        """(position, sort point in epoch s or None) of the first row with id ``event_id``,
        ``(-1, None)`` when the index has no such id; None when the index cannot answer."""
        got = self._query("SELECT row, sort_point FROM rows WHERE id = ? ORDER BY row LIMIT 1", [event_id])
        if got is None:
            return None
        if not got:
            return -1, None
        row, sp = got[0]
        if not isinstance(row, int) or not 0 <= row < self.n_rows:
            self._fail("its rows point outside the collection")
            return None
        return row, float(sp) if isinstance(sp, (int, float)) else None


def _fts_count_problem(con: sqlite3.Connection, n_rows: int) -> str | None:
    """Whether the trigram index counts ``n_rows`` rows: FTS5 keeps the count of the rows it
    indexed as the first varint of its ``averages`` record (``fts_data`` id 1; the write's
    ``'rebuild'`` indexes every row of ``rows``).  One row read, at every opening."""
    got = con.execute("SELECT block FROM fts_data WHERE id = 1").fetchone()
    block = got[0] if got is not None else None
    if not isinstance(block, bytes) or not block:
        return "its trigram index has no count of rows (damaged)"
    value = 0
    for i, byte in enumerate(block[:9]):  # an SQLite varint: 7 bits a byte, high bit = more
        if i == 8:
            value = (value << 8) | byte
            break
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            break
    if value != n_rows:
        return f"its trigram index holds {value:,} rows where the collection has {n_rows:,} (damaged)"
    return None


_SQLITE_CORRUPT = 11  # SQLite's primary result code for a damaged file (sqlite3.SQLITE_CORRUPT, Python 3.11+)


def _fts_integrity_problem(path: str) -> str | None:
    """FTS5's ``'integrity-check'`` of the sidecar ``path`` (content compared), or None when sound.

    SQLite refuses the command on a read-only connection, so the file is opened for writing in a
    transaction that is rolled back (the command writes nothing) -- only when it is a regular file
    of rollback-journal mode with no journal beside it (a hot journal would be played back into
    it).  Otherwise, or when the file cannot be opened for writing, the check runs on a copy in
    a temporary folder (SQLite's backup, read through a read-only connection)."""
    import tempfile

    sql = "INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)"

    def run(con: sqlite3.Connection) -> str | None:
        con.execute("PRAGMA trusted_schema=OFF")
        con.execute("BEGIN")
        try:
            con.execute(sql)
        except sqlite3.DatabaseError as exc:
            # SQLITE_CORRUPT(_VTAB): "database disk image is malformed"; another error (an SQLite
            # too old for the command, a busy file) says nothing of the index: it stays used
            code = getattr(exc, "sqlite_errorcode", None)
            if isinstance(code, int) and code & 0xFF != _SQLITE_CORRUPT:
                return None
            return f"its trigram index is damaged (SQLite's FTS5 check: {exc})"
        finally:
            con.rollback()
        return None

    try:
        with open(path, "rb") as f:
            header = f.read(20)
        in_place = (_regular_own_file(path) and os.access(path, os.W_OK) and len(header) == 20
                    and header[18:20] == b"\x01\x01"
                    and not any(os.path.lexists(path + x) for x in ("-journal", "-wal")))
        if in_place:
            con = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=rw", uri=True, isolation_level=None)
            try:
                return run(con)
            finally:
                con.close()
        with tempfile.TemporaryDirectory(prefix="tv-index-check-") as folder:
            src = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True)
            dst = sqlite3.connect(os.path.join(folder, "copy.sqlite"), isolation_level=None)
            try:
                src.backup(dst)
                return run(dst)
            finally:
                src.close()
                dst.close()
    except (OSError, sqlite3.Error) as exc:
        return f"its file could not be checked ({exc})"


def served_mismatch(positions: np.ndarray, served: dict[str, np.ndarray], rows: list[tuple[Any, ...]]) -> str | None:
    """What differs between a page's rows as :meth:`CollectionIndex.shown_rows` gave them
    (``served``: ``id`` and :data:`SHOWN_COLUMNS`, arrays (K,) for the int64 ``positions``
    (K,) ascending) and the collection's own ``rows`` at those positions (``(position, id,
    *values)`` by :data:`SHOWN_COLUMNS`, ascending), or None when they are the same."""
    want = [int(k) for k in positions]
    have = [int(r[0]) for r in rows]
    if have != want:
        missing = sorted(set(want) - set(have))
        return (f"its list shows row {missing[0]}, which the collection does not draw" if missing else
                "its list is not the collection's rows")
    for i, row in enumerate(rows):
        for name, value in zip(("id", *SHOWN_COLUMNS), row[1:], strict=True):
            v = served[name][i]
            if not _same_value(v.item() if isinstance(v, np.generic) else v, value):
                return f"row {want[i]}'s {name} in its list is not the collection's"
    return None


def _same_value(stored: Any, value: Any) -> bool:
    """Whether a value of the table ``shown`` is the collection's: numbers by value (NULL and
    NaN alike: SQLite keeps a NaN as NULL; a bool as 0 / 1), text by its characters."""
    def nothing(v: Any) -> bool:
        return v is None or (isinstance(v, float) and v != v)

    if value is None or stored is None:
        return nothing(stored) and nothing(value)
    if isinstance(value, bool) or isinstance(stored, bool):
        return isinstance(stored, int) and isinstance(value, int) and bool(stored) == bool(value)
    if isinstance(value, (int, float)):
        return isinstance(stored, (int, float)) and _same_point(stored, value)
    return type(stored) is type(value) and stored == value


def _same_point(stored: Any, point: Any) -> bool:
    """Whether the id table's sort point is the collection's (SQLite keeps a NaN as NULL)."""
    if stored is None or point is None:
        return (stored is None or stored != stored) and (point is None or point != point)
    return bool(float(stored) == float(point))


def _schema_problem(con: sqlite3.Connection) -> str | None:
    """Why the sidecar's schema is not the one :func:`write_collection_index` makes, or None."""
    found = con.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    have = {(t, n): s for t, n, s in found}
    for key, sql in _SCHEMA.items():
        if have.get(key) != sql:
            return f"no {key[1]} {key[0]} as written by this viewer"
    extra = [n for (t, n) in have if (t, n) not in _SCHEMA and not (
        n in _FTS_SHADOW or (t == "index" and n.startswith("sqlite_autoindex_")))]
    if extra:
        return f"unexpected objects {', '.join(sorted(extra))}"
    return None


def _other_version(con: sqlite3.Connection) -> str | None:
    """"it is of search index version N ..." when the sidecar's ``meta`` table (as this viewer
    writes it) names another version (one written by an older viewer, with other tables), else None."""
    got = con.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if got is None or got[0] != _META_SQL:
        return None
    found = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    version = found[0] if found is not None else None
    if not isinstance(version, str) or not version.isdigit() or len(version) > 4 \
            or version == str(COLLECTION_INDEX_VERSION):
        return None
    return (f"it is of search index version {version}, written by another version of the viewer "
            f"(this one reads version {COLLECTION_INDEX_VERSION}: stale)")


def build_search_index(path: str, progress: Callable[[str], None] | None = None, out: str | None = None,
                       prompt: Callable[[str], str] | None = None) -> str:
    """Build (or rebuild) the sidecar search index of an existing collection.

    Parameters
    ----------
    path : str
        A ``.parquet`` or ``.duckdb`` collection written by ``timeline-viewer convert``
        (opened read-only: the collection itself is never written), or a ClickHouse / chDB
        address (``clickhouse://host:9000/db?table=events``): its index is written to the per-user
        cache folder (:meth:`viewer.io.clickstore.ClickStore.write_search_index`), never beside
        anything on the server; ``prompt`` asks its password when the environment has none.
    progress : callable(str), optional
        Told how far it got.
    out : str, optional
        Where to write the sidecar instead of beside ``path`` (:func:`sidecar_path`), for a
        collection in a folder that cannot be written; open it with ``DuckStore(path, sidecar=out)``.

    Returns
    -------
    str
        The sidecar's path.

    Raises
    ------
    TimelineLoadError
        If ``path`` is not a collection.
    OSError, sqlite3.Error
        If the sidecar cannot be written.
    """
    if collection_kind(path) == "clickhouse":  # its index goes to the per-user cache folder
        from .clickstore import open_url

        click = open_url(path, prompt=prompt)
        try:
            return click.write_search_index(progress, out=out)
        finally:
            click.close()
    from .duckstore import DuckStore

    if not path.lower().endswith((".parquet", ".duckdb")):
        from viewer.model.errors import Problem, TimelineLoadError

        raise TimelineLoadError([Problem(path, "a search index is built for a .parquet or .duckdb collection")])
    store = DuckStore(path, search_index=False)
    try:
        return store.write_search_index(progress, out=out)
    finally:
        store.close()
