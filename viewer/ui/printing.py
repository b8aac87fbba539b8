"""Window feature: File > Print… and File > Picture page size.

Printing draws what the window shows with the picture layout of
:mod:`viewer.ui.export` (title, range, timeline, legend, sources), fitted to
the printer's page: the page's printable area, in logical pixels (1/96 inch),
is the picture's size, so a print and a PDF export look alike.  Qt's print
dialog (``QPrintDialog``) picks the printer, paper and orientation; a new
printer starts on landscape pages.

File > Picture page size chooses the page of File > Export picture (16:9
slide, A4 or Letter landscape: :data:`~viewer.ui.export.PAGE_SIZES`), the
same pages as ``timeline-viewer export --page``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPageLayout, QPainter, QPicture
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from ..io.atomic import atomic_path
from .export import PAGE_NAMES, paint_picture
from .keys import standard_keys

__all__ = ["install", "print_to", "print_dialog"]


class _NotStarted(OSError):
    """The printer did not start (already shown to the user)."""


def print_to(window, printer: QPrinter) -> bool:
    """Print what ``window`` shows on ``printer``'s pages (one page); False when the printer cannot start.

    "Print to file" (the dialog's PDF printer) writes through the atomic
    writer like every export: a link, pipe or device is refused, and the file
    is replaced whole or not at all.
    """
    if getattr(window, "files", None) is None:
        return False
    out = printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else ""
    if out:
        try:
            with atomic_path(out) as tmp:
                printer.setOutputFileName(tmp)
                try:
                    if not _paint(window, printer):  # it said why
                        raise _NotStarted(out)
                finally:
                    printer.setOutputFileName(out)
        except _NotStarted:
            return False
        except OSError as exc:
            window.show_error("Could not print", str(exc))
            return False
        return True
    return _paint(window, printer)


def _paint(window, printer: QPrinter) -> bool:
    layout_rect = printer.pageLayout().paintRectPixels(printer.resolution())
    scale = printer.resolution() / 96.0
    size = (max(200, int(layout_rect.width() / scale)), max(150, int(layout_rect.height() / scale)))
    shown, options = window.files.current_view_picture(size)
    # recorded at 96 dpi, then replayed on the printer: Qt scales a QPicture by the device's dpi
    # over the picture's, uniformly.  Painted straight on a scaled 1200-dpi painter, the axes'
    # own cached QPictures came out 12.5 times too large and the event labels (drawn in device
    # pixels) 12.5 times too small.
    picture = QPicture()
    recorder = QPainter(picture)
    try:
        paint_picture(recorder, shown, options)
    finally:
        recorder.end()
    painter = QPainter()
    if not painter.begin(printer):
        window.show_error("Could not print", f"The printer {printer.printerName() or '(PDF)'} could not start.")
        return False
    try:
        replay = printer.logicalDpiX() / max(1, picture.logicalDpiX())  # what Qt's replay scales by
        if abs(scale / replay - 1.0) > 1e-6:
            painter.scale(scale / replay, scale / replay)  # a platform whose pictures are not 96 dpi
        painter.drawPicture(0, 0, picture)
    finally:
        painter.end()
    return True


def print_dialog(window) -> QPrintDialog:
    """Open Qt's print dialog (window-modal); accepting it prints. Kept as ``window.print_dialog``."""
    printer = getattr(window, "printer", None)
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setDocName(window.timeline.title[:200])
        window.printer = printer
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle("Print the timeline as shown")
    dialog.accepted.connect(lambda: print_to(window, printer))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    window.print_dialog = dialog
    return dialog


def install(window) -> None:
    """Add File > Print… (the platform's Print key) and File > Picture page size."""
    window.picture_page = "16:9"
    menu = window.menus["File"]
    actions = menu.actions()
    before = actions[-2] if len(actions) >= 2 else None  # above the separator before Quit
    act = QAction("Prin&t…", window)
    act.setShortcuts(standard_keys(QKeySequence.StandardKey.Print, "Ctrl+P"))
    act.triggered.connect(lambda: print_dialog(window))
    menu.insertAction(before, act)
    window.addAction(act)
    window.print_action = act
    pages = menu.addMenu("Picture page si&ze")
    menu.removeAction(pages.menuAction())
    menu.insertMenu(before, pages)
    group = QActionGroup(window)
    for key, name in PAGE_NAMES.items():
        a = QAction(name, window, checkable=True)
        a.setChecked(key == window.picture_page)
        a.triggered.connect(lambda _=False, k=key: setattr(window, "picture_page", k))
        group.addAction(a)
        pages.addAction(a)
    window.picture_page_menu = pages
