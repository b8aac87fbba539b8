"""The benchmark's synthetic collections are what `convert` makes of the synthetic native file."""

from viewer.io.collection import COLUMNS
from viewer.io.duckstore import DuckStore, write_parquet
from viewer.io.native import read_native
from viewer.io.synthetic_store import write_synthetic_collection
from viewer.model.synthetic import synthetic_timeline


def test_synthetic_collection_equals_converted_native_file(tmp_path):
    n = 3000
    native = tmp_path / "s.timeline.json"
    synthetic_timeline(n).write_native(str(native))
    write_parquet(read_native(str(native)), str(tmp_path / "conv.parquet"))
    write_synthetic_collection(str(tmp_path / "synth.parquet"), n)
    a, b = DuckStore(str(tmp_path / "conv.parquet")), DuckStore(str(tmp_path / "synth.parquet"))
    try:
        names = ", ".join(name for name, _ in COLUMNS)
        rows_a = a._q(f"SELECT {names} FROM ev ORDER BY file_index")
        rows_b = b._q(f"SELECT {names} FROM ev ORDER BY file_index")
        assert len(rows_a) == len(rows_b) == n
        for ra, rb in zip(rows_a, rows_b, strict=True):
            names = [c for c, _ in COLUMNS]
            assert dict(zip(names, ra, strict=True)) == dict(zip(names, rb, strict=True))
        assert a.timeline.tracks == b.timeline.tracks
        assert b.event("e0000007") == a.event("e0000007")
        lo, hi = a.extent()
        assert (a.density(lo, hi, range(20), 100) == b.density(lo, hi, range(20), 100)).all()
    finally:
        a.close()
        b.close()
