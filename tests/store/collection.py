"""A seeded collection of events with every kind of date and facet, and the
brute-force answers the stores must give (the oracle of the store tests)."""

from __future__ import annotations

import numpy as np

from viewer.model.columns import BAND_LANE, FLAG_IMPRECISE, FLAG_OPEN_END, FLAG_OPEN_START, KIND_POINT
from viewer.model.dates import EventDate
from viewer.model.search import event_text, parse_query
from viewer.model.timeline import Event, EventKind, Quote, QuoteKind, Source, SourceKind, Timeline, Track

FORMS = ["2022-{m:02d}-{d:02d}", "2022-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z", "2022-{m:02d}-{d:02d}?",
         "2022-{m:02d}-{d:02d}~", "[..2022-{m:02d}-{d:02d}]", "[2022-{m:02d}-{d:02d}..]", "2022-{m:02d}", "2022",
         "2022-{m:02d}-{d:02d}T{h:02d}:00:00+03:00"]
WEIGHTS = np.array([20, 50, 4, 4, 2, 2, 3, 1, 4], float)
ACTORS = ("Lavrov", "Truss", "Le Drian", "Peskov", "Scholz", "Macron")
TAGS = ("military", "diplomacy", "energy", "sanctions")
WORDS = ("Protest", "Shelling reported", "Statement", "Convoy seen", "Talks at the Élysée", "Strike", "Rally")


def collection(n: int, seed: int = 13) -> Timeline:
    """``n`` events on 8 tracks over 2022 (with a few bands), seeded."""
    rng = np.random.default_rng(seed)
    tracks = tuple(Track(f"t{k}", f"Track {k}", order=k) for k in range(8))
    sources = (Source("wim", SourceKind.NEWS_ARTICLE, "Washington Insider Magazine"),
               Source("mod", SourceKind.OFFICIAL_STATEMENT, "Ministry of Defence", via="wim",
                      attribution="a statement released by the ministry"),
               Source("tass", SourceKind.OTHER_OUTLET, "TASS"))
    dates: dict[str, EventDate] = {}

    def date(text: str, phrase: str = "") -> EventDate:
        key = text + "|" + phrase
        if key not in dates:
            dates[key] = EventDate(text, phrase=phrase, basis="from the test collection" if phrase else "")
        return dates[key]

    form = rng.choice(len(FORMS), size=n, p=WEIGHTS / WEIGHTS.sum())
    m, d = rng.integers(1, 13, n), rng.integers(1, 29, n)
    h, mi, s = rng.integers(0, 24, n), rng.integers(0, 60, n), rng.integers(0, 60, n)
    kind_r = rng.random(n)
    events = []
    for i in range(n):
        # qualified forms on fewer days: the edtf parser takes milliseconds per distinct value
        day = d[i] if form[i] in (0, 1, 8) else 1 + 7 * (d[i] % 4)
        text = FORMS[form[i]].format(m=m[i], d=day, h=h[i], mi=mi[i], s=s[i])
        start = date(text, "on the day" if i % 7 == 0 else "")
        kw: dict = {}
        if i % 5 == 0:
            kw["actors"] = tuple(rng.choice(ACTORS, size=int(rng.integers(1, 3)), replace=False).tolist())
        if i % 6 == 0:
            kw["tags"] = (TAGS[i % len(TAGS)],)
        if i % 4 == 0:
            kw["sources"] = (sources[i % 3].id,)
        if i % 9 == 0:
            kw["quotes"] = (Quote(f"We said {i}", speaker=ACTORS[i % 6], source="mod",
                                  kind=QuoteKind.REPORTED if i % 2 else QuoteKind.DIRECT),)
        title = f"{WORDS[i % len(WORDS)]} {i}"
        track = f"t{int(rng.integers(0, 8))}"
        if kind_r[i] < 0.75:
            events.append(Event(f"e{i:06d}", title, start, track=track, **kw))
            continue
        em, ed = min(int(m[i]) + int(rng.integers(0, 2)), 12), 1 + 7 * int(rng.integers(0, 4))
        end_text = [f"2022-{em:02d}-{ed:02d}", "..", f"2022-{em:02d}", f"2022-{em:02d}-{ed:02d}?",
                    f"2022-{em:02d}-{ed:02d}T12:00:00Z"][int(rng.integers(0, 5))]
        if end_text != ".." and date(end_text).latest <= start.earliest:
            end_text = "2022-12-31"
        if "[" in text or text in ("2022",):
            start = date(f"2022-{m[i]:02d}-{day:02d}")
            if date(end_text).latest <= start.earliest and end_text != "..":
                end_text = "2022-12-31"
        if i % 23 == 0:
            start = date("..")
            if end_text == "..":
                end_text = "2022-12-31"
        band = kind_r[i] > 0.995
        events.append(Event(f"e{i:06d}", title, start, track="" if band else track,
                            kind=EventKind.BAND if band else EventKind.SPAN, end=date(end_text), **kw))
    return Timeline(f"Test collection of {n} events", tracks, tuple(events), sources,
                    reference_date=EventDate("2022-06-01"))


# ---------------------------------------------------------------------------
# brute force, from the columns' per-event values (epoch seconds)

def brute_visible(timeline: Timeline, t0: float, t1: float, lanes) -> list[str]:
    """Ids meeting [t0, t1] on ``lanes``, by lane, then x0, then file order."""
    c = timeline.columns
    o = c.origin_epoch_s
    x0, x1 = c.x0 + o, c.x1 + o
    hit = np.isin(c.lane, list(lanes)) & (x0 <= t1) & (x1 >= t0)
    rows = np.flatnonzero(hit)
    order = np.lexsort((c.event_index[rows], x0[rows], c.lane[rows]))
    return [c.ids[r] for r in rows[order]]


def brute_density(timeline: Timeline, t0: float, t1: float, lane: int, bins: int) -> np.ndarray:
    """Per-bin counts of one lane: markers counted one by one, date-only events
    split over their interval bin by bin (O(N x bins))."""
    c = timeline.columns
    o = c.origin_epoch_s
    edges = np.linspace(t0, t1, bins + 1)
    out = np.zeros(bins)
    rows = np.flatnonzero(c.lane == lane)
    for r in rows.tolist():
        x0, x1, xm, f = c.x0[r] + o, c.x1[r] + o, c.xm[r] + o, int(c.flags[r])
        spread = (c.kind[r] == KIND_POINT and f & FLAG_IMPRECISE and not f & (FLAG_OPEN_START | FLAG_OPEN_END)
                  and np.isfinite(x0) and np.isfinite(x1) and x1 > x0)
        if spread:
            if x1 <= t0 or x0 >= t1:
                continue
            lo, hi = np.maximum(edges[:-1], x0), np.minimum(edges[1:], x1)
            out += np.maximum(hi - lo, 0) / (x1 - x0)
        elif t0 <= xm <= t1:
            k = min(int(np.searchsorted(edges, xm, side="right")) - 1, bins - 1)
            out[k] += 1
    return out


def brute_search(timeline: Timeline, query: str) -> list[str]:
    """Drawn events whose every folded term is in their text, by sort point then file order."""
    terms = parse_query(query)
    if not terms:
        return []
    drawn = set(timeline.columns.ids)
    hits = [(ev.sort_point, i, ev.id) for i, ev in enumerate(timeline.events)
            if ev.id in drawn and all(t in event_text(ev, timeline) for t in terms)]
    return [eid for _, _, eid in sorted(hits)]


def random_windows(rng, extent, count):
    """``count`` windows from a year down to a minute, inside or around ``extent`` (epoch s)."""
    lo, hi = extent
    for _ in range(count):
        width = float(np.exp(rng.uniform(np.log(60.0), np.log(hi - lo))))
        t0 = float(rng.uniform(lo - width / 4, hi - width * 3 / 4))
        yield t0, t0 + width


LANES = (BAND_LANE, 0, 1, 2, 3, 4, 5, 6, 7)


def brute_fit(timeline: Timeline, t0: float, t1: float, lanes, cap: int) -> tuple[list[str], dict, tuple]:
    """The *visible* rule with a cap, one lane at a time: (ids, per-lane counts, crowded lanes)."""
    ids, counts, crowded, room = [], {}, [], cap
    for lane in sorted(set(lanes)):
        mine = brute_visible(timeline, t0, t1, [lane])
        if mine:
            counts[lane] = len(mine)
            if len(mine) <= room:
                ids += mine
                room -= len(mine)
            else:
                crowded.append(lane)
    return ids, counts, tuple(crowded)


def brute_lane_counts(timeline: Timeline, t0: float, t1: float, lanes) -> dict[int, int]:
    """Events of each lane meeting [t0, t1] (lanes with none left out), counted one by one."""
    c = timeline.columns
    o = c.origin_epoch_s
    hit = (c.x0 + o <= t1) & (c.x1 + o >= t0)
    got = {int(k): int(np.sum(hit & (c.lane == k))) for k in sorted(set(lanes))}
    return {k: n for k, n in got.items() if n}


def edge_windows(timeline: Timeline, rng, count: int) -> list[tuple[float, float]]:
    """Windows whose sides fall exactly on hour boundaries (the started/ended tables' buckets)
    and on events' very starts and ends (the closed rule: ``x0 <= t1`` and ``x1 >= t0``)."""
    c = timeline.columns
    o = c.origin_epoch_s
    r = 3600.0
    k = float(np.floor((np.nanmin(c.xm) + o) / r) + 24 * 40)
    out = [(k * r, k * r), (k * r, (k + 5) * r), ((k - 1) * r + 0.5, k * r - 0.5), (k * r - 1e-3, k * r + 1e-3)]
    finite = np.flatnonzero(np.isfinite(c.x0) & np.isfinite(c.x1))
    for row in rng.choice(finite, count).tolist():
        out += [(c.x1[row] + o, c.x1[row] + o + 7200.0), (c.x0[row] + o - 100.0, c.x0[row] + o),
                (c.x1[row] + o, c.x1[row] + o), (c.x0[row] + o, c.x1[row] + o)]
    return out
