"""Pictures and prints: one layout from the window and the command line, on a chosen page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage, QPageLayout
from PySide6.QtPrintSupport import QPrinter

from viewer.app import main
from viewer.ui.export import PAGE_SIZES, PictureOptions, _Picture
from viewer.ui.printing import print_to


def _diff_fraction(a: QImage, b: QImage) -> float:
    assert (a.width(), a.height()) == (b.width(), b.height())
    step, differ, total = 3, 0, 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            total += 1
            differ += a.pixel(x, y) != b.pixel(x, y)
    return differ / total


@pytest.mark.parametrize("page", ["a4", "letter", "16:9"])
def test_window_and_command_line_draw_one_layout_on_the_chosen_page(qtbot, make_window, bundled_path, tmp_path,
                                                                    page):
    w = make_window((1366, 768))
    w.picture_page = page
    from_window, from_cli = tmp_path / "w.png", tmp_path / "c.png"
    assert w.files.export_current_view(str(from_window))
    assert main(["export", bundled_path, str(from_cli), "--page", page]) == 0
    a, b = QImage(str(from_window)), QImage(str(from_cli))
    assert (a.width(), a.height()) == PAGE_SIZES[page]
    assert _diff_fraction(a, b) < 0.01


@pytest.mark.parametrize("page", list(PAGE_SIZES))
def test_the_title_is_never_cut_on_a_page(bundled_path, qapp, page):
    from viewer.io import read_timeline

    tl = read_timeline(bundled_path)
    pic = _Picture(tl, PictureOptions(size=PAGE_SIZES[page]))
    lines = pic.title_lines(tl.title, PAGE_SIZES[page][0] - 2 * pic.pad)
    assert " ".join(lines) == tl.title and "…" not in "".join(lines)


def test_an_odd_window_page_used_to_cut_the_title_and_now_keeps_it(bundled_path, qapp):
    from viewer.io import read_timeline

    tl = read_timeline(bundled_path)
    pic = _Picture(tl, PictureOptions(size=(1121, 891)))  # 841x668 pt, the old window page
    assert " ".join(pic.title_lines(tl.title, 1121 - 2 * pic.pad)) == tl.title


def test_print_draws_the_picture_layout_on_the_printers_page(qtbot, make_window, tmp_path):
    w = make_window((1400, 800))
    w.state.selected = "lavrov-lowest-level"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    assert print_to(w, printer)
    pages = PdfReader(str(out)).pages
    assert len(pages) == 1
    text = " ".join(pages[0].extract_text().split())
    assert "Allied Resolve-2022" in text and "Sources:" in text and "of 16 events shown" in text
    box = pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert Path(out).stat().st_size > 1000


def test_print_is_in_the_file_menu_with_the_platform_key(make_window):
    w = make_window()
    assert w.print_action in w.menus["File"].actions()
    assert not w.print_action.shortcut().isEmpty()
    names = [a.text().replace("&", "") for a in w.picture_page_menu.actions()]
    assert names == ["16:9 slide (1600×900)", "A4 landscape", "Letter landscape"]


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080)])
@pytest.mark.parametrize("event_id", ["lavrov-lowest-level", "stoltenberg-largest-deployment"])
def test_select_screenshots_show_the_whole_selected_quote(qtbot, bundled_path, tmp_path, size, event_id):
    from PySide6.QtGui import QTextCursor

    from viewer.app import save_screenshot
    from viewer.io import read_timeline
    from viewer.ui.main_window import MainWindow

    tl = read_timeline(bundled_path)
    w = MainWindow(tl, read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.state.selected = event_id
    assert save_screenshot(w, str(tmp_path / "s.png"), size, select=event_id)
    quote = tl.event(event_id).quotes[0].text
    pane = w.details
    doc = pane.document()
    start = doc.find(quote[:30])
    while not start.isNull() and not (start.block().text().startswith("“")  # the quote, not the title
                                      or start.block().text() == quote):  # reported speech, as written
        start = doc.find(quote[:30], start)
    end = doc.find(quote[-20:], start.selectionStart())
    assert not start.isNull() and not end.isNull()
    for found in (start, end):
        rect = pane.cursorRect(QTextCursor(found))
        assert 0 <= rect.top() and rect.bottom() <= pane.viewport().height(), (size, event_id, rect)
    # and the pane is wholly inside the picture
    assert QImage(str(tmp_path / "s.png")).size().toTuple() == size


def test_file_print_opens_qt_print_dialog_and_accepting_prints(qtbot, make_window, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog

    from viewer.ui.printing import print_dialog

    w = make_window((1400, 800))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "dialog.pdf"
    printer.setOutputFileName(str(out))
    w.printer = printer  # the printer the dialog edits (a new window makes a landscape one)
    dialog = print_dialog(w)
    assert isinstance(dialog, QPrintDialog)
    dialog.accept()
    assert out.exists() and len(PdfReader(str(out)).pages) == 1


def test_print_to_file_refuses_a_link_and_writes_atomically(qtbot, make_window, tmp_path):
    w = make_window((1000, 700))
    victim = tmp_path / "victim.pdf"
    victim.write_bytes(b"precious")
    link = tmp_path / "printed.pdf"
    link.symlink_to(victim)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(link))
    assert print_to(w, printer) is False
    assert victim.read_bytes() == b"precious"
    assert "symbolic link" in w.last_error.text() + w.last_error.informativeText()
    out = tmp_path / "real.pdf"
    printer.setOutputFileName(str(out))
    assert print_to(w, printer) is True
    assert out.read_bytes().startswith(b"%PDF") and printer.outputFileName() == str(out)
    assert not [p for p in os.listdir(tmp_path) if ".tvtmp-" in p]


def test_a_print_draws_day_numbers_track_names_and_event_labels_at_one_scale(qtbot, make_window, tmp_path):
    """On a 1200-dpi printer the day numbers and track names came out 12.5 times too
    large (122 pt) and the event labels 12.5 times too small (under 1 pt)."""
    w = make_window((1400, 800))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    assert printer.resolution() > 96 and print_to(w, printer)
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, font_size):
        sizes.setdefault(" ".join(text.split()), abs(font_size * tm[0] * cm[0]))  # points on paper

    PdfReader(str(out)).pages[0].extract_text(visitor_text=visit)
    for text in ("10", "Exercise", "United Kingdom", "Drills begin in Belarus", "Truss arrives in Moscow"):
        assert 6 <= sizes[text] <= 20, (text, sizes[text])
