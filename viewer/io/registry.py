"""A small registry of timeline file formats (in the style of glue's data factories).

A *reader* has a name, file extensions, an ``identify(path, head) -> bool``
function that recognises its files from the name and the first bytes, and a
``read(path) -> Timeline`` function.  :func:`read_timeline` asks every
reader's identify function first (in registration order) and falls back to the
file extension (longest match first), so a ``.json`` file of another kind can
still be claimed by the right reader.

Writers are chosen by format name or by extension.

The native format (:mod:`viewer.io.native`) is registered on import for
``.timeline.json`` and ``.json``.

Pure Python, no Qt.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from viewer.model.errors import Problem, TimelineLoadError
from viewer.model.timeline import Timeline

from . import native

__all__ = [
    "Reader",
    "Writer",
    "register_reader",
    "register_writer",
    "readers",
    "writers",
    "read_timeline",
    "write_timeline",
    "HEAD_BYTES",
]

HEAD_BYTES = 64 * 1024
"""How many leading bytes of a file identify functions get to see."""

IdentifyFn = Callable[[str, bytes], bool]
ReadFn = Callable[[str], Timeline]
WriteFn = Callable[[Timeline, str], None]


@dataclass(frozen=True)
class Reader:
    """A registered timeline reader.

    Attributes
    ----------
    name : str
        Short name of the format, shown to users (``"native"``).
    extensions : tuple of str
        Lower-case file name endings with their dot (``".timeline.json"``).
    identify : callable
        ``identify(path, head) -> bool``: whether this reader recognises the
        file; ``head`` is its first :data:`HEAD_BYTES` bytes.
    read : callable
        ``read(path) -> Timeline``; should raise only ``TimelineLoadError``.
    """

    name: str
    extensions: tuple[str, ...]
    identify: IdentifyFn
    read: ReadFn

    def describe(self) -> str:
        """``native (.timeline.json, .json)``."""
        return f"{self.name} ({', '.join(self.extensions)})" if self.extensions else self.name


@dataclass(frozen=True)
class Writer:
    """A registered timeline writer.

    Attributes
    ----------
    name : str
        Short name of the format.
    extensions : tuple of str
        Lower-case file name endings with their dot.
    write : callable
        ``write(timeline, path) -> None``.
    """

    name: str
    extensions: tuple[str, ...]
    write: WriteFn

    def describe(self) -> str:
        """``native (.timeline.json, .json)``."""
        return f"{self.name} ({', '.join(self.extensions)})" if self.extensions else self.name


_READERS: list[Reader] = []
_WRITERS: list[Writer] = []


def _normalise_extensions(extensions: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(extensions, str):
        extensions = [extensions]
    out = []
    for ext in extensions:
        ext = ext.strip().lower()
        if ext and not ext.startswith("."):
            ext = "." + ext
        if ext:
            out.append(ext)
    return tuple(out)


def _put(items: list, item):
    """Append ``item`` to a registry list, replacing an entry of the same name."""
    for index, existing in enumerate(items):
        if existing.name == item.name:
            items[index] = item
            return item
    items.append(item)
    return item


def register_reader(
    name: str,
    extensions: Iterable[str] | str,
    identify_fn: IdentifyFn | None,
    read_fn: ReadFn,
) -> Reader:
    """Register (or replace, by name) a timeline reader.

    Parameters
    ----------
    name : str
        Short name of the format; registering a name again replaces the reader.
    extensions : str or iterable of str
        File name endings, with or without the leading dot
        (``"timeline.json"``, ``".json"``); compared case-insensitively.
    identify_fn : callable or None
        ``identify_fn(path, head) -> bool`` recognising the reader's files from
        the path and the first :data:`HEAD_BYTES` bytes; exceptions it raises
        count as False.  None: choose this reader by extension only.
    read_fn : callable
        ``read_fn(path) -> Timeline``.

    Returns
    -------
    Reader
        The registered reader.

    Raises
    ------
    ValueError
        If ``name`` is empty.
    """
    if not name:
        raise ValueError("a reader needs a name")
    reader = Reader(name, _normalise_extensions(extensions), identify_fn or (lambda path, head: False), read_fn)
    return _put(_READERS, reader)


def register_writer(name: str, extensions: Iterable[str] | str, write_fn: WriteFn) -> Writer:
    """Register (or replace, by name) a timeline writer.

    Parameters
    ----------
    name : str
        Short name of the format; registering a name again replaces the writer.
    extensions : str or iterable of str
        File name endings the writer is chosen for.
    write_fn : callable
        ``write_fn(timeline, path) -> None``.

    Returns
    -------
    Writer
        The registered writer.

    Raises
    ------
    ValueError
        If ``name`` is empty.
    """
    if not name:
        raise ValueError("a writer needs a name")
    writer = Writer(name, _normalise_extensions(extensions), write_fn)
    return _put(_WRITERS, writer)


def readers() -> list[Reader]:
    """The registered readers, in registration order.

    Returns
    -------
    list of Reader
    """
    return list(_READERS)


def writers() -> list[Writer]:
    """The registered writers, in registration order.

    Returns
    -------
    list of Writer
    """
    return list(_WRITERS)


def _by_extension(items: Iterable, file: str):
    lower = file.lower()
    best, best_len = None, 0
    for item in items:
        for ext in item.extensions:
            if lower.endswith(ext) and len(ext) > best_len:
                best, best_len = item, len(ext)
    return best


def _known_formats(items: Iterable) -> str:
    described = [item.describe() for item in items]
    return "; ".join(described) if described else "none registered"


def _read_head(path: str | os.PathLike[str], file: str) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(info.st_mode):
            return b""  # a pipe or device: do not block on it; the reader decides
        with open(path, "rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        raise TimelineLoadError([native._problem_from_oserror(file, exc)]) from exc


def read_timeline(path: str | os.PathLike[str], *, format: str | None = None) -> Timeline:
    """Read a timeline file in any registered format.

    The reader is the one named by ``format``; else the first whose identify
    function recognises the file; else the one registered for the longest
    matching file extension.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    format : str, optional
        Name of the reader to use (skips detection).

    Returns
    -------
    Timeline
        The timeline in the file.

    Raises
    ------
    TimelineLoadError
        If the file cannot be read, its format is not known (the message lists
        the known formats), or the reader finds problems in it.  No other
        exception escapes.
    """
    file = os.fsdecode(path)
    if format is not None:
        reader = next((r for r in _READERS if r.name == format), None)
        if reader is None:
            raise TimelineLoadError(
                [Problem(file, f"unknown timeline format {format!r}; known formats: {_known_formats(_READERS)}")]
            )
    else:
        head = _read_head(path, file)
        reader = None
        for candidate in _READERS:
            try:
                if candidate.identify(file, head):
                    reader = candidate
                    break
            except Exception:  # noqa: BLE001 - a faulty identifier must not stop detection
                continue
        if reader is None:
            reader = _by_extension(_READERS, file)
        if reader is None:
            raise TimelineLoadError(
                [Problem(file, "unknown file format: this is not a timeline file this viewer can read; "
                         f"known formats: {_known_formats(_READERS)}")]
            )
    try:
        return reader.read(file)
    except TimelineLoadError:
        raise
    except Exception as exc:  # noqa: BLE001 - the contract: only TimelineLoadError escapes
        raise TimelineLoadError(
            [Problem(file, f"the {reader.name} reader failed ({type(exc).__name__}: {exc})")]
        ) from exc


def write_timeline(timeline: Timeline, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write a timeline in the format named, or chosen by the file extension.

    Parameters
    ----------
    timeline : Timeline
        The timeline to write.
    path : str or os.PathLike
        Destination file.
    format : str, optional
        Name of the writer to use; by default the one registered for the
        longest matching extension of ``path``.

    Raises
    ------
    ValueError
        If no writer matches (the message lists the known formats), or the
        writer cannot express the timeline.
    OSError
        If the file cannot be written.
    """
    file = os.fsdecode(path)
    if format is not None:
        writer = next((w for w in _WRITERS if w.name == format), None)
        if writer is None:
            raise ValueError(f"unknown timeline format {format!r}; known formats: {_known_formats(_WRITERS)}")
    else:
        writer = _by_extension(_WRITERS, file)
        if writer is None:
            raise ValueError(
                f"cannot tell the format to write {file!r} in from its name; known formats: "
                f"{_known_formats(_WRITERS)}"
            )
    writer.write(timeline, file)


register_reader("native", (".timeline.json", ".json"), native.looks_native, native.read_native)
register_writer("native", (".timeline.json", ".json"), native.write_native)
