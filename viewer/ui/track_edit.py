"""Tracks and bands: add, rename, recolour, delete a track; add a band; the timeline's title and
reference date.

Edit > Add track…, Rename track…, Track colour…, Delete track…, Move track
up / down act on the
selected event's track (or ask which); Add band over the visible range adds a
band (an era drawn across all tracks) from the first to the last day shown.
Deleting a track that still has events asks whether to move them to another
track or delete them with it, and the command's name says which and how many
("Delete track 'UK' (3 events moved to 'nato')").  All undoable.
"""

from __future__ import annotations

import time

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog

from ..model import commands as C
from ..model.dates import EventDate
from ..model.errors import DateError, Problem
from ..model.timeline import Event, EventKind, Track

__all__ = ["TrackEditing", "install"]


class TrackEditing:
    """Track and band commands of one window (``window.track_edit``)."""

    def __init__(self, window) -> None:
        self.window = window
        # (document, track id, event selected then): the track Add track made last, in that document
        self._added: tuple[object, str, str | None] | None = None
        menu = window.menus["Edit"]
        menu.addSeparator()
        window._action(menu, "Add &track…", lambda: self.add_track())
        window._action(menu, "Re&name track…", lambda: self.rename_track())
        window._action(menu, "Track c&olour…", lambda: self.recolour_track())
        window._action(menu, "Delete trac&k…", lambda: self.delete_track())
        window._action(menu, "Move track u&p", lambda: self.move_track(-1))
        window._action(menu, "Move track do&wn", lambda: self.move_track(+1))
        window._action(menu, "Add &band over the visible range", lambda: self.add_band())
        menu.addSeparator()
        window._action(menu, "Timeline t&itle…", lambda: self.retitle())
        window._action(menu, "R&eference date…", lambda: self.set_reference_date())

    @property
    def authoring(self):
        return self.window.authoring

    def _say(self, problems: list[Problem]) -> list[Problem]:
        if problems:
            self.window.show_error("Not changed", "\n".join(
                f"{p.location}: {p.message}" if p.location else p.message for p in problems))
        return problems

    def _current_track(self) -> str | None:
        tl = self.authoring.timeline
        eid = self.window.state.selected
        if eid is not None and tl.has_event(eid) and tl.event(eid).track:
            return tl.event(eid).track
        labels = [t.label for t in tl.tracks]
        if not labels:
            return None
        label, ok = QInputDialog.getItem(self.window, "Track", "Which track?", labels, 0, False)
        return tl.tracks[labels.index(label)].id if ok else None

    def add_track(self, label: str | None = None) -> list[Problem]:
        """Add a track below the others (asks for its name when ``label`` is None)."""
        if label is None:
            label, ok = QInputDialog.getText(self.window, "Add track", "Name of the new track:")
            if not ok:
                return []
        label = label.strip()
        if not label:
            return self._say([Problem("", "a track needs a name")])
        tl = self.authoring.timeline
        order = max((t.order for t in tl.tracks), default=-1) + 1
        track = Track(C.new_id({t.id for t in tl.tracks}, label, "track"), label, order=order)
        problems = self._say(self.authoring.push(C.AddTrack(track)))
        if not problems:
            self._added = (self.authoring.document, track.id, self.window.state.selected)
        return problems

    def track_for_new_event(self) -> str | None:
        """The track a new event goes on: the one just added by :meth:`add_track` while
        the selection is the same as then; else the selected event's track; else the
        track added last (of this document, if it is still there); else the first.
        None when the timeline has no tracks."""
        tl = self.authoring.timeline
        added = None
        if self._added is not None and self._added[0] is self.authoring.document and self._added[1] in tl.track_index:
            added = self._added[1]
            if self.window.state.selected == self._added[2]:
                return added  # nothing selected since the track was added
        eid = self.window.state.selected
        if eid is not None and tl.has_event(eid) and tl.event(eid).track in tl.track_index:
            return tl.event(eid).track
        if added is not None:
            return added
        return tl.tracks[0].id if tl.tracks else None

    def rename_track(self, track_id: str | None = None, label: str | None = None) -> list[Problem]:
        track_id = track_id or self._current_track()
        if track_id is None:
            return []
        tl = self.authoring.timeline
        track = tl.tracks[tl.track_index[track_id]]
        if label is None:
            label, ok = QInputDialog.getText(self.window, "Rename track", "New name:", text=track.label)
            if not ok:
                return []
        return self._say(self.authoring.push(C.UpdateTrack(track_id, Track(track.id, label.strip(), track.color,
                                                                           track.order), "Rename track")))

    def recolour_track(self, track_id: str | None = None, color: str | None = None) -> list[Problem]:
        track_id = track_id or self._current_track()
        if track_id is None:
            return []
        tl = self.authoring.timeline
        track = tl.tracks[tl.track_index[track_id]]
        if color is None:
            chosen = QColorDialog.getColor(QColor(tl.track_colours[tl.track_index[track_id]]), self.window,
                                           f"Colour of {track.label}")
            if not chosen.isValid():
                return []
            color = chosen.name().upper()
        return self._say(self.authoring.push(C.UpdateTrack(track_id, Track(track.id, track.label, color, track.order),
                                                           "Recolour track")))

    def delete_track(self, track_id: str | None = None, move_to: str | None = None,
                     delete_events: bool | None = None) -> list[Problem]:
        """Delete a track; its events go to ``move_to`` or, with ``delete_events``, are deleted.
        Without either, and when it has events, asks."""
        track_id = track_id or self._current_track()
        if track_id is None:
            return []
        doc = self.authoring.doc()
        count = len(doc.events_on_track(track_id))
        others = [t for t in doc.timeline.tracks if t.id != track_id]
        if count and move_to is None and not delete_events:
            choices = [f"Move them to '{t.label}'" for t in others] + [f"Delete the {count} events too"]
            answer, ok = QInputDialog.getItem(self.window, "Delete track",
                                              f"This track has {count} events. What should happen to them?",
                                              choices, 0, False)
            if not ok:
                return []
            k = choices.index(answer)
            move_to = others[k].id if k < len(others) else None
        cmd = C.remove_track(doc, track_id, move_to=move_to)
        return self._say(self.authoring.push(cmd))

    def move_track(self, step: int, track_id: str | None = None) -> list[Problem]:
        """Edit > Move track up (``step`` -1) / down (+1): the track (default: the
        selected event's) changes place with its neighbour in the order shown,
        as one undoable command saved with the file.

        The Filters tab's drag order is a view setting (kept with the session,
        like hidden tracks); moving a track here writes the order shown into the
        timeline, so that view order is cleared: the view then shows the file's.
        """
        from ..model.filters import ordered_tracks

        track_id = track_id or self._current_track()
        if track_id is None:
            return []
        window = self.window
        tl = self.authoring.timeline
        order = ordered_tracks(tl, window.state.filters)
        if track_id not in order:
            return self._say([Problem("", f"there is no track {track_id!r}")])
        k = order.index(track_id)
        to = k + step
        if not 0 <= to < len(order):
            return []  # already first (or last): nothing to do, as in a list
        order[k], order[to] = order[to], order[k]
        label = next(t.label for t in tl.tracks if t.id == track_id)
        text = f"Move track '{label}' {'up' if step < 0 else 'down'}"
        problems = self.authoring.push(C.ReorderTracks(order, text))
        if not problems and window.state.filters.track_order:
            import dataclasses

            window.state.filters = dataclasses.replace(window.state.filters, track_order=())
        return self._say(problems)

    def add_band(self, title: str | None = None) -> list[Problem]:
        """A band over the visible range, from its first to its last day (to the day)."""
        if title is None:
            title, ok = QInputDialog.getText(self.window, "Add band", "Name of the band (an era, an exercise):")
            if not ok:
                return []
        if not title.strip():
            return self._say([Problem("", "a band needs a name")])
        tl = self.authoring.timeline
        a, b = self.window.state.x_range
        o = self.window.view.timeline.columns.origin_epoch_s
        start = EventDate(time.strftime("%Y-%m-%d", time.gmtime(o + a)))
        end = EventDate(time.strftime("%Y-%m-%d", time.gmtime(o + b)))
        band = Event(C.new_id(tl.has_event, title), title.strip(), start, kind=EventKind.BAND, end=end)
        problems = self._say(self.authoring.push(C.AddEvent(band)))
        if not problems:
            self.window.state.selected = band.id
        return problems

    def retitle(self, title: str | None = None) -> list[Problem]:
        """Edit > Timeline title…: the title the window, pictures and slides show (File > New's is
        "Untitled timeline"); asks for it when ``title`` is None.  Undoable, saved with the file."""
        tl = self.authoring.timeline
        if title is None:
            title, ok = QInputDialog.getText(self.window, "Timeline title", "Title of the timeline:", text=tl.title)
            if not ok:
                return []
        title = title.strip()
        if title == tl.title:
            return []
        problems = self._say(self.authoring.push(C.UpdateTimeline(title=title)))
        if not problems:
            self.authoring.update_title()
        return problems

    def set_reference_date(self, edtf: str | None = None) -> list[Problem]:
        """Edit > Reference date…: the day the timeline's sources speak from (an article's
        publication, EDTF such as ``2024-03-11``; empty: none).  An event dated after it is drawn as
        planned; relative dates of an article are read against it.  Asks when ``edtf`` is None.
        Undoable, saved with the file."""
        tl = self.authoring.timeline
        if edtf is None:
            now = tl.reference_date.edtf if tl.reference_date is not None else ""
            edtf, ok = QInputDialog.getText(
                self.window, "Reference date",
                "The day the sources speak from (EDTF, e.g. 2024-03-11; empty: none).\n"
                "Events dated after it are drawn as planned.", text=now)
            if not ok:
                return []
        edtf = edtf.strip()
        try:
            date = EventDate(edtf) if edtf else None
        except DateError as exc:
            return self._say([Problem("", str(exc), location="reference date")])
        if (date.edtf if date else "") == (tl.reference_date.edtf if tl.reference_date else ""):
            return []
        return self._say(self.authoring.push(C.UpdateTimeline(reference_date=date)))


def install(window) -> None:
    """Add the track and band entries to the Edit menu (``window.track_edit``)."""
    window.track_edit = TrackEditing(window)

