"""The Edit tab beside the detail pane: a form for the selected event.

Each field is committed on its own when editing finishes (Enter, or the
focus leaves it) as one undoable command (``"Edit 'title'"``).  A value the
rules refuse (a date that is not EDTF, an end before the start, an unknown
track...) is shown in red under that field, with the reader's message, and is
not applied: the other fields are not blocked.  Under each date a live
reading says what the EDTF value means ("on or before Thu 10 Feb 2022").

Data text is shown in plain-text widgets (``QLineEdit``, ``QPlainTextEdit``,
labels with ``Qt.PlainText``), never as rich text.  The fields themselves
(input, error label, commit on finish) are :mod:`viewer.ui.form_field`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..io.native_checks import date_hint
from ..model import commands as C
from ..model.date_edit import hand_edit_from
from ..model.dates import EventDate
from ..model.errors import DateError, Problem
from ..model.grading import CREDIBILITY, RELIABILITY
from ..model.name_lists import names_from_text, names_text
from ..model.planned_end import typed_date_note
from ..model.timeline import Event, EventKind, Quote, QuoteKind, Source, SourceKind
from ..model.zones import describe_as_entered
from .detail_pane import QUOTES_PAGE
from .form_field import (
    ERROR_STYLE,
    FormField,
    add_field_row,
    combo_box,
    error_style,
    line_edit,
    muted_style,
    plain_label,
    text_edit,
)

__all__ = ["EventForm", "install", "parse_list", "LIST_HINT"]

#: Under Tags and Actors: how the line is split (a comma is part of a name such as "Smith, John").
LIST_HINT = "(tags and actors: ';' between names; a comma stays in a name)"

_CREDIBILITY_ITEMS = [("not graded", "")] + [(f"{k} {v}", k) for k, v in CREDIBILITY.items()]
_RELIABILITY_ITEMS = [("not graded", "")] + [(f"{k} {v}", k) for k, v in RELIABILITY.items()]
_NAIVE_TIME = re.compile(r"T\d\d(:\d\d){0,2}(\.\d+)?[?~%]?\]?$")


EMPTY_TEXT = "Select an event to edit it, or double-click the timeline to add one."
NEW_QUOTE_ROW = "(new quote: type its words below)"
QUOTE_KIND_ITEMS = [("reported speech (not the exact words)", "reported"),
                    ("direct quotation (the exact words)", "direct")]
"""A quote the user adds starts as reported speech: a direct quotation claims the
speaker's verbatim words, which the user says by choosing it."""


UNNAMED_SOURCE = "(source not named yet: type its outlet)"


def _source_label(source: Source) -> str:
    return source.name if source.outlet or source.title else UNNAMED_SOURCE


def _muted(label: QLabel) -> QLabel:
    label.setStyleSheet(muted_style(label))
    return label


def _fit_width(form: QFormLayout) -> None:
    """Labels above their fields when the tab is narrow; long labels wrap (no sideways scrolling)."""
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)


def _today() -> str:
    """The day of an edit (UTC, ``YYYY-MM-DD``), for the note of a date edited by hand."""
    import time

    return time.strftime("%Y-%m-%d", time.gmtime())


def parse_list(text: str) -> tuple[str, ...]:
    """``"NATO; Smith, John"`` -> ``("NATO", "Smith, John")``: ``;`` separates, a comma stays in a name
    (:func:`viewer.model.name_lists.names_from_text`)."""
    return names_from_text(text)


class EventForm(QScrollArea):
    """The form for the selected event (see the module docstring).

    Parameters
    ----------
    window : MainWindow
        Gives ``state`` (the selection) and ``authoring`` (where commands go).
    """

    def __init__(self, window) -> None:
        super().__init__()
        self.main = window
        self.authoring = window.authoring
        self.event_id: str | None = None
        # (id, what is said above the empty state): an event deleted, or hidden by the filters after an edit
        self._gone = ("", "")
        # date fields typed in since their last commit: their text is the user's, kept on a refresh
        self._typed: set[str] = set()
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fields follow the width
        body = QWidget()
        self.setWidget(body)
        outer = QVBoxLayout(body)
        self.heading = plain_label(EMPTY_TEXT)
        outer.addWidget(self.heading)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add event")
        self.add_button.clicked.connect(self.add_event)
        self.delete_button = QPushButton("Delete event")
        self.delete_button.clicked.connect(self.delete_event)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.general = plain_label()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.hide()
        outer.addWidget(self.general)

        self.fields: dict[str, FormField] = {}
        self.readings: dict[str, QLabel] = {}
        event_box = QGroupBox("Event")
        form = QFormLayout(event_box)
        self._line(form, "title", "Title")
        self._combo(form, "track", "Track", [])
        self._combo(form, "kind", "Kind", [(k.value, k.value) for k in EventKind])
        for which in ("start", "end"):
            self._line(form, which, f"{which.capitalize()} (EDTF)")
            reading = plain_label()
            self.readings[which] = reading
            form.addRow("", reading)
            self.fields[which].widget.textChanged.connect(lambda _t, w=which: self._read_date(w))
            self.fields[which].widget.textEdited.connect(lambda _t, w=which: self._typing(w))
            self._line(form, f"{which}_phrase", "  as written")
            self._line(form, f"{which}_basis", "  basis")
        self._text(form, "summary", "Summary")
        self._line(form, "tags", "Tags")
        self._line(form, "actors", "Actors")
        for name in ("tags", "actors"):
            self.fields[name].widget.setPlaceholderText("one; another")
        form.addRow("", _muted(plain_label(LIST_HINT)))
        self._line(form, "location", "Place")
        self._combo(form, "credibility", "Credibility", _CREDIBILITY_ITEMS)
        planned = QCheckBox("Planned or expected")
        planned.setToolTip("The source describes it as not yet happened")
        self._add(form, "planned", "Status", planned, None)
        form.addRow("", _muted(plain_label("(the source describes it as not yet happened)")))
        outer.addWidget(event_box)

        quote_box = QGroupBox("Quotes")
        qlayout = QVBoxLayout(quote_box)
        self.quote_list = QListWidget()
        self.quote_list.setAccessibleName("Quotes")
        self.quote_list.setMaximumHeight(110)
        self.quote_list.currentRowChanged.connect(lambda _r: self._fill_quote())
        qlayout.addWidget(self.quote_list)
        qbuttons = QHBoxLayout()
        add_q = QPushButton("Add quote")
        add_q.clicked.connect(self.add_quote)
        del_q = QPushButton("Remove quote")
        del_q.clicked.connect(self.remove_quote)
        qbuttons.addWidget(add_q)
        qbuttons.addWidget(del_q)
        qbuttons.addStretch(1)
        qlayout.addLayout(qbuttons)
        qform = QFormLayout()
        self._text(qform, "q_text", "Text", commit=self.commit_quote)
        self.fields["q_text"].widget.setPlaceholderText("The words as the source gives them")
        self._line(qform, "q_speaker", "Speaker", commit=self.commit_quote)
        self._line(qform, "q_role", "Role", commit=self.commit_quote)
        self._combo(qform, "q_kind", "Kind", QUOTE_KIND_ITEMS, commit=self.commit_quote)
        self._combo(qform, "q_source", "Source", [], commit=self.commit_quote)
        self.q_source_note = _muted(plain_label())
        qform.addRow("", self.q_source_note)
        self._line(qform, "q_attribution", "Attribution", commit=self.commit_quote)
        self._combo(qform, "q_credibility", "Credibility", _CREDIBILITY_ITEMS, commit=self.commit_quote)
        qlayout.addLayout(qform)
        outer.addWidget(quote_box)

        source_box = QGroupBox("Sources cited")
        slayout = QVBoxLayout(source_box)
        self.source_list = QListWidget()
        self.source_list.setAccessibleName("Sources cited")
        self.source_list.setMaximumHeight(90)
        self.source_list.currentRowChanged.connect(lambda _r: self._fill_source())
        slayout.addWidget(self.source_list)
        add_s = QPushButton("Add source")
        add_s.clicked.connect(self.add_source)
        slayout.addWidget(add_s)
        sform = QFormLayout()
        self._combo(sform, "s_kind", "Kind", [(k.label, k.value) for k in SourceKind], commit=self.commit_source)
        self._line(sform, "s_outlet", "Outlet", commit=self.commit_source)
        self.fields["s_outlet"].widget.setPlaceholderText("Who published or said it (a newspaper, a ministry…)")
        self._line(sform, "s_title", "Title", commit=self.commit_source)
        self._line(sform, "s_url", "URL", commit=self.commit_source)
        self._line(sform, "s_published", "Published (EDTF)", commit=self.commit_source)
        self._combo(sform, "s_via", "Relayed via", [], commit=self.commit_source)
        self._line(sform, "s_attribution", "Attribution", commit=self.commit_source)
        self._combo(sform, "s_reliability", "Reliability", _RELIABILITY_ITEMS, commit=self.commit_source)
        slayout.addLayout(sform)
        outer.addWidget(source_box)
        outer.addStretch(1)
        self.sections = (event_box, quote_box, source_box)
        for f in (form, qform, sform):
            _fit_width(f)
        for field in self.fields.values():
            if isinstance(field.widget, QComboBox):  # a long source name does not widen the form
                field.widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                field.widget.setMinimumContentsLength(8)

        window.state.subscribe(self._on_state)
        self.authoring.sigEdited.connect(lambda _t: self.refresh())
        window.sigTimelineChanged.connect(lambda _t: self.refresh())
        window.sigTimelineEdited.connect(lambda _t, _ids: self.refresh())
        self.refresh()

    # -- building --------------------------------------------------------
    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget, commit: Any) -> FormField:
        field = add_field_row(form, label, widget)
        field.sigCommit.connect(commit or (lambda n=name: self.commit_event_field(n)))
        self.fields[name] = field
        return field

    def _line(self, form, name, label, commit=None) -> FormField:
        return self._add(form, name, label, line_edit(), commit)

    def _text(self, form, name, label, commit=None) -> FormField:
        return self._add(form, name, label, text_edit(), commit)

    def _combo(self, form, name, label, items, commit=None) -> FormField:
        return self._add(form, name, label, combo_box(items), commit)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Colours follow View > Colours (light / dark desk)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for f in self.fields.values():
                f.error.setStyleSheet(error_style(self))  # (the children get the new palette after us)
            self.general.setStyleSheet(error_style(self))
            for which in self.readings:
                self._read_date(which)

    # -- reading the model ---------------------------------------------------
    @property
    def timeline(self):
        return self.authoring.timeline

    def current_event(self) -> Event | None:
        if self.event_id is None or not self.timeline.has_event(self.event_id):
            return None
        return self.timeline.event(self.event_id)

    def _on_state(self, _state, changed: set[str]) -> None:
        if "selected" in changed or ("filters" in changed and self.event_id is None and self._gone[0]):
            self.refresh()

    def _shown(self, eid: str) -> bool:
        shown = getattr(self.main, "shown", None)
        return shown is None or shown.timeline.has_event(eid)

    def refresh(self) -> None:
        """Fill the form from the selected event.  A field whose value was
        refused keeps the user's text and its message while the same event
        stays selected (another field's change does not wipe them)."""
        same = self.event_id == self.main.state.selected
        before = self.event_id
        if self.main.state.selected is None and before is not None and self.timeline.has_event(before) \
                and not self._shown(before):  # (an edit or a filter put it out of the shown events)
            self._gone = (before, f"“{self.timeline.event(before).title}” is hidden by the filters now "
                                  "(the Filters tab says which); it is still in the file.")
        self.event_id = self.main.state.selected
        ev = self.current_event()
        for box in self.sections:  # nothing selected: only the empty state, no stale fields
            box.setVisible(ev is not None)
        self.delete_button.setVisible(ev is not None)
        if not same:
            self._pending_quote = False
            self._typed.clear()
        # (only while its text is still not the value it was given: typing undone with Ctrl+Z back to
        # that value is nothing to keep, and the field shows the event's value after an Undo / Redo)
        kept = {name for name, f in self.fields.items()
                if same and (not f.error.isHidden() or name in self._typed)
                and (f.typed() or not isinstance(f.widget, (QLineEdit, QPlainTextEdit)))}
        for name, f in self.fields.items():
            if name not in kept:
                f.show_error("")
        self.general.hide()
        self.general.setStyleSheet(error_style(self.general))
        self._fill_choices()
        if ev is None:
            gone_id, said = self._gone
            deleted = said.startswith("Deleted")
            if gone_id and (self.timeline.has_event(gone_id) if deleted  # back (Edit > Undo)
                            else not self.timeline.has_event(gone_id) or self._shown(gone_id)):
                self._gone = ("", "")
                said = ""
            self.heading.setText(f"{said}\n{EMPTY_TEXT}" if said else EMPTY_TEXT)
            return
        self._gone = ("", "")
        self.heading.setText(f"Editing {ev.title}")
        values = {
            "title": ev.title, "track": ev.track, "kind": ev.kind.value,
            "start": ev.start.edtf, "start_phrase": ev.start.phrase, "start_basis": ev.start.basis,
            "end": ev.end.edtf if ev.end else "", "end_phrase": ev.end.phrase if ev.end else "",
            "end_basis": ev.end.basis if ev.end else "", "summary": ev.summary, "tags": names_text(ev.tags),
            "actors": names_text(ev.actors), "location": ev.location, "credibility": ev.credibility,
            "planned": "true" if ev.planned else "",
        }
        for name, value in values.items():
            if name not in kept:
                self.fields[name].set_text(value)
            else:
                self.fields[name].rebase(value)
        for which in ("start", "end"):
            self._read_date(which)
        row = min(max(self.quote_list.currentRow(), 0), len(ev.quotes) - (0 if self._pending_quote else 1))
        self._list_quotes(ev, max(QUOTES_PAGE, row + 1))
        self.quote_list.setCurrentRow(row)
        self._fill_quote()
        row = self.source_list.currentRow()
        self.source_list.blockSignals(True)
        self.source_list.clear()
        for sid in ev.sources:
            src = self.timeline.source_index.get(sid)
            self.source_list.addItem(_source_label(src) if src else sid)
        self.source_list.blockSignals(False)
        self.source_list.setCurrentRow(min(max(row, 0), len(ev.sources) - 1))
        self._fill_source()

    def _fill_choices(self) -> None:
        tl = self.timeline
        track = self.fields["track"].widget
        track.blockSignals(True)
        track.clear()
        track.addItem("(none: a band)", "")
        for t in tl.tracks:
            track.addItem(t.label, t.id)
        track.blockSignals(False)
        for name in ("q_source", "s_via"):
            combo = self.fields[name].widget
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("(none)", "")
            for s in tl.sources:
                combo.addItem(_source_label(s), s.id)
            combo.blockSignals(False)

    def _typing(self, which: str) -> None:
        """The user types in a date field: a refusal of the text it had no longer applies (the
        live reading says what the new text means, or why it is not a date)."""
        self._typed.add(which)
        self.fields[which].show_error("")
        self._read_date(which)

    def _read_date(self, which: str) -> None:
        """The live reading under a date field.  When the field's text was refused (its error
        is shown under it), the reading does not say it again: one error, shown once."""
        text = self.fields[which].text().strip()
        label = self.readings[which]
        if not text:
            label.setText("no end (a point)" if which == "end" else "")
            return
        refused = not self.fields[which].error.isHidden()
        try:
            # read in the zone the value will be stored with (a time without an offset: the event's)
            date = EventDate(text, time_zone=self._zone_for(which, text))
            reading = describe_as_entered(date)
            note, act = self._plan_note(which, date)
            label.setText(f"{reading}\n{note}" if note else reading)
            label.setStyleSheet(error_style(self) if act else muted_style(self))
        except (DateError, ValueError) as exc:
            label.setText("" if refused else f"not a date: {exc}")
            label.setStyleSheet(error_style(self))
        except Exception:  # noqa: BLE001 - the edtf package raises assorted errors on partial input
            label.setText("" if refused else "not a date yet")
            label.setStyleSheet(error_style(self))

    def _plan_note(self, which: str, date: EventDate) -> tuple[str, bool]:
        """Beside a date after the source's date (or, without one, after today): whether it is
        drawn as planned, or a question to tick "Planned or expected" (never drawn as fact
        unsaid; :func:`~viewer.model.planned_end.typed_date_note`)."""
        import time

        ev = self.current_event()
        if ev is None:
            return "", False
        start = None
        if which == "end":
            try:
                start = EventDate(self.fields["start"].text().strip()) if self.fields["start"].text().strip() \
                    else ev.start
            except Exception:  # noqa: BLE001 - a start being typed: the stored one
                start = ev.start
        return typed_date_note(self.timeline, date, is_end=which == "end", start=start, planned=ev.planned,
                               now_s=time.time())

    # -- committing ------------------------------------------------------------
    def _date(self, which: str, ev: Event) -> EventDate | None:
        text = self.fields[which].text().strip()
        if not text:
            return None
        try:
            return EventDate(text, self.fields[f"{which}_phrase"].text().strip(),
                             self.fields[f"{which}_basis"].text().strip(), time_zone=self._zone_for(which, text))
        except DateError as exc:  # what to write instead, as validate says it (03/04/2022: order never guessed)
            raise DateError(f"{exc}{date_hint(text)}") from None

    def _date_with_words(self, which: str, ev: Event) -> EventDate | None:
        """The date with the "as written" and "basis" fields' words.  While the date field holds a
        text that is not a date (or was refused: its error under it), the words go with the date as
        stored: they are not blocked by it, and its error is not repeated under them."""
        if self.fields[which].error.isHidden():
            try:
                return self._date(which, ev)
            except (DateError, ValueError):
                pass  # not committed yet: the date field's own commit says why it is refused
        stored = ev.start if which == "start" else ev.end
        if stored is None:
            return None
        return replace(stored, phrase=self.fields[f"{which}_phrase"].text().strip(),
                       basis=self.fields[f"{which}_basis"].text().strip())

    def _zone_for(self, which: str, text: str) -> str | None:
        """The zone a date typed in ``which`` is stored with: the event's date's own zone, else
        the timeline's for a time of day without an offset (the reading uses the same)."""
        ev = self.current_event()
        old = None if ev is None else (ev.start if which == "start" else ev.end)
        if old is not None and old.time_zone:
            return old.time_zone
        return self.timeline.time_zone if _NAIVE_TIME.search(text) else None

    def commit_event_field(self, name: str) -> list[Problem]:
        """Apply one field of the event form (one undoable command); errors go under the field."""
        ev = self.current_event()
        field = self.fields[name]
        if ev is None:
            return []
        field.show_error("")
        self._typed.discard(name)
        text = field.text()
        try:
            if name in ("start", "start_phrase", "start_basis", "end", "end_phrase", "end_basis"):
                which = name.split("_")[0]
                date = self._date(which, ev) if name == which else self._date_with_words(which, ev)
                if which == "start" and date is None:
                    raise DateError("an event needs a start date")
                # a new value the source's words no longer give: they stop being its support
                # (moved into a note "Edited by hand on ...; the source said ..."; Undo restores them)
                # typed back to the value the note of an edit by hand names: the source's words
                # come back (as they were, when this session's history still has them)
                stored = ev.start if which == "start" else ev.end
                origin = hand_edit_from(stored)
                earlier = None if origin is None or date is None or date.edtf != origin \
                    else self.authoring.date_before_hand_edit(ev.id, which, origin)
                new = C.set_date(ev, which, date, _today(), earlier).new
            elif name == "kind":
                kind = EventKind(text)
                end = None if kind == EventKind.POINT else (ev.end or EventDate(".."))  # '..': end not stated
                new = replace(ev, kind=kind, end=end)
            elif name in ("tags", "actors"):
                # ';' between names, a comma stays in one ("Smith, John"); a line left as it was
                # keeps the stored names exactly
                new = replace(ev, **{name: names_from_text(text, getattr(ev, name))})  # type: ignore[arg-type]
            elif name == "title":
                new = replace(ev, title=text.strip())
            elif name == "planned":
                new = replace(ev, planned=bool(text))
            else:
                new = replace(ev, **{name: text.strip() if name != "summary" else text})  # type: ignore[arg-type]
        except (DateError, ValueError) as exc:
            field.show_error(str(exc))
            if name in self.readings:
                self._read_date(name)  # the reading does not repeat it
            return [Problem("", str(exc), location=name)]
        if name in self.readings:  # accepted: no refusal of this date is left on screen
            for words in (f"{name}_phrase", f"{name}_basis"):
                self.fields[words].show_error("")
        if new == ev:
            return []
        verb = "Edit"
        if name == "planned":
            verb = "Mark planned" if new.planned else "Mark not planned"
        command: C.Command = C.UpdateEvent(ev.id, new, verb)
        if name == "title":  # an event added here takes its id from its first title, once
            command = C.retitle_new_event(self.authoring.doc(), ev, new, self.authoring.provisional_ids)
        was_selected = self.main.state.selected == ev.id
        had_focus = field.widget.hasFocus()  # (a new id: the form is empty for a moment, the focus leaves)
        problems = self.authoring.push(command)
        self._show_problems(problems, field)
        if not problems and isinstance(command, C.Compound):  # the id is made: no later title changes it
            self.authoring.provisional_ids.discard(command.commands[-1].event.id)  # type: ignore[attr-defined]
        if not problems and isinstance(command, C.Compound) and was_selected:
            self.main.state.selected = command.commands[-1].event.id  # type: ignore[attr-defined]
            if had_focus and field.widget.isVisible() and not field.widget.hasFocus():
                field.widget.setFocus()  # the title typed into keeps the keyboard (was: the search field had it)
        if (new.start, new.end) != (ev.start, ev.end) and self._shown(ev.id):
            view = getattr(self.main, "view", None)
            if view is not None and self.main.state.selected == ev.id:
                view.follow_edit(ev.id)  # the event moved: the view follows it
        return problems

    def _show_problems(self, problems: list[Problem], field: FormField) -> None:
        """Each problem under the field it names, else under the one being edited."""
        for p in problems:
            head = p.location.split(" ")[0].split(".")[0].split("[")[0]
            target = self.fields.get(head, field) if head in ("start", "end", "track", "title", "kind") else field
            msg = p.message if target.error.isHidden() else target.error.text() + "\n" + p.message
            target.show_error(msg)

    def add_event(self) -> list[Problem]:
        """Add an event, dated to the day in the middle of the view, and select it.

        It goes on the track just added (Edit > Add track…), else on the selected
        event's track, else on the track added last, else on the first
        (:meth:`~viewer.ui.track_edit.TrackEditing.track_for_new_event`)."""
        import math
        import time

        tl = self.timeline
        if not tl.tracks:
            self.general.setText("Add a track first (Edit > Add track).")
            self.general.show()
            return []
        tracks = getattr(self.main, "track_edit", None)
        ev = self.current_event()
        if tracks is not None:
            track = tracks.track_for_new_event() or tl.tracks[0].id
        else:
            track = ev.track if ev is not None and ev.track else tl.tracks[0].id
        a, b = self.main.state.x_range
        mid = tl.columns.origin_epoch_s + (a + b) / 2
        day = time.strftime("%Y-%m-%d", time.gmtime(mid if math.isfinite(mid) else 0))
        new = Event(C.new_id(tl.has_event, "new event"), "New event", EventDate(day), track=track)
        problems = self.authoring.push(C.AddEvent(new))
        if not problems:
            self.authoring.provisional_ids.add(new.id)
            self.main.state.selected = new.id
            self.fields["title"].widget.setFocus()
            self.fields["title"].widget.selectAll()
        return problems

    def delete_event(self) -> list[Problem]:
        ev = self.current_event()
        if ev is None:
            return []
        problems = self.authoring.push(C.RemoveEvent(ev.id, ev.title))
        if problems:
            self.general.setText("\n".join(p.message for p in problems))
            self.general.show()
        else:
            # nothing selected, the form empty: the next keystrokes cannot land in another event
            self._gone = (ev.id, f"Deleted “{ev.title}” (Edit > Undo brings it back).")
            self.main.state.selected = None
            self.refresh()
        return problems

    # quotes
    def _list_quotes(self, ev: Event, upto: int) -> None:
        """List the first ``upto`` quotes of ``ev`` (row k = quote k) and, when
        there are more, a last row "Show N more" (an event may have 100,000)."""
        shown = ev.quotes[:upto]
        self.quote_list.blockSignals(True)
        self.quote_list.clear()
        self.quote_list.addItems([("“" + q.text + "”") if q.kind == QuoteKind.DIRECT else q.text for q in shown])
        rest = len(ev.quotes) - len(shown)
        if rest > 0:
            self.quote_list.addItem(f"Show {min(rest, QUOTES_PAGE):,} more of {rest:,}…")
        elif self._pending_quote:
            self.quote_list.addItem(NEW_QUOTE_ROW)
        self.quote_list.blockSignals(False)
        self._quotes_listed = len(shown)

    _quotes_listed = 0  # quotes in the list (the row after them may be "Show more")
    _pending_quote = False  # "Add quote" pressed: the last row is a quote not yet added (no text yet)

    def _fill_quote(self) -> None:
        ev = self.current_event()
        k = self.quote_list.currentRow()
        if ev is not None and k == self._quotes_listed < len(ev.quotes):  # "Show more": the next page
            self._list_quotes(ev, k + QUOTES_PAGE)
            self.quote_list.setCurrentRow(k)
            return  # setCurrentRow filled the fields of quote k
        q = ev.quotes[k] if ev is not None and 0 <= k < len(ev.quotes) else None
        pending = ev is not None and self._pending_quote and k == len(ev.quotes) == self._quotes_listed
        if pending and self.fields["q_text"].widget.hasFocus():
            return  # being typed
        default_source = ev.sources[0] if pending and ev is not None and ev.sources else ""
        values = {"q_text": q.text if q else "", "q_speaker": q.speaker if q else "",
                  "q_role": q.speaker_role if q else "", "q_kind": q.kind.value if q else QuoteKind.REPORTED.value,
                  "q_source": q.source if q else default_source, "q_attribution": q.attribution if q else "",
                  "q_credibility": q.credibility if q else ""}
        for name, value in values.items():
            if not (pending and name != "q_text" and self._pending_values):
                self.fields[name].set_text(value)
            self.fields[name].widget.setEnabled(q is not None or pending)
        self._note_source()

    _pending_values = False

    def _note_source(self) -> None:
        """Under the quote's Source: say so when the quote is not tied to a source (not a refusal)."""
        note = self.q_source_note
        enabled = self.fields["q_source"].widget.isEnabled()
        none = enabled and not self.fields["q_source"].text()
        note.setText("No source: this quote is not tied to any source. Choose one (Add source below)"
                     " so readers can check it." if none else "")
        note.setVisible(none)

    def add_quote(self) -> list[Problem]:
        ev = self.current_event()
        if ev is None:
            return []
        # nothing is added until the quote has its words: the last row stands for it
        self._pending_quote, self._pending_values = True, False
        self._list_quotes(ev, len(ev.quotes))
        self.quote_list.setCurrentRow(len(ev.quotes))
        self.fields["q_text"].show_error("")
        self.fields["q_text"].widget.setFocus()
        return []

    def remove_quote(self) -> list[Problem]:
        ev = self.current_event()
        k = self.quote_list.currentRow()
        if ev is None or not 0 <= k < len(ev.quotes):
            return []
        return self.authoring.push(C.remove_quote(ev, k))

    def commit_quote(self) -> list[Problem]:
        """Apply the quote fields to the selected quote."""
        ev = self.current_event()
        k = self.quote_list.currentRow()
        pending = ev is not None and self._pending_quote and k == len(ev.quotes)
        if ev is None or not (0 <= k < len(ev.quotes) or pending):
            return []
        self._note_source()
        text = self.fields["q_text"].text()
        if not text.strip():
            if pending:  # not a quote yet: nothing is saved; the other fields wait for the words
                self._pending_values = True
                self.fields["q_text"].show_error("Not added yet: type the words first (a quote without them"
                                                 " is not saved).")
                return []
            self.fields["q_text"].show_error("a quote needs its text")
            return [Problem("", "a quote needs its text")]
        self.fields["q_text"].show_error("")
        old = None if pending else ev.quotes[k]

        def typed(name: str, was: str) -> str:  # a field left as it was keeps the source's form exactly
            value = self.fields[name].text()
            return was if old is not None and value.strip() == was.strip() else value.strip()

        q = Quote(text=text, speaker=typed("q_speaker", old.speaker if old else ""),
                  speaker_role=typed("q_role", old.speaker_role if old else ""),
                  source=self.fields["q_source"].text(),
                  attribution=typed("q_attribution", old.attribution if old else ""),
                  kind=QuoteKind(self.fields["q_kind"].text()), credibility=self.fields["q_credibility"].text(),
                  # where the words stand in the article: only while they are the same words
                  offsets=old.offsets if old is not None and old.text == text else None)
        if pending:
            self._pending_quote = self._pending_values = False
            problems = self.authoring.push(C.add_quote(ev, q))
            if problems:
                self._pending_quote = True
            else:
                self.quote_list.setCurrentRow(k)
            self._show_problems(problems, self.fields["q_text"])
            return problems
        if q == ev.quotes[k]:
            return []
        problems = self.authoring.push(C.update_quote(ev, k, q))
        self._show_problems(problems, self.fields["q_text"])
        return problems

    # sources
    def _current_source(self) -> Source | None:
        ev = self.current_event()
        k = self.source_list.currentRow()
        if ev is None or not 0 <= k < len(ev.sources):
            return None
        return self.timeline.source_index.get(ev.sources[k])

    def _fill_source(self) -> None:
        s = self._current_source()
        values = {"s_kind": s.kind.value if s else SourceKind.NEWS_ARTICLE.value, "s_outlet": s.outlet if s else "",
                  "s_title": s.title if s else "", "s_url": s.url if s else "",
                  "s_published": s.published.edtf if s and s.published else "", "s_via": s.via if s else "",
                  "s_attribution": s.attribution if s else "", "s_reliability": s.reliability if s else ""}
        for name, value in values.items():
            self.fields[name].set_text(value)
            self.fields[name].widget.setEnabled(s is not None)

    def add_source(self) -> list[Problem]:
        """A new source, cited by the selected event (one undoable step)."""
        ev = self.current_event()
        if ev is None:
            return []
        # no made-up outlet: the Outlet field is empty, with a hint, until the user names it
        src = Source(C.new_id(self.timeline.source_index, "source", "s"), SourceKind.NEWS_ARTICLE, "")
        cmd = C.Compound(f"Add source to '{ev.title}'", [
            C.AddSource(src), C.UpdateEvent(ev.id, replace(ev, sources=(*ev.sources, src.id)))])
        problems = self.authoring.push(cmd)
        if problems:
            self.general.setText("Could not add the source: " + "; ".join(p.message for p in problems))
            self.general.show()
        else:
            self.source_list.setCurrentRow(len(ev.sources))
            self.fields["s_outlet"].widget.setFocus()
            self.fields["s_outlet"].widget.selectAll()
        return problems

    def commit_source(self) -> list[Problem]:
        s = self._current_source()
        if s is None:
            return []
        f = self.fields
        for name in ("s_outlet", "s_published"):
            f[name].show_error("")
        published = None
        text = f["s_published"].text().strip()
        if s.published is not None and text == s.published.edtf:
            published = s.published  # its phrase, basis and zone stay (the field shows only the value)
        elif text:
            try:
                published = EventDate(text)
            except (DateError, ValueError) as exc:
                f["s_published"].show_error(str(exc))
                return [Problem("", str(exc))]

        def typed(name: str, was: str) -> str:  # a field left as it was keeps the stored form exactly
            value = f[name].text()
            return was if value.strip() == was.strip() else value.strip()

        new = replace(s, kind=SourceKind(f["s_kind"].text()), outlet=typed("s_outlet", s.outlet),
                      title=typed("s_title", s.title), url=typed("s_url", s.url), published=published,
                      via=f["s_via"].text(), attribution=typed("s_attribution", s.attribution),
                      reliability=f["s_reliability"].text())
        if new == s:
            return []
        problems = self.authoring.push(C.UpdateSource(s.id, new))
        self._show_problems(problems, f["s_outlet"])
        return problems


def install(window) -> None:
    """Add the "Edit" tab beside Events and Filters under the detail pane (``window.edit_form``)."""
    from .event_list import side_tabs

    window.edit_form = EventForm(window)
    tabs = side_tabs(window)
    tabs.addTab(window.edit_form, "Edit")
    column = getattr(window, "side_splitter", None)
    if column is None:
        return
    kept: dict[str, list[int]] = {}

    def on_tab(_index: int) -> None:
        """A short window (a 1366x768 laptop) gives the Edit tab about two thirds of
        the column while it is open (the detail pane keeps a third); leaving it puts
        the column back as it was, unless the user moved the divider meanwhile."""
        sizes = column.sizes()
        if tabs.currentWidget() is window.edit_form:
            total = sum(sizes)
            if len(sizes) == 2 and total and sizes[1] < 0.6 * total and sizes[1] < 420:
                kept["before"], kept["set"] = sizes, [total - int(total * 0.65), int(total * 0.65)]
                column.setSizes(kept["set"])
                kept["set"] = column.sizes()
        elif "before" in kept:
            if sizes == kept.get("set"):
                column.setSizes(kept["before"])
            kept.clear()

    tabs.currentChanged.connect(on_tab)
