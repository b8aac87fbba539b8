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
only mirrors them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPainter
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..graphics.style import SHAPE_GLYPHS, TimelineStyle, label_font
from ..model.presentation import Caption, Presentation, caption_for, timeline_for_tracks
from ..model.story import Story, step_precision_s, step_window
from ..model.text import visible_controls
from ..model.timeline import Timeline
from ..model.viewstate import ViewState, clamp_range
from .timeline_view import TimelineView

__all__ = ["PresentWindow", "BriefingTimelineView", "CaptionWidget", "PresenterPanel", "layout_caption",
           "ANIMATION_MS", "CURSOR_IDLE_MS", "CAPTION_MIN_FRACTION", "THEMES"]

ANIMATION_MS = 400
"""Duration of the move to a step's window (ms)."""
CURSOR_IDLE_MS = 2500
"""The mouse cursor is hidden after this long without movement (ms)."""
CAPTION_MIN_FRACTION = 1 / 38
"""Smallest caption text, as a fraction of the screen height (legibility bound ~1/40)."""
THEMES = ("dark", "light")


def _theme_colours(theme: str) -> dict[str, str]:
    style = TimelineStyle.for_briefing(1080, theme)
    muted = "#b8c0ca" if theme == "dark" else "#3b4350"
    accent = "#ffd27a" if theme == "dark" else "#7a4f00"
    return {"bg": style.background, "text": style.text, "muted": muted, "accent": accent,
            "panel": "#1a1f26" if theme == "dark" else "#eef1f5"}


class BriefingTimelineView(TimelineView):
    """The timeline widget in the briefing theme: sizes follow the *screen* height.

    Parameters
    ----------
    timeline : Timeline
    state : ViewState
    theme : {"dark", "light"}
    colour_blind : bool
        Okabe-Ito track colours and one marker shape per track.
    screen_height : callable() -> float
        Height in pixels of the screen the presentation fills.
    """

    def __init__(self, timeline: Timeline, state: ViewState, theme: str = "dark", colour_blind: bool = True,
                 screen_height=None) -> None:
        self.theme = theme
        self.colour_blind = colour_blind
        self._screen_height = screen_height or (lambda: 1080.0)
        # colours and shapes belong to tracks, not lanes: a step showing
        # fewer tracks keeps each track's colour and shape
        self.all_tracks = [t.id for t in timeline.tracks]
        # kept when in the palette; uncoloured tracks pass the colours the desk
        # view gives them (viewer.model.timeline.track_colours), so the wall
        # screen matches the desk view, hand-outs and exported pictures
        self._own_colours = timeline.track_colours
        super().__init__(timeline, state)
        style = self.make_style()
        self.setBackground(style.background)
        self.plotItem.showGrid(x=True, y=False, alpha=0.35 if theme == "dark" else 0.25)
        for name in ("left", "bottom"):
            axis = self.plotItem.getAxis(name)
            axis.setPen(style.axis_line)
            axis.setTextPen(style.axis_text)
            axis.label.setDefaultTextColor(QColor(style.axis_text))
        # every track label is shown, however large the type (pyqtgraph drops
        # labels past a fill fraction by default)
        self.plotItem.getAxis("left").setStyle(textFillLimits=[(0, 1.0)])
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the presentation window

    def make_style(self) -> TimelineStyle:
        """The briefing style for the screen height (see :meth:`TimelineStyle.for_briefing`)."""
        full = TimelineStyle.for_briefing(max(float(self._screen_height()), 300.0), self.theme,
                                          self.colour_blind, n_tracks=max(1, len(self.all_tracks)),
                                          own_colours=self._own_colours or (None,))
        if not full.track_colors:
            return full
        where = {tid: i for i, tid in enumerate(self.all_tracks)}
        lanes = [where.get(t.id, i) for i, t in enumerate(self.timeline.tracks)]
        return replace(full, track_colors=tuple(full.track_colors[k % len(full.track_colors)] for k in lanes),
                       track_shapes=tuple(full.track_shapes[k % len(full.track_shapes)] for k in lanes))

    def set_timeline(self, timeline: Timeline) -> None:
        """Show another timeline; track labels carry their marker shape (◆ ● ■ ...)."""
        self.disclosure_marks = False  # an audience sees no ▸ / ▾
        super().set_timeline(timeline)
        self._fit_left_axis()

    def track_label(self, lane: int) -> str:
        """The track's label after its marker shape (◆ ● ■ ...), placed by the lane geometry."""
        style = self.style_
        glyph = SHAPE_GLYPHS.get(style.track_shape(lane), "") if style.track_shapes else ""
        return f"{glyph} {self.timeline.tracks[lane].label}".strip()

    def max_label_width(self) -> float | None:
        """No cap: :meth:`_fit_left_axis` sizes the column to the whole labels."""
        return None

    def _apply_style(self) -> None:
        super()._apply_style()
        self._fit_left_axis()

    def _fit_left_axis(self) -> None:
        """Make the track-label column as wide as its longest label at the current size."""
        left = self.plotItem.getAxis("left")
        font = label_font(self.style_.font_px, bold=True, family=self.style_.font_family)
        fm = QFontMetricsF(font)
        labels = [text for level in (left._tickLevels or []) for _, text in level]
        widest = max((fm.horizontalAdvance(t) for t in labels), default=fm.horizontalAdvance("Track"))
        left.setWidth(int(widest + self.style_.font_px * 1.2))


# ---------------------------------------------------------------------------
# caption


@dataclass(frozen=True)
class _Line:
    text: str
    font: QFont
    color: str
    height: float


def layout_caption(caption: Caption | None, width: float, screen_h: float, theme: str,
                   max_height: float) -> list[_Line]:
    """Lines of a caption, with fonts sized for the screen and shrunk to fit.

    Title ``screen_h / 30`` bold; quotes from ``screen_h / 24`` down to
    :data:`CAPTION_MIN_FRACTION` until everything fits in ``max_height``;
    speaker, source and date lines ``screen_h / 36``.  Direct quotes are
    put in quotation marks, reported speech in italics without them and
    attributed ("X said that …", :func:`viewer.model.quoting.quote_sentence`).  Text
    is always plain (never HTML).

    Parameters
    ----------
    caption : Caption or None
    width, max_height : float
        Room for the text (pixels).
    screen_h : float
        Height of the screen (pixels).
    theme : {"dark", "light"}

    Returns
    -------
    list
        ``_Line(text, font, color, height)`` top to bottom (word-wrapped at ``width``).
    """
    if caption is None:
        return []
    colours = _theme_colours(theme)
    meta_px = max(13, round(screen_h / 36))
    title_px = max(14, round(screen_h / 30))
    min_px = max(12, round(screen_h * CAPTION_MIN_FRACTION + 0.5))

    def line(text: str, px: int, color: str, bold=False, italic=False) -> _Line:
        text = visible_controls(text)  # data text: directional controls shown, not obeyed
        f = label_font(px, bold=bold)
        f.setItalic(italic)
        h = QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text).height()
        return _Line(text, f, color, h)

    quote_px = max(min_px, round(screen_h / 24))
    while True:
        lines = [line(caption.title, title_px, colours["accent"], bold=True)]
        if caption.quotes:
            for q in caption.quotes[:2]:
                if q.direct:
                    lines.append(line(f"“{q.text}”", quote_px, colours["text"]))
                    if q.who:
                        lines.append(line(f"— {q.who}", meta_px, colours["text"]))
                else:  # reported speech: attributed, never in quotation marks (viewer.model.quoting)
                    lines.append(line(q.sentence or q.text, quote_px, colours["text"], italic=True))
        elif caption.summary:
            lines.append(line(caption.summary, quote_px, colours["text"]))
        meta = " · ".join(x for x in (caption.source, caption.date) if x)
        if meta:
            lines.append(line(meta, meta_px, colours["muted"]))
        total = sum(ln.height for ln in lines) + 0.25 * meta_px * (len(lines) - 1)
        if total <= max_height or quote_px <= min_px:
            return lines
        quote_px = max(min_px, quote_px - max(1, quote_px // 12))


def paint_caption(p: QPainter, rect: QRectF, lines: list[_Line], gap: float) -> list[str]:
    """Draw caption lines top-down in ``rect``; returns the texts drawn."""
    y = rect.top()
    drawn = []
    for ln in lines:
        if y >= rect.bottom():
            break
        p.setFont(ln.font)
        p.setPen(QColor(ln.color))
        p.drawText(QRectF(rect.left(), y, rect.width(), ln.height + 2),
                   int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft), ln.text)
        drawn.append(ln.text)
        y += ln.height + gap
    return drawn


class CaptionWidget(QWidget):
    """The caption under the timeline: title, verbatim quote(s), speaker, source, date.

    ``drawn_text()`` returns what the last paint put on screen.
    """

    def __init__(self, theme: str, screen_height, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._screen_height = screen_height
        self.caption: Caption | None = None
        self.story_captions: list[Caption] = []  # every caption of the story: the longest sets the height
        self._story_height: float | None = None
        self._story_key: tuple[int, int] | None = None
        self._drawn: list[str] = []
        self._lines: list[_Line] = []
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def set_caption(self, caption: Caption | None) -> None:
        self.caption = caption
        self._relayout()

    def set_story_captions(self, captions: list[Caption]) -> None:
        """The captions of every step: the caption area keeps the height of the longest
        for the whole story, so the timeline above does not jump between steps."""
        self.story_captions = list(captions)
        self._story_height = None
        self._relayout()

    def _need(self, caption: Caption | None, width: float, h: float) -> float:
        lines = layout_caption(caption, width, h, self.theme, max_height=0.34 * h)
        return sum(ln.height for ln in lines) + 0.25 * h / 36 * max(0, len(lines) - 1)

    def _relayout(self) -> None:
        h = float(self._screen_height())
        pad = h / 60
        width = max(100.0, self.width() - 2 * pad)
        key = (round(width), round(h))
        if self.story_captions and self._story_key != key:
            self._story_key = key
            self._story_height = max(self._need(c, width, h) for c in self.story_captions)
        story = self._story_height if self.story_captions else None
        # the room every caption of the story gets: text shrinks only when even that is too little
        room = min(story, 0.34 * h) if story is not None else 0.34 * h
        self._lines = layout_caption(self.caption, width, h, self.theme, max_height=room)
        need = sum(ln.height for ln in self._lines) + 0.25 * h / 36 * max(0, len(self._lines) - 1)
        if story is not None:
            need = max(need, story)
        self.setFixedHeight(int(min(max(need + 2 * pad, h * 0.12), 0.4 * h)))
        self.update()

    def lines(self) -> list[_Line]:
        """The laid-out lines (fonts included), for tests and the hand-out."""
        return list(self._lines)

    def drawn_text(self) -> list[str]:
        """The texts of the last paint, top to bottom."""
        return list(self._drawn)

    def resizeEvent(self, ev) -> None:  # noqa: N802
        super().resizeEvent(ev)
        if self.caption is not None and ev.oldSize().width() != ev.size().width():
            self._relayout()

    def paintEvent(self, ev) -> None:  # noqa: N802, ARG002
        colours = _theme_colours(self.theme)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.fillRect(self.rect(), QColor(colours["panel"]))
        p.fillRect(QRectF(0, 0, self.width(), 3), QColor(colours["accent"]))
        h = float(self._screen_height())
        pad = h / 60
        self._drawn = paint_caption(p, QRectF(pad, pad, self.width() - 2 * pad, self.height() - 2 * pad),
                                    self._lines, 0.25 * h / 36)
        p.end()


_MAX_STORY_CAPTIONS = 300
"""Captions measured for the story's caption height (a default story of a huge file has a step per event)."""


def _story_captions(timeline: Timeline, story: Story) -> list[Caption]:
    """Captions of the story's steps (the first :data:`_MAX_STORY_CAPTIONS`)."""
    out = []
    for step in story.steps[:_MAX_STORY_CAPTIONS]:
        if timeline.has_event(step.event):
            out.append(caption_for(timeline, step.event))
    return out


# ---------------------------------------------------------------------------
# presenter panel (overlay on one screen, own window on a second)


class PresenterPanel(QFrame):
    """Current and next step, the presenter's note, elapsed time and the clock.

    Parameters
    ----------
    presentation : Presentation
    timeline : Timeline
    started : float
        ``time.monotonic()`` when the presentation started.
    px : int
        Base font size in pixels.
    """

    def __init__(self, presentation: Presentation, timeline: Timeline, started: float, px: int,
                 parent=None) -> None:
        super().__init__(parent)
        self.presentation = presentation
        self.timeline = timeline
        self.started = started
        self.setObjectName("presenter")
        self._layout = QVBoxLayout(self)
        self.now = QLabel()
        self.next = QLabel()
        self.note = QLabel()
        self.clock = QLabel()
        for label in (self.now, self.next, self.note, self.clock):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            self._layout.addWidget(label)
        self.set_px(px)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        presentation.subscribe(lambda *_: self.refresh())
        self.refresh()

    def set_px(self, px: int) -> None:
        """Size the text: ``px`` pixels for the note, larger for the current step."""
        self.setStyleSheet(f"QFrame#presenter {{ background: rgba(20, 24, 30, 235); border: 2px solid #ffd27a; "
                           f"border-radius: 8px; }} QLabel {{ color: #f4f6f8; font-size: {px}px; }}")
        self._layout.setContentsMargins(px, px // 2, px, px // 2)
        self.now.setStyleSheet(f"font-weight: bold; font-size: {int(px * 1.15)}px;")
        self.next.setStyleSheet(f"color: #b8c0ca; font-size: {px}px;")
        self.note.setStyleSheet(f"color: #ffffff; font-size: {px}px; padding-top: 6px;")
        self.clock.setStyleSheet(f"color: #ffd27a; font-size: {px}px;")

    def _title(self, event_id: str) -> str:
        return visible_controls(self.timeline.event(event_id).title) if self.timeline.has_event(event_id) else event_id

    def refresh(self) -> None:
        """Show the presentation's current state."""
        pres = self.presentation
        step, nxt = pres.step, pres.next_step
        self.now.setText(f"Step {pres.index + 1} of {pres.count}: {self._title(step.event)}" if step else "No steps")
        self.next.setText(f"Next: {self._title(nxt.event)}" if nxt else "Next: (end of the story)")
        self.note.setText(step.note if step and step.note else "(no note)")
        self._tick()

    def _tick(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        self.clock.setText(f"Elapsed {elapsed // 60:02d}:{elapsed % 60:02d}   ·   Clock {time.strftime('%H:%M')}")


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

    Attributes
    ----------
    presentation : Presentation
    state : ViewState
        Visible x range and selected event of the presented view.
    """

    sigClosed = Signal()

    def __init__(self, timeline: Timeline, story: Story, theme: str = "dark", colour_blind: bool = True,
                 animation_ms: int = ANIMATION_MS, screen_height: float | None = None, parent=None,
                 dday: str | None = None) -> None:
        super().__init__(parent)
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; expected one of {', '.join(THEMES)}")
        self.timeline = timeline
        self.story = story
        self.theme = theme
        self.animation_ms = animation_ms
        self.fixed_screen_height = screen_height
        self.presentation = Presentation(story)
        self.state = ViewState()
        self.started = time.monotonic()
        self._subsets: dict[tuple[str, ...], Timeline] = {}
        self._header_width: int | None = None  # the width the header's height was fitted for
        self.setWindowTitle(f"{story.title} — presenting — Timeline Viewer")
        colours = _theme_colours(theme)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"PresentWindow {{ background: {colours['bg']}; }}")
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor(colours["bg"]))
        self.setPalette(pal)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)  # a long story title must not widen the window past a 1024 px projector
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.header)
        self.view = BriefingTimelineView(timeline, self.state, theme, colour_blind, self.screen_h)
        layout.addWidget(self.view, 1)
        self.caption = CaptionWidget(theme, self.screen_h)
        layout.addWidget(self.caption)
        self.caption.set_story_captions(_story_captions(timeline, story))
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
        """Height in pixels the type is sized for (the screen's when full screen)."""
        if self.fixed_screen_height:
            return float(self.fixed_screen_height)
        return float(max(self.height(), 300))

    def _px(self, fraction: float) -> int:
        return max(12, round(self.screen_h() * fraction))

    def _restyle_header(self) -> None:
        colours = _theme_colours(self.theme)
        px = self._px(1 / 36)  # as large as the event labels: it is read from the back of the room too
        self.header.setStyleSheet(f"color: {colours['muted']}; font-size: {px}px; padding: {px // 3}px {px}px;"
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

    def _header_text(self, index: int) -> str:
        """The header over step ``index`` (0-based): story title, step number, tracks left out."""
        pres = self.presentation
        if not pres.count:
            return self.story.title
        step = self.story.steps[index]
        text = f"{self.story.title}    {index + 1} / {pres.count}"
        shown = self._subset(step.tracks)
        hidden = [t.label for t in self.timeline.tracks if t.id not in {u.id for u in shown.tracks}]
        if hidden:  # the step shows some tracks only: say which are left out
            n = len(self.timeline.tracks)
            text += f"    ·    {len(shown.tracks)} of {n} tracks (not shown: {', '.join(hidden)})"
        return text

    def _fit_header(self) -> None:
        """One header height for the whole story (the tallest step's), so the timeline does not jump."""
        width = self.width()
        if width <= 0 or self._header_width == width:
            return
        self._header_width = width
        current = self.header.text()
        tallest = 0
        for k in range(min(self.presentation.count, _MAX_STORY_CAPTIONS)) or [0]:
            self.header.setText(self._header_text(k))
            tallest = max(tallest, self.header.heightForWidth(width))
        self.header.setText(current)
        self.header.setFixedHeight(max(tallest, self.header.fontMetrics().height()))

    def _show_step(self, animate: bool) -> None:
        step = self.presentation.step
        self.header.setText(self._header_text(self.presentation.index))
        if step is None:
            self.caption.set_caption(None)
            return
        shown = self._subset(step.tracks)
        if shown is not self.view.timeline:
            self._anim.stop()
            self.view.set_timeline(shown)
        self._show_dday()
        self.state.selected = step.event
        self.view._axis.set_finest_period(step_precision_s(self.timeline, step))
        a, b = step_window(self.timeline, step)
        origin = shown.columns.origin_epoch_s
        self.animate_to(a - origin, b - origin, animate=animate)
        self._set_caption(step.event)

    def _resolve_dday(self, spec: str | None):
        """The D-day of ``spec`` in this timeline, or None (off, or it does not name a day: said in the header)."""
        self.dday_problem = ""
        if not spec:
            return None
        from ..model.dday import DDayError, resolve_dday

        try:
            return resolve_dday(self.timeline, spec)
        except DDayError as exc:
            self.dday_problem = str(exc)
            return None

    def _show_dday(self) -> None:
        """The relative (D-day) row under the time axis, as on the desk."""
        axis = self.view._axis
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
        if "selected" in changed:  # a click in the view picks another event: the caption follows
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
        self.presenter.setFixedWidth(pw)
        need = self.presenter.layout().totalHeightForWidth(pw)  # word-wrapped labels: height for this width
        self.presenter.setFixedHeight(max(50, min(need, int(h * 0.6))))
        self.presenter.move(w - pw - 16, 16)
        self.goto.move(w - self.goto.width() - 24, h - self.goto.height() - 24)

    def resizeEvent(self, ev) -> None:  # noqa: N802
        super().resizeEvent(ev)
        self._restyle_header()
        self._header_width = None
        self._fit_header()
        self.presenter.set_px(self._px(1 / 45))
        self.caption._relayout()
        self.view._apply_style()
        self._place_overlays()
        if self.presentation.step is not None:
            self.finish_animation()

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
