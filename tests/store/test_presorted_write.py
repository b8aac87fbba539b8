"""Synthetic collections written in time-ordered chunks without a global sort (issue 13, the 10^8 row).

Converting 10^8 synthetic events took 65 minutes, 43 of them sorting 10^8 rows that every
chunk spread over the whole year.  Now the chunks come in time order and ``write_collection``
(``presorted=True``) writes them as given: the store must answer exactly as for the sorted write.
"""

import numpy as np
import pytest

from viewer.io.collection import COLUMNS
from viewer.io.duckstore import (
    DuckStore,
    UnsortedChunkError,
    _counts_query,
    counts_path,
    write_collection,
    write_parquet,
)
from viewer.io.native import read_native
from viewer.io.synthetic_store import _chunks, _exprs, synthetic_meta, synthetic_parts, write_synthetic_collection
from viewer.model.synthetic import BURST_DAYS, DAY, KIND_SPAN, YEAR_START, SyntheticTimeline, synthetic_timeline


def _concat(parts):
    return SyntheticTimeline(sum(p.n for p in parts), *(np.concatenate([getattr(p, a) for p in parts])
                                                      for a in ("track", "kind", "start", "end", "day_only")))


def test_one_chunk_is_exactly_the_synthetic_timeline():
    (only,) = synthetic_parts(5000, 7, chunk=5000)
    ref = synthetic_timeline(5000, 7)
    for a in ("track", "kind", "start", "end", "day_only"):
        assert np.array_equal(getattr(only, a), getattr(ref, a), equal_nan=True)


def test_chunks_are_time_slices_with_the_same_mixture():
    n = 200_000
    parts = list(synthetic_parts(n, 2022, chunk=20_000))
    assert len(parts) > 8 and sum(p.n for p in parts) == n
    for a, b in zip(parts, parts[1:]):
        assert np.all(np.diff(a.start) >= 0) and a.start[-1] <= b.start[0]
    s = _concat(parts)
    day = np.floor((s.start - YEAR_START) / DAY).astype(int)
    assert day.min() >= 0 and day.max() <= 364
    in_bursts = np.isin(day, BURST_DAYS).mean()  # 30 % in the bursts plus their share of the rest
    assert abs(in_bursts - (0.3 + 0.7 * len(BURST_DAYS) / 365)) < 0.01
    assert abs((s.kind == KIND_SPAN).mean() - 0.2) < 0.01
    assert abs(s.day_only.mean() - 0.8 * 0.1) < 0.01
    assert abs(np.bincount(s.track, minlength=20) / n - 0.05).max() < 0.005
    long = s.end[s.kind == KIND_SPAN] - s.start[s.kind == KIND_SPAN]
    assert long.min() >= 3600 and long.max() <= 21 * DAY


def test_chunked_collection_equals_converting_its_native_file(tmp_path):
    n, chunk = 3000, 400
    native = tmp_path / "s.timeline.json"
    _concat(list(synthetic_parts(n, 2022, chunk))).write_native(str(native))
    write_parquet(read_native(str(native)), str(tmp_path / "conv.parquet"))
    write_synthetic_collection(str(tmp_path / "synth.parquet"), n, chunk=chunk)
    a, b = DuckStore(str(tmp_path / "conv.parquet")), DuckStore(str(tmp_path / "synth.parquet"))
    try:
        names = ", ".join(name for name, _ in COLUMNS)
        query = f"SELECT {names} FROM ev ORDER BY file_index"
        assert a._q(query) == b._q(query)
        assert b.event("e0001234") == a.event("e0001234")
    finally:
        a.close()
        b.close()


def _same_answers(a, b, n):
    """``a`` and ``b`` (stores of the same ``n`` synthetic events) answer alike: counts, extent,
    frames on 12 random windows, facets, search, a page and events by id."""
    assert a.n_events == b.n_events == n
    a.check_count_totals(every_width=True)
    rng = np.random.default_rng(5)
    lo, hi = a.extent()
    assert (lo, hi) == b.extent()
    for _ in range(12):
        t0 = rng.uniform(lo, hi)
        t1 = t0 + float(np.exp(rng.uniform(np.log(60), np.log(hi - lo))))
        lanes = sorted(rng.choice(20, size=int(rng.integers(1, 21)), replace=False).tolist())
        fa, fb = a.frame(t0, t1, lanes, 300, 500), b.frame(t0, t1, lanes, 300, 500)
        assert fa.visible.ids == fb.visible.ids and fa.visible.lane_totals == fb.visible.lane_totals
        assert np.array_equal(fa.density, fb.density)
    for facet in ("track", "tags"):
        assert a.facet_counts(facet) == b.facet_counts(facet)
        half = (lo, (lo + hi) / 2)
        assert a.facet_counts(facet, window=half) == b.facet_counts(facet, window=half)
    assert a.count() == b.count() == n
    for q in ("protest", "talks 12", "e0000"):
        assert a.search(q).ids == b.search(q).ids
    assert a.page(1000, 50).ids == b.page(1000, 50).ids
    for k in (0, n // 3, n - 1):
        assert a.event(f"e{k:07d}") == b.event(f"e{k:07d}")


@pytest.mark.parametrize("n", [100_000])
def test_presorted_write_answers_as_the_sorted_write(tmp_path, n):
    chunk = n // 7
    fast, slow = str(tmp_path / "fast.parquet"), str(tmp_path / "slow.parquet")
    write_synthetic_collection(fast, n, chunk=chunk)  # presorted: no global sort
    write_collection(slow, synthetic_meta(n), _chunks(n, 2022, chunk), exprs=_exprs(), presorted=False)
    a, b = DuckStore(fast), DuckStore(slow)
    try:
        names = ", ".join(name for name, _ in COLUMNS)
        assert a._q(f"SELECT {names} FROM ev") == b._q(f"SELECT {names} FROM ev")  # the same rows, same order
        assert a._q(f"SELECT * FROM read_parquet('{counts_path(fast)}')") == \
            b._q(f"SELECT * FROM read_parquet('{counts_path(slow)}')")
        # the counts summed chunk by chunk are what counting every written row gives
        assert a._q(f"SELECT * FROM read_parquet('{counts_path(fast)}')") == \
            a._q(_counts_query(f"read_parquet('{fast}')"))
        _same_answers(a, b, n)
    finally:
        a.close()
        b.close()


def _row_groups(path):
    """The rows of each row group of the Parquet file ``path``, in file order."""
    from viewer.io.duckstore import connect

    con = connect()
    try:
        return [r[1] for r in con.execute("SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata(?) "
                                          "ORDER BY row_group_id", [path]).fetchall()]
    finally:
        con.close()


def test_a_collection_in_smaller_row_groups_answers_as_one_in_the_default_groups(tmp_path, monkeypatch):
    """The store's answers do not depend on the file's row groups: the same collection written in
    16,384-row groups (the size measured against DuckDB's 122,880 for issue 13, see
    benchmarks/README.md) gives the same rows, frames, facets, search, page and events by id."""
    from viewer.io import duckstore

    n = 100_000
    small, default = str(tmp_path / "small.parquet"), str(tmp_path / "default.parquet")
    write_synthetic_collection(default, n, chunk=n // 7)
    with monkeypatch.context() as m:
        m.setattr(duckstore, "ROW_GROUP", 16_384)
        write_synthetic_collection(small, n, chunk=n // 7)
    assert _row_groups(default) == [n]
    groups = _row_groups(small)
    assert sum(groups) == n and max(groups) <= 16_384 and len(groups) >= n // 16_384
    a, b = DuckStore(small), DuckStore(default)
    try:
        names = ", ".join(name for name, _ in COLUMNS)
        assert a._q(f"SELECT {names} FROM ev") == b._q(f"SELECT {names} FROM ev")
        _same_answers(a, b, n)
    finally:
        a.close()
        b.close()


def test_presorted_chunks_out_of_order_are_refused(tmp_path):
    chunks = list(_chunks(4000, 2022, 1000))
    out = tmp_path / "bad.parquet"
    with pytest.raises(UnsortedChunkError, match="starts a chunk before the end of the previous one"):
        write_collection(str(out), synthetic_meta(4000), [chunks[1], chunks[0]], exprs=_exprs(), presorted=True)
    swapped = {k: v.copy() for k, v in chunks[0].items()}
    swapped["sort_point"][[10, 11]] = swapped["sort_point"][[11, 10]] + [0, 1]
    with pytest.raises(UnsortedChunkError, match="row 1[01] of the rows given as presorted is not in time order"):
        write_collection(str(out), synthetic_meta(4000), [swapped], exprs=_exprs(), presorted=True)
    assert not out.exists() and not (tmp_path / counts_path(str(out))).exists()
    write_collection(str(out), synthetic_meta(4000), [chunks[1], chunks[0]], exprs=_exprs())  # sorted: fine
    s = DuckStore(str(out))
    try:
        assert s.n_events == len(chunks[0]["lane"]) + len(chunks[1]["lane"])
    finally:
        s.close()
