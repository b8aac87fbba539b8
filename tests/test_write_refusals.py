"""Nothing is written through a link, into a pipe or onto a device: every
write (screenshots, pictures, prints to file, conversions) goes through the
atomic writer, which refuses such a destination with a message naming it."""

from __future__ import annotations

import os
import stat
import threading

import pytest
from PySide6.QtGui import QImage

from viewer.app import main
from viewer.io.atomic import TEMP_MARK, write_bytes_atomic
from viewer.ui.screenshots import write_png

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and links are POSIX")


def no_hang(call, fifo, timeout_s=20.0):
    """Run ``call()``; if it blocks writing into the pipe, a watchdog opens the
    pipe's reading end (so the write returns) and the test fails."""
    done, freed = threading.Event(), []

    def watchdog():
        if done.wait(timeout_s):
            return
        while not done.wait(0.2):
            try:
                fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            except OSError:
                continue
            freed.append(True)
            while not done.wait(0.05):
                try:
                    os.read(fd, 1 << 16)
                except OSError:
                    pass
            os.close(fd)

    threading.Thread(target=watchdog, daemon=True).start()
    try:
        result = call()
    finally:
        done.set()
    assert not freed, f"hung writing into the named pipe {fifo}"
    return result


@pytest.mark.parametrize("mode", [[], ["--present"]])
def test_a_screenshot_into_a_named_pipe_is_refused_at_once(tmp_path, capsys, bundled_path, mode):
    out = tmp_path / "out.png"
    os.mkfifo(out)
    assert no_hang(lambda: main([bundled_path, *mode, "--screenshot", str(out), "--size", "800x600"]), out) == 2
    assert f"{out} is a named pipe (FIFO), not a regular file; nothing was written" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(out).st_mode)


def test_write_png_goes_through_the_atomic_writer(tmp_path, capsys):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0xFF336699)
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    assert no_hang(lambda: write_png(image, str(fifo)), fifo) is False  # even when asked directly
    assert "named pipe (FIFO)" in capsys.readouterr().err
    out = tmp_path / "shot.png"
    out.write_bytes(b"old")
    assert write_png(image, str(out)) is True
    assert QImage(str(out)).size() == image.size()
    assert not [p for p in os.listdir(tmp_path) if TEMP_MARK in p]


def _link(tmp_path, name, target_name, content=b"precious"):
    victim = tmp_path / target_name
    if content is not None:
        victim.write_bytes(content)
    link = tmp_path / name
    link.symlink_to(victim)
    return link, victim


@pytest.mark.parametrize("command", [
    lambda src, out: ["export", src, out],
    lambda src, out: ["convert", src, out.replace(".png", ".csv")],
    lambda src, out: [src, "--screenshot", out, "--size", "800x600"],
    lambda src, out: [src, "--present", "--screenshot", out, "--size", "800x600"],
])
def test_a_destination_that_is_a_symbolic_link_is_refused(tmp_path, capsys, bundled_path, command):
    argv = command(bundled_path, str(tmp_path / "brief.png"))
    ext = os.path.splitext(argv[2] if argv[0] in ("export", "convert") else argv[argv.index("--screenshot") + 1])[1]
    link, victim = _link(tmp_path, "brief" + ext, "victim" + ext)
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert f"{link} is a symbolic link (to {victim}); write to the file itself" in err
    assert victim.read_bytes() == b"precious" and link.is_symlink()


def test_a_dangling_link_is_not_followed_to_create_its_target(tmp_path, capsys, bundled_path):
    link, elsewhere = _link(tmp_path, "cal.ics", "elsewhere.ics", content=None)
    assert main(["convert", bundled_path, str(link)]) != 0
    assert "cal.ics is a symbolic link" in capsys.readouterr().err
    assert not elsewhere.exists() and link.is_symlink()
    with pytest.raises(OSError, match="symbolic link"):
        write_bytes_atomic(link, b"x")
    assert not elsewhere.exists()



def test_convert_refuses_a_linked_side_file_before_writing_the_main_file(tmp_path, capsys, bundled_path):
    link, victim = _link(tmp_path, "side.counts.parquet", "victim.parquet")
    out = tmp_path / "side.parquet"
    assert main(["convert", bundled_path, str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{link} is a symbolic link (to {victim})" in err
    assert not out.exists()  # "nothing written" is true
    assert victim.read_bytes() == b"precious"


def test_deck_refuses_a_frames_folder_that_is_a_symbolic_link(tmp_path, capsys, bundled_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "linkdir"
    link.symlink_to(real)
    assert main(["deck", bundled_path, str(tmp_path / "d.pdf"), "--frames", str(link)]) != 0
    err = capsys.readouterr().err
    assert f"{link} is a symbolic link (to {real})" in err
    assert list(real.iterdir()) == [] and not (tmp_path / "d.pdf").exists()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc, a folder that takes no new file")
def test_a_screenshot_into_a_folder_that_takes_no_file_names_the_path_given(tmp_path, capsys, bundled_path):
    out = "/proc/nope.png"
    assert main([bundled_path, "--screenshot", out, "--size", "800x600"]) == 1
    err = capsys.readouterr().err
    assert f"{out}: cannot create a file in the folder /proc" in err and "nothing was written" in err
    assert TEMP_MARK not in err  # never the temporary file's name


def test_a_folder_that_refuses_new_files_is_named_with_the_path_given(tmp_path, monkeypatch):
    import tempfile

    def refuse(prefix="", suffix="", dir=None):
        raise PermissionError(13, "Permission denied", os.path.join(dir, prefix + "abcd" + suffix))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "out.bin"
    with pytest.raises(PermissionError) as raised:
        write_bytes_atomic(out, b"x")
    said = str(raised.value)
    assert said == f"{out}: cannot create a file in the folder {tmp_path} (permission denied); nothing was written"
    assert raised.value.errno == 13 and not out.exists()
