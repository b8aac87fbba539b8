"""Opening a collection as an event store for the window (no Qt).

A ``.parquet`` / ``.duckdb`` collection or a ``clickhouse://`` / ``chdb://``
address opens as an :class:`~viewer.model.store.EventStore`; the window then
asks it for what each frame shows (:mod:`viewer.model.window`) instead of
loading the events' columns (:func:`viewer.io.duckstore.read_collection_report`
loads up to 2,000,000 of them).  A collection is a read-only view.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.errors import TimelineLoadError
from ..model.store import EventStore
from .clickstore import is_clickhouse_url, open_url
from .duckstore import DuckStore, looks_collection
from .regular import read_regular_file

__all__ = ["is_collection_target", "open_collection_store", "READ_ONLY_MESSAGE"]

READ_ONLY_MESSAGE = ("A collection is a read-only view: its events cannot be edited here. "
                     "Convert it to a timeline file to edit it "
                     "(timeline-viewer convert COLLECTION OUT.timeline.json), or edit the source it was made from.")
"""What the window says when an edit of a collection is asked for."""


def is_collection_target(target: str) -> bool:
    """True for a ClickHouse / chDB address, or a file that is a Parquet or DuckDB
    collection by name and content (:func:`~viewer.io.duckstore.looks_collection`).
    Never raises: an unreadable file is not a collection here (the readers name the problem)."""
    if is_clickhouse_url(target):
        return True
    lower = target.lower()
    if not (lower.endswith(".parquet") or lower.endswith(".duckdb")):
        return False
    try:  # never blocks: a named pipe, device or folder called x.parquet is not a collection
        head = read_regular_file(target, limit=15)[:16]
    except TimelineLoadError:
        return False
    return looks_collection(target, head)


def open_collection_store(target: str, prompt: Callable[[str], str] | None = None) -> EventStore:
    """The store of a collection file or ClickHouse address (the file opened read only).

    Raises
    ------
    TimelineLoadError
        If it is not a collection, cannot be read, or the server cannot be reached.
    """
    if is_clickhouse_url(target):
        return open_url(target, prompt)
    return DuckStore(target)
