"""Issue 5 at the window level: a day of date-only events fills its day in the
density strip (pixels), and opening a large timeline builds nothing per event
that the first frame does not show (default story, event list rows, zone list)."""

from collections import Counter

import numpy as np
import pytest
from PySide6.QtGui import QColor

from viewer.model.dates import EventDate
from viewer.model.story import DEFAULT_STORY_TITLE, default_story, stories_of, story_titles
from viewer.model.timeline import Event, Timeline, Track
from viewer.ui.main_window import MainWindow
from viewer.ui.zone_picker import zone_choices

DAY = 86400.0


def day_timeline(n=5000):
    tracks = (Track("t0", "Reports", order=0, color="#1f77b4"), Track("t1", "Other", order=1))
    events = [Event(f"d{i}", f"Report {i}", EventDate("2022-02-15"), track="t0") for i in range(n)]
    events.append(Event("anchor", "Anchor", EventDate("2022-02-01T10:00:00Z"), track="t1"))
    return Timeline("One day of reports", tracks=tracks, events=tuple(events))


def test_a_day_of_date_only_events_is_painted_across_the_hour_view(qtbot):
    tl = day_timeline()
    w = MainWindow(tl, lambda p: tl, "")
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    view, cols = w.view, tl.columns
    day = EventDate("2022-02-15").earliest - cols.origin_epoch_s

    def strip_pixels(a, b):
        view.set_x_range(a, b)
        img = view.grab().toImage()
        frame = view.events_item._frame
        top, bottom = frame.lanes[0]
        y = int((top + bottom) / 2)
        xs = np.linspace(frame.left_px + 12, frame.right_px - 12, 40).astype(int)
        return frame, [QColor(img.pixel(int(x), y)) for x in xs]

    frame, pixels = strip_pixels(day + 10 * 3600, day + 14 * 3600)
    assert 0 in frame.density  # 5,000 markers at noon: the lane is a density strip
    counts = frame.density[0][1]
    assert (counts > 0).all()
    assert counts.sum() == pytest.approx(5000 * 4 / 24)
    _, empty = strip_pixels(day + 2 * DAY + 10 * 3600, day + 2 * DAY + 14 * 3600)  # no events there
    # every sampled column of the strip is painted (not only the one at noon), evenly
    assert all(p.rgb() != e.rgb() for p, e in zip(pixels, empty))
    assert Counter(p.rgb() for p in pixels).most_common(1)[0][1] >= 36  # a grid line may cross a sample
    # a click on the strip at 10:30 selects one of that day's events
    frame, _ = strip_pixels(day + 10 * 3600, day + 14 * 3600)
    scene = view.mapToScene(int(frame.left_px + 0.125 * (frame.right_px - frame.left_px)),
                            int(sum(frame.lanes[0]) / 2))
    eid = view.event_at(scene)
    assert eid is not None and eid.startswith("d")


def test_opening_builds_no_default_story_and_no_list_of_ids(qtbot, monkeypatch):
    tl = day_timeline(3000)
    built = []
    import viewer.model.story as story_mod
    real = story_mod.default_story
    monkeypatch.setattr(story_mod, "default_story", lambda t: built.append(1) or real(t))
    w = MainWindow(tl, lambda p: tl, "")
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.grab()
    assert not built  # the story dock lists titles only until it is opened
    assert story_titles(tl) == (DEFAULT_STORY_TITLE,)
    assert [s.title for s in stories_of(tl)] == list(story_titles(tl))
    w.story_dock.show()
    qtbot.wait(10)
    assert built and w.story_dock.steps.count() == len(default_story(tl).steps) == len(tl.columns)
    # the event list's rows are the columns' time order, looked up on demand
    model = w.event_list.source_model
    cols = tl.columns
    assert model.rowCount() == len(cols)
    assert [model.event_id(k) for k in range(len(cols))] == [cols.ids[r] for r in cols.time_order]
    for k in (0, 17, len(cols) - 1):
        assert model.row_of(model.event_id(k)) == k
    assert model.row_of("no such event") is None
    w.state.selected = "d42"
    assert model.row_of("d42") == w.event_list.currentIndex().row() or w.event_list.proxy.mapToSource(
        w.event_list.currentIndex()).row() == model.row_of("d42")


def test_zone_choices_of_lazy_events_equal_those_of_built_events(tmp_path, monkeypatch):
    import json

    from viewer.io import native
    from viewer.model.timeline import LazyEvents

    events = [{"id": f"e{i}", "track": "t0", "title": f"E {i}", "start": f"2022-03-01T10:{i % 60:02d}:00Z"}
              for i in range(300)]
    events[5]["start"] = {"edtf": "2022-05-01T14:00:00", "time_zone": "Europe/Minsk"}
    events[9]["start"] = "2022-05-02T14:00:00"  # no offset: the timeline's zone
    events[11].update(kind="span", end={"edtf": "2022-06-01", "time_zone": "Asia/Kathmandu"})
    doc = {"format": "timeline-viewer", "version": 1, "title": "Zones", "time_zone": "Europe/Kyiv",
           "tracks": [{"id": "t0", "label": "T", "order": 0}], "events": events}
    path = tmp_path / "zones.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with monkeypatch.context() as m:
        m.setattr(native, "BULK_MIN_BYTES", 10**12)
        full = native.read_native(str(path))
    with monkeypatch.context() as m:
        m.setattr(native, "BULK_MIN_BYTES", 0)
        lazy = native.read_native(str(path))
    assert isinstance(lazy.events, LazyEvents)
    want = zone_choices(full, "UTC")
    assert zone_choices(lazy, "UTC") == want
    named = [z for text, z in want if text.startswith("Timeline: ")]
    assert named == ["Europe/Kyiv", "Europe/Minsk", "Asia/Kathmandu"]


def test_opening_a_large_file_builds_only_the_events_it_shows(qtbot, tmp_path, monkeypatch):
    """Every side panel and menu of the window (event list, filters, overview,
    zone picker, story dock, relative-axis menu, accessible names) must work
    from the columns: a window that builds every lazy event at start took
    32 s to open a million events.  Here: 6,000 lazy events, one band."""
    from tests.io.test_bulk import RICH, bulk_read, write_file

    path = tmp_path / "big.timeline.json"
    write_file(path, extra=RICH)
    tl = bulk_read(path, monkeypatch)
    assert not tl.events._built  # lazy: nothing built by the reader
    w = MainWindow(tl, lambda p: tl, str(path))
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    w.grab()
    # the Events list's rows on screen (and the band): 11 rows since the side tabs have half the column
    on_screen = w.event_list.viewport().height() // max(1, w.event_list.rowHeight(0)) + 1
    assert len(tl.events._built) <= min(20, on_screen + 3), (on_screen, sorted(tl.events._built)[:20])
    # the relative-axis menu still offers the band, found without a scan
    assert any(ref == "band:band-1" for _, ref in w.relative_axis.choices())
