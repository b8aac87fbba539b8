"""Hand-outs of a story: a 16:9 PDF deck and PNG frames.

The deck has a title page, one page per step (the presentation as the
audience sees it: timeline and caption, never the presenter's notes) and a
sources page.  Pages are painted with the same widgets as Present mode into a
:class:`QPdfWriter` at 96 dpi, so one page is 1920x1080 units and lines and
text stay vector (selectable, sharp when printed).  PNG frames are offscreen
renders of each step.  Every file is written atomically
(:func:`viewer.io.atomic.atomic_path`).
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QMarginsF, QPoint, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from ..graphics.style import label_font
from ..io.atomic import atomic_path
from ..model.presentation import short_date
from ..model.story import Story
from ..model.timeline import Source, Timeline, source_facts
from .present import PresentWindow
from .screenshots import save_png

__all__ = ["export_pdf", "export_png_frames", "story_sources", "PAGE_PX", "frame_name"]

PAGE_PX = (1920, 1080)
"""Size of a deck page and the default frame size, pixels (16:9)."""
_DPI = 96


def story_sources(timeline: Timeline, story: Story) -> list[Source]:
    """Every source the story's events cite (directly, through quotes or relayed), each once, in step order."""
    out: list[Source] = []
    for step in story.steps:
        if timeline.has_event(step.event):
            for src in timeline.sources_of(timeline.event(step.event)):
                if src not in out:
                    out.append(src)
    return out


def _present(timeline: Timeline, story: Story, theme: str, size: tuple[int, int]) -> PresentWindow:
    pw = PresentWindow(timeline, story, theme, animation_ms=0, screen_height=size[1])
    pw.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    pw.resize(*size)
    pw.show()
    QApplication.processEvents()
    return pw


def _show(pw: PresentWindow, index: int) -> None:
    pw.presentation.go_to(index)
    for _ in range(2):
        QApplication.processEvents()


def _text_page(p: QPainter, w: float, h: float, blocks: list[tuple[str, int, bool, str]]) -> None:
    """Paint word-wrapped text blocks ``(text, px, bold, colour)`` top-down with a margin."""
    margin = h / 14
    y = margin
    for text, px, bold, colour in blocks:
        font = label_font(px, bold=bold)
        fm = QFontMetricsF(font)
        rect = fm.boundingRect(QRectF(margin, y, w - 2 * margin, h), int(Qt.TextFlag.TextWordWrap), text)
        if y + rect.height() > h - margin / 2:
            break
        p.setFont(font)
        p.setPen(QColor(colour))
        p.drawText(QRectF(margin, y, w - 2 * margin, rect.height() + 2), int(Qt.TextFlag.TextWordWrap), text)
        y += rect.height() + px * 0.6


def _source_text(src: Source, timeline: Timeline) -> str:
    (outlet, kind, *rest), details = source_facts(src, timeline, short_date)
    # an outlet already named "X (interview)" is not labelled "(interview)" twice
    named = outlet if outlet.lower().endswith(f"({kind.lower()})") else f"{outlet} ({kind})"
    return "; ".join([", ".join([named, *rest])] + [f"{label}: {value}" for label, value in details])


def export_pdf(timeline: Timeline, story: Story, path: str | os.PathLike[str], theme: str = "light") -> int:
    """Write the story as a 16:9 PDF deck: title page, one page per step, sources page.

    Parameters
    ----------
    timeline : Timeline
    story : Story
    path : str or os.PathLike
        Destination ``.pdf``; written atomically (a temporary file in the same
        folder, renamed when complete).
    theme : {"light", "dark"}
        Light by default: it prints.

    Returns
    -------
    int
        Number of pages written (``len(story.steps) + 2``).

    Raises
    ------
    OSError
        If the file cannot be written (the destination is left unchanged).
    """
    w, h = PAGE_PX
    dark = theme == "dark"
    bg, fg, muted = ("#0b0d10", "#f4f6f8", "#b8c0ca") if dark else ("#ffffff", "#000000", "#3b4350")
    pw = _present(timeline, story, theme, PAGE_PX)
    pages = 0
    try:
        with atomic_path(path) as tmp:
            writer = QPdfWriter(tmp)
            writer.setResolution(_DPI)
            writer.setPageSize(QPageSize(QSizeF(w / _DPI * 25.4, h / _DPI * 25.4), QPageSize.Unit.Millimeter,
                                         "16:9 slide"))
            writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            writer.setTitle(f"{story.title} — {timeline.title}")
            writer.setCreator("Timeline Viewer")
            p = QPainter()
            if not p.begin(writer):
                raise OSError(f"cannot write a PDF to {os.fspath(path)}")
            try:
                # title page
                p.fillRect(QRectF(0, 0, w, h), QColor(bg))
                sources = story_sources(timeline, story)
                outlets = ", ".join(dict.fromkeys(s.outlet for s in sources if not s.via)) or "—"
                _text_page(p, w, h, [
                    (timeline.title, h // 16, True, fg),
                    (story.title, h // 22, True, "#E69F00" if dark else "#7a4f00"),
                    (story.description, h // 34, False, fg),
                    (f"{len(story.steps)} steps · direct quotes verbatim, reported speech attributed · "
                     f"from: {outlets}", h // 40, False, muted),
                ])
                pages = 1
                for index in range(len(story.steps)):
                    writer.newPage()
                    _show(pw, index)
                    pw.render(p, QPoint(0, 0))
                    pages += 1
                # sources page
                writer.newPage()
                p.fillRect(QRectF(0, 0, w, h), QColor(bg))
                blocks = [("Sources", h // 22, True, fg)]
                blocks += [(_source_text(s, timeline), h // 44, False, fg) for s in sources]
                _text_page(p, w, h, blocks)
                pages += 1
            finally:
                p.end()
    finally:
        pw.close()
        pw.deleteLater()
    return pages


def frame_name(story: Story, index: int) -> str:
    """File name of a PNG frame: ``<story-slug>-step-07.png`` (1-based, zero-padded)."""
    slug = re.sub(r"[^a-z0-9]+", "-", story.title.lower()).strip("-")[:60] or "story"
    digits = max(2, len(str(len(story.steps))))
    return f"{slug}-step-{index + 1:0{digits}d}.png"


def export_png_frames(timeline: Timeline, story: Story, folder: str | os.PathLike[str],
                      size: tuple[int, int] = PAGE_PX, theme: str = "dark") -> list[str]:
    """Write one PNG per step of the story into ``folder`` (named by :func:`frame_name`).

    Each frame is written atomically.

    Returns
    -------
    list of str
        The paths written, in step order.

    Raises
    ------
    OSError
        If ``folder`` does not exist or a frame cannot be written.
    """
    folder = os.fspath(folder)
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"folder {folder} does not exist")
    pw = _present(timeline, story, theme, size)
    written = []
    try:
        for index in range(len(story.steps)):
            _show(pw, index)
            image = pw.grab().toImage()
            out = os.path.join(folder, frame_name(story, index))
            with atomic_path(out) as tmp:
                if not save_png(image, tmp):
                    raise OSError(f"could not write {out}")
            written.append(out)
    finally:
        pw.close()
        pw.deleteLater()
    return written
