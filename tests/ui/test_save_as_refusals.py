"""Save As onto a link says what Export says (the link and its target);
saving adds no track order a file did not have."""

import json

from viewer.app import _load
from viewer.ui.main_window import MainWindow

UNORDERED = {"format": "timeline-viewer", "version": 1, "title": "t",
             "tracks": [{"id": "b", "label": "B"}, {"id": "a", "label": "A"}], "sources": [],
             "events": [{"id": "e", "track": "a", "title": "E", "start": {"edtf": "2022-02-10"}}]}


def _window(qtbot, path):
    w = MainWindow(_load(str(path)), _load, str(path))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_save_as_onto_a_symbolic_link_names_the_link_and_its_target(qtbot, tmp_path):
    src = tmp_path / "t.timeline.json"
    src.write_text(json.dumps(UNORDERED), encoding="utf-8")
    victim = tmp_path / "victim.timeline.json"
    victim.write_text(json.dumps(UNORDERED), encoding="utf-8")
    link = tmp_path / "l.timeline.json"
    link.symlink_to(victim)
    w = _window(qtbot, src)
    assert w.authoring.save_to(str(link)) is False
    text = w.last_error.informativeText() or w.last_error.text()
    assert f"{link} is a symbolic link (to {victim}); write to the file itself" in text
    assert json.loads(victim.read_text(encoding="utf-8")) == UNORDERED


def test_saving_a_file_whose_tracks_have_no_order_adds_none(qtbot, tmp_path):
    src = tmp_path / "t.timeline.json"
    src.write_text(json.dumps(UNORDERED), encoding="utf-8")
    w = _window(qtbot, src)
    out = tmp_path / "saved.timeline.json"
    assert w.authoring.save_to(str(out)) is True
    tracks = json.loads(out.read_text(encoding="utf-8"))["tracks"]
    assert tracks == [{"id": "b", "label": "B"}, {"id": "a", "label": "A"}]
    assert [t.id for t in _load(str(out)).tracks] == ["b", "a"]
