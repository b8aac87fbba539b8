"""Editing other fields of an event with a quote never changes what the source said: the quote's
words (a no-break space, a line break as written), its attribution and its place in the article
come back exactly, and an edited title keeps the quotes and sources."""

from __future__ import annotations

from dataclasses import replace

from tests.ui.test_authoring import set_field, window  # noqa: F401 (the fixture)
from viewer.app import _load, bundled_timeline_path
from viewer.model.dates import EventDate
from viewer.model.timeline import Quote, QuoteKind

LAVROV = "lavrov-lowest-level"
WORDS = "au plus bas\u00a0: «\u00a0jamais\u00a0» vu\u2028depuis des années"  # French spacing, a line separator
ATTRIBUTION = "  said Lavrov, who noted "  # as the article runs it


def _timeline():
    tl = _load(bundled_timeline_path())
    q = Quote(WORDS, "Sergey Lavrov", "Russian Foreign Minister", "article", ATTRIBUTION, QuoteKind.DIRECT,
              offsets=(120, 120 + len(WORDS)))
    events = tuple(replace(e, quotes=(q,), summary="Summary with\u00a0a no-break space.") if e.id == LAVROV
                   else e for e in tl.events)
    return replace(tl, events=events)


def test_editing_the_speaker_leaves_the_quotes_words_attribution_and_offsets_as_the_source_gave_them(
        qtbot, window):  # noqa: F811
    w = window(_timeline())
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = LAVROV
    before = w.timeline.event(LAVROV).quotes[0]
    set_field(w, "q_speaker", "Sergei Lavrov")
    after = w.timeline.event(LAVROV).quotes[0]
    assert after.speaker == "Sergei Lavrov"
    assert after.text == WORDS  # was "au plus bas : « jamais » vu\ndepuis des années"
    assert after.attribution == ATTRIBUTION and after.offsets == before.offsets
    assert after == replace(before, speaker="Sergei Lavrov")


def test_leaving_the_quote_and_summary_boxes_unchanged_changes_nothing(qtbot, window):  # noqa: F811
    w = window(_timeline())
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = LAVROV
    before = w.timeline.event(LAVROV)
    depth = w.authoring.undo_stack.count()
    w.edit_form.fields["q_text"].sigCommit.emit()  # the focus left the box: nothing typed
    w.edit_form.fields["summary"].sigCommit.emit()
    assert w.timeline.event(LAVROV) == before and w.authoring.undo_stack.count() == depth


def test_new_words_typed_into_a_quote_lose_the_offsets_of_the_old_ones(qtbot, window):  # noqa: F811
    w = window(_timeline())
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = LAVROV
    w.edit_form.fields["q_text"].set_text("at their lowest level")
    w.edit_form.fields["q_text"].sigCommit.emit()
    q = w.timeline.event(LAVROV).quotes[0]
    assert q.text == "at their lowest level" and q.offsets is None  # no longer the article's [120:...]


def test_an_edited_title_keeps_the_quotes_and_sources(qtbot, window):  # noqa: F811
    w = window(_timeline())
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = LAVROV
    before = w.timeline.event(LAVROV)
    set_field(w, "title", "Lavrov on UK ties")
    assert w.timeline.event(LAVROV) == replace(before, title="Lavrov on UK ties")


def test_editing_a_sources_outlet_keeps_how_its_publication_date_was_written(qtbot, window):  # noqa: F811
    tl = _timeline()
    art = tl.source_index["article"]
    published = EventDate("2022-02-10", "Thursday, February 10, 2022", "the dateline")
    tl = replace(tl, sources=tuple(replace(x, published=published) if x.id == "article" else x for x in tl.sources))
    w = window(tl)
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = LAVROV
    w.edit_form.source_list.setCurrentRow(0)
    set_field(w, "s_outlet", "WIM")
    after = w.timeline.source_index["article"]
    assert after == replace(art, outlet="WIM", published=published)  # was EventDate("2022-02-10"): words gone
