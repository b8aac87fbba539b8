"""The tests' ClickHouse server never outlives the run that started it: a ``pytest`` killed from
outside (SIGKILL, so no teardown runs) used to leave its ``clickhouse-server`` listening."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .clickhouse_server import server_command

pytest.importorskip("clickhouse_driver")

_STARTER = """
import sys, time
from pathlib import Path
from tests.store.clickhouse_server import local_server, server_command
with local_server(server_command(), Path(sys.argv[1])) as url:
    print(url, flush=True)
    time.sleep(600)
"""


def _server_pids(folder: Path) -> list[int]:
    """The processes whose command line names ``folder``'s config file."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if f"--config-file={folder}/config.xml" in cmd:
                pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_killed_test_run_leaves_no_clickhouse_server_running(tmp_path):
    if server_command() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and no ClickHouse server binary")
        pytest.skip("no ClickHouse server binary (clickhouse-server) on this machine")
    root = Path(__file__).resolve().parents[2]
    starter = subprocess.Popen([sys.executable, "-c", _STARTER, str(tmp_path)], cwd=root,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert starter.stdout is not None and starter.stdout.readline().startswith("clickhouse://")
        assert _server_pids(tmp_path)  # running
        starter.send_signal(signal.SIGKILL)  # as a test run killed from outside: no teardown
        starter.wait(10)
        deadline = time.monotonic() + 60
        while _server_pids(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _server_pids(tmp_path) == []
    finally:
        for pid in _server_pids(tmp_path):
            os.kill(pid, signal.SIGKILL)
        if starter.poll() is None:
            starter.kill()
            starter.wait(10)
        if starter.stdout is not None:
            starter.stdout.close()
