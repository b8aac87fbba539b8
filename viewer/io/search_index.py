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
import os
import secrets
import sqlite3
import stat
from collections.abc import Callable
from urllib.parse import quote

import numpy as np

from viewer.model.search import event_text, fold, parse_query
from viewer.model.timeline import LazyEvents, Timeline

from .cache import CACHE_DIR_ENV, cache_dir

__all__ = ["INDEX_VERSION", "INDEX_MIN_EVENTS", "CACHE_DIR_ENV", "SearchIndex", "index_dir", "index_path",
           "can_index"]

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
        if texts is not None:
            self._set_texts(texts)

    def _set_texts(self, texts: list[str]) -> None:
        encoded = [t.encode("utf-8") for t in texts]
        lengths = np.fromiter((len(b) + 1 for b in encoded), dtype=np.int64, count=len(encoded))
        self._starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        self._blob = np.frombuffer(b"\x00".join(encoded), dtype=np.uint8)

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

    def _scan(self, term: str) -> np.ndarray:
        """bool (n_events,): events whose folded text contains ``term`` (numpy over the blob)."""
        blob, starts = self._blob, self._starts
        assert blob is not None and starts is not None
        pat = np.frombuffer(term.encode("utf-8"), dtype=np.uint8)
        k = len(pat)
        mask = np.zeros(self.n_events, dtype=bool)
        if k == 0 or k > len(blob):
            return mask
        m = blob[: len(blob) - k + 1] == pat[0]
        for j in range(1, k):
            m &= blob[j: len(blob) - k + 1 + j] == pat[j]
        hits = np.flatnonzero(m)
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
        return cls(path, len(events))

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
        """
        terms = parse_query(query)
        if not terms:
            return np.zeros(self.n_events, dtype=bool)
        if self._blob is not None and (len(self._blob) <= SCAN_MAX_BYTES or not self.path):
            mask = self._scan(terms[0])
            for t in terms[1:]:
                mask &= self._scan(t)
            return mask
        return self._fts_mask(terms)

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
