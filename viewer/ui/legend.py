"""The key to the marks on a timeline, shared by the main window and a collection's window."""

import re

__all__ = ["KEY", "DRAFT_KEY", "HAND_EDIT_ITEM", "HAND_EDIT_KEY", "HALF_KNOWN_KEY", "MATCH_KEY", "set_header_text",
           "HEADER_PT", "SMALLEST_HEADER_PT"]

_KEY_ITEMS = ("◆ date to the day or better", "◇ uncertain, approximate or open",
              "dashed ◇ planned (so described, or after the source's date)", "▬ faint: possible interval",
              "≤ / ≥ on or before / after", "(?) uncertain")
KEY = "   ".join(item.replace(" ", "\u00a0") for item in _KEY_ITEMS)
"""What the marks mean, without the time axis's zone; no-break spaces within an item, so a
narrow window wraps the key between items, never inside one."""
DRAFT_KEY = "   " + "dotted ring or outline: unreviewed draft".replace(" ", "\u00a0")
"""Added to the key while there are unreviewed drafts."""
HAND_EDIT_ITEM = "(date edited) date edited by hand, not the source's"
"""The key's item for a label that ends "(date edited)" (the view, its pictures)."""
HAND_EDIT_KEY = "   " + HAND_EDIT_ITEM.replace(" ", "\u00a0")
"""Added to the key while an event's date is edited by hand."""
HALF_KNOWN_KEY = "   " + "→ ? / ? → other date's year unknown".replace(" ", "\u00a0")
"""Added to the key while a span with one date known is drawn at it (``FLAG_HALF_KNOWN``)."""
MATCH_KEY = "   " + "strip in full colour, tick below: search matches".replace(" ", "\u00a0")
"""Added to the key while a search is active and lanes are drawn as density strips (the strip
is dimmed, the matches' own counts drawn over it)."""


HEADER_PT = 20.0
"""The header's font size (points) when the title and its note fit the window's width."""
SMALLEST_HEADER_PT = 14.0
"""The smallest the header's font is made (points, above the key's 13) before the title is
shortened with "…": at 1366x768 the bundled title and its note fit whole at about 16 pt."""

_FONT_SIZE = re.compile(r"font-size:\s*[0-9.]+pt")


def set_header_text(label, title: str, note: str) -> None:
    """Show ``title`` and its ``note`` (``[1 unreviewed draft · 4 planned]``) in the header
    ``label`` (a ``QLabel`` whose style sheet gives ``font-size: …pt``) on one line: the font is
    made smaller, from :data:`HEADER_PT` down to :data:`SMALLEST_HEADER_PT` in half points, until
    both fit the label's width (at 1366 px the bundled title was cut "the diplom…"); only then is
    the title shortened with "…" (the whole title is in the tooltip and the detail pane).  The
    note is never cut nor broken inside its brackets ("[4" / "planned]" at 1366 px): a plan or a
    draft is not read as a fact.  A title over 200 characters is cut to 200 first; a title
    without a note that is still too long wraps, as before.  A label not yet shown keeps
    :data:`HEADER_PT` (its width is not yet the window's): the fit is made on its first resize."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontMetrics

    short = title if len(title) <= 200 else title[:199] + "…"
    tail = f"  [{note}]" if note else ""
    label.ensurePolished()
    width = label.contentsRect().width() - 4  # pixels
    font = QFont(label.font())
    pt = HEADER_PT
    while True:
        font.setPointSizeF(pt)
        fm = QFontMetrics(font)
        if (fm.horizontalAdvance(short + tail) <= width or pt <= SMALLEST_HEADER_PT
                or not label.isVisible()):  # before the window shows, its width is not the one it will have
            break
        pt -= 0.5
    if note:
        room = width - fm.horizontalAdvance(tail)
        if fm.horizontalAdvance(short) > room > fm.averageCharWidth() * 12:
            short = fm.elidedText(short, Qt.TextElideMode.ElideRight, room)
    label.setText(short + tail)  # (before the font: the relayout below may fit the header again)
    sheet = label.styleSheet()
    fitted = _FONT_SIZE.sub(f"font-size: {pt:g}pt", sheet)
    if fitted != sheet:
        label.setStyleSheet(fitted)
        parent = label.parentWidget()
        if label.isVisible() and parent is not None and parent.layout() is not None:
            parent.layout().activate()  # the header's new height now, not after the first paint (no jump)
