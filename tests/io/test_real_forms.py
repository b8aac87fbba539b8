"""Forms that real files from the wild have (see ``../shared/real-world``), each
reproduced by a small fixture of our own in ``tests/data/real_forms``, read
with no options."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from viewer import cli
from viewer.io.common import html_to_text, read_csv_rows
from viewer.io.registry import read_timeline_report, write_timeline
from viewer.model.dates import Precision
from viewer.model.errors import TimelineLoadError
from viewer.model.timeline import EventKind, QuoteKind

DATA = Path(__file__).resolve().parent.parent / "data"
FORMS = DATA / "real_forms"


# ---------------------------------------------------------------------------
# CSV


def test_pandas_index_column_is_an_unmapped_column():
    report = read_timeline_report(FORMS / "csv_pandas_index.csv")
    assert [e.title for e in report.timeline.events] == ["First entry", "Second entry", "Third entry"]
    assert [e.start.edtf for e in report.timeline.events] == ["1984-01-09", "1984-02-10", "1985-03-11"]
    assert any("(column 1)" in p.message and "no name" in p.message for p in report.warnings)


def test_acled_with_pandas_index_column_loads_every_row():
    report = read_timeline_report(FORMS / "acled_pandas_index.csv")
    assert len(report.timeline.events) == 2 and not report.skipped


def test_csv_header_synonyms_and_content_guess_instrument_log():
    report = read_timeline_report(FORMS / "csv_instrument_log.csv")
    t = report.timeline
    titles = [e.title for e in t.events]
    assert "HMI Jitter Diagnostics" in titles and "End before start" not in titles
    assert {tr.label for tr in t.tracks} == {"HMI", "AIA", "EVE"}
    phase = next(e for e in t.events if e.title == "HMI Phase Max Errors")
    assert phase.end.edtf == "2010-05-19T00:00:00Z" or phase.end.edtf.startswith("2010-05-19T00:00:00")
    (bad,) = report.skipped
    assert bad.line == 5 and "before start" in bad.message
    notes = " ".join(p.message for p in report.notes)
    assert "'Instrument' read as track" in notes and "'Comment' read as title" in notes


def test_csv_era_label_synonyms_years_bc_circa_and_open_ends():
    report = read_timeline_report(FORMS / "csv_eras_years.csv")
    by = {e.title: e for e in report.timeline.events}
    assert not report.skipped
    assert by["Kingdom of Cusco is formed"].start.edtf == "1200"
    assert by["Kingdom of Cusco is formed"].kind is EventKind.POINT
    indus = by["Indus Valley Civilization"]
    assert (indus.start.edtf, indus.end.edtf) == ("-3299", "-1299")
    assert indus.start.phrase == "3300 BC"
    tradition = by["A long tradition"]
    assert tradition.start.edtf == "1500~" and tradition.end.is_open and tradition.end.phrase == "present"
    assert by["Another"].start.precision is Precision.DECADE and by["Another"].end.is_open
    assert by["Atahualpa imprisoned"].end.is_open
    assert by["Big Bang"].start.edtf == "Y-13799999999"
    assert {t.label for t in report.timeline.tracks} >= {"Inca Empire", "Traditions"}


def test_csv_human_dates_keep_their_phrase_and_precision_and_refuse_day_month_guessing():
    report = read_timeline_report(FORMS / "csv_human_dates.csv")
    by = {e.title: e for e in report.timeline.events}
    pearl = by["Pearl Harbor, Hawaii"]
    assert pearl.start.edtf == "1941-12-07" and pearl.start.phrase == "December 7, 1941"
    assert by["Liberation"].start.edtf == "1944-12-07"
    assert by["Monte Cassino"].start.edtf == "1943-12" and by["Monte Cassino"].start.precision is Precision.MONTH
    assert by["Okinawa"].start.precision is Precision.YEAR
    assert by["Dachau"].start.edtf == "[1945-04..1945-05]"
    assert pearl.summary == "<p>An attack.</p>" or pearl.summary == "An attack."
    refused = {p.line: p for p in report.skipped}
    assert set(refused) == {2, 8}  # the row with no date, and 03/04/1945
    assert "column 'date'" in str(refused[8]) and "'03/04/1945'" in str(refused[8])


def test_csv_date_error_names_its_column(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("title,start\nok,2017-03-12\nbad,2017-3-13\n", encoding="utf-8")
    report = read_timeline_report(f)
    (p,) = report.skipped
    assert re.search(r"line 3, at row 2, column 'start': '2017-3-13' is not", str(p)), str(p)


def test_csv_cut_inside_header_is_not_valid(tmp_path):
    f = tmp_path / "cut.csv"
    f.write_text("title,sta", encoding="utf-8")
    with pytest.raises(TimelineLoadError, match="ends inside its header"):
        read_timeline_report(f)
    assert cli.main(["validate", str(f)]) == 1


def test_csv_partial_last_row_is_said_to_end_mid_row(tmp_path, capsys):
    f = tmp_path / "cut.csv"
    f.write_text("title,start,end\nA,2022-02-10,2022-02-11\nB,2022-02-1", encoding="utf-8")
    report = read_timeline_report(f)
    assert [e.title for e in report.timeline.events] == ["A"]
    (p,) = report.skipped
    assert p.line == 3 and "ends mid-row" in p.message
    assert cli.main(["validate", str(f)]) == 1
    assert "ends mid-row" in capsys.readouterr().err
    g = tmp_path / "quote.csv"
    g.write_text('title,start\nA,2022-02-10\n"B, cut,2022-02-11', encoding="utf-8")
    assert "ends mid-row" in read_timeline_report(g).skipped[0].message


def test_csv_rows_keep_a_complete_last_row_without_line_end():
    header, rows, problems = read_csv_rows("a,b\n1,2", "x.csv")
    assert len(rows) == 1 and not problems


# ---------------------------------------------------------------------------
# ACLED


def test_acled_excel_and_long_month_dates_with_century_from_year_column():
    report = read_timeline_report(FORMS / "acled_excel_dates.csv")
    assert not report.skipped
    by = {e.id: e for e in report.timeline.events}
    assert by["ISR1"].start.edtf == "2020-05-09"
    assert by["YEM2"].start.edtf == "[2020-04-12..2020-04-18]"
    assert by["MEX3"].start.edtf == "2015-01"
    assert by["MEX4"].start.edtf == "2022-02-10" and by["MEX5"].start.edtf == "2022-02-10"


def test_acled_two_digit_year_without_year_column_is_stated(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text("event_id_cnty,event_date,time_precision,event_type\nX1,5-Aug-24,1,Protests\n", encoding="utf-8")
    report = read_timeline_report(f)
    assert report.timeline.events[0].start.edtf == "2024-08-05"
    assert any("two-digit year 24 read as 2024" in p.message for p in report.notes)


def test_acled_accepts_date_format(tmp_path, capsys):
    f = tmp_path / "a.csv"
    f.write_text("event_id_cnty,event_date,time_precision,event_type\nX1,08/05/2024,1,Protests\n", encoding="utf-8")
    out = tmp_path / "o.timeline.json"
    assert cli.main(["convert", str(f), str(out), "--date-format", "%m/%d/%Y"]) in (0, 1)
    assert json.loads(out.read_text())["events"][0]["start"]["edtf"] == "2024-08-05"


def test_acled_identical_errors_are_grouped_with_every_line(tmp_path, capsys):
    f = tmp_path / "a.csv"
    rows = "".join(f"X{i},someday {i},1,Protests\n" for i in range(50))
    f.write_text("event_id_cnty,event_date,time_precision,event_type\nOK,2022-02-10,1,Protests\n" + rows,
                 encoding="utf-8")
    assert cli.main(["validate", str(f)]) == 1
    err = capsys.readouterr().err
    assert "50 rows like:" in err and "lines 3-52" in err
    assert err.count("is not a date in an ACLED form") == 1
    assert "is not a day of the calendar (event_date" not in err  # the old doubled message


# ---------------------------------------------------------------------------
# TimelineJS


def test_timelinejs_2_json_is_read():
    report = read_timeline_report(FORMS / "tljs2.json")
    t = report.timeline
    assert t.title == "A life 1932-2011"
    by = {e.title: e for e in t.events}
    assert by["Dies in Los Angeles"].start.edtf == "2011-03-23"
    assert by["Second marriage"].end.edtf == "1996-10-31"
    assert by["Second marriage"].tags == ("Personal life", "Career")
    assert by["The sixties"].kind is EventKind.BAND
    assert by["Dies in Los Angeles"].track == "ungrouped"


def test_timelinejs_early_slides_form_is_read():
    t = read_timeline_report(FORMS / "tljs_slides.json").timeline
    assert [e.title for e in t.events] == ["Early slides form", "Second slide"]


def test_timelinejs_quote_media_html_text_and_eras_that_meet():
    report = read_timeline_report(FORMS / "tljs_quote_eras.timelinejs.json")
    t = report.timeline
    assert t.title == "Engineers 1900-1950"
    clarke = next(e for e in t.events if e.title.startswith("Clarke"))
    (q,) = clarke.quotes
    assert q.speaker == "Edith Clarke" and q.speaker_role == "professor of electrical engineering"
    assert q.text.startswith("There is always a demand") and "<" not in q.text and q.kind is QuoteKind.DIRECT
    assert [s.outlet for s in t.sources_of(clarke)] == ["Example Archive"]
    decade = next(e for e in t.events if e.title == "A decade of work")
    assert decade.summary.replace("\n\n", "\n") == "First line.\nSecond & last line."
    first, second = sorted((e for e in t.events if e.kind is EventKind.BAND), key=lambda e: e.start.earliest)
    assert first.end.latest == second.start.earliest  # 1900-1925 and 1925-1950 meet
    ungrouped = next(e for e in t.events if e.title == "Long ago")
    grouped = next(e for e in t.events if e.title == "In the real group named Events")
    assert ungrouped.track != grouped.track


def _plain(value) -> str:
    return " ".join(html_to_text(value or "")[0].split()) if isinstance(value, str) else ""


def _date(d) -> tuple:
    if not d:
        return ()
    return tuple(int(d[k]) for k in ("year", "month", "day", "hour", "minute", "second") if str(d.get(k, "")).strip())


def _content(doc: dict) -> dict:
    """What a TimelineJS reader shows of a document: title slide, slides and eras (text as plain text)."""
    def item(i):
        media = i.get("media") or {}
        url = media.get("url") or ""
        shown_date = i.get("display_date") or (i.get("start_date") or {}).get("display_date") or ""
        return (_plain((i.get("text") or {}).get("headline")), _plain((i.get("text") or {}).get("text")),
                _date(i.get("start_date")), _date(i.get("end_date")), i.get("group") or None,
                _plain(url) if url.lstrip().startswith("<") else url,
                _plain(media.get("credit")), _plain(media.get("caption")), _plain(shown_date))
    title = doc.get("title")
    return {"title": (_plain(title["text"].get("headline")), _plain(title["text"].get("text")))
            if title and title.get("text") else None,
            "events": sorted(item(i) for i in doc["events"]),
            "eras": sorted(item(i) for i in doc.get("eras", []))}


TIMELINEJS_FIXTURES = sorted(p.name for p in (DATA / "formats").glob("*.timelinejs.json")) + \
    sorted(p.name for p in FORMS.glob("*.timelinejs.json"))


@pytest.mark.parametrize("name", TIMELINEJS_FIXTURES)
def test_timelinejs_native_timelinejs_round_trip_keeps_the_content(name, tmp_path):
    src = DATA / "formats" / name if (DATA / "formats" / name).exists() else FORMS / name
    native = tmp_path / "mid.timeline.json"
    back = tmp_path / "back.timelinejs.json"
    report = read_timeline_report(src)
    write_timeline(report.timeline, native)
    write_timeline(read_timeline_report(native).timeline, back)
    doc = json.loads(src.read_text(encoding="utf-8"))
    refused = {p.location.split(" ")[0] for p in report.skipped}  # items the reader listed as not loaded
    for key in ("events", "eras"):
        doc[key] = [i for n, i in enumerate(doc.get(key, [])) if f"{key}[{n}]" not in refused]
    before = _content(doc)
    after = _content(json.loads(back.read_text(encoding="utf-8")))
    assert after == before


# ---------------------------------------------------------------------------
# vis-timeline


def test_vis_expanded_years_unpadded_dates_missing_group_background_and_order():
    report = read_timeline_report(FORMS / "vis_expanded_years.vis.json")
    t = report.timeline
    by = {e.title: e for e in t.events}
    assert by["Ancient"].start.edtf == "-0400-01-01"
    assert by["Modern"].start.edtf == "2022-01-01"
    assert by["Unpadded"].start.edtf == "2014-02-02"
    assert any("read as 2014-02-02" in p.message for p in report.warnings)
    (hidden,) = report.skipped
    assert "'nowhere'" in hidden.message and "not in the groups list" in hidden.message
    assert [tr.label for tr in sorted(t.tracks, key=lambda tr: tr.order)] == ["First by order", "Second by order"]


# ---------------------------------------------------------------------------
# exit codes


def test_convert_and_validate_exit_1_when_a_column_is_not_mapped(tmp_path, capsys):
    f = FORMS / "csv_pandas_index.csv"
    assert cli.main(["validate", str(f)]) == 1
    assert cli.main(["convert", str(f), str(tmp_path / "o.timeline.json")]) == 1
    clean = tmp_path / "clean.csv"
    clean.write_text("title,start\nA,2022-02-10\n", encoding="utf-8")
    assert cli.main(["validate", str(clean)]) == 0
    assert cli.main(["convert", str(clean), str(tmp_path / "c.timeline.json")]) == 0


# ---------------------------------------------------------------------------
# years for people


def test_very_old_and_small_years_read_well():
    from viewer.model.dates import EventDate

    assert EventDate("Y-13799999999").describe() == "13.8 billion years ago (to the year)"
    assert EventDate("0010").describe() == "10 CE (to the year)"  # not to be read as 2010
    assert EventDate("-0043").describe() == "44 BCE (to the year)"
    assert EventDate("Y12000").describe() == "12,000 (to the year)"


def test_vis_json_output_is_vis_timeline_json_that_reads_back(tmp_path, capsys):
    out = tmp_path / "out.vis.json"
    code = cli.main(["convert", str(DATA / "formats" / "whitney.timelinejs.json"), str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "format" not in data and isinstance(data["items"], list) and isinstance(data["groups"], list)
    assert code == 1  # the source file has a bad row, and sources cannot be written
    back = read_timeline_report(out).timeline
    original = read_timeline_report(DATA / "formats" / "whitney.timelinejs.json").timeline
    def seen(t):
        return sorted((e.title, e.start.earliest, e.start.precision, e.kind) for e in t.events)
    assert seen(back) == seen(original)


def test_vis_ranges_that_meet_in_vis_meet_here(tmp_path):
    f = tmp_path / "meet.vis.json"
    f.write_text(json.dumps({"items": [
        {"id": "A", "content": "A", "start": "2014-01-20", "end": "2014-01-22", "type": "background"},
        {"id": "B", "content": "B", "start": "2014-01-22", "end": "2014-01-23", "type": "background"},
        {"id": "C", "content": "C", "start": "2014-01-24", "end": "2014-01-24"}]}), encoding="utf-8")
    t = read_timeline_report(f).timeline
    by = {e.id: e for e in t.events}
    assert by["A"].end.latest == by["B"].start.earliest  # vis draws them meeting, not overlapping a day
    assert by["A"].end.phrase == "2014-01-22"
    assert by["C"].end.edtf == "2014-01-24"  # an end on the start's own day stays as written
    out = tmp_path / "back.vis.json"
    write_timeline(t, out)
    items = {i["id"]: i for i in json.loads(out.read_text(encoding="utf-8"))["items"]}
    assert (items["A"]["start"], items["A"]["end"]) == ("2014-01-20", "2014-01-22")


def test_timelinejs_era_without_end_is_reported_and_open(tmp_path):
    f = tmp_path / "era.timelinejs.json"
    f.write_text(json.dumps({"events": [{"start_date": {"year": 1900}, "text": {"headline": "e"}}],
                             "eras": [{"start_date": {"year": 1950}, "text": {"headline": "Open era"}}]}),
                 encoding="utf-8")
    report = read_timeline_report(f)
    era = next(e for e in report.timeline.events if e.title == "Open era")
    assert era.kind is EventKind.BAND and era.end.is_open
    assert any("era without end_date" in p.message for p in report.warnings)


def test_vis_output_keeps_on_or_before_events_at_their_known_day(bundled_path, tmp_path):
    out = tmp_path / "b.vis.json"
    left = write_timeline(read_timeline_report(bundled_path).timeline, out)
    items = {i["id"]: i for i in json.loads(out.read_text(encoding="utf-8"))["items"]}
    assert len(items) == 16 and items["us-alarm"]["start"] == "2022-02-10"
    assert ("event 'us-alarm' (US raises alarm over buildup in Belarus): start [..2022-02-10] "
            "(on or before Thu 10 Feb 2022) written as a point on 2022-02-10 with the date in words in its content "
            "(vis-timeline cannot draw the time before it) in vis-timeline") in left
    assert items["us-alarm"]["content"] == "US raises alarm over buildup in Belarus (on or before Thu 10 Feb 2022)"
