"""Command line and wiring: the one place where io, model and ui meet.

``timeline-viewer [FILE]`` opens a window on FILE (default: the bundled
Allied Resolve-2022 timeline).  ``--screenshot OUT.png`` renders the window
offscreen to a PNG instead and exits.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from importlib import resources
from pathlib import Path

from .model.errors import TimelineLoadError

__all__ = ["main", "bundled_timeline_path", "parse_size", "build_parser"]

BUNDLED_NAME = "allied-resolve-2022.timeline.json"


def bundled_timeline_path() -> str:
    """Path of the bundled Allied Resolve-2022 timeline (installed with the package)."""
    return str(resources.files("viewer.resources") / BUNDLED_NAME)


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` -> ``(1920, 1080)``; raises ``argparse.ArgumentTypeError``."""
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, got {text!r}")
    w, h = int(m.group(1)), int(m.group(2))
    if not (200 <= w <= 8192 and 150 <= h <= 8192):
        raise argparse.ArgumentTypeError(f"size {w}x{h} is outside 200x150 .. 8192x8192")
    return w, h


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline-viewer",
        description="Zoomable timeline of dated, sourced events. "
        "Without FILE, opens the bundled Allied Resolve-2022 timeline.",
    )
    p.add_argument("file", nargs="?",
                   help="timeline file to open (native .timeline.json); FILE#EVENT_ID also selects an event")
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="render the window offscreen to this PNG and exit")
    p.add_argument("--size", type=parse_size, default=(1920, 1080), metavar="WxH",
                   help="window size for --screenshot (default 1920x1080)")
    p.add_argument("--select", metavar="EVENT_ID", help="select this event (detail pane shows it)")
    return p


def _load(path: str):
    from .io import read_timeline

    return read_timeline(path)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``timeline-viewer`` and ``python -m viewer``; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.file and not Path(args.file).exists():  # FILE#EVENT_ID, as "Copy link" gives
        from .model.citation import split_link

        args.file, fragment = split_link(args.file)
        args.select = args.select or fragment
    path = args.file or bundled_timeline_path()
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        timeline = _load(path)
    except TimelineLoadError as exc:
        print(f"timeline-viewer: cannot open {path}:\n{exc.full_report()}", file=sys.stderr)
        if args.screenshot or args.file is None:
            return 2
        timeline, bad, path = _load(bundled_timeline_path()), exc, bundled_timeline_path()
    else:
        bad = None
    if args.select and not timeline.has_event(args.select):
        print(f"timeline-viewer: no event with id {args.select!r} in {path}", file=sys.stderr)
        return 2

    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Timeline Viewer")
    window = MainWindow(timeline, _load, path)
    if args.select:
        window.state.selected = args.select
    if args.screenshot:
        return 0 if save_screenshot(window, args.screenshot, args.size, select=args.select) else 1
    window.resize(1600, 900)
    window.show()
    if args.select:
        window.view.ensure_visible(args.select)
    if bad is not None:
        window.show_error(f"Could not open {Path(args.file).name}", str(bad), bad.full_report())
    return app.exec()


def save_screenshot(window, out: str, size: tuple[int, int], select: str | None = None) -> bool:
    """Render ``window`` at ``size`` (pixels) to the PNG ``out``; False (and a message) on failure."""
    from PySide6.QtWidgets import QApplication

    window.resize(*size)
    window.show()
    for _ in range(3):
        QApplication.processEvents()
    window.view.go_home()
    if select:
        window.view.ensure_visible(select)
    for _ in range(3):
        QApplication.processEvents()
    image = window.grab().toImage()
    if image.width() != size[0] or image.height() != size[1]:
        from PySide6.QtCore import Qt

        image = image.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    out_path = Path(out)
    if not out_path.parent.exists():
        print(f"timeline-viewer: folder {out_path.parent} does not exist", file=sys.stderr)
        return False
    if not image.save(str(out_path), "PNG"):
        print(f"timeline-viewer: could not write {out}", file=sys.stderr)
        return False
    print(f"wrote {out} ({image.width()}x{image.height()})")
    return True
