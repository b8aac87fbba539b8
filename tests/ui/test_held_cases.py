"""Issue 10, held cases: touching spans share a line; the repeated hour of a
DST change is labelled distinctly and the zone caption follows a pan; a crowd
of events at one instant is counted and each one can be reached by clicking."""

from viewer.model.dates import EventDate
from viewer.model.timeline import Event, EventKind, Timeline, Track


def repaint(qtbot, w):
    w.view.viewport().repaint()
    qtbot.wait(20)


def test_touching_spans_share_a_line_at_every_zoom(qtbot, open_window):
    """A ends at 08:00 and B starts at 08:00 on one track: touching is not overlapping."""
    def at(hh):
        return EventDate(f"2022-02-10T{hh}:00:00Z")

    events = (Event("a", "Shift A", at("06"), "t", EventKind.SPAN, at("08")),
              Event("b", "Shift B", at("08"), "t", EventKind.SPAN, at("10")))
    tl = Timeline("Shifts", tracks=(Track("t", "Track"),), events=events)
    w = open_window(tl)
    origin = tl.columns.origin_epoch_s
    t8 = EventDate("2022-02-10T08:00:00Z").earliest - origin
    # from 1,400 px an hour down to where the titles just fit inside their bars
    for half_width_s in (2 * 60, 30 * 60, 3 * 3600, 6 * 3600, 12 * 3600):
        w.view.set_x_range(t8 - half_width_s, t8 + half_width_s)
        repaint(qtbot, w)
        placed = {tl.columns.ids[p.row]: p for p in w.view.events_item._frame.placements}
        assert placed["a"].slot == placed["b"].slot, half_width_s
        assert not placed["a"].overflow and not placed["b"].overflow
        assert placed["a"].label_width > 0 and placed["b"].label_width > 0
    # zoomed out until A's title no longer fits in its bar, the title beside it
    # would cover B's bar: only then do they take two lines
    w.view.set_x_range(t8 - 3 * 86400, t8 + 3 * 86400)
    repaint(qtbot, w)
    placed = {tl.columns.ids[p.row]: p for p in w.view.events_item._frame.placements}
    a = placed["a"]
    assert a.slot == placed["b"].slot or a.label_x + a.label_width > placed["b"].bar0


def test_zone_caption_under_the_axis_follows_the_view_after_a_pan(qtbot, make_window):
    w = make_window()
    w.state.display_zone = "Europe/Berlin"
    origin = w.timeline.columns.origin_epoch_s
    winter = EventDate("2022-02-10").earliest - origin
    w.view.set_x_range(winter, winter + 86400)
    qtbot.wait(20)
    assert "CET, UTC+01:00" in w.view._axis._zone_label
    summer = EventDate("2022-07-10").earliest - origin
    w.view.set_x_range(summer, summer + 86400)  # a pan into summer time
    qtbot.wait(20)
    assert "CEST, UTC+02:00" in w.view._axis._zone_label


def test_five_thousand_events_at_one_instant_are_counted_and_clicks_step_through_them(qtbot, open_window):
    from PySide6.QtCore import QPoint, Qt

    at10 = EventDate("2022-02-10T10:00:00Z")
    events = tuple(Event(f"e{i:04d}", f"Report {i}", at10, "t") for i in range(5000))
    events += (Event("later", "Later", EventDate("2022-02-10T16:00:00Z"), "t"),)
    tl = Timeline("Crowd", tracks=(Track("t", "Track"),), events=events)
    w = open_window(tl, size=(1366, 768))
    repaint(qtbot, w)
    frame = w.view.events_item._frame
    (lane, x_px, epoch_s, count), = [s for s in frame.stacks if s[3] > 1]
    assert count == 5000 and epoch_s == at10.earliest
    span_s = (w.state.x_range[1] - w.state.x_range[0])
    assert w.view.events_item.stack_label(epoch_s, count, span_s) == "5,000 at 10:00"
    top, bottom = frame.lanes[lane]
    pos = QPoint(round(x_px), round((top + bottom) / 2))
    chosen = []
    for _ in range(3):
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.wait(10)
        chosen.append(w.state.selected)
        repaint(qtbot, w)
    assert chosen == ["e0000", "e0001", "e0002"]  # each click the next of the stack
    # the tooltip says where in the stack the hovered event is
    assert "2 of 5,000 events at this instant" in w.view._stack_note("e0001")
    # in Berlin time the count names the local time
    w.state.display_zone = "Europe/Berlin"
    assert w.view.events_item.stack_label(epoch_s, count, span_s) == "5,000 at 11:00"


def test_a_stack_of_date_only_events_is_named_by_its_day_never_a_time(qtbot, open_window):
    """ACLED rows known only to the day were counted "209 at Fri 1 May 2020 12:00":
    a time the source never gave (the marker sits at the day's middle)."""
    day = EventDate("2020-05-01")
    events = tuple(Event(f"d{i:04d}", f"Report {i}", day, "t") for i in range(3000))
    events += tuple(Event(f"m{i:04d}", f"Monthly {i}", EventDate("2020-07"), "t") for i in range(2000))
    events += tuple(Event(f"w{i:04d}", f"Weekly {i}", EventDate("[2020-08-07..2020-08-13]"), "t")
                    for i in range(1500))  # ACLED's "one day within 3 days of" 10 August
    events += (Event("noon", "Timed at noon", EventDate("2020-05-01T12:00:00Z"), "t"),  # in the day's stack
               Event("later", "Later", EventDate("2020-09-10T16:00:00Z"), "t"))
    tl = Timeline("Daily", tracks=(Track("t", "Track"),), events=events)
    w = open_window(tl, size=(1366, 768))
    origin = tl.columns.origin_epoch_s
    w.view.set_x_range(EventDate("2020-04-01").earliest - origin, EventDate("2020-10-01").earliest - origin)
    repaint(qtbot, w)
    drawn = w.view.events_item.drawn_stack_labels
    assert "3,001 on Fri 1 May 2020" in drawn, drawn  # the coarsest precision of the stack: the day
    assert "2,000 in July 2020" in drawn, drawn
    assert "1,500 around Mon 10 Aug 2020" in drawn, drawn
    assert not any(":" in text for text in drawn), drawn
    # zoomed into the day, still no time of day
    w.view.set_x_range(day.earliest - origin - 3600, day.latest - origin + 3600)
    repaint(qtbot, w)
    assert w.view.events_item.drawn_stack_labels == ["3,001 on Fri 1 May 2020"]
