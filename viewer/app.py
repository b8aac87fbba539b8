"""Command line and wiring: the one place where io, model and ui meet.

``timeline-viewer [FILE]`` opens a window on FILE (default: the bundled
Allied Resolve-2022 timeline).  ``--screenshot OUT.png`` renders the window
offscreen to a PNG instead and exits.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .cli import COMMANDS, add_reader_options, commands_help, parse_size, reader_options
from .cli import quiet_offscreen_warnings as _quiet_offscreen_warnings
from .model.errors import TimelineLoadError
from .resources import bundled_timeline_path

if TYPE_CHECKING:  # Qt is imported when a window is made, not when the command line only converts
    from PySide6.QtCore import QCoreApplication

__all__ = ["main", "bundled_timeline_path", "parse_size", "build_parser"]


def _application() -> QCoreApplication:
    """The QApplication (made once, Qt's offscreen warnings quieted, the app's name, icon and
    desktop identity set); Qt is imported here, not when the command line only converts."""
    from PySide6.QtWidgets import QApplication

    from .ui.identity import set_identity

    _quiet_offscreen_warnings()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_identity(app)
    return app


def _screenshot_offscreen(target: str) -> bool:
    """For ``--screenshot target``: False (the problem printed) when ``target`` cannot be
    written; else True, with Qt set to draw offscreen (no display needed)."""
    from .ui.screenshots import screenshot_path_problem

    problem = screenshot_path_problem(target)
    if problem:
        print(f"timeline-viewer: {problem}", file=sys.stderr)
        return False
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return True


_OFFSCREEN_WORDS = ("(it sets QT_QPA_PLATFORM=offscreen itself: Qt then draws into memory, not on a screen, "
                    "so that setting makes screenshots only, never a window you can see)")
"""What the no-display messages say of ``QT_QPA_PLATFORM``: the value that works without a
display, and that it shows no window (set by hand, the window would run unseen)."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline-viewer", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Zoomable timeline of dated, sourced events.\n"
        "Without FILE, opens the bundled Allied Resolve-2022 timeline.",
        epilog="file commands, timeline-viewer COMMAND … (COMMAND --help: its options and exit codes):\n"
        + commands_help() + "\n\nA file named like a command opens as ./convert.",
    )
    p.add_argument("file", nargs="?",
                   help="timeline file to open (native, TimelineJS, vis-timeline, ACLED, CSV "
                   "or an event collection: Parquet, DuckDB); "
                   "FILE#EVENT_ID also selects an event")
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="render the window offscreen to this PNG and exit")
    p.add_argument("--size", type=parse_size, default=None, metavar="WxH",
                   help="window size in pixels (default 1920x1080 for --screenshot; on screen the size "
                   "last used, else the screen's available area up to 1600x900)")
    p.add_argument("--select", metavar="EVENT_ID", help="select this event (detail pane shows it)")
    p.add_argument("--present", action="store_true",
                   help="present the timeline's story full screen (with --screenshot: render one step)")
    p.add_argument("--step", type=int, default=None, metavar="N",
                   help="with --present --screenshot: the step to render")
    p.add_argument("--dday", metavar="EVENT_ID|band:ID",
                   help="relative axis: label days D-7 … D-day … D+10 from this event's day or band's start")
    p.add_argument("--theme", choices=("dark", "light"), default=None, help="presentation theme (default dark)")
    add_reader_options(p)  # how FILE is read, as convert and validate read it (--map FIELD=COLUMN…)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--install-desktop", action="store_true",
                   help="add Timeline Viewer to the desktop's application menu and open *.timeline.json with it "
                   "(writes a .desktop file, icon and MIME type under ~/.local/share) and exit")
    return p


def _load(path: str):
    from .io import read_timeline

    return read_timeline(path)


def _near_ids(timeline, wanted: str, n: int = 3, scanned: int = 200_000) -> str:
    """``"; closest ids in it: 'a', 'b', 'c'"`` (difflib's nearest to ``wanted`` among the first
    ``scanned`` events' ids), or ``"; it has no events"``: what --select can be given instead."""
    import difflib
    from itertools import islice

    ids = [e.id for e in islice(timeline.events, scanned)]
    if not ids:
        return "; it has no events"
    near = difflib.get_close_matches(wanted, ids, n, 0.0)
    return f"; closest ids in it: {', '.join(repr(i) for i in near)} (of {len(timeline.events):,} events)"


def _no_display() -> bool:
    """True on Linux/BSD when no X or Wayland display is named and no Qt platform is
    chosen: Qt would abort the process (core dump) instead of opening a window."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _chosen_platforms() -> list[str]:
    """The Qt platform plugins ``QT_QPA_PLATFORM`` names, in the order Qt tries them
    (``wayland;xcb``; options after ``:`` left out); empty when it is not set."""
    value = os.environ.get("QT_QPA_PLATFORM", "")
    return [part.split(":", 1)[0].strip() for part in value.split(";") if part.split(":", 1)[0].strip()]


def _platform_folders() -> list[str]:
    """The folders Qt looks in for platform plugins: PySide6's ``plugins/platforms`` and
    ``QT_QPA_PLATFORM_PLUGIN_PATH`` when set."""
    import PySide6

    folders = [os.path.join(os.path.dirname(PySide6.__file__), "Qt", "plugins", "platforms"),
               os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "")]
    return [folder for folder in folders if folder]


def _platform_plugins() -> list[str]:
    """The names of the Qt platform plugins there are (:func:`_platform_folders`):
    ``offscreen``, ``xcb``...; empty when none can be listed."""
    names = set()
    for folder in _platform_folders():
        try:
            files = os.listdir(folder)
        except OSError:
            continue
        for file in files:
            m = re.fullmatch(r"(?:lib)?q(\w+)\.(?:so|dll|dylib)", file)
            if m:
                names.add(m.group(1))
    return sorted(names)


def _unknown_platform() -> str | None:
    """Why ``QT_QPA_PLATFORM`` names no platform plugin there is (Qt would abort), or None."""
    chosen = _chosen_platforms()
    if not chosen:
        return None
    known = _platform_plugins()
    if not known or any(name in known for name in chosen):
        return None
    return (f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']!r} names no Qt platform there is; "
            f"the platforms are: {', '.join(known)}")


def _unloadable_x_plugin() -> str | None:
    """Why Qt's X11 platform plugin (``libqxcb.so``) cannot be loaded, or None.

    Qt 6.5 and later need system libraries PySide6's wheel does not carry (``libxcb-cursor0``
    first among them, see Qt's "Qt for X11 Requirements"); when one is missing Qt prints a
    line and aborts the process (exit 134, core dump).  The plugin is loaded here with the
    system's loader (``ctypes``) first, which names the library that is missing.  Only when
    X is what Qt will use: ``QT_QPA_PLATFORM`` unset or ``xcb``, and no Wayland display named.
    """
    chosen = _chosen_platforms()
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) or (chosen and chosen[0] != "xcb"):
        return None
    if not chosen and os.environ.get("WAYLAND_DISPLAY"):
        return None  # Qt tries Wayland first
    plugin = next((os.path.join(folder, "libqxcb.so") for folder in _platform_folders()
                   if os.path.isfile(os.path.join(folder, "libqxcb.so"))), None)
    if plugin is None:
        return None
    import ctypes

    try:
        ctypes.CDLL(plugin)
    except OSError as exc:
        problem = str(exc)
        m = re.search(r"([\w.+-]+)\.so((?:\.\d+)*)\b", problem.replace(plugin, ""))
        hint = ""
        if m:
            stem, version = m.group(1), m.group(2).lstrip(".").split(".")[0]
            package = stem + ("-" if stem[-1:].isdigit() else "") + version  # Debian's naming of library packages
            hint = f"; install the system package that gives {m.group(0)} (on Debian/Ubuntu: {package})"
        return f"Qt's X11 platform plugin cannot be loaded ({problem}){hint}"
    return None


def _unreachable_display() -> str | None:
    """Why the named display cannot be reached (Qt would abort with a core dump), or None.

    Only on Linux/BSD, when no Qt platform is chosen: a Wayland display is reachable when
    its socket accepts a connection; else ``DISPLAY`` is probed by connecting to the X
    server's own socket (``/tmp/.X11-unix/X<n>``, or its abstract twin on Linux), or for
    ``localhost:<n>`` (an SSH forwarding) to TCP port 6000 + n on this machine.  A display
    on another host is not probed (no network access): None.
    """
    chosen = _chosen_platforms()
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) or (chosen and chosen[0] != "xcb"):
        return None  # a platform chosen draws elsewhere (offscreen, vnc...): only xcb needs DISPLAY

    def accepts(family: int, address: object) -> bool:
        try:
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.settimeout(2.0)
                sock.connect(address)  # type: ignore[arg-type]
            return True
        except (OSError, ValueError):
            return False

    wayland = "" if chosen else os.environ.get("WAYLAND_DISPLAY", "")  # QT_QPA_PLATFORM=xcb: X only
    if wayland:
        path = wayland if wayland.startswith("/") else os.path.join(os.environ.get("XDG_RUNTIME_DIR", ""), wayland)
        if accepts(socket.AF_UNIX, path):
            return None
    display = os.environ.get("DISPLAY", "")
    if not display:
        if chosen:
            return "QT_QPA_PLATFORM=xcb draws on an X display, and DISPLAY is not set"
        return f"the Wayland display {wayland!r} does not answer" if wayland else None
    if not re.fullmatch(r".*[^:]::?\d+(?:\.\d+)?|:\d+(?:\.\d+)?", display):
        return (f"DISPLAY={display!r} is not a display name: X writes one [HOST]:NUMBER[.SCREEN], "
                "e.g. :0 or localhost:10.0")
    m = re.fullmatch(r"(unix|localhost|127\.0\.0\.1)?:(\d+)(?:\.\d+)?", display)
    if m is None:
        return None  # another host, or a form not known here (a socket path): not probed
    host, n = m.group(1) or "", int(m.group(2))
    if host in ("localhost", "127.0.0.1"):
        if accepts(socket.AF_INET, ("127.0.0.1", 6000 + n)):
            return None
        return f"DISPLAY={display}: no X server answers on this machine's TCP port {6000 + n}"
    path = f"/tmp/.X11-unix/X{n}"
    if accepts(socket.AF_UNIX, path) or (sys.platform.startswith("linux") and accepts(socket.AF_UNIX, "\0" + path)):
        return None
    return f"DISPLAY={display}: no X server answers at {path}"


SHOWN_PROBLEMS = 20
"""Rows or fields a file was loaded without that opening it lists on stderr (then how many more)."""


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``timeline-viewer`` and ``python -m viewer``; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:  # file commands: viewer/cli.py
        from .cli import main as file_command

        return file_command(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.install_desktop:
        from .ui.identity import install_desktop

        try:
            written = install_desktop()
        except OSError as exc:
            print(f"timeline-viewer: --install-desktop: {exc}", file=sys.stderr)
            return 1
        for path in written:
            print(f"wrote {path}")
        return 0
    # options that would be silently ignored in this combination are refused
    if args.step is not None and not args.present:
        parser.error("--step N needs --present (it picks the story step to show)")
    if args.present and args.select:
        parser.error("--present shows the story's own steps; --select applies to the desk view "
                     "(use --step N to pick a step)")
    if args.screenshot and not args.present and args.theme is not None:
        parser.error("--theme applies to present mode: add --present (or press F5 in the window)")
    try:
        options = reader_options(args)
    except ValueError as exc:  # a bad --map
        parser.error(str(exc))
    read_as = bool(options) or args.from_format is not None  # FILE read as the options say
    if read_as and args.file is None:
        parser.error("--from, --map, --date-format, --time-zone and --track-column say how FILE is read: "
                     "give the FILE")
    if not args.screenshot and _no_display():
        print("timeline-viewer: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
              f"is set); render it instead with --screenshot OUT.png {_OFFSCREEN_WORDS}", file=sys.stderr)
        return 2
    unknown = None if args.screenshot else _unknown_platform()
    if unknown:
        print(f"timeline-viewer: {unknown}; set one of them (offscreen draws no window), or unset it, "
              "or render the window instead with --screenshot OUT.png", file=sys.stderr)
        return 2
    unreachable = None if args.screenshot else _unreachable_display()
    if unreachable:
        print(f"timeline-viewer: cannot reach the display to open the window on ({unreachable}); "
              "check DISPLAY (is the X server running?), or render it instead with --screenshot OUT.png "
              f"{_OFFSCREEN_WORDS}", file=sys.stderr)
        return 2
    unloadable = None if args.screenshot else _unloadable_x_plugin()
    if unloadable:
        print(f"timeline-viewer: {unloadable}; or render the window instead with --screenshot OUT.png",
              file=sys.stderr)
        return 2
    args.step = 1 if args.step is None else args.step
    theme_given = args.theme is not None  # else the theme chosen last time (the session), or dark
    args.theme = args.theme or "dark"
    if args.file and not Path(args.file).exists():  # FILE#EVENT_ID, as "Copy link" gives
        from .model.citation import split_link

        args.file, fragment = split_link(args.file)
        args.select = args.select or fragment
    path = args.file or bundled_timeline_path()
    if args.file:
        from .io.collection_window import is_collection_target

        if is_collection_target(path):  # a collection opens on its store, never loaded whole
            if read_as:
                parser.error(f"{args.file} is an event collection, whose columns are fixed: --from, --map, "
                             "--date-format, --time-zone and --track-column apply to the file it was made from "
                             "(timeline-viewer convert FILE COLLECTION --map …)")
            return _open_collection(args, path)
    later = _open_after_showing(args)
    if later is not None:
        path = bundled_timeline_path()  # shown while ``later`` is read in the background
    if args.screenshot and not _screenshot_offscreen(args.screenshot):
        return 2
    bad: TimelineLoadError | None = None  # why the file given could not be opened
    try:
        from .io.registry import read_timeline_report
        from .io.regular import file_identity

        mine = read_as and later is None  # (else the bundled timeline, shown while FILE is read)
        read_from = file_identity(path)  # compared once the window watches it (a change meanwhile)
        report = read_timeline_report(path, format=args.from_format if mine else None,
                                      options=options if mine else None)
        from .io.bulk import CachedTextError

        try:  # the events the window builds at once (as a background opening does)
            report.timeline.planned_event_indexes  # noqa: B018
            report.timeline.facets  # noqa: B018
        except CachedTextError:  # a large file's forged cache (removed by the reader): the file itself
            report = read_timeline_report(path, format=args.from_format if mine else None,
                                          options=options if mine else None)
        timeline, problems, notes = report.timeline, list(report.problems), list(report.notes)
        skipped = len(report.skipped)  # the first of problems: rows left out; the rest fields not mapped
    except TimelineLoadError as exc:
        print(f"timeline-viewer: cannot open {path}:\n{exc.full_report()}", file=sys.stderr)
        if args.screenshot or args.file is None:
            return 2
        timeline, bad, path, problems = _load(bundled_timeline_path()), exc, bundled_timeline_path(), []
        notes, skipped = [], 0
    if problems:  # loaded, but without some rows or items: say so (stderr, and the window's banner)
        from .io.problems import loaded_without, not_kept, not_kept_note

        # the format's fields with no place here (ACLED's data_id, iso, ...) are validate's one-line
        # note, not a fault of the file: said so here too, not listed one by one as problems
        unkept = not_kept(problems[skipped:])
        listed = problems[:skipped] + [p for p in problems[skipped:] if p not in unkept]
        if listed:
            print(f"timeline-viewer: {path}: {loaded_without(listed[:skipped], listed[skipped:])}:",
                  file=sys.stderr)
        for item in listed[:SHOWN_PROBLEMS]:
            print(f"  {item}", file=sys.stderr)
        if len(listed) > SHOWN_PROBLEMS:  # the count above is of them all: say the list is not
            print(f"  … and {len(listed) - SHOWN_PROBLEMS:,} more (the window's banner: Show all; "
                  "or the validate command)", file=sys.stderr)
        if unkept:
            print(f"timeline-viewer: {path}: {not_kept_note(unkept)}", file=sys.stderr)
    if args.select is not None and not timeline.has_event(args.select):  # (an empty id is no id either)
        print(f"timeline-viewer: no event with id {args.select!r} in {path}{_near_ids(timeline, args.select)}",
              file=sys.stderr)
        return 2
    if args.dday:
        from .model.dday import DDayError, resolve_dday

        try:
            args.dday = resolve_dday(timeline, args.dday).reference.spec
        except DDayError as exc:
            print(f"timeline-viewer: --dday: {exc}", file=sys.stderr)
            return 2

    from .ui.main_window import MainWindow

    app = _application()
    window = MainWindow(timeline, _load, path)
    session = getattr(window, "session", None)
    maximized = False
    if session is not None:
        if args.screenshot:
            session.enabled = False  # a picture never depends on, nor changes, the user's session
        else:  # before --select and --dday, which win over the remembered view
            maximized = False if args.size else session.restore_window()
            session.restore_session(offer_last=args.file is None)
    files = getattr(window, "files", None)  # the File menu's feature (viewer.ui.files), when installed
    if read_as and files is not None and args.file:  # a reload (and a background open) reads it the same way
        files.keep_command_line_options(args.file, options, args.from_format)
    if (problems or notes) and files is not None:
        files.show_load_problems(problems, notes, skipped)
    if files is not None and bad is None and path == args.file:  # changed while read: said, read again
        files.shown_as_read(path, read_from)
    if args.select:
        window.state.selected = args.select
    if args.dday:
        window.state.dday = args.dday
    if theme_given or args.screenshot:
        window.present_theme = args.theme
    if args.screenshot:
        if args.present:
            from .ui.presenting import current_story, save_present_screenshot

            story = current_story(window)
            if not 1 <= args.step <= max(1, len(story.steps)):  # a bad argument: exit 2, like the others
                print(f"timeline-viewer: --step {args.step}: the story {story.title!r} has steps 1 to "
                      f"{len(story.steps)}", file=sys.stderr)
                window.close()
                return 2
            ok = save_present_screenshot(window, args.screenshot, args.size or (1920, 1080), args.step, args.theme)
        else:
            ok = save_screenshot(window, args.screenshot, args.size or (1920, 1080), select=args.select)
        window.close()  # called in-process (tests, scripts): leave no window behind
        window.deleteLater()
        return 0 if ok else 1
    if args.size or session is None:
        window.resize(*(args.size or (1600, 900)))
    window.showMaximized() if maximized else window.show()
    if args.present:
        from .ui.presenting import start_presenting

        start_presenting(window)
    if args.select:
        window.view.ensure_visible(args.select)
    if bad is not None:
        window.show_error(f"Could not open {Path(args.file).name}", str(bad), bad.full_report())
    if later is not None:
        window.open_file(later)  # the progress bar and Cancel of viewer.ui.opening; errors as File > Open
    return app.exec()


def _open_collection(args, target: str) -> int:
    """Open a collection (``.parquet``, ``.duckdb``, ``clickhouse://``, ``chdb://``) in a
    :class:`~viewer.ui.collection_window.CollectionWindow`; returns the exit code."""
    if args.present:
        shown = "COLLECTION" if "://" in target else target  # a store address's password is never echoed
        stem = "events" if "://" in target else Path(target).name.split(".")[0] or "events"
        print("timeline-viewer: present mode is not available on a collection (a .parquet, .duckdb or store): "
              f"present a timeline file made from it instead: timeline-viewer convert {shown} "
              f"{stem}.timeline.json, then timeline-viewer {stem}.timeline.json --present", file=sys.stderr)
        return 2
    if args.dday:
        print("timeline-viewer: --dday is for timeline files, not yet for a collection: open it and use "
              "View > Relative axis (D-day), or convert it to a .timeline.json", file=sys.stderr)
        return 2
    from .io.clickstore import mask_password
    from .io.collection_window import open_collection_store

    name = mask_password(target) if "://" in target else Path(target).name
    if args.screenshot and not _screenshot_offscreen(args.screenshot):
        return 2
    try:
        store = open_collection_store(target)
    except TimelineLoadError as exc:
        print(f"timeline-viewer: cannot open {name}:\n{exc.full_report()}", file=sys.stderr)
        return 2
    from .ui.collection_window import CollectionWindow

    app = _application()
    window = CollectionWindow(store, name)
    if args.size:
        window.resize(*args.size)
    if args.select:
        window.select(args.select, center=True)
    if args.screenshot:
        window.resize(*(args.size or (1920, 1080)))
        window.show()
        ok = window.wait_drawn(30.0)
        from .ui.screenshots import write_png

        ok = write_png(window.grab().toImage(), args.screenshot) and ok
        window.close()
        window.deleteLater()
        return 0 if ok else 1
    window.show() if args.size else window.show_fitted()
    return app.exec()


def _open_after_showing(args) -> str | None:
    """The file named on the command line when it is large enough to read in
    the background after the window shows (:data:`viewer.ui.opening.OPEN_IN_BACKGROUND_BYTES`),
    else None.  Not for a picture (``--screenshot``) or options that need
    its events at start (``--select``, ``--dday``, ``--present``): those read it first."""
    if args.file is None or args.screenshot or args.select or args.dday or args.present:
        return None
    from .ui import opening

    try:
        size = os.stat(args.file).st_size
    except OSError:
        return None  # the reader names the problem, at once
    return args.file if size >= opening.OPEN_IN_BACKGROUND_BYTES else None


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
    jobs = getattr(getattr(window, "shown", None), "jobs", None)
    if jobs is not None:  # a picture needs no search index: no "0 % Cancel" of a build just begun
        jobs.cancel_build()
    for _ in range(3):
        QApplication.processEvents()
    image = window.grab().toImage()
    # sizes compare in logical pixels: at a display scale of 2 the picture has twice the pixels, not a fault
    dpr = image.devicePixelRatio() or 1.0
    logical = (round(image.width() / dpr), round(image.height() / dpr))
    if logical != tuple(size):
        print(f"timeline-viewer: the window could not be made {size[0]}x{size[1]} "
              f"(it is {logical[0]}x{logical[1]}); the picture is scaled", file=sys.stderr)
        size = (round(size[0] * dpr), round(size[1] * dpr))
        from PySide6.QtCore import Qt

        image = image.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    from .ui.screenshots import write_png

    return write_png(image, out)
