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
