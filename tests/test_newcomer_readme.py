"""What a newcomer following the README met: validate's verdict on real exports, the
date-format hint, --present on a collection, one source per outlet, and the collection
window's status line (it must tell the picture)."""

from __future__ import annotations

from pathlib import Path

from viewer.app import main
from viewer.io import read_timeline

DATA = Path(__file__).resolve().parent / "data"

HEADER = "title,start,end,track,summary,quote,speaker,source,url,status\n"


def test_validate_calls_an_acled_export_valid_and_notes_the_columns_not_kept(tmp_path, capsys):
    """Every real ACLED export has columns this viewer has no place for (inter1, iso, ...):
    that is a note, not invalidity (exit 0)."""
    lines = (DATA / "formats" / "conflict-acled.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    good = tmp_path / "acled.csv"
    good.write_text("".join(line for line in lines if not line.startswith("UKR4")), encoding="utf-8")
    assert main(["validate", str(good)]) == 0
    out, err = capsys.readouterr()
    assert "acled.csv: valid (3 events" in out and "not valid" not in out
    assert "no equivalent in this viewer, not kept:" in err and "inter1" in err and "iso" in err
    # a real row problem still makes it invalid
    assert main(["validate", str(DATA / "formats" / "conflict-acled.csv")]) == 1


def test_a_date_column_mixing_day_month_order_with_iso_names_the_date_format_that_reads_it(tmp_path, capsys):
    sheet = tmp_path / "mine.csv"
    sheet.write_text(HEADER + "Plan,2023-03-14,,City Hall,,,,Local Gazette,,\n"
                     "Storm hits,03/04/2023,,Environment,,,,Met Office,,\n", encoding="utf-8")
    assert main(["validate", str(sheet)]) == 1
    err = capsys.readouterr().err
    assert "'03/04/2023' is ambiguous" in err
    assert "write it as YYYY-MM-DD" in err  # on the row, with the option, which keeps the ISO dates ISO:
    assert ("--map start=start --date-format %d/%m/%Y (or %m/%d/%Y, whichever the source means) reads it (the "
            "column's dates in other forms, e.g. '2023-03-14', are still read as written)") in err
    assert main(["validate", str(sheet), "--date-format", "%d/%m/%Y"]) == 0


def test_a_column_of_day_month_dates_names_the_options_that_read_it(tmp_path, capsys):
    sheet = tmp_path / "amb.csv"
    sheet.write_text("title,start\nA,03/04/2023\nB,04/05/2023\n", encoding="utf-8")
    assert main(["validate", str(sheet)]) == 1
    assert "--map start=start --date-format %d/%m/%Y" in capsys.readouterr().err


def test_present_on_a_collection_names_present_mode_and_what_to_do(tmp_path, capsys, bundled_path):
    from viewer.io.registry import write_timeline

    pq = tmp_path / "mine.parquet"
    assert write_timeline(read_timeline(bundled_path), pq) == []
    assert main([str(pq), "--present", "--screenshot", str(tmp_path / "out.png")]) == 2
    err = capsys.readouterr().err
    assert "present mode is not available on a collection" in err and "D-day" not in err
    assert f"timeline-viewer convert {pq} mine.timeline.json" in err
    assert "timeline-viewer mine.timeline.json --present" in err


def test_one_outlet_is_one_source_when_one_row_gives_its_url(tmp_path):
    sheet = tmp_path / "mine.csv"
    sheet.write_text(HEADER + "Plan,2023-03-14,,City Hall,,,,Local Gazette,https://example.org/a,\n"
                     "Works,2023-04-01,,City Hall,,,,Local Gazette,,\n"
                     "Vote,2023-05-02,,City Hall,,,,Local Gazette,,planned\n", encoding="utf-8")
    tl = read_timeline(sheet)
    assert [(s.outlet, s.url) for s in tl.sources] == [("Local Gazette", "https://example.org/a")]
    assert {e.sources for e in tl.events} == {(tl.sources[0].id,)}


def test_an_outlet_with_two_urls_keeps_two_sources_and_a_row_without_one_its_own(tmp_path):
    sheet = tmp_path / "mine.csv"
    sheet.write_text(HEADER + "A,2023-03-14,,T,,,,Local Gazette,https://example.org/a,\n"
                     "B,2023-04-01,,T,,,,Local Gazette,https://example.org/b,\n"
                     "C,2023-05-02,,T,,,,Local Gazette,,\n", encoding="utf-8")
    urls = sorted(s.url for s in read_timeline(sheet).sources)
    assert urls == ["", "https://example.org/a", "https://example.org/b"]
