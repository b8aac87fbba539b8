"""What the strips' stack counts and the ``+N`` badges must not cover (breakit5 item 12):

* the collection window drew "209 around Fri 1 May 2020" (a density strip's stack count) under
  the selected event's label "Protest with intervention: ..." at the top of the strip;
* in the eltonjude history-of-the-world collection the "+3" / "+4" badges of crowds a few pixels
  apart sat on top of the markers of the lane's first sub-row.

Both windows draw with the same event layer: the checks are on what it drew (device pixels)."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from tests.ui.collection_windows import shown_collection
from viewer.model.dates import EventDate
from viewer.model.timeline import Event, EventKind, Timeline, Track

pytest.importorskip("duckdb")

SELECTED_TITLE = "Protest with intervention: Protesters (Mali) vs Police Forces of Mali (2013-) — Kayes"


def _strip_timeline() -> Timeline:
    """A track that is a density strip around 1 May 2020 (a stack of day-dated reports) and the event
    selected there: one day in the week before, whose label runs right, over the stack's place."""
    day = EventDate("2020-05-01")
    events = tuple(Event(f"d{i:04d}", f"Report {i}", day, "p") for i in range(209))
    events += tuple(Event(f"w{i:04d}", f"Weekly {i}", EventDate(f"2020-04-{10 + i % 20:02d}"), "p")
                    for i in range(900))
    events += (Event("sel", SELECTED_TITLE, EventDate("[2020-04-25..2020-05-01]"), "p"),)
    events += tuple(Event(f"b{i:04d}", f"Battle {i}", EventDate("2020-05-02"), "b") for i in range(118))
    return Timeline("acled", tracks=(Track("p", "Protests"), Track("b", "Battles")), events=events)


def _stack_boxes(item, frame) -> list[tuple[str, QRectF]]:
    """The stack counts' boxes as _paint_stacks draws them (device px)."""
    font = item._font(max(9, int(item.style.font_px * 0.8)), bold=True)
    h = QFontMetricsF(font).height()
    return [(text, QRectF(left, top + 2, w, h + 2)) for text, left, w, top in frame.stack_labels or []]


def _selected_box(item, title_start: str) -> QRectF:
    (rect,) = [r for text, r in item.drawn_labels if text.startswith(title_start)]
    return rect.adjusted(-3, -1, 3, 1)  # its box (see _paint_labels)


def test_a_strips_stack_count_keeps_clear_of_the_selected_label_in_the_collection_window(qtbot, tmp_path):
    from viewer.io.registry import write_timeline

    path = tmp_path / "acled.parquet"
    assert write_timeline(_strip_timeline(), path) == []
    w = shown_collection(qtbot, path, size=(1366, 768))
    a, b = EventDate("2020-03-30").earliest, EventDate("2020-06-01").earliest
    w.view.set_window(a, b)
    assert w.wait_drawn(20.0)
    w.select("sel")
    assert w.wait_drawn(20.0)
    w.view.viewport().repaint()
    item = w.view.events_item
    frame = item._frame
    assert frame.density, "the protests track should be a density strip at this zoom"
    label = _selected_box(item, "Protest with intervention")
    boxes = _stack_boxes(item, frame)
    texts = [t for t, _r in boxes]
    assert "209 around Fri 1 May 2020" in texts or "209 on Fri 1 May 2020" in texts, texts
    for text, box in boxes:
        assert not box.intersects(label), (text, box, label)
    # the marker of the selection too
    sel = frame.hit["row"] == item.columns.row_of("sel")
    x, y, r = float(frame.hit["x"][sel][0]), float(frame.hit["y"][sel][0]), item.style.marker_px
    marker = QRectF(x - r, y - r, 2 * r, 2 * r)
    assert not any(box.intersects(marker) for _t, box in boxes)


def test_a_strips_stack_count_keeps_clear_of_the_selected_label_in_the_main_window(qtbot, open_window):
    tl = _strip_timeline()
    w = open_window(tl, size=(1366, 768))
    o = tl.columns.origin_epoch_s
    w.view.set_x_range(EventDate("2020-03-30").earliest - o, EventDate("2020-06-01").earliest - o)
    w.state.selected = "sel"
    w.view.viewport().repaint()
    qtbot.wait(20)
    item = w.view.events_item
    frame = item._frame
    if 0 not in frame.density:
        pytest.skip("the main window draws this lane one by one at this size")
    label = _selected_box(item, "Protest with intervention")
    for text, box in _stack_boxes(item, frame):
        assert not box.intersects(label), (text, box, label)


def _crowded_timeline() -> Timeline:
    """The form of eltonjude's history of the world: events from 3000 BCE to 1900 on a few
    tracks, so that the East India Company's and the Inca Empire's events, years apart, are a
    few pixels apart and crowd (a ``+N`` badge each)."""
    def ev(eid, title, start, track, end=None):
        kind = EventKind.SPAN if end else EventKind.POINT
        return Event(eid, title, EventDate(start), track, kind, EventDate(end) if end else None)

    inca = [("1200", "Kingdom of Cusco is formed"), ("1526", "Francisco Pizarro reaches Inca territory"),
            ("1532", "Francisco Pizarro returns from Spain with approval from the Queen"),
            ("1532-07-01", "Pizzaro imprisons Atahualpa"), ("1533-08-01", "Atahualpa is put to death"),
            ("1536", "Manco Inca tries to take back Cusco"), ("1572", "Tupac Amaru was captured")]
    eic = [("1600-12-31", "East India Company was formed"), ("1601", "First voyage to India"),
           ("1608", "Surat was establised as a trade transit point"),
           ("1610", "First factory was build in the town of Machilipatnam"),
           ("1612", "A commercial treaty was signed with Jahangir"), ("1634", "Bengal opened to the English"),
           ("1717", "Customs duties waived"), ("1757", "Battle of Plassey")]
    events = [ev(f"i{k}", t, d, "inca") for k, (d, t) in enumerate(inca)]
    events += [ev(f"i-span{k}", f"Inca ruler {k}", a, "inca", b)
               for k, (a, b) in enumerate((("1438", "1463"), ("1463", "1493"), ("1493", "1525"), ("1525", "1532"),
                                           ("1532", "1533")))]
    events += [ev(f"e{k}", t, d, "eic") for k, (d, t) in enumerate(eic)]
    events += [ev("indus", "Indus Valley Civilization", "-3299", "events", "-1299"),
               ev("vedic", "Vedic period", "-1499", "events", "-0499"),
               ev("nanda", "Nanda Dynasty", "-0344", "events", "-0321"),
               ev("maurya", "Mauryan Dynasty", "-0321", "events", "-0184"),
               ev("mahavira", "Mahavira", "-0548", "events", "-0476"),
               ev("buddha", "Buddha", "-0562", "events", "-0482")]
    events += [ev(f"x{k}", f"Persian or Greek king {k}", y, "events")
               for k, y in enumerate(("-0529", "-0519", "-0326", "-0325", "-0322"))]
    events += [ev(f"s{k}", f"Sultanate dynasty {k}", a, "delhi", b)
               for k, (a, b) in enumerate((("1206", "1290"), ("1290", "1320"), ("1320", "1414"),
                                           ("1414", "1451"), ("1451", "1526")))]
    events += [ev(f"m{k}", f"Mughal ruler {k}", a, "mughal", b)
               for k, (a, b) in enumerate((("1526", "1530"), ("1530", "1556"), ("1540", "1545"), ("1545", "1554"),
                                           ("1556", "1605"), ("1605", "1627"), ("1627", "1658"),
                                           ("1658", "1707"), ("1707", "1857")))]
    events += [ev("rule", "East India Company Rule", "1757", "rule", "1858"),
               ev("rev", "The Indian Revolution", "1857", "rule"), ev("raj", "British Raj", "1858", "rule", "1947")]
    tracks = (Track("inca", "Inca Empire"), Track("events", "Events"), Track("delhi", "Delhi Sultanate"),
              Track("mughal", "Mughal Empire"), Track("eic", "East India Company"),
              Track("rule", "East India Company Rule"))
    return Timeline("timeline", tracks=tracks, events=tuple(events))


def _badge_boxes(item, frame) -> list[tuple[int, QRectF, int]]:
    """The +N badges as _paint_overflow draws them: (lane, box, N)."""
    font = item._font(max(9, int(item.style.font_px * 0.7)), bold=True)
    box_h = QFontMetricsF(font).height() + 2
    return [(lane, QRectF(left, top + 1, w, box_h), n)
            for (lane, left, w, n), top in zip(frame.badges or [], frame.badge_tops or [])]


def _marker_boxes(item, frame, lane) -> list[QRectF]:
    hit, r = frame.hit, item.style.marker_px
    on = hit["lane"] == lane
    out = []
    for x, y, b0, b1 in zip(hit["x"][on], hit["y"][on], hit["bar0"][on], hit["bar1"][on]):
        out.append(QRectF(x - r, y - r, 2 * r, 2 * r))
        if b1 > b0:
            out.append(QRectF(b0, y - r, b1 - b0, 2 * r))
    return out


def _assert_badges_clear(item, frame):
    boxes = _badge_boxes(item, frame)
    hidden = getattr(frame, "hidden_badges", None) or []  # (none on the old code)
    assert boxes, "the crowds should overflow their lanes, and their badges find a place beside them"
    for lane, box, n in boxes:
        for mark in _marker_boxes(item, frame, lane):
            assert not box.intersects(mark), (f"+{n}", box, mark)
    # every event drawn over others is counted once, drawn or said in the tooltip
    assert sum(n for *_r, n in boxes) + sum(n for *_r, n in hidden) == int(frame.hit["overflow"].sum())


def test_plus_n_badges_never_cover_a_marker_in_the_collection_window(qtbot, tmp_path):
    from viewer.io.registry import write_timeline

    path = tmp_path / "history.duckdb"
    assert write_timeline(_crowded_timeline(), path) == []
    w = shown_collection(qtbot, path, size=(1366, 768))
    w.view.viewport().repaint()
    item = w.view.events_item
    _assert_badges_clear(item, item._frame)


def test_plus_n_badges_never_cover_a_marker_in_the_main_window(qtbot, open_window):
    tl = _crowded_timeline()
    w = open_window(tl, size=(1366, 768))
    w.view.viewport().repaint()
    qtbot.wait(20)
    item = w.view.events_item
    _assert_badges_clear(item, item._frame)


def test_a_badge_with_no_room_beside_its_crowd_is_left_out_and_counted():
    """A lane one marker high, its crowd hemmed in by markers on both sides: every place of the
    badge covers a marker, so it is not drawn (it sat on them) and is listed as hidden."""
    import numpy as np

    from viewer.graphics.frame import Frame, hidden_crowd, merge_badges, place_badges

    xs = np.arange(100.0, 301.0, 4.0)
    n = len(xs)
    over = (xs >= 190) & (xs <= 202)
    hit = {"row": np.arange(n), "x": xs, "y": np.full(n, 10.0), "bar0": xs, "bar1": xs,
           "label_x": xs, "label_w": np.zeros(n), "overflow": over, "lane": np.zeros(n, np.int64)}
    frame = Frame(key=(), lanes=[(0.0, 20.0)], slot_h=20.0, placements=[], density={}, sx=1.0, tx=0.0,
                  left_px=0.0, right_px=400.0, hit=hit)
    merged = merge_badges(hit, 5.0, lambda k: 20.0)
    assert merged and sum(k for *_r, k in merged) == int(over.sum())
    for move in (False, True):  # the desk and present mode
        assert place_badges(frame, merged, lambda k: 20.0, 14.0, 5.0, 15.0, move=move) == []
        assert sum(k for *_r, k in frame.hidden_badges) == int(over.sum())

    class Cols:
        lane = np.zeros(n, np.int64)
        xm = xs

    assert hidden_crowd(frame, Cols, int(np.flatnonzero(over)[0]), 5.0) == int(over.sum())
    assert hidden_crowd(frame, Cols, 0, 5.0) == 0  # far from the crowd


def test_the_tooltip_of_a_crowd_whose_badge_is_left_out_says_its_count(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QPointF

    from viewer.graphics.event_text import crowd_note
    from viewer.io.registry import write_timeline

    path = tmp_path / "history.parquet"
    assert write_timeline(_crowded_timeline(), path) == []
    w = shown_collection(qtbot, path, size=(1366, 768))
    w.view.viewport().repaint()
    item = w.view.events_item
    frame = item._frame
    k = 0
    at = QPointF(float(frame.hit["x"][k]), float(frame.hit["y"][k]))
    title = w.view.hovered_title(at)
    assert title and "more event" not in title
    monkeypatch.setattr(item, "hidden_crowd", lambda row: 4)
    assert w.view.hovered_title(at) == f"{title}\n{crowd_note(4)}"
    assert crowd_note(4) == "+4: 4 more events drawn on top of others here (zoom in to separate them)"


def test_the_main_windows_tooltip_of_a_crowd_whose_badge_is_left_out_says_its_count(qtbot, open_window,
                                                                                   monkeypatch):
    from PySide6.QtWidgets import QToolTip

    w = open_window(_crowded_timeline(), size=(1366, 768))
    w.view.viewport().repaint()
    qtbot.wait(20)
    monkeypatch.setattr(w.view.events_item, "hidden_crowd", lambda row: 4)
    scene = w.view.marker_scene_pos("e0")
    assert scene is not None
    w.view._on_mouse_moved(scene)
    assert "+4: 4 more events drawn on top of others here (zoom in to separate them)" in QToolTip.text()
