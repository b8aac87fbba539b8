"""The story shipped with the Allied Resolve-2022 timeline tells the ten days, from the article only."""

import re
from pathlib import Path

import pytest

from viewer.io import read_timeline

ARTICLE = Path(__file__).parent / "data" / "articles" / "allied-resolve-2022.txt"


@pytest.fixture(scope="module")
def story():
    from viewer.app import bundled_timeline_path

    tl = read_timeline(bundled_timeline_path())
    assert len(tl.stories) == 1
    return tl, tl.stories[0]


def test_the_story_walks_buildup_start_diplomacy_end_in_order(story):
    tl, s = story
    ids = [step.event for step in s.steps]
    order = ["stoltenberg-largest-deployment", "us-alarm", "peskov-unprecedented-threats", "drills-begin",
             "berlin-advisers-meeting", "johnson-stoltenberg-brussels", "truss-arrives-moscow",
             "le-drian-good-sign", "lavrov-lowest-level", "drills-end"]
    for eid in order:
        assert eid in ids, eid
    pos = {eid: ids.index(eid) for eid in order}
    buildup = [pos[e] for e in order[:3]]
    tenth = [pos[e] for e in order[4:9]]
    assert max(buildup) < pos["drills-begin"] < min(tenth) and max(tenth) < pos["drills-end"]
    assert ids[-1] == "drills-end"


def test_every_step_window_contains_its_event(story):
    tl, s = story
    cols = tl.columns
    for step in s.steps:
        a, b = step.window
        row = cols.row_of(step.event)
        if cols.kind[row] == 0:  # a point: its marker
            assert a < cols.origin_epoch_s + cols.xm[row] < b, step.event
        else:  # a span (from an unstated start): its end is in view
            assert a < cols.origin_epoch_s + cols.known_extent(row)[1] <= b, step.event
        if step.tracks:
            assert tl.event(step.event).track in step.tracks


def test_notes_quote_the_article_verbatim(story):
    _, s = story
    article = ARTICLE.read_text(encoding="utf-8")
    for step in s.steps:
        assert step.note, f"step {step.event} has no presenter note"
        for quoted in re.findall(r"“([^”]+)”", step.note):
            assert quoted.rstrip(",.") in article, quoted
        for number in re.findall(r"\d[\d,]*", step.note):
            assert number in article or number in ("3", "10", "20"), number
