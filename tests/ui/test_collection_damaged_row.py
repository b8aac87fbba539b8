"""A row whose stored event (its json) is another event's: selecting it showed that other event's
title, summary and quotes under this row's name (a break-it tester's forged table: row 'x',
json of 'other'). The store now refuses it, and the detail pane says so with the row's own id;
markup in a title is shown as text."""

import pytest

from .collection_windows import shown_collection

pytest.importorskip("duckdb")

ROW, OTHER = "lavrov-lowest-level", "stoltenberg-largest-deployment"
OTHER_QUOTE = "Russia’s deployment into Belarus would be the largest ever"
MARKUP = "<b>bold</b><script>alert(1)</script>"


@pytest.fixture
def forged(allied, tmp_path):
    """``allied`` with ROW's json replaced by OTHER's, and the title of 'drills-begin' (column and
    json) carrying markup."""
    from tests.store.test_duck_store import _forged

    src = str(allied)
    return _forged(src, tmp_path / "forged.parquet", json=(
        f"CASE WHEN id = '{ROW}' THEN (SELECT json FROM read_parquet('{src}') WHERE id = '{OTHER}') "
        f"WHEN id = 'drills-begin' THEN replace(json, '\"title\":\"Drills begin in Belarus\"', "
        f"'\"title\":\"{MARKUP}\"') ELSE json END"),
        title=f"CASE WHEN id = 'drills-begin' THEN '{MARKUP}' ELSE title END")


def test_the_store_refuses_a_row_holding_another_event(forged):
    from viewer.io.duckstore import DuckStore
    from viewer.model.errors import TimelineLoadError

    store = DuckStore(forged)
    try:
        with pytest.raises(TimelineLoadError, match=f"row '{ROW}': its stored event names '{OTHER}'; the "
                                                    "collection is damaged; run validate"):
            store.event(ROW)
        assert store.event(OTHER).id == OTHER  # its own row is sound
        with pytest.raises(TimelineLoadError, match=f"row '{ROW}': its stored event names '{OTHER}'"):
            store.page(0, 100)  # the list's rows: never the other event's dates beside this row's title
    finally:
        store.close()


def test_the_pane_names_the_row_and_the_damage_never_the_other_event(qtbot, forged, tmp_path):
    from pathlib import Path

    window = shown_collection(qtbot, Path(forged))
    window.select("drills-begin")
    qtbot.waitUntil(lambda: window.shown_event is not None and window.shown_event.id == "drills-begin",
                    timeout=10000)
    text = window.details.toPlainText()
    assert MARKUP in text  # the title's markup as text, not obeyed
    window.select(ROW)
    qtbot.waitUntil(lambda: "cannot be shown" in window.details.toPlainText(), timeout=10000)
    text = window.details.toPlainText()
    assert ROW in text and f"its stored event names '{OTHER}'; the collection is damaged; run validate" in text
    assert OTHER_QUOTE not in text and "Stoltenberg" not in text and MARKUP not in text  # nothing of another event
    assert window.shown_event is None
