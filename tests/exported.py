"""What a reader of an exported file sees of its events' text, for tests of what exports say."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from viewer.io import write_timeline

EXPORTS = (("csv", "t.csv"), ("ics", "t.ics"), ("timelinejs", "t.json"))
"""Formats whose files carry an event's quotes as text: (format, file name)."""


def exported_texts(tl, folder: Path) -> Iterator[tuple[str, str]]:
    """``(format, text)`` for each of :data:`EXPORTS`: ``tl`` written to ``folder``; the CSV as written,
    the iCalendar events' DESCRIPTIONs and the TimelineJS events' text joined by spaces."""
    import icalendar

    for fmt, name in EXPORTS:
        out = folder / name
        write_timeline(tl, str(out), format=fmt)
        text = out.read_text(encoding="utf-8")
        if fmt == "timelinejs":
            text = " ".join(e["text"]["text"] for e in json.loads(text)["events"])
        elif fmt == "ics":
            text = " ".join(str(c.get("DESCRIPTION")) for c in icalendar.Calendar.from_ical(text).walk("VEVENT"))
        yield fmt, text
