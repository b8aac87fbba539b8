"""Issue 12, zone switch of a large file: the zone's offset changes are read
from the tz database by the thread deriving the timeline on the zone's days;
the GUI thread's first paint of the axis in that zone reads no zone file and
samples no offset, and the axis then names the zone."""

import threading

from tests.ui.test_instant import idle
from viewer.model import zones


def test_the_first_switch_to_a_zone_reads_its_changes_off_the_gui_thread(big_window, qtbot, monkeypatch):
    w, _tl = big_window
    idle(qtbot, w)
    zones._zone_file.cache_clear()
    read_on: list[str] = []
    sampled_on_gui = [0]
    real_init, real_block = zones._ZoneFile.__init__, zones._transitions_in_day_block

    def init(self, zone):
        read_on.append(threading.current_thread().name)
        real_init(self, zone)

    def block(zone, b):
        sampled_on_gui[0] += threading.current_thread() is threading.main_thread()
        return real_block(zone, b)

    monkeypatch.setattr(zones._ZoneFile, "__init__", init)
    monkeypatch.setattr(zones, "_transitions_in_day_block", block)
    w.state.display_zone = "Europe/Berlin"
    idle(qtbot, w)
    w.view.grab()  # the axis painted in Berlin time
    assert "Europe/Berlin" in w.view._axis._zone_label
    assert read_on and threading.main_thread().name not in read_on
    assert sampled_on_gui[0] == 0


def test_the_axis_changes_zone_with_the_timeline_on_that_zones_days(big_window, qtbot):
    """While the timeline on Berlin's days is derived, the window shows the UTC
    one with its UTC axis (no Berlin labels over UTC days); the swap shows both."""
    w, _tl = big_window
    idle(qtbot, w)
    axis = w.view._axis
    w.state.display_zone = "Europe/Berlin"
    assert w.shown.deriving()
    assert axis.zone == "UTC" and axis._zone_label.startswith("Time: UTC")
    assert "UTC" in w.legend.text().split()[-1]
    idle(qtbot, w)
    assert axis.zone == "Europe/Berlin" and "Europe/Berlin" in axis._zone_label
    assert w.legend.text().endswith("Europe/Berlin")
    w.state.display_zone = "UTC"  # kept: shown at once
    assert axis.zone == "UTC"


def test_a_zone_switch_without_a_d_day_keeps_the_axis_drawing(big_window, qtbot):
    w, _tl = big_window
    idle(qtbot, w)
    w.view.grab()
    axis = w.view._axis
    picture = axis.picture
    assert picture is not None
    w.relative_axis.refresh()  # what a zone switch asks of the D-day row: none before, none after
    assert axis.picture is picture
