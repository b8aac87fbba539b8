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

from viewer.model.timeline import Timeline

from .atomic import write_text_atomic
from .native import read_native, write_native

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
            except FileNotFoundError:
                pass


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
    """Remove this process's recovery file, if any."""
    Recovery(_own_path(), "", 0.0, os.getpid()).remove()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its file alone
    return True


def orphans() -> list[Recovery]:
    """Recovery files left by processes that are no longer running, newest first.

    Files that are not regular files (links, pipes) are skipped, never opened.
    """
    folder = _folder()
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("recovery-*.timeline.json"):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            meta = json.loads(_meta_path(path).read_text(encoding="utf-8"))
            source, saved_at, pid = str(meta.get("source", "")), float(meta.get("saved_at", 0)), int(meta["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            source, saved_at, pid = "", path.stat().st_mtime, -1
        if pid > 0 and _alive(pid):
            continue
        out.append(Recovery(path, source, saved_at, pid))
    return sorted(out, key=lambda r: -r.saved_at)
