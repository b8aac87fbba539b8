"""The presenter's overlay (key P) shows every word of a long note and a long quote: it
scrolls when the text is taller than the overlay may be, and breaks a long unspaced run
(a link) instead of cutting it off at the right edge.  It cut both off mid-sentence."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.conftest import present_window
from viewer.io import read_timeline

URL = "https://example.org/a/very/long/path/without/any/spaces/that/goes/on/and/on/for/ever.html"
MORE = " and the deployment continued to grow with more troops, tanks and aircraft every day" * 8


def _long(bundled_path, tmp_path):
    data = json.loads(Path(bundled_path).read_text(encoding="utf-8"))
    ev = next(e for e in data["events"] if e["id"] == "stoltenberg-largest-deployment")
    ev["quotes"][0]["text"] += MORE + " " + URL
    step = data["stories"][0]["steps"][0]
    step["note"] = step["note"] * 3 + " Last words of the note."
    path = tmp_path / "long.timeline.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return read_timeline(path), step["note"]


def test_a_long_note_and_quote_scroll_into_view_whole(qtbot, bundled_path, tmp_path):
    tl, note = _long(bundled_path, tmp_path)
    pw = present_window(qtbot, tl, (1280, 720))
    pw.presentation.go_to(0)
    pw.finish_animation()
    pw.toggle_presenter_overlay()
    qtbot.wait(20)
    panel = pw.presenter
    assert panel.height() <= 0.6 * 720 + 1  # held low: the rest is scrolled to
    assert panel.scrolls()
    assert panel.note.text().replace("\u200b", "") == note
    assert URL in panel.quote.text().replace("\u200b", "")
    viewport = panel.scroll_area.viewport()
    for label in (panel.note, panel.quote):  # nothing wider than the overlay: long runs break
        assert label.minimumSizeHint().width() <= viewport.width(), label.text()[:40]
    bar = panel.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    bottom = panel.quote.mapTo(viewport, panel.quote.rect().bottomLeft()).y()
    assert bottom <= viewport.height()  # the quote's last line can be brought into view
    assert panel.clock.isVisible() and panel.clock.geometry().bottom() <= panel.height()  # the clock stays


def test_a_short_note_does_not_scroll(qtbot, bundled_path):
    tl = read_timeline(bundled_path)
    pw = present_window(qtbot, tl, (1920, 1080))
    pw.presentation.go_to(1)
    pw.toggle_presenter_overlay()
    qtbot.wait(20)
    assert not pw.presenter.scrolls()
    assert pw.presenter.note.text() == tl.stories[0].steps[1].note
