"""A Parquet collection in the window: the detail pane reads the event from the collection,
search runs in DuckDB, the Events tab lists what was loaded."""

from viewer.io.registry import read_timeline, write_timeline


def test_window_on_a_parquet_collection(qtbot, open_window, bundled_path, tmp_path):
    path = tmp_path / "allied.parquet"
    write_timeline(read_timeline(bundled_path), path)
    timeline = read_timeline(path)
    window = open_window(timeline, path=str(path))
    window.state.selected = "lavrov-lowest-level"
    text = window.details.toPlainText()
    assert "Lavrov" in text and "2022-02-10?" in text  # the EDTF value, with its qualifier
    assert "arrived in Moscow on Thursday" in text  # the phrase the source used, from the collection
    window.state.query = "normandy"
    qtbot.waitUntil(lambda: len(window.state.matches) > 0, timeout=5000)
    from viewer.model.search import search

    assert tuple(window.state.matches) == search(read_timeline(bundled_path), "normandy")
    assert "1 of" in window.search_bar.count.text() or "match" in window.search_bar.count.text()
