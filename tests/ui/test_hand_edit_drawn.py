"""A date edited by hand is said where an audience sees the event: its label on the timeline
(so a PNG / SVG / PDF of the view or a present-mode slide) ends "(date edited)", and the key
says what that means; the Events list's title says it too.  Undo takes it away."""

from tests.ui.test_authoring import set_field, window  # noqa: F401 (the fixture)
from viewer.io.native import read_native
from viewer.model import commands as C
from viewer.model.dates import EventDate
from viewer.model.presentation import caption_for, header_note
from viewer.ui.event_list import title_text

TRUSS = "truss-arrives-moscow"


def _labels(w):
    layer = w.view.events_item
    return {layer._label(row)[0] for row in range(len(layer.columns.kind))}


def test_the_label_and_the_key_say_the_date_was_edited_by_hand(open_window, bundled_path, qtbot):
    w = open_window(read_native(bundled_path))
    assert "Truss arrives in Moscow" in _labels(w)
    ev = w.timeline.event(TRUSS)
    w.authoring.push(C.set_date(ev, "start", EventDate("2022-02-09", ev.start.phrase, ev.start.basis), "2026-12-08"))
    qtbot.waitUntil(lambda: "Truss arrives in Moscow (date edited)" in _labels(w), timeout=3000)
    assert "date edited by hand" in w.legend.text().replace("\u00a0", " ")
    assert title_text(w.timeline.event(TRUSS)) == "Truss arrives in Moscow (date edited)"
    assert title_text(w.timeline.event("lavrov-lowest-level")).endswith("(?)")  # the others as they were
    assert caption_for(w.timeline, TRUSS).date == "Wed 9 Feb 2022 (date edited by hand)"  # a slide's caption
    assert header_note(w.timeline).endswith("1 date edited by hand")  # the header, and the pictures' title
    w.authoring.undo_stack.undo()
    qtbot.waitUntil(lambda: "Truss arrives in Moscow" in _labels(w), timeout=3000)
    assert "date edited by hand" not in w.legend.text().replace("\u00a0", " ")


def test_the_detail_pane_says_it_when_the_basis_was_reworded(qtbot, window):  # noqa: F811
    w = window()
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = TRUSS
    set_field(w, "start", "2022-02-09")
    text = w.details.toPlainText()
    assert "Edited by hand on " in text and "not a date the source's words give" not in text  # said once
    set_field(w, "start_basis", "I checked the embassy's photos.")
    text = w.details.toPlainText()
    assert "I checked the embassy's photos." in text
    assert "by hand on " in text and ", from 2022-02-10: not a date the source's words give" in text  # was: nothing


def test_a_collection_with_a_hand_edited_date_opens_and_draws(qtbot, tmp_path, bundled_path):
    """(The collection window's timeline had no hand_edits(): opening such a Parquet raised
    AttributeError while drawing.)  Its rows are not read for the label's mark; the file keeps it."""
    from tests.ui.collection_windows import shown_collection
    from viewer.io.native_rules import NATIVE_RULES
    from viewer.io.registry import write_timeline
    from viewer.model.editing import EditStack

    stack = EditStack(read_native(bundled_path), NATIVE_RULES)
    ev = stack.timeline.event(TRUSS)
    stack.push(C.set_date(ev, "start", EventDate("2022-02-09", ev.start.phrase, ev.start.basis), "2026-12-08"))
    path = tmp_path / "edited.parquet"
    write_timeline(stack.timeline, path)
    w = shown_collection(qtbot, path, size=(1366, 768))
    assert w.view.events_item.columns.ids  # drawn
    w.close()
