"""A track name too long for its column wraps at spaces, then loses words from its middle."""

from PySide6.QtGui import QFontMetricsF

from viewer.graphics.style import label_font
from viewer.graphics.track_axis import wrap_label

NAME = "Ministry of Foreign Affairs of the Russian Federation (MFA), Department of Information and Press"


def test_a_long_name_wraps_onto_its_lines_and_keeps_its_start_and_end(qapp):
    fm = QFontMetricsF(label_font(30, bold=True))
    room = fm.horizontalAdvance("Ministry of Foreign Affairs")
    shown = wrap_label(NAME, fm, room, 3)
    lines = shown.split("\n")
    assert len(lines) == 3
    assert all(fm.horizontalAdvance(line) <= room + 0.5 for line in lines)
    assert lines[0].startswith("Ministry of") and lines[-1].endswith("Press") and "…" in lines[-1]
    # words are whole: every word shown is a word of the name
    assert {w for line in lines for w in line.split(" ")} - {"…"} <= set(NAME.split(" "))


def test_a_name_that_fits_is_unchanged_and_one_line_elides_in_the_middle(qapp):
    fm = QFontMetricsF(label_font(30, bold=True))
    assert wrap_label("Ukraine", fm, 500, 3) == "Ukraine"
    one = wrap_label(NAME, fm, 500, 1)
    assert "\n" not in one and one.startswith("Ministry") and one.endswith("Press")
    assert fm.horizontalAdvance(one) <= 500.5


def test_a_word_wider_than_the_column_is_elided_on_its_line(qapp):
    fm = QFontMetricsF(label_font(30, bold=True))
    room = fm.horizontalAdvance("Ministry")
    lines = wrap_label("Verwaltungsgerichtshof of Baden-Württemberg", fm, room, 3).split("\n")
    assert lines[0].startswith("Verw") and lines[0].endswith("…")
    assert all(fm.horizontalAdvance(line) <= room + 0.5 for line in lines)


def test_wall_tracks_never_share_both_colour_and_shape():
    """Nine tracks on a wall (seven palette colours, seven shapes): the eighth lane repeated the
    first's orange diamond, so 'Liz Truss' and 'Russia' could not be told apart."""
    from viewer.graphics.style import TimelineStyle

    for theme in ("dark", "light"):
        style = TimelineStyle.for_briefing(1080, theme=theme, colour_blind=True, n_tracks=20)
        pairs = [(style.track_color(k, "#000000"), style.track_shape(k)) for k in range(20)]
        assert len(set(pairs)) == 20, theme
        # as on the desk (wall2): a diamond each while the colours last, then the next shape
        assert [s for _, s in pairs[:7]] == ["diamond"] * 7 and pairs[7][1] == "circle"
