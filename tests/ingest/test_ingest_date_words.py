"""What ``timeline-viewer ingest`` says about dates it cannot read: which day,
and why, in words a reporter checking the draft can act on."""

from __future__ import annotations

from viewer.cli import main


def _article(tmp_path, text: str, name: str = "a.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_day_no_month_has_is_named_as_such_not_as_a_missing_year(tmp_path, capsys):
    art = _article(tmp_path, "LONDON (Test Wire) - The ministers will meet again on 31 February, the "
                             "ministry said on Wednesday.\n")
    main(["ingest", str(art), "--published", "2022-03-09", "-o", str(tmp_path / "d.timeline.json")])
    out = capsys.readouterr().out
    assert "'31 February' is not a calendar day in any year" in out
    assert "gives no year" not in out


def test_a_bce_publication_date_is_refused_with_the_reason(tmp_path, capsys):
    art = _article(tmp_path, "The ministers met on Tuesday.\n")
    assert main(["ingest", str(art), "--published=-0044-03-15"]) == 2
    err = capsys.readouterr().err
    assert "a year before 1 CE is not read as a publication date" in err and "ambiguous" not in err


def test_page_metadata_that_is_not_a_date_is_said_not_dropped(tmp_path, capsys):
    art = _article(tmp_path, '<html><head><meta property="article:published_time" content="yesterday">'
                             "</head><body><p>The ministers met on Tuesday, officials said.</p></body></html>",
                   "a.html")
    main(["ingest", str(art), "--published", "2022-03-09", "-o", str(tmp_path / "d.timeline.json")])
    out = capsys.readouterr().out
    assert "The page's metadata gives 'yesterday', not a date" in out
