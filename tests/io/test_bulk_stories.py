"""A native file over the large-file threshold keeps its stories (and every other
top-level field) as a small file does: read, converted, read again from the cache.

Before, the fast reader (viewer.io.bulk) dropped ``stories`` silently: the
presenter showed "All events in time order", ``convert`` and File > Save wrote
the file without them."""

import dataclasses
import json

import pytest

from viewer.app import main
from viewer.io import bulk, native, read_timeline
from viewer.model.errors import TimelineLoadError
from viewer.model.synthetic import synthetic_timeline
from viewer.model.timeline import LazyEvents, Timeline

STORIES = [  # steps on events the fast reader reads whole (a quote, a band), as in the bundled timeline
    {"title": "Quoted", "description": "Two steps",
     "steps": [{"event": "quoted", "window": {"start": "2022-02-01", "end": "2022-02-21"},
                "tracks": ["t01"], "note": "A quote"},
               {"event": "band-1"}]},
    {"title": "D-day", "dday": "band:band-1", "steps": [{"event": "band-1", "note": "The band"}]},
]
PLAIN = [{"title": "Plain", "steps": [{"event": "e0000003", "note": "A plain event"}, {"event": "quoted"}]}]
RICH = [
    {"id": "band-1", "kind": "band", "title": "Exercise", "start": "2022-02-10", "end": "2022-02-20"},
    {"id": "quoted", "track": "t01", "title": "Said", "start": "2022-03-04",
     "quotes": [{"text": "words", "speaker": "A", "source": "src"}], "sources": ["src"]},
]


def big_doc(n=3000, stories=STORIES):
    """A document well over 256 KiB with stories and every optional top-level field."""
    syn = synthetic_timeline(n, seed=4)
    return {"format": "timeline-viewer", "version": 1, "title": "Big", "description": "About it",
            "time_zone": "Europe/Kyiv", "reference_date": "2022-02-10",
            "home": {"start": "2022-02-01", "end": "2022-02-28"},
            "tracks": [{"id": f"t{k:02d}", "label": f"Track {k}", "order": 19 - k} for k in range(20)],
            "sources": [{"id": "src", "kind": "news_article", "outlet": "Paper"}],
            "events": list(syn.native_events()) + RICH, "stories": stories}


def write(path, doc):
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    assert path.stat().st_size >= native.BULK_MIN_BYTES  # the real threshold, not a patched one
    return path


def full_read(path, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(native, "BULK_MIN_BYTES", 10**12)
        return native.read_native(path)


def fields_but_events(tl):
    return {f.name: getattr(tl, f.name) for f in dataclasses.fields(Timeline) if f.init and f.name != "events"}


@pytest.mark.parametrize("stories", [STORIES, PLAIN], ids=["on-rich-events", "on-plain-events"])
def test_a_large_file_is_read_with_its_stories_and_every_top_level_field(tmp_path, monkeypatch, stories):
    path = write(tmp_path / "big.timeline.json", big_doc(stories=stories))
    tl = read_timeline(path)
    assert isinstance(tl.events, LazyEvents)  # the fast reader, not the full one
    assert [s.title for s in tl.stories] == [s["title"] for s in stories]
    assert fields_but_events(tl) == fields_but_events(full_read(path, monkeypatch))


def test_convert_of_a_large_file_keeps_its_stories(tmp_path, capsys):
    path = write(tmp_path / "big.timeline.json", big_doc())
    out = tmp_path / "out.timeline.json"
    assert main(["convert", str(path), str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["stories"] == STORIES


@pytest.mark.parametrize("stories", [STORIES, PLAIN], ids=["on-rich-events", "on-plain-events"])
def test_a_second_opening_from_the_cache_keeps_the_stories(tmp_path, monkeypatch, stories):
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = write(tmp_path / "big.timeline.json", big_doc(stories=stories))
    first = read_timeline(path)

    def no_parsing(*args, **kwargs):
        raise AssertionError("the file was parsed again: its cache was not used")

    monkeypatch.setattr(bulk, "_read_text", no_parsing)
    again = read_timeline(path)
    assert isinstance(again.events, LazyEvents)
    assert again.stories == first.stories and [s.title for s in again.stories] == [s["title"] for s in stories]
    assert fields_but_events(again) == fields_but_events(first)


@pytest.mark.parametrize("bad, words", [
    ({"title": "Plain", "steps": [{"event": "e-missing"}]}, "story 'Plain', step 1: unknown event 'e-missing'"),
    ({"title": "Plain", "steps": [{"event": "e0000003", "window": {"start": "2022-03-01", "end": "2022-02-01"}}]},
     "story 'Plain', step 1: the window ends ('2022-02-01') before it starts ('2022-03-01')"),
])
def test_a_bad_story_in_a_large_file_gets_the_small_readers_message(tmp_path, bad, words):
    path = write(tmp_path / "big.timeline.json", big_doc(stories=[bad]))
    with pytest.raises(TimelineLoadError) as err:
        read_timeline(path)
    assert words in str(err.value)
