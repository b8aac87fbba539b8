"""Widget tests never touch the user's settings: QSettings points at a temporary folder.

``make_window(size)`` opens the bundled timeline in a main window of that size
(pixels), shown offscreen and exposed.
"""

import pytest
from PySide6.QtCore import QSettings

from viewer.io import read_timeline
from viewer.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


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
