"""Present mode (wall2, item 3): in the ingested draft's step 2 (3840x2160) "≤ Dmitry Peskov:
…" and two other "on or before 10 Feb" events were labelled at the left edge, near 29 Jan, while
their markers (10 Feb) were off screen: an audience 5 m away reads a label as dated where it
stands.  On a wall a point whose marker is off screen is no longer labelled."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.ingest import ingest_file
from viewer.model.records import EventKind
from viewer.model.story import default_story
from viewer.ui.present import PresentWindow

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


@pytest.mark.parametrize("size", [(3840, 2160), (1920, 1080)])
def test_no_label_stands_where_its_marker_is_not(qtbot, size):
    tl = ingest_file(ARTICLES / "allied-resolve-2022.txt").timeline
    story = default_story(tl)
    pw = PresentWindow(tl, story, animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(*size)
    pw.show()
    qtbot.waitExposed(pw)
    cols = pw.view.timeline.columns
    seen_off = 0
    for k in range(min(4, len(story.steps))):
        pw.presentation.go_to(k)
        pw.finish_animation()
        pw.grab()
        a, b = pw.view._vb.viewRange()[0]
        for pl in pw.view.events_item._frame.placements:
            ev = pw.view.timeline.events[int(cols.event_index[pl.row])]
            if ev.kind == EventKind.SPAN:
                continue  # a span's bar covers what is shown: its label inside it is honest
            x = float(cols.xm[pl.row])
            if a <= x <= b:
                continue
            seen_off += 1
            assert pl.label_width == 0, f"step {k + 1}: {ev.title!r} labelled, its marker off screen"
    assert seen_off  # step 2 has such events (the "≤ … 10 Feb" ones)
