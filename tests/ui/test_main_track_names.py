"""The main window names its tracks as the collection window does: a long name wraps onto the
lines its lane is high enough for and, when it still does not fit, loses whole words at its end
("Ministry of Foreign Affairs of the Russian Federation …") with the whole name on hover.  It cut
names in their middle ("▾ Ministry of Fore…ation and Press"), even where the lane had room for
three lines (view polish, item 3)."""

from __future__ import annotations

import pytest

from viewer.io.native import timeline_from_dict
from viewer.model.text import plain_tooltip

LONG = ["Ministry of Foreign Affairs of the Russian Federation (MFA), Department of Information and Press",
        "United Kingdom Foreign, Commonwealth and Development Office and the Prime Minister's Office",
        "North Atlantic Treaty Organization Supreme Headquarters Allied Powers Europe (SHAPE), Mons",
        "Ukraine"]


def _timeline(labels):
    tracks = [{"id": f"t{i}", "label": label} for i, label in enumerate(labels)]
    events = [{"id": f"e{i}", "track": f"t{i % len(labels)}", "title": f"Event {i}",
               "start": f"2022-02-{1 + i % 20:02d}"} for i in range(3 * len(labels))]
    return timeline_from_dict({"format": "timeline-viewer", "version": 1, "title": "Names",
                               "tracks": tracks, "events": events})


def _shown(w, lane):
    return w.view.track_axis.shown_text(lane).removeprefix("▾ ").removeprefix("▸ ")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_long_track_names_wrap_then_lose_whole_words_at_their_end(open_window, qtbot, size):
    w = open_window(_timeline(LONG), size=size)
    axis = w.view.track_axis
    wrapped = 0
    for lane in range(len(LONG)):
        shown, full = _shown(w, lane), LONG[w.view.lanes.order[lane] if w.view.lanes.order is not None else lane]
        flat = " ".join(shown.split())
        wrapped += "\n" in shown
        if "…" in flat:
            assert flat.endswith(" …"), shown  # cut at its end, never in its middle
            assert full.startswith(flat.removesuffix(" …") + " "), shown  # whole words from its start
        else:
            assert flat == full, shown
        assert axis.tooltip(lane) == plain_tooltip(full)  # the whole name on hover, as text
    assert wrapped >= 3  # each long name uses the lines its lane has
    assert "Ministry of Foreign Affairs of the Russian" in " ".join(_shown(w, 0).split())
