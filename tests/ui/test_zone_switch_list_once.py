"""Issue 12, zone switch: the Events tab is filled once per switch, with the
timeline on the new zone's days and its times in that zone (it was filled at
the state change on the old timeline and again at the swap)."""

from tests.ui.test_instant import idle


def _resets(w) -> list[int]:
    count = [0]
    w.event_list.source_model.modelReset.connect(lambda: count.__setitem__(0, count[0] + 1))
    return count


def _dates(w) -> list[str]:
    model = w.event_list.model()
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def _first_date(w) -> str:
    model = w.event_list.model()
    return model.data(model.index(0, 0))


def test_a_zone_switch_of_a_large_file_fills_the_events_tab_once(big_window, qtbot):
    w, _tl = big_window
    idle(qtbot, w)
    w.event_list.reload()
    utc_date = _first_date(w)
    resets = _resets(w)
    w.state.display_zone = "Asia/Tokyo"  # derived in the background
    assert w.shown.deriving()
    idle(qtbot, w)
    assert resets[0] == 1
    assert w.event_list.source_model._timeline is w.shown.timeline
    tokyo_date = _first_date(w)
    assert tokyo_date != utc_date  # 00:00 UTC is 09:00 in Tokyo
    w.state.display_zone = "UTC"  # the file's own timeline: shown at once
    assert resets[0] == 2
    assert _first_date(w) == utc_date
    w.state.display_zone = "Asia/Tokyo"  # kept: shown at once
    assert resets[0] == 3
    assert _first_date(w) == tokyo_date


def test_a_zone_switch_of_a_small_file_fills_the_events_tab_once(make_window, qtbot):
    w = make_window()
    resets = _resets(w)
    before = _dates(w)
    w.state.display_zone = "Asia/Tokyo"
    qtbot.wait(20)
    assert resets[0] == 1
    after = _dates(w)
    assert w.event_list.source_model._zone == "Asia/Tokyo"
    assert len(after) == len(before)  # the same events, their dates in Tokyo (none crosses a day here)
    w.state.display_zone = "UTC"
    qtbot.wait(20)
    assert resets[0] == 2
    assert _dates(w) == before


def test_a_zone_switch_while_searching_lists_the_matches_in_the_zone(big_window, qtbot):
    w, _tl = big_window
    idle(qtbot, w)
    w.search_bar.field.setText("protest")
    idle(qtbot, w)
    qtbot.waitUntil(lambda: w.event_list.model().rowCount() < len(w.shown.timeline.columns))
    n = w.event_list.model().rowCount()
    w.state.display_zone = "Asia/Tokyo"
    idle(qtbot, w)
    assert w.event_list.model().rowCount() == n
    assert w.event_list.source_model._zone == "Asia/Tokyo"
    assert w.event_list.source_model._timeline is w.shown.timeline
