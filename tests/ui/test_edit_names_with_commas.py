"""Edit tab: an actor or tag with a comma in it ("Smith, John") is one name.  Leaving the line
unchanged (the focus passes through it) keeps the stored names exactly; a typed line is split on
';' only, and the form says so under the fields."""

from __future__ import annotations

from dataclasses import replace

from tests.ui.test_authoring import set_field, window  # noqa: F401 (the fixture)
from viewer.app import _load, bundled_timeline_path
from viewer.ui.edit_form import LIST_HINT

LAVROV = "lavrov-lowest-level"


def _timeline():
    tl = _load(bundled_timeline_path())
    events = tuple(replace(e, actors=("Smith, John", "NATO"), tags=("diplomacy, UK",)) if e.id == LAVROV
                   else e for e in tl.events)
    return replace(tl, events=events)


def _form(window):  # noqa: F811
    w = window(_timeline())
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = LAVROV
    return w


def test_passing_through_the_actors_and_tags_lines_changes_nothing(qtbot, window):  # noqa: F811
    w = _form(window)
    before = w.timeline.event(LAVROV)
    depth = w.authoring.undo_stack.count()
    assert w.edit_form.fields["actors"].widget.text() == "Smith, John; NATO"
    w.edit_form.fields["actors"].sigCommit.emit()  # the focus left the line: nothing typed
    w.edit_form.fields["tags"].sigCommit.emit()
    after = w.timeline.event(LAVROV)
    assert after.actors == ("Smith, John", "NATO")  # was ("Smith", "John", "NATO")
    assert after.tags == ("diplomacy, UK",)
    assert after == before and w.authoring.undo_stack.count() == depth


def test_a_typed_line_is_split_on_semicolons_only(qtbot, window):  # noqa: F811
    w = _form(window)
    set_field(w, "actors", "Smith, John; NATO; Lavrov, Sergey")
    assert w.timeline.event(LAVROV).actors == ("Smith, John", "NATO", "Lavrov, Sergey")
    assert w.timeline.event(LAVROV).tags == ("diplomacy, UK",)


def test_the_form_says_how_names_are_separated(qtbot, window):  # noqa: F811
    w = _form(window)
    from PySide6.QtWidgets import QLabel
    hints = [lab for lab in w.edit_form.findChildren(QLabel) if lab.text() == LIST_HINT]
    assert hints and hints[0].isVisible()
    assert "';'" in LIST_HINT and "comma" in LIST_HINT
