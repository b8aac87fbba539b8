"""A search on a timeline zoomed out to density strips: the matches are marked in the strips
(the strip dimmed, the matches' own bins in full colour with a dark tick below), the legend
says so, clearing the search removes them, and with a filter only the matches it keeps."""

import dataclasses

import numpy as np
import pytest

from viewer.app import _load
from viewer.io import read_timeline
from viewer.model.synthetic import synthetic_timeline
from viewer.ui.legend import KEY
from viewer.ui.main_window import MainWindow

QUERY = "1234"  # titles "Protest 12345", "Talks 512344", ...: a few hundred of 200,000, scattered


@pytest.fixture(scope="module")
def big_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("strips") / "synthetic.timeline.json"
    synthetic_timeline(200_000).write_native(str(path))
    return str(path)


@pytest.fixture
def window(qtbot, big_path):
    w = MainWindow(read_timeline(big_path), _load, big_path)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.view.fit_all()
    return w


def _search(qtbot, w, text):
    w.search_bar.debounce.setInterval(0)
    w.search_bar.field.setText(text)
    qtbot.waitUntil(lambda: w.state.query == text and not w.jobs_pending(), timeout=30000)
    return w.view.grab().toImage()


def _ink(img, x, y):
    """How far the pixel is from white (0: background, 765: black)."""
    c = img.pixelColor(int(x), int(y))
    return 765 - (c.red() + c.green() + c.blue())


def _bins(w, mask):
    """Per strip lane: (bin lefts px, all counts, matching events per bin), from the rows:
    each match counted at its marker (the test's own arithmetic, not the app's)."""
    item = w.view.events_item
    frame, cols = item._frame, item.columns
    out = {}
    spread = cols.spread_mask()
    for lane, (lefts, counts) in frame.density.items():
        rows = np.nonzero(mask & (cols.lane == lane) & ~spread)[0]
        px = cols.xm[rows] * frame.sx + frame.tx
        bw = lefts[1] - lefts[0]
        k = np.floor((px - lefts[0]) / bw).astype(int)
        k = k[(k >= 0) & (k < len(counts))]
        hits = np.bincount(k, minlength=len(counts))
        spread_rows = np.nonzero(mask & (cols.lane == lane) & spread)[0]
        near = np.zeros(len(counts), bool)  # bins a date-only match may reach (spread over its day)
        for r in spread_rows.tolist():
            a = int((cols.x0[r] * frame.sx + frame.tx - lefts[0]) // bw) - 1
            b = int((cols.x1[r] * frame.sx + frame.tx - lefts[0]) // bw) + 2
            near[max(a, 0):max(b, 0)] = True
        # bins under a stack's line or count box (drawn over the strip): not looked at
        for s_lane, x, _t, _n in frame.stacks or []:
            if s_lane == lane:
                near[max(int((x - lefts[0]) // bw) - 3, 0):int((x - lefts[0]) // bw) + 4] = True
        top, bottom = frame.lanes[lane]
        for _text, rect in item.drawn_stack_rects:
            if rect.bottom() >= top and rect.top() <= bottom:
                near[max(int((rect.left() - lefts[0]) // bw) - 1, 0):int((rect.right() - lefts[0]) // bw) + 2] = True
        out[lane] = (lefts, counts, hits, near)
    return out


def _pick(bins):
    """(lane, match bin, busier bin without a match nearby) in one strip."""
    for lane, (_lefts, counts, hits, near) in bins.items():
        quiet = (hits == 0) & ~near
        quiet[:4] = False  # (the first 6 px: the lane's colour tab)
        quiet &= ~(np.convolve(hits > 0, np.ones(7), "same") > 0)  # no match within 3 bins
        for k in np.argsort(-hits).tolist():
            if hits[k] == 0:
                break
            if near[max(k - 3, 0):k + 4].any():
                continue
            busier = np.nonzero(quiet & (counts >= counts[k]))[0]
            if len(busier):
                return lane, k, int(busier[0])
    raise AssertionError("no strip holds both a match and a busier bin without one")


def test_a_search_marks_its_matches_in_the_density_strips(qtbot, window):
    w = window
    w.view.grab()
    assert w.view.events_item._frame.density, "zoomed out: the lanes are density strips"
    img = _search(qtbot, w, QUERY)
    item = w.view.events_item
    assert item.emphasis is not None and 0 < item.emphasis.sum() < 2000
    lane, k, quiet = _pick(_bins(w, item.emphasis))
    frame = item._frame
    lefts = frame.density[lane][0]
    top, bottom = frame.lanes[lane]
    inset = min(6.0, (bottom - top) * 0.2)
    mid = (top + bottom) / 2
    foot = bottom - inset + 1  # the tick just under the strip
    x_hit, x_quiet = lefts[k] + 1, lefts[quiet] + 1
    # the bin with a match stands out of the strip; a busier bin without one is dimmed
    assert _ink(img, x_hit, mid) > _ink(img, x_quiet, mid) + 120, (_ink(img, x_hit, mid), _ink(img, x_quiet, mid))
    assert _ink(img, x_hit, foot) > 350 and _ink(img, x_quiet, foot) < 200
    assert "search matches" in w.legend.text().replace("\u00a0", " ")
    # cleared: the strips as before, no ticks, the legend without the entry
    img = _search(qtbot, w, "")
    assert item.emphasis is None
    assert _ink(img, x_hit, foot) < 200
    assert "search matches" not in w.legend.text().replace("\u00a0", " ") and w.legend.text().startswith(KEY)


def test_with_a_filter_only_the_matches_it_keeps_are_marked(qtbot, window):
    w = window
    cols0 = w.view.events_item.columns
    mid_year = float(np.nanmedian(cols0.xm)) + cols0.origin_epoch_s
    w.state.filters = dataclasses.replace(w.state.filters, date_range=(float(np.nanmin(cols0.x0))
                                                                        + cols0.origin_epoch_s, mid_year))
    qtbot.waitUntil(lambda: not w.jobs_pending(), timeout=30000)
    w.view.fit_all()
    x_range = w.view.events_item.columns.extent()
    img = _search(qtbot, w, QUERY)
    item = w.view.events_item
    assert len(item.columns) < len(cols0)  # filtered
    frame = item._frame
    assert frame.density
    mask = item.emphasis
    assert mask is not None and len(mask) == len(item.columns)
    # every marked bin holds a match the filter keeps (at its marker or over its day)
    bins = _bins(w, mask)
    marked = 0
    plot_bottom = w.view.getViewBox().sceneBoundingRect().bottom()
    for lane, (lefts, _counts, hits, near) in bins.items():
        top, bottom = frame.lanes[lane]
        if bottom > plot_bottom - 2:
            continue  # cut by the axis
        foot = bottom - min(6.0, (bottom - top) * 0.2) + 1
        for k in range(4, len(lefts)):  # (the first 6 px: the lane's colour tab)
            if _ink(img, lefts[k] + 1, foot) > 350:
                marked += 1
                assert hits[max(k - 1, 0):k + 2].any() or near[k], (lane, k)  # (near: a date-only match or a stack)
    assert marked > 0 and x_range[1] > x_range[0]
