"""The detail of an event whose year is unknown names the display zone without an offset: an
offset is a fact of a year (Asia/Kathmandu was UTC+05:41 LMT in year 0, +05:30, then +05:45)."""

from viewer.io.native import timeline_from_dict
from viewer.ui.detail_pane import event_html

DOC = {"format": "timeline-viewer", "version": 1, "title": "XX", "tracks": [{"id": "a", "label": "A"}],
       "events": [{"id": "unk", "track": "a", "title": "Union founded", "start": {"edtf": "XXXX-06-10"}},
                  {"id": "known", "track": "a", "title": "Known", "start": {"edtf": "2023-05-15"}},
                  {"id": "spanu2", "kind": "span", "track": "a", "title": "From an unknown year",
                   "start": {"edtf": "XXXX-05-01"}, "end": {"edtf": "2023-06-10"}}]}


def _when(event_id: str) -> str:
    tl = timeline_from_dict(DOC)
    html = event_html(tl.event(event_id), tl, zone="Asia/Kathmandu")
    return html.split("<h2>When</h2>", 1)[1].split("</p>", 1)[0]


def test_an_unknown_year_gets_no_offset_of_year_zero():
    when = _when("unk")
    assert "LMT" not in when and "05:41" not in when
    assert "Times in Asia/Kathmandu (its UTC offset depends on the year, which is unknown)" in when


def test_a_known_date_keeps_its_offset_and_a_span_uses_its_known_end():
    assert "UTC+05:45" in _when("known")
    assert "UTC+05:45" in _when("spanu2")
