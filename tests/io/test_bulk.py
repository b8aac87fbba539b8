"""Large native files: the bulk reader gives what the full reader gives, its
cache follows the file, and bad files get the full reader's messages."""

import hashlib
import io
import json
import os
import threading

import numpy as np
import pytest

from viewer.io import bulk, cache, native
from viewer.model.errors import TimelineLoadError
from viewer.model.synthetic import synthetic_timeline
from viewer.model.timeline import LazyEvents

RICH = [
    {"id": "band-1", "kind": "band", "title": "Exercise", "start": "2022-02-10", "end": "2022-02-20"},
    {"id": "quoted", "track": "t01", "title": "Said", "start": {"edtf": "2022-03-04", "phrase": "on Friday",
     "basis": "publication Fri"}, "quotes": [{"text": "words", "speaker": "A", "source": "src"}],
     "sources": ["src"], "tags": ["x"]},
    {"id": "local", "track": "t02", "title": "Local time", "start": {"edtf": "2022-05-01T14:00:00",
     "time_zone": "Europe/Minsk", "precision": "hour"}},
    {"id": "open-span", "kind": "span", "track": "t03", "title": "Since 2014", "start": "..", "end": "2022-06"},
    {"id": "qualified", "track": "t04", "title": "Maybe", "start": "2022-07-01?"},
    {"id": "before", "track": "t04", "title": "Before", "start": "[..2022-07-05]"},
    {"id": "utc-local", "track": "t05", "title": "No offset", "start": "2022-08-01T10:00:00"},
]


def write_file(path, n=6000, extra=(), edit=None):
    syn = synthetic_timeline(n, seed=4)
    doc = {"format": "timeline-viewer", "version": 1, "title": "Big", "time_zone": "Europe/Kyiv",
           "reference_date": "2022-02-10",
           "tracks": [{"id": f"t{k:02d}", "label": f"Track {k}", "order": 19 - k} for k in range(20)],
           "sources": [{"id": "src", "kind": "news_article", "outlet": "Paper"}],
           "events": list(syn.native_events()) + list(extra)}
    if edit:
        edit(doc)
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    path.write_text(text, encoding="utf-8")
    return text


def full_read(path, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(native, "BULK_MIN_BYTES", 10**12)
        return native.read_native(path)


def bulk_read(path, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(native, "BULK_MIN_BYTES", 0)
        return native.read_native(path)


def assert_same(a, b):
    ca, cb = a.columns, b.columns
    assert ca.ids == cb.ids
    for name in ("event_index", "lane", "kind", "x0", "x1", "xm", "solid0", "solid1", "flags",
                 "lane_bounds", "x1_cummax", "time_order", "xm_order"):
        assert np.array_equal(getattr(ca, name), getattr(cb, name)), name
    assert ca.origin_epoch_s == cb.origin_epoch_s
    assert list(a.events) == list(b.events)
    assert (a.title, a.tracks, a.sources, a.reference_date, a.time_zone) == \
        (b.title, b.tracks, b.sources, b.reference_date, b.time_zone)
    assert a.finite_extent() == b.finite_extent()


def test_bulk_reader_and_its_cache_equal_the_full_reader(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = tmp_path / "big.timeline.json"
    write_file(path, extra=RICH)
    full = full_read(path, monkeypatch)
    first = bulk_read(path, monkeypatch)
    assert isinstance(first.events, LazyEvents)
    assert os.path.exists(bulk.cache_path(str(path)))
    cached = bulk_read(path, monkeypatch)
    for tl in (first, cached):
        assert_same(tl, full)
        assert tl.event("quoted").quotes[0].text == "words"
        assert tl.has_event("local") and not tl.has_event("nope")


def test_a_changed_file_is_never_read_from_a_stale_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = tmp_path / "big.timeline.json"
    text = write_file(path)
    bulk_read(path, monkeypatch)
    stat = path.stat()
    # same size and modification time, one title changed
    changed = text.replace('"Protest 0"', '"Protext 0"', 1)
    assert len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert bulk_read(path, monkeypatch).event("e0000000").title == "Protext 0"


def test_a_corrupt_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = tmp_path / "big.timeline.json"
    write_file(path)
    bulk_read(path, monkeypatch)
    with open(bulk.cache_path(str(path)), "r+b") as fh:
        fh.truncate(1000)
    assert len(bulk_read(path, monkeypatch).events) == 6000


@pytest.mark.parametrize("edit, words", [
    (lambda d: d["events"].append(dict(d["events"][5])), "duplicate event id 'e0000005'"),
    (lambda d: d["events"][7].update(track="nowhere"), "unknown track 'nowhere'"),
    (lambda d: d["events"][9].update(start="2021-02-29"), "not a day of the calendar"),
    (lambda d: d["events"][11].update(kind="span", end="2020-01-01"), "ends before it starts"),
    (lambda d: d["events"][13].update(colour="red"), "unknown field 'colour'"),
    (lambda d: d["events"][15].update(start=".."), "'..' (open, not stated) is only allowed"),
])
def test_problems_in_a_large_file_get_the_full_readers_report(tmp_path, monkeypatch, edit, words):
    path = tmp_path / "bad.timeline.json"
    write_file(path, edit=edit)
    with pytest.raises(TimelineLoadError) as info:
        bulk_read(path, monkeypatch)
    report = info.value.full_report()
    assert words in report
    assert "line " in report
    assert not os.path.exists(bulk.cache_path(str(path)))


def test_lazy_time_zones_equal_the_built_events_zones(tmp_path, monkeypatch):
    # the zone picker reads these instead of building thousands of events at start
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = tmp_path / "big.timeline.json"
    write_file(path, extra=RICH)
    full = full_read(path, monkeypatch)
    for tl in (bulk_read(path, monkeypatch), bulk_read(path, monkeypatch)):  # fast path, then cache
        events = tl.events
        for k in list(range(50)) + list(range(len(events) - len(RICH), len(events))):
            ev = full.events[k]
            want = tuple(d.time_zone for d in (ev.start, ev.end) if d is not None and d.time_zone)
            assert events.time_zones(k) == want, ev.id
        zones = {z for k in range(len(events) - len(RICH), len(events)) for z in events.time_zones(k)}
        assert zones == {"Europe/Minsk", "Europe/Kyiv"}


# ---------------------------------------------------------------------------
# the cache lives in the per-user cache folder and is never trusted blindly


def cached_read(path, monkeypatch):
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    return bulk_read(path, monkeypatch)


def test_nothing_is_written_next_to_the_file_and_a_link_at_the_old_cache_name_is_left_alone(tmp_path, monkeypatch):
    path = tmp_path / "big.timeline.json"
    write_file(path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / ".big.timeline.json.tvcache").symlink_to(victim)  # the cache's old place
    before = sorted(os.listdir(tmp_path))
    for _ in range(2):
        assert len(cached_read(path, monkeypatch).events) == 6000
    assert victim.read_text() == "precious"
    assert sorted(os.listdir(tmp_path)) == before
    target = bulk.cache_path(str(path))
    assert os.path.dirname(target) == os.environ[cache.CACHE_DIR_ENV]
    assert os.path.isfile(target) and (os.stat(target).st_mode & 0o777) == 0o600


def test_a_link_at_the_cache_name_is_replaced_not_followed(tmp_path, monkeypatch):
    path = tmp_path / "big.timeline.json"
    write_file(path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    target = bulk.cache_path(str(path))
    os.symlink(victim, target)
    assert cached_read(path, monkeypatch).event("e0000000").title == "Protest 0"
    assert victim.read_text() == "precious"
    assert not os.path.islink(target)  # the link was replaced by a real cache
    assert cached_read(path, monkeypatch).event("e0000000").title == "Protest 0"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_at_the_cache_name_does_not_hang_the_reader(tmp_path, monkeypatch):
    path = tmp_path / "big.timeline.json"
    write_file(path)
    target = bulk.cache_path(str(path))
    os.mkfifo(target)
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 10**9)  # the pipe stays: only reading is tried
    result = []
    worker = threading.Thread(target=lambda: result.append(bulk_read(path, monkeypatch)), daemon=True)
    worker.start()
    worker.join(30)
    if worker.is_alive():  # free the stuck reader before failing
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
    assert not worker.is_alive(), "reading hung on a named pipe at the cache name"
    assert len(result[0].events) == 6000


def _rewrite_payload(target, change):
    raw = open_bytes(target)
    head, payload = raw[:cache._HEADER], raw[cache._HEADER:]
    with np.load(io.BytesIO(payload), allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    change(arrays)
    out = io.BytesIO()
    np.savez(out, **arrays)
    return head, out.getvalue()


def open_bytes(target):
    with open(target, "rb") as fh:
        return fh.read()


def test_a_tampered_cache_with_the_right_file_hash_is_rebuilt(tmp_path, monkeypatch):
    path = tmp_path / "big.timeline.json"
    write_file(path)
    full = full_read(path, monkeypatch)
    cached_read(path, monkeypatch)
    target = bulk.cache_path(str(path))

    def forge(arrays):  # other content under the file's own hash
        info = json.loads(arrays["info"].tobytes())
        info["doc"]["title"] = "Forged"
        arrays["info"] = np.frombuffer(json.dumps(info).encode(), dtype=np.uint8)
        arrays["spans"] = arrays["spans"][::-1].copy()

    head, forged = _rewrite_payload(target, forge)
    for raw in (head + forged,  # the old checksum: caught by it
                # a checksum made for the forgery: caught by the arrays not fitting together
                cache._MAGIC + hashlib.sha256(forged).hexdigest().encode() + forged):
        with open(target, "wb") as fh:
            fh.write(raw)
        tl = cached_read(path, monkeypatch)
        assert tl.title == "Big"
        assert_same(tl, full)
        assert open_bytes(target) != raw  # rebuilt


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_cache_folder_that_is_a_link_or_writable_by_others_is_not_used(tmp_path, monkeypatch):
    path = tmp_path / "big.timeline.json"
    write_file(path)
    real = tmp_path / "elsewhere"
    real.mkdir(mode=0o700)
    link = tmp_path / "cache-link"
    link.symlink_to(real)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    for folder in (link, shared):
        monkeypatch.setenv(cache.CACHE_DIR_ENV, str(folder))
        assert len(cached_read(path, monkeypatch).events) == 6000  # read all the same, without a cache
        assert os.listdir(real) == [] and os.listdir(shared) == []
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "new" / "cache"))
    cached_read(path, monkeypatch)
    assert (os.stat(tmp_path / "new" / "cache").st_mode & 0o777) == 0o700  # created private
    assert len(os.listdir(tmp_path / "new" / "cache")) == 1


def _info(arrays, change):
    info = json.loads(arrays["info"].tobytes())
    change(info)
    arrays["info"] = np.frombuffer(json.dumps(info).encode(), dtype=np.uint8)


def _set(name, k, value):
    def change(arrays):
        a = arrays[name].copy()
        a[k] = value
        arrays[name] = a
    return change


FORGERIES = {  # what a hostile tester wrote into a cache, with a valid checksum
    "band_count past the rows": lambda a: _info(a, lambda i: i.update(band_count=10**6)),
    "no tracks": lambda a: _info(a, lambda i: i["doc"].update(tracks=[])),
    "another title": lambda a: _info(a, lambda i: i["doc"].update(title="Forged")),
    "a track relabelled": lambda a: _info(a, lambda i: i["doc"]["tracks"][0].update(label="Forged")),
    "another time zone": lambda a: _info(a, lambda i: i.update(zone="Asia/Tokyo")),
    "lane 999": _set("lane", -1, 999),
    "facts lane 999": _set("facts_lane", 0, 999),
    "NaN x0": _set("x0", 5, np.nan),
    "inf x0": _set("x0", 5, np.inf),
    "-inf x0 of a point": _set("x0", -1, -np.inf),
    "NaN xm": _set("xm", 5, np.nan),
    "time_order all zeros": lambda a: a.update(time_order=np.zeros_like(a["time_order"])),
    "xm_order reversed": lambda a: a.update(xm_order=a["xm_order"][::-1].copy()),
    "event_index repeated": _set("event_index", 1, 0),
    "rich past the events": lambda a: a.update(facts_rich=np.array([10**7])),
}


@pytest.mark.parametrize("name", FORGERIES)
def test_a_forged_cache_with_a_valid_checksum_is_rebuilt_not_drawn(tmp_path, monkeypatch, capsys, name):
    """Issue 10: a cache rewritten by the same user (checksum and all) must be
    range-checked against the file: a forgery is rebuilt, never drawn or crashed on."""
    from viewer.app import main

    path = tmp_path / "big.timeline.json"
    write_file(path, extra=RICH)
    reference = cached_read(path, monkeypatch)  # builds and writes the cache
    target = bulk.cache_path(str(path))
    _, forged = _rewrite_payload(target, FORGERIES[name])

    def plant():
        cache.write_checked(target, lambda fh: fh.write(forged))
        assert cache.read_checked(target).read() == forged  # the checksum holds: only the content can tell

    plant()
    tl = cached_read(path, monkeypatch)
    assert_same(tl, reference)
    assert tl.columns.band_count == reference.columns.band_count
    for field in ("lane", "earliest", "latest", "rich"):
        assert np.array_equal(getattr(tl.events.facts, field), getattr(reference.events.facts, field)), field
    assert open_bytes(target)[cache._HEADER:] != forged  # rebuilt
    plant()  # and the window draws the file, not the forgery
    monkeypatch.setattr(native, "BULK_MIN_BYTES", 0)
    out = tmp_path / "shot.png"
    assert main([str(path), "--screenshot", str(out), "--size", "900x600"]) == 0, capsys.readouterr().err
    assert out.stat().st_size > 0 and open_bytes(target)[cache._HEADER:] != forged


def test_a_cache_read_a_few_ids_at_a_time_equals_the_file_and_still_refuses_a_repeated_id(tmp_path, monkeypatch):
    """The cache's ids are split and checked a slice at a time (so a read in a background
    thread lets the window answer between slices): with slices of 7 ids the cached
    timeline is the file's, and an id repeated in another slice is still caught."""
    monkeypatch.setattr(bulk, "SLICE_ITEMS", 7)
    path = tmp_path / "big.timeline.json"
    write_file(path, extra=RICH)
    full = full_read(path, monkeypatch)
    cached_read(path, monkeypatch)
    assert_same(cached_read(path, monkeypatch), full)
    target = bulk.cache_path(str(path))

    def repeat(arrays):  # the last id made the first one's, far from it
        ids = arrays["ids"].tobytes().decode().split("\n")
        ids[-1] = ids[0]
        arrays["ids"] = np.frombuffer("\n".join(ids).encode(), dtype=np.uint8)

    _head, forged = _rewrite_payload(target, repeat)
    with open(target, "wb") as fh:
        fh.write(cache._MAGIC + hashlib.sha256(forged).hexdigest().encode() + forged)
    assert_same(cached_read(path, monkeypatch), full)
    assert open_bytes(target) != cache._MAGIC + hashlib.sha256(forged).hexdigest().encode() + forged  # rebuilt
    for blob in ("a", "a\nb", "a\nb\n", "\n", "a\n\nb", "\n".join(f"id-{k}" * (k % 5) for k in range(100)) + "\n"):
        assert bulk._lines(blob) == blob.split("\n")


def test_the_surrogate_check_and_the_offsets_in_slices_equal_the_whole(monkeypatch):
    """The fast reader's surrogate-escape search and its offsets array are made a slice at a time
    (so a background opening lets the window answer); small slices give the same answers, an
    escape across a slice boundary included."""
    import numpy as np

    from viewer.io import bulk

    monkeypatch.setattr(bulk, "_SLICE", 10)
    monkeypatch.setattr(bulk, "_ITEMS", 7)
    for k in range(0, 30):
        assert bulk._has_lone_surrogate_escape("x" * k + "\\uDC00" + "y" * 5), k
        assert not bulk._has_lone_surrogate_escape("x" * k + "\\uD83D\\uDE00" + "y" * 5), k  # a pair: an emoji
        assert bulk._has_lone_surrogate_escape("x" * k + "\\uD83D\\uD83D\\uDE00" + "y" * 5), k
    assert not bulk._has_lone_surrogate_escape("x" * 40 + "\\u0041" + "y" * 40)
    values = list(range(0, 150, 3))
    assert bulk._int_array(values).tolist() == values and bulk._int_array(values).dtype == np.int64
