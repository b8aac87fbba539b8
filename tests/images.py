"""Comparing rendered pictures with approved reference images.

As pyqtgraph's ``tests/image_testing.py`` does: a few approved PNGs live in
``tests/data/images/``; a test renders the same picture and compares it with
a tolerance for anti-aliasing.  When a change of the picture is intended,
look at the new rendering and re-approve it::

    TIMELINE_VIEWER_APPROVE_IMAGES=1 QT_QPA_PLATFORM=offscreen \
        .venv/bin/python -m pytest -q tests/ui/test_reference_images.py

which writes the renderings over the approved files (commit them after
looking at them).  A failing comparison leaves the rendering and a
difference picture in pytest's temporary folder and names them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

APPROVED = Path(__file__).resolve().parent / "data" / "images"
APPROVE_VARIABLE = "TIMELINE_VIEWER_APPROVE_IMAGES"


def image_array(path: Path) -> np.ndarray:
    """The PNG at ``path`` as an ``(height, width, 4)`` uint8 array (RGBA)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise FileNotFoundError(f"{path}: not a readable PNG")
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    ptr = image.constBits()
    array = np.frombuffer(ptr, np.uint8, count=image.sizeInBytes())
    return array.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].reshape(
        image.height(), image.width(), 4).copy()


def assert_matches_approved(rendered: Path, name: str, work: Path, *,
                            pixel_threshold: int = 48, max_fraction: float = 0.004) -> None:
    """Compare the PNG ``rendered`` with ``tests/data/images/<name>.png``.

    A pixel differs when one of its channels differs by more than
    ``pixel_threshold`` (0-255); the pictures match when they have the same
    size and at most ``max_fraction`` of their pixels differ (anti-aliasing
    and sub-pixel text placement move a few edge pixels between machines).

    Raises
    ------
    AssertionError
        Sizes differ, too many pixels differ, or no approved image exists
        (the message says how to approve one).
    """
    approved = APPROVED / f"{name}.png"
    if os.environ.get(APPROVE_VARIABLE) == "1":
        APPROVED.mkdir(parents=True, exist_ok=True)
        approved.write_bytes(rendered.read_bytes())
        return
    assert approved.is_file(), (f"no approved image {approved}; look at {rendered} and approve it with "
                                f"{APPROVE_VARIABLE}=1 (see tests/images.py)")
    new, old = image_array(rendered), image_array(approved)
    assert new.shape == old.shape, (f"{name}: rendered {new.shape[1]}x{new.shape[0]}, "
                                    f"approved {old.shape[1]}x{old.shape[0]}")
    differs = (np.abs(new.astype(np.int16) - old.astype(np.int16)).max(axis=2) > pixel_threshold)
    fraction = float(differs.mean())
    if fraction > max_fraction:
        diff = np.where(differs[..., None], np.array([255, 0, 0, 255], np.uint8), (old // 3) + 170)
        diff_path = work / f"{name}-diff.png"
        _write_rgba(diff.astype(np.uint8), diff_path)
        raise AssertionError(
            f"{name}: {fraction:.2%} of pixels differ from {approved} (at most {max_fraction:.2%} may); "
            f"rendered: {rendered}; differences in red: {diff_path}. If the change is intended, "
            f"re-approve with {APPROVE_VARIABLE}=1 (tests/images.py)")


def _write_rgba(array: np.ndarray, path: Path) -> None:
    from PySide6.QtGui import QImage

    h, w, _ = array.shape
    data = np.ascontiguousarray(array)
    QImage(data.data, w, h, w * 4, QImage.Format.Format_RGBA8888).save(str(path), "PNG")
