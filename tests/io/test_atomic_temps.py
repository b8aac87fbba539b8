"""Temporary files of killed writes are named recognisably and removed by the
next write of the same destination; nothing else is touched."""

import os
import subprocess
import sys
import time

import pytest

from viewer.io.atomic import TEMP_MARK, write_text_atomic


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def make(path, text="half a file", age_s=120.0):
    path.write_text(text)
    t = time.time() - age_s
    os.utime(path, (t, t))
    return path


@pytest.mark.skipif(os.name != "posix", reason="process ids, links and pipes as on POSIX")
def test_the_next_write_removes_stale_temps_of_its_destination_only(tmp_path):
    dest = tmp_path / "out.timeline.json"
    dest.write_text("old")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    prefix = f".out.timeline.json{TEMP_MARK}"
    killed = make(tmp_path / f"{prefix}{dead_pid()}-a1b2.json")           # its writer was killed
    ancient = make(tmp_path / f"{prefix}{os.getpid()}-c3d4.json", age_s=7200)  # pid reused long after
    running = make(tmp_path / f"{prefix}{os.getpid()}-e5f6.json", age_s=0)  # a write still going on
    other = make(tmp_path / f".other.json{TEMP_MARK}{dead_pid()}-a1b2.json")  # another destination
    link = tmp_path / f"{prefix}{dead_pid()}-link.json"
    link.symlink_to(victim)
    fifo = tmp_path / f"{prefix}{dead_pid()}-fifo.json"
    os.mkfifo(fifo)

    write_text_atomic(dest, "new")

    assert dest.read_text() == "new"
    assert not killed.exists() and not ancient.exists()
    assert running.exists() and other.exists()
    assert link.is_symlink() and victim.read_text() == "precious"
    assert fifo.exists()
    # the write's own temporary file is gone; none other of its kind was added
    left = sorted(p for p in os.listdir(tmp_path) if TEMP_MARK in p)
    assert left == sorted(p.name for p in (running, other, link, fifo))


def test_a_killed_write_leaves_a_recognisable_temp_that_the_next_write_removes(tmp_path):
    dest = tmp_path / "big.csv"
    code = ("import os, sys\n"
            "from viewer.io.atomic import atomic_path\n"
            "with atomic_path(sys.argv[1]) as tmp:\n"
            "    open(tmp, 'w').write('x' * 1000)\n"
            "    os._exit(9)\n")  # killed mid-write: no clean-up runs
    subprocess.run([sys.executable, "-c", code, str(dest)], check=False)
    temps = [p for p in os.listdir(tmp_path) if p.startswith(f".big.csv{TEMP_MARK}") and p.endswith(".csv")]
    assert len(temps) == 1
    old = time.time() - 60
    os.utime(tmp_path / temps[0], (old, old))
    write_text_atomic(dest, "a,b\n")
    assert os.listdir(tmp_path) == ["big.csv"]
