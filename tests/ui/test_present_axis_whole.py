"""Present mode keeps its time axis whole: with few events on few tracks the caption's height
for the screen came after the plot was laid out, and the plot kept the first, taller size.  The
lanes then ran under the caption and took the axis with them: at 1920x1080 no dates at all, at
1366x768 only the tops of the day labels; the month row and the zone name were gone."""

import pytest
from PySide6.QtCore import QPoint, QRectF

from viewer.ingest import ingest_text

from .presenting import present_at

ARTICLE = ('KYIV, March 8, 2023 (Reuters) - Ukraine\'s army said on Monday it had retaken the village of '
           'Dibrova. "We will never give up," Zelensky said on Tuesday. Officials expect a convoy on '
           'Saturday. Anna Berg, the mission head, warned that prices will rise next year. The mayor said '
           '"the bridge is gone.')


@pytest.fixture(scope="module")
def tl():
    return ingest_text(ARTICLE).timeline


def _in_window(pw, view, rect: QRectF) -> QRectF:
    """A scene rectangle of the view in the presentation window's pixels."""
    r = view.mapFromScene(rect).boundingRect()
    top_left = view.mapTo(pw, QPoint(r.left(), r.top()))
    return QRectF(top_left.x(), top_left.y(), r.width(), r.height())


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
@pytest.mark.parametrize("step", [1, 2])
def test_the_axis_is_whole_between_the_lanes_and_the_caption(qtbot, tl, size, step):
    pw = present_at(qtbot, tl, size, step)
    view = pw.view
    axis = view.plotItem.getAxis("bottom")
    caption_top = pw.caption.geometry().top()
    view_box = view.geometry()
    lanes = _in_window(pw, view, view.plotItem.vb.sceneBoundingRect())
    band = _in_window(pw, view, axis.mapRectToScene(QRectF(0, 0, axis.width(), axis.height())))
    labels = axis.drawn_labels()
    texts = [text for text, _r in labels]
    assert any(text[:3] in {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} for text in texts), texts
    assert any("2023" in text for text in texts), f"no month row: {texts}"
    zone = axis.label
    assert zone.isVisible() and "UTC" in zone.toPlainText()
    drawn = [(text, _in_window(pw, view, axis.mapRectToScene(r))) for text, r in labels]
    margin = zone.document().documentMargin()  # (empty: the text's line starts and ends inside it)
    text_rect = zone.boundingRect().adjusted(margin, margin, -margin, -margin)
    drawn.append((zone.toPlainText(), _in_window(pw, view, zone.mapRectToScene(text_rect))))
    # the lanes end where the axis begins, inside the view, above the caption
    assert lanes.bottom() <= band.top() + 1, (lanes, band)
    assert band.bottom() <= view_box.bottom() + 1 <= caption_top + 1, (band, view_box, caption_top)
    for text, r in drawn:  # (1 px: the mapped rectangles are rounded outwards)
        assert r.top() >= lanes.bottom() - 1 and r.bottom() <= caption_top + 1, \
            f"{text!r} at y {r.top():.0f}..{r.bottom():.0f}: lanes end at {lanes.bottom():.0f}, " \
            f"the caption starts at {caption_top} ({size}, step {step})"
