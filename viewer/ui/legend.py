"""The key to the marks on a timeline, shared by the main window and a collection's window."""

__all__ = ["KEY", "DRAFT_KEY"]

_KEY_ITEMS = ("◆ date to the day or better", "◇ uncertain, approximate or open",
              "dashed ◇ planned (so described, or after the source's date)", "▬ faint: possible interval",
              "≤ / ≥ on or before / after", "(?) uncertain")
KEY = "   ".join(item.replace(" ", "\u00a0") for item in _KEY_ITEMS)
"""What the marks mean, without the time axis's zone; no-break spaces within an item, so a
narrow window wraps the key between items, never inside one."""
DRAFT_KEY = "   " + "dotted ring or outline: unreviewed draft".replace(" ", "\u00a0")
"""Added to the key while there are unreviewed drafts."""
