"""Only regular files are read: a named pipe given to any entry point (the
validate, convert and export commands, the app's --screenshot, File > Open)
is refused at once with a message naming it, instead of hanging."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from viewer.app import main
from viewer.io import read_timeline

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def no_hang(call, fifo, timeout_s=20.0):
    """Run ``call()`` here; a watchdog frees it if it blocks on the pipe, and the test fails."""
    done, freed = threading.Event(), []

    def watchdog():
        if done.wait(timeout_s):
            return
        while not done.wait(0.2):  # a blocked open() of the pipe returns once a writer opens it
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
                freed.append(True)
            except OSError:
                pass

    threading.Thread(target=watchdog, daemon=True).start()
    try:
        result = call()
    finally:
        done.set()
    assert not freed, f"hung on the named pipe {fifo}"
    return result


@pytest.fixture(params=["feed.timeline.json", "feed.parquet", "feed.duckdb"])
def fifo(tmp_path, request):
    """A named pipe, called as a timeline file or as a collection (whose kind is read from its head)."""
    path = tmp_path / request.param
    os.mkfifo(path)
    return str(path)


@pytest.mark.parametrize("command", [
    ["validate", "{fifo}"],
    ["validate", "{fifo}", "--from", "native"],
    ["validate", "{fifo}", "--from", "csv"],
    ["convert", "{fifo}", "{out}.csv"],
    ["convert", "{fifo}", "{out}.csv", "--from", "acled"],
    ["export", "{fifo}", "{out}.png"],
    ["--screenshot", "{out}.png", "{fifo}"],
])
def test_commands_refuse_a_named_pipe_naming_it(fifo, tmp_path, capsys, command):
    out = str(tmp_path / "out")
    argv = [a.format(fifo=fifo, out=out) for a in command]
    code = no_hang(lambda: main(argv), fifo)
    assert code == 2
    err = capsys.readouterr().err
    assert fifo in err and "named pipe (FIFO), not a regular file" in err
    assert sorted(os.listdir(tmp_path)) == [os.path.basename(fifo)]  # nothing written


def test_the_window_refuses_a_named_pipe_and_keeps_its_timeline(qtbot, fifo, bundled_path):
    from viewer.ui.main_window import MainWindow

    w = MainWindow(read_timeline(bundled_path), read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.show()
    before = w.timeline
    assert no_hang(lambda: w.open_file(fifo), fifo) is False
    assert w.timeline is before and w.path == bundled_path
    assert w.last_error is not None
    shown = w.last_error.text() + w.last_error.detailedText()
    assert os.path.basename(fifo) in shown and "named pipe (FIFO)" in shown


def test_a_named_pipe_or_device_as_destination_is_refused_not_replaced(tmp_path, capsys, bundled_path):
    out = tmp_path / "out.csv"
    os.mkfifo(out)
    assert no_hang(lambda: main(["convert", bundled_path, str(out)]), str(out)) == 2
    assert "named pipe (FIFO), not a regular file; nothing was written" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(out).st_mode)  # still the pipe: not replaced by a file
    link = tmp_path / "null.csv"
    link.symlink_to(os.devnull)  # a link to a device: the device is never replaced
    assert main(["convert", bundled_path, str(link)]) == 2
    assert "null.csv is a symbolic link (to /dev/null)" in capsys.readouterr().err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
