"""The collection window's header counts planned ends as the main window's does: the bundled
timeline as Parquet said "[4 planned]" where the main window says "[4 planned · 1 planned end]",
and at 1366x768 it wrapped inside the bracket ("[4" / "planned]") (breakit7 #5, #18).  When not
every span has been drawn (so judged), it says "planned ends hatched where drawn" instead of a
count it cannot know."""

from __future__ import annotations

from tests.ui.collection_windows import shown_collection
from viewer.io.registry import read_timeline, write_timeline

NOTE = "  [4 planned · 1 planned end]"


def _allied(tmp_path, bundled_path):
    path = tmp_path / "a.parquet"
    write_timeline(read_timeline(bundled_path), path)
    return path


def test_the_header_counts_the_planned_end_on_one_line_at_1366(qtbot, tmp_path, bundled_path):
    w = shown_collection(qtbot, _allied(tmp_path, bundled_path), size=(1366, 768))
    qtbot.waitUntil(lambda: w.header.text().endswith(NOTE), timeout=20000)
    text = w.header.text()
    assert text.startswith("Allied Resolve-2022: Russia–Belarus drills")  # whole at 1366 (a smaller font)
    assert w.header.fontMetrics().horizontalAdvance(text) <= w.header.width()  # one line: no break in "[…]"
    assert "diplomacy of the same days" in w.header.toolTip()
    w.resize(1920, 1080)
    qtbot.waitUntil(lambda: "…" not in w.header.text(), timeout=5000)
    assert w.header.text() == "Allied Resolve-2022: Russia–Belarus drills and the diplomacy of the same days" + NOTE


def test_planned_ends_not_all_judged_are_not_counted(qtbot, tmp_path, bundled_path, monkeypatch):
    from viewer.io.collection_window import open_collection_store
    from viewer.ui.collection_window import CollectionWindow

    path = _allied(tmp_path, bundled_path)
    store = open_collection_store(str(path))
    monkeypatch.setattr(type(store), "n_events", property(lambda self: 10_000), raising=False)  # more than drawn
    w = CollectionWindow(store, path.name)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    # the plans and the counts arrive in either order
    qtbot.waitUntil(lambda: w.header.text().endswith("  [4 planned · planned ends hatched where drawn]"),
                    timeout=20000)
    assert "1 planned end" not in w.header.text()
