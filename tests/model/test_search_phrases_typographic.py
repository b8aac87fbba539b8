"""A phrase copied from an article comes in typographic marks (“at their lowest level”, „…“,
«…»): it was split into words with the marks glued on ('“at', 'level”') and found nothing; a
query of marks only said "0 matches" (break-it tester)."""

from __future__ import annotations

from viewer.app import bundled_timeline_path
from viewer.io import read_timeline
from viewer.model.search import parse_query, search


def test_typographic_marks_make_a_phrase_as_straight_ones_do():
    tl = read_timeline(bundled_timeline_path())
    want = search(tl, '"at their lowest level"')
    assert want
    for q in ("“at their lowest level”", "„at their lowest level“", "«at their lowest level»"):
        assert parse_query(q) == ["at their lowest level"] and search(tl, q) == want
    assert parse_query("“”") == [] and parse_query("«»") == []
    assert parse_query("Russia’s") == parse_query("Russia's")  # a single mark is an apostrophe
