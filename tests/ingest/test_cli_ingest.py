"""``timeline-viewer ingest`` as a script author meets it: the report, the file, the exit codes."""

from __future__ import annotations

from pathlib import Path

from viewer.cli import main
from viewer.io.native import read_native

DATA = Path(__file__).resolve().parents[1] / "data" / "articles"


def test_ingest_writes_a_draft_and_prints_the_report(tmp_path, capsys):
    out = tmp_path / "draft.timeline.json"
    assert main(["ingest", str(DATA / "allied-resolve-2022.txt"), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Publication date: 2022-02-10? (inferred)" in text and "ten days" in text
    assert "Unresolved expressions: 0" in text and f"wrote {out}" in text
    tl = read_native(out)
    assert len(tl.events) == 16 and all(e.draft is not None for e in tl.events)
    assert tl.reference_date.edtf == "2022-02-10?"


def test_ingest_lists_unresolved_and_exits_1(tmp_path, capsys):
    assert main(["ingest", str(DATA / "ingest" / "08-no-date.txt")]) == 1
    text = capsys.readouterr().out
    assert "“on Tuesday”: 'on Tuesday' needs the publication date" in text
    assert "nothing written" in text


def test_ingest_published_and_outlet_options(tmp_path, capsys):
    out = tmp_path / "d.timeline.json"
    assert main(["ingest", str(DATA / "ingest" / "08-no-date.txt"), "--published", "2 March 2023",
                 "--outlet", "Local Paper", "-o", str(out)]) == 0
    tl = read_native(out)
    assert tl.source_index["article"].outlet == "Local Paper"
    assert {e.start.edtf for e in tl.events} >= {"2023-02-28"}  # past-tense Tuesday before Thu 2 Mar


def test_ingest_bad_input_exits_2_and_says_why(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "none.txt")]) == 2
    assert "none.txt: no such file" in capsys.readouterr().err
    assert main(["ingest", str(DATA / "allied-resolve-2022.txt"), "--published", "03/04/2022"]) == 2
    assert "ambiguous" in capsys.readouterr().err
    assert main(["ingest", str(DATA / "allied-resolve-2022.txt"), "-o", str(tmp_path / "no" / "x.json")]) == 2


def test_converting_drafts_to_vis_marks_them_and_says_what_is_not_kept(tmp_path, capsys):
    draft = tmp_path / "d.timeline.json"
    assert main(["ingest", str(DATA / "allied-resolve-2022.txt"), "-o", str(draft)]) == 0
    capsys.readouterr()
    assert main(["convert", str(draft), str(tmp_path / "d.vis.json")]) == 1
    assert ("16 unreviewed ingest drafts in vis-timeline: 'DRAFT, unreviewed:' at the start of the item's content "
            "(read back as drafts); not kept: the sentence and article") in capsys.readouterr().err
    assert main(["convert", str(draft), str(tmp_path / "again.timeline.json")]) == 0  # native keeps the marker


def test_ingest_output_must_be_native(tmp_path, capsys):
    assert main(["ingest", str(DATA / "allied-resolve-2022.txt"), "-o", str(tmp_path / "d.csv")]) == 2
    assert "expected a native .timeline.json" in capsys.readouterr().err
    assert not (tmp_path / "d.csv").exists()


def test_ingest_of_an_empty_article_exits_2(tmp_path, capsys):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><script>x()</script></html>", encoding="utf-8")
    assert main(["ingest", str(empty)]) == 2
    assert "empty.html: no text in the article (after removing the page's markup)" in capsys.readouterr().err


def test_the_report_marks_planned_drafts_as_plans(tmp_path, capsys):
    """'The military drills will finish on February 20' is a plan: the printed line says so,
    and a draft of something that happened does not."""
    out = tmp_path / "draft.timeline.json"
    assert main(["ingest", str(DATA / "allied-resolve-2022.txt"), "-o", str(out)]) == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("  [")]
    tl = read_native(out)
    planned = [e for e in tl.events if tl.is_planned(e)]
    assert planned and len(planned) < len(tl.events)
    for e in tl.events:
        (line,) = [ln for ln in lines if f"] {e.title}  (" in ln]
        assert line.startswith("  [planned: ") == tl.is_planned(e), line


def test_the_report_quotes_only_direct_speech(tmp_path, capsys):
    """Reported speech and narration are the article's wording, never a quotation: the report prints
    them without quotation marks (as the detail pane does); direct quotes keep theirs."""
    article = tmp_path / "strike.txt"
    article.write_text(
        "LISBON, March 8, 2023 (Reuters) - Dockworkers at the port of Lisbon walked out on Monday, "
        "union officials said.\n\n"
        "\"We will not go back until the contracts are signed,\" said union leader Ana Costa on Tuesday.\n\n"
        "The ministry said that Transport Minister João Silva will meet the union on Friday.\n\n"
        "Cargo ships waited in the estuary on Wednesday.\n", encoding="utf-8")
    assert main(["ingest", str(article)]) == 0
    text = capsys.readouterr().out
    assert "“We will not go back until the contracts are signed”" in text
    assert "reported speech, union officials: Dockworkers at the port of Lisbon walked out on Monday\n" in text
    assert "reported speech, ministry: Transport Minister João Silva will meet the union on Friday\n" in text
    assert "“Dockworkers" not in text and "“Transport Minister" not in text and "“Cargo ships" not in text
    assert "reported quote" not in text
