"""Display time zones: DST-correct axis ticks, zone names, dates in words (no Qt)."""

import pytest

from viewer.model.calendar import epoch_from_civil
from viewer.model.dates import EventDate
from viewer.model.errors import DateError
from viewer.model.ticks import default_measure
from viewer.model.zones import (
    EVENT_LOCAL,
    describe_date,
    local_day_shift,
    offset_at,
    transitions,
    zone_label,
    zone_ticks,
)

H = 3600.0


def hour_ticks(zone, origin, x0, x1, px_per_hour=75):
    width = px_per_hour * (x1 - x0) / H  # room for one "00:00" label an hour, not two
    lv = zone_ticks(x0, x1, origin, width, default_measure, zone)
    assert lv.minor_rule is not None and lv.minor_rule.unit == "hour"
    return lv


def test_berlin_dst_end_2020_10_25_hour_labels_tell_the_two_two_oclocks_apart():
    origin = epoch_from_civil(2020, 10, 24, 20 * H)  # 22:00 CEST
    lv = hour_ticks("Europe/Berlin", origin, 0.0, 8 * H, px_per_hour=110)  # room for "02:00 CEST"
    labels = [t for _, t in lv.minor]
    xs = [x for x, _ in lv.minor]
    # 20:00Z is 22:00 CEST; the clocks go back at 01:00Z (03:00 CEST -> 02:00 CET)
    # the repeated hour is told apart (issue 10)
    assert labels[:8] == ["22:00", "23:00", "00:00", "01:00", "02:00 CEST", "02:00 CET", "03:00", "04:00"]
    assert xs[:8] == [k * H for k in range(8)]  # one tick per real hour, none lost
    major = [t for _, t in lv.major]
    assert "Sun 25 Oct 2020" in major
    sunday = dict((t, x) for x, t in lv.major)["Sun 25 Oct 2020"]
    assert sunday == 2 * H  # local midnight 25 Oct = 22:00Z 24 Oct (CEST)


def test_berlin_dst_start_2021_03_28_skips_two_oclock():
    origin = epoch_from_civil(2021, 3, 27, 22 * H)  # 23:00 CET
    lv = hour_ticks("Europe/Berlin", origin, 0.0, 6 * H)
    labels = [t for _, t in lv.minor]
    assert labels[:5] == ["23:00", "00:00", "01:00", "03:00", "04:00"]


def test_kathmandu_plus_0545_ticks_sit_at_a_quarter_past_utc():
    origin = epoch_from_civil(2022, 2, 10)
    lv = hour_ticks("Asia/Kathmandu", origin, 0.0, 6 * H)
    x, label = lv.minor[0]
    assert label == "06:00" and x == 15 * 60.0  # 00:15Z = 06:00 +05:45
    assert offset_at("Asia/Kathmandu", origin) == 5 * H + 45 * 60
    assert "+05:45" in zone_label("Asia/Kathmandu", origin)


def test_day_ticks_in_minsk_fall_on_local_midnight():
    origin = epoch_from_civil(2022, 2, 1)
    lv = zone_ticks(0.0, 20 * 86400.0, origin, 1600, default_measure, "Europe/Minsk")
    assert lv.minor_rule.unit == "day"
    assert all((x + 3 * H) % 86400.0 == 0 for x, _ in lv.minor)


def test_transitions_are_found_to_the_second():
    a, b = epoch_from_civil(2020, 1, 1), epoch_from_civil(2021, 1, 1)
    assert transitions("Europe/Berlin", a, b) == [epoch_from_civil(2020, 3, 29, 1 * H),
                                                  epoch_from_civil(2020, 10, 25, 1 * H)]
    assert transitions("Europe/Minsk", a, b) == []
    assert transitions("UTC", a, b) == []


def test_utc_and_event_local_axes_are_utc():
    origin = epoch_from_civil(2022, 2, 10)
    assert zone_ticks(0.0, 6 * H, origin, 1200, default_measure, "UTC").minor[0] == (0.0, "00:00")
    assert zone_label("UTC") == "UTC (Zulu)"
    assert "each event's local time" in zone_label(EVENT_LOCAL)


def test_date_only_values_read_the_same_in_every_zone():
    d = EventDate("2022-02-10")
    for zone in ("UTC", "Europe/Minsk", "America/Los_Angeles", "Pacific/Kiritimati", EVENT_LOCAL):
        assert describe_date(d, zone) == "Thu 10 Feb 2022 (to the day)"


def test_times_of_day_are_written_in_the_display_zone_with_its_name():
    t = EventDate("2020-10-25T01:30:00Z")
    assert describe_date(t, "Europe/Berlin") == "Sun 25 Oct 2020 02:30:00 CET (to the second)"
    assert describe_date(t, "UTC").startswith("Sun 25 Oct 2020 01:30:00 UTC")
    early = EventDate("2020-10-25T00:30:00Z")
    assert "02:30:00 CEST" in describe_date(early, "Europe/Berlin")
    minsk = EventDate("2022-02-10T14:00:00", time_zone="Europe/Minsk")
    assert "14:00:00 +03" in describe_date(minsk, EVENT_LOCAL)
    assert "11:00:00 UTC" in describe_date(minsk, "UTC")


def test_local_day_shift_moves_a_calendar_day_onto_local_midnight():
    day = epoch_from_civil(2022, 2, 10)
    assert local_day_shift(day, "Europe/Minsk") == -3 * H
    assert local_day_shift(day, "America/New_York") == 5 * H
    assert local_day_shift(epoch_from_civil(2020, 10, 25), "Europe/Berlin") == -2 * H  # CEST at 00:00
    assert local_day_shift(epoch_from_civil(2020, 10, 26), "Europe/Berlin") == -1 * H


def test_unknown_zone_is_a_clear_error():
    with pytest.raises(DateError, match="Europe/Atlantis"):
        offset_at("Europe/Atlantis", 0.0)


def test_date_only_events_are_drawn_on_the_display_zones_calendar_day():
    from viewer.app import bundled_timeline_path
    from viewer.io import read_timeline
    from viewer.model.zones import timeline_on_local_days

    tl = read_timeline(bundled_timeline_path())
    minsk = timeline_on_local_days(tl, "Europe/Minsk")
    c, m = tl.columns, minsk.columns
    r, rm = c.row_of("drills-begin"), m.row_of("drills-begin")
    # 10 Feb in Minsk: 9 Feb 21:00Z .. 10 Feb 21:00Z (x is UTC-based)
    assert (m.x0[rm], m.x1[rm]) == (c.x0[r] - 3 * H, c.x1[r] - 3 * H)
    assert m.origin_epoch_s == c.origin_epoch_s
    # the interval queries still find every event of a lane
    lane = tl.track_index["uk"]
    assert sorted(m.ids[k] for k in m.visible(lane, -1e12, 1e12)) == \
        sorted(c.ids[k] for k in c.visible(lane, -1e12, 1e12))
    assert [m.ids[k] for k in m.time_order] == [c.ids[k] for k in c.time_order]
    assert timeline_on_local_days(tl, "UTC") is tl
