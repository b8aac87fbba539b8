"""Autosave and crash recovery of unsaved edits (no Qt).

While a window has unsaved changes it writes them, every 30 s and on quit,
to the per-user data folder (:func:`data_dir`: ``platformdirs.user_data_dir
("timeline-viewer")``, or ``$TIMELINE_VIEWER_DATA_DIR`` when set, as the
tests do) as ``recovery/recovery-<pid>.timeline.json`` (the native format,
written atomically with :func:`~viewer.io.native.write_native`) with a small
``.meta.json`` beside it saying which file was being edited and when.  Saving
or discarding the changes removes both.  A recovery file whose process is no
longer running (a crash, ``kill -9``) is offered at the next start
(:func:`orphans`).

``platformdirs`` is the maintained library for per-user folders on Linux
(XDG), macOS and Windows; we do not guess those paths ourselves.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from viewer.model.errors import TimelineLoadError
from viewer.model.timeline import Timeline

from .atomic import write_text_atomic
from .native import read_native, write_native
from .regular import read_regular_file

__all__ = ["data_dir", "Recovery", "write_recovery", "remove_recovery", "orphans", "ENV_DATA_DIR"]

ENV_DATA_DIR = "TIMELINE_VIEWER_DATA_DIR"
"""Environment variable that replaces the per-user data folder (tests, portable use)."""


def data_dir() -> Path:
    """The per-user data folder of the app (created on first use by the writers)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("timeline-viewer", appauthor=False))


def _folder() -> Path:
    return data_dir() / "recovery"


@dataclass(frozen=True)
class Recovery:
    """One recovery file.

    Attributes
    ----------
    path : Path
        The native file holding the unsaved timeline.
    source : str
        The file that was being edited (``""`` for a new, never saved timeline).
    saved_at : float
        When it was written (seconds since the Unix epoch).
    pid : int
        The process that wrote it.
    """

    path: Path
    source: str
    saved_at: float
    pid: int

    def read(self) -> Timeline:
        """The unsaved timeline; raises TimelineLoadError if the file is damaged."""
        return read_native(self.path)

    def remove(self) -> None:
        """Delete the recovery file and its meta file (missing ones are fine)."""
        for p in (self.path, _meta_path(self.path)):
            try:
                p.unlink()
            except (FileNotFoundError, NotADirectoryError):
                pass  # nothing there, or the recovery folder is not a folder: nothing to remove


def _meta_path(path: Path) -> Path:
    return path.with_name(path.name.replace(".timeline.json", ".meta.json"))


def _own_path(pid: int | None = None) -> Path:
    return _folder() / f"recovery-{pid or os.getpid()}.timeline.json"


def write_recovery(timeline: Timeline, source: str) -> Path:
    """Write this process's recovery file (atomically); returns its path.

    Raises
    ------
    OSError, ValueError
        As :func:`~viewer.io.native.write_native` (the caller reports them).
    """
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = _own_path()
    write_native(timeline, path)
    meta = {"source": source, "saved_at": time.time(), "pid": os.getpid()}
    write_text_atomic(_meta_path(path), json.dumps(meta) + "\n")
    return path


def remove_recovery() -> None:
    """Remove this process's recovery file, if any; never raises (an unusable
    recovery folder, e.g. a regular file in its place, holds nothing to remove)."""
    try:
        Recovery(_own_path(), "", 0.0, os.getpid()).remove()
    except OSError:
        pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process: leave its file alone
    return True


_META_LIMIT = 64 * 1024
"""A meta file is a few dozen bytes; anything longer than this (bytes) is not ours."""

_LATEST = 253402300799.0
"""9999-12-31T23:59:59 UTC (seconds since the Unix epoch): the last time ``time.localtime`` shows."""


def _read_meta(path: Path) -> tuple[str, float, int] | None:
    """``(source, saved_at, pid)`` from the meta file ``path``, or None when it is unusable.

    The file is read only if it is a regular file (never a pipe or device, which
    could block), and each field is checked: ``source`` a string, ``saved_at`` a
    finite number of seconds since the Unix epoch between 0 and year 9999,
    ``pid`` an integer between 1 and 2**22 (Linux ``pid_max`` limit).
    """
    try:
        raw = read_regular_file(path, limit=_META_LIMIT)
        if len(raw) > _META_LIMIT:
            return None
        meta = json.loads(raw.decode("utf-8"))
    except (TimelineLoadError, OSError, ValueError):
        return None
    if not isinstance(meta, dict):
        return None
    source, saved_at, pid = meta.get("source", ""), meta.get("saved_at"), meta.get("pid")
    if not isinstance(source, str) or "\x00" in source:
        return None
    if isinstance(saved_at, bool) or not isinstance(saved_at, (int, float)):
        return None
    if not (0 <= saved_at <= _LATEST):  # also refuses NaN and infinities
        return None
    if isinstance(pid, bool) or not isinstance(pid, int) or not (0 < pid <= 2**22):
        return None
    return source, float(saved_at), pid


def orphans() -> list[Recovery]:
    """Recovery files left by processes that are no longer running, newest first.

    Files that are not regular files (links, pipes) are skipped, never opened.
    """
    folder = _folder()
    try:
        if folder.is_symlink() or not folder.is_dir():
            return []
        paths = list(folder.glob("recovery-*.timeline.json"))
    except OSError:
        return []
    out = []
    for path in paths:
        try:
            if path.is_symlink() or not path.is_file():
                continue
            mtime = path.stat().st_mtime
        except OSError:
            continue
        meta_path = _meta_path(path)
        try:
            os.lstat(meta_path)
        except FileNotFoundError:  # no meta file: offer the file, dated by itself
            source, saved_at, pid = "", min(max(mtime, 0.0), _LATEST), -1
        except OSError:
            continue
        else:
            if meta_path.is_symlink():
                continue  # a link is never followed
            meta = _read_meta(meta_path)
            if meta is None:  # a damaged meta file (or a pipe, a device) skips only this entry
                continue
            source, saved_at, pid = meta
        if pid > 0 and _alive(pid):
            continue
        out.append(Recovery(path, source, saved_at, pid))
    return sorted(out, key=lambda r: -r.saved_at)
