"""Present mode as a presenter drives it: clicker keys, animation, captions, legibility, overlays."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetricsF

from viewer.graphics.style import label_font
from viewer.io import read_timeline
from viewer.model.story import step_window
from viewer.ui.main_window import MainWindow
from viewer.ui.present import PresentWindow


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def make(qtbot, tl, size=(1920, 1080), **kw):
    pw = PresentWindow(tl, tl.stories[0], **kw)
    qtbot.addWidget(pw)
    pw.resize(*size)
    pw.show()
    qtbot.waitExposed(pw)
    return pw


def settle(qtbot, pw):
    qtbot.waitUntil(lambda: not pw.is_animating(), timeout=3000)
    pw.view.viewport().repaint()
    pw.caption.repaint()
    qtbot.wait(10)


def event_in_view(pw, event_id):
    cols = pw.view.timeline.columns
    row = cols.row_of(event_id)
    a, b = pw.view.x_range()
    x = cols.xm[row] if cols.kind[row] == 0 else cols.known_extent(row)[1]
    return a <= x <= b


def test_clicker_keys_move_through_the_story(qtbot, tl):
    pw = make(qtbot, tl, animation_ms=0)
    n = len(tl.stories[0].steps)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down):
        qtbot.keyClick(pw, key)
    assert pw.presentation.index == 4
    for key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
        qtbot.keyClick(pw, key)
    assert pw.presentation.index == 1
    qtbot.keyClick(pw, Qt.Key.Key_Up)
    qtbot.keyClick(pw, Qt.Key.Key_Up)  # stays on the first
    assert pw.presentation.index == 0
    qtbot.keyClick(pw, Qt.Key.Key_End)
    assert pw.presentation.index == n - 1 and pw.state.selected == "drills-end"
    qtbot.keyClick(pw, Qt.Key.Key_Home)
    assert pw.presentation.index == 0 and pw.state.selected == tl.stories[0].steps[0].event


def test_every_step_shows_its_event_and_its_caption(qtbot, tl):
    pw = make(qtbot, tl)
    for k, step in enumerate(tl.stories[0].steps):
        if k:
            qtbot.keyClick(pw, Qt.Key.Key_Right)
        settle(qtbot, pw)
        assert pw.state.selected == step.event
        assert event_in_view(pw, step.event), step.event
        ev = tl.event(step.event)
        drawn = "\n".join(pw.caption.drawn_text())
        assert ev.title in drawn
        if ev.quotes:  # the verbatim quote, in quotation marks when direct
            q = ev.quotes[0]
            assert (f"“{q.text}”" if q.kind.value == "direct" else q.text) in drawn
        if step.tracks:
            assert [t.id for t in pw.view.timeline.tracks] == [t.id for t in tl.tracks if t.id in step.tracks]


def test_caption_of_lavrov_step_is_the_quote_speaker_outlet_and_date(qtbot, tl):
    pw = make(qtbot, tl, animation_ms=0)
    k = [s.event for s in tl.stories[0].steps].index("lavrov-lowest-level")
    for digit in str(k + 1):
        qtbot.keyClick(pw, digit)
    qtbot.keyClick(pw, Qt.Key.Key_Return)
    settle(qtbot, pw)
    drawn = pw.caption.drawn_text()
    assert "“at their lowest level in recent years”" in drawn
    assert "— Sergey Lavrov, Russian Foreign Minister" in drawn
    assert any("Washington Insider Magazine" in t and "Thu 10 Feb 2022" in t for t in drawn)


def test_step_animates_and_can_be_interrupted(qtbot, tl):
    # a slow animation, so that a loaded machine still shows frames between its ends
    pw = make(qtbot, tl, animation_ms=1500)
    settle(qtbot, pw)
    start = pw.view.x_range()
    qtbot.keyClick(pw, Qt.Key.Key_End)  # last step: a wider window
    assert pw.is_animating()
    qtbot.waitUntil(lambda: pw.view.x_range() != start, timeout=1200)  # moving ...
    mid = pw.view.x_range()
    target_last = step_window(tl, tl.stories[0].steps[-1])
    origin = pw.view.timeline.columns.origin_epoch_s
    assert abs(mid[0] - (target_last[0] - origin)) > 60  # ... and not there yet
    qtbot.keyClick(pw, Qt.Key.Key_Home)  # interrupt: back to the first step
    settle(qtbot, pw)
    a, b = pw.view.x_range()
    assert (a, b) == pytest.approx(start, abs=1.0)


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
@pytest.mark.parametrize("theme", ["dark", "light"])
def test_text_is_legible_from_the_back_of_the_room(qtbot, tl, size, theme):
    w, h = size
    bound = h / 40  # event labels at least ~1/40 of the screen height
    pw = make(qtbot, tl, size=size, theme=theme, animation_ms=0)
    pw.presentation.go_to(8)
    settle(qtbot, pw)
    image = pw.grab().toImage()
    assert (image.width(), image.height()) == size
    style = pw.view.events_item.style
    label_h = QFontMetricsF(label_font(style.font_px, family=style.font_family)).height()
    assert label_h >= bound
    labelled = [p for p in pw.view.events_item._frame.placements if p.label_width > 0]
    assert len(labelled) >= 6  # the labels are really drawn at that size
    # track labels and the time axis
    left_font = pw.view.plotItem.getAxis("left").style["tickFont"]
    assert QFontMetricsF(left_font).height() >= bound
    assert QFontMetricsF(pw.view._axis._tick_font()).height() >= bound
    # every caption line
    for line in pw.caption.lines():
        assert QFontMetricsF(line.font).height() >= bound, line.text


def test_tracks_keep_colour_and_shape_across_steps_and_shapes_differ(qtbot, tl):
    pw = make(qtbot, tl, animation_ms=0)
    seen = {}
    for k in range(len(tl.stories[0].steps)):
        pw.presentation.go_to(k)
        style = pw.view.style_
        for lane, track in enumerate(pw.view.timeline.tracks):
            got = (style.track_color(lane, track.color), style.track_shape(lane))
            assert seen.setdefault(track.id, got) == got, track.id
    assert len(seen) == len(tl.tracks)
    assert len(set(seen.values())) == len(tl.tracks)  # no two tracks alike
    assert len({colour for colour, _ in seen.values()}) == len(tl.tracks)
    # and as on the desk and in hand-outs (wall2: the wall gave every track its own shape, the desk diamonds)
    assert [seen[t.id][1] for t in tl.tracks] == list(tl.track_shapes)


def test_blank_screen_and_go_to_step(qtbot, tl):
    pw = make(qtbot, tl, animation_ms=0)
    qtbot.keyClick(pw, Qt.Key.Key_B)
    assert pw.blank.isVisible() and pw.blank.geometry() == pw.rect()
    image = pw.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() == "#000000"
    qtbot.keyClick(pw, Qt.Key.Key_Period)
    assert not pw.blank.isVisible()
    qtbot.keyClick(pw, "1")
    qtbot.keyClick(pw, "0")
    assert pw.goto.isVisible() and "10" in pw.goto.text()
    qtbot.keyClick(pw, Qt.Key.Key_Enter)
    assert pw.presentation.index == 9 and not pw.goto.isVisible()
    qtbot.keyClick(pw, "3")
    qtbot.keyClick(pw, Qt.Key.Key_Escape)  # Esc first forgets the digits ...
    assert pw.isVisible() and pw.presentation.index == 9


def test_escape_leaves(qtbot, tl):
    pw = make(qtbot, tl, animation_ms=0)
    with qtbot.waitSignal(pw.sigClosed, timeout=1000):
        qtbot.keyClick(pw, Qt.Key.Key_Escape)
    assert not pw.isVisible()


def test_presenter_overlay_shows_note_next_step_and_clock(qtbot, tl):
    pw = make(qtbot, tl, animation_ms=0)
    story = tl.stories[0]
    assert not pw.presenter.isVisible()
    qtbot.keyClick(pw, Qt.Key.Key_P)
    assert pw.presenter.isVisible()
    assert pw.presenter.note.text() == story.steps[0].note
    assert tl.event(story.steps[1].event).title in pw.presenter.next.text()
    assert "Elapsed 00:0" in pw.presenter.clock.text()
    qtbot.keyClick(pw, Qt.Key.Key_Right)
    assert pw.presenter.note.text() == story.steps[1].note
    assert pw.presenter.now.text().startswith(f"Step 2 of {len(story.steps)}")
    qtbot.keyClick(pw, Qt.Key.Key_P)
    assert not pw.presenter.isVisible()


def test_cursor_hides_when_idle_and_returns_on_movement(qtbot, tl):
    pw = make(qtbot, tl, animation_ms=0)
    pw._cursor.timer.setInterval(30)
    pw._cursor.timer.start()
    qtbot.waitUntil(lambda: pw.cursor_hidden, timeout=2000)
    assert pw.cursor().shape() == Qt.CursorShape.BlankCursor
    # a move to where the (offscreen) cursor already is sends no event: move to
    # a few distinct points until the window has seen one
    for pos in [QPoint(5, 5), QPoint(200, 200), QPoint(220, 210), QPoint(40, 90)] * 3:
        qtbot.mouseMove(pw.view.viewport(), pos)
        qtbot.wait(5)
        if not pw.cursor_hidden:
            break
    qtbot.waitUntil(lambda: not pw.cursor_hidden, timeout=2000)
    assert pw.cursor().shape() != Qt.CursorShape.BlankCursor


def test_f5_in_the_main_window_presents_full_screen(qtbot, tl, bundled_path):
    w = MainWindow(tl, read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.present_action.trigger()
    pw = w.present_window
    qtbot.addWidget(pw)
    qtbot.waitExposed(pw)
    assert pw.isFullScreen()
    assert pw.story.title == tl.stories[0].title
    qtbot.keyClick(pw, Qt.Key.Key_Escape)
    assert not pw.isVisible() and w.isVisible()


def test_present_mode_keeps_the_track_colours_of_the_desk_view():
    """The wall screen must match the desk view, hand-outs and pictures: the
    bundled tracks are already Okabe-Ito colours, so each keeps its own;
    only colours outside the theme's palette are replaced (yellow on white)."""
    from viewer.graphics.style import briefing_colours

    own = ("#E69F00", "#D55E00", "#0072B2", "#56B4E9", "#009E73", "#CC79A7")
    assert briefing_colours("dark", own) == own
    assert briefing_colours("light", own) == own
    light = briefing_colours("light", ("#F0E442", "#E69F00", "#123456", "#E69F00"))
    assert light[1] == "#E69F00" and "#F0E442" not in light  # yellow is unreadable on white
    assert light[2] not in ("#123456", "#E69F00")  # a foreign colour takes a free one
    assert light[3] == "#E69F00"  # a repeated one is kept, as on the desk (told apart by shape)
    # the desk's palette is kept on both walls: a seventh track is not black on the desk, yellow on the wall
    from viewer.model.records import TRACK_PALETTE
    assert briefing_colours("dark", TRACK_PALETTE) == briefing_colours("light", TRACK_PALETTE) == TRACK_PALETTE


def test_present_view_draws_tracks_in_their_own_colours(qtbot, bundled_path):
    from viewer.io import read_timeline
    from viewer.model.viewstate import ViewState
    from viewer.ui.present import BriefingTimelineView

    tl = read_timeline(bundled_path)
    view = BriefingTimelineView(tl, ViewState())
    qtbot.addWidget(view)
    style = view.make_style()
    assert [style.track_color(i, t.color).upper() for i, t in enumerate(tl.tracks)] == \
           [t.color.upper() for t in tl.tracks]


def test_a_step_showing_some_tracks_names_the_others(qtbot, tl):
    """Step 7 of the bundled story shows three of six tracks; the audience is
    told which are left out instead of seeing them silently vanish."""
    pw = make(qtbot, tl, animation_ms=0)
    steps = pw.story.steps
    k = next(i for i, s in enumerate(steps) if s.tracks and len(s.tracks) < len(tl.tracks))
    while pw.presentation.index < k:
        qtbot.keyClick(pw, Qt.Key.Key_Right)
    hidden = [t.label for t in tl.tracks if t.id not in steps[k].tracks]
    shown = pw.header.text().replace("\u00a0", " ").replace("\u2011", "-")  # names are kept on one line
    assert f"not shown: {', '.join(hidden)}" in shown


@pytest.mark.parametrize("size", [(3840, 2160), (1024, 768)])
def test_day_known_steps_never_show_an_hourly_axis(qtbot, tl, size):
    """A marker known only to the day must not sit on a 12:00 tick of an hourly axis (README)."""
    from viewer.model.story import step_precision_s

    pw = make(qtbot, tl, size=size, theme="light")
    checked = 0
    for i, step in enumerate(tl.stories[0].steps):
        unit = step_precision_s(tl, step)
        if unit is None or unit < 86400:
            continue
        pw.presentation.go_to(i)
        settle(qtbot, pw)
        axis = pw.view._axis
        labels = [text for text, _ in axis.drawn_labels()]
        assert labels, f"step {i + 1}: no axis labels drawn"
        assert not any(":" in t for t in labels), f"step {i + 1} ({step.event}) shows clock times: {labels}"
        assert axis.tick_levels().minor_rule.min_period_s >= 86400
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_dday_row_sits_under_the_calendar_dates(qtbot, tl, size):
    """Presented with a D-day, the axis showed only "2022" and D-8 … D+12: an "on or
    before" event's whisker counted as its date precision and the axis fell to
    quarters.  The audience must read the actual date above each D row label."""
    from viewer.model.precision import Precision

    pw = make(qtbot, tl, size=size, dday="band:allied-resolve-2022")
    checked = 0
    for i, step in enumerate(tl.stories[0].steps):
        if not tl.has_event(step.event) or tl.event(step.event).start.precision < Precision.DAY:
            continue
        pw.presentation.go_to(i)
        settle(qtbot, pw)
        drawn = dict(pw.view._axis.drawn_labels())
        if "D-day" not in drawn:
            continue
        ten = next((rect for text, rect in drawn.items() if text.split()[-1] == "10"), None)  # "10", "Thu 10"
        assert ten is not None, f"step {i + 1}: no day number over D-day: {list(drawn)}"
        assert abs(ten.center().x() - drawn["D-day"].center().x()) < 2
        assert ten.bottom() <= drawn["D-day"].top()  # the D row under the day numbers
        assert "Feb 2022" in drawn
        checked += 1
    assert checked >= 5, checked
