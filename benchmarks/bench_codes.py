"""What the benchmarks that compare codes in one run share: ``--code LABEL=DIR`` folders, one
synthetic collection written by the first code's writer, and one child process per code.

Not a benchmark itself (it prints nothing); ``bench_validate.py`` and ``bench_trust_open.py``
use it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def code_folders(codes: list[str]) -> list[tuple[str, str]]:
    """``["main=/tmp/x", "branch=."]`` → ``[(label, absolute folder), ...]``; ``[("branch", .)]``
    when none are given."""
    return [(label, str(Path(folder).resolve())) for label, folder in
            (code.split("=", 1) for code in (codes or ["branch=."]))]


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
