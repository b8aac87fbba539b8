"""Issue 10: reported speech never leaves the app as a quotation, and a
quote's date keeps its qualifier, in every outlet (citation, TimelineJS,
CSV, iCalendar; the Qt outlets are in tests/ui/test_quoting_outlets.py)."""

import csv
import io
import json

import pytest

from viewer.io import read_timeline, write_timeline
from viewer.model.citation import citation_html, citation_text
from viewer.model.dates import EventDate
from viewer.model.quoting import qualified_date, quote_sentence

STOLTENBERG = "stoltenberg-largest-deployment"  # reported speech in the article
WORDS = "Russia’s deployment into Belarus would be the largest ever since the Cold War"
LAVROV = "lavrov-lowest-level"  # a direct quotation


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def test_reported_speech_is_attributed_and_direct_speech_quoted(tl):
    reported = quote_sentence(tl.event(STOLTENBERG).quotes[0])
    assert reported.startswith(f"Reported (Jens Stoltenberg, NATO Secretary-General): {WORDS}")
    assert "“" not in reported and "”" not in reported
    assert quote_sentence(tl.event(LAVROV).quotes[0]) == (
        "“at their lowest level in recent years” — Sergey Lavrov, Russian Foreign Minister")


def test_shortened_dates_keep_their_qualifier():
    assert qualified_date(EventDate("2022-02-03?")) == "Thu 3 Feb 2022 (uncertain)"
    assert qualified_date(EventDate("2022-02-10?"), "February 10, 2022") == "February 10, 2022 (uncertain)"
    assert qualified_date(EventDate("[..2022-02-10]"), "February 10, 2022") == "on or before February 10, 2022"


def test_citation_of_reported_speech_has_no_quotation_marks_and_keeps_uncertainty(tl):
    text = citation_text(tl.event(STOLTENBERG), tl)
    assert text.startswith(f"Reported (Jens Stoltenberg, NATO Secretary-General): {WORDS}")
    assert ", as reported by Washington Insider Magazine, February 10, 2022 (uncertain)." in text
    assert "quoted in" not in text and f"“{WORDS}" not in text
    assert "Thu 3 Feb 2022 (to the day), uncertain]" in text
    assert "“" not in citation_html(tl.event(STOLTENBERG), tl).split("[")[0]
    direct = citation_text(tl.event(LAVROV), tl)
    assert direct.startswith("“at their lowest level in recent years” — Sergey Lavrov")
    assert "quoted in Washington Insider Magazine, February 10, 2022 (uncertain)." in direct


def test_timelinejs_export_writes_reported_speech_as_attributed_text(tl, tmp_path):
    out = tmp_path / "t.json"
    write_timeline(tl, str(out), format="timelinejs")
    events = {e.get("unique_id"): e for e in json.loads(out.read_text(encoding="utf-8"))["events"]}
    body = events[STOLTENBERG]["text"]["text"]
    assert "<blockquote>" not in body and "said that" not in body
    assert f"Reported (Jens Stoltenberg, NATO Secretary-General): {WORDS}" in body
    # a direct quote stays a quotation: TimelineJS's quote media when the event has no linked source
    lavrov = events[LAVROV]
    assert "<blockquote>at their lowest level in recent years</blockquote>" in lavrov["text"]["text"] or \
        lavrov["media"]["url"].startswith("<blockquote>at their lowest level in recent years <cite>Sergey Lavrov")


def test_csv_export_writes_quotes_by_the_same_rule(tl, tmp_path):
    out = tmp_path / "t.csv"
    lost = write_timeline(tl, str(out), format="csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline=""))}
    assert rows[STOLTENBERG]["quotes"].startswith(f"Reported (Jens Stoltenberg, NATO Secretary-General): {WORDS}")
    assert "“" not in rows[STOLTENBERG]["quotes"]
    assert rows[LAVROV]["quotes"] == "“at their lowest level in recent years” — Sergey Lavrov, Russian Foreign Minister"
    assert any("'quotes' column" in line for line in lost)
    assert read_timeline(str(out)).event(LAVROV).title == tl.event(LAVROV).title  # still reads back


def test_icalendar_description_attributes_reported_speech(tl, tmp_path):
    out = tmp_path / "t.ics"
    write_timeline(tl, str(out), format="ics")
    import icalendar

    cal = icalendar.Calendar.from_ical(out.read_bytes())
    desc = {str(c.get("UID")).split("@")[0]: str(c.get("DESCRIPTION")) for c in cal.walk("VEVENT")}
    stolt = next(v for k, v in desc.items() if STOLTENBERG in k)
    lavrov = next(v for k, v in desc.items() if LAVROV in k)
    assert f"Reported (Jens Stoltenberg, NATO Secretary-General): {WORDS}" in stolt
    assert f"“{WORDS}" not in stolt
    assert "“at their lowest level in recent years” — Sergey Lavrov" in lavrov
    assert "uncertain" in stolt
