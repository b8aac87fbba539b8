"""Atomic file replacement for writers that need a path (PDF and PNG exporters).

Pure Python, no Qt: the caller writes to the temporary path it is given (with
any library), and the file appears under its real name only when that
succeeded.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["atomic_path"]


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[str]:
    """Give a temporary path next to ``path``; rename it over ``path`` on success.

    The temporary file is created in the destination's folder (so the final
    ``os.replace`` is a rename on one file system, atomic on POSIX and
    Windows): readers see the old file or the whole new one, never half a
    file.  If the block raises, or leaves no file behind, the temporary file
    is removed and ``path`` is untouched.

    Parameters
    ----------
    path : str or os.PathLike
        The file to write; its folder must exist.

    Yields
    ------
    str
        The temporary path to write to (it exists, empty, with the
        destination's extension so format-guessing libraries still work).

    Raises
    ------
    OSError
        If the folder does not exist or is not writable, or the block wrote
        nothing (``FileNotFoundError`` / ``OSError`` naming ``path``).
    """
    target = os.path.realpath(os.fspath(path))
    folder = os.path.dirname(target) or "."
    base = os.path.basename(target)
    _, ext = os.path.splitext(base)
    try:
        mode = os.stat(target).st_mode & 0o7777  # keep the permissions of the file replaced
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        mode = 0o666 & ~mask  # a new file: what open() would give it
    fd, tmp = tempfile.mkstemp(prefix="." + base + ".", suffix=".tmp" + ext, dir=folder)
    os.close(fd)
    try:
        os.chmod(tmp, mode)
        yield tmp
        if os.path.getsize(tmp) == 0:
            raise OSError(f"nothing was written to {target}")
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
