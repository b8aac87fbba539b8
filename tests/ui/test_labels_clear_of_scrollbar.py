"""A new user's report: with more tracks than fit the height, the vertical
scroll bar lies over the right edge of the timeline, and the density strips'
stack labels placed at that edge were cut under it: "275 on Sun 27 Nov 202"
read as the year 202.  With the scroll bar shown the plot ends at its left
edge, so every label placed to fit the plot is whole and in view."""

from viewer.io.native import timeline_from_dict


def _many_tracks():
    tracks = [{"id": f"t{k}", "label": f"Track {k}"} for k in range(30)]
    events = []
    for k in range(30):
        # a crowd on the last day of the year in every track: its label sits at the right edge
        events += [{"id": f"e{k}-{i}", "track": f"t{k}", "title": f"Report {i}", "start": "2022-12-30"}
                   for i in range(300)]
        events += [{"id": f"f{k}-{i}", "track": f"t{k}", "title": f"Note {i}", "start": f"2022-{1 + i % 12:02d}-15"}
                   for i in range(300)]
    return timeline_from_dict({"format": "timeline-viewer", "version": 1, "title": "Many",
                               "tracks": tracks, "events": events})


def test_stack_labels_end_left_of_the_scroll_bar(open_window, qtbot):
    w = open_window(_many_tracks(), size=(1366, 768))
    view = w.view
    view.viewport().repaint()
    qtbot.wait(10)
    assert view.vscroll.isVisible()
    bar_left = view.vscroll.geometry().left()
    item = view.events_item
    dated = [(t, r) for t, r in item.drawn_stack_rects if "2022" in t]
    assert dated, item.drawn_stack_labels
    for text, rect in dated:
        # the layer paints in the view's pixels (the painter's transform reset)
        assert rect.right() <= bar_left, (text, rect.right(), bar_left)
