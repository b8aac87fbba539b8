"""Deterministic synthetic timelines for benchmarks and scale tests (no Qt).

The recipe of issue 5: a fixed seed; 80 % points and 20 % spans; 20 tracks;
spread over the year 2022, with 30 % of the events in five burst days (so at
a million events 60,000 fall in one day).  Times are to the second (90 % of
points) or dates known to the day (10 %).  Spans last from an hour to a few
weeks (log-uniform).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from .columns import KIND_POINT, KIND_SPAN, DateArrays
from .dates import Precision

__all__ = ["SyntheticTimeline", "synthetic_timeline", "events_on_days", "synthetic_date_arrays", "BURST_DAYS"]

YEAR_START = 1640995200.0  #: 2022-01-01T00:00:00Z
DAY = 86400.0
N_TRACKS = 20
BURST_DAYS = (40, 120, 200, 250, 330)  #: day of year (0-based) of the bursts
_WORDS = ("Protest", "Shelling reported", "Statement", "Convoy seen", "Talks", "Strike",
          "Arrests", "Rally", "Ceasefire call", "Drone sighting", "Evacuation", "Press briefing")


@dataclass
class SyntheticTimeline:
    """The events of a synthetic timeline as arrays (epoch seconds UTC).

    ``start``/``end`` are instants (``end`` is NaN for points); ``day_only``
    marks points known only to the day (their ``start`` is 00:00 UTC).
    """

    n: int
    track: np.ndarray   # int, (n,)
    kind: np.ndarray    # KIND_POINT / KIND_SPAN, (n,)
    start: np.ndarray   # float64 epoch s, (n,)
    end: np.ndarray     # float64 epoch s or NaN, (n,)
    day_only: np.ndarray  # bool, (n,)

    def ids(self) -> list[str]:
        return [f"e{i:07d}" for i in range(self.n)]

    def native_events(self) -> Iterator[dict[str, Any]]:
        """The events as native-format JSON objects, in id order."""
        def iso(t: np.ndarray) -> list[str]:
            text: list[str] = np.datetime_as_string(np.nan_to_num(t).astype("int64").astype("datetime64[s]")).tolist()
            return text

        starts, ends = iso(self.start), iso(self.end)
        for i in range(self.n):
            ev = {"id": f"e{i:07d}", "track": f"t{int(self.track[i]):02d}",
                  "title": f"{_WORDS[i % len(_WORDS)]} {i}",
                  "start": starts[i][:10] if self.day_only[i] else starts[i] + "Z"}
            if self.kind[i] == KIND_SPAN:
                ev["kind"] = "span"
                ev["end"] = ends[i] + "Z"
            yield ev

    def write_native(self, path: str) -> None:
        """Write a native ``*.timeline.json`` file (one event a line), atomically.

        Raises
        ------
        OSError
            If ``path`` cannot be written (a link, a pipe, a device, no folder:
            :func:`viewer.io.atomic.atomic_path`); it is then unchanged.
        """
        from viewer.io.atomic import atomic_path  # streamed: too large to build in memory first

        head = {"format": "timeline-viewer", "version": 1,
                "title": f"Synthetic timeline, {self.n:,} events",
                "tracks": [{"id": f"t{k:02d}", "label": f"Track {k + 1}", "order": k}
                           for k in range(N_TRACKS)]}
        with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(head)[:-1] + ', "events": [\n')
            for k, ev in enumerate(self.native_events()):
                fh.write((",\n" if k else "") + json.dumps(ev, separators=(",", ":")))
            fh.write("\n]}\n")


def synthetic_timeline(n: int, seed: int = 2022) -> SyntheticTimeline:
    """``n`` events following the recipe of the module docstring."""
    rng = np.random.default_rng(seed)
    burst = rng.random(n) < 0.3
    day = np.where(burst, np.asarray(BURST_DAYS)[rng.integers(0, len(BURST_DAYS), n)],
                   rng.integers(0, 365, n))
    return events_on_days(rng, day, burst)


def events_on_days(rng: np.random.Generator, day: np.ndarray, burst: np.ndarray) -> SyntheticTimeline:
    """Events on the given days of the year, by the recipe of the module docstring.

    ``day``: (N,) day of the year (0-364) of each event; ``burst``: (N,) bool,
    whether it is a burst event (clustered around midday, sd 3 h; the others
    anywhere in the day).  Draws from ``rng`` in one fixed order (time of day,
    kind, day-only, duration, track), so :func:`synthetic_timeline` and the
    collection writer's day-ordered parts draw alike.  Not sorted.
    """
    n = len(day)
    tod = np.where(burst, np.clip(rng.normal(12 * 3600, 3 * 3600, n), 0, DAY - 1), rng.uniform(0, DAY, n))
    start = YEAR_START + day * DAY + np.floor(tod)
    kind = np.where(rng.random(n) < 0.2, KIND_SPAN, KIND_POINT).astype(np.int8)
    day_only = (kind == KIND_POINT) & (rng.random(n) < 0.1)
    start = np.where(day_only, YEAR_START + day * DAY, start)
    duration = np.floor(np.exp(rng.uniform(np.log(3600), np.log(21 * DAY), n)))
    end = np.where(kind == KIND_SPAN, start + duration, np.nan)
    return SyntheticTimeline(n, rng.integers(0, N_TRACKS, n), kind, start, end, day_only)


def synthetic_date_arrays(n: int, seed: int = 2022) -> DateArrays:
    """The :class:`DateArrays` a reader builds from ``synthetic_timeline(n, seed)``."""
    s = synthetic_timeline(n, seed)
    span = s.kind == KIND_SPAN
    s_hi = np.where(s.day_only, s.start + DAY, s.start + 1)
    prec = np.where(s.day_only, int(Precision.DAY), int(Precision.SECOND)).astype(np.int8)
    f = np.zeros(n, dtype=bool)
    return DateArrays(
        ids=s.ids(), lane=s.track.astype(np.int32), kind=s.kind,
        start_earliest=s.start, start_latest=s_hi, start_precision=prec,
        start_uncertain=f, start_approximate=f, has_end=span,
        end_earliest=np.where(span, s.end, np.nan), end_latest=np.where(span, s.end + 1, np.nan),
        end_precision=np.where(span, int(Precision.SECOND), 0).astype(np.int8),
        end_uncertain=f, end_approximate=f, sort_point=s.start.copy(), n_lanes=N_TRACKS,
    )
