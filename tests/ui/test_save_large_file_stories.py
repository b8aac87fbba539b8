"""File > Save of a file over the large-file threshold keeps its stories (before,
the fast reader had dropped them and Save rewrote the user's file without them)."""

import json

from tests.io.test_bulk_stories import STORIES, big_doc, write
from viewer.app import _load
from viewer.model.timeline import LazyEvents
from viewer.ui.main_window import MainWindow


def test_saving_a_large_file_keeps_its_stories(qtbot, tmp_path):
    path = write(tmp_path / "big.timeline.json", big_doc())
    w = MainWindow(_load(str(path)), _load, str(path))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert isinstance(w.timeline.events, LazyEvents)  # read by the fast reader
    assert w.authoring.save_to(str(path)) is True  # File > Save onto the user's own file
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["stories"] == STORIES
    assert [s.title for s in _load(str(path)).stories] == ["Quoted", "D-day"]
