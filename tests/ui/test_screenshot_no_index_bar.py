"""A new user's --screenshot of a large file showed a bare "0% Cancel" under
the menu: the search index build that a large file starts in the background.
A picture needs no index: the build is stopped and its bar is not in it."""

from viewer.model.synthetic import synthetic_timeline


def test_a_screenshot_of_a_large_file_shows_no_index_bar(qtbot, tmp_path, monkeypatch):
    from viewer.app import save_screenshot
    from viewer.io import read_timeline
    from viewer.ui.main_window import MainWindow

    path = str(tmp_path / "big.timeline.json")
    synthetic_timeline(20_000).write_native(path)
    w = MainWindow(read_timeline(path), read_timeline, path)
    qtbot.addWidget(w)
    w.shown.jobs.start_build()  # under way when the picture is taken (a large file: it starts at once)
    seen = []
    grab = w.grab

    def grab_seen(*a):
        seen.append((w.search_bar.progress.isVisible(), w.search_bar.cancel_button.isVisible()))
        return grab(*a)

    monkeypatch.setattr(w, "grab", grab_seen)
    assert save_screenshot(w, str(tmp_path / "s.png"), (1366, 768))
    assert seen == [(False, False)]
