"""Issue 12, zone switch: a zone's offset changes come from the tz database
(the instants its file lists, then its yearly rule), not from sampling the
offset; the same instants as the offsets themselves show, DST and historic
changes alike (no Qt)."""

import pytest

from viewer.model import zones
from viewer.model.calendar import epoch_from_civil
from viewer.model.ticks import default_measure
from viewer.model.zones import offset_at, transitions, zone_ticks

H = 3600.0


def _offsets_around(zone, ts):
    return [(offset_at(zone, t - 1) / H, offset_at(zone, t) / H) for t in ts]


@pytest.fixture
def counted(monkeypatch):
    """How often the offset is asked while :func:`transitions` runs."""
    calls = {"in transitions": 0}
    inside = [False]
    real_offset, real_transitions = zones.offset_at, zones.transitions

    def offset(zone, t):
        calls["in transitions"] += inside[0]
        return real_offset(zone, t)

    def spied(*args):
        inside[0] = True
        try:
            return real_transitions(*args)
        finally:
            inside[0] = False

    monkeypatch.setattr(zones, "offset_at", offset)
    monkeypatch.setattr(zones, "transitions", spied)
    return calls


def test_a_dst_change_inside_the_view_is_read_not_sampled(counted):
    a, b = epoch_from_civil(2024, 1, 1), epoch_from_civil(2025, 1, 1)
    assert zones.transitions("Europe/Berlin", a, b) == [epoch_from_civil(2024, 3, 31, 1 * H),
                                                        epoch_from_civil(2024, 10, 27, 1 * H)]
    # the axis across the spring change: 02:00 never comes
    origin = epoch_from_civil(2024, 3, 30, 22 * H)  # 23:00 CET
    lv = zone_ticks(0.0, 6 * H, origin, 75 * 6, default_measure, "Europe/Berlin")
    assert [t for _, t in lv.minor][:5] == ["23:00", "00:00", "01:00", "03:00", "04:00"]
    # a year of view: the tz database's instants, not thousands of offsets sampled
    assert counted["in transitions"] <= 4


def test_moscow_2011_and_2014_historic_changes():
    a, b = epoch_from_civil(2010, 1, 1), epoch_from_civil(2016, 1, 1)
    got = transitions("Europe/Moscow", a, b)
    assert got == [epoch_from_civil(2010, 3, 27, 23 * H), epoch_from_civil(2010, 10, 30, 23 * H),
                   epoch_from_civil(2011, 3, 26, 23 * H),  # summer time for good (UTC+4) ...
                   epoch_from_civil(2014, 10, 25, 22 * H)]  # ... until back to UTC+3, no DST since
    assert _offsets_around("Europe/Moscow", got) == [(3, 4), (4, 3), (3, 4), (4, 3)]


def test_apia_skips_30_december_2011():
    a, b = epoch_from_civil(2011, 1, 1), epoch_from_civil(2012, 1, 1)
    got = transitions("Pacific/Apia", a, b)
    assert got[-1] == epoch_from_civil(2011, 12, 30, 10 * H)  # 29 Dec 24:00 -10 -> 31 Dec 00:00 +14
    assert _offsets_around("Pacific/Apia", got) == [(-10, -11), (-11, -10), (-10, 14)]
    # the day axis goes from Thursday 29 to Saturday 31
    origin = epoch_from_civil(2011, 12, 27)
    lv = zone_ticks(0.0, 6 * 86400.0, origin, 1400, default_measure, "Pacific/Apia")
    days = " ".join(t for _, t in lv.major + lv.minor)
    assert "29" in days and "31" in days and "30" not in days


def test_after_the_files_last_instant_the_yearly_rule():
    a, b = epoch_from_civil(2100, 1, 1), epoch_from_civil(2101, 1, 1)
    assert transitions("Europe/Berlin", a, b) == [epoch_from_civil(2100, 3, 28, 1 * H),
                                                  epoch_from_civil(2100, 10, 31, 1 * H)]
    assert transitions("Australia/Sydney", a, b) == [epoch_from_civil(2100, 4, 3, 16 * H),
                                                     epoch_from_civil(2100, 10, 2, 16 * H)]


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Europe/Dublin", "Australia/Lord_Howe", "America/Sao_Paulo",
                                  "Africa/Casablanca", "Antarctica/Troll", "Asia/Kathmandu", "Europe/Moscow"])
def test_the_same_instants_as_sampling_the_offset(zone):
    for y0, y1 in ((1900, 1950), (1970, 2045), (2290, 2300)):
        a, b = epoch_from_civil(y0, 1, 1), epoch_from_civil(y1, 1, 1)
        assert transitions(zone, a, b) == zones._sampled(zone, a, b)
