"""The collection window says of each event what the main window says: dates at the precision
their source gives, drafts and plans marked as such (breakit5)."""

import json

import pytest

from tests.ui.collection_windows import shown_collection
from viewer.io.registry import read_timeline, write_timeline

EVENTS = [
    {"id": "xx1", "kind": "point", "track": "people", "title": "Month unknown", "start": {"edtf": "2023-XX-10"}},
    {"id": "rep1", "kind": "point", "track": "people", "title": "Reported remark", "start": {"edtf": "2023-06~"}},
    {"id": "unc1", "kind": "span", "track": "people", "title": "Uncertain span",
     "start": {"edtf": "2023-06-10?"}, "end": {"edtf": "[2023-06-16..]"}},
    {"id": "day1", "kind": "point", "track": "people", "title": "A day", "start": {"edtf": "2023-06-13"}},
    {"id": "plan1", "kind": "point", "track": "people", "title": "Summit", "status": "planned",
     "start": {"edtf": "2023-06-12"}},
    {"id": "draft1", "kind": "point", "track": "people", "title": "Drafted remark", "start": {"edtf": "2023-06-11"},
     "draft": {"sentence": "He spoke on Sunday.", "offsets": [0, 19], "article": "a.txt"}},
]


def make_collection(tmp_path, events=EVENTS, name="honest", **extra):
    """``events`` (native JSON objects) as ``name.parquet``, made as ``timeline-viewer convert`` does."""
    data = {"format": "timeline-viewer", "version": 1, "title": "Honest collection", "time_zone": "UTC",
            "tracks": [{"id": "people", "label": "People"}], "events": events, **extra}
    native = tmp_path / f"{name}.timeline.json"
    native.write_text(json.dumps(data), encoding="utf-8")
    path = tmp_path / f"{name}.parquet"
    write_timeline(read_timeline(native), path)
    return path


@pytest.fixture
def honest(qtbot, tmp_path):
    w = shown_collection(qtbot, make_collection(tmp_path))
    qtbot.waitUntil(lambda: w.page is not None and w.list.rowCount() == len(EVENTS), timeout=20000)
    return w


def _rows(w):
    return {w.list.item(r, 2).text(): w.list.item(r, 0).text() for r in range(w.list.rowCount())}


def test_the_events_list_gives_each_date_at_its_sources_precision(honest):
    rows = _rows(honest)
    assert rows["Month unknown"] == "the 10th of an unknown month of 2023"
    assert rows["~ Reported remark"].startswith("about June 2023")
    assert rows["Uncertain span (?)"] == "Sat 10 Jun 2023 ? → ≥ Fri 16 Jun 2023"  # "on or after" on its end
    assert rows["A day"] == "Tue 13 Jun 2023"
    assert not any(":" in date for date in rows.values())  # no time of day the source never gave
    assert honest.list.horizontalHeaderItem(0).text() == "Date"


def test_the_events_list_marks_plans_and_drafts(honest):
    rows = _rows(honest)
    assert rows["Summit"] == "due Mon 12 Jun 2023"
    assert rows["DRAFT: Drafted remark"] == "Sun 11 Jun 2023"
    tips = {honest.list.item(r, 2).text(): honest.list.item(r, 0).toolTip() for r in range(honest.list.rowCount())}
    assert "planned, not a fact: Mon 12 Jun 2023" in tips["Summit"]


def test_the_header_counts_drafts_and_plans_and_the_key_explains_their_marks(honest, qtbot):
    qtbot.waitUntil(lambda: honest.marks != (0, 0), timeout=20000)
    assert honest.header.text() == "Honest collection  [1 unreviewed draft · 1 planned]"
    assert "dotted\u00a0ring\u00a0or\u00a0outline:\u00a0unreviewed\u00a0draft" in honest.legend.text()
    assert "dashed\u00a0◇\u00a0planned" in honest.legend.text()


def test_a_plan_after_the_sources_date_is_counted_as_planned(qtbot, tmp_path):
    events = [{"id": "a", "kind": "point", "track": "people", "title": "Before", "start": {"edtf": "2023-06-10"}},
              {"id": "b", "kind": "point", "track": "people", "title": "After", "start": {"edtf": "2023-06-20"}}]
    w = shown_collection(qtbot, make_collection(tmp_path, events, reference_date={"edtf": "2023-06-14"}))
    qtbot.waitUntil(lambda: w.marks != (0, 0), timeout=20000)
    assert w.header.text() == "Honest collection  [1 planned]"
    assert "unreviewed" not in w.legend.text()


def _utc(text):
    from datetime import datetime, timezone

    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


def test_centring_on_a_month_unknown_event_shows_every_month_it_may_be_in(honest, qtbot):
    honest.select("xx1", center=True)
    qtbot.waitUntil(lambda: honest.shown_event is not None and honest.shown_event.id == "xx1", timeout=20000)
    a, b = honest.view.window()
    assert a <= _utc("2023-01-10") and b >= _utc("2023-12-11")  # the 10th of any month of 2023
    assert b - a < 2 * 365 * 86400  # zoomed to it, not to everything


def test_picking_a_month_unknown_event_in_the_list_shows_its_whole_year(honest, qtbot):
    row = next(r for r in range(honest.list.rowCount()) if honest.list.item(r, 2).text() == "Month unknown")
    honest.list.selectRow(row)
    qtbot.waitUntil(lambda: honest.shown_event is not None and honest.shown_event.id == "xx1", timeout=20000)
    a, b = honest.view.window()
    assert a <= _utc("2023-01-10") and b >= _utc("2023-12-11")


def test_centring_on_a_day_pans_without_zooming(honest, qtbot):
    a0, b0 = honest.view.window()
    honest.select("day1", center=True)
    qtbot.waitUntil(lambda: honest.shown_event is not None and honest.shown_event.id == "day1", timeout=20000)
    a, b = honest.view.window()
    assert b - a == pytest.approx(b0 - a0)
    assert a <= _utc("2023-06-13") and b >= _utc("2023-06-14")


def test_a_long_title_can_be_shown_whole_and_copied_in_the_detail_pane(qtbot, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QApplication

    from viewer.ui.detail_pane import COPY_ALL_URL, SHOW_ALL_URL

    title = "Long " + "word " * 1000 + "END"
    events = [{"id": "long", "kind": "point", "track": "people", "title": title, "start": {"edtf": "2023-06-10"}}]
    w = shown_collection(qtbot, make_collection(tmp_path, events))
    w.select("long")
    qtbot.waitUntil(lambda: w.shown_event is not None, timeout=20000)
    text = w.details.toPlainText()
    assert "3,008 more characters: show all · copy all" in text and "END" not in text
    assert f"{SHOW_ALL_URL}title" in w.details.toHtml()
    w.details.anchorClicked.emit(QUrl(f"{COPY_ALL_URL}title"))
    assert QApplication.clipboard().text() == title
    w.details.anchorClicked.emit(QUrl(f"{SHOW_ALL_URL}title"))
    assert title in w.details.toPlainText().replace("\u200b", "")
