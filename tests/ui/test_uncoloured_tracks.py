"""Six tracks without colours: six distinct colours, the same in the desk view,
the export legend and present mode; and no label for an event that only
touches the view's left edge."""

from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from viewer.io.native import read_native
from viewer.model.dates import EventDate
from viewer.model.viewstate import ViewState
from viewer.ui import export
from viewer.ui.main_window import MainWindow
from viewer.ui.present import BriefingTimelineView

SIX = Path(__file__).parent.parent / "data" / "six_uncoloured_tracks.timeline.json"
DAY = 86400.0


@pytest.fixture
def tl():
    return read_native(SIX)


@pytest.fixture
def window(open_window, tl):
    return open_window(tl)


def desk_colours(w):
    return [QColor(w.view.events_item._track_color(lane)).name() for lane in range(len(w.timeline.tracks))]


def test_desk_view_draws_six_uncoloured_tracks_in_six_colours(window, tl):
    got = desk_colours(window)
    assert len(set(got)) == 6
    assert got == [QColor(c).name() for c in tl.track_colours]


def test_export_legend_uses_the_desk_colours(tl, tmp_path, monkeypatch):
    seen: dict[str, str] = {}
    original = export._Picture._paint_legend_line

    def spy(self, painter, line, rect, colours):
        seen.update({label: c.name() for label, c in colours.items()})
        return original(self, painter, line, rect, colours)

    monkeypatch.setattr(export._Picture, "_paint_legend_line", spy)
    export.export_picture(tl, tmp_path / "six.png")
    assert [seen[t.label] for t in tl.tracks] == [QColor(c).name() for c in tl.track_colours]
    assert len(set(seen.values())) == 6


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_present_mode_uses_the_desk_colours(qtbot, tl, theme):
    view = BriefingTimelineView(tl, ViewState(), theme=theme)
    qtbot.addWidget(view)
    style = view.make_style()
    got = [QColor(style.track_color(i, c)).name() for i, c in enumerate(tl.track_colours)]
    assert got == [QColor(c).name() for c in tl.track_colours]


def test_a_coloured_track_keeps_its_colour_in_the_desk_view(qtbot, tl):
    import dataclasses
    tracks = list(tl.tracks)
    tracks[3] = dataclasses.replace(tracks[3], color="#123456")
    coloured = dataclasses.replace(tl, tracks=tuple(tracks))
    w = MainWindow(coloured, lambda p: coloured, "")
    qtbot.addWidget(w)
    got = desk_colours(w)
    assert got[3] == "#123456" and len(set(got)) == 6


def test_an_event_whose_day_ends_at_the_left_edge_is_not_laid_out(window, tl):
    view, cols = window.view, tl.columns
    end = EventDate("2022-02-12").latest - cols.origin_epoch_s  # e2's day ends at midnight
    view.set_x_range(end, end + 3 * DAY)
    view.grab()
    drawn = {cols.ids[p.row] for p in view.events_item._frame.placements}
    assert "e2" not in drawn  # it only touches the edge: no label pinned there
    assert {"e3", "e4"} <= drawn
    # a moment later into its day it is laid out again (as a faint bar carrying its label)
    view.set_x_range(end - 3600, end + 3 * DAY)
    view.grab()
    assert "e2" in {cols.ids[p.row] for p in view.events_item._frame.placements}
