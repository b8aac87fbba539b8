"""Published formats never carry data as markup or unsafe links: TimelineJS
renders headline, text, display_date, group, media caption and credit as
HTML; calendar programs open an event's URL.  The fixture puts <img>, <b>,
<a href> and <font> in every text field and javascript:/file: source links."""

import html
import json
import re
from pathlib import Path

import icalendar

from viewer.io import read_timeline, write_timeline

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile-markup.timeline.json"
OURS = re.compile(r"</?(br|p|small|i|blockquote)>")  # the writer's own tags around escaped text


def fields(item):
    """(name, value) of every HTML field TimelineJS renders for an event or era."""
    text = item.get("text", {})
    yield "headline", text.get("headline", "")
    yield "text", text.get("text", "")
    for key in ("start_date", "end_date"):
        if "display_date" in item.get(key, {}):
            yield "display_date", item[key]["display_date"]
    if "group" in item:
        yield "group", item["group"]
    media = item.get("media", {})
    for key in ("caption", "credit"):
        if key in media:
            yield f"media.{key}", media[key]


def test_timelinejs_escapes_every_text_field_and_writes_only_web_links(tmp_path):
    tl = read_timeline(HOSTILE)
    out = tmp_path / "pub.timelinejs.json"
    lost = write_timeline(tl, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    items = data["events"] + data.get("eras", []) + [data["title"]]
    seen = set()
    for item in items:
        for name, value in fields(item):
            seen.add(name)
            bare = OURS.sub("", value)
            assert "<" not in bare and ">" not in bare and '"' not in bare, (name, value)
    assert seen == {"headline", "text", "display_date", "group", "media.caption", "media.credit"}
    by_id = {e["unique_id"]: e for e in data["events"]}
    e1 = by_id["e1"]
    # the text reads back as the data's own characters, escaped
    assert html.unescape(e1["text"]["headline"]) == tl.event("e1").title
    assert html.unescape(e1["group"]) == tl.tracks[0].label
    # display_date is a date text keeping its qualifier; the source's phrase goes into the text
    assert e1["start_date"]["display_date"] == "on or before Thu 10 Feb 2022"
    assert "has consistently denied" not in json.dumps(e1["start_date"])
    assert "Date in the source: “has consistently denied &lt;img" in e1["text"]["text"]
    # javascript: and file: links are never written, and are listed as lost
    # (its direct quote is the slide's quote media instead: a blockquote, escaped, no link)
    assert "media" not in e1 or e1["media"]["url"].startswith("<blockquote>")
    dump = out.read_text(encoding="utf-8")
    assert "javascript:" not in dump and "file:///etc/passwd" not in dump
    assert any("'s1'" in line and "javascript:" in line and "only http and https" in line for line in lost)
    assert any("'s2'" in line and "file:" in line for line in lost)
    # an https link is kept, unable to leave an HTML attribute
    assert by_id["e2"]["media"]["url"] == "https://example.org/a?b=%22%3E%3Cimg/src=x%3E"


def test_icalendar_writes_only_web_links(tmp_path):
    tl = read_timeline(HOSTILE)
    out = tmp_path / "cal.ics"
    lost = write_timeline(tl, out)
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    urls = {str(ev["uid"]).split("@")[0]: str(ev.get("url", "")) for ev in cal.walk("VEVENT")}
    assert urls["e1"] == ""  # its sources' links are javascript: and file:
    assert urls["e2"].startswith("https://example.org/")
    assert b"javascript:" not in out.read_bytes() and b"file:///etc/passwd" not in out.read_bytes()
    assert any("'s1'" in line and "javascript:" in line for line in lost)
    assert any("'s2'" in line and "file:" in line for line in lost)
