"""A large native file rewritten while it is read (breakit4: cut or rewritten 0.2 s into an
opening): the cache written from that read describes the bytes read, not the file on disk, so
it is never used for the file as it is later, even when the writer kept its size and
modification time; and the timeline of that read is wholly the version read (its events are
built from the bytes read, never from the file rewritten since)."""

import os

from tests.io.test_bulk import bulk_read, write_file
from viewer.io import bulk, native


def test_a_cache_written_from_a_read_during_which_the_file_changed_is_not_trusted_later(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = tmp_path / "big.timeline.json"
    text = write_file(path)
    changed = text.replace('"Protest 0"', '"Protext 0"', 1)
    assert len(changed) == len(text) and changed != text
    real = native.read_bytes

    def read_then_rewritten(*args, **kwargs):
        data = real(*args, **kwargs)
        stat = path.stat()  # another program rewrites it now, keeping size and modification time
        path.write_text(changed, encoding="utf-8")
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        return data

    with monkeypatch.context() as m:
        m.setattr(native, "read_bytes", read_then_rewritten)
        during = bulk_read(path, monkeypatch)
    assert os.path.exists(bulk.cache_path(str(path)))  # written from the version read
    assert during.event("e0000000").title == "Protest 0"  # the version read, whole
    later = bulk_read(path, monkeypatch)
    assert later.event("e0000000").title == "Protext 0"  # the file as it is: not the cache of the read
    assert bulk_read(path, monkeypatch).event("e0000000").title == "Protext 0"


def test_file_identity_tells_a_version_cut_or_replaced_from_the_one_read(tmp_path):
    from viewer.io.regular import file_identity

    path = tmp_path / "big.timeline.json"
    path.write_bytes(b"x" * 1000)
    read = file_identity(path)
    assert read is not None and file_identity(path) == read  # nothing changed: the same
    with open(path, "r+b") as fh:
        fh.truncate(500)  # cut in half in place
    assert file_identity(path) != read
    cut = file_identity(path)
    other = tmp_path / "new.tmp"
    other.write_bytes(b"x" * 500)
    os.replace(other, path)  # an editor's save: a new file renamed over it, same size
    assert file_identity(path) != cut
    path.unlink()
    assert file_identity(path) is None  # gone: never raises
