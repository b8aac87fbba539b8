"""A shortened label keeps what it says about the date: ~, ≤ / ≥ and (?)."""

import pytest
from PySide6.QtGui import QFontMetricsF

from viewer.graphics.events import elide_label, label_text
from viewer.graphics.style import label_font
from viewer.model.columns import FLAG_APPROXIMATE, FLAG_OPEN_START, FLAG_UNCERTAIN


@pytest.mark.parametrize("flags, head, tail", [
    (FLAG_UNCERTAIN, "Lavrov", " (?)"),
    (FLAG_OPEN_START, "≤ Peskov", ""),
    (FLAG_APPROXIMATE | FLAG_UNCERTAIN, "~ Lavrov", " (?)"),
])
def test_elided_labels_keep_their_date_qualifiers(qapp, flags, head, tail):
    title = ("Lavrov" if "Lavrov" in head else "Peskov") + ": ties “at their lowest level in recent years”"
    text = label_text(title, flags)
    fm = QFontMetricsF(label_font(16))
    width = fm.horizontalAdvance(text) * 0.6
    short = elide_label(text, fm, width)
    assert short.startswith(head) and short.endswith(tail) and "…" in short
    assert fm.horizontalAdvance(short) <= width + 0.5
    assert elide_label(text, fm, fm.horizontalAdvance(text) + 1) == text  # room enough: unchanged
