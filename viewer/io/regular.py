"""Only regular files are read: one check for every entry point.

Opening a named pipe (FIFO) for reading blocks until some other program
writes to it, a character device such as ``/dev/zero`` or ``/dev/urandom``
never ends, and a socket cannot be opened at all: a viewer must not hang or
fill memory because a name points at one.  Every reader (the registry's
format detection, the native reader, the foreign formats' text reader, the
``validate`` / ``convert`` / ``export`` commands, File > Open, drops, live
reload) goes through :func:`require_regular_file` or :func:`read_regular_file`.

A symbolic link to a regular file is read: the user named it.  The check is
made on the name (``os.stat``) and again on the opened descriptor
(``os.fstat``), and the file is opened with ``O_NONBLOCK``, so a pipe put in
place between the two is refused rather than waited on.

Pure Python, no Qt.
"""

from __future__ import annotations

import os
import stat

from viewer.model.errors import Problem, TimelineLoadError

__all__ = ["require_regular_file", "read_regular_file", "not_regular_reason", "file_kind", "problem_from_oserror",
           "same_file", "sidecar_kind", "file_identity"]

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def file_kind(mode: int) -> str:
    """What a file of mode ``mode`` (``st_mode``) is, in words: ``"a named pipe (FIFO)"``."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    return ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a character device" if stat.S_ISCHR(mode) else "a block device" if stat.S_ISBLK(mode)
            else "a special file")


def sidecar_kind(path: str | os.PathLike[str]) -> str | None:
    """What the sidecar file ``path`` is when it is not followed: ``"a symbolic link"``, ``"a named
    pipe (FIFO)"``, ...; None for a regular file or no file.  Only ``os.lstat``: nothing is opened
    (a pipe would block), and a link is not resolved (a sidecar is the collection's own file, never
    a pointer elsewhere)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return None if stat.S_ISREG(mode) else file_kind(mode)


def not_regular_reason(mode: int) -> str | None:
    """Why a file of mode ``mode`` (``st_mode``) is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a folder, not a timeline file"
    return f"this is {file_kind(mode)}, not a regular file; only regular files are read"


def problem_from_oserror(file: str, exc: OSError) -> Problem:
    """A :class:`Problem` for a file that cannot be opened or read."""
    if isinstance(exc, FileNotFoundError):
        message = "no such file (check the name and the folder)"
    elif isinstance(exc, IsADirectoryError):
        message = "this is a folder, not a timeline file"
    elif isinstance(exc, PermissionError):
        message = "permission denied: you are not allowed to read this file"
    elif isinstance(exc, NotADirectoryError):
        message = "no such file: a part of the path is not a folder"
    else:
        message = f"cannot read the file: {exc.strerror or exc}"
    return Problem(file, message)


def require_regular_file(path: str | os.PathLike[str], file: str | None = None) -> os.stat_result:
    """Check that ``path`` names a regular file (a link to one is fine), without opening it.

    Parameters
    ----------
    path : str or os.PathLike
        The file to check.
    file : str, optional
        The name used in messages (default: ``path``).

    Returns
    -------
    os.stat_result
        The file's status (size in bytes as ``st_size``).

    Raises
    ------
    TimelineLoadError
        Naming the file and what it is: missing, a folder, a named pipe, a
        socket, a device, or not accessible.
    """
    file = os.fsdecode(path) if file is None else file
    try:
        info = os.stat(path)
    except OSError as exc:
        raise TimelineLoadError([problem_from_oserror(file, exc)]) from exc
    reason = not_regular_reason(info.st_mode)
    if reason is not None:
        raise TimelineLoadError([Problem(file, reason)])
    return info


def read_regular_file(path: str | os.PathLike[str], file: str | None = None, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit + 1`` of them.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    file : str, optional
        The name used in messages (default: ``path``).
    limit : int, optional
        Read at most ``limit + 1`` bytes (so a caller can tell that a file is
        longer than ``limit``); None reads everything.

    Returns
    -------
    bytes

    Raises
    ------
    TimelineLoadError
        As :func:`require_regular_file`; also when the file turns out not to
        be regular once opened, or cannot be read.
    """
    file = os.fsdecode(path) if file is None else file
    require_regular_file(path, file)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except OSError as exc:
        raise TimelineLoadError([problem_from_oserror(file, exc)]) from exc
    try:
        reason = not_regular_reason(os.fstat(fd).st_mode)
        if reason is not None:
            raise TimelineLoadError([Problem(file, reason)])
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read() if limit is None else fh.read(limit + 1)
    except OSError as exc:
        raise TimelineLoadError([problem_from_oserror(file, exc)]) from exc
    finally:
        os.close(fd)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when ``a`` and ``b`` name one file (the same path, or a hard or symbolic link to it:
    same device and inode); False when either does not exist (yet) or is not a path."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError, TypeError):
        return False



def file_identity(path: str | os.PathLike[str]) -> tuple[int, int, int, int, int] | None:
    """What tells one version of the file at ``path`` from another without reading it:
    ``(device, inode, size in bytes, modification time in ns, status change time in ns)``
    as ``os.stat`` gives them now, or None when it cannot be stat'ed (missing, no access).

    Taken when a read starts and compared when its result is shown: a file rewritten,
    cut or replaced (renamed over) meanwhile gives another tuple.  Never raises."""
    try:
        info = os.stat(path)
    except (OSError, ValueError, TypeError):
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
