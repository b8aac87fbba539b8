"""Text from the data made safe to *show*, without changing what is stored.

Unicode's directional formatting characters (UAX #9, the Unicode
Bidirectional Algorithm, https://www.unicode.org/reports/tr9/, section 2)
reorder the characters around them when drawn: a title stored as
``"RTL \\u202eevil\\u202c text"`` is displayed as "RTL live text".  This is the
"Trojan Source" problem (CVE-2021-42574).  Titles, summaries and quotes are
promised verbatim, so the stored text keeps these characters; every place
that *displays* data text passes it through :func:`visible_controls`, which
shows each control as a visible token (``⟨RLO⟩``) instead of letting it act.

Markup is the other way data text could act: Qt shows a tooltip (and a label
left in ``Qt.AutoText``) as rich text whenever ``Qt::mightBeRichText`` finds
something tag-like in it, so a title ``<img src="file:///...">`` would load
a local image.  Labels use ``Qt.PlainText``; tooltips, which have no such
switch, get :func:`plain_tooltip`.

Pure Python, no Qt.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

__all__ = ["BIDI_CONTROLS", "visible_controls", "has_bidi_controls", "plain_tooltip", "first_of", "counted"]

#: The explicit directional embedding, override and isolate controls
#: (UAX #9, table 1 "Bidirectional Character Types", classes LRE RLE PDF LRO
#: RLO LRI RLI FSI PDI) and the short names shown in their place.
BIDI_CONTROLS: dict[str, str] = {
    "\u202a": "LRE",  # LEFT-TO-RIGHT EMBEDDING
    "\u202b": "RLE",  # RIGHT-TO-LEFT EMBEDDING
    "\u202c": "PDF",  # POP DIRECTIONAL FORMATTING
    "\u202d": "LRO",  # LEFT-TO-RIGHT OVERRIDE
    "\u202e": "RLO",  # RIGHT-TO-LEFT OVERRIDE
    "\u2066": "LRI",  # LEFT-TO-RIGHT ISOLATE
    "\u2067": "RLI",  # RIGHT-TO-LEFT ISOLATE
    "\u2068": "FSI",  # FIRST STRONG ISOLATE
    "\u2069": "PDI",  # POP DIRECTIONAL ISOLATE
}

_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def has_bidi_controls(text: str) -> bool:
    """Whether ``text`` holds any of :data:`BIDI_CONTROLS`."""
    return _CONTROLS_RE.search(text) is not None


def visible_controls(text: str) -> str:
    """``text`` with each directional embedding / override / isolate control
    replaced by a visible token naming it, e.g. ``⟨RLO⟩``.

    U+202A LEFT-TO-RIGHT EMBEDDING (LRE), U+202B RIGHT-TO-LEFT EMBEDDING
    (RLE), U+202C POP DIRECTIONAL FORMATTING (PDF), U+202D LEFT-TO-RIGHT
    OVERRIDE (LRO), U+202E RIGHT-TO-LEFT OVERRIDE (RLO), U+2066 LEFT-TO-RIGHT
    ISOLATE (LRI), U+2067 RIGHT-TO-LEFT ISOLATE (RLI), U+2068 FIRST STRONG
    ISOLATE (FSI) and U+2069 POP DIRECTIONAL ISOLATE (PDI) change the order in
    which the characters after them are displayed (Unicode TR9, UAX #9), so
    displayed text could say something other than the data (CVE-2021-42574,
    "Trojan Source").  For display only: the stored text is never altered.
    Other characters, including right-to-left letters and the implicit marks
    LRM / RLM, are left as they are.

    >>> visible_controls("RTL \\u202eevil\\u202c text")
    'RTL ⟨RLO⟩evil⟨PDF⟩ text'
    """
    if not _CONTROLS_RE.search(text):
        return text
    return _CONTROLS_RE.sub(lambda m: f"⟨{BIDI_CONTROLS[m.group()]}⟩", text)


def plain_tooltip(text: str) -> str:
    """Rich text that Qt shows as ``text`` itself, markup and all, for a tooltip.

    Escaping alone is not enough (``&lt;b&gt;`` without a tag would be shown as
    plain text, entities and all); the escaped text is wrapped in ``<qt>``, so
    Qt always takes it as rich text and shows every ``<`` literally.  Line
    breaks are kept and bidirectional controls made visible
    (:func:`visible_controls`).

    Parameters
    ----------
    text : str
        Data text (a title, a track's name, a date with its phrase).

    Returns
    -------
    str
        ``"<qt>…</qt>"``, or ``""`` for an empty text (no tooltip).
    """
    if not text:
        return ""
    return "<qt>" + html.escape(visible_controls(text), quote=False).replace("\n", "<br>") + "</qt>"


def first_of(items: Iterable[str], most: int = 5, width: int = 60) -> str:
    """The first ``most`` of ``items`` (strings) joined by commas, each cut to ``width``
    characters, then ``"and N more"``: ``first_of(["a", "b", "c"], 2) == "a, b and 1 more"``.
    A message naming what a file holds stays short when the file holds 100,000 of them."""
    items = list(items)
    shown = ", ".join(i if len(i) <= width else i[:width - 1] + "…" for i in items[:most])
    return shown + (f" and {len(items) - most:,} more" if len(items) > most else "")


def counted(n: int, noun: str, plural: str = "") -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1: ``counted(1, "draft")`` is ``"1 draft"``,
    ``counted(3, "match", "matches")`` is ``"3 matches"``; thousands grouped (``"1,200 events"``).
    One wording for every count the app says (header notes, status lines)."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"
