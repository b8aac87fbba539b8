"""A band's title shortened for its tab (or for "▨ planned" beside it) is cut at whole words and
never inside a bracketed date: at 1920x1080 the bundled band read "Allied Resolve-2022 drills
(10–20 F…", a date cut in the middle (tester finding)."""

from __future__ import annotations

from viewer.graphics.bands import cut_title


def test_a_title_is_cut_at_whole_words_and_a_bracketed_date_left_out_whole():
    title = "Allied Resolve-2022 drills (10–20 Feb)"
    assert cut_title(title, lambda t: len(t) <= 40) == title
    assert cut_title(title, lambda t: len(t) <= 37) == "Allied Resolve-2022 drills …"
    assert cut_title(title, lambda t: len(t) <= 27) == "Allied Resolve-2022 …"
    assert cut_title("Exercise [10 Feb – 20 Feb] and talks", lambda t: len(t) <= 30) == "Exercise [10 Feb – 20 Feb] …"
    assert cut_title("Allied Resolve-2022: Russia–Belarus", lambda t: len(t) <= 30) == "Allied Resolve-2022 …"
    assert cut_title("Unbreakablelongword and more", lambda t: len(t) <= 8) is None


def test_at_1920_the_bundled_band_title_is_cut_before_its_date_not_inside_it(make_window):
    w = make_window((1920, 1080))
    w.view.grab()
    (shown,) = w.view.bands_item.drawn_titles
    ((_eid, _known, _end, words),) = w.view.bands_item.drawn_planned
    assert words.startswith("▨ planned")
    assert shown in ("Allied Resolve-2022 drills (10–20 Feb)", "Allied Resolve-2022 drills …"), shown
    for size in ((1366, 768), (1600, 900), (1024, 768)):
        w.resize(*size)
        w.view.grab()
        (shown,) = w.view.bands_item.drawn_titles
        assert shown.count("(") == shown.count(")") and not shown.endswith(("F…", "Fe…")), (size, shown)


def test_the_hatched_part_says_planned_end_never_planned_alone(make_window):
    """At 1366x768 the band read "Allied Resolve-2022 drills (10–20 Feb) ▨ planned", as if the whole
    exercise were planned (new-user tester): the title yields until "▨ planned end" fits."""
    w = make_window((1366, 768))
    for size in ((1366, 768), (1024, 768), (1920, 1080)):
        w.resize(*size)
        w.view.grab()
        drawn = w.view.bands_item.drawn_planned
        assert [d[3] for d in drawn if d[3]] and all(d[3].startswith("▨ planned end") for d in drawn if d[3]), (
            size, drawn)
