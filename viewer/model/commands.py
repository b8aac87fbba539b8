"""Commands: every change a user (or a review panel) can make to a timeline.

A command is checked (:meth:`Command.problems`, the native reader's rules
through the document's ``rules``), applied to a
:class:`~viewer.model.editing.Document` and reverted exactly.  Its
:attr:`~Command.text` names it for menus: ``"Move 'Truss arrives in Moscow'"``.

Events: :class:`AddEvent`, :class:`RemoveEvent`, :class:`UpdateEvent`
(also move and resize: :func:`move_event`, :func:`resize_event`; a date typed by hand:
:func:`set_date`; quotes:
:func:`add_quote`, :func:`update_quote`, :func:`remove_quote`).  Sources:
:class:`AddSource`, :class:`UpdateSource`, :class:`RemoveSource`.  Tracks:
:class:`AddTrack`, :class:`UpdateTrack`, :class:`ReorderTracks`,
:func:`remove_track`.  Bands are events of kind ``band`` (:class:`AddEvent`).
Stories: :class:`SetStories` (:func:`add_story_step`, :func:`remove_story_step`).
Timeline fields: :class:`UpdateTimeline`.  Several at once: :class:`Compound`.

No Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Sequence
from dataclasses import replace
from typing import Any

from .date_edit import edit_date
from .dates import EventDate
from .editing import Document
from .errors import Problem
from .planned_end import LINK
from .story import Story, StoryStep
from .timeline import Event, EventKind, Quote, Source, Timeline, Track

__all__ = ["Command", "AddEvent", "RemoveEvent", "UpdateEvent", "edited_event_ids", "set_date",
           "move_event", "resize_event",
           "add_quote", "update_quote", "remove_quote", "AddSource", "UpdateSource", "RemoveSource",
           "AddTrack", "UpdateTrack", "ReorderTracks", "remove_track", "SetStories", "add_story_step",
           "remove_story_step", "UpdateTimeline", "Compound", "id_words", "new_id",
           "referred_to", "retitle_new_event", "drop_unused_track"]


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[:limit - 1] + "…"


def id_words(text: str, limit: int = 40) -> str:
    """``text`` as the words of an id: lower case, runs of anything but letters, marks
    and digits as one ``-``, at most ``limit`` characters; "" when nothing is left.

    Latin letters lose their accents (``"Élysée talks"`` -> ``"elysee-talks"``);
    letters of other scripts are kept as they are (``"اجتماع في موسكو"`` ->
    ``"اجتماع-في-موسكو"``): an id may be any string (docs/format.md), and a readable
    one beats a made-up one.  Unicode NFC."""
    out: list[str] = []
    keep_marks = False  # combining marks stay with a kept non-ASCII letter
    for ch in unicodedata.normalize("NFC", text).lower():
        folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
        cat = unicodedata.category(ch)
        if folded and folded.isascii() and folded.isalnum():
            out.append(folded.lower())
            keep_marks = False
        elif cat[0] in "LN" or (cat[0] == "M" and keep_marks):
            out.append(ch)
            keep_marks = True
        else:
            out.append("-")
            keep_marks = False
    words = re.sub(r"-+", "-", "".join(out)).strip("-")
    return words[:limit].rstrip("-")


def new_id(taken: Any, text: str, prefix: str = "e") -> str:
    """A fresh id made from ``text`` (``"truss-arrives-in-moscow"``, :func:`id_words`),
    unique in ``taken`` (a container of ids, or a callable id -> bool); ``prefix`` when
    ``text`` has no letters or digits."""
    base = id_words(text) or prefix
    has = taken if callable(taken) else (lambda x: x in taken)
    candidate, k = base, 2
    while has(candidate):
        candidate, k = f"{base}-{k}", k + 1
    return candidate


def referred_to(doc: Document, event_id: str) -> bool:
    """True when something in ``doc`` names ``event_id``: a story step, or another
    event's end linked to it (``"announced end: event id ID"`` in the end's basis)."""
    if any(step.event == event_id for story in doc.timeline.stories for step in story.steps):
        return True
    for ev in doc.events:
        m = LINK.search(ev.end.basis or "") if ev.end is not None else None
        if m and m.group(1).rstrip(".") == event_id and ev.id != event_id:
            return True
    return False


def retitle_new_event(doc: Document, event: Event, new: Event, provisional: Container[str]) -> Command:
    """Give ``event`` the fields of ``new`` (an edit of its title among them).

    An event's id never changes once it is known outside the editing session, so
    this is one :class:`UpdateEvent`, except once: an event just added (its id is in
    ``provisional``, the ids the caller gave events it added and has not saved or
    copied a link to yet), given its first title, that nothing refers to
    (:func:`referred_to`), takes an id made from that title (:func:`new_id`), in one
    step (``Compound`` of remove and add at the same place, so Undo gives the old id
    back).  The new id is not provisional: later titles keep it."""
    update = UpdateEvent(event.id, new)
    title = new.title.strip()
    if event.id not in provisional or not title or title == "New event" or referred_to(doc, event.id):
        return update
    day = re.sub(r"[^0-9-]+", "-", new.start.edtf).strip("-")[:10]  # a title of no letters: the date
    fresh = new_id(lambda x: x != event.id and doc.has_event(x), title, f"event-{day}" if day else "event")
    if fresh == event.id:
        return update
    at = doc.index_of(event.id)
    return Compound(update.text, [RemoveEvent(event.id, event.title), AddEvent(replace(new, id=fresh), at)])


class Command:
    """One reversible change.  Subclasses set :attr:`text` and implement the three methods."""

    text: str = ""

    def problems(self, doc: Document) -> list[Problem]:
        """Why the command cannot be applied to ``doc`` now (empty: it can)."""
        return []

    def apply(self, doc: Document) -> None:
        raise NotImplementedError

    def revert(self, doc: Document) -> None:
        raise NotImplementedError


def _missing_event(event_id: str) -> Problem:
    return Problem("", f"there is no event {event_id!r}", location=f"event {event_id!r}")


class AddEvent(Command):
    """Add ``event`` (at file position ``index``, default last)."""

    def __init__(self, event: Event, index: int | None = None, verb: str = "Add") -> None:
        self.event, self.index = event, index
        self.text = f"{verb} '{_short(event.title)}'"

    def problems(self, doc: Document) -> list[Problem]:
        out = []
        if doc.has_event(self.event.id):
            out.append(Problem("", f"duplicate event id {self.event.id!r}: already used by another event; "
                                   "ids must be unique", location=f"event {self.event.id!r}"))
        return out + list(doc.problems(events=[self.event]))

    def apply(self, doc: Document) -> None:
        i = len(doc.events) if self.index is None else self.index
        self._at = i
        doc._insert_event(i, self.event)

    def revert(self, doc: Document) -> None:
        doc._delete_event(self._at)


class RemoveEvent(Command):
    """Remove an event.  Refused while a story step shows it."""

    def __init__(self, event_id: str, title: str = "") -> None:
        self.event_id = event_id
        self.text = f"Delete '{_short(title or event_id)}'"

    def problems(self, doc: Document) -> list[Problem]:
        if not doc.has_event(self.event_id):
            return [_missing_event(self.event_id)]
        out = []
        for story in doc.timeline.stories:
            for k, step in enumerate(story.steps):
                if step.event == self.event_id:
                    out.append(Problem("", f"step {k + 1} of story {story.title!r} shows this event: "
                                           "remove the step first", location=f"event {self.event_id!r}"))
        return out

    def apply(self, doc: Document) -> None:
        self._at = doc.index_of(self.event_id)
        self._event = doc._delete_event(self._at)

    def revert(self, doc: Document) -> None:
        doc._insert_event(self._at, self._event)


class UpdateEvent(Command):
    """Replace an event by ``new`` (same id): any field, dates, track, kind, quotes."""

    def __init__(self, event_id: str, new: Event, verb: str = "Edit") -> None:
        self.event_id, self.new = event_id, new
        self.text = f"{verb} '{_short(new.title)}'"

    def problems(self, doc: Document) -> list[Problem]:
        if not doc.has_event(self.event_id):
            return [_missing_event(self.event_id)]
        if self.new.id != self.event_id:
            return [Problem("", "an event's id cannot be changed (stories and links refer to it)",
                            location=f"event {self.event_id!r}")]
        return list(doc.problems(events=[self.new]))

    @property
    def old(self) -> Event | None:
        """The event as it was before this command was applied (None before it was)."""
        return getattr(self, "_old", None)

    def apply(self, doc: Document) -> None:
        self._at = doc.index_of(self.event_id)
        self._old = doc.events[self._at]
        doc._replace_event(self._at, self.new)

    def revert(self, doc: Document) -> None:
        doc._replace_event(self._at, self._old)


def move_event(event: Event, start: EventDate, end: EventDate | None = None) -> UpdateEvent:
    """Move an event to new dates (:class:`~viewer.model.dates.EventDate`; ``end``
    kept as it is for a point): ``"Move 'title'"``."""
    return UpdateEvent(event.id, replace(event, start=start, end=end if end is not None else event.end), "Move")


def set_date(event: Event, which: str, date: EventDate | None, edited_on: str,
             earlier: EventDate | None = None) -> UpdateEvent:
    """Give ``event`` a date typed by hand (the Edit tab): ``which`` is ``"start"`` or ``"end"``,
    ``date`` the value with the words the form holds (``None``: no end).  The source's words
    stay as support only while they still say the new value (:func:`~viewer.model.date_edit.edit_date`:
    otherwise the phrase is emptied and the basis says the date was edited by hand on
    ``edited_on``, ``YYYY-MM-DD``, quoting what the source said).  A point given an end becomes a
    span, a span without one a point.  ``"Edit 'title'"``; Undo gives back the date and its words.
    Typing back the value a note of an edit by hand names gives back the source's words; ``earlier``
    (the date before that edit, from the edit history, if known) is then given back exactly.

    Raises
    ------
    ValueError
        If ``which`` is neither ``"start"`` nor ``"end"``, or the start is None.
    """
    if which not in ("start", "end"):
        raise ValueError(f"which must be 'start' or 'end', not {which!r}")
    old = event.start if which == "start" else event.end
    if date is not None:
        date = edit_date(old, date, edited_on, earlier=earlier)
    if which == "start":
        if date is None:
            raise ValueError("an event needs a start date")
        new = replace(event, start=date)
    else:
        new = replace(event, end=date)
    if which == "end" and date is not None and event.kind == EventKind.POINT:
        new = replace(new, kind=EventKind.SPAN)  # a point given an end lasts: a span
    elif which == "end" and date is None and event.kind == EventKind.SPAN:
        new = replace(new, kind=EventKind.POINT)
    return UpdateEvent(event.id, new)


def resize_event(event: Event, start: EventDate | None = None, end: EventDate | None = None) -> UpdateEvent:
    """Change one or both ends of a span or band: ``"Resize 'title'"``."""
    return UpdateEvent(event.id, replace(event, start=start or event.start, end=end or event.end), "Resize")


def add_quote(event: Event, quote: Quote) -> UpdateEvent:
    """Add a quote to an event: ``"Add quote to 'title'"``."""
    return UpdateEvent(event.id, replace(event, quotes=(*event.quotes, quote)), "Add quote to")


def update_quote(event: Event, index: int, quote: Quote) -> UpdateEvent:
    """Replace quote ``index`` of an event."""
    quotes = list(event.quotes)
    quotes[index] = quote
    return UpdateEvent(event.id, replace(event, quotes=tuple(quotes)), "Edit quote of")


def remove_quote(event: Event, index: int) -> UpdateEvent:
    """Remove quote ``index`` of an event."""
    quotes = list(event.quotes)
    del quotes[index]
    return UpdateEvent(event.id, replace(event, quotes=tuple(quotes)), "Remove quote from")


class _MetaCommand(Command):
    """Replaces timeline fields; reverting puts the old values back."""

    fields: dict[str, Any]

    def apply(self, doc: Document) -> None:
        self._old = {name: doc._meta[name] for name in self.fields}
        doc._set_meta(**self.fields)

    def revert(self, doc: Document) -> None:
        doc._set_meta(**self._old)


class AddSource(_MetaCommand):
    def __init__(self, source: Source) -> None:
        self.source = source
        self.text = f"Add source '{_short(source.outlet or source.id)}'"

    def problems(self, doc: Document) -> list[Problem]:
        self.fields = {"sources": (*doc.timeline.sources, self.source)}
        return list(doc.problems(sources=self.fields["sources"]))


class UpdateSource(_MetaCommand):
    def __init__(self, source_id: str, new: Source) -> None:
        self.source_id, self.new = source_id, new
        self.text = f"Edit source '{_short(new.outlet or new.id)}'"

    def problems(self, doc: Document) -> list[Problem]:
        if self.new.id != self.source_id:
            return [Problem("", "a source's id cannot be changed", location=f"source {self.source_id!r}")]
        if self.source_id not in doc.timeline.source_index:
            return [Problem("", f"there is no source {self.source_id!r}")]
        self.fields = {"sources": tuple(self.new if s.id == self.source_id else s for s in doc.timeline.sources)}
        return list(doc.problems(sources=self.fields["sources"]))


class RemoveSource(_MetaCommand):
    """Remove a source; refused while an event, quote or other source cites it."""

    def __init__(self, source_id: str) -> None:
        self.source_id = source_id
        self.text = f"Delete source '{source_id}'"

    def problems(self, doc: Document) -> list[Problem]:
        tl = doc.timeline
        if self.source_id not in tl.source_index:
            return [Problem("", f"there is no source {self.source_id!r}")]
        out = []
        for i in doc.events_citing(self.source_id)[:5]:
            out.append(Problem("", f"event {doc.events[i].id!r} cites this source: remove the citation first",
                               location=f"source {self.source_id!r}"))
        for s in tl.sources:
            if s.via == self.source_id:
                out.append(Problem("", f"source {s.id!r} is relayed via this source", location=f"source {s.id!r}"))
        self.fields = {"sources": tuple(s for s in tl.sources if s.id != self.source_id)}
        return out


class AddTrack(_MetaCommand):
    """Add a track below the others (or at its ``order``)."""

    def __init__(self, track: Track) -> None:
        self.track = track
        self.text = f"Add track '{_short(track.label)}'"

    def problems(self, doc: Document) -> list[Problem]:
        tracks = doc.timeline.tracks
        if any(t.id == self.track.id for t in tracks):
            return [Problem("", f"duplicate track id {self.track.id!r}: ids must be unique",
                            location=f"track {self.track.id!r}")]
        self.fields = {"tracks": (*tracks, self.track)}
        return list(doc.problems(tracks=self.fields["tracks"]))


class UpdateTrack(_MetaCommand):
    """Rename or recolour a track (its id stays)."""

    def __init__(self, track_id: str, new: Track, verb: str = "Edit track") -> None:
        self.track_id, self.new = track_id, new
        self.text = f"{verb} '{_short(new.label)}'"

    def problems(self, doc: Document) -> list[Problem]:
        if self.new.id != self.track_id:
            return [Problem("", "a track's id cannot be changed", location=f"track {self.track_id!r}")]
        if self.track_id not in doc.timeline.track_index:
            return [Problem("", f"there is no track {self.track_id!r}")]
        self.fields = {"tracks": tuple(self.new if t.id == self.track_id else t for t in doc.timeline.tracks)}
        return list(doc.problems(tracks=self.fields["tracks"]))


class ReorderTracks(_MetaCommand):
    """Put the tracks in the order of ``track_ids`` (top to bottom)."""

    def __init__(self, track_ids: Sequence[str], text: str = "Reorder tracks") -> None:
        self.track_ids = list(track_ids)
        self.text = text

    def problems(self, doc: Document) -> list[Problem]:
        tracks = {t.id: t for t in doc.timeline.tracks}
        if sorted(self.track_ids) != sorted(tracks):
            return [Problem("", "the new order must list every track once")]
        self.fields = {"tracks": tuple(replace(tracks[tid], order=k) for k, tid in enumerate(self.track_ids))}
        return []


class _DropTrack(_MetaCommand):
    def __init__(self, track_id: str) -> None:
        self.track_id = track_id
        self.text = f"Delete track '{track_id}'"

    def problems(self, doc: Document) -> list[Problem]:
        tl = doc.timeline
        if self.track_id not in tl.track_index:
            return [Problem("", f"there is no track {self.track_id!r}")]
        left = doc.events_on_track(self.track_id)
        if left:
            return [Problem("", f"{len(left)} events are still on this track", location=f"track {self.track_id!r}")]
        for story in tl.stories:
            for k, step in enumerate(story.steps):
                if self.track_id in (step.tracks or ()):
                    return [Problem("", f"step {k + 1} of story {story.title!r} shows this track",
                                    location=f"track {self.track_id!r}")]
        self.fields = {"tracks": tuple(t for t in tl.tracks if t.id != self.track_id)}
        return []


class Compound(Command):
    """Several commands as one (one Undo).  Each is checked just before it is
    applied; if one is refused, those already applied are reverted."""

    def __init__(self, text: str, commands: Sequence[Command]) -> None:
        self.text, self.commands = text, list(commands)
        self._problems: list[Problem] = []

    def apply(self, doc: Document) -> None:
        done: list[Command] = []
        for cmd in self.commands:
            problems = cmd.problems(doc)
            if problems:
                for d in reversed(done):
                    d.revert(doc)
                if any(isinstance(d, _MetaCommand) for d in done):
                    doc.timeline = doc._make()
                from .editing import EditError

                raise EditError(problems)
            cmd.apply(doc)
            done.append(cmd)
            if isinstance(cmd, _MetaCommand) and cmd is not self.commands[-1]:
                # the next command is checked against the timeline with this one applied
                # (a source added, then an event citing it)
                doc.timeline = doc._make()

    def revert(self, doc: Document) -> None:
        for cmd in reversed(self.commands):
            cmd.revert(doc)


def edited_event_ids(command: Command) -> frozenset[str] | None:
    """The ids of the events ``command`` adds, removes or changes, when that is
    all it does (tracks, sources, stories and the timeline's own fields stay);
    None when it changes anything else.  Views use it to update in place."""
    if isinstance(command, AddEvent):
        return frozenset((command.event.id,))
    if isinstance(command, RemoveEvent):
        return frozenset((command.event_id,))
    if isinstance(command, UpdateEvent):
        return frozenset((command.event_id,))
    if isinstance(command, Compound):
        ids: set[str] = set()
        for part in command.commands:
            found = edited_event_ids(part)
            if found is None:
                return None
            ids |= found
        return frozenset(ids)
    return None


def renamed_event(command: Command) -> tuple[str, str] | None:
    """``(old id, new id)`` when ``command`` gives one event another id (the remove and add of
    :func:`retitle_new_event`), else None: Undo and Redo keep such an event selected."""
    if isinstance(command, Compound) and len(command.commands) == 2:
        remove, add = command.commands
        if isinstance(remove, RemoveEvent) and isinstance(add, AddEvent) and remove.event_id != add.event.id:
            return remove.event_id, add.event.id
    return None


def drop_unused_track(doc: Document, track_id: str) -> Command | None:
    """File > New's default track dropped on save when it was never used: no
    event on it, another track there, no story step showing it.  None: it stays."""
    tl = doc.timeline
    if track_id not in tl.track_index or len(tl.tracks) < 2:
        return None
    drop = _DropTrack(track_id)
    if drop.problems(doc):
        return None
    label = tl.tracks[tl.track_index[track_id]].label
    return Compound(f"Drop the unused track '{_short(label)}'", [drop])


def remove_track(doc: Document, track_id: str, move_to: str | None = None) -> Compound:
    """Delete a track.  Its events move to track ``move_to``, or, when None,
    are deleted with it (the command's text says which and how many)."""
    label = doc.timeline.tracks[doc.timeline.track_index[track_id]].label
    indices = doc.events_on_track(track_id)
    events = [doc.events[i] for i in indices]
    count = f"{len(events)} event{'s' if len(events) != 1 else ''}"
    if move_to is not None:
        cmds: list[Command] = [UpdateEvent(e.id, replace(e, track=move_to), "Move") for e in events]
        what = f"{count} moved to '{move_to}'" if events else "no events"
    else:
        cmds = [RemoveEvent(e.id, e.title) for e in events]
        what = f"{count} deleted" if events else "no events"
    return Compound(f"Delete track '{_short(label)}' ({what})", [*cmds, _DropTrack(track_id)])


class SetStories(_MetaCommand):
    """Replace the timeline's stories (every event and track a step names must exist)."""

    def __init__(self, stories: Sequence[Story], text: str = "Edit story", merge_key: str | None = None) -> None:
        self.fields = {"stories": tuple(stories)}
        self.text = text
        self.merge_key = merge_key  # typing a note: one Undo for the run of changes with the same key

    def merge(self, later: SetStories) -> None:
        """Take on ``later``'s stories (both applied, this one first): reverting
        this one then gives back the stories from before both."""
        self.fields = later.fields

    def problems(self, doc: Document) -> list[Problem]:
        out = []
        tracks = doc.timeline.track_index
        for story in self.fields["stories"]:
            for k, step in enumerate(story.steps):
                where = f"story {story.title!r}, step {k + 1}"
                if not doc.has_event(step.event):
                    out.append(Problem("", f"unknown event {step.event!r}", location=where))
                for tid in step.tracks or ():
                    if tid not in tracks:
                        out.append(Problem("", f"unknown track {tid!r}", location=where))
        return out


def add_story_step(timeline: Timeline, story_index: int, step: StoryStep, at: int | None = None) -> SetStories:
    """Insert ``step`` into story ``story_index`` (at position ``at``, default last)."""
    stories = list(timeline.stories)
    steps = list(stories[story_index].steps)
    steps.insert(len(steps) if at is None else at, step)
    stories[story_index] = replace(stories[story_index], steps=tuple(steps))
    return SetStories(stories, "Add story step")


def remove_story_step(timeline: Timeline, story_index: int, at: int) -> SetStories:
    """Remove step ``at`` of story ``story_index``."""
    stories = list(timeline.stories)
    steps = list(stories[story_index].steps)
    del steps[at]
    stories[story_index] = replace(stories[story_index], steps=tuple(steps))
    return SetStories(stories, "Remove story step")


class UpdateTimeline(_MetaCommand):
    """Change the timeline's title, description, reference date or home range."""

    _ALLOWED = ("title", "description", "reference_date", "home_start", "home_end", "time_zone")

    def __init__(self, **fields: Any) -> None:
        unknown = set(fields) - set(self._ALLOWED)
        if unknown:
            raise TypeError(f"UpdateTimeline: unknown fields {sorted(unknown)}")
        self.fields = fields
        self.text = "Edit timeline " + ", ".join(f.replace("_", " ") for f in fields)

    def problems(self, doc: Document) -> list[Problem]:
        if "title" in self.fields and not str(self.fields["title"]).strip():
            return [Problem("", "a timeline needs a title", location="title")]
        return []
