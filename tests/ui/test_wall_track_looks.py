"""Present mode (wall2, item 2): with eight uncoloured tracks (an ingested article's) the wall
gave "People" Russia's orange and NATO's circle, and "United Kingdom" was black on the desk but
yellow on the wall: an audience matching the wall to a hand-out or the presenter's desk saw other
tracks.  A track now has one colour and one shape in every view, and no two tracks look alike."""

from __future__ import annotations

import pytest

from viewer.io.native import timeline_from_dict
from viewer.model.viewstate import ViewState
from viewer.ui.briefing import BriefingTimelineView


def _tracks(n: int, colours: dict[int, str] | None = None):
    colours = colours or {}
    return timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": f"{n} tracks",
        "tracks": [{"id": f"t{i}", "label": f"Track {i}", **({"color": colours[i]} if i in colours else {})}
                   for i in range(n)],
        "events": [{"id": f"e{i}", "track": f"t{i}", "title": f"Event {i}", "start": {"edtf": f"2022-02-{10 + i}"}}
                   for i in range(n)]})


def _looks(item) -> list[tuple[str, str]]:
    """(colour, marker shape) of each lane as the events item draws it."""
    return [(item._track_color(lane).upper(), item.style.track_shape(lane, item._track_shape(lane)))
            for lane in range(len(item.timeline.tracks))]


@pytest.mark.parametrize("n", [6, 8, 9, 17])
@pytest.mark.parametrize("theme", ["dark", "light"])
def test_a_track_looks_the_same_on_the_desk_and_on_the_wall(qtbot, open_window, n, theme):
    tl = _tracks(n)
    desk = _looks(open_window(tl).view.events_item)
    wall_view = BriefingTimelineView(tl, ViewState(), theme)
    qtbot.addWidget(wall_view)
    wall_view.resize(1920, 1080)
    wall_view.restyle()
    wall = _looks(wall_view.events_item)
    assert wall == desk  # the seventh track was black on the desk, yellow on the wall
    assert len(set(wall)) == n  # no two tracks the same colour and shape
    if theme == "dark":
        assert "#000000" not in {c for c, _ in wall}  # nothing vanishes into the wall's black


def test_an_own_colour_outside_the_palettes_is_still_replaced_on_the_wall(qtbot):
    tl = _tracks(3, {0: "#FF0000", 1: "#56B4E9"})
    view = BriefingTimelineView(tl, ViewState(), "dark")
    qtbot.addWidget(view)
    looks = _looks(view.events_item)
    assert looks[0][0] != "#FF0000" and looks[1][0] == "#56B4E9"
    assert len(set(looks)) == 3
