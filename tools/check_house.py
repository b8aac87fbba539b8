"""The house rules, checked by ``.ci/run`` before the tests.

1. import-linter: the layer contracts in ``pyproject.toml``
   (``[tool.importlinter]``): model and io import no Qt, graphics no widgets,
   widgets neither the command line nor the wiring.
2. ruff (pyflakes, pycodestyle, isort, bugbear, pyupgrade) on ``viewer/``,
   ``tests/``, ``tools/`` and ``benchmarks/``.
3. mypy (``[tool.mypy]``; strict flags for ``viewer.model`` and ``viewer.io``):
   the error count of each layer may only go down from the baseline in
   ``tools/mypy-baseline.json``; a layer whose baseline is 0 must stay clean.
   When a count goes down, the baseline is lowered in the file (commit it).

Run: ``.venv/bin/python tools/check_house.py`` (exit 0 = all kept).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BASELINE = ROOT / "tools" / "mypy-baseline.json"
LAYERS = ("viewer/model", "viewer/io", "viewer/graphics", "viewer/ui", "viewer")


def layer_of(path: str) -> str:
    """The layer a mypy error belongs to: ``viewer/model``, ..., or ``viewer`` for the rest."""
    return next(layer for layer in LAYERS if path.startswith(layer + "/") or layer == "viewer")


def run(step: str, command: list[str]) -> subprocess.CompletedProcess[str]:
    print(f"--- {step}: {' '.join(command)}", flush=True)
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def main() -> int:
    failed = []
    done = run("import contracts", [str(BIN / "lint-imports"), "--no-cache"])
    print(done.stdout[-1500:] if done.returncode else done.stdout.strip().splitlines()[-1])
    if done.returncode:
        failed.append("import contracts")

    done = run("ruff", [str(BIN / "ruff"), "check", "viewer", "tests", "tools", "benchmarks"])
    print((done.stdout + done.stderr).strip()[-4000:])
    if done.returncode:
        failed.append("ruff")

    done = run("mypy", [str(BIN / "mypy")])
    errors = [line for line in done.stdout.splitlines() if re.match(r"^viewer/\S+:\d+: error:", line)]
    counts = Counter(layer_of(line.split(":", 1)[0]) for line in errors)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    lowered = False
    for layer in LAYERS:
        now, allowed = counts.get(layer, 0), baseline.get(layer, 0)
        verdict = "ok" if now <= allowed else "MORE ERRORS THAN THE BASELINE"
        print(f"{layer:16} {now:4d} errors (baseline {allowed}) {verdict}")
        if now > allowed:
            failed.append(f"mypy {layer}")
            for line in errors:
                if layer_of(line.split(":", 1)[0]) == layer:
                    print("   ", line)
        elif now < allowed:
            baseline[layer], lowered = now, True
    if lowered and not failed:
        BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
        print(f"baseline lowered in {BASELINE.relative_to(ROOT)}: commit it")
    if failed:
        print("house rules broken: " + ", ".join(failed))
        return 1
    print("house rules kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
