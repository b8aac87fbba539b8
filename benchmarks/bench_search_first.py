"""What a user waits for when searching a collection: the first count, the list's first page,
the whole count. Prints a table per code; asserts nothing.

Usage::

    .venv/bin/python benchmarks/bench_search_first.py /tmp/s13/synthetic-10000000.parquet \\
        --code old=/tmp/old-main --code main=.

For each ``--code LABEL=DIR``, in a fresh process importing that checkout, with the collection
read only (its sidecar search index as it is), for each query (the search-index round's twelve):

* *first count*: ``store.quick_count(query)`` ("at least 1,000 matches" from the index), the
  collection window's count line before the whole count (a code without it: "—", the window
  waited for the whole count);
* *first page*: ``store.page(0, 100, text filter)``, the window's list (its rows read from the file);
* *whole count*: ``store.search(query, cap=1000)``, ids and the count to 100,000 (which may scan).

Each query once, in this order, with the store's cached positions cleared between them.

``--sidecar LABEL=PATH``: that code's search index is ``PATH`` (``DuckStore(..., sidecar=PATH)``)
instead of the one beside the collection: a code whose index version differs (main before the
list's rows were kept in the index) reads its own, e.g. a copy of the collection's older sidecar.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

QUERIES = ["strike", "convoy seen", "press briefing", "drone", "talks 4242", "arrests 123456", "statement 1000",
           "ceasefire call 7", "rally 31", "evacuation 99", "protest 77", "shelling reported 5"]


def one(code: str, path: str, sidecar: str = "") -> list[dict]:
    sys.path.insert(0, os.path.abspath(code))
    from viewer.io.duckstore import DuckStore
    from viewer.model.store_query import StoreFilter

    store = DuckStore(path, sidecar=sidecar or None)
    assert store._index is not None, store.index_note  # measured with its search index, or not at all
    out = []
    for q in QUERIES:
        row: dict = {"query": q}
        quick = getattr(store, "quick_count", None)
        if quick is not None:
            t = time.perf_counter()
            r = quick(q)
            row["first_ms"], row["first"] = (time.perf_counter() - t) * 1000, r.count_text() if r else "scan"
        store._positions.clear()
        t = time.perf_counter()
        page = store.page(0, 100, StoreFilter(text=q))
        row["page_ms"] = (time.perf_counter() - t) * 1000
        row["page"] = f"{page.total:,}" + ("" if getattr(page, "total_exact", True) else "+")
        store._positions.clear()
        t = time.perf_counter()
        r = store.search(q, cap=1000)
        row["whole_ms"], row["whole"] = (time.perf_counter() - t) * 1000, r.count_text()
        store._positions.clear()
        out.append(row)
    store.close()
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("collection")
    p.add_argument("--code", action="append", default=[], metavar="LABEL=DIR")
    p.add_argument("--sidecar", action="append", default=[], metavar="LABEL=PATH",
                   help="the search index that code reads (default: the one beside the collection)")
    p.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], args.one[1], args.one[2])))
        return
    codes = [c.split("=", 1) for c in args.code] or [["this", "."]]
    sidecars = dict(c.split("=", 1) for c in args.sidecar)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"load {os.getloadavg()[0]:.1f}; {args.collection}")
    results = {}
    for label, code in codes:
        got = subprocess.run([sys.executable, __file__, args.collection, "--one", code, args.collection,
                              sidecars.get(label, "")],
                             capture_output=True, text=True, check=False)
        if got.returncode:
            print(f"{label}: failed\n{got.stderr[-2000:]}")
            continue
        results[label] = json.loads(got.stdout.strip().splitlines()[-1])
    print("\nms (what it said)\n")
    print("| query | " + " | ".join(f"{lab}: first count | {lab}: first page | {lab}: whole count" for lab in results)
          + " |")
    print("|---|" + "---|---|---|" * len(results))
    for i, q in enumerate(QUERIES):
        cells = []
        for rows in results.values():
            r = rows[i]
            first = f"{r['first_ms']:.0f} ({r['first']})" if "first_ms" in r else "—"
            cells += [first, f"{r['page_ms']:.0f} ({r['page']})", f"{r['whole_ms']:.0f} ({r['whole']})"]
        print(f"| {q} | " + " | ".join(cells) + " |")
    for lab, rows in results.items():
        firsts = [r.get("first_ms", r["whole_ms"]) for r in rows]
        pages, wholes = [r["page_ms"] for r in rows], [r["whole_ms"] for r in rows]
        print(f"\n{lab}: p50 / max ms: count shown first {statistics.median(firsts):.0f} / {max(firsts):.0f}; "
              f"first page {statistics.median(pages):.0f} / {max(pages):.0f}; "
              f"whole count {statistics.median(wholes):.0f} / {max(wholes):.0f}")


if __name__ == "__main__":
    main()
