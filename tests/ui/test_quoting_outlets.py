"""Issue 10: present captions, the PDF deck and picture footnotes write
reported speech attributed (no quotation marks) and keep date qualifiers."""

import pypdf
import pytest

from viewer.io import read_timeline
from viewer.ui.export import sources_footnote
from viewer.ui.handout import export_pdf
from viewer.ui.present import PresentWindow

STOLTENBERG = "stoltenberg-largest-deployment"
WORDS = "Russia’s deployment into Belarus would be the largest ever since the Cold War"


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def _caption_of(qtbot, tl, event_id):
    pw = PresentWindow(tl, tl.stories[0], animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(1920, 1080)
    pw.show()
    qtbot.waitExposed(pw)
    pw.presentation.go_to([s.event for s in tl.stories[0].steps].index(event_id))
    qtbot.wait(20)
    pw.caption.repaint()
    return " ".join(" ".join(pw.caption.drawn_text()).split())


def test_present_caption_attributes_reported_speech_and_quotes_direct_speech(qtbot, tl):
    reported = _caption_of(qtbot, tl, STOLTENBERG)
    assert WORDS in reported  # the article's words, then who said it on its own line
    below = "air defense systems — Jens Stoltenberg, NATO Secretary-General (reported speech, not a quotation)"
    assert below in reported
    assert f"“{WORDS}" not in reported and "said that" not in reported
    direct = _caption_of(qtbot, tl, "lavrov-lowest-level")
    assert "“at their lowest level in recent years”" in direct and "— Sergey Lavrov" in direct


def test_pdf_deck_attributes_reported_speech(qtbot, tl, tmp_path):
    out = tmp_path / "deck.pdf"
    export_pdf(tl, tl.stories[0], out)
    texts = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(str(out)).pages]
    k = [s.event for s in tl.stories[0].steps].index(STOLTENBERG)
    assert "Jens Stoltenberg, NATO Secretary-General (reported speech, not a quotation)" in texts[1 + k]
    assert "said that" not in texts[1 + k]
    assert "“Russia’s deployment" not in texts[1 + k]
    assert "quotes are verbatim" not in texts[0]  # reported speech is the article's words
    assert "Thu 3 Feb 2022, uncertain" in texts[-1]  # the source's date keeps its qualifier


def test_picture_footnote_keeps_the_uncertainty_of_a_source_date(tl):
    i = [e.id for e in tl.events].index(STOLTENBERG)
    foot = sources_footnote(tl, [i])
    assert any("NATO Secretary-General Jens Stoltenberg, Thu 3 Feb 2022 (uncertain)" in line for line in foot), foot


def test_detail_pane_shows_reported_speech_without_quotation_marks(tl):
    from viewer.ui.detail_pane import event_html

    html = event_html(tl.event(STOLTENBERG), tl)
    assert WORDS in html and "Jens Stoltenberg, NATO Secretary-General" in html  # the words and their speaker
    assert "“Russia’s deployment" not in html
    assert "said that Russia" not in html  # the pane shows the article's words, not a sentence of the tool's
    assert "“at their lowest level in recent years”" in event_html(tl.event("lavrov-lowest-level"), tl)
