"""Present mode: a story on a briefing-room screen, step by step.

:class:`PresentWindow` shows one story full screen in the briefing theme
(:meth:`TimelineStyle.for_briefing`): the shared
:class:`~viewer.ui.timeline_view.TimelineView` drawing with large type, the
Okabe-Ito palette and a marker shape per track, and a caption under the
timeline with the selected event's verbatim quote, speaker, source and date.
Each step animates the view (~400 ms, interruptible) to the step's window.

Keys (what presentation clickers send): Right, PageDown, Space, Down = next;
Left, PageUp, Backspace, Up = previous; Home / End = first / last; B or
``.`` = blank screen; digits then Enter = go to step N; P = presenter overlay
(one screen); Esc = leave.  The mouse cursor hides after
:data:`CURSOR_IDLE_MS` without movement.

The state lives in :class:`~viewer.model.presentation.Presentation` and a
:class:`~viewer.model.viewstate.ViewState` of the window's own; this module
only mirrors them.  Its parts: the briefing theme and timeline view
(:mod:`viewer.ui.briefing`), the caption (:mod:`viewer.ui.present_caption`)
and the presenter's panel (:mod:`viewer.ui.presenter_panel`).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEasingCurve, QEvent, QObject, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..graphics.events import EventLayerItem
from ..model.presentation import Presentation, caption_for, marks_in_range, marks_note, timeline_for_tracks
from ..model.story import Story, step_precision_s, step_window
from ..model.text import visible_controls
from ..model.timeline import Timeline
from ..model.viewstate import ViewState, clamp_range
from ..model.zones import drawn_in_utc, timeline_on_local_days, zone_label
from .briefing import THEMES, BriefingTimelineView, theme_colours
from .present_caption import CAPTION_MIN_FRACTION, CaptionWidget, layout_caption
from .present_fit import lanes_need, step_view_range, view_limits
from .presenter_panel import PresenterPanel

# the window is here; its parts are re-exported for the callers that import them from here
__all__ = ["PresentWindow", "keep_together", "BriefingTimelineView", "CaptionWidget", "PresenterPanel",
           "layout_caption", "screen_infos", "theme_colours", "ANIMATION_MS", "CURSOR_IDLE_MS",
           "CAPTION_MIN_FRACTION", "THEMES"]

ANIMATION_MS = 400
"""Duration of the move to a step's window (ms)."""
CURSOR_IDLE_MS = 2500
"""The mouse cursor is hidden after this long without movement (ms)."""


HEADER_FRACTION = 1 / 32
"""The presentation header's type, a fraction of the screen height (34 px at 1080): it was the
event labels' 1/36, and its grey on the wall read smaller than them from 5 m."""

NAMED_LEFT_OUT = 3
"""A step leaving out at most this many tracks names them in the header; more are counted."""

HEADER_SEP = "    ·    "
"""Between the parts of the presentation header (step, tracks left out, drafts and planned marks)."""


def keep_together(name: str) -> str:
    """``name`` with its spaces and hyphens made non-breaking, so a list of names
    wraps between names only ("Normandy Format" is never split over two lines)."""
    return name.replace(" ", "\u00a0").replace("-", "\u2011")


class _CursorHider(QObject):
    """Hides a window's mouse cursor after idle time; any mouse movement shows it."""

    def __init__(self, window: QWidget, idle_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.hidden = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.hide)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def hide(self) -> None:
        self.hidden = True
        self.window.setCursor(Qt.CursorShape.BlankCursor)
        for child in self.window.findChildren(QWidget):
            if child.testAttribute(Qt.WidgetAttribute.WA_SetCursor):
                child.setCursor(Qt.CursorShape.BlankCursor)

    def show(self) -> None:
        if self.hidden:
            self.hidden = False
            self.window.unsetCursor()
            for child in self.window.findChildren(QWidget):
                if child.cursor().shape() == Qt.CursorShape.BlankCursor:
                    child.unsetCursor()
        self.timer.start()

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802
        if ev.type() == QEvent.Type.MouseMove and isinstance(obj, QWidget) and obj.window() is self.window:
            self.show()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


# ---------------------------------------------------------------------------
# the presentation window


class PresentWindow(QWidget):
    """A story presented full screen.

    Signals
    -------
    sigClosed()
        The presentation was left (Esc or the window closed).

    Parameters
    ----------
    timeline : Timeline
    story : Story
    theme : {"dark", "light"}
    colour_blind : bool
    animation_ms : int
        Duration of the move between steps; 0 jumps.
    screen_height : float, optional
        Pixel height the type is sized for; default: the window's height
        (full screen = the screen's).
    zone : str
        The desk's display zone (``"UTC"``, an IANA name or
        ``viewer.model.zones.EVENT_LOCAL``, drawn as UTC): the axis ticks are in
        its calendar and named under it, date-only events drawn on its days.

    Attributes
    ----------
    presentation : Presentation
    state : ViewState
        Visible x range and selected event of the presented view.
    """

    sigClosed = Signal()

    def __init__(self, timeline: Timeline, story: Story, theme: str = "dark", colour_blind: bool = True,
                 animation_ms: int = ANIMATION_MS, screen_height: float | None = None, parent=None,
                 dday: str | None = None, zone: str = "UTC") -> None:
        super().__init__(parent)
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; expected one of {', '.join(THEMES)}")
        # the desk's display zone (F5 keeps it): the axis in its calendar, date-only events on its days
        self.zone = "UTC" if drawn_in_utc(zone) else zone
        self.timeline = timeline_on_local_days(timeline, self.zone) if self.zone != "UTC" else timeline
        self.story = story
        self.theme = theme
        self.animation_ms = animation_ms
        self.fixed_screen_height = screen_height
        self.presentation = Presentation(story)
        self.state = ViewState()
        self.state.display_zone = self.zone
        self.started = time.monotonic()
        self._subsets: dict[tuple[str, ...], Timeline] = {}
        self._folds: dict[tuple, tuple[tuple[str, ...], int]] = {}  # each step's tracks at a size (_step_tracks)
        self._measurers: dict[tuple[str, ...], EventLayerItem] = {}  # label widths of each subset
        self._lanes_px_key: tuple[int, int, int] | None = None
        self._lanes_px: dict[int, float] = {}  # lanes each step needs (step index), at _lanes_px_key's size
        self._ranges: dict[int, tuple[float, float]] = {}  # each step's x range, at _lanes_px_key's size
        self._stepping = False  # _show_step frames the step itself once the caption has its height
        self._framed: tuple | None = None  # the step, plot width and type the view was last framed for
        self._header_key: tuple | None = None  # the step, shown timeline and range the header was built for
        self.setWindowTitle(f"{story.title} — presenting — Timeline Viewer")
        colours = theme_colours(theme)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"PresentWindow {{ background: {colours['bg']}; }}")
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor(colours["bg"]))
        self.setPalette(pal)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = QLabel()
        self._header_full = ""  # the header's text before it is wrapped to the window's width
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)  # a long story title must not widen the window past a 1024 px projector
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._header_probe = QLabel(self)  # never shown: measures a step's header (_header_height)
        self._header_probe.setTextFormat(Qt.TextFormat.PlainText)
        self._header_probe.setWordWrap(True)
        self._header_probe.hide()
        layout.addWidget(self.header)
        self.view = BriefingTimelineView(timeline, self.state, theme, colour_blind, self.screen_h)
        self.view.on_resized = self._on_view_resized
        layout.addWidget(self.view, 1)
        self.caption = CaptionWidget(theme, self.screen_h)
        layout.addWidget(self.caption)
        self.dday = self._resolve_dday(dday or story.dday)

        self.goto = QLabel(self)
        self.goto.setTextFormat(Qt.TextFormat.PlainText)
        self.goto.hide()
        self.blank = QWidget(self)
        self.blank.setAutoFillBackground(True)
        bpal = self.blank.palette()
        bpal.setColor(self.blank.backgroundRole(), QColor("#000000"))
        self.blank.setPalette(bpal)
        self.blank.hide()
        self.presenter = PresenterPanel(self.presentation, timeline, self.started, self._px(1 / 45), self)
        self.presenter.hide()
        self.presenter.follow_caption(self.caption)

        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(self._on_anim)
        self._from = self._to = (0.0, 1.0)
        self._cursor = _CursorHider(self, CURSOR_IDLE_MS)

        self.presentation.subscribe(self._on_presentation)
        self.state.subscribe(self._on_state)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._restyle_header()
        self._show_step(animate=False)

    # -- sizes -----------------------------------------------------------
    def screen_h(self) -> float:
        """Height in pixels the type is sized for: the screen's shorter side (its height, unless
        it stands in portrait).  A portrait wall (1080x1920) gets the type of the same panel in
        landscape; sized for its 1920 px height, track names were cut to "…TO" and "U…m", the
        band title and step captions cut short and the step's days pushed off a 1080 px width."""
        if self.fixed_screen_height:
            return float(self.fixed_screen_height)
        return float(max(min(self.height(), self.width()), 300))

    def _px(self, fraction: float) -> int:
        return max(12, round(self.screen_h() * fraction))

    def _restyle_header(self) -> None:
        colours = theme_colours(self.theme)
        px = self._px(HEADER_FRACTION)  # read from the back of the room too
        # a step showing unreviewed drafts says so in the accent colour, not in the muted grey
        colour = colours["accent"] if "DRAFT:" in self.header.text() else colours["muted"]
        self.header.setStyleSheet(f"color: {colour}; font-size: {px}px; padding: {px // 6}px {px}px;"
                                  f" background: {colours['bg']};")
        self.goto.setStyleSheet(f"color: #000000; background: #ffd27a; font-size: {self._px(1 / 25)}px;"
                                f" padding: 8px 16px; border-radius: 6px;")

    # -- stepping --------------------------------------------------------
    def _on_presentation(self, pres: Presentation, changed: set[str]) -> None:
        if "index" in changed:
            self._show_step(animate=True)
        if "blank" in changed:
            self.blank.setVisible(pres.blank)
            self.blank.raise_()
        if "typed" in changed:
            if pres.typed:
                self.goto.setText(f"Go to step {pres.typed} ⏎")
                self.goto.adjustSize()
                self._place_overlays()
                self.goto.show()
                self.goto.raise_()
            else:
                self.goto.hide()

    def _subset(self, tracks: tuple[str, ...]) -> Timeline:
        key = tuple(sorted(tracks))
        if key not in self._subsets:
            self._subsets[key] = timeline_for_tracks(self.timeline, key)
        return self._subsets[key]

    def _own_tracks(self, index: int) -> tuple[str, ...]:
        """The tracks step ``index`` names (empty: all), with its own event's track added when
        they leave it out: the caption must never be about an event not on screen."""
        step = self.story.steps[index]
        if step.tracks and self.timeline.has_event(step.event):
            own = self.timeline.event(step.event).track
            if own not in step.tracks:
                return (*step.tracks, own)
        return step.tracks

    def _step_tracks(self, index: int) -> tuple[tuple[str, ...], int]:
        """The tracks step ``index`` (0-based) shows and how many of its own it folds away: when
        more lanes than the wall holds at one line of type each, the ones with the fewest events
        in the step's window are left out (never the step's own event's) and the header says how
        many.  The audience cannot scroll: with 18 tracks at 1366x768 the last six were below the
        screen's edge, a scroll bar the only sign of them.

        The room is measured with this step's own header (its text with the fold's note, wrapped
        at this width), never the header on screen: with the previous step's, a step's fold
        depended on the step before it, and a step whose header was taller than the last one's
        left lanes below the screen's edge."""
        step = self.story.steps[index]
        tracks = self._own_tracks(index)
        view = self.view
        if not self.isVisible() or view.plotItem.vb.height() <= 0:
            return tracks, 0
        key = (index, self.width(), self.height(), round(self.screen_h()))
        if key in self._folds:
            return self._folds[key]
        ids = [t.id for t in self._subset(tracks).tracks]
        h = float(self.screen_h())
        axis = max(0.0, float(view.height() - view.plotItem.vb.height()))
        tab = view.bands_item.tab_height() if view.bands_item is not None and self.timeline.columns.band_count else 0
        pad = h / 60
        caption = caption_for(self.timeline, step.event) if self.timeline.has_event(step.event) else None
        floor = self.caption.height_needed(caption, max(100.0, self.width() - 2 * pad), h, 0.0) + 2 * pad
        # room for the lanes, with the caption in its smallest type, under this step's header
        lanes_room = self.height() - axis - tab - max(floor, 0.12 * h)
        lane_px = view.line_lane_px()
        out: tuple[tuple[str, ...], int] = (tracks, 0)
        a, b = step_window(self.timeline, step)
        cols = self.timeline.columns
        o = cols.origin_epoch_s
        lane_of = {t.id: k for k, t in enumerate(self.timeline.tracks)}
        own = self.timeline.event(step.event).track if self.timeline.has_event(step.event) else None
        count: dict[str, int] | None = None
        fit = len(ids)
        for _ in range(6):  # the fold's note may take a header line more: fold again under it
            if fit >= len(ids):
                candidate: tuple[tuple[str, ...], int] = (tracks, 0)
            else:
                if count is None:
                    count = {t: cols.count_markers(lane_of[t], a - o, b - o) for t in ids}
                keep = set(sorted(ids, key=lambda t: (t != own, -count[t], ids.index(t)))[:fit])
                candidate = (tuple(t for t in ids if t in keep), len(ids) - fit)
            header_h = self._header_height(self._header_text(index, fold=candidate))
            holds = max(1, int((lanes_room - header_h) // lane_px))
            out = candidate
            if holds >= fit or fit <= 1:
                break
            fit = holds
        self._folds[key] = out
        return out

    def _header_text(self, index: int, number: int | None = None,
                     shown_range: tuple[float, float] | None = None,
                     fold: tuple[tuple[str, ...], int] | None = None) -> str:
        """The header over step ``index`` (0-based): story title, step number (``number``, 1-based,
        when given: the header's height is measured with the widest), tracks left out, drafts and
        planned events in ``shown_range`` (epoch s; default the step's window); ``fold``: the
        step's tracks and how many are folded away (default :meth:`_step_tracks`).

        The tracks a step leaves out are named when they are a few (:data:`NAMED_LEFT_OUT`), else
        counted: 20 names took 11 lines of a 1080 px wall."""
        pres = self.presentation
        if not pres.count:
            return self.story.title
        step = self.story.steps[index]
        text = f"{self.story.title}    {index + 1 if number is None else number} / {pres.count}"
        own = self._subset(self._own_tracks(index))
        tracks, folded = self._step_tracks(index) if fold is None else fold
        shown = self._subset(tracks)
        hidden = [t.label for t in self.timeline.tracks if t.id not in {u.id for u in own.tracks}]
        n = len(self.timeline.tracks)
        if hidden:  # the step shows some tracks only: say which (or how many) are left out
            if len(hidden) <= NAMED_LEFT_OUT:
                # the list wraps between tracks, never inside a name ("Normandy / Format" read as two tracks)
                names = ", ".join(keep_together(visible_controls(name)) for name in hidden)
                text += f"{HEADER_SEP}{len(own.tracks)} of {n} tracks (not shown: {names})"
            else:
                text += f"{HEADER_SEP}{len(own.tracks)} of {n} tracks ({len(hidden)}\u00a0not\u00a0shown)"
        if folded:  # more tracks than the wall holds: the quietest here are left out, and said to be
            more = f"{folded} more track{'s' if folded > 1 else ''}"
            text += f"{HEADER_SEP}{keep_together(more)} not shown (the fewest events here)"
        # drafts and planned events in the step's window are said in words, not by dotted rings only
        note = marks_note(*marks_in_range(shown, *(shown_range or step_window(self.timeline, step))))
        return f"{text}{HEADER_SEP}{keep_together(note).replace(chr(0xa0) * 4, '    ')}" if note else text

    def _header_height(self, text: str) -> int:
        """Height in pixels the header takes with ``text`` at the window's width (as
        :meth:`_fit_header` sizes it), measured on a hidden twin of the header."""
        probe = self._header_probe
        if probe.styleSheet() != self.header.styleSheet():
            probe.setStyleSheet(self.header.styleSheet())
        probe.ensurePolished()
        probe.setText(self._wrapped_header(text))
        return max(probe.heightForWidth(self.width()), probe.fontMetrics().height())

    def _wrapped_header(self, text: str) -> str:
        """``text`` with a line break instead of the separator wherever the next part would not fit
        on the line: a "·" stands between two parts on one line, never alone at a line's end."""
        self.header.ensurePolished()  # (its font size comes from the style sheet)
        fm = QFontMetricsF(self.header.font())
        px = self._px(HEADER_FRACTION)
        room = self.width() - 2 * px - 2 * px // 3 - 8  # the padding either side, and some slack
        lines: list[str] = []
        for part in text.split(HEADER_SEP):
            if lines and fm.horizontalAdvance(lines[-1] + HEADER_SEP + part) <= room:
                lines[-1] += HEADER_SEP + part
            else:
                lines.append(part)
        return "\n".join(lines)

    def _fit_header(self) -> bool:
        """The header as high as the current step's text needs at this width (its notes wrap
        between notes; the timeline takes the rest, as it does from the caption); True when the
        height changed (the layout then needs activating before lanes are fitted)."""
        width = self.width()
        if width <= 0:
            return False
        if self._header_full:
            self.header.setText(self._wrapped_header(self._header_full))
        was = self.header.minimumHeight()
        self.header.setMinimumHeight(0)  # a fixed height bounds what heightForWidth answers
        self.header.setMaximumHeight(16777215)
        need = max(self.header.heightForWidth(width), self.header.fontMetrics().height())
        self.header.setFixedHeight(need)
        return need != was

    def _set_header(self, shown_range: tuple[float, float] | None) -> bool:
        """Build the header for the current step and ``shown_range`` (x, seconds from the shown
        timeline's origin; None: the step's window) once, and fit its height; again only when the
        step, the shown timeline or the range changed.  True when its height changed."""
        key = (self.presentation.index, id(self.view.timeline), shown_range)
        if key == self._header_key:
            return False
        self._header_key = key
        o = self.view.timeline.columns.origin_epoch_s
        full = None if shown_range is None else (shown_range[0] + o, shown_range[1] + o)
        self._header_full = self._header_text(self.presentation.index, shown_range=full)
        self.header.setText(self._header_full)
        self._restyle_header()
        changed = self._fit_header()
        if changed and self.presenter.isVisible():
            self._place_overlays()  # under the header's new height
        return changed

    def _show_step(self, animate: bool) -> None:
        step = self.presentation.step
        if step is None:
            self._set_header(None)
            self.caption.set_caption(None)
            return
        shown = self._subset(self._step_tracks(self.presentation.index)[0])
        if shown is not self.view.timeline:
            self._anim.stop()
            self.view.set_timeline(shown)
        self._show_dday()
        self._show_zone(step)
        self._stepping = True
        try:
            self.state.selected = step.event  # (the caption follows below, not in _on_state)
            self.view.time_axis.set_finest_period(step_precision_s(self.timeline, step))
            # the header counts the drafts the framed range shows (wider than the step's window);
            # built once, before the caption's limit, which is what the header and lanes leave
            self._set_header(self._step_range())
            # the caption first: its height for this step decides the lanes' height
            self.caption.height_limit = self._caption_limit()  # (laid out once, with the caption)
            self._set_caption(step.event)
            layout = self.layout()
            if self.isVisible() and layout is not None:
                layout.activate()  # the view gets the height the caption and header leave now
        finally:
            self._stepping = False
        self._frame_step(animate)

    def _frame_step(self, animate: bool) -> None:
        """Move to the current step's range, its lanes sized for what that range shows."""
        a, b = self._step_range()
        self._framed = self._frame_key()
        # the header counts what the framed range shows; rebuilt only if that range moved
        # (the plot's width changed): its height comes first, the lanes get what it leaves
        layout = self.layout()
        if self._set_header((a, b)) and self.isVisible() and layout is not None:
            layout.activate()
        self.view.fit_lanes_to(a, b)
        self.animate_to(a, b, animate=animate)

    def _size_key(self) -> tuple[int, int, int]:
        """What a step's range and lanes are measured for: the plot's width and the type."""
        style = self.view.style_
        return round(float(self.view.plotItem.vb.width())), style.font_px, style.min_font_px

    def _frame_key(self) -> tuple:
        return (self.presentation.index, id(self.view.timeline), *self._size_key())

    def _step_range(self) -> tuple[float, float]:
        """The x range (seconds from the shown timeline's origin) of the current step: its
        window, moved so that the labels in it are read whole
        (:func:`~viewer.ui.present_fit.step_view_range`)."""
        step = self.presentation.step
        assert step is not None
        item = self.view.events_item
        width_px = float(self.view.plotItem.vb.width())
        if item is None or width_px <= 0:
            a, b = step_window(self.timeline, step)
            origin = self.view.timeline.columns.origin_epoch_s
            return clamp_range(a - origin, b - origin, self.view.limits)
        index = self.presentation.index
        if self._lanes_px_key == self._size_key() and index in self._ranges:
            return self._ranges[index]  # measured with the caption's room (_step_lanes_px)
        return step_view_range(self.timeline, step, self.view.timeline, item, self.view.limits, width_px,
                               self.view.style_)

    def _caption_limit(self) -> float | None:
        """The most the caption area may take: the window's height less the header and what the
        timeline needs at the current step (:meth:`_step_lanes_px` and the time axis).
        At 1280x720 the caption kept the height of the longest caption (step 1's) at every step
        while steps 6 and 12 folded events under "+1" badges for want of 40 px of lanes."""
        view = self.view
        if not self.isVisible():
            return None  # laid out for no screen yet
        view.settle()
        lanes = self._step_lanes_px()
        if lanes is None:
            return None
        axis = max(0.0, float(view.height() - view.plotItem.vb.height()))  # the time axis under the lanes
        return float(round(self.height() - self.header.height() - axis - lanes))

    def _step_lanes_px(self) -> float | None:
        """Pixels of lanes (and band titles) the current step needs for every event in its
        window to get a sub-row and a whole label, lanes squeezed to the smallest wall type
        (:func:`~viewer.ui.present_fit.lanes_need`); None before the view is laid out.

        Only the current step is measured, once per step and plot width: measuring the first 24
        steps made a resize take ~425 ms and opening a 300-step story ~930 ms."""
        view = self.view
        width_px = float(view.plotItem.vb.width())
        index = self.presentation.index
        step = self.presentation.step
        if width_px <= 0 or step is None:
            return None
        style = view.style_
        key = self._size_key()
        if self._lanes_px_key != key:
            self._lanes_px_key, self._lanes_px, self._ranges = key, {}, {}
        if index in self._lanes_px:
            return self._lanes_px[index]
        need = 0.0
        if self.timeline.has_event(step.event):
            shown = self._subset(self._step_tracks(index)[0])
            item = self._measurer(shown, style)
            a, b = step_view_range(self.timeline, step, shown, item, view_limits(shown), width_px, style)
            if shown is view.timeline:
                self._ranges[index] = (a, b)
            cols = shown.columns
            try:
                sel_row: int | None = cols.row_of(step.event)
            except KeyError:
                sel_row = None
            tab = view.bands_item.tab_height() if view.bands_item is not None else 0.0
            _rows, _full, least = lanes_need(cols, item, style, a, b, width_px, sel_row, view.strip_px())
            need = least + (tab if cols.band_count else 0.0)
        self._lanes_px[index] = need
        return need

    def _measurer(self, shown: Timeline, style) -> EventLayerItem:
        """An event layer of ``shown`` that is never drawn: it measures labels in ``style``."""
        key = tuple(t.id for t in shown.tracks)
        item = self._measurers.get(key)
        if item is None:
            item = self._measurers[key] = EventLayerItem(shown, style)
        elif item.style is not style:
            item.set_style(style)
        return item

    def _resolve_dday(self, spec: str | None):
        """The D-day of ``spec`` in this timeline, or None (off, or it does not name a day: said in the header)."""
        self.dday_problem = ""
        if not spec:
            return None
        from ..model.dday import DDayError, resolve_dday

        try:
            return resolve_dday(self.timeline, spec, self.zone)
        except DDayError as exc:
            self.dday_problem = str(exc)
            return None

    def _show_zone(self, step) -> None:
        """Name a display zone other than UTC under the axis, as in force in the step's window
        ("Asia/Kathmandu (+0545, UTC+05:45)"): the ticks are in its calendar, as on the desk."""
        if self.zone == "UTC":
            return
        a, b = step_window(self.timeline, step)
        self.view.time_axis.set_zone(self.zone, zone_label(self.zone, (a + b) / 2))

    def _show_dday(self) -> None:
        """The relative (D-day) row under the time axis, as on the desk."""
        axis = self.view.time_axis
        if self.dday is None:
            axis.set_relative(None)
        else:
            axis.set_relative(self.dday.day, self.dday.describe())

    def _set_caption(self, event_id: str | None) -> None:
        if event_id is not None and self.timeline.has_event(event_id):
            self.caption.set_caption(caption_for(self.timeline, event_id))
        else:
            self.caption.set_caption(None)

    def animate_to(self, a: float, b: float, animate: bool = True) -> None:
        """Move the view to ``[a, b]`` (x, seconds from the shown timeline's origin).

        Animated over :attr:`animation_ms` with ease-in-out; the centre moves
        linearly and the width geometrically (a constant zoom rate).  A new
        call interrupts a running move and starts from where the view is.
        """
        self._anim.stop()
        self._to = clamp_range(a, b, self.view.limits)
        self._from = self.view.x_range()
        if not animate or self.animation_ms <= 0 or not self.isVisible():
            self.view.set_x_range(*self._to)
            return
        self._anim.setDuration(self.animation_ms)
        self._anim.start()

    def finish_animation(self) -> None:
        """Jump to the end of a running move."""
        if self._anim.state() == QVariantAnimation.State.Running:
            self._anim.stop()
            self.view.set_x_range(*self._to)

    def is_animating(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def _on_anim(self, t) -> None:
        t = float(t)
        (a0, b0), (a1, b1) = self._from, self._to
        c = (a0 + b0) / 2 * (1 - t) + (a1 + b1) / 2 * t
        w0, w1 = max(b0 - a0, 1e-9), max(b1 - a1, 1e-9)
        w = w0 * (w1 / w0) ** t
        self.view.set_x_range(c - w / 2, c + w / 2)

    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        if "selected" in changed and not self._stepping:  # a click in the view picks another event: the caption follows
            self._set_caption(state.selected)

    # -- keys ------------------------------------------------------------
    _NEXT = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down}
    _PREV = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up}

    def keyPressEvent(self, ev) -> None:  # noqa: N802
        key = ev.key()
        pres = self.presentation
        text = ev.text()
        if key in self._NEXT:
            pres.next()
        elif key in self._PREV:
            pres.previous()
        elif key == Qt.Key.Key_Home:
            pres.first()
        elif key == Qt.Key.Key_End:
            pres.last()
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            pres.toggle_blank()
        elif text and text in "0123456789" and len(text) == 1:
            pres.type_digit(text)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            pres.enter()
        elif key == Qt.Key.Key_P:
            self.toggle_presenter_overlay()
        elif key == Qt.Key.Key_Escape:
            if not pres.clear_typed():
                self.close()
        else:
            super().keyPressEvent(ev)
            return
        ev.accept()

    def toggle_presenter_overlay(self) -> None:
        """Show or hide the presenter's notes, next step and clock over the presentation."""
        self.presenter.setVisible(not self.presenter.isVisible())
        self._place_overlays()
        self.presenter.raise_()

    # -- geometry and lifetime -------------------------------------------
    def _place_overlays(self) -> None:
        w, h = self.width(), self.height()
        self.blank.setGeometry(0, 0, w, h)
        pw = int(w * 0.42)
        self.presenter.set_width(pw)
        need = self.presenter.height_for_width(pw)  # word-wrapped labels: height for this width
        # under the header: its drafts and planned notes stay in view of the presenter (at 1366x768
        # the overlay covered "N planned (hollow, dashed)"); what does not fit scrolls
        top = self.header.minimumHeight() + 8  # the header is first in the layout, at y 0, its height fixed
        self.presenter.setFixedHeight(max(50, min(need, 16 + int(h * 0.6) - top)))  # its bottom where it was
        self.presenter.move(w - pw - 16, top)
        self.goto.move(w - self.goto.width() - 24, h - self.goto.height() - 24)

    def resizeEvent(self, ev) -> None:  # noqa: N802
        super().resizeEvent(ev)
        self._restyle_header()
        self._fit_header()
        self.presenter.set_px(self._px(1 / 45))
        self.view.restyle()
        self.caption.set_height_limit(self._caption_limit())
        self.caption.relayout()
        self._place_overlays()
        if self._refolded():
            return
        if self.presentation.step is not None and self._framed != self._frame_key():
            self.finish_animation()
            # the step's label was measured against the old width or type: frame the step for this one
            self._frame_step(animate=False)

    def _refolded(self) -> bool:
        """Show the current step again when the tracks it folds away (:meth:`_step_tracks`)
        changed with the window's size; True when it did."""
        if self.presentation.step is None or self._stepping:
            return False
        if self._subset(self._step_tracks(self.presentation.index)[0]) is self.view.timeline:
            return False
        self.finish_animation()
        self._show_step(animate=False)
        return True

    def _on_view_resized(self) -> None:
        """The plot has its new size (it may come after :meth:`resizeEvent`): the labels and lanes
        of the step were measured for the old one.  Only its height changed (the caption of the
        next step, or of an event clicked, is taller or shorter): the lanes are sized again for
        the same window, which stays where it is."""
        if self._stepping:
            return  # _show_step frames the step next
        if self._refolded():
            return
        self.caption.set_height_limit(self._caption_limit())
        if self.presentation.step is None:
            return
        if self._framed == self._frame_key() and self.view.fit_window is not None:
            self.view.fit_lanes_to(*self.view.fit_window)
            return
        self.finish_animation()
        self._frame_step(animate=False)

    def closeEvent(self, ev) -> None:  # noqa: N802
        self._anim.stop()
        self._cursor.stop()
        super().closeEvent(ev)
        self.sigClosed.emit()

    @property
    def cursor_hidden(self) -> bool:
        """True while the idle mouse cursor is hidden."""
        return self._cursor.hidden


def screen_infos():
    """``ScreenInfo`` of every attached screen, in ``QGuiApplication.screens()`` order."""
    from ..model.presentation import ScreenInfo

    primary = QGuiApplication.primaryScreen()
    return [ScreenInfo(s.name() or f"Screen {i + 1}", s.size().width(), s.size().height(), s is primary)
            for i, s in enumerate(QGuiApplication.screens())]
