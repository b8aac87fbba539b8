"""Unreviewed drafts and planned events through every export: each comes back
as a draft / as planned, or ``convert`` lists the loss and exits 1; a draft is
never written as a reviewed fact without a word."""

from __future__ import annotations

import json

import pytest

from viewer.cli import main
from viewer.io.registry import read_timeline, read_timeline_report

SOURCE = {
    "format": "timeline-viewer", "version": 1, "title": "Drafts and plans",
    "tracks": [{"id": "a", "label": "A"}],
    "sources": [{"id": "s1", "kind": "news_article", "outlet": "Paper"}],
    "events": [
        {"id": "fact", "track": "a", "title": "Reviewed fact", "start": {"edtf": "2022-02-01"}, "sources": ["s1"]},
        {"id": "plan", "track": "a", "title": "Planned meeting", "start": {"edtf": "2022-02-20"},
         "status": "planned", "sources": ["s1"]},
        {"id": "dr", "track": "a", "title": "Draft event", "start": {"edtf": "2022-02-03"}, "sources": ["s1"],
         "draft": {"sentence": "Troops <moved> & \"said\" so.", "offsets": [0, 28], "article": "x.txt"}},
        {"id": "drplan", "track": "a", "title": "Draft plan", "start": {"edtf": "2022-02-25"}, "sources": ["s1"],
         "status": "planned", "draft": {"sentence": "They will meet.", "offsets": [30, 45]}},
    ],
}

# format -> (file name, what the loss list says of drafts / of plans; None: kept, read back)
CASES = {
    "csv": ("out.csv", None, None),
    "tsv": ("out.tsv", None, None),
    "timelinejs": ("out.timelinejs.json", None, None),
    "parquet": ("out.parquet", None, None),
    "duckdb": ("out.duckdb", None, None),
    "vis": ("out.vis.json", "2 unreviewed ingest drafts in vis-timeline: 'DRAFT, unreviewed:' at the start of the "
            "item's content (read back as drafts); not kept: the sentence and article each was read from",
            "2 planned events: marked '(planned)' at the start of the item's content (read back as planned"),
}


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "src.timeline.json"
    path.write_text(json.dumps(SOURCE), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_drafts_and_plans_come_back_as_such_or_the_loss_is_listed(fmt, source, tmp_path, capsys):
    name, draft_loss, plan_loss = CASES[fmt]
    out = tmp_path / name
    code = main(["convert", str(source), str(out)])
    err = capsys.readouterr().err
    back = {e.id: e for e in read_timeline(out).events}
    assert set(back) == {"fact", "plan", "dr", "drplan"}
    assert back["fact"].draft is None and not back["fact"].planned
    if draft_loss is None:
        assert back["dr"].draft is not None and back["drplan"].draft is not None
        assert back["dr"].draft.sentence == "Troops <moved> & \"said\" so."
        assert back["dr"].draft.article == "x.txt"
        assert "cannot mark" not in err
    else:
        assert draft_loss in err and code == 1
    if plan_loss is None:
        assert back["plan"].planned and back["drplan"].planned and not back["dr"].planned
        assert "lose that status" not in err
    else:
        assert plan_loss in err and code == 1


@pytest.mark.parametrize("name,fmt", [("out.csv", "CSV"), ("out.timelinejs.json", "TimelineJS")])
def test_a_text_export_says_the_draft_offsets_are_not_kept_and_exits_1(name, fmt, source, tmp_path, capsys):
    assert main(["convert", str(source), str(tmp_path / name)]) == 1
    err = capsys.readouterr().err
    assert f"2 unreviewed ingest drafts in {fmt}: " in err
    assert "(read back as drafts); not kept: character offsets of the sentence in the article" in err


def test_csv_writes_the_draft_in_a_review_column(source, tmp_path):
    import csv

    out = tmp_path / "out.csv"
    main(["convert", str(source), str(out)])
    with open(out, encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert rows["dr"]["review"] == "unreviewed draft" and rows["fact"]["review"] == ""
    assert rows["dr"]["draft_sentence"] == "Troops <moved> & \"said\" so." and rows["dr"]["draft_article"] == "x.txt"
    assert rows["drplan"]["status"] == "planned" and rows["dr"]["status"] == "happened"


def test_a_review_value_that_is_not_reviewed_is_read_as_a_draft_and_warned_by_line(tmp_path):
    # breakit5: "needs review" and "unreviewed" were read as reviewed facts; only "draft" made a draft
    sheet = tmp_path / "rev.csv"
    sheet.write_text("title,start,review\nA,2022-02-10,draft\nB,2022-02-11,needs review\nC,2022-02-12,unreviewed\n"
                     "D,2022-02-13,\nE,2022-02-14,Reviewed\nF,2022-02-15,accepted\nG,2022-02-16,great\n",
                     encoding="utf-8")
    report = read_timeline_report(sheet)
    drafts = {e.title: e.draft is not None for e in report.timeline.events}
    assert drafts == {"A": True, "B": True, "C": True, "D": False, "E": False, "F": False, "G": True}
    said = [str(w) for w in report.warnings if "review" in str(w)]
    assert len(said) == 3
    assert "line 3" in said[0] and "'needs review'" in said[0] and "column 'review'" in said[0]
    assert "read as an unreviewed draft" in said[0]
    assert "line 4" in said[1] and "'unreviewed'" in said[1] and "line 8" in said[2] and "'great'" in said[2]


def test_timelinejs_says_draft_in_the_text_and_only_its_own_mark_reads_back(source, tmp_path):
    out = tmp_path / "out.timelinejs.json"
    main(["convert", str(source), str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    text = {e["unique_id"]: e["text"]["text"] for e in data["events"]}
    assert text["dr"].startswith("<p><b>DRAFT, unreviewed</b> from <i>x.txt</i>: “Troops &lt;moved&gt;")
    assert text["drplan"].startswith("<p><b>DRAFT, unreviewed</b>: “They will meet.”</p><p><i>(planned)</i></p>")
    assert "DRAFT" not in text["fact"]
    back = {e.id: e for e in read_timeline(out).events}
    assert "DRAFT" not in back["dr"].summary and "planned" not in back["drplan"].summary
    # someone else's text that mentions a draft is text, not a marker
    data["events"][0]["text"]["text"] = "<p>The DRAFT, unreviewed by the board, was leaked.</p>"
    out.write_text(json.dumps(data), encoding="utf-8")
    assert read_timeline(out).events[0].draft is None


def test_timelinejs_lists_sources_written_as_text(source, tmp_path, capsys):
    main(["convert", str(source), str(tmp_path / "out.timelinejs.json")])
    assert ("4 events: their sources other than the media are written as text (\"Sources: …\") at the end of the "
            "event's text in TimelineJS, and read back as that text, not as sources: fact, plan, dr, drplan"
            in capsys.readouterr().err)


def test_icalendar_marks_drafts_tentative_and_says_draft(source, tmp_path, capsys):
    import icalendar

    out = tmp_path / "out.ics"
    assert main(["convert", str(source), str(out)]) == 1  # a calendar has no draft status: listed
    err = capsys.readouterr().err
    assert ("2 unreviewed ingest drafts in iCalendar: STATUS:TENTATIVE (as planned events) with 'DRAFT (unreviewed)' "
            "first in SUMMARY and DESCRIPTION, and the sentence; not kept: a draft status") in err
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    ve = {str(v["uid"]).split("@")[0]: v for v in cal.walk("VEVENT")}
    assert str(ve["dr"]["summary"]) == "DRAFT (unreviewed) Draft event"
    assert str(ve["dr"]["description"]).startswith(
        "DRAFT (unreviewed): proposed by ingest from x.txt, not yet checked by a person; source sentence: "
        "“Troops <moved> & \"said\" so.”")
    assert {k: str(v.get("status", "")) for k, v in ve.items()} == {
        "fact": "", "plan": "TENTATIVE", "dr": "TENTATIVE", "drplan": "TENTATIVE"}


def test_vis_says_draft_and_planned_in_the_item_and_reads_its_own_marks_back(source, tmp_path, capsys):
    out = tmp_path / "out.vis.json"
    assert main(["convert", str(source), str(out)]) == 1
    assert "cannot mark" not in capsys.readouterr().err
    content = {i["id"]: i["content"] for i in json.loads(out.read_text(encoding="utf-8"))["items"]}
    assert content == {"fact": "Reviewed fact", "plan": "(planned) Planned meeting",
                       "dr": "DRAFT, unreviewed: Draft event", "drplan": "DRAFT, unreviewed: (planned) Draft plan"}
    back = {e.id: e for e in read_timeline(out).events}
    assert back["fact"].draft is None and not back["fact"].planned and back["fact"].title == "Reviewed fact"
    assert back["plan"].planned and back["plan"].draft is None and back["plan"].title == "Planned meeting"
    assert back["dr"].draft is not None and not back["dr"].planned and back["dr"].title == "Draft event"
    assert back["drplan"].draft is not None and back["drplan"].planned and back["drplan"].title == "Draft plan"
