"""Benchmark: every reader over a folder of real files, with no options.

Usage::

    python benchmarks/bench_import.py [FOLDER ...] [--details]

For each timeline-like file under the folders (``.csv``, ``.tsv``, ``.json``;
default ``../shared/real-world``) it prints one row: the format detected,
the rows in the source counted independently of our readers (the
standard library's ``csv`` module for delimited files; the length of the
item lists for JSON: TimelineJS ``events`` + ``eras`` or TimelineJS 2
``timeline.date`` + ``timeline.era``, vis-timeline items), the events
loaded, the rows refused grouped by reason, the exit code of
``timeline-viewer convert FILE out.timeline.json`` (run in this process,
output to a temporary folder) and the reading time in seconds, wall clock
and CPU (the machine may be shared: the load average is printed).  ``--details``
prints each refused reason and the first lines of ``convert``'s report.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer import cli  # noqa: E402
from viewer.io.registry import read_timeline_report, reader_for  # noqa: E402
from viewer.model.errors import TimelineLoadError  # noqa: E402

_EXTENSIONS = (".csv", ".tsv", ".json")


def source_rows(path: str) -> int | None:
    """Rows (events + eras / background items) in the file, counted without our readers."""
    with open(path, "rb") as fh:
        data = fh.read()
    text = data.decode("utf-8-sig", errors="replace")
    if path.lower().endswith((".csv", ".tsv")):
        delim = "\t" if path.lower().endswith(".tsv") else ","
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim) if any(c.strip() for c in r)]
        body = rows[1:]
        header = [c.strip().lower() for c in rows[0]] if rows else []
        if "type" in header:  # TimelineJS sheet: the title row is not a slide on the timeline
            k = header.index("type")
            body = [r for r in body if not (len(r) > k and r[k].strip().lower() == "title")]
        return len(body)
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    if isinstance(doc, list):
        return len(doc)
    if isinstance(doc, dict):
        if isinstance(doc.get("timeline"), dict):
            t = doc["timeline"]
            return len(t.get("date") or t.get("slides") or []) + len(t.get("era") or [])
        if isinstance(doc.get("events"), list):
            return len(doc["events"]) + len(doc.get("eras") or [])
        if isinstance(doc.get("items"), list):
            return len(doc["items"])
    return None


def _reason(message: str) -> str:
    message = re.sub(r"\([^()]*\)", "(…)", message)
    """A problem's message with its particulars (quoted values, numbers) blanked, to group rows."""
    message = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", message)
    message = re.sub(r"\d+", "N", message)
    return message[:90]


def run(path: str) -> dict:
    """One row of the table for ``path``."""
    row: dict = {"file": path, "rows": source_rows(path)}
    try:
        row["format"] = reader_for(path).name
    except TimelineLoadError:
        row["format"] = "?"
    t, cpu = time.perf_counter(), time.process_time()
    try:
        report = read_timeline_report(path)
        row["events"] = len(report.timeline.events)
        refused = Counter()
        for p in report.skipped:
            n = 1
            m = re.match(r"(\d[\d,]*) rows?: ", p.message)
            if m:  # a grouped problem counts its rows
                n = int(m.group(1).replace(",", ""))
            refused[_reason(p.message)] += n
        row["refused"] = refused
        row["warnings"] = len(report.warnings)
    except TimelineLoadError as exc:
        row["events"] = 0
        row["refused"] = Counter({"whole file: " + _reason(exc.problems[0].message): row["rows"] or 0})
        row["warnings"] = 0
    row["seconds"] = time.perf_counter() - t
    row["cpu"] = time.process_time() - cpu
    with tempfile.TemporaryDirectory() as tmp:
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            row["exit"] = cli.main(["convert", path, os.path.join(tmp, "out.timeline.json")])
        row["convert_report"] = err.getvalue()
    return row


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("folders", nargs="*", default=[str(here.parent.parent / "shared" / "real-world")
                                                   if (here.parent.parent / "shared").is_dir()
                                                   else "../shared/real-world"])
    p.add_argument("--details", action="store_true")
    args = p.parse_args(argv)
    files = sorted(str(f) for folder in args.folders for f in Path(folder).rglob("*")
                   if f.is_file() and f.name.lower().endswith(_EXTENSIONS))
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"| {'file':58} | {'format':14} | {'rows':>6} | {'loaded':>6} | {'refused':>7} | {'warn':>4} | exit "
          f"| {'s':>5} | {'cpu s':>5} |")
    print(f"|{'-' * 60}|{'-' * 16}|{'-' * 8}|{'-' * 8}|{'-' * 9}|{'-' * 6}|------|{'-' * 7}|{'-' * 7}|")
    total_rows = total_loaded = 0
    details = []
    for f in files:
        r = run(f)
        name = os.path.relpath(f, args.folders[0]) if len(args.folders) == 1 else f
        n_refused = sum(r["refused"].values())
        total_rows += r["rows"] or 0
        total_loaded += r["events"]
        print(f"| {name[-58:]:58} | {r['format']:14} | {r['rows'] if r['rows'] is not None else '?':>6} | "
              f"{r['events']:>6} | {n_refused:>7} | {r['warnings']:>4} | {r['exit']:>4} | {r['seconds']:5.2f} | "
              f"{r['cpu']:5.2f} |")
        details.append((name, r))
    share = 100.0 * total_loaded / total_rows if total_rows else 0.0
    print(f"\ntotal: {total_loaded:,} of {total_rows:,} source rows loaded ({share:.1f} %)")
    print("\nrefused, by reason:")
    for name, r in details:
        for reason, n in r["refused"].most_common():
            print(f"  {name}: {n} x {reason}")
    if args.details:
        for name, r in details:
            print(f"\n== {name} (convert exit {r['exit']})")
            print("\n".join(r["convert_report"].splitlines()[:12]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
