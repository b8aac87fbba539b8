"""Writing a rendered window to a PNG, for ``--screenshot`` in every mode.

Through the atomic writer (:mod:`viewer.io.atomic`), as every other write: a
named pipe, a device or a symbolic link named ``*.png`` is refused before the
window is built, and the picture replaces the file whole or not at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage, QImageWriter

from ..io.atomic import atomic_path, destination_problem

__all__ = ["save_png", "screenshot_path_problem", "write_png"]


def save_png(image: QImage, path: str) -> bool:
    """Write ``image`` to the file ``path`` as PNG, whatever its name says; False when Qt could not.

    (``QImage.save(path, "PNG")`` does the same; its typing asks for the format as
    bytes, which the binding refuses at run time.)
    """
    return QImageWriter(path, b"PNG").write(image)


def screenshot_path_problem(out: str) -> str:
    """Why ``out`` cannot take a screenshot, or "" if it can."""
    path = Path(out)
    if path.is_dir():
        return f"{out} is a folder; give a file name ending in .png"
    if path.suffix.lower() != ".png":
        return f"screenshots are PNG images; name the file with .png (got {path.name!r})"
    return destination_problem(out) or ""


def write_png(image: QImage, out: str) -> bool:
    """Save ``image`` to ``out``; on failure print why on stderr and return False."""
    problem = screenshot_path_problem(out)
    if problem:
        print(f"timeline-viewer: {problem}", file=sys.stderr)
        return False
    try:
        with atomic_path(out) as tmp:
            if not save_png(image, tmp):
                raise OSError(f"could not write {out}")
    except OSError as exc:
        print(f"timeline-viewer: {exc}", file=sys.stderr)
        return False
    dpr = image.devicePixelRatio() or 1.0
    scale = f", {round(image.width() / dpr)}x{round(image.height() / dpr)} at display scale {dpr:g}" if dpr != 1 else ""
    print(f"wrote {out} ({image.width()}x{image.height()}{scale})")
    return True
