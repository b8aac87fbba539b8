"""The bundled drills band read "Allied Resolve-2022 drills …" at 1366x768 and at 1920x1080 with
the tab row free past the band's end: its "▨ planned end" words had to fit inside the band, so
the title gave way.  The words may now run on past the band's end (they start on its hatched
part), so the title is whole where the row has room; cut, it still loses whole words from its
end (view polish, item 2)."""

from __future__ import annotations

import pytest

TITLE = "Allied Resolve-2022 drills (10–20 Feb)"


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_band_title_is_whole_beside_its_planned_words(make_window, size):
    w = make_window(size)
    w.view.grab()
    item = w.view.bands_item
    assert item.drawn_titles == [TITLE]
    ((_eid, known, end, words),) = item.drawn_planned
    assert words.startswith("▨ planned end")
    (rect,) = item.drawn_planned_rects
    (tab, _id), = item._tabs
    assert rect.left() >= tab.right()  # after the title, never over it
    assert known <= rect.left() + 4 < end - 20  # its ▨ starts on the hatched part


def test_without_room_the_title_still_loses_whole_words(make_window):
    w = make_window((1024, 768))
    w.view.grab()
    (shown,) = w.view.bands_item.drawn_titles
    assert shown == TITLE or (shown.endswith(" …") and TITLE.startswith(shown.removesuffix(" …") + " ")), shown


def test_titles_of_overlapping_bands_never_run_over_each_other(qtbot, tmp_path):
    """vis-timeline's subgroups example: background bands that overlap drew their title tabs over
    each other ("(no con b o …"); each tab now starts after the one before and ends before the
    next band's start."""
    import json

    from viewer.io import read_timeline
    from viewer.ui.main_window import MainWindow

    bands = [("b1", "Background context of the first week", "2014-01-25", "2014-01-27"),
             ("b2", "b", "2014-01-26", "2014-01-27"),
             ("b3", "Second background span with a long title", "2014-01-26", "2014-01-28"),
             ("b4", "Another", "2014-01-26T12:00:00Z", "2014-01-30")]
    path = tmp_path / "overlap.timeline.json"
    path.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Overlapping bands", "tracks": [
        {"id": "t", "label": "Track"}], "events": [
        {"id": i, "title": t, "kind": "band", "start": {"edtf": a}, "end": {"edtf": b}} for i, t, a, b in bands] + [
        {"id": "e", "title": "An event", "track": "t", "start": {"edtf": "2014-01-27"}}]}), encoding="utf-8")
    w = MainWindow(read_timeline(path), read_timeline, str(path))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.view.grab()
    tabs = sorted((tab for tab, _eid in w.view.bands_item._tabs), key=lambda r: r.left())
    assert len(tabs) >= 2
    for a, b in zip(tabs, tabs[1:], strict=False):
        assert a.right() <= b.left(), [(t.left(), t.right()) for t in tabs]
