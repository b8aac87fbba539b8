"""A span or band whose end is announced, not reported, is drawn solid only through the
source's date and hatched after it, and says "planned end, announced" (desk and present).

The bundled drills band was drawn solid through 20 Feb from an article of 10 Feb that
only says the drills "will finish on February 20"."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QColor

from tests.ui.conftest import present_window
from viewer.io import read_timeline
from viewer.model.planned_end import planned_end, planned_end_rows
from viewer.model.presentation import caption_for

BAND = "allied-resolve-2022"


def _colours(img, x0: int, x1: int, y0: int, y1: int) -> set[str]:
    return {QColor(img.pixel(x, y)).name() for x in range(x0, x1) for y in range(y0, y1)}


def _varied_rows(img, x: float) -> float:
    """Share of the plot's pixel rows in which a 10-px patch around ``x`` is not one colour."""
    top, bottom = int(img.height() * 0.1), int(img.height() * 0.85)
    varied = sum(len(_colours(img, int(x) - 5, int(x) + 5, y, y + 1)) > 1 for y in range(top, bottom))
    return varied / (bottom - top)


def test_bundled_band_is_known_through_the_article_date_and_planned_to_20_february(bundled_path):
    tl = read_timeline(bundled_path)
    band = tl.event(BAND)
    assert band.end.edtf == "[2022-02-10..]"  # on or after the publication, as ingest writes it
    assert "announced, not reported" in band.end.basis and "Drills due to finish" in band.end.basis
    assert band.quotes[0].text == ("The military drills, dubbed “Allied Resolve-2022,” began in Belarus on "
                                   "Thursday and will finish on February 20")  # verbatim, kept
    plan = planned_end(tl, band)
    assert plan is not None and plan.expected_id == "drills-end"
    assert plan.announced == "Sun 20 Feb 2022" and plan.known.startswith("Thu 10 Feb 2022")
    assert "planned end, announced: Sun 20 Feb 2022" in caption_for(tl, BAND).date


def test_an_end_written_as_a_date_after_the_source_is_planned_after_that_date_too(bundled_path):
    tl = read_timeline(bundled_path)
    band = tl.event(BAND)
    old = dataclasses.replace(band, end=dataclasses.replace(tl.event("drills-end").start))  # the old file's end
    tl2 = dataclasses.replace(tl, events=tuple(old if e.id == BAND else e for e in tl.events))
    plan = planned_end(tl2, tl2.event(BAND))
    assert plan is not None and plan.announced == "Sun 20 Feb 2022" and plan.expected_id == ""
    assert list(planned_end_rows(tl2)) == [0]
    ended = dataclasses.replace(band, end=dataclasses.replace(tl.event("drills-begin").start))  # ended that day
    tl3 = dataclasses.replace(tl, events=tuple(ended if e.id == BAND else e for e in tl.events))
    assert planned_end(tl3, tl3.event(BAND)) is None and planned_end_rows(tl3) == {}


def test_desk_draws_the_band_solid_to_10_february_and_hatched_to_20_with_words(make_window):
    w = make_window((1366, 768))
    w.state.selected = BAND
    img = w.view.grab().toImage()
    bands = w.view.bands_item
    ((eid, known, end, words),) = bands.drawn_planned
    assert eid == BAND and words.startswith("▨ planned")
    day = (end - known) / 10  # 11..20 Feb are planned
    assert day > 20
    assert _varied_rows(img, end - 1.5 * day) > 0.6  # the middle of 19 Feb: hatch lines on most rows
    assert _varied_rows(img, known - 0.25 * day) < 0.4  # 10 Feb, reported: plain fill, bar events
    html = w.details.toHtml()
    assert "Planned end, announced" in html and "Sun 20 Feb 2022" in html and "Drills due to finish" in html
    assert "hatched:\u00a0planned\u00a0end,\u00a0announced" in w.legend.text()


def test_present_mode_says_planned_end_in_the_header_and_hatches_the_band(qtbot, bundled_path):
    tl = read_timeline(bundled_path)
    pw = present_window(qtbot, tl, (1920, 1080))
    pw.presentation.go_to(11)  # step 12: the drills' announced end
    pw.finish_animation()
    pw.grab()
    ((eid, known, end, words),) = pw.view.bands_item.drawn_planned
    # after the title (the longer words when the tab row has room past the band's end)
    assert eid == BAND and end > known + 100 and words in ("▨ planned end", "▨ planned end, announced")
    assert "1 planned end (hatched)" in pw.header.text().replace("\u00a0", " ")
    assert "planned end, announced: Sun 20 Feb 2022" in caption_for(tl, BAND).date


def test_an_ingested_span_is_planned_from_publication_to_its_expected_end():
    from tests.ingest.test_ingest_expected_ends import ARTICLE
    from viewer.ingest import ingest_text

    tl = ingest_text(ARTICLE).timeline  # published Wed 1 Mar 2023: five days of exercises from Mon 27 Feb
    (row,) = planned_end_rows(tl)
    plan = planned_end(tl, tl.events[int(tl.columns.event_index[row])])
    expected = tl.event(plan.expected_id)
    assert "expected-end" in expected.tags
    assert plan.known == "Wed 1 Mar 2023" and plan.announced == "one day between Fri 3 Mar 2023 and Sat 4 Mar 2023"


def test_a_step_builds_its_header_once(qtbot, bundled_path, monkeypatch):
    from viewer.ui.present import PresentWindow

    tl = read_timeline(bundled_path)
    pw = present_window(qtbot, tl, (1280, 720))
    built = []
    real = PresentWindow._header_text
    monkeypatch.setattr(PresentWindow, "_header_text", lambda self, *a, **k: built.append(a) or real(self, *a, **k))
    for index in (5, 6, 11):
        built.clear()
        pw.presentation.go_to(index)
        pw.finish_animation()
        # once to measure the tracks the wall holds under this step's own header (the fold), once
        # for the range shown; was three times a step
        assert len(built) <= 2, (index, built)
        assert f"{index + 1} / 12" in pw.header.text()
    for index in (5, 6, 11):  # a step seen before: its fold is known, the header built once
        built.clear()
        pw.presentation.go_to(index)
        pw.finish_animation()
        assert len(built) == 1, (index, built)


def test_at_1920_the_band_title_gives_way_to_the_planned_words(make_window):
    """At 1920x1080 the band's whole title left no room for "▨ planned" on the title row, so the
    hatch was drawn without its words; the title is shortened first, never the plan's mark."""
    w = make_window((1920, 1080))
    w.view.grab()
    ((eid, _known, _end, words),) = w.view.bands_item.drawn_planned
    assert eid == BAND and words.startswith("▨ planned")
    assert w.view.bands_item.drawn_titles[0].startswith("Allied Resolve-2022 drills")
