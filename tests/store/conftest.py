import pytest

from .collection import collection

N = 100_000


@pytest.fixture(scope="session")
def big():
    """The seeded 10^5-event collection (built once per test run)."""
    return collection(N)


@pytest.fixture(scope="session")
def big_parquet(big, tmp_path_factory):
    """``big`` written as a Parquet collection (with its count tables)."""
    from viewer.io.duckstore import write_parquet

    path = str(tmp_path_factory.mktemp("collection") / "big.parquet")
    write_parquet(big, path)
    return path


@pytest.fixture(scope="session")
def old_parquet(big_parquet, tmp_path_factory):
    """``big`` as the writer before issue 13's window tables left it: the same events, and a
    count table without the 10 s / 60 s widths and the started/ended columns (``ns``, ``ne``),
    ordered by lane (the same rows and token that writer wrote)."""
    import shutil

    from viewer.io.duckstore import connect, counts_path

    folder = tmp_path_factory.mktemp("old-collection")
    path = str(folder / "old.parquet")
    shutil.copyfile(big_parquet, path)
    con = connect()
    try:
        token = dict((bytes(k).decode(), bytes(v).decode()) for k, v in con.execute(
            "SELECT key, value FROM parquet_kv_metadata(?)", [big_parquet]).fetchall())["timeline_viewer_collection"]
        con.execute(f"COPY (SELECT res, lane, bucket, x0, x1, n FROM read_parquet('{counts_path(big_parquet)}') "
                    "WHERE (res = 0 OR res >= 600) AND (res = 0 OR n > 0) ORDER BY res, lane, bucket, x0) "
                    f"TO '{counts_path(path)}' (FORMAT parquet, KV_METADATA {{timeline_viewer_collection: '{token}'}})")
    finally:
        con.close()
    return path


@pytest.fixture(scope="session")
def pre_ends_parquet(big_parquet, tmp_path_factory):
    """``big`` as the writer before the long ends were listed left it: the started/ended counts
    and the 10 s / 60 s widths, but no 2 / 5 minute widths, no ``res < 0`` rows (the long
    events' ends) and no ``long_ends`` in the collection's statistics."""
    import json

    from viewer.io.duckstore import connect, counts_path
    from viewer.io.store_sql import STATS_KEY

    path = str(tmp_path_factory.mktemp("pre-ends-collection") / "pre_ends.parquet")
    con = connect()
    try:
        kv = dict((bytes(k).decode(), bytes(v).decode()) for k, v in con.execute(
            "SELECT key, value FROM parquet_kv_metadata(?)", [big_parquet]).fetchall())
        stats = json.loads(kv[STATS_KEY])
        del stats["long_ends"]
        kv[STATS_KEY] = json.dumps(stats)

        def kv_sql(items):
            return "{" + ", ".join(f"{k}: '" + v.replace("'", "''") + "'" for k, v in items.items()) + "}"

        con.execute(f"COPY (SELECT * FROM read_parquet('{big_parquet}')) TO '{path}' "
                    f"(FORMAT parquet, ROW_GROUP_SIZE 4096, KV_METADATA {kv_sql(kv)})")
        con.execute(f"COPY (SELECT * FROM read_parquet('{counts_path(big_parquet)}') WHERE res = 0 OR res IN (10, 60) "
                    f"OR res >= 600 ORDER BY res, bucket, lane, x0, x1) TO '{counts_path(path)}' (FORMAT parquet, "
                    f"KV_METADATA {kv_sql({'timeline_viewer_collection': kv['timeline_viewer_collection']})})")
    finally:
        con.close()
    return path


@pytest.fixture(scope="session")
def clickhouse_url(tmp_path_factory):
    """The native address of a ClickHouse server on 127.0.0.1 (``clickhouse_server.URL_ENV``, else
    one started for this run from a temporary folder and stopped at its end).  No server binary:
    the tests that need one are skipped, saying why; under ``CI=true`` they fail instead."""
    import os

    from .clickhouse_server import local_server, server_url_or_reason

    url, command, reason = server_url_or_reason()
    try:
        import clickhouse_driver  # noqa: F401
    except ImportError:
        reason = "clickhouse-driver is not installed: pip install 'timeline-viewer[test]'"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    if url is not None:
        yield url
        return
    assert command is not None
    with local_server(command, tmp_path_factory.mktemp("clickhouse-server")) as started:
        yield started
