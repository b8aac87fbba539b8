"""What the benchmarks that compare codes in one run share: ``--code LABEL=DIR`` folders, one
synthetic collection written by the first code's writer, and one child process per code.

Not a benchmark itself (it prints nothing); ``bench_validate.py`` and ``bench_trust_open.py``
use it, and ``bench_present.py`` and ``bench_interact.py`` its child processes
(:func:`add_child_options`, :func:`child_result`: the script runs itself with ``--child``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def add_options(parser: argparse.ArgumentParser, data: str) -> None:
    """The options every such benchmark takes: ``--code LABEL=DIR`` (repeated), ``--events`` (the
    collection's size) and ``--data`` (where the collection is written, default ``data``)."""
    parser.add_argument("--code", action="append", default=[], metavar="LABEL=DIR")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--data", default=data)


def codes_and_collection(args: argparse.Namespace) -> tuple[list[tuple[str, str]], Path]:
    """The ``(label, folder)`` of each ``--code`` and the collection of ``--events`` events."""
    codes = code_folders(args.code)
    return codes, synthetic_collection(args.data, args.events, codes[0][1])


def code_folders(codes: list[str], default: str = "branch=.") -> list[tuple[str, str]]:
    """``["main=/tmp/x", "branch=."]`` → ``[(label, absolute folder), ...]``; ``default``'s
    (``[("branch", .)]``) when none are given."""
    return [(label, str(Path(folder).resolve())) for label, folder in
            (code.split("=", 1) for code in (codes or [default]))]


def add_child_options(parser: argparse.ArgumentParser, what: str) -> None:
    """``--code LABEL=DIR`` (``what`` is done with DIR's ``viewer``), ``--data`` (the synthetic
    files' folder) and the hidden ``--child`` / ``--one-file`` a child process is run with."""
    parser.add_argument("--code", action="append", default=[],
                        help=f"LABEL=DIR: {what} with the viewer package of DIR (repeatable)")
    parser.add_argument("--data", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "timeline-bench"),
                        help="folder for the synthetic files (reused between runs)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--one-file", help=argparse.SUPPRESS)


def child_result(script: str, code: str, child: list[str], *, env: dict[str, str] | None = None,
                 timeout: float | None = None) -> dict | None:
    """Run ``script`` again as ``script --child *child`` (offscreen, ``code``'s ``viewer`` first on
    ``sys.path``, ``env`` added) and return the JSON of its ``RESULT`` line; None after ``timeout``
    seconds; exits with the child's output when it gives no result."""
    run_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=code, **(env or {}))
    try:
        out = subprocess.run([sys.executable, os.path.abspath(script), "--child", *child], capture_output=True,
                             text=True, env=run_env, check=False, timeout=timeout, cwd=code)
    except subprocess.TimeoutExpired:
        return None
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise SystemExit(f"benchmark child failed ({' '.join(child)}, {code}):\n{out.stdout}\n{out.stderr[-3000:]}")


def synthetic_collection(data: str, events: int, writer_folder: str) -> Path:
    """The synthetic Parquet collection of ``events`` events under ``data``, written once (by
    ``write_synthetic_collection`` of ``writer_folder``'s ``viewer``) and reused after."""
    target = Path(data) / f"synthetic-{events}.parquet"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-c", "import sys; from viewer.io.synthetic_store import "
                        "write_synthetic_collection as w; w(sys.argv[1], int(sys.argv[2]))", str(target),
                        str(events)], env=dict(os.environ, PYTHONPATH=writer_folder), check=True, cwd=writer_folder)
    return target


def run_code(label: str, folder: str, script: str, *args: str) -> list[str] | None:
    """Run ``script`` (Python source) with ``folder``'s ``viewer`` first on ``sys.path``; its
    stdout split in words, or None (the failure printed to stderr)."""
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=folder), cwd=folder)
    if out.returncode:
        print(f"{label}: failed\n{out.stderr[-3000:]}", file=sys.stderr)
        return None
    return out.stdout.split()
