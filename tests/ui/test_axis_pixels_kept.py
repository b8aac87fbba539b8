"""The window keeps its two axes' drawing as pixels between paints (a repaint
of the event layer blits them): what it shows after a pan, a zoom, a zone
switch, a collapsed track and a resize is what the axes draw afresh.

The time axis's faint grid lines (alpha 0.25 or less) are blended from the
kept pixels: a colour channel may then differ by one level of 255 (rounding
of the premultiplied pixels), nothing more; text and lines are the same."""

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem


def _rgba(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    flat = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    return flat.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(np.int16)


def _same_picture(a: QImage, b: QImage) -> bool:
    """Same size, every channel within one level (the grid's blending rounding)."""
    x, y = _rgba(a), _rgba(b)
    return x.shape == y.shape and int(np.abs(x - y).max()) <= 1


def _afresh(view):
    """The view drawn with the axes painted directly (no kept pixels), then kept again."""
    axes = (view._axis, view.track_axis)
    for axis in axes:
        axis.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    image = view.grab().toImage()
    for axis in axes:
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return image


def test_the_kept_axes_show_what_they_draw_afresh_after_each_change(make_window, qtbot):
    w = make_window()
    view = w.view
    assert view._axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert view.track_axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    first = view.grab().toImage()
    assert _same_picture(first, _afresh(view))
    a, b = view.x_range()
    changes = [
        lambda: view.set_x_range(a + (b - a) * 0.3, b + (b - a) * 0.3),  # pan
        lambda: view.set_x_range(a, a + (b - a) / 7),  # zoom in: other ticks
        lambda: setattr(w.state, "display_zone", "Asia/Tokyo"),  # other labels
        lambda: w.state.toggle_track_collapsed(w.timeline.tracks[0].id),  # other lanes
        lambda: w.resize(1300, 760),  # other size
    ]
    for change in changes:
        before = view.grab().toImage()
        change()
        qtbot.wait(30)
        now = view.grab().toImage()
        assert now != before  # (each change shows)
        assert _same_picture(now, _afresh(view))
        view.events_item.update()  # a layer repaint: the kept axes, the same picture
        assert view.grab().toImage() == now


def test_a_picture_of_the_view_draws_its_axes_without_kept_pixels(make_window):
    """Exported pictures (SVG / PDF) render their own view: its axes keep no pixels."""
    from viewer.model.viewstate import ViewState
    from viewer.ui.timeline_view import TimelineView

    w = make_window()
    view = TimelineView(w.timeline, ViewState())
    assert view._axis.cacheMode() == QGraphicsItem.CacheMode.NoCache
    assert view.track_axis.cacheMode() == QGraphicsItem.CacheMode.NoCache
    view.deleteLater()
