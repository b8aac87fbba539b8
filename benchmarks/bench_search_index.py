"""Building a DuckDB collection's search index, and searching through it: prints a table, asserts nothing.

Usage::

    nice -n 19 .venv/bin/python benchmarks/bench_search_index.py --data /tmp/eng11-bench \\
        --n 1000000 10000000 --code main=/work/main --code branch=.

For each N, the synthetic collection ``DATA/synthetic-N.duckdb`` (written once by this
checkout's ``write_synthetic_collection`` if missing; never modified) gets a search index
built by each ``--code LABEL=DIR`` in a fresh process, into ``DATA/LABEL/synthetic-N.search.sqlite``
(not beside the collection: the same rows for every code):

* a code whose ``build_search_index`` takes ``out`` (this branch) builds it as the app does;
* older code (main: no index for a ``.duckdb`` collection) is given the collection's rows as its
  Parquet path read them (``fetchmany`` tuples) and writes them with its own
  ``write_collection_index``: main's build, on the same rows.

Then, in the same process, the store searches through it (``DuckStore(path, sidecar=...)``;
main's store cannot open a sidecar for a ``.duckdb`` and scans): *search p50/p95* over the
queries below, each asked once (cap 1,000 ids, matches counted to 100,000), and *by id* over
20 ids.  ``--existing PATH`` measures one collection as it is (read only) instead of N.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

QUERIES = ["strike", "convoy seen", "press briefing", "ceasefire call 7", "talks 4242", "rally 31",
           "evacuation 99", "drone", "arrests 123456", "shelling reported 5", "statement 1000", "protest 77"]


def one(code: str, label: str, path: str, out: str, searches: int) -> dict:
    sys.path.insert(0, os.path.abspath(code))
    import inspect

    import duckdb

    from viewer.io import search_index
    from viewer.io.duckstore import DuckStore

    os.makedirs(os.path.dirname(out), exist_ok=True)
    t = time.perf_counter()
    if "out" in inspect.signature(search_index.build_search_index).parameters:
        search_index.build_search_index(path, out=out)
        can_open = True
    else:  # main: its writer, fed the rows as its Parquet reader fetched them
        src = duckdb.connect(path, read_only=True)
        meta = dict(src.execute("SELECT key, value FROM meta").fetchall())
        n = src.execute("SELECT count(*) FROM events").fetchall()[0][0]
        n_drawn = src.execute("SELECT count(*) FROM events WHERE drawn").fetchall()[0][0]
        cur = src.execute("SELECT rowid, id, search_text, sort_point, drawn FROM events")

        def rows():
            while batch := cur.fetchmany(100_000):
                yield tuple(list(c) for c in zip(*batch, strict=True))

        fake = out[:-len(".search.sqlite")] + ".parquet"  # main writes beside a Parquet name
        search_index.write_collection_index(fake, rows(), token=meta["timeline_viewer_collection"], n_rows=n,
                                            n_drawn=n_drawn)
        src.close()
        can_open = False
    build = time.perf_counter() - t
    size = os.path.getsize(out) / 1e6
    store = DuckStore(path, sidecar=out) if can_open else DuckStore(path)
    indexed = store._index is not None
    times = []
    for q in QUERIES[:searches if not indexed else len(QUERIES)]:
        a = time.perf_counter()
        store.search(q, cap=1000)
        times.append((time.perf_counter() - a) * 1000)
    ids = [r[0] for r in store._q("SELECT id FROM ev USING SAMPLE 20 ROWS")]
    by_id = []
    for i in ids[:20 if indexed else 2]:
        a = time.perf_counter()
        store.event(i)
        by_id.append((time.perf_counter() - a) * 1000)
    store.close()
    import numpy as np

    return {"label": label, "build": build, "size": size, "indexed": indexed,
            "p50": float(np.percentile(times, 50)), "p95": float(np.percentile(times, 95)), "k": len(times),
            "id50": float(np.percentile(by_id, 50)),
            "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/tmp/bench-search-index")
    ap.add_argument("--n", type=int, nargs="*", default=[1_000_000])
    ap.add_argument("--existing")
    ap.add_argument("--code", action="append", default=[])
    ap.add_argument("--searches", type=int, default=3, help="queries asked of a store that scans")
    ap.add_argument("--one", nargs=5)
    a = ap.parse_args()
    if a.one:
        code, label, path, out, k = a.one
        print(json.dumps(one(code, label, path, out, int(k))))
        return
    codes = [c.split("=", 1) for c in a.code] or [["this", "."]]
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| N | code | distinct titles | build s | index MB | search p50 ms | search p95 ms | queries | "
          "by id p50 ms | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|---|", flush=True)
    paths = [a.existing] if a.existing else []
    for n in ([] if a.existing else a.n):
        p = os.path.join(a.data, f"synthetic-{n}.duckdb")
        if not os.path.exists(p):
            from viewer.io.synthetic_store import write_synthetic_collection

            write_synthetic_collection(p, n)
        paths.append(p)
    import duckdb

    for p in paths:
        con = duckdb.connect(p, read_only=True)
        n, distinct = con.execute("SELECT count(*), count(DISTINCT title) FROM events").fetchall()[0]
        con.close()
        for label, code in codes:
            out = os.path.join(a.data, label, os.path.basename(p)[:-len(".duckdb")] + ".search.sqlite")
            got = subprocess.run([sys.executable, __file__, "--one", code, label, p, out, str(a.searches)],
                                 capture_output=True, text=True, cwd=code,
                                 env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
            if got.returncode:
                print(f"| {n:,} | {label} | failed: {got.stderr.strip().splitlines()[-1:]} |", flush=True)
                continue
            r = json.loads(got.stdout.strip().splitlines()[-1])
            how = "" if r["indexed"] else " (scan)"
            print(f"| {n:,} | {label} | {distinct:,} | {r['build']:.1f} | {r['size']:,.0f} | {r['p50']:.0f}{how} | "
                  f"{r['p95']:.0f}{how} | {r['k']} | {r['id50']:.1f}{how} | {r['rss']:,.0f} |", flush=True)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
