"""Building a timeline from a foreign format: the builder and the report it gives.

* :class:`ReadReport`: a timeline plus what could not be mapped (warnings) and
  the rows that could not be loaded (skipped), each a
  :class:`~viewer.model.errors.Problem` naming file, line, row and field.
* :class:`TimelineBuilder`: collects tracks (named in first-seen order,
  left uncoloured), sources and events, makes ids unique (with a warning)
  and builds the :class:`~viewer.model.timeline.Timeline`.

Re-exported by :mod:`viewer.io.common`.  Pure Python, no Qt.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Container
from dataclasses import dataclass, field

from viewer.model.dates import EventDate
from viewer.model.errors import Problem, TimelineLoadError
from viewer.model.timeline import Event, EventKind, Source, SourceKind, Timeline, Track

from .jsonpos import PathPart, SourcePositions

__all__ = ["ReadReport", "TimelineBuilder", "UNGROUPED_TRACK_ID", "DEFAULT_TRACK_LABEL", "slug", "end_before_start"]

# Imported tracks are left uncoloured (``Track.color == ""``) and drawn in the
# Okabe-Ito colours in turn by :func:`viewer.model.timeline.track_colours`, so
# saving an import writes no invented colours.


@dataclass
class ReadReport:
    """What a reader made of a file.

    Attributes
    ----------
    timeline : Timeline
        Everything that could be loaded.
    warnings : list of Problem
        Things in the file that were loaded only partly or could not be mapped
        onto the model (a field with no equivalent, a renamed duplicate id).
    skipped : list of Problem
        Rows or items that could not be loaded at all (a bad date), one
        problem each; the rest of the file loaded.
    """

    timeline: Timeline
    warnings: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    """How the reader understood the file where it had to decide (a column's
    role guessed from its content, a two-digit year's century): shown with the
    report, nothing lost."""

    @property
    def problems(self) -> list[Problem]:
        """Skipped rows first, then warnings, each group in file order."""
        return list(self.skipped) + list(self.warnings)

    @property
    def clean(self) -> bool:
        """True when nothing was skipped or left unmapped."""
        return not self.warnings and not self.skipped



def slug(text: str, fallback: str = "item") -> str:
    """A readable id from a label: ``"Violence against civilians"`` -> ``violence-against-civilians``."""
    s = re.sub(r"[^\w]+", "-", text.strip().lower(), flags=re.UNICODE).strip("-")
    return s[:60] or fallback


UNGROUPED_TRACK_ID = "ungrouped"
"""Track id of the events a foreign file puts in no group (see :meth:`TimelineBuilder.ungrouped_track`)."""
DEFAULT_TRACK_LABEL = "Events"
_UNGROUPED_KEY = "\x00ungrouped"


class TimelineBuilder:
    """Collects the parts of a timeline read from a foreign format.

    Parameters
    ----------
    file : str
        For problems.
    title : str
        Timeline title (the file name when the format has none).
    """

    def __init__(self, file: str, title: str, text: str | None = None) -> None:
        self.file = file
        self._positions = SourcePositions(text) if text else None
        self.title = title or os.path.basename(file) or "Untitled timeline"
        self.description = ""
        self.tracks: dict[str, Track] = {}
        self._track_by_key: dict[str, str] = {}
        self.sources: dict[str, Source] = {}
        self._source_by_key: dict[tuple[str, str, str], str] = {}
        self.events: list[Event] = []
        self._event_ids: dict[str, str] = {}
        self._next_suffix: dict[tuple[str, str], int] = {}  # (kind, base) -> the next n to try in "base-n"
        self.warnings: list[Problem] = []
        self.skipped: list[Problem] = []
        self.notes: list[Problem] = []

    # -- problems ------------------------------------------------------
    def _place(self, line: int | None, path: tuple[PathPart, ...] | None) -> tuple[int | None, int | None]:
        if line is None and path is not None and self._positions is not None:
            return self._positions.locate(list(path))
        return line, None

    def warn(self, message: str, line: int | None = None, location: str = "", *,
             path: tuple[PathPart, ...] | None = None) -> None:
        """Record something loaded only partly or not mapped.

        ``path`` (a JSON path such as ``("events", 3)``) gives the line and
        column when the builder was made with the JSON text.
        """
        self.warnings.append(Problem(self.file, message, *self._place(line, path), location))

    def skip(self, message: str, line: int | None = None, location: str = "", *,
             path: tuple[PathPart, ...] | None = None) -> None:
        """Record a row or item that could not be loaded (``path`` as in :meth:`warn`)."""
        self.skipped.append(Problem(self.file, message, *self._place(line, path), location))

    # -- parts ---------------------------------------------------------
    def _free(self, kind: str, base: str, taken: Container[str]) -> str:
        """``base-2``, ``base-3``, ...: the first not in ``taken``.

        Each base remembers where its count stopped, so n rows sharing one id
        cost O(n) in all rather than O(n²) (each used to count again from 2);
        the names given are the same: in row order, the lowest free number.
        """
        key = (kind, base)
        n = self._next_suffix.get(key, 2)
        while f"{base}-{n}" in taken:
            n += 1
        self._next_suffix[key] = n + 1
        return f"{base}-{n}"

    def track(self, key: str, label: str | None = None, order: int | None = None, track_id: str | None = None) -> str:
        """Id of the track for ``key`` (created on first use, in first-seen order)."""
        key = key.strip()
        if key in self._track_by_key:
            return self._track_by_key[key]
        base = track_id if track_id else slug(label or key, "track")
        tid = base if base not in self.tracks else self._free("track", base, self.tracks)
        if tid == UNGROUPED_TRACK_ID and key != _UNGROUPED_KEY:  # reserved for the events of no group
            tid = self._free("track", base, set(self.tracks) | {UNGROUPED_TRACK_ID})
        index = len(self.tracks)
        self.tracks[tid] = Track(tid, (label or key).strip() or tid, "", index if order is None else order)
        self._track_by_key[key] = tid
        return tid

    def ungrouped_track(self) -> str:
        """Id of the track of events the file puts in no group: always
        :data:`UNGROUPED_TRACK_ID`, whatever the file's groups are called
        (a real group named "Events" is another track), so a writer can leave
        these events ungrouped again."""
        return self.track(_UNGROUPED_KEY, DEFAULT_TRACK_LABEL, track_id=UNGROUPED_TRACK_ID)

    def source(self, outlet: str, *, url: str = "", title: str = "", kind: SourceKind = SourceKind.OTHER,
               attribution: str = "") -> str:
        """Id of the source with this outlet and url (created on first use)."""
        key = (outlet.strip(), url.strip(), title.strip())  # one url with two captions: two sources
        if key in self._source_by_key:
            return self._source_by_key[key]
        base = slug(outlet or url, "source")
        sid = base if base not in self.sources else self._free("source", base, self.sources)
        self.sources[sid] = Source(sid, kind, outlet.strip() or url.strip(), title=title, url=url.strip(),
                                   attribution=attribution)
        self._source_by_key[key] = sid
        return sid

    def event_id(self, wanted: str, line: int | None, location: str, fallback: str) -> str:
        """A unique event id: ``wanted`` if free, else renamed with a warning."""
        wanted = wanted.strip() if wanted else ""
        if not wanted:
            wanted = fallback
        if wanted not in self._event_ids:
            self._event_ids[wanted] = location
            return wanted
        new = self._free("event", wanted, self._event_ids)
        if wanted != fallback:
            self.warn(f"duplicate id {wanted!r} (already used at {self._event_ids[wanted]}); this one was "
                      f"loaded as {new!r}", line, location)
        self._event_ids[new] = location
        return new

    def add(self, event: Event, line: int | None = None, location: str = "", *,
            path: tuple[PathPart, ...] | None = None) -> bool:
        """Add an event (its id must come from :meth:`event_id`); False, and the
        item listed as skipped, when it has no date to draw at: a point whose
        date is wholly open (``..``), or a span whose start and end both are.
        The native format refuses the same (such an event used to be drawn
        nowhere, on an axis at 1 Jan 1970)."""
        def wholly_open(d: EventDate | None) -> bool:
            return d is None or d.relation == "open" or not (math.isfinite(d.earliest) or math.isfinite(d.latest))

        if (event.kind == EventKind.POINT and wholly_open(event.start)) or \
                (event.kind != EventKind.POINT and wholly_open(event.start) and wholly_open(event.end)):
            self.skip(f"event {event.id!r}: '..' (open, not stated) cannot date "
                      f"{'a point' if event.kind == EventKind.POINT else 'both ends of a span'}; give a date, "
                      "or [..2022-02-10] / [2022-02-10..] for one known only to be before or after a day",
                      line, location, path=path)
            return False
        self.events.append(event)
        return True

    def report(self, *, what: str = "rows") -> ReadReport:
        """The :class:`ReadReport`.

        Raises
        ------
        TimelineLoadError
            When items were skipped and none loaded: the file as a whole is
            unusable (every problem listed).
        """
        if self.skipped and not self.events:
            raise TimelineLoadError(self.skipped + self.warnings)
        tracks = list(self.tracks.values())
        labels = {t.label for t in tracks if t.id != UNGROUPED_TRACK_ID}
        if UNGROUPED_TRACK_ID in self.tracks and DEFAULT_TRACK_LABEL in labels:
            tracks = [Track(t.id, "(no group)", t.color, t.order) if t.id == UNGROUPED_TRACK_ID else t
                      for t in tracks]
        timeline = Timeline(
            title=self.title,
            tracks=tuple(tracks),
            events=tuple(self.events),
            sources=tuple(self.sources.values()),
            description=self.description,
        )
        return ReadReport(timeline, self.warnings, self.skipped, self.notes)


def end_before_start(start: EventDate, end: EventDate) -> bool:
    """True when ``end`` ends before ``start`` begins (the native format's rule;
    equal dates are a legal zero-length span)."""
    return math.isfinite(end.latest) and math.isfinite(start.earliest) and end.latest <= start.earliest

