"""Atomic file replacement: a write either completes or leaves the old file.

Every writer of this package (timeline formats here, pictures in
:mod:`viewer.ui.export`) goes through this module.  The recipe is the usual
POSIX one (see e.g. the ``rename(2)`` man page and the LWN article "Ensuring
data reaches disk"): write a temporary file *in the same folder* (so the
rename does not cross file systems), flush and ``fsync`` it, give it the
permissions of the file it replaces, ``os.replace`` it over the target, then
``fsync`` the folder so the rename itself is durable.  An interrupted write
(an exception, a full disk, Ctrl+C) removes the temporary file and leaves the
target untouched.

Nothing is written through a link: a destination that is a symbolic link
(dangling or not) is refused, with a message naming the link and where it
points, and so is one that is a folder, a named pipe or a device (checked with
``os.lstat``; :func:`destination_problem`).  A link put in place after the
check is replaced by the rename, never followed (``rename(2)`` does not
follow its destination).  Issue 10: "nothing written through links".

A write that is killed (``kill -9``, a power cut) cannot remove its temporary
file, so temporary files are named recognisably, ``.NAME.tvtmp-PID-XXXX``
(the writer's process id), and the next write to the same destination removes
the stale ones (:func:`remove_stale_temps`).

Pure Python, no Qt.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator

from .regular import file_kind

__all__ = ["atomic_path", "destination_problem", "write_bytes_atomic", "write_text_atomic", "remove_stale_temps",
           "TEMP_MARK"]

TEMP_MARK = ".tvtmp-"
"""Marks a temporary file of this program: ``.NAME`` + ``TEMP_MARK`` + ``PID-XXXX`` (+ extension)."""
STALE_DEAD_S = 10.0
"""A temporary file whose writer process is gone is stale once untouched this long (seconds)."""
STALE_ANY_S = 1800.0
"""Any temporary file untouched this long (seconds) is stale, whatever its process id says."""


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine (True where that cannot be asked)."""
    if os.name != "posix" or pid <= 0:
        return True  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, another user's
    return True


def remove_stale_temps(folder: str, name: str, *, now: float | None = None) -> list[str]:
    """Remove the temporary files that killed writes of ``name`` left in ``folder``.

    A file is removed only when all of these hold: its name is
    ``.NAME.tvtmp-PID-...``, it is a regular file (checked with ``os.lstat``:
    a link, a pipe or a folder is never removed or followed), and it is stale:
    process PID no longer runs and it has not been modified for
    :data:`STALE_DEAD_S` seconds, or it has not been modified for
    :data:`STALE_ANY_S` seconds (a recycled process id, another machine).

    Parameters
    ----------
    folder : str
        The destination's folder.
    name : str
        The destination's file name (no folder).
    now : float, optional
        Current time, seconds since the Unix epoch (default: the clock).

    Returns
    -------
    list of str
        Paths removed.  Errors (a file vanishing, no permission) are ignored.
    """
    prefix = "." + name + TEMP_MARK
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = os.listdir(folder)
    except OSError:
        return removed
    for entry in entries:
        if not entry.startswith(prefix):
            continue
        pid_text = entry[len(prefix):].split("-", 1)[0]
        if not pid_text.isdigit():
            continue
        path = os.path.join(folder, entry)
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                continue
            age = now - info.st_mtime
            if age > STALE_ANY_S or (age > STALE_DEAD_S and not _alive(int(pid_text))):
                os.unlink(path)
                removed.append(path)
        except OSError:
            continue
    return removed


def _new_file_mode() -> int:
    """Permissions a newly created file gets (0o666 minus the umask)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _sync_folder(folder: str) -> None:
    """Make a rename durable (POSIX); silently skipped where unsupported."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_file(path: str) -> None:
    with open(path, "rb+") as fh:
        fh.flush()
        os.fsync(fh.fileno())


def destination_problem(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be written by :func:`atomic_path`, or None if it can.

    Checked with ``os.lstat`` (no link is followed): the folder must exist and
    the name must be free or a regular file.  Callers that build something
    costly before writing (a screenshot, a deck) ask first, to fail at once.

    Returns
    -------
    str or None
        A sentence naming ``path``: ``"brief.png is a symbolic link (to
        /home/u/victim.png); write to the file itself"``, ``"out.png is a named
        pipe (FIFO), not a regular file; nothing was written"``, ``"folder x
        does not exist; nothing was written"``.
    """
    shown = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(shown))
    if not os.path.isdir(folder):
        return f"folder {os.path.dirname(shown) or '.'} does not exist; nothing was written"
    try:
        info = os.lstat(shown)
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return f"{shown} is a symbolic link (to {os.path.realpath(shown)}); write to the file itself"
    if not stat.S_ISREG(info.st_mode):  # a pipe, a device, a folder: never replaced by a file
        return f"{shown} is {file_kind(info.st_mode)}, not a regular file; nothing was written"
    return None


def _cannot_create(shown: str, exc: OSError) -> OSError:
    """``exc`` (of making the temporary file) retold naming ``shown``, the path the user gave, and
    its folder: ``"/proc/out.png: cannot create a file in the folder /proc (No such file or
    directory); nothing was written"``.  Same type and errno; no ``strerror``, so callers that
    print ``exc.strerror or exc`` print all of it."""
    why = exc.strerror or str(exc)
    if isinstance(exc, PermissionError):
        why = "permission denied"
    folder = os.path.dirname(shown) or "."
    out = type(exc)(f"{shown}: cannot create a file in the folder {folder} ({why}); nothing was written")
    out.errno = exc.errno
    return out


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path to write to; on success it replaces ``path`` atomically.

    Use it for writers that want a file name rather than bytes (Qt's
    ``QImage.save``, ``QPdfWriter``, ``QSvgGenerator``)::

        with atomic_path("out.pdf") as tmp:
            render_to(tmp)

    When the block ends normally, the temporary file is synced to disk, given
    the permissions of the file it replaces (or the umask's for a new file) and
    renamed over ``path``.  When the block raises, or leaves the temporary
    file empty, the temporary file is removed, ``path`` is not touched and
    the exception propagates.

    Parameters
    ----------
    path : str or os.PathLike
        The destination; its folder must exist.

    Yields
    ------
    str
        Path of an empty temporary file in the destination's folder
        (``.NAME.tvtmp-PID-XXXX.EXT``), ending with the destination's
        extension so that format detection by name still works.  Stale
        temporary files of earlier killed writes of the same destination are
        removed first (:func:`remove_stale_temps`).

    Raises
    ------
    OSError
        If the folder does not exist or cannot be written, the destination
        is a symbolic link or exists and is not a regular file (a folder, a
        named pipe, a device) (:func:`destination_problem`),
        nothing was written, or the rename fails (the destination is then
        unchanged).
    """
    problem = destination_problem(path)
    if problem is not None:
        raise (FileNotFoundError if problem.startswith("folder ") else OSError)(problem)
    target = os.path.abspath(os.fspath(path))
    folder = os.path.dirname(target)
    try:
        mode = stat.S_IMODE(os.lstat(target).st_mode)
    except OSError:
        mode = _new_file_mode()
    base = os.path.basename(target)
    suffix = os.path.splitext(base)[1]
    remove_stale_temps(folder, base)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{base}{TEMP_MARK}{os.getpid()}-", suffix=suffix, dir=folder)
    except OSError as exc:  # name the file asked for, never the temporary one
        raise _cannot_create(os.fspath(path), exc) from exc
    os.close(fd)
    try:
        yield tmp
        if os.path.getsize(tmp) == 0:
            # Qt's writers report some failures only by leaving the file empty
            raise OSError(f"nothing was written to {target}; it is unchanged")
        _fsync_file(tmp)
        try:
            os.chmod(tmp, mode)
        except OSError:
            pass
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def write_bytes_atomic(path: str | os.PathLike[str], payload: bytes) -> None:
    """Replace ``path`` by ``payload`` atomically (see :func:`atomic_path`).

    Parameters
    ----------
    path : str or os.PathLike
        The destination; its folder must exist.
    payload : bytes
        The complete new content.

    Raises
    ------
    OSError
        If the file cannot be written; the destination is then unchanged and
        no temporary file is left behind.
    """
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())


def write_text_atomic(path: str | os.PathLike[str], text: str, *, newline: str = "\n") -> None:
    """Replace ``path`` by ``text`` encoded as UTF-8 (no byte order mark), atomically.

    Parameters
    ----------
    path : str or os.PathLike
        The destination.
    text : str
        The content; ``"\\n"`` line ends are written as ``newline``.
    newline : str
        Line end to write (``"\\r\\n"`` for iCalendar and CSV per RFC 5545 / RFC 4180).

    Raises
    ------
    ValueError
        If ``text`` holds characters UTF-8 cannot encode (unpaired surrogates);
        nothing is written.
    OSError
        If the file cannot be written (the destination is unchanged).
    """
    if newline != "\n":
        text = text.replace("\n", newline)
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"the text cannot be written as UTF-8: {exc.reason} at character {exc.start}") from None
    write_bytes_atomic(path, payload)
