"""Shared test set-up: Qt runs offscreen, and paths to the bundled data."""

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture
def bundled_path() -> str:
    from viewer.app import bundled_timeline_path

    return bundled_timeline_path()
