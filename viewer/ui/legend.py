"""The key to the marks on a timeline, shared by the main window and a collection's window."""

__all__ = ["KEY", "DRAFT_KEY", "HALF_KNOWN_KEY", "MATCH_KEY", "set_header_text"]

_KEY_ITEMS = ("◆ date to the day or better", "◇ uncertain, approximate or open",
              "dashed ◇ planned (so described, or after the source's date)", "▬ faint: possible interval",
              "≤ / ≥ on or before / after", "(?) uncertain")
KEY = "   ".join(item.replace(" ", "\u00a0") for item in _KEY_ITEMS)
"""What the marks mean, without the time axis's zone; no-break spaces within an item, so a
narrow window wraps the key between items, never inside one."""
DRAFT_KEY = "   " + "dotted ring or outline: unreviewed draft".replace(" ", "\u00a0")
"""Added to the key while there are unreviewed drafts."""
HALF_KNOWN_KEY = "   " + "→ ? / ? → other date's year unknown".replace(" ", "\u00a0")
"""Added to the key while a span with one date known is drawn at it (``FLAG_HALF_KNOWN``)."""
MATCH_KEY = "   " + "strip in full colour, tick below: search matches".replace(" ", "\u00a0")
"""Added to the key while a search is active and lanes are drawn as density strips (the strip
is dimmed, the matches' own counts drawn over it)."""


def set_header_text(label, title: str, note: str) -> None:
    """Show ``title`` and its ``note`` (``[1 unreviewed draft · 4 planned]``) in the header
    ``label`` (a ``QLabel``) on one line: the title shortened with "…" when both do not fit (the
    whole title is in the tooltip and the detail pane); the note is never cut nor broken inside
    its brackets ("[4" / "planned]" at 1366 px): a plan or a draft is not read as a fact.
    A title over 200 characters is cut to 200 first."""
    from PySide6.QtCore import Qt

    short = title if len(title) <= 200 else title[:199] + "…"
    if not note:
        label.setText(short)
        return
    tail = f"  [{note}]"
    fm = label.fontMetrics()
    room = label.contentsRect().width() - fm.horizontalAdvance(tail) - 4
    if fm.horizontalAdvance(short) > room > fm.averageCharWidth() * 12:
        short = fm.elidedText(short, Qt.TextElideMode.ElideRight, room)
    label.setText(short + tail)
