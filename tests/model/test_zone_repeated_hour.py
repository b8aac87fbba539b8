"""Issue 10, held case: when clocks go back (Europe/Berlin, 25 Oct 2020,
03:00 CEST -> 02:00 CET at 01:00 UTC) the repeated hour's ticks are told apart."""

import pytest

from viewer.model.dates import EventDate
from viewer.model.zones import zone_ticks

ORIGIN = EventDate("2020-10-25T00:00:00Z").earliest  # 02:00 CEST


@pytest.mark.parametrize("width_px", [600, 1400, 2400])
def test_every_tick_label_of_the_repeated_hour_is_distinct(width_px):
    levels = zone_ticks(-1800, 7200, ORIGIN, width_px, lambda s: 8 * len(s), "Europe/Berlin")
    labels = [text for _, text in levels.minor]
    assert len(labels) == len(set(labels)), labels
    assert "02:00 CEST" in labels and "02:00 CET" in labels
    xs = dict((text, x) for x, text in levels.minor)
    assert xs["02:00 CET"] - xs["02:00 CEST"] == 3600


def test_ticks_away_from_the_change_stay_short():
    levels = zone_ticks(-6 * 3600, -3 * 3600, ORIGIN, 1400, lambda s: 8 * len(s), "Europe/Berlin")
    assert all(" " not in text for _, text in levels.minor)
