"""A ClickHouse server's refusal said in one line: 18.16 appends its C++ stack trace (twenty lines
of library addresses and symbols) to every error, and validate, the window and convert printed it
all. The line that says what is wrong and the address are kept; the stack is dropped."""

from urllib.parse import urlsplit

import pytest

from viewer.app import main

pytest.importorskip("clickhouse_driver")


@pytest.fixture(scope="module")
def server(clickhouse_url):
    """``(host, port)`` of the test server, with an empty database ``errs`` made on it."""
    from viewer.io.clickstore import NativeBackend

    parts = urlsplit(clickhouse_url)
    backend = NativeBackend(parts.hostname, parts.port, "default", "default", "")
    try:
        backend.command("CREATE DATABASE IF NOT EXISTS errs")
    finally:
        backend.close()
    return parts.hostname, parts.port


@pytest.mark.parametrize(("path", "password", "said"), [
    ("errs?table=nosuch", None, "no timeline collection in table errs.nosuch"),
    ("errs?table=nosuch", None, "put one there with `timeline-viewer convert FILE ADDRESS`"),  # what to do
    ("nodb?table=events", None, "nodb doesn't exist"),
    ("errs?table=events", "wrong", "Wrong password for user default"),
    # a new user set the README's team example (user analyst) against the trial server: say where it came from
    ("errs?table=events", "wrong", "the user and password come from TIMELINE_CLICKHOUSE_USER / "
                                   "TIMELINE_CLICKHOUSE_PASSWORD"),
])
def test_a_refusal_is_one_line_without_the_servers_stack(server, capsys, monkeypatch, path, password, said):
    host, port = server
    monkeypatch.delenv("TIMELINE_CLICKHOUSE_USER", raising=False)
    if password is None:
        monkeypatch.delenv("TIMELINE_CLICKHOUSE_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("TIMELINE_CLICKHOUSE_PASSWORD", password)
    url = f"clickhouse://{host}:{port}/{path}&protocol=native"
    assert main(["validate", url]) == 2
    err = capsys.readouterr().err
    assert f"cannot read clickhouse://{host}:{port}/" in err and said in err
    assert "Stack trace" not in err and "libclickhouse" not in err and "0x" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_a_query_the_server_refuses_is_one_line_too(server):
    """An error while the collection is open (the window's status line says it) carried the stack too."""
    from clickhouse_driver.errors import ServerException

    from viewer.io.clickstore import NativeBackend

    backend = NativeBackend(*server, "errs", "default", "")
    try:
        with pytest.raises(ServerException) as caught:
            backend.rows("SELECT nosuch_column FROM system.one")
    finally:
        backend.close()
    said = str(caught.value)
    assert "nosuch_column" in said and "Stack trace" not in said and "\n" not in said, said
    assert said.startswith("Code: 47.")
