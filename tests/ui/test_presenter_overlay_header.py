"""The presenter's overlay (key P) at 1366x768 leaves the header's notes in view (drafts,
planned events: what the audience is told the marks mean) and a long step title takes at
most three lines, whole further down, so the note stays in view.  breakit5: the overlay
covered "N planned (hollow, dashed)" and a long title filled 14 lines, leaving 3 for the note."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.conftest import present_window
from viewer.io import read_timeline
from viewer.ui.presenter_panel import TITLE_LINES

LONG = "A very long title that keeps going" + " and going that keeps going" * 30 + " to its last words"


def _story(bundled_path, tmp_path, title: str | None = None):
    data = json.loads(Path(bundled_path).read_text(encoding="utf-8"))
    step = data["stories"][0]["steps"][0]
    if title is not None:
        next(e for e in data["events"] if e["id"] == step["event"])["title"] = title
    path = tmp_path / "story.timeline.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return read_timeline(path), step.get("note", "")


def _open(qtbot, tl):
    pw = present_window(qtbot, tl, (1366, 768))
    pw.presentation.go_to(0)
    pw.finish_animation()
    pw.toggle_presenter_overlay()
    qtbot.wait(20)
    return pw


def test_the_overlay_sits_under_the_header_so_its_notes_stay_in_view(qtbot, bundled_path, tmp_path):
    tl, _ = _story(bundled_path, tmp_path)
    pw = _open(qtbot, tl)
    assert pw.header.text().strip()
    assert pw.presenter.geometry().top() > pw.header.geometry().bottom()  # was at y 16, over the header
    assert pw.presenter.geometry().bottom() <= 16 + 0.6 * 768 + 1  # no lower than it was


def test_a_long_step_title_takes_three_lines_and_is_shown_whole_below_the_note(qtbot, bundled_path, tmp_path):
    tl, note = _story(bundled_path, tmp_path, LONG)
    pw = _open(qtbot, tl)
    panel = pw.presenter
    shown = panel.now.text().replace("\u200b", "")
    assert shown.startswith("Step 1 of ") and shown.endswith("…") and "to its last words" not in shown
    lines = panel.now.height() / panel.now.fontMetrics().lineSpacing()
    assert lines <= TITLE_LINES + 0.5
    assert panel.full_title.isVisible()
    assert panel.full_title.text().replace("\u200b", "") == "Step title in full: " + LONG
    viewport = panel.scroll_area.viewport()
    note_top = panel.note.mapTo(viewport, panel.note.rect().topLeft()).y()
    assert note_top < viewport.height() / 2  # the note begins in the upper half of the overlay, in view
    assert panel.full_title.geometry().top() > panel.note.geometry().top()


def test_a_short_title_is_shown_once(qtbot, bundled_path, tmp_path):
    tl, _ = _story(bundled_path, tmp_path)
    pw = _open(qtbot, tl)
    assert not pw.presenter.full_title.isVisible() and not pw.presenter.now.text().endswith("…")
