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
