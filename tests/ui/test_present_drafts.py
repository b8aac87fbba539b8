"""Present mode says in words when a step shows unreviewed drafts or planned events
(a break-it tester: the header read only "All events in time order 3 / 16", nothing
explained the dotted rings, and the draft status was a small grey suffix to the date)."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import ingest_file
from viewer.model.story import default_story
from viewer.ui.briefing import theme_colours
from viewer.ui.present import PresentWindow

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _present(qtbot, timeline, story, size=(1366, 768)):
    pw = PresentWindow(timeline, story)
    qtbot.addWidget(pw)
    pw.resize(*size)
    pw.show()
    qtbot.waitExposed(pw)
    return pw


def test_a_step_of_drafts_says_draft_in_the_header_and_the_caption(qtbot):
    tl = ingest_file(ARTICLES / "allied-resolve-2022.txt").timeline
    pw = _present(qtbot, tl, default_story(tl))
    # step 3: the ten days of training, framed on what the article reports (10 Feb; the span is open after its
    # publication), so the planned 20 Feb end is outside: 14 drafts, 3 planned (were 15 and 4)
    pw.presentation.go_to(2)
    header = pw.header.text().replace("\u00a0", " ")  # each note is kept on one line
    assert "3 / 16" in header
    assert "DRAFT: 14 unreviewed drafts shown (dotted rings)" in header
    assert "3 planned (hollow, dashed)" in header  # the hollow dashed markers are explained too
    assert theme_colours("dark")["accent"] in pw.header.styleSheet()  # not the muted grey
    lines = pw.caption.lines()
    texts = [ln.text for ln in lines]
    draft = next(ln for ln in lines if ln.text.startswith("DRAFT"))
    date = next(ln for ln in lines if "Thu 10 Feb 2022" in ln.text)
    assert "unreviewed" not in date.text  # said once, on its own line ...
    assert draft.font.pixelSize() >= date.font.pixelSize() and draft.font.bold()  # ... as large as the date
    assert draft.color == theme_colours("dark")["accent"]
    assert texts[-1] == "DRAFT: not reviewed, read from the article by ingest"


def test_the_header_counts_the_drafts_the_framed_view_shows(qtbot):
    """The view is framed wider than the step's window (labels read whole): at step 12 the
    header said 14 drafts while 15 dotted rings were on screen."""
    import numpy as np

    tl = ingest_file(ARTICLES / "allied-resolve-2022.txt").timeline
    pw = _present(qtbot, tl, default_story(tl))
    pw.presentation.go_to(11)
    pw.finish_animation()
    cols = pw.view.timeline.columns
    a, b = pw.view.x_range()
    on_screen = np.unique(cols.event_index[(cols.x1 >= a) & (cols.x0 <= b)]).size  # all drafts here
    header = pw.header.text().replace("\u00a0", " ")
    # (how many are framed follows the titles' lengths: 14 since honest6's titles name who says a plan)
    assert on_screen >= 14 and "12 / 16" in header and f"DRAFT: {on_screen} unreviewed drafts shown" in header


def test_a_reviewed_step_has_no_draft_mark_and_names_planned_events(qtbot, bundled_path):
    from viewer.io import read_timeline

    tl = read_timeline(bundled_path)
    story = tl.stories[0]
    pw = _present(qtbot, tl, story)
    headers = []
    for k in range(pw.presentation.count):
        pw.presentation.go_to(k)
        headers.append(pw.header.text().replace("\u00a0", " "))
        assert not any(ln.text.startswith("DRAFT") for ln in pw.caption.lines())
    assert not any("DRAFT" in h for h in headers)
    assert theme_colours("dark")["muted"] in pw.header.styleSheet()
    assert any("planned (hollow, dashed)" in h for h in headers)  # the drills' end, after the source's date
