"""The collection window's banner said same-instant stacks were not counted in density
strips while a strip said "25 on Thu 10 Feb 2022": a strip of a track whose events the store
sent (fewer than the window's cap) names its largest stacks; one the store counts does not.
The banner now says which, and hovering a stack's label says what it counts and what
"around" means (dates known only to within some days, marked at the middle)."""

import pytest

from viewer.io.registry import write_timeline
from viewer.model.dates import EventDate
from viewer.model.timeline import Event, EventKind, Timeline, Track

from .collection_windows import shown_collection

pytest.importorskip("duckdb")


@pytest.fixture
def stacked(tmp_path):
    """One track of 1,560 events over 2022, too many to draw one by one at 1366 px but loaded
    (under the cap of 5,000): 40 more dated 10 Feb 2022, 30 more 'about 1 May 2022' (± a day)."""
    events = [Event(f"e{i}", f"Event {i}", EventDate(
        f"2022-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:30Z"),
                    "t") for i in range(1500)]
    events += [Event(f"feb{i}", f"February {i}", EventDate("2022-02-10"), "t") for i in range(40)]
    events += [Event(f"may{i}", f"May {i}", EventDate("2022-05-01~"), "t") for i in range(30)]
    path = tmp_path / "stacked.parquet"
    assert write_timeline(Timeline("Stacked", tracks=(Track("t", "Track"),), events=tuple(events)), path) == []
    return path


def test_the_banner_and_the_strips_agree_and_a_stack_says_what_it_counts(qtbot, stacked):
    w = shown_collection(qtbot, stacked, size=(1366, 768))
    w.view.show_extent(*w.store.extent())
    assert w.wait_drawn(20.0)
    qtbot.waitUntil(lambda: (w.view.events_item.update(), len(w.view.events_item.drawn_stack_labels) >= 2)[1],
                    timeout=10000)
    labels = w.view.events_item.drawn_stack_labels
    assert any(t.startswith("40 on Thu 10 Feb 2022") for t in labels), labels
    assert any(t.startswith("30 around Sun 1 May 2022") for t in labels), labels
    banner = w.banner.text()
    # the banner no longer says strips never count stacks: it says which strips do
    assert "counts of same-instant stacks in density strips" not in banner, banner
    assert "name their largest stacks" in banner, banner
    rects = dict(w.view.events_item.drawn_stack_rects)
    around = next(t for t in rects if " around " in t)
    on = next(t for t in rects if " on " in t)
    tip_around = w.view.hovered_title(rects[around].center())
    tip_on = w.view.hovered_title(rects[on].center())
    assert tip_around.startswith(around) and "around: dated only to within some days" in tip_around, tip_around
    assert "40 events of this track dated to this day" in tip_on, tip_on


def test_the_banner_says_the_overview_does_not_draw_long_spans(qtbot, tmp_path):
    """The overview is the store's counts at each event's marker: a span of months was one
    tick at its start, where the main window's overview draws a bar along it, unsaid."""
    events = (Event("war", "A long war", EventDate("2022-02-24"), "t", EventKind.SPAN, EventDate("2022-11-11")),
              Event("a", "A day", EventDate("2022-03-01"), "t"))
    path = tmp_path / "spans.parquet"
    assert write_timeline(Timeline("Spans", tracks=(Track("t", "Track"),), events=events), path) == []
    w = shown_collection(qtbot, path, size=(1366, 768))
    assert "long spans in the overview (it counts each event at its marker, a span at its start)" in w.banner.text()
