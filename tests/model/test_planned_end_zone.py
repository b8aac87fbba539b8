"""The hatched planned end on a display zone's days: drawn to the announced day's
local midnight, not UTC's (a newcomer saw the drills band run to 21 Feb 05:45 in
Asia/Kathmandu while the date-only 'Drills due to finish' beside it ended at midnight)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from viewer.app import bundled_timeline_path
from viewer.io.native import read_native
from viewer.model.planned_end import planned_end_rows
from viewer.model.zones import timeline_on_local_days


def _band_row(timeline):
    cols = timeline.columns
    return next(r for r in range(len(cols)) if cols.ids[r] == "allied-resolve-2022")


def _local_midnight(y: int, m: int, d: int, zone: str) -> float:
    return datetime(y, m, d, tzinfo=ZoneInfo(zone)).timestamp()


def test_the_drills_band_is_hatched_to_local_midnight_in_kathmandu():
    utc = read_native(bundled_timeline_path())
    known, planned = planned_end_rows(utc)[_band_row(utc)]
    assert (known, planned) == (_local_midnight(2022, 2, 11, "UTC"), _local_midnight(2022, 2, 21, "UTC"))

    local = timeline_on_local_days(utc, "Asia/Kathmandu")
    known, planned = planned_end_rows(local)[_band_row(local)]
    assert known == _local_midnight(2022, 2, 11, "Asia/Kathmandu")  # the end of 10 Feb there
    assert planned == _local_midnight(2022, 2, 21, "Asia/Kathmandu")  # the end of 20 Feb there
    cols = local.columns
    finish = next(r for r in range(len(cols)) if cols.ids[r] == "drills-end")
    assert planned == cols.x1[finish] + cols.origin_epoch_s  # where 'Drills due to finish' ends


def test_a_timeline_derived_from_the_local_days_keeps_the_hatch_on_those_days():
    """The zone was a loose attribute of the timeline: a further ``dataclasses.replace`` (a lazily read
    file filtered, a track hidden) kept the local columns but lost the zone, and the hatch went back
    to UTC midnights beside events ending at Kathmandu's."""
    import dataclasses

    from viewer.model.filters import FilterState, apply_filters

    local = timeline_on_local_days(read_native(bundled_timeline_path()), "Asia/Kathmandu")
    for derived in (dataclasses.replace(local, title="A copy"),
                    apply_filters(local, FilterState(hidden_tracks=frozenset({"united-kingdom"})))):
        assert derived.days_zone == "Asia/Kathmandu"
        known, planned = planned_end_rows(derived)[_band_row(derived)]
        assert known == _local_midnight(2022, 2, 11, "Asia/Kathmandu")
        assert planned == _local_midnight(2022, 2, 21, "Asia/Kathmandu")
        cols = derived.columns
        finish = next(r for r in range(len(cols)) if cols.ids[r] == "drills-end")
        assert planned == cols.x1[finish] + cols.origin_epoch_s  # the band's hatch ends where the finish does
