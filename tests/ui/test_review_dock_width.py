"""The Review panel leaves the timeline three quarters of the window, and a draft's title in its
list wraps onto two lines (then "…") instead of running off the panel's right edge."""

from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetricsF

from viewer.ingest import ingest_file

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


@pytest.fixture(scope="module")
def drafts():
    return ingest_file(ARTICLES / "allied-resolve-2022.txt").timeline


@pytest.mark.parametrize("size", [(1024, 768), (1600, 900)])
def test_the_review_panel_takes_at_most_a_quarter_of_the_window(open_window, qtbot, drafts, size):
    w = open_window(drafts, size=size)
    dock = w.review_dock
    qtbot.waitUntil(lambda: dock.isVisible())
    qtbot.wait(20)
    assert dock.width() <= size[0] / 4 + 1
    assert w.centralWidget().width() >= size[0] * 0.74  # the timeline and its detail pane keep the rest
    # every button is on screen, whole, inside the panel
    for b in (dock.accept_button, dock.reject_button, dock.edit_button, dock.merge_button, dock.all_button):
        assert b.isVisible() and b.width() >= QFontMetricsF(b.font()).horizontalAdvance(b.text().replace("&", ""))
        assert b.mapTo(dock, b.rect().topRight()).x() <= dock.width()


def test_a_long_draft_title_wraps_onto_two_lines_in_the_list(open_window, qtbot, drafts):
    w = open_window(drafts, size=(1024, 768))
    dock = w.review_dock
    qtbot.wait(20)
    lst = dock.list
    fm = QFontMetricsF(lst.font())
    room = lst.viewport().width()
    assert not lst.horizontalScrollBar().isVisible()
    wrapped = 0
    for i in range(lst.count()):
        when, *lines = lst.item(i).text().split("\n")  # the date in words on its own line, then the title
        title = drafts.event(lst.item(i).data(0x0100)).title
        assert 1 <= len(lines) <= 2
        assert all(fm.horizontalAdvance(line) <= room for line in [when, *lines]), lines  # nothing cut at the edge
        assert title.startswith(lines[0].rstrip("…").strip()) or lines[0].rstrip("…") in title
        wrapped += len(lines) == 2
    assert wrapped >= 5  # at a quarter of 1024 px most titles need their second line
    # the whole title is there when it fits in two lines
    short = next(i for i in range(lst.count()) if "…" not in lst.item(i).text())
    assert drafts.event(lst.item(short).data(0x0100)).title in " ".join(lst.item(short).text().split("\n")[1:])
