"""Relative D-day labels (viewer.model.dday), without Qt, on the bundled timeline."""

import pytest

from viewer.model.calendar import epoch_from_civil
from viewer.model.dates import EventDate as parse_edtf
from viewer.model.dday import (
    DDayError,
    DDayReference,
    calendar_day,
    dday_ticks,
    describe_relative,
    format_dday,
    local_midnight,
    parse_dday,
    resolve_dday,
)

BAND = "band:allied-resolve-2022"
TEN_FEB = int(epoch_from_civil(2022, 2, 10) // 86400)


@pytest.fixture(scope="module")
def bundled():
    from viewer.app import bundled_timeline_path
    from viewer.io import read_timeline

    return read_timeline(bundled_timeline_path())


def test_labels_follow_the_nato_convention():
    assert [format_dday(n) for n in (-7, -1, 0, 1, 10)] == ["D-7", "D-1", "D-day", "D+1", "D+10"]


def test_references_are_parsed():
    assert parse_dday(BAND) == DDayReference("band", "allied-resolve-2022")
    assert parse_dday("truss-arrives-moscow") == DDayReference("event", "truss-arrives-moscow")
    assert parse_dday("event:x").spec == "event:x"
    with pytest.raises(DDayError):
        parse_dday("band:")


def test_band_start_is_d_day(bundled):
    d = resolve_dday(bundled, BAND)
    assert d.day == TEN_FEB
    assert d.describe().startswith("D-day = Thu 10 Feb 2022, start of Allied Resolve-2022")
    # a bare id of a band is that band
    assert resolve_dday(bundled, "allied-resolve-2022").reference.kind == "band"


def test_bad_references_say_why(bundled):
    with pytest.raises(DDayError, match="no event or band"):
        resolve_dday(bundled, "no-such-event")
    with pytest.raises(DDayError, match="not a band"):
        resolve_dday(bundled, "band:truss-arrives-moscow")


@pytest.mark.parametrize("zone", ["UTC", "Europe/Minsk", "America/Los_Angeles", "Asia/Kathmandu"])
def test_date_only_days_are_the_same_in_every_zone(bundled, zone):
    d = resolve_dday(bundled, BAND, zone)
    assert d.day == TEN_FEB
    ev = bundled.event("drills-end")  # 20 February: D+10
    assert describe_relative(ev.start, d.day, zone) == "D+10"
    assert describe_relative(bundled.event("stoltenberg-largest-deployment").start, d.day, zone) == "D-7"


def test_times_of_day_are_written_in_the_display_zone():
    d = parse_edtf("2022-02-12T14:00:00Z")
    assert describe_relative(d, TEN_FEB, "UTC") == "D+2 14:00"
    assert describe_relative(d, TEN_FEB, "Europe/Minsk") == "D+2 17:00"
    late = parse_edtf("2022-02-12T22:30:00Z")
    assert describe_relative(late, TEN_FEB, "Europe/Minsk") == "D+3 01:30"  # the next local day
    assert calendar_day(late, "Europe/Minsk") == TEN_FEB + 3


def test_imprecise_and_open_dates():
    assert describe_relative(parse_edtf("[..2022-02-10]"), TEN_FEB) == "on or before D-day"
    assert describe_relative(parse_edtf("2022-02"), TEN_FEB) == "D-9 to D+18"
    assert describe_relative(parse_edtf(".."), TEN_FEB) == ""


def test_ticks_over_3_to_21_february_label_every_day_at_midnight():
    origin = epoch_from_civil(2022, 2, 1)
    x0, x1 = epoch_from_civil(2022, 2, 3) - origin, epoch_from_civil(2022, 2, 21) - origin
    ticks = dday_ticks(x0, x1, origin, 1200.0, TEN_FEB, "UTC")
    labels = dict((text, x) for x, text in ticks)
    assert ticks[0][1] == "D-7" and labels["D+10"] == epoch_from_civil(2022, 2, 20) - origin
    assert labels["D-day"] == epoch_from_civil(2022, 2, 10) - origin
    assert [t for _, t in ticks] == [format_dday(n) for n in range(-7, 12)]


def test_ticks_thin_out_but_keep_d_day_and_sit_on_local_midnights():
    origin = epoch_from_civil(2022, 1, 1)
    x0, x1 = epoch_from_civil(2022, 1, 1) - origin, epoch_from_civil(2022, 4, 1) - origin
    ticks = dday_ticks(x0, x1, origin, 600.0, TEN_FEB, "Europe/Berlin")
    texts = [t for _, t in ticks]
    assert "D-day" in texts and "D+1" not in texts
    x_dday = dict((t, x) for x, t in ticks)["D-day"]
    assert x_dday + origin == local_midnight(TEN_FEB, "Europe/Berlin") == epoch_from_civil(2022, 2, 9, 23 * 3600)
    xs = [x for x, _ in ticks]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)


def test_ticks_across_a_dst_change_stay_on_local_midnight():
    origin = epoch_from_civil(2020, 10, 20)
    day = int(epoch_from_civil(2020, 10, 25) // 86400)
    ticks = dict((t, x + origin) for x, t in dday_ticks(0, 10 * 86400, origin, 1000.0, day, "Europe/Berlin"))
    assert ticks["D-day"] == epoch_from_civil(2020, 10, 24, 22 * 3600)  # CEST midnight
    assert ticks["D+1"] == epoch_from_civil(2020, 10, 25, 23 * 3600)  # CET midnight: a 25-hour day


def test_sub_day_view_gives_the_enclosing_day():
    origin = epoch_from_civil(2022, 2, 10)
    ticks = dday_ticks(5 * 3600, 9 * 3600, origin, 800.0, TEN_FEB, "UTC", enclosing=True)
    assert ticks == ((0.0, "D-day"),)
    assert dday_ticks(5 * 3600, 9 * 3600, origin, 800.0, TEN_FEB, "UTC") == ()


def test_degenerate_views_give_nothing():
    assert dday_ticks(0, 0, 0, 100, 0) == ()
    assert dday_ticks(0, float("nan"), 0, 100, 0) == ()
    assert dday_ticks(0, 1e15, 0, 100, 0) == ()  # far more days than 10,000-day steps fit


# -- honesty about the reference date (no invented day, qualifiers kept) ----------

def _one(edtf, kind="point", end=None, title="Ref"):
    import json
    import tempfile
    from pathlib import Path

    from viewer.io import read_timeline

    ev = {"id": "ref", "kind": kind, "title": title, "start": {"edtf": edtf}}
    if end is not None:
        ev["end"] = {"edtf": end}
    if kind != "band":
        ev["track"] = "a"
    data = {"format": "timeline-viewer", "version": 1, "title": "t",
            "tracks": [{"id": "a", "label": "A"}], "sources": [], "events": [ev]}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.timeline.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return read_timeline(path)


@pytest.mark.parametrize("edtf, words", [
    ("2022", "known only to the year: 2022; D-day needs a day"),
    ("2022-02", "known only to the month: February 2022"),
    ("2022-02~", "known only to the month: about February 2022"),
    ("[2022-02-10..2022-02-12]", "one day between Thu 10 Feb 2022 and Sat 12 Feb 2022"),
])
def test_a_reference_coarser_than_a_day_is_refused(edtf, words):
    with pytest.raises(DDayError) as err:
        resolve_dday(_one(edtf), "ref")
    assert words in str(err.value)
    assert "'ref' (Ref): its start" in str(err.value)


@pytest.mark.parametrize("edtf, when", [
    ("2022-02-10", "Thu 10 Feb 2022"),
    ("2022-02-10?", "Thu 10 Feb 2022 (uncertain)"),
    ("2022-02-10~", "about Thu 10 Feb 2022"),  # its nominal day, not the widened 9 Feb
    ("[2022-02-10..]", "on or after Thu 10 Feb 2022"),
    ("[..2022-02-10]", "on or before Thu 10 Feb 2022"),
])
def test_a_day_reference_keeps_its_qualifier(edtf, when):
    d = resolve_dday(_one(edtf), "ref")
    assert d.day == TEN_FEB
    assert d.describe() == f"D-day = {when}, Ref"
    assert d.qualified == (edtf != "2022-02-10")


def test_a_band_with_an_open_start_counts_from_its_end():
    d = resolve_dday(_one("..", kind="band", end="2022-02-10", title="Band open"), "band:ref")
    assert d.day == TEN_FEB and d.anchor == "end"
    assert d.describe() == "D-day = Thu 10 Feb 2022, end of Band open"
    with pytest.raises(DDayError, match="its end is known only to the month"):
        resolve_dday(_one("..", kind="band", end="2022-02", title="B"), "band:ref")


def test_a_planned_reference_is_never_stated_as_a_fact(bundled):
    """'Drills due to finish' is planned in its source ("will finish on February 20"):
    a D-day counted from it says so wherever the label is shown."""
    d = resolve_dday(bundled, "drills-end")
    assert d.planned and d.qualified
    assert d.describe() == "D-day = Sun 20 Feb 2022 (planned), Drills due to finish"
    band = resolve_dday(bundled, BAND)
    assert not band.planned and "planned" not in band.describe()
