"""The Review panel names the draft it acts on in quotation marks without doubling them: a
draft titled with a quotation read “Acting on: “Dmitry Peskov: “unprecedented threats”””
(tester finding); the quotation inside now takes single marks, a title that is one quotation
whole keeps its own marks once."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import ingest_file
from viewer.ui.review import in_marks

ARTICLES = Path(__file__).parents[1] / "data" / "articles"


def test_titles_in_marks_have_no_marks_inside_marks():
    assert in_marks("Plain title") == "“Plain title”"
    assert in_marks("Dmitry Peskov: “unprecedented threats”") == "“Dmitry Peskov: ‘unprecedented threats’”"
    assert in_marks('Lavrov: "lowest level" of ties') == "“Lavrov: ‘lowest level’ of ties”"
    assert in_marks("“We will respond”") == "“We will respond”"
    assert in_marks("Russia’s move") == "“Russia’s move”"  # an apostrophe stays one


def test_the_panel_names_a_quoted_draft_with_single_marks_inside(open_window, qtbot):
    w = open_window(ingest_file(ARTICLES / "allied-resolve-2022.txt").timeline, size=(1366, 768))
    qtbot.wait(40)
    dock = w.review_dock
    peskov = next(e for e in w.timeline.events if e.title.startswith("Dmitry Peskov"))
    w.state.selected = peskov.id
    assert dock.current_id() == peskov.id
    shown = dock.acting_on.text().replace("\n", " ")
    assert shown.startswith("Acting on: “Dmitry Peskov: ‘unprece") and shown.count("“") == 1, shown
    assert "Acting on: “Dmitry Peskov: ‘unprecedented threats’”<" in dock.acting_on.toolTip()
    assert "Accept “Dmitry Peskov: ‘unprecedented threats’” (A)" in dock.accept_button.toolTip()
