"""Leftover recovery files whose meta file is damaged, a pipe, or whose folder
is not a folder: the scan skips only that entry, never blocks or raises."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from viewer.io import recovery

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = next((ROOT / "resources").rglob("*.timeline.json"))


def _leftover(folder: Path, pid: int, meta) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"recovery-{pid}.timeline.json"
    shutil.copy(BUNDLED, path)
    if meta is not None:
        (folder / f"recovery-{pid}.meta.json").write_text(meta, encoding="utf-8")
    return path


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("meta", ["[1,2]", '{"pid": 1e23}', '{"pid": 100000000000000000000000}',
                                  '{"saved_at": 1e400, "pid": 5}', '{"saved_at": "soon", "pid": 5}',
                                  '{"source": 7, "pid": 5}', '{"pid": true}', "not json", '"text"'])
def test_a_malformed_meta_file_skips_only_its_own_entry(private_data_dir, meta):
    folder = private_data_dir / "recovery"
    _leftover(folder, 999991, meta)
    good_pid = _dead_pid()
    good = _leftover(folder, good_pid, json.dumps({"source": "/x/a.timeline.json", "saved_at": 1.6e9,
                                                     "pid": good_pid}))
    found = recovery.orphans()
    assert [r.path for r in found] == [good]
    assert found[0].source == "/x/a.timeline.json" and found[0].saved_at == 1.6e9


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_meta_file_that_is_a_named_pipe_is_never_opened(private_data_dir):
    folder = private_data_dir / "recovery"
    _leftover(folder, 999995, None)
    os.mkfifo(folder / "recovery-999995.meta.json")
    result: list = []
    scan = threading.Thread(target=lambda: result.append(recovery.orphans()), daemon=True)
    scan.start()
    scan.join(10)
    if scan.is_alive():  # unblock the reader so the test run can end
        fd = os.open(folder / "recovery-999995.meta.json", os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("the recovery scan blocked on a named pipe")
    assert result == [[]]


def test_a_recovery_folder_that_is_a_file_means_no_recovery_and_no_error(private_data_dir):
    (private_data_dir / "recovery").write_text("not a folder", encoding="utf-8")
    assert recovery.orphans() == []
    recovery.remove_recovery()  # does not raise NotADirectoryError
    with pytest.raises(OSError):
        recovery.write_recovery(recovery.read_native(BUNDLED), "")
