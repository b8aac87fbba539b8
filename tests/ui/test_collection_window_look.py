"""What a new user compared between a collection's window and the main window (1366x768):
the overview strip shows the home weeks with the view's window in it and "◀ from 2014" at
its edge; lanes are as high as what they hold; the timeline's title is the header and Help >
User guide is there; selecting an event already in view does not move the view."""

import calendar
import time

import numpy as np
import pytest

from tests.ui.collection_windows import shown_collection

DAY = 86400.0


def _epoch(text):
    """Midnight UTC of ``text`` (YYYY-MM-DD), epoch s."""
    return float(calendar.timegm(time.strptime(text, "%Y-%m-%d")))


@pytest.fixture
def window(qtbot, allied):
    return shown_collection(qtbot, allied, size=(1366, 768))


def _overview_settled(w, qtbot):
    qtbot.waitUntil(lambda: w.overview.counts is not None and w.worker.idle(), timeout=10000)
    w.overview.grab()


def test_the_overview_shows_the_home_weeks_and_marks_what_lies_beyond(window, qtbot):
    _overview_settled(window, qtbot)
    ov = window.overview
    lo, hi = ov.viewRange()[0]
    t0, t1 = window.view.window()
    # the view's window (10-20 Feb and around) takes a good part of the strip, not a few pixels
    assert (t1 - t0) / (hi - lo) > 0.3
    assert lo < t0 and t1 < hi
    r0, r1 = ov.region.getRegion()
    assert abs(r0 - t0) < DAY and abs(r1 - t1) < DAY
    # the Normandy Format talks "since 2014" lie beyond the left edge: the strip says so
    assert ov.beyond[0].isVisible() and ov.beyond[0].toPlainText() == "◀ from 2014"
    assert not ov.beyond[1].isVisible()
    # the events of 10 Feb fall inside the strip's counts, in more than a pixel's bins
    counts = ov.counts
    assert counts.sum() >= 10
    cols = np.flatnonzero(counts.sum(axis=0))
    assert len(cols) >= 2 and cols.max() - cols.min() > counts.shape[1] * 0.2


def test_the_overview_widens_when_the_view_goes_beyond_it(window, qtbot):
    _overview_settled(window, qtbot)
    window.view.set_window(_epoch("2013-06-01"), _epoch("2022-03-01"))
    assert window.wait_drawn(20.0)
    _overview_settled(window, qtbot)
    lo, hi = window.overview.viewRange()[0]
    assert lo <= _epoch("2014-01-01") and hi >= _epoch("2022-02-20")
    assert not window.overview.beyond[0].isVisible()


def test_lanes_are_as_high_as_what_they_hold_in_view(window):
    lanes = window.view.layout_.lanes
    height = dict(zip(lanes.track_ids, lanes.height, strict=True))
    # Russia / Kremlin holds four events on 10 Feb; Exercise one a day
    assert height["russia"] > 2 * height["exercise"]
    assert height["russia"] > height["nato"]
    # and all of them fit the window's height: no scroll bar
    assert not window.view.layout_.scrolls


def test_the_header_is_the_timelines_title_and_help_has_the_user_guide(window):
    assert window.header.text().startswith("Allied Resolve-2022: Russia–Belarus drills")
    assert window.header.isVisible()
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert "Help" in menus
    guide = [a for a in menus["Help"].actions() if a.text().replace("&", "") == "User guide"]
    assert guide
    guide[0].trigger()
    assert window.guide.isVisible() and "timeline-viewer" in window.guide.browser.toPlainText()
    window.guide.close()


def test_selecting_an_event_in_view_does_not_move_the_view(window, qtbot):
    before = window.view.window()
    assert "drills-end" in window.view.drawn_ids()
    window.select("lavrov-lowest-level", center=True)
    qtbot.waitUntil(lambda: window.shown_event is not None, timeout=10000)
    assert window.wait_drawn(20.0)
    assert window.view.window() == before
    assert "drills-end" in window.view.drawn_ids()  # 20 Feb still on screen


def test_selecting_an_event_out_of_view_brings_it_in(window, qtbot):
    window.view.set_window(_epoch("2022-02-09"), _epoch("2022-02-21"))
    assert window.wait_drawn(20.0)
    window.select("stoltenberg-largest-deployment", center=True)  # 3 Feb
    qtbot.waitUntil(lambda: window.shown_event is not None, timeout=10000)
    assert window.wait_drawn(20.0)
    t0, t1 = window.view.window()
    assert t0 < _epoch("2022-02-03") < t1
    assert abs((t1 - t0) - 12 * DAY) < 1.0  # panned, not zoomed
    assert "stoltenberg-largest-deployment" in window.view.drawn_ids()
