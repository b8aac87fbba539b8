"""The in-memory store answers as brute force does on random windows (10^5 events, seeded)."""

import numpy as np
import pytest

from viewer.model.store import MemoryStore

from .collection import LANES, brute_density, brute_fit, brute_search, brute_visible, random_windows


def test_visible_equals_brute_force(big):
    store = MemoryStore(big)
    rng = np.random.default_rng(1)
    mixed = 0
    for t0, t1 in random_windows(rng, store.extent(), 25):
        lanes = sorted(rng.choice(LANES, size=int(rng.integers(1, len(LANES) + 1)), replace=False).tolist())
        want = brute_visible(big, t0, t1, lanes)
        got = store.visible(t0, t1, lanes, cap=len(want) + 10)
        assert got.ids == want and got.total == len(want) and not got.truncated
        cap = 50 * (1 + len(want) // 400)  # some lanes fit, some are crowded
        ids, counts, crowded = brute_fit(big, t0, t1, lanes, cap)
        capped = store.visible(t0, t1, lanes, cap=cap)
        assert (capped.ids, capped.lane_totals, capped.crowded) == (ids, counts, crowded)
        assert capped.total == len(want) and capped.truncated == bool(crowded)
        mixed += bool(ids) and bool(crowded)
        if len(got):
            ev = big.event(got.ids[0])
            assert got.titles[0] == ev.title
            assert got.x0[0] <= t1 and got.x1[0] >= t0
    assert mixed  # some windows had lanes that fit beside crowded ones


def test_density_equals_brute_force(big):
    store = MemoryStore(big)
    rng = np.random.default_rng(2)
    for t0, t1 in random_windows(rng, store.extent(), 6):
        bins = int(rng.integers(1, 400))
        lanes = [int(rng.choice(LANES)), 3]
        got = store.density(t0, t1, lanes, bins)
        assert got.shape == (2, bins)
        for i, lane in enumerate(lanes):
            np.testing.assert_allclose(got[i], brute_density(big, t0, t1, lane, bins), rtol=1e-9, atol=1e-6)


def test_search_facets_and_event(big):
    store = MemoryStore(big)
    for query in ("lavrov", "élysée 12", '"talks at"', "military convoy", "zzz", "  "):
        got = store.search(query, cap=20)
        want = brute_search(big, query)
        assert got.ids == want[:20] and got.total == len(want)
    counts = store.facet_counts("actors")
    assert counts["Lavrov"] == sum("Lavrov" in ev.actors for ev in big.events)
    assert sum(store.facet_counts("track").values()) == sum(ev.track != "" for ev in big.events)
    with pytest.raises(ValueError, match="unknown facet"):
        store.facet_counts("colour")
    with pytest.raises(KeyError):
        store.event("nope")


def test_the_interface_needs_no_qt_and_no_sql_engine(bundled_path):
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(f"""
        import sys
        for name in ("PySide6", "pyqtgraph", "duckdb", "chdb", "clickhouse_connect", "pandas", "pyarrow"):
            sys.modules[name] = None  # any import of these now fails
        from viewer.io.native import read_native
        from viewer.model.store import MemoryStore
        s = MemoryStore(read_native({bundled_path!r}))
        lo, hi = s.extent()
        print(len(s.visible(lo, hi, range(len(s.lane_ids))).ids), s.density(lo, hi, [0, 1], 10).shape,
              s.search("lavrov").total)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] != "0" and "(2, 10)" in out.stdout
