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
    events = (
        Event("a", "Shift A", EventDate("2022-02-10T06:00:00Z"), "t", EventKind.SPAN, EventDate("2022-02-10T08:00:00Z")),
        Event("b", "Shift B", EventDate("2022-02-10T08:00:00Z"), "t", EventKind.SPAN, EventDate("2022-02-10T10:00:00Z")),
    )
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
