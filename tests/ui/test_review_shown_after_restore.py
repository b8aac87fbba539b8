"""A file with unreviewed drafts opened after a run that closed the Review panel: the restored
window state (QMainWindow.restoreState) hid the panel again after it was shown, and nothing on
screen but the header's count said there was anything to review.  The panel is shown."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import ingest_file
from viewer.ui.main_window import MainWindow

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _window(qtbot, timeline):
    w = MainWindow(timeline, lambda _p: timeline, "")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    return w


def test_a_file_with_drafts_shows_the_review_panel_whatever_the_saved_session_says(qtbot):
    drafts = ingest_file(ARTICLES / "allied-resolve-2022.txt").timeline
    assert drafts.draft_count()
    w = _window(qtbot, drafts)
    w.show()
    qtbot.waitExposed(w)
    w.review_dock.close()  # the user closed the panel; the session keeps it closed
    assert not w.review_dock.isVisible()
    w.close()

    w2 = _window(qtbot, drafts)
    w2.session.restore_window()
    w2.show()
    qtbot.waitExposed(w2)
    dock = w2.review_dock
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()  # was hidden by the restored state
    assert dock.summary.text().startswith(f"{drafts.draft_count()} unreviewed drafts")
    assert dock.width() > 100 and dock.height() > 100
