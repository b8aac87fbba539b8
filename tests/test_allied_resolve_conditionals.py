"""The bundled timeline shows a conditional or a plan as the article words it (a new user's report, honest5):
the title "Le Drian: new Normandy round a “good sign”" dropped the article's "would be", and the US sources' claim
was dated by "Washington’s current intelligence assessments", no date phrase at all, while its basis reads the
present perfect ("has gathered").  What the user sees: the titles on the chart and the date's phrase in the pane."""

import re
from pathlib import Path

import pytest

from viewer.io import read_timeline

ARTICLE = Path(__file__).parent / "data" / "articles" / "allied-resolve-2022.txt"
CONDITIONAL = re.compile(r"\b(?:would|could|might|will|may|should|to be)\b", re.I)
"""What keeps a title in the conditional or the future ("would be", headline "to be")."""


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def test_le_drian_title_keeps_the_conditional(tl):
    assert tl.event("le-drian-good-sign").title == "Le Drian: new Normandy round would be a “good sign”"


def test_a_remark_in_the_conditional_is_titled_in_the_conditional(tl):
    """Every event whose quotes say what would be (and is no plan, which says "due") keeps the conditional."""
    for ev in tl.events:
        if tl.is_planned(ev):
            continue
        words = " ".join(q.text + " " + q.attribution for q in ev.quotes)
        if re.search(r"\bwould be\b", words):
            assert CONDITIONAL.search(ev.title), (ev.id, ev.title)


def test_the_us_sources_claim_is_dated_by_its_verb_as_the_basis_says():
    from viewer.app import bundled_timeline_path

    ev = read_timeline(bundled_timeline_path()).event("us-intel-70-percent")
    assert ev.start.phrase == "has gathered"  # was "Washington’s current intelligence assessments"
    assert "present perfect" in ev.start.basis
    assert ev.start.phrase in ARTICLE.read_text(encoding="utf-8")
