"""Fixtures of the graphics tests: text is measured in the pinned test font."""

import pytest


@pytest.fixture(autouse=True)
def _pin_font(pinned_font):
    """Every widget and graphics test measures text in the test font (tests/conftest.py)."""
