"""Present mode on a wall screen: events that share a day in a lane each get a sub-row and a
label of their own while the lane has room for them at the smallest briefing type. Before,
a 54 px "United States" lane drew its two events of 10 Feb as one marker under a "+1" badge,
no label; "Truss arrives in Moscow" and "Normandy Format advisers…" hid the same way,
"Drills begin in Belarus" lost its label in a lane lower than a full sub-row, and the span
labels were cut to "Russia de…" / "Normand…" to leave room for the events piled on them."""

import pytest
from PySide6.QtGui import QFontMetricsF

from viewer.graphics.style import label_font
from viewer.io import read_timeline
from viewer.ui.present import PresentWindow

from .presenting import present_at


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def _shown(qtbot, tl, size, step, with_style=False):
    """The step's frame as painted: (frame, drawn label texts, columns)."""
    pw = present_at(qtbot, tl, size, step, tl.stories[0])
    item = pw.view.events_item
    out = item._frame, [text for text, _rect in item.drawn_labels], pw.view.timeline
    return (*out, pw.view.style_) if with_style else out


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("step", [6, 12])
def test_every_event_in_view_is_labelled_and_none_is_behind_a_badge(qtbot, tl, size, step):
    frame, drawn, timeline = _shown(qtbot, tl, size, step)
    cols = timeline.columns
    titles = {e.id: e.title for e in timeline.events}
    assert not frame.badges, f"+N badges drawn at step {step}, {size}: {frame.badges}"
    on_screen = [p for p in frame.placements if frame.left_px <= p.marker_x <= frame.right_px or p.bar1 > p.bar0]
    unlabelled = [cols.ids[p.row] for p in on_screen if p.label_width <= 0]
    assert not unlabelled, f"events drawn without a label at step {step}, {size}: {unlabelled}"
    # the labels the new user missed are there, whole (a label may carry a "≤ " / "≥ " date mark
    # before the title and " (?)" after it)
    for eid in ("us-alarm", "us-intel-70-percent", "johnson-stoltenberg-brussels", "truss-arrives-moscow",
                "berlin-advisers-meeting", "lavrov-lowest-level", "drills-begin", "russia-denies",
                "normandy-format-since-2014"):
        assert any(titles[eid] in text for text in drawn), \
            f"{titles[eid]!r} not drawn whole at step {step}, {size}; drawn: {drawn}"


def test_labels_in_a_squeezed_lane_stay_inside_their_lane_and_apart(qtbot, tl):
    """The squeezed sub-rows hold the smaller type: label boxes of a lane neither overlap each
    other nor run over the lane's edges (the audience reads each line on its own)."""
    frame, _drawn, timeline, style = _shown(qtbot, tl, (1366, 768), 12, with_style=True)
    cols = timeline.columns
    assert frame.lane_font_px, "the crowded lanes were not squeezed"
    by_lane: dict[int, list[float]] = {}
    for k, pl in enumerate(frame.placements):
        if pl.label_width > 0:
            by_lane.setdefault(int(cols.lane[pl.row]), []).append(float(frame.hit["y"][k]))
    for lane, ys in by_lane.items():
        top, bottom = frame.lanes[lane]
        font_px = frame.lane_font_px.get(lane, style.font_px)
        line = QFontMetricsF(label_font(font_px, family=style.font_family)).height()
        for y in ys:  # the label's box, a line high around its sub-row's middle, is inside the lane
            assert top - 0.5 <= y - line / 2 and y + line / 2 <= bottom + 0.5, (lane, y, line, top, bottom)
        rows = sorted(set(ys))
        assert all(b - a >= line - 0.5 for a, b in zip(rows, rows[1:])), \
            f"lane {lane}: {line:.1f} px lines of text on sub-rows {rows}"


def test_a_folded_events_marker_is_kept_off_other_labels_text(qtbot, tmp_path):
    """40 reports in two hours after a long statement, at 1024x768: the lane runs out of sub-rows
    and the last report is folded under "+1" (no sub-row of its own).  Its marker was drawn in
    the middle of "Report 18 on the border"; it now goes to the sub-row where it covers no
    label's text (beside the marker of the report before it)."""
    import json

    events = [{"id": "x", "track": "a", "title": "A long statement by the foreign minister on the talks",
               "start": {"edtf": "2022-02-10T09:00:00Z"}}]
    events += [{"id": f"y{i}", "track": "a", "title": f"Report {i} on the border",
                "start": {"edtf": f"2022-02-10T{10 + i // 12:02d}:{(i % 12) * 5:02d}:00Z"}} for i in range(40)]
    events.append({"id": "q", "track": "b", "title": "Quiet", "start": {"edtf": "2022-02-10T12:00:00Z"}})
    doc = {"format": "timeline-viewer", "version": 1, "title": "Crowd",
           "tracks": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
           "events": events, "stories": [{"title": "S", "steps": [{"event": "x"}]}]}
    path = tmp_path / "crowd.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    crowd = read_timeline(path)
    pw = PresentWindow(crowd, crowd.stories[0], animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(1024, 768)
    pw.show()
    qtbot.waitExposed(pw)
    pw.grab()
    item = pw.view.events_item
    frame = item._frame
    cols = pw.view.timeline.columns
    r = pw.view.style_.marker_px
    folded = [(k, pl) for k, pl in enumerate(frame.placements) if pl.overflow]
    assert folded  # the case this is about: an event without a sub-row of its own
    under = []
    for k, pl in folded:
        y = float(frame.hit["y"][k])
        for text, rect in item.drawn_labels:
            on_text = pl.marker_x + r > rect.left() + 2 and pl.marker_x - r < rect.right()
            if rect.top() <= y <= rect.bottom() and on_text:
                under.append((cols.ids[pl.row], text))
    assert under == []
