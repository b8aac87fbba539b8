"""The window's thread gets the interpreter lock back quickly while other threads run Python.

A 10^6-event file is read (and a search index built, a collection queried) on threads beside the
GUI thread; with CPython's default switch interval (5 ms) each of the GUI thread's many returns
from Qt waited up to 5 ms for the lock, and the window froze 100-160 ms at a time on a quiet
machine while the reader ran (benchmarks/README.md, twenty-third round). How long those freezes
are is measured by ``benchmarks/bench_interact.py --only open``, not here; here: every window a
user can open sets the short interval that benchmark measured.
"""

from __future__ import annotations

import sys

import pytest

from viewer.io import read_timeline
from viewer.ui.lock_sharing import GUI_SWITCH_INTERVAL, share_lock_often
from viewer.ui.main_window import MainWindow


@pytest.fixture
def default_interval():
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # CPython's default, as a fresh process has it
    yield
    sys.setswitchinterval(before)


def test_the_main_window_hands_the_lock_over_within_a_millisecond(qtbot, bundled_path, default_interval):
    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    assert sys.getswitchinterval() <= GUI_SWITCH_INTERVAL == 0.001


def test_the_collection_window_hands_the_lock_over_within_a_millisecond(qtbot, allied, default_interval):
    from tests.ui.collection_windows import shown_collection

    shown_collection(qtbot, allied)
    assert sys.getswitchinterval() <= 0.001


def test_a_shorter_interval_already_set_is_kept(default_interval):
    sys.setswitchinterval(0.0002)
    share_lock_often()
    assert sys.getswitchinterval() == pytest.approx(0.0002)
