"""The main window as a user drives it: click, wheel, drag, keys, bad files, screenshot."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent

from viewer.io import read_timeline
from viewer.model.viewstate import MIN_VISIBLE_S
from viewer.ui.main_window import MainWindow

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


@pytest.fixture
def window(make_window):
    return make_window((1600, 900))


def repaint(qtbot, w):
    w.view.viewport().repaint()
    qtbot.wait(20)


def view_pos(view, scene_pos: QPointF) -> QPoint:
    return view.mapFromScene(scene_pos)


def wheel(view, pos: QPoint, steps: int):
    ev = QWheelEvent(QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)), QPoint(0, 0),
                     QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)
    view.viewport().event(ev) if False else view.wheelEvent(ev)


def data_x_at(view, pos: QPoint) -> float:
    return view.plotItem.vb.mapSceneToView(view.mapToScene(pos)).x()


def test_click_on_a_marker_selects_it_and_shows_quotes_and_sources(qtbot, window):
    repaint(qtbot, window)
    scene = window.view.marker_scene_pos("lavrov-lowest-level")
    assert scene is not None, "the Lavrov marker is not drawn in the initial view"
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(window.view, scene))
    assert window.state.selected == "lavrov-lowest-level"
    text = window.details.toPlainText()
    assert "at their lowest level in recent years" in text
    assert "Sergey Lavrov, Russian Foreign Minister" in text
    assert "Washington Insider Magazine" in text
    assert "arrived in Moscow on Thursday" in text  # the date as the source phrased it
    assert "Thu 10 Feb 2022" in text and "uncertain" in text


def test_click_on_empty_space_clears_the_selection(qtbot, window):
    window.state.selected = "drills-end"
    repaint(qtbot, window)
    vp = window.view.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=QPoint(vp.width() - 40, vp.height() - 60))
    assert window.state.selected is None
    assert "How to read it" in window.details.toPlainText()


def test_selected_event_is_highlighted_on_screen(qtbot, window):
    repaint(qtbot, window)
    before = window.view.grab().toImage()
    window.state.selected = "drills-end"
    repaint(qtbot, window)
    after = window.view.grab().toImage()
    pos = window.view.marker_scene_pos("drills-end")
    p = window.view.mapFromScene(pos)
    changed = sum(
        before.pixel(p.x() + dx, p.y() + dy) != after.pixel(p.x() + dx, p.y() + dy)
        for dx in range(-14, 15) for dy in range(-14, 15)
    )
    assert changed > 30  # a ring is drawn around the marker


def test_wheel_zoom_keeps_the_time_under_the_cursor(qtbot, window):
    view = window.view
    vp = view.viewport()
    pos = QPoint(int(vp.width() * 0.6), vp.height() // 2)
    t_before = data_x_at(view, pos)
    a0, b0 = view.x_range()
    wheel(view, pos, 3)
    a1, b1 = view.x_range()
    assert b1 - a1 < (b0 - a0) * 0.9
    assert data_x_at(view, pos) == pytest.approx(t_before, abs=(b1 - a1) * 1e-3)


def test_wheel_zoom_stops_at_the_limits(qtbot, window):
    view = window.view
    vp = view.viewport()
    pos = QPoint(vp.width() // 2, vp.height() // 2)
    for _ in range(60):
        wheel(view, pos, 5)
    a, b = view.x_range()
    assert b - a == pytest.approx(MIN_VISIBLE_S, rel=0.05)
    for _ in range(80):
        wheel(view, pos, -5)
    a, b = view.x_range()
    lim = view.limits
    assert b - a <= lim.max_width * 1.001
    assert a >= lim.x_min - 1 and b <= lim.x_max + 1


def test_drag_pans_but_not_past_the_data(qtbot, window):
    view = window.view
    vp = view.viewport()
    a0, b0 = view.x_range()
    y = vp.height() // 2
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=QPoint(vp.width() // 2, y))
    for k in range(1, 11):
        qtbot.mouseMove(vp, QPoint(vp.width() // 2 + 30 * k, y))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(vp.width() // 2 + 300, y))
    a1, b1 = view.x_range()
    assert a1 < a0  # dragging right shows earlier times
    assert b1 - a1 == pytest.approx(b0 - a0, rel=1e-6)
    # a huge pan is stopped at the limit
    view.set_x_range(a1 - 1e12, b1 - 1e12)
    a2, _ = view.x_range()
    assert a2 >= view.limits.x_min - 1


def test_home_and_double_click_outside_the_lanes_fit_everything(qtbot, window):
    view = window.view
    view.set_x_range(0, 3600)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    lo, hi = window.timeline.columns.extent()
    a, b = view.x_range()
    assert a <= lo and b >= hi  # from 2014 (Normandy Format) to 21 Feb 2022
    view.set_x_range(0, 3600)
    vp = view.viewport()
    rect = view._axis.sceneBoundingRect()  # the date labels, below the lanes
    axis = view.mapFromScene(rect.center().x(), rect.bottom() - 8)
    qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=QPoint(axis.x(), axis.y()))
    a, b = view.x_range()
    assert a <= lo and b >= hi
    assert len(window.timeline.events) == 16  # (a double-click in a lane adds an event: tests/ui/test_authoring.py)


def test_arrow_keys_walk_events_in_time_order_and_keep_them_in_view(qtbot, window):
    view = window.view
    cols = window.timeline.columns
    view.set_x_range(0, 6 * 3600)  # zoomed on the morning of 10 Feb
    qtbot.keyClick(view, Qt.Key.Key_Right)
    first = window.state.selected
    assert first == cols.ids[int(cols.time_order[0])]
    seen = [first]
    for _ in range(len(cols.ids) - 1):
        qtbot.keyClick(view, Qt.Key.Key_Right)
        seen.append(window.state.selected)
        row = cols.row_of(window.state.selected)
        a, b = view.x_range()
        x = cols.xm[row] if cols.kind[row] == 0 else cols.x0[row]
        assert a <= x <= b or cols.kind[row] != 0, f"{window.state.selected} not in view"
    assert len(set(seen)) == len(cols.ids)
    sort_points = [window.timeline.event(e).sort_point for e in seen]
    assert sort_points == sorted(sort_points)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert window.state.selected == seen[-2]


@pytest.mark.parametrize(
    "name, words",
    [
        ("truncated.json", "line"),
        ("wrong_types.json", "title"),
        ("unknown_track.json", "track"),
        ("end_before_start.json", "end"),
    ],
)
def test_a_broken_file_shows_the_error_and_keeps_the_timeline(qtbot, window, name, words):
    path = BAD / name
    assert path.exists(), f"missing corpus file {name}"
    before = window.timeline
    window.state.selected = "drills-begin"
    assert window.open_file(str(path)) is False
    assert window.timeline is before
    assert window.state.selected == "drills-begin"
    box = window.last_error
    assert box is not None and box.isVisible()
    message = box.text() + "\n" + box.detailedText()
    assert name in message and words in message.lower()
    assert "Allied Resolve" in window.header.text()


def test_quote_text_is_plain_text_never_html(qtbot, window, tmp_path):
    from dataclasses import replace

    from viewer.io import write_timeline
    from viewer.model.timeline import Quote

    tl = window.timeline
    ev = tl.event("drills-begin")
    evil = replace(ev, title="<b>bold?</b>",
                   quotes=(Quote("<script>alert(1)</script> & <i>x</i>", speaker="<u>me</u>"),))
    events = tuple(evil if e.id == ev.id else e for e in tl.events)
    path = tmp_path / "evil.timeline.json"
    write_timeline(replace(tl, events=events), str(path))
    assert window.open_file(str(path))
    window.state.selected = "drills-begin"
    text = window.details.toPlainText()
    assert "<script>alert(1)</script> & <i>x</i>" in text
    assert "<b>bold?</b>" in text and "<u>me</u>" in text


def test_open_another_file_replaces_the_timeline(qtbot, window, tmp_path):
    from dataclasses import replace

    from viewer.io import write_timeline

    path = tmp_path / "other.timeline.json"
    write_timeline(replace(window.timeline, title="Another timeline"), str(path))
    assert window.open_file(str(path))
    assert window.header.text() == "Another timeline  [4 planned · 1 planned end]"  # its plans counted
    assert "other.timeline.json" in window.windowTitle()


def test_screenshot_command_writes_a_png_of_the_requested_size(tmp_path):
    from viewer.app import main

    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), "--size", "1280x720", "--select", "drills-end"]) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1280, 720)


def test_screenshot_shows_the_band_and_the_markers(qtbot, tmp_path, bundled_path):
    from viewer.app import save_screenshot

    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    out = tmp_path / "shot.png"
    assert save_screenshot(w, str(out), (1280, 720))
    img = QImage(str(out))
    view = w.view
    origin = w.timeline.columns.origin_epoch_s
    lane_nato = [t.id for t in w.timeline.tracks].index("nato")

    def pixel(data_x, data_y):
        scene = view.plotItem.vb.mapViewToScene(QPointF(data_x, data_y))
        pos = view.viewport().mapTo(w, view.mapFromScene(scene))
        return img.pixelColor(pos.x(), pos.y())

    feb10 = 0.75 * 86400.0  # the band's reported day (10 Feb), under the Stoltenberg label
    inside = pixel(feb10, lane_nato + 0.9)
    assert inside.red() > inside.blue() + 15, "band fill is not drawn"
    outside = pixel(-6 * 86400.0, lane_nato + 0.9)  # 4 Feb, below the Stoltenberg label
    assert abs(outside.red() - outside.blue()) < 8, "the band leaks outside its dates"
    # events known to the day have filled markers in their track colour
    for eid in ("drills-begin", "le-drian-good-sign", "truss-arrives-moscow"):
        pos = view.marker_scene_pos(eid)
        assert pos is not None, eid
        p = view.viewport().mapTo(w, view.mapFromScene(pos))
        track = w.timeline.tracks[w.timeline.track_index[w.timeline.event(eid).track]]
        assert img.pixelColor(p.x(), p.y()).name() == track.color.lower(), eid
    assert origin == 1644451200.0


def test_screenshot_errors_exit_non_zero(tmp_path, capsys):
    from viewer.app import main

    assert main(["--screenshot", str(tmp_path / "no" / "dir" / "x.png")]) != 0
    assert main(["--screenshot", str(tmp_path / "x.png"), "--select", "no-such-event"]) != 0
    assert main([str(BAD / "truncated.json"), "--screenshot", str(tmp_path / "y.png")]) != 0
    err = capsys.readouterr().err
    assert "no-such-event" in err and "truncated.json" in err


def test_hover_shows_a_tooltip_with_title_and_date(qtbot, window):
    from PySide6.QtWidgets import QToolTip

    repaint(qtbot, window)
    scene = window.view.marker_scene_pos("stoltenberg-largest-deployment")
    window.view._on_mouse_moved(scene)  # what the scene's sigMouseMoved delivers
    assert window.view.events_item.hovered == "stoltenberg-largest-deployment"
    text = QToolTip.text()
    assert "Stoltenberg: deployment to be largest since Cold War" in text
    assert "Thu 3 Feb 2022" in text and "Last Thursday" in text


def test_deep_zoom_keeps_labels_on_day_long_bars(qtbot, window):
    """At 20 minutes across, a day-precision event is a faint bar that still says what it is."""
    window.view.set_x_range(11 * 3600, 11 * 3600 + 1200)
    repaint(qtbot, window)
    frame = window.view.events_item._frame
    labelled = {window.timeline.columns.ids[p.row] for p in frame.placements if p.label_width > 0}
    assert {"drills-begin", "berlin-advisers-meeting", "truss-arrives-moscow"} <= labelled


def test_uncertain_dates_have_hollow_markers(qtbot, tmp_path, bundled_path):
    from viewer.app import save_screenshot

    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    out = tmp_path / "shot.png"
    assert save_screenshot(w, str(out), (1280, 720))
    img = QImage(str(out))
    for eid in ("stoltenberg-largest-deployment", "lavrov-lowest-level", "us-alarm", "johnson-poland"):
        p = w.view.viewport().mapTo(w, w.view.mapFromScene(w.view.marker_scene_pos(eid)))
        assert img.pixelColor(p.x(), p.y()).name() == "#ffffff", eid


def test_the_exercise_band_shows_through_every_lane(qtbot, window):
    """The band runs across all lanes: the shade of every other lane must not
    hide it (it used to be painted opaque over the band in lanes 2, 4, 6)."""
    view = window.view
    repaint(qtbot, view.window())
    img = view.grab().toImage()
    frame = view.events_item._frame
    cols = window.timeline.columns
    band = next(r for r in range(cols.band_count))
    # in its reported part (10 Feb, the article's date; after it the band is a plan, hatched)
    inside = view.mapFromScene(view.plotItem.vb.mapViewToScene(QPointF(cols.x0[band] + 0.5 * 86400, 0))).x()
    outside = view.mapFromScene(view.plotItem.vb.mapViewToScene(QPointF(cols.x0[band] - 86400 * 3, 0))).x()
    for lane, (_top, bottom) in enumerate(frame.lanes):
        y = int(bottom - 3)  # the lane's bottom edge: no marker or label there
        a, b = img.pixelColor(int(inside), y), img.pixelColor(int(outside), y)
        assert a.red() - a.blue() > 20, (lane, a.name())  # the band's warm tint
        assert b.red() - b.blue() < 10, (lane, b.name())  # plain lane outside the band


@pytest.mark.parametrize("size", [(1280, 720), (1600, 900), (1920, 1080)])
def test_busy_lanes_get_the_height_to_label_every_event(qtbot, make_window, size):
    """Lane heights follow their content: at laptop and projector sizes the
    Russia lane's four events of 10 Feb each get a line and a label (at
    1280x720 one used to be hidden under another behind a +1 badge, its
    hollow 'uncertain' marker drawn over a certain event's)."""
    w = make_window(size)
    w.view.go_home()
    repaint(qtbot, w)
    frame = w.view.events_item._frame
    ids = w.timeline.columns.ids
    placed = {ids[p.row]: p for p in frame.placements}
    for eid in ("russia-denies", "peskov-unprecedented-threats", "mod-statement", "lavrov-lowest-level"):
        assert not placed[eid].overflow and placed[eid].label_width > 0, (size, eid)
    assert not any(p.overflow for p in frame.placements), size
    lanes = w.view.lanes
    russia, nato = lanes.index("russia"), lanes.index("nato")
    assert lanes.height[russia] > 2 * lanes.height[nato]


def test_an_event_after_the_sources_date_is_marked_as_planned(qtbot, window):
    """'Drills due to finish' (20 Feb) was still to come when the article of
    10 Feb was written: the detail pane says so and its marker is dashed,
    unlike the hollow marker of an event that is merely uncertain."""
    from viewer.graphics.events import _AFTER_SOURCE
    from viewer.model.columns import FLAG_UNCERTAIN
    from viewer.ui.detail_pane import event_html

    tl = window.timeline
    after = [tl.columns.ids[i] for i in tl.after_reference().nonzero()[0]]
    assert after == ["drills-end"]
    assert "After the source’s date" in event_html(tl.event("drills-end"), tl)
    assert "After the source’s date" not in event_html(tl.event("drills-begin"), tl)
    layer = window.view.events_item
    dashed = layer._marker_pixmap(0, _AFTER_SOURCE).toImage()
    hollow = layer._marker_pixmap(0, FLAG_UNCERTAIN).toImage()
    assert dashed != hollow
    # a dashed outline leaves gaps: fewer outline pixels than the solid hollow one
    def ink(img):
        return sum(img.pixelColor(x, y).alpha() > 128 and img.pixelColor(x, y).lightness() < 200
                   for x in range(img.width()) for y in range(img.height()))
    assert ink(dashed) < 0.8 * ink(hollow)


def test_tracks_that_do_not_fit_scroll_one_line_each(qtbot, open_window):
    """80 tracks at 1600x900 (issue 12; they used to be squeezed to a few pixels
    each, labels dropped): lanes stay one line of text high, a vertical scroll
    bar reaches the others, and only the lanes in view are laid out."""
    from viewer.model.dates import EventDate
    from viewer.model.timeline import Event, Timeline, Track

    tracks = tuple(Track(f"t{i}", f"Track {i}") for i in range(80))
    events = tuple(Event(f"e{i}", f"Event {i}", EventDate(f"2022-02-{1 + i % 20:02d}"),
                         f"t{i}") for i in range(80))
    tl = Timeline("Many", tracks=tracks, events=events)
    w = open_window(tl)
    repaint(qtbot, w)
    view = w.view
    assert view.vscroll.isVisible()
    frame = view.events_item._frame
    tops = [top for top, _bottom in frame.lanes]
    heights = [bottom - top for top, bottom in frame.lanes]
    assert min(heights) >= view.strip_px() - 0.5  # a line of text each
    ids = tl.columns.ids
    laid_out = {ids[p.row] for p in frame.placements}
    assert "e0" in laid_out and "e79" not in laid_out  # the first screenful only
    assert 10 < len(laid_out) < 80
    assert all(p.label_width > 0 for p in frame.placements)  # room for every label
    assert sorted(tops) == tops
    labels = [text for text, _rect in view.track_axis.drawn_labels()]
    assert "▾ Track 0" in labels and "▾ Track 79" not in labels
    # selecting the last event (from the list, ← / →, a search) scrolls to its track
    w.state.selected = "e79"
    view.ensure_visible("e79")
    repaint(qtbot, w)
    frame = view.events_item._frame
    assert "e79" in {ids[p.row] for p in frame.placements}
    assert view.vscroll.value() == view.vscroll.maximum()
    assert "▾ Track 79" in [text for text, _rect in view.track_axis.drawn_labels()]


def test_overflow_badges_never_cover_each_other(qtbot, open_window):
    """Crowds a few pixels apart in a thin lane: their +N badges used to print
    over each other ('+:' '-36'); touching badges now merge and add up."""
    from viewer.model.dates import EventDate
    from viewer.model.timeline import Event, Timeline, Track

    events = tuple(Event(f"e{k}-{j}", f"Crowd {k} event {j}", EventDate(f"2022-02-10T10:{k:02d}:00Z"), "a")
                   for k in range(0, 40, 2) for j in range(16))
    tl = Timeline("Crowds", tracks=(Track("a", "A"),), events=events)
    w = open_window(tl, (1200, 500))
    o = tl.columns.origin_epoch_s
    day = EventDate("2022-02-10").earliest - o
    w.view.set_x_range(day + 9.5 * 3600, day + 11 * 3600)
    repaint(qtbot, w)
    frame = w.view.events_item._frame
    assert frame.badges, "the crowd should overflow the lane"
    # a badge that would cover a marker at the lane's top goes beside its crowd (another top)
    boxes = [(left, top, left + width, top + 12) for (_lane, left, width, _n), top in zip(frame.badges,
                                                                                          frame.badge_tops)]
    for i, (a0, at, a1, ab) in enumerate(boxes):
        for b0, bt, b1, bb in boxes[i + 1:]:
            assert a1 <= b0 + 0.5 or b1 <= a0 + 0.5 or ab <= bt + 0.5 or bb <= at + 0.5
    overflowing = int(frame.hit["overflow"].sum())
    hidden = sum(n for *_rest, n in frame.hidden_badges or [])  # no room beside their crowd: said on hover
    assert sum(n for *_rest, n in frame.badges) + hidden == overflowing  # every hidden event is counted once


def test_no_line_runs_through_a_label_like_a_strikethrough(qtbot, window):
    """'≥ Johnson due in Poland' sits on its own 'on or after' line; the line
    showed between the letters and read as struck through ('cancelled')."""
    view = window.view
    view.go_home()
    repaint(qtbot, window)
    img = view.grab().toImage()
    frame = view.events_item._frame
    ids = window.timeline.columns.ids
    k = next(i for i, r in enumerate(frame.hit["row"].tolist()) if ids[r] == "johnson-poland")
    y = int(round(frame.hit["y"][k]))
    x0, w = frame.hit["label_x"][k], frame.hit["label_w"][k]
    assert w > 100
    tinted = [img.pixelColor(x, y) for x in range(int(x0) + 2, int(x0 + w) - 2)]
    # the whisker is the track's pink; inside the label only ink and the chip remain
    assert not any(abs(c.red() - c.blue()) > 25 and c.red() > c.green() + 25 and c.lightness() > 120
                   for c in tinted), "the line shows through the label"
