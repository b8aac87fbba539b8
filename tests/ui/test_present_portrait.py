"""Present mode on a portrait wall (1080x1920): the type is sized for the screen's shorter
side, as on the same panel in landscape.  Sized for the 1920 px height, track names were
cut to "…TO" and "U…m", the band's title to "Allied Resolve-2022 dr…", and step 12's ten
days were squeezed into the left edge of a view that ran to April."""

from __future__ import annotations

import pytest

from tests.ui.conftest import present_window
from viewer.io import read_timeline


@pytest.mark.parametrize("step", [1, 12])
def test_portrait_wall_shows_whole_track_names_band_title_and_the_steps_days(qtbot, bundled_path, step):
    tl = read_timeline(bundled_path)
    pw = present_window(qtbot, tl, (1080, 1920))
    pw.presentation.go_to(step - 1)
    pw.finish_animation()
    pw.grab()
    axis = pw.view.track_axis
    shown = [axis.shown_text(k).replace("\n", " ") for k in range(len(pw.view.timeline.tracks))]
    assert shown and all("…" not in s for s in shown), shown
    assert pw.view.bands_item.drawn_titles == [tl.event("allied-resolve-2022").title]
    lo, hi = pw.view.plotItem.vb.viewRange()[0]
    assert hi - lo < 40 * 86400, (hi - lo) / 86400  # the story's days, not two months
    # the same type as the panel in landscape: the header as large as at 1920x1080
    assert pw._px(1 / 36) == round(1080 / 36)
