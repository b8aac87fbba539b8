"""The display time zone picker (toolbar) and what follows the zone.

The combo box offers UTC (Zulu), the system zone, "each event's local time",
the zones named in the open timeline, then every IANA zone (type to
complete).  Choosing sets ``state.display_zone``; the time axis then labels
its ticks in that zone (DST-correct, :func:`viewer.model.zones.zone_ticks`)
and names it under the axis; the detail pane, tooltips and the event list
write times in it; date-only events move onto its calendar days
(:mod:`viewer.ui.shown`).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QToolBar

from ..model.errors import DateError
from ..model.timeline import Timeline
from ..model.viewstate import ViewState
from ..model.zones import EVENT_LOCAL, all_zone_names, system_zone_name, zone_info, zone_label

__all__ = ["ZonePicker", "data_zones", "zone_choices", "match_zone", "install", "add_zone_toolbar"]

_ZONE_SAMPLE = 5000  #: events looked at for the zones a timeline names


_DATA_ZONES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Timeline -> its data_zones


def data_zones(timeline: Timeline) -> tuple[str, ...]:
    """The timeline's zone and those its first :data:`_ZONE_SAMPLE` events
    name (duplicates kept, in order), remembered per timeline.

    Only the first events: building every event of a million-event file to
    list its zones would stall the window (any zone can still be typed).  A
    large file's are read once in the thread that opens it (about 200 ms at
    10^6 events: the file's text is decoded for them), not when the window
    swaps to it.  Safe to call from any thread."""
    known = _DATA_ZONES.get(timeline)
    if known is not None:
        return known
    events = timeline.events
    data = [timeline.time_zone]
    if hasattr(events, "time_zones"):  # lazy events: read the zones without building events
        for k in range(min(len(events), _ZONE_SAMPLE)):
            data.extend(events.time_zones(k))
    else:
        data += [d.time_zone for e in events[:_ZONE_SAMPLE] for d in (e.start, e.end)
                 if d is not None and d.time_zone]
    known = _DATA_ZONES[timeline] = tuple(data)
    return known


def zone_choices(timeline: Timeline, system: str) -> list[tuple[str, str]]:
    """``(text, zone)`` entries of the picker, most useful first, each zone once."""
    first = [("UTC (Zulu)", "UTC"), (f"System: {system}", system), ("Each event's local time", EVENT_LOCAL)]
    data = data_zones(timeline)
    seen = {"UTC", EVENT_LOCAL}
    out = [first[0]]
    if system not in seen:
        out.append(first[1])
        seen.add(system)
    out.append(first[2])
    for z in dict.fromkeys(data):
        if z and z not in seen:
            out.append((f"Timeline: {z}", z))
            seen.add(z)
    out += [(z, z) for z in all_zone_names() if z not in seen]
    return out


def match_zone(typed: str, choices: list[tuple[str, str]]) -> tuple[str | None, list[str]]:
    """The zone a typed name means, for Enter in the picker's field.

    Rule: an entry's text or zone equal to ``typed`` (ignoring case, with
    spaces read as ``_``, so "new york" finds America/New_York) wins; then
    any IANA zone named whole, which the list leaves out (``Etc/GMT+5``);
    otherwise the entries containing it: one zone among them is the
    answer, several or none give None.

    Parameters
    ----------
    typed : str
    choices : list of (text, zone)
        As :func:`zone_choices` gives them.

    Returns
    -------
    (zone or None, matching zones)
        The matching zones in the entries' order (each once).
    """
    def norm(text: str) -> str:
        return " ".join(text.split()).casefold().replace(" ", "_")

    want = norm(typed)
    if not want:
        return None, []
    for text, zone in choices:
        if want in (norm(text), norm(zone)):
            return zone, [zone]
    from zoneinfo import available_timezones

    named = next((z for z in available_timezones() if z.casefold() == want), None)
    if named is not None:  # an IANA name the list leaves out (Etc/GMT+5, EST, GMT), typed whole
        return named, [named]
    found = list(dict.fromkeys(zone for text, zone in choices if want in norm(text) or want in norm(zone)))
    return (found[0] if len(found) == 1 else None), found


class ZonePicker(QComboBox):
    """Combo box bound to ``state.display_zone``.

    Parameters
    ----------
    window : MainWindow
    """

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.state: ViewState = window.state
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(16)
        self.setAccessibleName("Display time zone")
        self.setToolTip("Time zone of the axis, tooltips and details (type an IANA name, e.g. Asia/Kathmandu)")
        completer, line = self.completer(), self.lineEdit()
        assert completer is not None and line is not None  # an editable combo box has both
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._filling = False
        self.message = ""  # why the last typed name changed nothing ("" when it did)
        self.fill()
        self.activated.connect(self._on_activated)
        line.editingFinished.connect(self._on_typed)
        self.state.subscribe(self._on_state)
        window.sigTimelineChanged.connect(lambda _tl: self.fill())
        if hasattr(window, "sigTimelineEdited"):
            window.sigTimelineEdited.connect(self._on_edit)

    def fill(self) -> None:
        """(Re)build the entries for the window's timeline; keeps the current zone."""
        choices = list(zone_choices(self.window_.timeline, system_zone_name()))
        self._filling = True
        try:
            if choices != [(self.itemText(k), self.itemData(k)) for k in range(self.count())]:
                # (the same ~550 entries for most files: not made again in the swap to a new file)
                self.clear()
                for text, zone in choices:
                    self.addItem(text, zone)
            self._show(self.state.display_zone)
        finally:
            self._filling = False

    def _on_edit(self, timeline, ids) -> None:
        """An edited event may bring a time zone the list lacks: then fill again."""
        for eid in ids:
            if timeline.has_event(eid):
                ev = timeline.event(eid)
                for date in (ev.start, ev.end):
                    zone = date.time_zone if date is not None else None
                    if zone and self.findData(zone) < 0:
                        self.fill()
                        return

    def _show(self, zone: str) -> None:
        k = self.findData(zone)
        if k >= 0:
            self.setCurrentIndex(k)

    def choose(self, zone: str) -> bool:
        """Show times in ``zone``; False (and nothing changes) if it is not a known zone."""
        if zone != EVENT_LOCAL:
            try:
                zone_info(zone)
            except DateError:
                return False
        self.state.display_zone = zone
        return True

    def _on_activated(self, k: int) -> None:
        if not self._filling:
            self.choose(self.itemData(k))

    def _on_typed(self) -> None:
        """Enter (or leaving the field): the one zone the text names, else say why nothing changed."""
        text = self.currentText().strip()
        if self.currentIndex() >= 0 and text == self.itemText(self.currentIndex()):
            return  # the entry in force, unchanged
        choices = [(self.itemText(k), self.itemData(k)) for k in range(self.count())]
        zone, found = match_zone(text, choices)
        if zone is not None and self.choose(zone):
            self.message = ""
            return
        if not found:
            self.message = f"No zone matches “{text}”: type part of an IANA name, e.g. Kathmandu or America/New_York."
        else:
            names = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
            self.message = f"“{text}” matches {len(found)} zones ({names}): type more of the name."
        self._show(self.state.display_zone)  # the zone in force stays, and the status bar says why
        self.window_.statusBar().showMessage(self.message, 10000)

    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        if "display_zone" in changed:
            self._show(state.display_zone)


def _axis_caption(window) -> str:
    """``"Time: Europe/Berlin (CET, UTC+01:00)"``: the zone as in force at the view's centre."""
    a, b = window.state.x_range
    mid = window.view.timeline.columns.origin_epoch_s + (a + b) / 2
    return "Time: " + zone_label(window.state.display_zone, mid)


def follow_range(window) -> None:
    """After a pan or zoom, name the zone's abbreviation and offset in force in
    the new view (CEST in summer, CET in winter); nothing is redrawn when unchanged."""
    caption = _axis_caption(window)
    axis = window.view._axis
    if caption != getattr(axis, "_zone_label", None):
        axis.set_zone(window.state.display_zone, caption)


def apply_zone(window) -> None:
    """Give the display zone to the time axis (ticks and the label under it)."""
    zone = window.state.display_zone
    window.view._axis.set_zone(zone, _axis_caption(window))
    short = "UTC" if zone in ("UTC", EVENT_LOCAL) else zone
    window.legend.setWordWrap(True)  # a long zone name must not widen the window
    from .main_window import TIME_AXIS_KEY  # (main_window imports this module)

    key = window.legend.text().split(TIME_AXIS_KEY)[0]
    window.legend.setText(key + TIME_AXIS_KEY + "\u00a0" + short.replace(" ", "\u00a0"))


def _follows_swap(window) -> bool:
    """True while a large file's timeline on the new zone's days is derived in
    the background (``window.shown.deriving()``; the window's shown timeline
    is told first): the axis keeps the zone of the timeline on screen and
    takes the new one when that timeline is swapped in (``sigAboutToShow``),
    so the whole view changes zone at once and the zone's offset changes,
    read by the deriving thread, are not read on the GUI thread."""
    shown = getattr(window, "shown", None)
    return shown is not None and shown.deriving()


def add_zone_toolbar(window, picker: ZonePicker) -> None:
    """Put ``picker`` on a "Time zone" toolbar at the top of ``window`` (a
    ``QMainWindow``), labelled for screen readers, as ``window.zone_picker``."""
    bar = QToolBar("Time zone", window)
    bar.setObjectName("zone_toolbar")
    bar.setMovable(False)
    label = QLabel("  Time zone: ")
    bar.addWidget(label)
    window.zone_picker = picker
    label.setBuddy(picker)
    bar.addWidget(picker)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)


def install(window) -> None:
    """Add the zone picker to a "Time zone" toolbar and make the axis follow the zone."""
    add_zone_toolbar(window, ZonePicker(window))

    def on_state(_state: ViewState, changed: set[str]) -> None:
        if "display_zone" in changed:
            if not _follows_swap(window):
                apply_zone(window)
        elif "x_range" in changed and not _follows_swap(window):
            follow_range(window)

    def on_swap(_timeline) -> None:
        if getattr(window.view._axis, "_zone", None) != window.state.display_zone:
            apply_zone(window)

    window.state.subscribe(on_state)
    shown = getattr(window, "shown", None)
    if shown is not None:
        shown.sigAboutToShow.connect(on_swap)
    window.sigTimelineChanged.connect(lambda _tl: apply_zone(window))
    apply_zone(window)
