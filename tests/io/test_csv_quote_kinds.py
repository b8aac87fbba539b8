"""A CSV quote is a direct quotation only when the file says so (a quote_kind cell, or the
cell wrapped in quotation marks); otherwise it is reported speech, and a note says how many."""

from viewer.cli import main
from viewer.io.csvgeneric import read_csv_report
from viewer.model.quoting import quote_sentence
from viewer.model.timeline import QuoteKind
from viewer.ui.detail_pane import event_html


def _sheet(tmp_path, text, name="q.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _quotes(report):
    return {e.title: e.quotes[0] for e in report.timeline.events if e.quotes}


def test_an_unmarked_quote_is_reported_speech_and_a_note_says_how_to_mark_it(tmp_path):
    path = _sheet(tmp_path, "title,start,quote,speaker\n"
                            "Talks,2022-02-10,the minister said talks would go on,Minister\n"
                            "More,2022-02-12,talks to resume,Minister\n"
                            "B,2022-02-11,“We will fight”,General\n")
    report = read_csv_report(path)
    quotes = _quotes(report)
    assert quotes["Talks"].kind == QuoteKind.REPORTED
    assert "“" not in quote_sentence(quotes["Talks"])
    talks = next(e for e in report.timeline.events if e.title == "Talks")
    html = event_html(talks, report.timeline)
    assert "“the minister said" not in html and "reported speech" in html
    reported_notes = [p.message for p in report.notes if "reported speech" in p.message]
    assert len(reported_notes) == 1
    assert reported_notes[0].startswith("2 quotes (column 'quote') read as reported speech")
    note = next(p for p in report.notes if "reported speech" in p.message)
    assert "wrap the cell in quotation marks" in note.message and "quote_kind" in note.message
    assert not report.warnings and not report.skipped  # a reading, not a loss: still valid


def test_a_quote_in_quotation_marks_is_direct_and_not_shown_doubled(tmp_path):
    path = _sheet(tmp_path, 'title,start,quote,speaker\n'
                            'B,2022-02-11,“We will fight”,General\n'
                            'C,2022-02-12,"""We will not go""",General\n'
                            'D,2022-02-13,"""We will,"" he said, ""stay""",General\n')
    report = read_csv_report(path)
    quotes = _quotes(report)
    assert quotes["B"].kind == QuoteKind.DIRECT and quotes["B"].text == "We will fight"
    assert quote_sentence(quotes["B"]) == "“We will fight” — General"
    b = next(e for e in report.timeline.events if e.title == "B")
    assert "““" not in event_html(b, report.timeline) and "“We will fight”" in event_html(b, report.timeline)
    assert quotes["C"].kind == QuoteKind.DIRECT and quotes["C"].text == "We will not go"
    # two quotations with the writer's words between them are not one verbatim quote
    assert quotes["D"].kind == QuoteKind.REPORTED


def test_a_quote_kind_column_decides(tmp_path):
    path = _sheet(tmp_path, "title,start,quote,quote_kind\n"
                            "A,2022-02-10,We will fight,direct\n"
                            "B,2022-02-11,talks would go on,Reported speech\n"
                            "C,2022-02-12,talks would go on,paraphrase\n"
                            "D,2022-02-13,“Never”,Quotation\n"
                            "E,2022-02-14,maybe,hearsay\n")
    report = read_csv_report(path)
    quotes = _quotes(report)
    assert quotes["A"].kind == QuoteKind.DIRECT and quotes["A"].text == "We will fight"
    assert quotes["B"].kind == QuoteKind.REPORTED and quotes["C"].kind == QuoteKind.REPORTED
    assert quotes["D"].kind == QuoteKind.DIRECT and quotes["D"].text == "Never"
    assert quotes["E"].kind == QuoteKind.REPORTED
    assert any("quote kind 'hearsay' is not one of direct" in p.message and p.line == 6 for p in report.warnings)
    assert not any("is not mapped" in p.message for p in report.warnings)


def test_map_names_the_quote_kind_column(tmp_path, capsys):
    path = _sheet(tmp_path, "title,start,quote,How\nA,2022-02-10,We will fight,direct\n")
    assert main(["validate", str(path), "--map", "quote_kind=How"]) == 0
    out = capsys.readouterr()
    assert "reported speech" not in out.out + out.err
    report = read_csv_report(path, mapping={"quote_kind": "How"})
    assert _quotes(report)["A"].kind == QuoteKind.DIRECT
