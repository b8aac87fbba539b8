"""CSV round trips keep what a reader must not lose: the first quote of each event with its
kind (direct stays direct, reported stays reported), plans as plans (an unknown status is never a
fact without a word), drafts as drafts without made-up offsets; and quotation marks make a direct
quote only when they are quotation marks."""

from __future__ import annotations

import csv
import json

from viewer.cli import main
from viewer.io.csvgeneric import read_csv_report
from viewer.io.registry import read_timeline
from viewer.model.timeline import QuoteKind
from viewer.ui.detail_pane import event_html

SOURCE = {
    "format": "timeline-viewer", "version": 1, "title": "Quotes",
    "tracks": [{"id": "a", "label": "A"}],
    "sources": [{"id": "s1", "kind": "news_article", "outlet": "Paper"}],
    "events": [
        {"id": "two", "track": "a", "title": "Two quotes", "start": "2022-02-10", "sources": ["s1"],
         "quotes": [{"text": "we will go", "kind": "direct", "speaker": "Min", "source": "s1"},
                    {"text": "talks would resume", "kind": "reported", "speaker": "Aide"}]},
        {"id": "rep", "track": "a", "title": "Reported", "start": "2022-02-11",
         "quotes": [{"text": "the talks had failed", "kind": "reported", "speaker": "Min"}]},
        {"id": "marks", "track": "a", "title": "Marks in the words", "start": "2022-02-12",
         "quotes": [{"text": "“Never”", "kind": "direct", "speaker": "Min"}]},
        {"id": "none", "track": "a", "title": "No quote", "start": "2022-02-13"},
    ],
}


def _convert(tmp_path, capsys, data=SOURCE):
    src = tmp_path / "src.timeline.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    sheet = tmp_path / "out.csv"
    main(["convert", str(src), str(sheet)])
    written = capsys.readouterr().err
    back = tmp_path / "back.timeline.json"
    main(["convert", str(sheet), str(back)])
    read = capsys.readouterr().err
    return sheet, {e.id: e for e in read_timeline(back).events}, written, read


def test_the_first_quote_of_each_event_comes_back_with_its_words_speaker_and_kind(tmp_path, capsys):
    _, back, written, read = _convert(tmp_path, capsys)
    two = back["two"].quotes
    assert len(two) == 1 and two[0].text == "we will go" and two[0].speaker == "Min"
    assert two[0].kind == QuoteKind.DIRECT
    assert [(q.text, q.kind) for q in back["rep"].quotes] == [("the talks had failed", QuoteKind.REPORTED)]
    assert [(q.text, q.kind) for q in back["marks"].quotes] == [("“Never”", QuoteKind.DIRECT)]
    assert back["none"].quotes == ()
    html = event_html(back["rep"], read_timeline(tmp_path / "back.timeline.json"))
    assert "“the talks had failed”" not in html and "the talks had failed" in html
    assert "1 quote beyond the first of their event kept only as text in the 'quotes' column" in written
    assert "'quote', 'speaker' and 'quote_kind' columns, read back with its words, speaker and kind" in written
    assert "holds 1 quote beyond the one in column 'quote' of their row" in read
    assert "reported speech" not in read.split("holds 1 quote")[0]  # no quote read as reported for want of a kind


def test_the_csv_has_quote_speaker_and_kind_columns(tmp_path, capsys):
    sheet, _, _, _ = _convert(tmp_path, capsys)
    with open(sheet, encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert (rows["two"]["quote"], rows["two"]["speaker"], rows["two"]["quote_kind"]) == ("we will go", "Min", "direct")
    assert rows["rep"]["quote_kind"] == "reported" and rows["none"]["quote"] == ""
    assert "talks would resume" in rows["two"]["quotes"]


def _sheet(tmp_path, text):
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_expected_scheduled_tentative_announced_are_planned_and_other_statuses_are_noted(tmp_path, capsys):
    path = _sheet(tmp_path, "title,start,status\nA,2022-02-10,expected\nB,2022-02-11,Scheduled\n"
                            "C,2022-02-12,tentative\nD,2022-02-13,announced\nE,2022-02-14,cancelled\n"
                            "F,2022-02-15,postponed\nG,2022-02-16,happened\nH,2022-02-17,\n")
    report = read_csv_report(path)
    planned = {e.title: report.timeline.is_planned(e) for e in report.timeline.events}
    assert planned == {"A": True, "B": True, "C": True, "D": True, "E": True, "F": True, "G": False, "H": False}
    said = [p for p in report.notes if "status" in p.message]
    assert len(said) == 2
    assert said[0].line == 6 and "'cancelled'" in said[0].message and "column 'status'" in said[0].message
    assert "drawn as planned" in said[0].message
    assert said[1].line == 7 and "'postponed'" in said[1].message
    e = next(e for e in report.timeline.events if e.title == "E")
    assert "Planned" in event_html(e, report.timeline)
    # the file's word is kept where the analyst sees the event (it was dropped: "cancelled" read as due)
    assert e.tags == ("status: cancelled",) and "status: cancelled" in event_html(e, report.timeline)
    assert "kept as the tag 'status: cancelled'" in said[0].message
    assert main(["validate", str(path)]) in (0, 1)
    assert "'cancelled'" in capsys.readouterr().err


def test_a_draft_sentence_without_the_draft_review_mark_is_warned_with_line_and_column(tmp_path):
    path = _sheet(tmp_path, "title,start,review,draft_sentence\nA,2022-02-10,,Troops moved.\n"
                            "B,2022-02-11,unreviewed draft,They met.\n")
    report = read_csv_report(path)
    said = [p for p in report.warnings if "draft_sentence" in p.message]
    assert len(said) == 1 and said[0].line == 2 and "'Troops moved.'" in said[0].message
    assert "column 'draft_sentence'" in said[0].message and "not loaded" in said[0].message
    b = next(e for e in report.timeline.events if e.title == "B")
    assert b.draft is not None and b.draft.sentence == "They met." and b.draft.offsets is None


def test_a_draft_from_csv_has_no_made_up_offsets_and_the_pane_says_when_no_sentence_is_given(tmp_path, capsys):
    path = _sheet(tmp_path, "title,start,review,draft_sentence\nA,2022-02-10,unreviewed draft,\n"
                            "B,2022-02-11,unreviewed draft,They met.\n")
    out = tmp_path / "back.timeline.json"
    main(["convert", str(path), str(out)])
    capsys.readouterr()
    drafts = [e["draft"] for e in json.loads(out.read_text(encoding="utf-8"))["events"]]
    assert drafts == [{"sentence": ""}, {"sentence": "They met."}]
    tl = read_timeline(out)
    html_a = event_html(tl.events[0], tl)
    assert "Source sentence: “”" not in html_a and "no source sentence given" in html_a
    assert "Source sentence: “They met.”" in event_html(tl.events[1], tl)


def test_single_ascii_apostrophes_do_not_make_a_direct_quote(tmp_path):
    path = _sheet(tmp_path, "title,start,quote,speaker\nA,2022-02-10,'we go',Min\nB,2022-02-11,“we go”,Min\n")
    report = read_csv_report(path)
    quotes = {e.title: e.quotes[0] for e in report.timeline.events}
    assert (quotes["A"].text, quotes["A"].kind) == ("'we go'", QuoteKind.REPORTED)
    assert (quotes["B"].text, quotes["B"].kind) == ("we go", QuoteKind.DIRECT)
    assert "“'we go'”" not in event_html(report.timeline.events[0], report.timeline)


def test_reported_speech_in_quotation_marks_is_kept_as_written_and_warned(tmp_path):
    path = _sheet(tmp_path, "title,start,quote,speaker,quote_kind\nA,2022-02-10,“we go”,Min,reported\n")
    report = read_csv_report(path)
    q = report.timeline.events[0].quotes[0]
    assert (q.text, q.kind) == ("“we go”", QuoteKind.REPORTED)
    said = [p for p in report.warnings if "quotation marks" in p.message]
    assert len(said) == 1 and said[0].line == 2 and "column 'quote'" in str(said[0])
