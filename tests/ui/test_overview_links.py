"""Overview strip, copy link / citation, keyboard zoom and FILE#EVENT_ID (pytest-qt, offscreen)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def window(make_window):
    return make_window((1700, 950))


def test_overview_region_follows_the_view_and_drives_it(qtbot, window):
    region = window.overview.region
    assert region.getRegion() == pytest.approx(window.view.x_range())
    window.view.set_x_range(0.0, 2 * 86400.0)
    assert region.getRegion() == pytest.approx((0.0, 2 * 86400.0))
    region.setRegion((-10 * 86400.0, -5 * 86400.0))  # as a drag of the region does
    assert window.view.x_range() == pytest.approx((-10 * 86400.0, -5 * 86400.0))
    a, b = window.overview.viewRange()[0]
    assert a <= -10 * 86400.0 and b >= -5 * 86400.0  # the strip holds the window it drives
    # (its own range: the home range plus margins, what lies beyond marked; see tests/ui/test_desk.py)


def test_overview_draws_one_row_per_shown_track(qtbot, window):
    n = len(window.overview._bars)
    from viewer.model.filters import FilterState

    window.state.filters = FilterState(hidden_tracks=frozenset({"uk"}))
    assert len(window.overview._bars) == n - 1


def test_copy_link_and_citation(qtbot, window, bundled_path):
    from viewer.ui.links import copy_citation, copy_link

    assert copy_link(window) is None  # nothing selected
    window.state.selected = "lavrov-lowest-level"
    assert copy_link(window) == f"{bundled_path}#lavrov-lowest-level"
    assert QGuiApplication.clipboard().text() == f"{bundled_path}#lavrov-lowest-level"
    copy_citation(window)
    mime = QGuiApplication.clipboard().mimeData()
    assert "Sergey Lavrov" in mime.text() and "<i>Washington Insider Magazine</i>" in mime.html()
    QGuiApplication.clipboard().clear()  # the offscreen clipboard must not outlive the test's app


def test_ctrl_plus_minus_zoom_and_shift_arrows_pan(qtbot, window):
    window.view.setFocus()
    a, b = window.view.x_range()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    a1, b1 = window.view.x_range()
    assert b1 - a1 == pytest.approx((b - a) / 2) and (a1 + b1) / 2 == pytest.approx((a + b) / 2)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.x_range() == pytest.approx((a, b))
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    a2, b2 = window.view.x_range()
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    a3, b3 = window.view.x_range()
    assert a3 == pytest.approx(a2 - 0.2 * (b2 - a2))


def test_file_hash_event_id_opens_with_the_event_selected(tmp_path, bundled_path, capsys):
    from viewer.app import main

    out = tmp_path / "x.png"
    assert main([f"{bundled_path}#lavrov-lowest-level", "--screenshot", str(out)]) == 0
    assert out.exists()
    assert main([f"{bundled_path}#no-such-event", "--screenshot", str(out)]) != 0
    assert "no-such-event" in capsys.readouterr().err
