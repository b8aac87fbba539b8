"""The Review panel: go through ingest drafts, accept or reject each.

A dock (View > Review drafts, F8) lists the timeline's unreviewed drafts in
time order; the selected one's source sentence is shown with its date
phrase and its quotes highlighted, with the resolved date, its basis and the
speakers.  *Accept* keeps the event (the draft marker goes), *Reject*
removes it, *Accept all remaining* accepts every draft left in one step.

Every review action goes through :func:`apply_review`: with the window's
edit stack (``window.authoring``) it is one model command (Edit > Undo undoes
Accept, Reject, Merge, or the whole of Accept all remaining); *Edit…* opens
the authoring form (the Edit tab) on the draft.  File > New from article… (:mod:`.article_dialog`)
makes a draft timeline and opens this panel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..ingest.quotemarks import quote_spans
from ..model.quoting import is_direct, reported_who
from ..model.reload import kept_on_reload
from ..model.review import ReviewError, accept, accept_all, accepted_event, draft_ids, merge, merged_event, reject
from ..model.text import plain_tooltip
from ..model.timeline import Event, Timeline
from .event_list import date_cell

__all__ = ["ReviewDock", "apply_review", "install", "two_lines", "in_marks", "DOCK_WIDTH_FRACTION", "TITLE_LINES"]

DOCK_WIDTH_FRACTION = 0.25
"""The Review panel takes at most this fraction of the window's width: the timeline keeps the rest."""
TITLE_LINES = 2
"""Lines a draft's title in the list wraps onto (under its date's line); a longer one ends in "…"."""
_TITLE = Qt.ItemDataRole.UserRole + 1  # the item's whole title, before wrapping
_DATE = Qt.ItemDataRole.UserRole + 2  # its date as the Events list writes it ("due Fri 15 Mar 2024")


_INNER = {"“": "‘", "”": "’", "«": "‹", "»": "›"}
"""The single marks a double mark inside a title in marks becomes (a quotation inside a quotation)."""


def in_marks(title: str) -> str:
    """``title`` between “ ” as the panel names a draft, without doubled marks: a title that is
    one quotation whole (``“We will respond”``) keeps its own marks, once; double marks inside
    a title become single ones (``Peskov: “threats” from NATO`` -> ``“Peskov: ‘threats’ from
    NATO”``); it read “Acting on “…”” with quotes inside quotes."""
    title = title.strip()
    spans, _unclosed = quote_spans(title)
    if title and (0, len(title)) in spans:
        return title
    chars = list(title)
    for start, end in spans:  # straight marks by their pairs ("lowest level" -> ‘lowest level’)
        if chars[start] == '"':
            chars[start], chars[end - 1] = "‘", "’"
    return "“" + "".join(_INNER.get(c, c) for c in chars) + "”"


def two_lines(text: str, font: QFont, width: float, lines: int = TITLE_LINES) -> str:
    """``text`` word-wrapped at ``width`` pixels in ``font``, at most ``lines`` lines
    joined by newlines, the last ending in "…" when the text is longer (a word longer than a
    line is broken anywhere)."""
    if width <= 0:
        return text
    layout = QTextLayout(text, font)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(opt)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if len(spans) <= lines:
        return "\n".join(text[a:a + n].rstrip() for a, n in spans)
    head = [text[a:a + n].rstrip() for a, n in spans[:lines - 1]]
    rest = text[spans[lines - 1][0]:]
    return "\n".join(head + [QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)])


class _FitWidth(QObject):
    """Keeps the dock at most :data:`DOCK_WIDTH_FRACTION` of the window's width, and the
    list's titles wrapped to its width, as either is resized."""

    def __init__(self, dock: ReviewDock) -> None:
        super().__init__(dock)
        self.dock = dock

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802
        if ev.type() == QEvent.Type.Resize:
            if obj is self.dock.window_:
                self.dock.fit_window_width()
            else:
                self.dock.wrap_titles()
        return False

_DATE_BG = QColor("#ffe08a")  # the date phrase
_QUOTE_BG = QColor("#cfe3ff")  # quoted or reported words


def apply_review(window, action: str, ids: list[str]) -> Timeline | None:
    """Apply one review action to the window's timeline and show the result.

    Parameters
    ----------
    window : MainWindow
    action : str
        ``"accept"``, ``"reject"``, ``"accept_all"`` (``ids`` ignored) or
        ``"merge"`` (``ids`` = [draft, event it is merged into]).
    ids : list of str
        Event ids of drafts.

    Returns the new timeline, or None when the action could not be done (an
    error dialog says why).  The visible range, the filters and (if the event
    is still there) the selection are kept.
    """
    old = window.timeline
    authoring = getattr(window, "authoring", None)
    if authoring is not None:  # one undoable command on the window's edit stack (Edit > Undo)
        try:
            command = review_command(old, action, ids)
        except ReviewError as exc:
            window.show_error("Could not review the draft", str(exc))
            return None
        problems = authoring.push(command)
        if problems:
            window.show_error("Could not review the draft", "\n".join(str(p) for p in problems))
            return None
        return window.timeline
    try:
        if action == "accept":
            new = accept(old, ids)
        elif action == "reject":
            new = reject(old, ids)
        elif action == "accept_all":
            new = accept_all(old)
        elif action == "merge" and len(ids) == 2:
            new = merge(old, ids[0], ids[1])
        else:
            raise ReviewError(f"unknown review action {action!r}")
    except ReviewError as exc:
        window.show_error("Could not review the draft", str(exc))
        return None
    a, b = window.state.x_range
    origin_old = old.columns.origin_epoch_s
    selected = window.state.selected
    window.set_timeline(new, window.path, kept=kept_on_reload(window.state, old, new))
    origin_new = new.columns.origin_epoch_s
    window.view.set_x_range(a + origin_old - origin_new, b + origin_old - origin_new)
    if selected is not None and new.has_event(selected):
        window.view.restore_selection(selected)
    return new


def review_command(timeline: Timeline, action: str, ids: list[str]):
    """The model command (:mod:`viewer.model.commands`) for a review action:
    Accept = ``UpdateEvent`` (marker gone), Reject = ``RemoveEvent``, Merge =
    ``Compound`` (target updated, draft removed), Accept all = one ``Compound``
    (one step of Edit > Undo).  Raises ReviewError as :mod:`viewer.model.review`."""
    from ..model.commands import Compound, RemoveEvent, UpdateEvent

    if action == "accept_all":
        ids = draft_ids(timeline)
        if not ids:
            raise ReviewError("no unreviewed drafts left")
        return Compound(f"Accept {len(ids)} draft{'s' if len(ids) != 1 else ''}",
                        [UpdateEvent(i, accepted_event(timeline.event(i)), verb="Accept") for i in ids])
    if action == "merge" and len(ids) == 2:
        merge(timeline, ids[0], ids[1])  # the checks, with their messages
        target = merged_event(timeline.event(ids[1]), timeline.event(ids[0]))
        return Compound(f"Merge draft into '{target.title[:40]}'",
                        [UpdateEvent(ids[1], target, verb="Merge into"),
                         RemoveEvent(ids[0], timeline.event(ids[0]).title)])
    if action in ("accept", "reject") and len(ids) == 1:
        (accept if action == "accept" else reject)(timeline, ids)  # the checks, with their messages
        if action == "accept":
            return UpdateEvent(ids[0], accepted_event(timeline.event(ids[0])), verb="Accept")
        return RemoveEvent(ids[0], timeline.event(ids[0]).title)
    raise ReviewError(f"unknown review action {action!r} for {len(ids)} event(s)")


def _when(e: Event) -> str:
    text = e.start.describe()
    if e.end is not None:
        text += " – " + e.end.describe()
    return text


class ReviewDock(QDockWidget):
    """The Review panel of a window (see module docstring)."""

    def __init__(self, window) -> None:
        super().__init__("Review drafts", window)
        self.setObjectName("review_dock")
        self.window_ = window
        self.notes: list[str] = []  # what the last ingest said (publication date, unresolved phrases)
        body = QWidget()
        lay = QVBoxLayout(body)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setAccessibleName("Unreviewed drafts")
        # a long title wraps onto two lines (then "…") instead of running off to the right
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setAlternatingRowColors(True)  # each draft's date line and title read as one row
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._on_current)
        # the current draft clicked while another event is selected: select it again
        self.list.itemClicked.connect(lambda item: self._on_current(item, None))
        lay.addWidget(self.list, 2)
        self.sentence = QPlainTextEdit()
        self.sentence.setReadOnly(True)
        self.sentence.setAccessibleName("Source sentence of the draft")
        lay.addWidget(self.sentence, 2)
        # which draft Accept, Reject, Edit and Merge act on, by name: the window may show another event
        self.acting_on = QLabel()
        self.acting_on.setTextFormat(Qt.TextFormat.PlainText)
        self.acting_on.setAccessibleName("Draft the buttons act on")
        self.acting_on.setWordWrap(True)
        lay.addWidget(self.acting_on)
        buttons = QGridLayout()  # two columns: the panel fits in a quarter of a 1024-pixel window
        self.accept_button = QPushButton("&Accept")
        self.accept_button.setToolTip("Keep this event: it is no longer a draft (A)")
        self.accept_button.clicked.connect(lambda: self._act("accept"))
        self.reject_button = QPushButton("&Reject")
        self.reject_button.setToolTip("Remove this draft event (R or Delete)")
        self.reject_button.clicked.connect(lambda: self._act("reject"))
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setToolTip("Correct this draft in the Edit tab (its title, dates, track, quotes); "
                                    "it stays a draft until accepted (E)")
        self.edit_button.clicked.connect(self.edit_current)
        self.merge_button = QPushButton("&Merge into…")
        self.merge_button.setToolTip("Add this draft's quotes, sources and sentence to another event and remove "
                                     "the draft (M)")
        self.merge_button.clicked.connect(self.merge_dialog)
        self.all_button = QPushButton("Accept a&ll remaining")
        self.all_button.clicked.connect(lambda: self._act("accept_all"))
        buttons.addWidget(self.accept_button, 0, 0)
        buttons.addWidget(self.reject_button, 0, 1)
        buttons.addWidget(self.edit_button, 1, 0)
        buttons.addWidget(self.merge_button, 1, 1)
        buttons.addWidget(self.all_button, 2, 0, 1, 2)
        lay.addLayout(buttons)
        hint = QLabel("Each action is one step of Edit > Undo; File > Save keeps the reviewed timeline.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        lay.addWidget(hint)
        self.setWidget(body)
        edit_key = QShortcut(QKeySequence("E"), self.list)
        edit_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit_key.activated.connect(self.edit_current)
        merge_key = QShortcut(QKeySequence("M"), self.list)
        merge_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        merge_key.activated.connect(self.merge_dialog)
        for key, action in (("A", "accept"), ("R", "reject"), ("Delete", "reject")):
            sc = QShortcut(QKeySequence(key), self.list)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(lambda a=action: self._act(a))
        self._fit = _FitWidth(self)
        window.installEventFilter(self._fit)
        self.list.viewport().installEventFilter(self._fit)
        window.state.subscribe(self._on_state)
        window.sigTimelineChanged.connect(lambda _t: self.refresh(adopt=True))
        if hasattr(window, "sigTimelineEdited"):  # an accepted or rejected draft (viewer.ui.authoring)
            window.sigTimelineEdited.connect(lambda _t, _ids: self.refresh())
        self.refresh(adopt=True)

    # -- contents ------------------------------------------------------
    def refresh(self, adopt: bool = False) -> None:
        """Fill the list from the window's timeline (the current draft kept when it is still one).

        Refilling the list never moves the window's selection: after an edit
        of another event that event stays selected (and in the Edit tab), so
        the user's next keystrokes do not go into a draft.  With ``adopt`` (a
        file opened or read again) and nothing selected in the window, the
        current draft is selected, so a reviewer starts on the first one."""
        tl = self.window_.timeline
        keep = self.current_id()
        ids = draft_ids(tl)
        self.list.blockSignals(True)
        self.list.clear()
        zone = getattr(self.window_.state, "display_zone", "UTC")
        for eid in ids:
            e = tl.event(eid)
            # the date in words on a line of its own, as the Events list writes it ("due …" for a plan,
            # never shown as a fact), so a long title never pushes it out of sight
            when = date_cell(e, tl, zone)
            item = QListWidgetItem(f"{when}\n{e.title}")
            item.setData(Qt.ItemDataRole.UserRole, eid)
            item.setData(_TITLE, e.title)
            item.setData(_DATE, when)
            item.setToolTip(plain_tooltip(e.draft.sentence) if e.draft else "")  # data, never markup
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.wrap_titles()
        n = len(ids)
        lines = [f"{n} unreviewed draft{'s' if n != 1 else ''}" if n else "No unreviewed drafts."] + self.notes
        self.summary.setText("\n".join(lines))
        self.all_button.setEnabled(bool(n))  # (the per-draft buttons: _name_current)
        selected = self.window_.state.selected
        elsewhere = selected is not None and selected not in ids and tl.has_event(selected)
        target = keep if keep in ids else (selected if selected in ids else None)
        if target is None and ids:
            target = ids[0]
        self.list.blockSignals(True)  # (else _on_current would select the draft in the window)
        if elsewhere and not adopt:
            self._no_current()  # another event is selected: no draft is current until one is picked
        else:
            self._select_row(target)
        self.list.blockSignals(False)
        self._name_current()
        if adopt and target is not None and self.window_.state.selected is None:
            self.window_.state.selected = target
        if not ids:
            self.sentence.setPlainText("")

    def show_for_drafts(self, timeline: Timeline | None = None) -> None:
        """Show the panel, raised over a tabbed neighbour, when ``timeline`` (default: the
        window's) has unreviewed drafts: a new file of drafts, and a window whose restored
        session (``QMainWindow.restoreState``) hid the panel; drafts are never left unannounced
        behind a closed panel.  Without drafts it is left as it is."""
        timeline = timeline if timeline is not None else self.window_.timeline
        if timeline.draft_count():
            self.show()
            self.raise_()

    def fit_window_width(self) -> None:
        """At most :data:`DOCK_WIDTH_FRACTION` of the window's width (pixels), never less than 160."""
        self.setMaximumWidth(max(160, int(self.window_.width() * DOCK_WIDTH_FRACTION)))

    def wrap_titles(self) -> None:
        """Wrap each draft's title in the list to its width: :data:`TITLE_LINES` lines under its date."""
        font = self.list.font()
        width = self.list.viewport().width() - 2 * self.list.spacing() - 8
        for i in range(self.list.count()):
            item = self.list.item(i)
            full = item.data(_TITLE)
            if full:
                when = two_lines(item.data(_DATE) or "", font, width, 1)
                item.setText(f"{when}\n{two_lines(full, font, width)}")

    def current_id(self) -> str | None:
        """Id of the draft selected in the list, or None."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _select_row(self, eid: str | None) -> None:
        if eid is None:
            return
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == eid:
                self.list.setCurrentRow(i)
                self._show(eid)
                return

    def _no_current(self) -> None:
        """No draft is current (the window selected an event that is not one): the per-draft buttons wait."""
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.sentence.setPlainText("")
        self.sentence.setExtraSelections([])
        self.highlights: list[tuple[int, int]] = []

    def _name_current(self) -> None:
        """Say which draft the buttons act on; with none current, disable them and say why."""
        eid = self.current_id()
        tl = self.window_.timeline
        for b in (self.accept_button, self.reject_button, self.merge_button):
            b.setEnabled(eid is not None)
        self.edit_button.setEnabled(eid is not None and getattr(self.window_, "edit_form", None) is not None)
        fm = QFontMetricsF(self.acting_on.font())
        room = max(60.0, self.list.viewport().width() - 8.0)

        def short(title: str, prefix: str = "") -> str:  # the title in marks on one line with what goes before it
            marked = in_marks(title)
            if fm.horizontalAdvance(prefix + marked) <= room:
                return marked
            cut = fm.elidedText(marked[1:-1], Qt.TextElideMode.ElideRight, room - fm.horizontalAdvance(prefix + "“”"))
            return marked[0] + cut + marked[-1]

        if eid is not None:
            title = tl.event(eid).title
            whole = f"Acting on: {in_marks(title)}"
            text = two_lines(whole, self.acting_on.font(), room)  # two lines at most, then "…"
            for b, verb, keys in ((self.accept_button, "Accept", "A"), (self.reject_button, "Reject", "R or Delete")):
                b.setToolTip(plain_tooltip(f"{verb} {in_marks(title)} ({keys})"))
        elif self.list.count():
            sel = self.window_.state.selected
            other = tl.event(sel).title if sel is not None and tl.has_event(sel) else None
            ask = "pick a draft in the list to review it."
            whole = f"{in_marks(other)} is not a draft: {ask}" if other else ask.capitalize()
            text = f"{short(other)} is not a draft: {ask}" if other else whole
        else:
            whole = text = ""
        self.acting_on.setToolTip(plain_tooltip(whole))
        self.acting_on.setText(text)
        self.acting_on.setVisible(bool(text))

    def _on_current(self, item, _previous) -> None:
        if item is None:
            self._name_current()
            return
        eid = item.data(Qt.ItemDataRole.UserRole)
        self._show(eid)
        self._name_current()
        if self.window_.state.selected != eid:
            self.window_.state.selected = eid  # the timeline shows it (its track expanded)

    def _on_state(self, state, changed: set[str]) -> None:
        """Follow the window's selection: a draft becomes current; another event leaves none current
        (Accept and Reject never act on a draft the window no longer shows)."""
        if "display_zone" in changed:
            self.refresh()  # the dates in words follow the time zone, as the Events list's do
        if "selected" not in changed or not state.selected or state.selected == self.current_id():
            return
        self.list.blockSignals(True)
        tl = self.window_.timeline
        if tl.has_event(state.selected):
            if tl.event(state.selected).draft is not None:
                self._select_row(state.selected)
            else:
                self._no_current()
        self.list.blockSignals(False)
        self._name_current()

    def _show(self, eid: str) -> None:
        """The draft's sentence, its date phrase and quotes highlighted, then what was made of it."""
        e = self.window_.timeline.event(eid)
        d = e.draft
        sentence = d.sentence if d is not None else e.summary
        lines = [sentence, "", f"Date: {_when(e)}  (EDTF {e.start.edtf}{' – ' + e.end.edtf if e.end else ''})"]
        if e.start.basis:
            lines.append(f"Basis: {e.start.basis}")
        if e.end is not None and e.end.basis:
            lines.append(f"End basis: {e.end.basis}")
        for q in e.quotes:  # reported speech is the article's wording: never in quotation marks
            who = q.who or "unattributed"
            lines.append(f"Direct quote, {who}: “{q.text}”" if is_direct(q)
                         else f"Reported speech, {reported_who(q) if q.who else who}: {q.text}")  # "Kuleba, denied"
        track = next((t.label for t in self.window_.timeline.tracks if t.id == e.track), e.track)
        lines.append(f"Track: {track}")
        if d is not None and d.article:
            lines.append(f"From {d.article}, characters {d.offsets[0]}–{d.offsets[1]}" if d.offsets is not None
                         else f"From {d.article} (where in it not known)")
        self.sentence.setPlainText("\n".join(lines))  # plain text: never rendered as markup
        marks = []
        spans = []
        if e.start.phrase and e.start.phrase in sentence:
            at = sentence.find(e.start.phrase)
            spans.append((at, at + len(e.start.phrase), _DATE_BG))
        for q in e.quotes:
            if d is not None and q.offsets is not None and d.offsets[0] <= q.offsets[0] < d.offsets[1]:
                spans.append((q.offsets[0] - d.offsets[0], q.offsets[1] - d.offsets[0], _QUOTE_BG))
        for a, b, colour in spans:
            cursor = QTextCursor(self.sentence.document())
            cursor.setPosition(max(0, a))
            cursor.setPosition(min(len(sentence), b), QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            sel.format = fmt
            marks.append(sel)
        self.sentence.setExtraSelections(marks)
        self.highlights = [(a, b) for a, b, _ in spans]

    # -- actions -------------------------------------------------------
    def edit_current(self) -> None:
        """Select the current draft and show the authoring form (the Edit tab) on it."""
        eid = self.current_id()
        form = getattr(self.window_, "edit_form", None)
        if eid is None or form is None:
            return
        self.window_.state.selected = eid
        tabs = getattr(self.window_, "side_tabs", None)
        if tabs is not None:
            tabs.setCurrentWidget(form)
        form.setFocus()

    def merge_choices(self) -> list[tuple[str, str]]:
        """(event id, "title (date)") of the events the current draft can be
        merged into, nearest in time first."""
        eid = self.current_id()
        if eid is None:
            return []
        tl = self.window_.timeline
        at = tl.event(eid).sort_point
        others = [e for e in tl.events if e.id != eid]
        others.sort(key=lambda e: abs(e.sort_point - at) if e.sort_point != float("inf") else float("inf"))
        zone = getattr(self.window_.state, "display_zone", "UTC")
        return [(e.id, f"{e.title}  ({date_cell(e, tl, zone)})") for e in others]  # the date in words

    def merge_dialog(self) -> None:
        """Ask which event the current draft is about, then merge it into that one."""
        from PySide6.QtWidgets import QInputDialog

        choices = self.merge_choices()
        if not choices:
            return
        label, ok = QInputDialog.getItem(self, "Merge draft", "Merge this draft into:", [c[1] for c in choices],
                                         0, False)
        if ok:
            self.merge_into(next(eid for eid, text in choices if text == label))

    def merge_into(self, target_id: str) -> None:
        """Merge the current draft into ``target_id`` (through :func:`apply_review`)."""
        eid = self.current_id()
        if eid is not None:
            apply_review(self.window_, "merge", [eid, target_id])

    def _act(self, action: str) -> None:
        eid = self.current_id()
        if action != "accept_all" and eid is None:
            return
        row = self.list.currentRow()
        new = apply_review(self.window_, action, [eid] if eid else [])
        if new is not None and self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))  # on to the next draft
            self._follow(self.current_id())

    def _follow(self, eid: str | None) -> None:
        """The draft the panel moved on to is selected in the window too (the
        timeline and detail pane show it, not the draft just reviewed): the
        reviewer's own action in the panel, unlike an edit elsewhere."""
        if eid is None:
            return
        self._show(eid)
        if self.window_.state.selected != eid:
            self.window_.state.selected = eid
        view = getattr(self.window_, "view", None)
        if view is not None and view.timeline.has_event(eid):
            view.ensure_visible(eid)


def install(window) -> None:
    """Add the Review dock (hidden until there are drafts), View > Review drafts (F8)
    and File > New from article…; the window title and header count the drafts."""
    from .article_dialog import install_menu

    dock = ReviewDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.fit_window_width()
    window.review_dock = dock
    action = dock.toggleViewAction()
    action.setText("Review drafts")
    action.setShortcut(QKeySequence("F8"))
    window.menus["View"].addAction(action)
    window.addAction(action)
    install_menu(window)

    window.sigTimelineChanged.connect(dock.show_for_drafts)
    if window.timeline.draft_count():
        dock.show()
    else:
        dock.hide()
