"""Editing commands without Qt: apply, undo, redo, refusals with the reader's
messages, columns kept equal to a rebuild, and undo-all giving back the
original timeline exactly (hypothesis)."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.io.native import read_native, timeline_to_dict, write_native
from viewer.io.native_rules import NATIVE_RULES
from viewer.model import commands as C
from viewer.model.columns import EventColumns
from viewer.model.dates import EventDate
from viewer.model.editing import EditError, EditStack
from viewer.model.story import Story, StoryStep
from viewer.model.timeline import Event, EventKind, Quote, QuoteKind, Source, SourceKind, Timeline, Track

_ROW_ARRAYS = ("event_index", "lane", "kind", "flags", "lane_bounds", "time_order", "xm_order")
_X_ARRAYS = ("x0", "x1", "xm", "solid0", "solid1", "x1_cummax", "xm_sorted")
_EPOCH_ARRAYS = ("cal_start", "cal_end")  # epoch seconds, not relative to the origin


def assert_columns_rebuilt(timeline):
    """The document's incrementally-updated columns equal a fresh build."""
    a, b = timeline.columns, EventColumns.from_timeline(timeline)
    assert a.ids == b.ids
    assert a.band_count == b.band_count
    for name in _ROW_ARRAYS:
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    for name in _X_ARRAYS:  # same epoch values (the document keeps its origin)
        assert np.array_equal(getattr(a, name) + a.origin_epoch_s, getattr(b, name) + b.origin_epoch_s,
                              equal_nan=True), name
    for name in _EPOCH_ARRAYS:
        assert np.array_equal(getattr(a, name), getattr(b, name), equal_nan=True), name


def small_timeline() -> Timeline:
    tracks = (Track("a", "Alpha", order=0), Track("b", "Bravo", order=1), Track("c", "Charlie", order=2))
    src = Source("s1", SourceKind.NEWS_ARTICLE, "Daily")
    events = (
        Event("e1", "First", EventDate("2022-02-10"), track="a", sources=("s1",)),
        Event("e2", "Second", EventDate("2022-02-10T12:00:00Z"), track="b"),
        Event("e3", "Third", EventDate("2022-02-12"), track="a", kind=EventKind.SPAN,
              end=EventDate("2022-02-20")),
        Event("e4", "Fourth", EventDate("2022-02-11?"), track="c",
              quotes=(Quote("We will.", "Ann", source="s1"),)),
        Event("band", "Drills", EventDate("2022-02-10"), kind=EventKind.BAND, end=EventDate("2022-02-20")),
        *(Event(f"x{k}", f"Extra {k}", EventDate(_DATES[k % len(_DATES)]), track="abc"[k % 3],
                kind=EventKind.SPAN if k % 4 == 0 else EventKind.POINT,
                end=EventDate(f"2022-03-{10 + k:02d}") if k % 4 == 0 else None) for k in range(9)),
    )
    return Timeline("Test", tracks, events, (src,), reference_date=EventDate("2022-02-15"),
                    stories=(Story("S", (StoryStep("e1"),)),))


def test_move_undo_redo_names_and_columns():
    tl = small_timeline()
    stack = EditStack(tl, NATIVE_RULES)
    ev = stack.timeline.event("e2")
    stack.push(C.move_event(ev, EventDate("2022-02-18T09:00:00Z")))
    assert stack.undo_text() == "Move 'Second'"
    assert stack.timeline.event("e2").start.edtf == "2022-02-18T09:00:00Z"
    assert stack.modified
    assert_columns_rebuilt(stack.timeline)
    stack.undo()
    assert stack.timeline.event("e2").start.edtf == "2022-02-10T12:00:00Z"
    assert not stack.modified
    assert_columns_rebuilt(stack.timeline)
    stack.redo()
    assert stack.timeline.event("e2").start.edtf == "2022-02-18T09:00:00Z"
    assert tl.event("e2").start.edtf == "2022-02-10T12:00:00Z"  # the loaded timeline is not changed


@pytest.mark.parametrize("change, message", [
    (dict(end=EventDate("2022-02-01")), "ends before it starts"),
    (dict(track="zulu"), "unknown track 'zulu'"),
    (dict(kind=EventKind.POINT), "a point has no end"),
    (dict(sources=("nope",)), "unknown source 'nope'"),
])
def test_bad_edit_is_refused_with_the_readers_message(change, message):
    stack = EditStack(small_timeline(), NATIVE_RULES)
    before = timeline_to_dict(stack.timeline)
    ev = stack.timeline.event("e3")
    with pytest.raises(EditError) as info:
        stack.push(C.UpdateEvent("e3", replace(ev, **change)))
    assert message in str(info.value)
    assert "event 'e3'" in info.value.problems[0].location
    assert timeline_to_dict(stack.timeline) == before
    assert not stack.can_undo()


def test_remove_event_in_a_story_is_refused_and_track_removal_says_what_happens():
    stack = EditStack(small_timeline(), NATIVE_RULES)
    with pytest.raises(EditError, match="step 1 of story 'S'"):
        stack.push(C.RemoveEvent("e1"))
    cmd = C.remove_track(stack.document, "c", move_to="b")
    assert cmd.text == "Delete track 'Charlie' (4 events moved to 'b')"
    stack.push(cmd)
    assert stack.timeline.event("e4").track == "b"
    assert [t.id for t in stack.timeline.tracks] == ["a", "b"]
    assert_columns_rebuilt(stack.timeline)
    stack.undo()
    assert timeline_to_dict(stack.timeline) == timeline_to_dict(small_timeline())


def test_new_event_with_duplicate_id_is_refused():
    stack = EditStack(small_timeline(), NATIVE_RULES)
    with pytest.raises(EditError, match="duplicate event id 'e1'"):
        stack.push(C.AddEvent(Event("e1", "Again", EventDate("2022-02-10"), track="a")))


_DATES = ["2022-02-09", "2022-02-10", "2022-02-10T08:30:00Z", "2022-02-13~", "2022-02?", "2022-02-14T10:00:00Z",
          "2022-02-10", "2022-02-25", "2022-03-01T00:00:00Z"]

command_choice = st.tuples(st.integers(0, 9), st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1000))


def _command(doc, choice):
    op, a, b, c = choice
    tl = doc.timeline
    n = len(tl.events)
    ev = tl.events[a % n] if n else None
    tracks = [t.id for t in tl.tracks]
    date = EventDate(_DATES[b % len(_DATES)])
    if op in (0, 1) and ev is not None:
        if ev.kind == EventKind.POINT:
            return C.move_event(ev, date)
        return C.resize_event(ev, start=date)
    if op == 2 and ev is not None and ev.kind != EventKind.BAND:
        return C.UpdateEvent(ev.id, replace(ev, track=tracks[c % len(tracks)]), "Move")
    if op == 3:
        kind = [EventKind.POINT, EventKind.SPAN, EventKind.BAND][c % 3]
        end = None if kind == EventKind.POINT else EventDate(["..", "2022-03-02", "2022-03-05T00:00:00Z"][b % 3])
        new = Event(C.new_id(doc.has_event, f"new {a}"), f"New {a}", date,
                    track="" if kind == EventKind.BAND else tracks[c % len(tracks)], kind=kind, end=end)
        return C.AddEvent(new, index=(b % (n + 1)))
    if op == 4 and ev is not None:
        return C.RemoveEvent(ev.id, ev.title)
    if op == 5 and ev is not None:
        return C.add_quote(ev, Quote(f"Words {b}", "Someone", kind=[*QuoteKind][c % 2]))
    if op == 6:
        return C.AddTrack(Track(C.new_id(set(tracks), f"track {a}"), f"Track {a}", order=len(tracks) + a % 2))
    if op == 7:
        order = list(tracks)
        order.insert(b % len(order), order.pop(a % len(order)))
        return C.ReorderTracks(order)
    if op == 8:
        return C.AddSource(Source(C.new_id(tl.source_index, f"src {a}"), SourceKind.OTHER, f"Outlet {a}"))
    if op == 9 and ev is not None:
        return C.UpdateEvent(ev.id, replace(ev, title=f"Retitled {b}", summary="changed"))
    return C.UpdateTimeline(title=f"Title {a}")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(command_choice, min_size=1, max_size=25))
def test_random_commands_then_undo_all_gives_back_the_original(choices):
    original = small_timeline()
    before = timeline_to_dict(original)
    stack = EditStack(original, NATIVE_RULES)
    columns_before = EventColumns.from_timeline(original)
    for choice in choices:
        try:
            stack.push(_command(stack.document, choice))
        except EditError:
            pass  # refused: nothing changed (checked by the comparison below)
        assert_columns_rebuilt(stack.timeline)
    while stack.can_undo():
        stack.undo()
    assert timeline_to_dict(stack.timeline) == before
    after = stack.timeline.columns
    assert after.ids == columns_before.ids
    for name in (*_ROW_ARRAYS, *_X_ARRAYS, *_EPOCH_ARRAYS):
        assert np.array_equal(getattr(after, name), getattr(columns_before, name), equal_nan=True), name


def test_lazy_large_file_move_keeps_columns_and_facts(tmp_path):
    from viewer.model.synthetic import synthetic_timeline

    path = tmp_path / "big.timeline.json"
    synthetic_timeline(5000, seed=3).write_native(str(path))
    tl = read_native(path)
    assert type(tl.events).__name__ == "LazyEvents"
    stack = EditStack(tl, NATIVE_RULES)
    ev = stack.timeline.event("e0000042")
    stack.push(C.move_event(ev, EventDate("2022-12-31T23:00:00Z")))
    stack.push(C.UpdateEvent("e0000100", replace(stack.timeline.event("e0000100"), track="t05")))
    stack.push(C.RemoveEvent("e0000007"))
    stack.push(C.AddEvent(Event("new", "New", EventDate("2022-06-01"), track="t01")))
    assert_columns_rebuilt(stack.timeline)
    facts = stack.timeline.events.facts
    assert facts.lane[stack.document.index_of("e0000100")] == 5
    assert facts.earliest[stack.document.index_of("e0000042")] == EventDate("2022-12-31T23:00:00Z").earliest
    for _ in range(4):
        stack.undo()
    assert_columns_rebuilt(stack.timeline)
    out = tmp_path / "out.timeline.json"
    write_native(stack.timeline, out)
    assert timeline_to_dict(read_native(out)) == timeline_to_dict(read_native(path))


def test_a_compound_adding_a_source_then_citing_it_is_applied_and_undone():
    from viewer.io.native_rules import NATIVE_RULES
    from viewer.model import commands as C
    from viewer.model.dates import EventDate
    from viewer.model.editing import Document
    from viewer.model.timeline import Event, Source, SourceKind, Timeline, Track

    ev = Event("e", "Council votes", EventDate("2026-12-14"), track="t")
    doc = Document(Timeline("T", tracks=(Track("t", "T"),), events=(ev,)), NATIVE_RULES)
    src = Source("s", SourceKind.NEWS_ARTICLE, "Council press office")
    cmd = C.Compound("Add source", [C.AddSource(src), C.UpdateEvent("e", Event(
        "e", "Council votes", EventDate("2026-12-14"), track="t", sources=("s",)))])
    doc.apply(cmd)
    assert doc.timeline.event("e").sources == ("s",) and doc.timeline.sources == (src,)
    doc.revert(cmd)
    assert doc.timeline.event("e").sources == () and doc.timeline.sources == ()


def test_a_new_event_is_renamed_by_its_first_title_only_while_its_id_is_provisional_and_unnamed():
    from viewer.model.editing import Document

    new = Event("new-event", "New event", EventDate("2022-02-10"), track="t")
    span = Event("drills", "Drills", EventDate("2022-02-01"), track="t", kind=EventKind.SPAN,
                 end=EventDate("[2022-02-10..]", basis="announced end: event id new-event"))
    tl = Timeline("T", tracks=(Track("t", "T"),), events=(new,))
    titled = replace(new, title="Drills end")
    doc = Document(tl, NATIVE_RULES)
    assert isinstance(C.retitle_new_event(doc, new, titled, {"new-event"}), C.Compound)
    assert isinstance(C.retitle_new_event(doc, new, titled, set()), C.UpdateEvent)  # saved or linked: kept
    linked = Document(replace(tl, events=(new, span)), NATIVE_RULES)
    assert isinstance(C.retitle_new_event(linked, new, titled, {"new-event"}), C.UpdateEvent)  # another names it


@pytest.mark.parametrize("title, words", [
    ("Truss arrives in Moscow", "truss-arrives-in-moscow"),
    ("اجتماع في موسكو", "اجتماع-في-موسكو"),
    ("Встреча в Москве", "встреча-в-москве"),
    ("Élysée talks", "elysee-talks"),
    ("\u202eevil\u202c", "evil"),  # a direction control is no letter
    ("!!!", ""),
])
def test_id_words_keep_the_letters_of_any_script(title, words):
    assert C.id_words(title) == words
