"""Track names are never dropped: long names elided with a tooltip, strip labels at any
window size, no overprinting with hundreds of lanes (measured on the drawn labels)."""

import json

import pytest

from viewer.io import read_timeline
from viewer.ui.main_window import MainWindow

LONG = "Ministry of Foreign Affairs of the Russian Federation (MFA)"
NAMES = ["UK", "Ministry of Foreign Affairs of Russia", LONG,
         "Organization for Security and Co-operation in Europe", "NATO", "United States"]


def _shown_tip(tip: str) -> str:
    """What a tooltip shows (rich text rendered; data is escaped in it)."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def _write(tmp_path, names, name="t.timeline.json"):
    tracks = [{"id": f"t{i}", "label": n} for i, n in enumerate(names)]
    events = [{"id": f"e{i}", "track": f"t{i}", "title": f"e{i}", "start": {"edtf": "2022-02-10"}}
              for i in range(len(names))]
    path = tmp_path / name
    path.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "Labels",
                                "tracks": tracks, "sources": [], "events": events}), encoding="utf-8")
    return str(path)


def _window(qtbot, path, size):
    w = MainWindow(read_timeline(path), read_timeline, path)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(30)
    return w


def _drawn(w):
    w.view.grab()
    return [t for t, _ in w.view.track_axis.drawn_labels()]


@pytest.mark.parametrize("size", [(1600, 900), (2560, 1440), (3840, 2160)])
@pytest.mark.parametrize("collapse", ["none", "all but one", "all"])
def test_every_track_is_named_at_any_size(qtbot, tmp_path, size, collapse):
    w = _window(qtbot, _write(tmp_path, NAMES), size)
    ids = list(w.view.lanes.track_ids)
    if collapse == "all but one":
        w.state.collapse_all_except(ids[0], ids)
    elif collapse == "all":
        w.state.collapsed_tracks = set(ids)
    drawn = _drawn(w)
    axis = w.view.track_axis
    assert len(drawn) == len(ids), (drawn, [axis.shown_text(i) for i in range(len(ids))])
    for i, name in enumerate(NAMES):
        shown = axis.shown_text(i)
        assert shown in drawn
        flat = " ".join(shown.split())
        if flat != axis.text(i):  # wrapped, then cut at its end at a whole word: the mark and the name, one "…"
            assert flat.count("…") == 1 and flat.endswith(" …") and flat[:4] == axis.text(i)[:4]
            assert axis.text(i).startswith(flat.removesuffix(" …") + " ")
        assert _shown_tip(axis.tooltip(i)) == name
    assert axis.shown_text(0) == axis.text(0)  # a short name is whole
    # drawn inside the column, none over another
    rects = sorted((r for _, r in axis.drawn_labels()), key=lambda r: r.top())
    assert all(a.bottom() <= b.top() + 0.5 for a, b in zip(rects, rects[1:]))
    assert all(axis.boundingRect().contains(r) for r in rects)


def test_a_long_name_is_fitted_to_the_column_and_whole_on_hover(qtbot, tmp_path):
    """Wrapped onto its lane's lines (view polish item 3: it was cut in its middle)."""
    w = _window(qtbot, _write(tmp_path, NAMES), (1600, 900))
    axis = w.view.track_axis
    assert axis.width() <= 300
    i = NAMES.index(LONG)
    assert "\n" in axis.shown_text(i) and axis.shown_text(i).endswith("(MFA)")
    assert axis.shown_text(i) != axis.shown_text(1)  # two "Ministry of …" stay distinct
    from PySide6.QtCore import QPointF

    y_scene = w.view._vb.mapViewToScene(QPointF(0.0, float(w.view.lanes.centre[i]))).y()
    scene = QPointF(axis.mapToScene(QPointF(10.0, 0.0)).x(), y_scene)

    class Hover:
        def isExit(self):
            return False

        def scenePos(self):
            return scene

    axis.hoverEvent(Hover())
    assert _shown_tip(axis.toolTip()) == LONG


def test_hundreds_of_lanes_never_overprint(qtbot, tmp_path):
    names = [f"Track {i:03d}" for i in range(300)]
    w = _window(qtbot, _write(tmp_path, names), (1600, 900))
    axis = w.view.track_axis
    _drawn(w)
    rects = sorted((r for _, r in axis.drawn_labels()), key=lambda r: r.top())
    assert 10 < len(rects) < 300  # every k-th label, spread over the lanes
    assert all(a.bottom() <= b.top() + 0.5 for a, b in zip(rects, rects[1:]))
