"""A span whose written end falls after the source's date is hatched on the timeline from that
date and called "planned end, announced" in the detail pane; the Events list showed it as a plain
"Thu 1 Jun 2023 → Fri 1 Sep 2023" while planned points read "due …" (breakit7 #4).  The list, in
the main window and a collection's window alike, now writes the end "→ due …"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.collection_windows import shown_collection
from tests.ui.test_collection_honest import make_collection
from viewer.io.native import timeline_from_dict

EVENTS = [
    {"id": "span", "kind": "span", "track": "people", "title": "Drills", "start": {"edtf": "2023-06-01"},
     "end": {"edtf": "2023-09-01"}},
    {"id": "done", "kind": "span", "track": "people", "title": "Talks", "start": {"edtf": "2023-05-01"},
     "end": {"edtf": "2023-06-10"}},
    {"id": "known", "kind": "span", "track": "people", "title": "Siege", "start": {"edtf": "2023-05-01"},
     "end": {"edtf": "[2023-06-10..]"}},
    {"id": "plan", "kind": "point", "track": "people", "title": "Summit", "start": {"edtf": "2023-07-01"}},
]
REF = {"edtf": "2023-06-15"}


def _expect(rows, tips):
    assert rows["Drills"] == "Thu 1 Jun 2023 → due Fri 1 Sep 2023"
    assert rows["Talks"] == "Mon 1 May 2023 → Sat 10 Jun 2023"  # ended by the source's date: reported
    assert rows["Siege"] == "Mon 1 May 2023 → ≥ Sat 10 Jun 2023"  # going on as of the source: known
    assert rows["Summit"] == "due Sat 1 Jul 2023"
    assert "→ planned end, announced: Fri 1 Sep 2023" in tips["Drills"]
    assert "planned end" not in tips["Talks"] and "planned end" not in tips["Siege"]


def test_the_main_windows_list_marks_an_announced_end_due(open_window):
    tl = timeline_from_dict({"format": "timeline-viewer", "version": 1, "title": "Ends", "reference_date": REF,
                             "tracks": [{"id": "people", "label": "People"}], "events": EVENTS})
    w = open_window(tl, size=(1366, 768))
    model = w.event_list.source_model
    rows, tips = {}, {}
    for ev in tl.events:
        r = model.row_of(ev.id)
        rows[ev.title] = model.data(model.index(r, 0))
        tips[ev.title] = model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole)
    _expect(rows, tips)


def test_the_collection_windows_list_marks_it_alike(qtbot, tmp_path):
    w = shown_collection(qtbot, make_collection(tmp_path, EVENTS, reference_date=REF))
    qtbot.waitUntil(lambda: w.page is not None and w.list.rowCount() == len(EVENTS), timeout=20000)
    titles = [w.list.item(r, 2).text() for r in range(w.list.rowCount())]
    names = {t: next(e["title"] for e in EVENTS if e["title"] in t) for t in titles}
    rows = {names[w.list.item(r, 2).text()]: w.list.item(r, 0).text() for r in range(w.list.rowCount())}
    tips = {names[w.list.item(r, 2).text()]: w.list.item(r, 0).toolTip() for r in range(w.list.rowCount())}
    _expect(rows, tips)


def test_the_readme_quotes_the_bundled_drills_as_the_list_writes_them(open_window):
    """desk3: README said the Events list writes a planned end "→ due Fri 1 Sep 2023", next to the
    drills band, which the list writes "10 Feb → ≥ 10 Feb 2022": its end is known only to be on or
    after 10 Feb, and its announced day is a row of its own, "due".  README now quotes the list."""
    import re
    from pathlib import Path

    from viewer.io import read_timeline

    root = Path(__file__).resolve().parents[2]
    tl = read_timeline(str(root / "resources" / "allied-resolve-2022.timeline.json"))
    w = open_window(tl, size=(1366, 768))
    model = w.event_list.source_model
    cell = {ev.title: model.data(model.index(model.row_of(ev.id), 0)) for ev in tl.events}
    band = next(t for t in cell if t.startswith("Allied Resolve-2022 drills"))
    assert cell[band] == "Thu 10 Feb 2022 → ≥ Thu 10 Feb 2022"
    assert cell["Drills due to finish"] == "due Sun 20 Feb 2022"
    readme = re.sub(r"\s+", " ", (root / "README.md").read_text(encoding="utf-8"))
    assert f'"{cell[band]}"' in readme and f'"Drills due to finish", "{cell["Drills due to finish"]}"' in readme
