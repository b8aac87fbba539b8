"""A collection's sidecar search index may sit beside a shared collection: it is untrusted input.
A page of the event list read from its list of what rows show (table ``shown``) is checked against
the collection, exactly the rows shown, once it is on screen; a forged row (a tester's new title
and direct quote "We surrender" for one event) leaves the list, the index is dropped with its note
and rebuild hint, and the page is read again from the collection."""

import pytest

from tests.store.collection import collection
from tests.store.test_search_page import forged_copy
from viewer.io.duckstore import DuckStore, write_parquet
from viewer.ui.collection_window import CollectionWindow

pytest.importorskip("duckdb")


def _listed(w):
    return [w.list.item(i, 2).text() for i in range(w.list.rowCount())]



def _drawn_window(qtbot, store):
    """A collection window on ``store``, shown at 1500x900 and drawn."""
    w = CollectionWindow(store, "small")
    qtbot.addWidget(w)
    w.resize(1500, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.wait_drawn(30.0)
    return w

@pytest.mark.parametrize("kind", ["parquet", "duckdb"])
def test_a_forged_row_in_the_sidecars_list_never_stays_in_the_event_list(qtbot, tmp_path, kind):
    small = collection(4000, seed=29)
    path = str(tmp_path / f"small.{kind}")
    write_parquet(small, path)
    copy, target = forged_copy(small, path, tmp_path)
    store = DuckStore(copy)
    store._index.shown_checked = True  # the first page's spot check (one random run) missed the forged row
    w = _drawn_window(qtbot, store)
    w.set_query("strike")
    assert w.wait_drawn(30.0)
    qtbot.waitUntil(lambda: w.list.rowCount() > 3, timeout=20000)
    titles = _listed(w)
    real = {e.id: e for e in small.events}[target]
    assert not any("surrender" in t for t in titles), titles
    assert real.title in titles[3]
    assert w.index_note.isVisible()
    note = w.index_note.text()
    assert "search index dropped" in note and "title in its list is not the collection's" in note, note
    assert "rebuild it with `timeline-viewer index" in note
    w.list.selectRow(3)  # the detail pane and the list agree
    qtbot.waitUntil(lambda: real.title in w.details.toPlainText(), timeout=20000)


def test_a_row_the_sidecar_matches_but_whose_text_does_not_never_stays_in_the_event_list(qtbot, tmp_path,
                                                                                       monkeypatch):
    """The tester's forged match: one row's text in the sidecar given ``zebraword`` and its FTS
    table rebuilt (its list left alone).  Searched, the row is not left listed: the page check
    reads the collection's text of the row, the index is dropped with its note, the list is empty."""
    import shutil
    import sqlite3

    from viewer.io.duckstore import counts_path
    from viewer.io.search_index import sidecar_path

    small = collection(4000, seed=29)
    path = str(tmp_path / "small.parquet")
    write_parquet(small, path)
    copy = str(tmp_path / "z.parquet")
    shutil.copyfile(path, copy)
    shutil.copyfile(counts_path(path), counts_path(copy))
    shutil.copyfile(sidecar_path(path), sidecar_path(copy))
    con = sqlite3.connect(sidecar_path(copy))
    con.execute("UPDATE rows SET body = body || ' zebraword' WHERE row = (SELECT row FROM shown LIMIT 1 OFFSET 5)")
    con.execute("INSERT INTO fts(fts) VALUES('rebuild')")
    con.commit()
    con.close()
    monkeypatch.setattr(DuckStore, "check_search_index", lambda self, every_row=False: None)  # the run missed it
    store = DuckStore(copy)
    assert store._index is not None
    w = _drawn_window(qtbot, store)
    w.set_query("zebraword")
    qtbot.waitUntil(lambda: "search index dropped" in w.index_note.text(), timeout=20000)
    note = w.index_note.text()
    assert "as a match, but the collection's text of that row does not match" in note, note
    qtbot.waitUntil(lambda: w.page is not None and w.page.from_sidecar is None, timeout=20000)
    assert w.list.rowCount() == 0 and w.page.total == 0
