"""Dark desktops: the desk follows the palette, and every text keeps its contrast
(measured on the rendered window, in both colour schemes)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from viewer.graphics.style import contrast_ratio
from viewer.ui.theme import apply_theme, system_is_dark


def measured_contrast(widget, rows: int | None = None) -> float:
    """Contrast between a widget's background (its commonest colour) and its strongest text pixel."""
    from PySide6.QtCore import QRect

    window = widget.window()
    top_left = widget.mapTo(window, widget.rect().topLeft())
    image = window.grab().toImage().copy(QRect(top_left, widget.size()))  # with the background it sits on
    h = image.height() if rows is None else min(rows, image.height())
    pixels = [image.pixelColor(x, y).name() for y in range(0, h, 1) for x in range(0, image.width(), 2)]
    background = Counter(pixels).most_common(1)[0][0]
    return max(contrast_ratio(p, background) for p in set(pixels)), background


@pytest.mark.parametrize("dark", [False, True])
def test_every_desk_text_keeps_aa_contrast_in_both_schemes(qtbot, make_window, dark):
    w = make_window((1400, 800))
    apply_theme(w, dark)
    w.state.selected = "lavrov-lowest-level"
    qtbot.wait(30)
    w.side_tabs.setCurrentWidget(w.filter_panel)  # the Filters tab's track list: the palette's text
    qtbot.wait(30)
    for widget, rows in ((w.header, None), (w.legend, None), (w.details, 120), (w.filter_panel.tracks, 60)):
        ratio, background = measured_contrast(widget, rows)
        assert ratio >= 4.5, (widget, ratio, background)
        assert (QColor(background).lightness() < 100) == dark, (widget, background)
    tracks = w.filter_panel.tracks  # each row's text colour: its own, else the palette's, against the list
    base = tracks.palette().color(QPalette.ColorRole.Base).name()
    for i in range(tracks.count()):
        fg = tracks.item(i).data(Qt.ItemDataRole.ForegroundRole)
        text = (fg.color() if fg is not None else tracks.palette().color(QPalette.ColorRole.Text)).name()
        assert contrast_ratio(text, base) >= 4.5, (tracks.item(i).text(), text, base)
    style = w.view.style_
    for bg in (style.background, style.lane_shade):
        assert contrast_ratio(style.text, bg) >= 4.5 and contrast_ratio(style.axis_text, bg) >= 4.5
    image = w.view.grab().toImage()
    corner = image.pixelColor(image.width() - 5, image.height() // 2)
    assert (corner.lightness() < 100) == dark  # the timeline itself is drawn dark or light
    # the detail pane's muted words (labels, "as written") too
    for light, darker in w.details.colour_map.items():
        assert contrast_ratio(darker, "#15181d") >= 4.5, light


def test_a_dark_desktop_palette_is_followed(qtbot, make_window):
    app = QGuiApplication.instance()
    old = app.palette()
    dark = QPalette(old)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        dark.setColor(role, QColor("#202124"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        dark.setColor(role, QColor("#e8eaed"))
    app.setPalette(dark)
    try:
        if QGuiApplication.styleHints().colorScheme().name == "Light":
            pytest.skip("the platform reports a light scheme whatever the palette")
        assert system_is_dark()
        w = make_window((1200, 700))
        assert w.desk_dark and w.view.style_.background == "#15181d"
        ratio, _ = measured_contrast(w.header)
        assert ratio >= 4.5
        w.colour_actions["Light"].trigger()
        assert not w.desk_dark and w.view.style_.background == "#ffffff"
    finally:
        app.setPalette(old)
