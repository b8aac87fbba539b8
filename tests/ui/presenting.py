"""A presentation window shown at a size and a story step, painted: the setup the present-mode
layout tests share."""

from __future__ import annotations

from viewer.ui.present import PresentWindow


def present_at(qtbot, tl, size: tuple[int, int], step: int, story=None) -> PresentWindow:
    """``tl``'s first story (or ``story``) in a :class:`PresentWindow` of ``size`` pixels at
    ``step`` (1-based), its view painted once."""
    from viewer.model.story import stories_of

    pw = PresentWindow(tl, story if story is not None else stories_of(tl)[0], animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(*size)
    pw.show()
    qtbot.waitExposed(pw)
    pw.presentation.go_to(step - 1)
    qtbot.wait(5)
    pw.view.viewport().repaint()
    return pw
