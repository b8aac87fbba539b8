"""A span with one date known and the other's year unknown (``2023-05-01`` to ``XXXX-06-10``) is
drawn at its known date: a marker with a short line fading towards the unknown side and a "?"
there, selectable, labelled; never a bar to an invented date.  Before, a date range of May 2023
kept it (the Events list counted it) but the axis did not draw it at all: a user could not find it
(tester finding)."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from tests.model.test_unknown_year_date_range import HALF_KNOWN, JULY_2023, MAY_2023
from viewer.graphics.marks import whisker
from viewer.io.native import timeline_from_dict
from viewer.model.columns import FLAG_HALF_KNOWN, FLAG_OPEN_END, FLAG_OPEN_START, FLAG_YEAR_UNKNOWN, KIND_POINT

DAY = 86400.0


def _window(open_window, qtbot):
    w = open_window(timeline_from_dict(json.loads(json.dumps(HALF_KNOWN))), size=(1366, 768))
    qtbot.wait(40)
    o = w.timeline.columns.origin_epoch_s
    w.view.set_x_range(MAY_2023 - o, JULY_2023 - o)
    qtbot.wait(40)
    w.view.events_item.update()
    qtbot.wait(40)
    return w


def test_the_columns_place_it_at_its_known_date_with_an_open_side_towards_the_unknown_one():
    tl = timeline_from_dict(HALF_KNOWN)
    c = tl.columns
    o = c.origin_epoch_s
    for eid, known, open_flag in (("spanu", 1682899200.0, FLAG_OPEN_END),  # 1 May 2023, end unknown
                                  ("spanu2", 1686355200.0, FLAG_OPEN_START)):  # 10 June 2023, start unknown
        r = c.row_of(eid)
        f = int(c.flags[r])
        assert f & FLAG_HALF_KNOWN and f & open_flag and not f & FLAG_YEAR_UNKNOWN, eid
        assert c.kind[r] == KIND_POINT  # no bar: its other end is nowhere known
        assert c.xm[r] + o == known + DAY / 2  # the middle of its known day
        # the whisker is short (the open-point whisker), on the unknown side only
        if open_flag == FLAG_OPEN_END:
            assert c.x0[r] + o == known and c.x1[r] + o == known + DAY + c.open_whisker_s
        else:
            assert c.x1[r] + o == known + DAY and c.x0[r] + o == known - c.open_whisker_s
    # the point with no known date at all stays placed nowhere
    assert int(c.flags[c.row_of("unk")]) & FLAG_YEAR_UNKNOWN and not np.isfinite(c.xm[c.row_of("unk")])


def test_filtered_to_may_2023_it_is_on_the_axis_selectable_and_labelled(open_window, qtbot):
    w = _window(open_window, qtbot)
    w.state.filters = dataclasses.replace(w.state.filters, date_range=(MAY_2023, JULY_2023))
    qtbot.wait(40)
    item = w.view.events_item
    for eid in ("spanu", "spanu2"):
        pos = item.marker_position(eid)
        assert pos is not None, f"{eid} not drawn"
        assert 0 <= pos.x() <= w.view.width()
        assert item.event_at(QPointF(pos)) == eid  # a click there selects it
    frame = item._frame
    ids = w.view.events_item.columns.ids
    labelled = {ids[p.row] for p in frame.placements if p.label_width > 0}
    assert {"spanu", "spanu2"} <= labelled
    # the note of events not on the axis names only the one with no known date
    note = w.unplaced.text()
    assert "1 event with an unknown year" in note and "Span to unknown-year end" not in note


def test_the_detail_pane_says_where_it_is_drawn_and_that_the_other_year_is_unknown(open_window, qtbot):
    w = _window(open_window, qtbot)
    w.state.selected = "spanu"
    qtbot.wait(20)
    text = w.details.toPlainText()
    assert "10 June of an unknown year" in text
    assert "Not drawn on the time axis" not in text
    assert "Drawn at its known start" in text and "its end’s year is unknown" in text


def test_the_open_side_shows_a_question_mark_past_the_faded_line():
    img = QImage(200, 40, QImage.Format.Format_ARGB32)
    for flags, side in ((FLAG_OPEN_END | FLAG_HALF_KNOWN, "right"), (FLAG_OPEN_START | FLAG_HALF_KNOWN, "left")):
        img.fill(QColor("white"))
        p = QPainter(img)
        whisker(p, 60.0, 140.0, 20.0, QColor("black"), flags)
        p.end()
        ink = [x for x in range(200) for y in range(40) if img.pixelColor(x, y).lightness() < 128]
        outside = [x for x in ink if (x > 141 if side == "right" else x < 59)]
        assert outside, side  # the "?" beyond the faded end


def test_the_key_explains_the_question_mark_only_while_such_a_span_is_drawn(open_window, qtbot):
    w = _window(open_window, qtbot)
    assert "→\u00a0?\u00a0/\u00a0?\u00a0→\u00a0other\u00a0date's\u00a0year\u00a0unknown" in w.legend.text()
    plain = timeline_from_dict({**HALF_KNOWN, "events": HALF_KNOWN["events"][:2]})
    w2 = open_window(plain, size=(1366, 768))
    assert "year\u00a0unknown" not in w2.legend.text()


def test_its_label_says_which_side_is_unknown_even_as_a_collections_span_row():
    from viewer.graphics.event_text import label_text

    for span in (False, True):  # (a collection stores the event's kind, span)
        assert label_text("Blockade", FLAG_HALF_KNOWN | FLAG_OPEN_END, span) == "Blockade → ?"
        assert label_text("Curfew", FLAG_HALF_KNOWN | FLAG_OPEN_START, span) == "? → Curfew"
    assert label_text("Talks", FLAG_OPEN_END) == "≥ Talks"  # an on-or-after point keeps its sign
