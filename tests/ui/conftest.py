"""Widget test fixtures (the user's settings are kept out by ``tests/conftest.py``).

``make_window(size)`` opens the bundled timeline in a main window of that size
(pixels), shown offscreen and exposed.
"""

import pytest

from viewer.io import read_timeline
from viewer.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, bundled_path):
    def make(size=(1600, 900)):
        w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        qtbot.wait(40)
        return w

    return make


@pytest.fixture(autouse=True)
def _pin_font(pinned_font):
    """Every widget and graphics test measures text in the test font (tests/conftest.py)."""


@pytest.fixture
def allied(bundled_path, tmp_path):
    """The bundled Allied Resolve-2022 timeline converted to ``allied.parquet`` (a collection)."""
    from viewer.io.registry import read_timeline, write_timeline

    path = tmp_path / "allied.parquet"
    assert write_timeline(read_timeline(bundled_path), path) == []
    return path
