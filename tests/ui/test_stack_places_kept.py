"""Issue 12, the stack counts of the density strips ("2,000 at 10:00"): each
lane's labels are placed once and kept across frames while its stacks are the
same (a selection lays out a new frame, and placed every lane again); an edit
or a swap to another timeline forgets them, and the window then shows what a
fresh window on the same timeline shows."""

from viewer.io.native import timeline_from_dict
from viewer.model import commands as C
from viewer.model.dates import EventDate
from viewer.model.filters import FilterState


def _crowd():
    events = [{"id": f"a{i:04d}", "track": "a", "title": f"Report {i}", "start": "2022-02-10T10:00:00Z"}
              for i in range(2000)]
    events += [{"id": f"b{i:04d}", "track": "b", "title": f"Note {i}", "start": "2022-02-10T12:00:00Z"}
               for i in range(1500)]
    events += [{"id": f"c{i:04d}", "track": "c", "title": f"Item {i}", "start": "2022-02-10T14:00:00Z"}
               for i in range(1200)]
    events += [{"id": "a-late", "track": "a", "title": "Later", "start": "2022-02-10T18:00:00Z"}]
    return timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "Crowds",
        "tracks": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}],
        "events": events})


def _labels(qtbot, w) -> list[str]:
    w.view.viewport().repaint()
    qtbot.wait(10)
    return list(w.view.events_item.drawn_stack_labels)


def _counting(monkeypatch, item) -> list[int]:
    calls = [0]
    real = item._place_lane

    def place(*args, **kw):
        calls[0] += 1
        return real(*args, **kw)

    monkeypatch.setattr(item, "_place_lane", place)
    return calls


def test_a_selection_places_no_lanes_stack_labels_again(open_window, qtbot, monkeypatch):
    w = open_window(_crowd(), size=(1366, 768))
    first = _labels(qtbot, w)
    assert {"2,000 at 10:00", "1,500 at 12:00", "1,200 at 14:00"} <= set(first), first
    calls = _counting(monkeypatch, w.view.events_item)
    w.state.selected = "a-late"  # a new frame (the selection's label comes first)
    assert w.view.events_item._frame is None
    assert _labels(qtbot, w) == first
    assert calls[0] == 0


def test_an_edit_forgets_the_placed_stack_labels(open_window, qtbot, monkeypatch):
    w = open_window(_crowd(), size=(1366, 768))
    first = _labels(qtbot, w)
    item = w.view.events_item
    kept = list(item._stack_places.values())
    assert kept
    w.authoring.push(C.move_event(w.timeline.event("b0000"), EventDate("2022-02-10T10:00:00Z")))
    qtbot.waitUntil(lambda: w.view.timeline.event("b0000").start.edtf == "2022-02-10T10:00:00Z")
    now = _labels(qtbot, w)
    assert "1,499 at 12:00" in now and "1,500 at 12:00" not in now, now
    assert now != first
    # nothing placed before the edit is kept
    assert not any(any(v is k for k in kept) for v in w.view.events_item._stack_places.values())
    assert now == _labels(qtbot, _fresh(open_window, w))


def test_a_swap_forgets_the_placed_stack_labels(open_window, qtbot):
    w = open_window(_crowd(), size=(1366, 768))
    _labels(qtbot, w)
    kept = list(w.view.events_item._stack_places.values())
    w.state.filters = FilterState().with_track_hidden("b", True)
    qtbot.waitUntil(lambda: not w.shown.deriving())
    now = _labels(qtbot, w)
    assert "1,500 at 12:00" not in now and "2,000 at 10:00" in now, now
    assert not any(any(v is k for k in kept) for v in w.view.events_item._stack_places.values())
    other = _fresh(open_window, w)
    other.state.filters = FilterState().with_track_hidden("b", True)
    qtbot.waitUntil(lambda: not other.shown.deriving())
    assert now == _labels(qtbot, other)


def _fresh(open_window, w):
    """A new window on the timeline ``w`` shows, over the same range."""
    other = open_window(w.timeline, size=(1366, 768))
    other.view.set_x_range(*w.view.x_range())
    return other
