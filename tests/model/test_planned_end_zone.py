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
