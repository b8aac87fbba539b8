"""Widget test fixtures (the user's settings are kept out by ``tests/conftest.py``).

``make_window(size)`` opens the bundled timeline in a main window of that size
(pixels), shown offscreen and exposed; ``big_window`` a window (1400x800) on a file
over the large-file thresholds (searched through its index, derived in the background),
as ``(window, timeline)``.
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


@pytest.fixture(params=["parquet", "duckdb"])
def collection(request, allied, tmp_path):
    """The bundled timeline as a collection of each kind: ``allied.parquet``, then a
    copy as ``allied.duckdb``."""
    from viewer.io.duckstore import copy_collection

    if request.param == "parquet":
        return allied
    path = tmp_path / "allied.duckdb"
    copy_collection(str(allied), str(path))
    return path


@pytest.fixture
def big_window(tmp_path, monkeypatch, qtbot):
    """A window on a file over the large-file thresholds, and its timeline."""
    from tests.io.test_search_index import write_big
    from viewer.io import search_index as si
    from viewer.ui import search_jobs

    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(si, "INDEX_MIN_EVENTS", 100)
    monkeypatch.setattr(search_jobs, "INDEX_MIN_EVENTS", 100)
    path = write_big(tmp_path / "big.timeline.json")
    tl = read_timeline(path)
    w = MainWindow(tl, read_timeline, path)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    return w, tl


def present_window(qtbot, tl, size):
    """A present-mode window on ``tl``'s first story at ``size`` (pixels), shown, animations off."""
    from viewer.ui.present import PresentWindow

    pw = PresentWindow(tl, tl.stories[0], animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(*size)
    pw.show()
    qtbot.waitExposed(pw)
    return pw
