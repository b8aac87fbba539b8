"""Writing a rendered window to a PNG, for ``--screenshot`` in every mode."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage

__all__ = ["screenshot_path_problem", "write_png"]


def screenshot_path_problem(out: str) -> str:
    """Why ``out`` cannot take a screenshot, or "" if it can."""
    path = Path(out)
    if path.is_dir():
        return f"{out} is a folder; give a file name ending in .png"
    if path.suffix.lower() != ".png":
        return f"screenshots are PNG images; name the file with .png (got {path.name!r})"
    if not path.parent.exists():
        return f"folder {path.parent} does not exist"
    return ""


def write_png(image: QImage, out: str) -> bool:
    """Save ``image`` to ``out``; on failure print why on stderr and return False."""
    problem = screenshot_path_problem(out)
    if problem:
        print(f"timeline-viewer: {problem}", file=sys.stderr)
        return False
    if not image.save(str(out), "PNG"):
        print(f"timeline-viewer: could not write {out}", file=sys.stderr)
        return False
    dpr = image.devicePixelRatio() or 1.0
    scale = f", {round(image.width() / dpr)}x{round(image.height() / dpr)} at display scale {dpr:g}" if dpr != 1 else ""
    print(f"wrote {out} ({image.width()}x{image.height()}{scale})")
    return True
