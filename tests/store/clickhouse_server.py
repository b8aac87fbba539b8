"""A ClickHouse server for the tests: started from a temporary folder on free 127.0.0.1 ports
(Debian's ``clickhouse-server`` 18.16, or any later ``clickhouse`` binary), or the server the
environment names (``TIMELINE_CLICKHOUSE_TEST_URL``, a native address such as
``clickhouse://127.0.0.1:9000/tv_test``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

URL_ENV = "TIMELINE_CLICKHOUSE_TEST_URL"

_CONFIG = """<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>{folder}/log/server.log</log><errorlog>{folder}/log/error.log</errorlog>
    <console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>{tcp}</tcp_port>
  <http_port>{http}</http_port>
  <path>{folder}/data/</path>
  <tmp_path>{folder}/tmp/</tmp_path>
  <user_files_path>{folder}/user_files/</user_files_path>
  <format_schema_path>{folder}/schemas/</format_schema_path>
  <users_config>{folder}/users.xml</users_config>
  <mark_cache_size>67108864</mark_cache_size>
  <max_concurrent_queries>16</max_concurrent_queries>
</yandex>
"""
_USERS = """<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
"""


def server_command() -> list[str] | None:
    """The command that runs a ClickHouse server on this machine (its config file appended), or None."""
    for name in ("clickhouse-server", "/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"):
        found = shutil.which(name)
        if found:
            return [found]
    for name in ("clickhouse", "/usr/bin/clickhouse"):
        found = shutil.which(name)
        if found:
            return [found, "server"]
    return None


def _die_with_parent() -> None:
    """In the server's process before it starts (Linux): the kernel sends it SIGTERM when the
    process that started it dies, so a test run killed from outside (its teardown never runs)
    leaves no server behind (prctl(2), PR_SET_PDEATHSIG)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the teardown alone stops it
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def local_server(command: list[str], folder: Path, timeout: float = 60.0,
                 ports: tuple[int, int] | None = None) -> Iterator[str]:
    """Run a server (``command``) on ``folder`` listening on 127.0.0.1 only (``ports``: native and
    HTTP, else free ones); yields its native address
    ``clickhouse://127.0.0.1:PORT/default?protocol=native``; stopped at the end."""
    from clickhouse_driver import Client

    for sub in ("log", "data", "tmp", "user_files", "schemas"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    tcp, http = ports or (_free_port(), _free_port())
    (folder / "config.xml").write_text(_CONFIG.format(folder=folder, tcp=tcp, http=http))
    (folder / "users.xml").write_text(_USERS)
    with open(folder / "log" / "stderr.txt", "wb") as err:
        proc = subprocess.Popen([*command, f"--config-file={folder / 'config.xml'}"], cwd=folder,
                                stdout=subprocess.DEVNULL, stderr=err, preexec_fn=_die_with_parent)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with socket.create_connection(("127.0.0.1", tcp), timeout=2):
                    pass
                client = Client("127.0.0.1", port=tcp, connect_timeout=2)
                client.execute("SELECT 1")
                client.disconnect()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log = (folder / "log" / "error.log")
                    raise RuntimeError(f"ClickHouse server did not start (exit {proc.poll()}): "
                                       f"{log.read_text()[-2000:] if log.exists() else ''}") from None
                time.sleep(0.3)
        yield f"clickhouse://127.0.0.1:{tcp}/default?protocol=native"
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def server_url_or_reason() -> tuple[str | None, list[str] | None, str]:
    """``(url from the environment, server command, reason none is there)``."""
    url = os.environ.get(URL_ENV)
    if url:
        return url, None, ""
    command = server_command()
    return None, command, "" if command else (
        "no ClickHouse server binary (clickhouse-server / clickhouse) on this machine and no "
        f"{URL_ENV}: apt-get install clickhouse-server")


if __name__ == "__main__":  # README: a trial server, `python -m tests.store.clickhouse_server FOLDER`
    import signal
    import sys

    def _stop(*_args: object) -> None:
        raise KeyboardInterrupt  # kill (TERM) stops the server too, as Ctrl+C does

    signal.signal(signal.SIGTERM, _stop)

    if len(sys.argv) != 2 or sys.argv[1].startswith("-") or server_command() is None:  # (--help: usage, no server)
        sys.exit("usage: python -m tests.store.clickhouse_server FOLDER (needs clickhouse-server: "
                 "apt-get install clickhouse-server); runs a trial server on 127.0.0.1:9000 (native) and "
                 "127.0.0.1:8123 (HTTP) with its data in FOLDER, until Ctrl+C or kill")
    with local_server(server_command() or [], Path(sys.argv[1]).absolute(), ports=(9000, 8123)):
        print("ClickHouse on 127.0.0.1:9000 (native) and 127.0.0.1:8123 (HTTP); Ctrl+C or kill stops it", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
