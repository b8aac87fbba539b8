"""Copy the README's usage sections into the packaged user guide (Help > User guide).

Run after editing README.md:  python tools/build_user_guide.py
(``tests/ui/test_guide.py`` fails while the two differ.)  The guide is the
README from "## Using it" up to "## The file format in short", so the window
shows the same words offline, without the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, STOP = "## Using it", "## The file format in short"


def guide_text(readme: str) -> str:
    """The usage part of the README's text, with a heading for the window."""
    start, stop = readme.index(START), readme.index(STOP)
    return "# Timeline Viewer: user guide\n\n" + readme[start:stop].rstrip() + "\n"


def main() -> int:
    text = guide_text((ROOT / "README.md").read_text(encoding="utf-8"))
    (ROOT / "resources" / "user-guide.md").write_text(text, encoding="utf-8")
    print(f"wrote resources/user-guide.md ({len(text)} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
