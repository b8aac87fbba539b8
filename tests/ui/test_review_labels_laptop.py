"""The Review window on a 1366x768 laptop (File > New from article… on the bundled article):
a span running off the plot's right edge lost its label (laid out right of the bar, out of
sight) although the bar had room for it on screen."""

from pathlib import Path

from viewer.io import read_timeline
from viewer.ui.article_dialog import open_draft

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "articles" / "allied-resolve-2022.txt"


def test_every_draft_on_screen_has_a_label_at_1366x768(open_window, qtbot, bundled_path):
    w = open_window(read_timeline(bundled_path), size=(1366, 768))
    open_draft(w, ARTICLE.read_text(encoding="utf-8"), {"article": ARTICLE.name}, wait=True)
    qtbot.waitUntil(lambda: w.timeline.draft_count() > 0 and w.review_dock.isVisible(), timeout=5000)
    qtbot.wait(50)
    layer = w.view.events_item
    qtbot.waitUntil(lambda: w.view.grab() is not None and layer._frame is not None, timeout=3000)
    right = layer._frame.right_px
    drawn = layer.drawn_labels
    texts = [t for t, _ in drawn]
    assert any(t.startswith("Russia and Belarus launched") for t in texts), texts
    assert all(rect.right() <= right + 0.5 and rect.width() > 0 for _, rect in drawn)
    assert len(texts) == len(w.timeline.events) == 16  # all on screen, each labelled
