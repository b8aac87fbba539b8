"""A quote too long for the caption area: the break-it tester's 1,600-character quote ran off
the bottom of the screen with no "…", taking its closing quote mark, its speaker and its source
and date line with it (a quotation with no attribution), and the bundled story's Stoltenberg
caption lost its "… Thu 3 Feb 2022, uncertain" line in portrait (1080x1920).  The quote is now
shortened at a word boundary with "…" inside its closing quote mark; the attribution is always
drawn, inside the panel; the presenter's panel has the whole quote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ui.conftest import present_window
from viewer.io import read_timeline
from viewer.ui.present_caption import CAPTION_MIN_FRACTION

SENTENCE = "This is an extremely long direct quotation that goes on and on, "
LONG = (SENTENCE * 25).strip().rstrip(",")  # ~1,600 characters
SOURCE_DATE = "NATO Secretary-General Jens Stoltenberg, via Washington Insider Magazine · Thu 3 Feb 2022, uncertain"


def _long_quote(tmp_path):
    """The bundled story, with step 1's event (Stoltenberg, dated "2022-02-03?") quoted directly
    at 1,600 characters."""
    from viewer.app import bundled_timeline_path

    doc = json.loads(Path(bundled_timeline_path()).read_text(encoding="utf-8"))
    event = next(e for e in doc["events"] if e["id"] == "stoltenberg-largest-deployment")
    event["quotes"][0].update(text=LONG, kind="direct")
    path = tmp_path / "long.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return read_timeline(str(path))


def _shown(qtbot, pw) -> list[str]:
    pw.presentation.go_to(0)
    pw.finish_animation()
    pw.caption.repaint()
    qtbot.wait(10)
    return pw.caption.drawn_text()


def _nothing_below(pw, h: float) -> None:
    """Every laid-out line is drawn and ends inside the panel, and the panel inside the window."""
    cap = pw.caption
    pad = h / 60
    assert len(cap.drawn_text()) == len(cap.lines())
    assert pad + cap.text_px() <= cap.height() - pad + 1, (cap.text_px(), cap.height())
    assert cap.geometry().bottom() < pw.height()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (1080, 1920)])
def test_a_long_quote_ends_with_an_ellipsis_and_keeps_its_attribution(qtbot, tmp_path, size):
    pw = present_window(qtbot, _long_quote(tmp_path), size)
    drawn = _shown(qtbot, pw)
    quote = next(t for t in drawn if t.startswith("“"))
    assert quote.endswith("…”"), quote
    words = quote[1:-2].split()
    assert 3 <= len(words) < len(LONG.split())
    assert " ".join(words) == " ".join(LONG.split()[:len(words)]).rstrip(",")  # the speaker's words, cut at a word
    assert "— Jens Stoltenberg, NATO Secretary-General" in drawn
    assert SOURCE_DATE in drawn
    assert drawn.index(quote) < drawn.index(SOURCE_DATE)
    for line in pw.caption.lines():  # shortened, not shrunk below the smallest caption type
        # (type is sized for the screen's shorter side: a portrait wall reads as landscape)
        assert line.font.pixelSize() >= round(min(size) * CAPTION_MIN_FRACTION) - 1, line.text
    _nothing_below(pw, float(min(size)))
    # the presenter can read the whole quote
    pw.toggle_presenter_overlay()
    assert LONG in pw.presenter.quote.text()


def test_the_bundled_stoltenberg_caption_keeps_its_uncertain_date_in_portrait(qtbot):
    from viewer.app import bundled_timeline_path

    pw = present_window(qtbot, read_timeline(bundled_timeline_path()), (1080, 1920))
    drawn = _shown(qtbot, pw)
    assert SOURCE_DATE in drawn
    k = next(i for i, t in enumerate(drawn) if t.startswith("Russia’s deployment"))  # the article's words
    assert drawn[k + 1] == "— Jens Stoltenberg, NATO Secretary-General (reported speech, not a quotation)"
    assert not any("said that" in t for t in drawn)
    _nothing_below(pw, 1080.0)  # the type's size: the shorter side
