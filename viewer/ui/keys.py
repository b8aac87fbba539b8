"""Key sequences: the platform's standard ones first (``QKeySequence.StandardKey``), then ours.

Qt knows each platform's keys for Find, Find next, Zoom in, Print ... (Cmd
on macOS, F3 or Ctrl+G for Find next, ...).  An action takes those, then
the keys this application has always documented, without duplicates, so a
README key keeps working everywhere and a platform's own key works too.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

__all__ = ["standard_keys"]


def standard_keys(standard: QKeySequence.StandardKey, *extra: str) -> list[QKeySequence]:
    """The platform's bindings of ``standard`` followed by the sequences ``extra`` (portable text, e.g. "Ctrl+=").

    Returns
    -------
    list of QKeySequence
        Non-empty when ``extra`` is given; duplicates removed, order kept
        (the first one is what menus show).
    """
    out: list[QKeySequence] = []
    seen: set[str] = set()
    for key in [*QKeySequence.keyBindings(standard), *(QKeySequence(e) for e in extra)]:
        text = key.toString(QKeySequence.SequenceFormat.PortableText)
        if text and text not in seen:
            seen.add(text)
            out.append(key)
    return out
