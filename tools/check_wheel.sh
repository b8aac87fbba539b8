#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment (no source
# tree on the path) and run the installed program: --version and a
# --screenshot of the bundled timeline, which needs the packaged resources.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip wheel -q --no-deps -w "$work/dist" . >/dev/null
wheel=$(ls "$work"/dist/timeline_viewer-*.whl)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$wheel" 2>&1 | grep -v "^WARNING: Location" || true
cd "$work"  # away from the source tree: only the installed package is importable
"$work/venv/bin/timeline-viewer" --version
QT_QPA_PLATFORM=offscreen "$work/venv/bin/timeline-viewer" --screenshot "$work/shot.png" --size 800x600
test -s "$work/shot.png"
echo "wheel check: $(basename "$wheel") installs and runs"
