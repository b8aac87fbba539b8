"""Present mode: long track names never eat the chart (issue 16).

Names longer than a quarter of the wall wrap onto up to three lines and then
lose words from their middle ("…"); the chart keeps most of the width and the
full name is the label's hover tooltip.
"""

from pathlib import Path

import pytest

from viewer.io import read_timeline
from viewer.model.story import default_story
from viewer.ui.present import PresentWindow

LONG = str(Path(__file__).resolve().parents[1] / "data" / "long_track_names.timeline.json")


@pytest.fixture
def tl():
    return read_timeline(LONG)


def make(qtbot, tl, size):
    pw = PresentWindow(tl, default_story(tl), animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(*size)
    pw.show()
    qtbot.waitExposed(pw)
    pw.grab()  # paint: the axis records what it drew
    return pw


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1024, 768)])
def test_long_track_names_leave_the_chart_most_of_the_wall(qtbot, tl, size):
    pw = make(qtbot, tl, size)
    view, axis = pw.view, pw.view.track_axis
    assert axis.width() <= 0.25 * size[0] + 1  # the name column: a quarter of the wall at most
    chart = view.plotItem.vb.sceneBoundingRect()
    assert chart.width() >= 0.7 * size[0]  # the chart keeps most of the width
    drawn = axis.drawn_labels()
    assert len(drawn) == len(tl.tracks)  # every track is still named
    column = axis.boundingRect()
    lane_px = chart.height() / max(view.lanes.extent, 1.0)
    for lane, (text, rect) in enumerate(drawn):
        assert column.left() - 0.5 <= rect.left() and rect.right() <= column.right() + 0.5, text  # no overflow
        assert rect.height() <= lane_px * view.lanes.height[lane] + 0.5, text  # within its lane
        assert text.count("\n") <= 2
        label = tl.tracks[lane].label
        assert label.split(" ")[0] in text and label.split(" ")[-1] in text  # its start and its end are read
        assert label in axis.tooltip(lane)  # the whole name on hover
    assert drawn[-1][0].endswith("Ukraine") and "\n" not in drawn[-1][0]  # a short name stays whole
    assert "\n" in drawn[0][0]  # a long one wraps rather than being cut to a few words


def test_the_desk_view_cuts_at_the_end_after_wrapping(qtbot, tl):
    """The desk wraps a long name onto the lines its lane has room for, then cuts it at its end
    at a whole word, as the collection window does (it kept one line cut in the middle, which
    was the wall's rule; view polish item 3)."""
    from viewer.ui.main_window import MainWindow

    w = MainWindow(tl, read_timeline, LONG)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    axis = w.view.track_axis
    shown = [" ".join(axis.shown_text(k).split()) for k in range(len(tl.tracks))]
    assert any("\n" in axis.shown_text(k) for k in range(len(tl.tracks)))
    assert all(s.endswith(" …") for s in shown if "…" in s), shown


def test_in_low_lanes_long_names_lose_whole_words(qtbot, tmp_path):
    """Twelve long names at 1920x1080: as many lines as a low lane holds, then words left out
    of the middle, never a word cut in two."""
    import json

    names = [f"Ministry number {k} of the Federal Government Department of Information and Press"
             for k in range(11)] + ["Belarus"]
    doc = {"format": "timeline-viewer", "version": 1, "title": "Twelve long names",
           "tracks": [{"id": f"t{k}", "label": n} for k, n in enumerate(names)],
           "events": [{"id": f"e{k}", "track": f"t{k}", "title": f"Event {k}",
                       "start": {"edtf": f"2022-02-{10 + k:02d}"}} for k in range(len(names))]}
    path = tmp_path / "twelve.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    twelve = read_timeline(str(path))
    pw = make(qtbot, twelve, (1920, 1080))
    axis = pw.view.track_axis
    assert axis.width() <= 0.25 * 1920 + 1
    qtbot.wait(10)  # the header and caption have their step's heights: the settled layout, painted
    pw.grab()
    drawn = axis.drawn_labels()
    assert len(drawn) == len(names)
    from PySide6.QtGui import QFont, QFontMetricsF

    room = axis._lines_per_lane(QFontMetricsF(axis.style["tickFont"] or QFont()))
    assert max(room) < 4  # a lane a twelfth of the chart high holds a few lines, not the whole name
    for lane, (text, _rect) in enumerate(drawn):
        assert text.count("\n") < room[lane]  # no more lines than its lane has room for
        words = text.replace("\n", " ").split(" ")[1:]  # after the marker shape
        assert set(words) - {"…"} <= set(names[lane].split(" ")), text  # whole words only
        first, last = names[lane].split(" ")[0], names[lane].split(" ")[-1]
        # the last word stays, unless a name shortened like another keeps the word that tells it apart
        assert words[0] == first and (words[-1] == last or words[-1] == "…" and f"number {lane}" in " ".join(words)), \
            text
    assert len({text for text, _rect in drawn}) == len(names)  # never two names shortened alike
    assert "…" in drawn[0][0] and drawn[-1][0].endswith("Belarus")
