"""Getting a timeline INTO ClickHouse from the command line, and a server that is not there.

``timeline-viewer convert IN clickhouse://host:port/db?table=T`` loads IN (any timeline file, or a
collection) into the test server (``conftest.clickhouse_url``: Debian's 18.16 on 127.0.0.1, native
protocol), refuses an existing table unless ``--replace``; ``validate`` and the app on an address
where no server listens exit 2 with one sentence (host:port, protocol, what to check), not the
libraries' errors and log lines.
"""

import os
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from viewer.cli import main as cli_main

pytest.importorskip("clickhouse_connect", reason="clickhouse-connect is not installed: pip install '.[test]'")

ACLED = os.path.join(os.path.dirname(__file__), "..", "data", "formats", "conflict-acled.csv")
TOOL = os.path.join(os.path.dirname(sys.executable), "timeline-viewer")


def _closed_port() -> int:
    """A 127.0.0.1 port nobody listens on (bound, then let go)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("TIMELINE_CLICKHOUSE_PASSWORD", None)
    return subprocess.run([TOOL, *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("protocol", ["http", "native"])
def test_validate_without_a_server_says_where_and_what_to_check(protocol):
    """The user's ``validate 'clickhouse://127.0.0.1:18123/tv?table=events'`` with no server: exit 2
    (unreadable input), one line naming host:port and protocol, no Python error, no library log."""
    port = _closed_port()
    got = _run("validate", f"clickhouse://127.0.0.1:{port}/tv?table=events&protocol={protocol}")
    assert got.returncode == 2, got.stderr
    lines = got.stderr.strip().splitlines()
    assert len(lines) == 1, got.stderr
    said = "HTTP" if protocol == "http" else "the native protocol"
    assert f"cannot reach a ClickHouse server at 127.0.0.1:{port} over {said} (connection refused)" in lines[0]
    assert "is the server running" in lines[0] and "8123 is ClickHouse's HTTP" in lines[0]
    for noise in ("Unexpected Http Driver Exception", "OperationalError", "HTTPConnectionPool", "Errno",
                  "Traceback", "Failed to connect"):
        assert noise not in got.stderr


def test_the_app_without_a_server_says_the_same_and_exits_2():
    port = _closed_port()
    got = _run(f"clickhouse://127.0.0.1:{port}/tv?table=events")
    assert got.returncode == 2, got.stderr
    assert f"cannot reach a ClickHouse server at 127.0.0.1:{port} over HTTP" in got.stderr
    assert "Unexpected Http Driver Exception" not in got.stderr and "Traceback" not in got.stderr


def test_file_open_in_the_window_shows_the_sentence(qtbot):
    """File > Open of the address (collection_open): the error dialog's text is that sentence."""
    from viewer.ui import collection_open

    shown = []

    class Window:
        def open_file(self, path):  # a timeline file: not reached here
            raise AssertionError(path)

        def show_error(self, title, text, details=""):
            shown.append((title, text))

    window = Window()
    collection_open.install(window)
    port = _closed_port()
    assert window.open_file(f"clickhouse://127.0.0.1:{port}/tv?table=events") is False
    (title, text), = shown
    assert title == f"Could not open clickhouse://127.0.0.1:{port}/tv?table=events"
    assert f"cannot reach a ClickHouse server at 127.0.0.1:{port} over HTTP" in text and "Errno" not in text


def _address(clickhouse_url: str, table: str) -> str:
    parts = urlsplit(clickhouse_url)
    return f"clickhouse://{parts.hostname}:{parts.port}/tvload?table={table}&protocol=native"


@pytest.fixture
def sample(tmp_path):
    from viewer.model.synthetic import synthetic_timeline

    path = str(tmp_path / "sample.timeline.json")
    synthetic_timeline(2500).write_native(path)
    return path


def test_convert_loads_a_file_into_the_server_and_refuses_an_existing_table(clickhouse_url, sample, capsys):
    url = _address(clickhouse_url, "sample")
    assert cli_main(["convert", sample, url]) == 0
    out = capsys.readouterr()
    assert f"loaded {sample} into {url} (2500 events); open it: timeline-viewer '{url}'" in out.out
    assert "2,500 of 2,500 events loaded" in out.err  # progress on stderr
    assert cli_main(["validate", url]) == 0
    valid = capsys.readouterr().out
    assert f"{url}: valid (2500 events" in valid
    # again: refused, nothing written, the way out named
    assert cli_main(["convert", ACLED, url]) == 2
    err = capsys.readouterr().err
    assert "table tvload.sample is already there: nothing written" in err and "--replace" in err
    assert "rows or items not loaded" not in err  # refused before reading the file
    assert cli_main(["validate", url]) == 0
    assert capsys.readouterr().out == valid  # the table as it was
    # --replace: the table is the new file's; what the file lost on reading is listed (exit 1, as convert)
    assert cli_main(["convert", ACLED, url, "--replace"]) == 1
    out = capsys.readouterr()
    assert "(3 events)" in out.out and "rows or items not loaded (1)" in out.err
    assert cli_main(["validate", url]) == 0
    assert f"{url}: valid (3 events" in capsys.readouterr().out


def test_convert_loads_a_parquet_collection_as_it_is(clickhouse_url, sample, tmp_path, capsys):
    parquet = str(tmp_path / "sample.parquet")
    assert cli_main(["convert", sample, parquet]) == 0
    capsys.readouterr()
    url = _address(clickhouse_url, "from_parquet")
    assert cli_main(["convert", parquet, url]) == 0
    assert f"loaded {parquet} into {url} (2500 events)" in capsys.readouterr().out
    assert cli_main(["validate", url]) == 0


def test_replace_is_only_for_clickhouse(tmp_path, capsys):
    assert cli_main(["convert", ACLED, str(tmp_path / "x.timeline.json"), "--replace"]) == 2
    assert "--replace is for loading into ClickHouse" in capsys.readouterr().err


def test_an_old_server_over_http_is_told_to_use_the_native_protocol():
    """18.16 answers clickhouse-connect's handshake with 'Unknown identifier: readonly': the
    sentence says what to do instead of quoting it."""
    from viewer.io.clickstore import _unreached

    class DatabaseError(Exception):
        pass

    said = _unreached(DatabaseError("HTTP driver received HTTP status 404, server response: Code: 47, "
                                    "e.displayText() = DB::Exception: Unknown identifier: readonly"),
                      "127.0.0.1", 8123, "http")
    assert said == ("ClickHouse at 127.0.0.1:8123 over HTTP refused: a server before ClickHouse 22 does not take "
                    "this HTTP client; use its native protocol: port 9000, or add &protocol=native")
