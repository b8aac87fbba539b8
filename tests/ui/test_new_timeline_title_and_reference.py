"""A new timeline's title and reference date can be set in the app (Edit > Timeline title…,
Edit > Reference date…): there was no way but editing the saved file by hand, so every timeline
made from scratch was "Untitled timeline" with no reference date."""

from __future__ import annotations

from tests.ui.test_authoring_newcomer import new_window, saved  # noqa: F401 (the fixture)


def test_title_and_reference_date_are_set_undone_and_saved(qtbot, new_window, tmp_path, monkeypatch):  # noqa: F811
    w = new_window
    entries = [a.text() for a in w.menus["Edit"].actions()]
    assert "Timeline t&itle…" in entries and "R&eference date…" in entries
    assert w.track_edit.retitle("Port strike 2024") == []
    assert w.timeline.title == "Port strike 2024" and w.windowTitle().startswith("Port strike 2024")
    said = []
    monkeypatch.setattr(w, "show_error", lambda title, text: said.append(text))
    assert w.track_edit.set_reference_date("12 March") != []  # refused, said, nothing changed
    assert said and "EDTF" in said[0] and w.timeline.reference_date is None
    assert w.track_edit.set_reference_date("2024-03-12") == []
    assert w.timeline.reference_date.edtf == "2024-03-12"
    data = saved(w, tmp_path)
    assert data["title"] == "Port strike 2024" and data["reference_date"] == "2024-03-12"
    w.authoring.undo_stack.undo()
    assert w.timeline.reference_date is None and w.timeline.title == "Port strike 2024"
