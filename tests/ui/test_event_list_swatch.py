"""The Events tab's Track column shows each track's marker as the timeline draws it: a track whose
colour repeats another's (more tracks than palette colours) is told apart by its shape on the
timeline, and so in the list; and a track keeps its colour there when the tracks are reordered."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon

from viewer.io.native import timeline_from_dict
from viewer.model.filters import FilterState
from viewer.model.records import TRACK_PALETTE
from viewer.ui.event_list import ID_ROLE


def _tracks(n: int):
    return timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": f"{n} tracks",
        "tracks": [{"id": f"t{i}", "label": f"Track {i}"} for i in range(n)],
        "events": [{"id": f"e{i}", "track": f"t{i}", "title": f"Event {i}", "start": {"edtf": f"2022-02-{10 + i}"}}
                   for i in range(n)]})


def _swatches(w) -> dict[str, object]:
    """Each row's track swatch where the list shows it: in the Track column, or
    before the title when the list is too narrow for that column (1366x768)."""
    table = w.event_list
    model = table.model()
    column = 2 if table.isColumnHidden(1) else 1
    return {model.data(model.index(r, 0), ID_ROLE): model.data(model.index(r, column), Qt.ItemDataRole.DecorationRole)
            for r in range(model.rowCount())}


def _mask(swatch, colour: str) -> np.ndarray:
    """Pixels of the swatch drawn in ``colour`` (its fill)."""
    assert isinstance(swatch, QIcon), f"the Track column's swatch is a plain {type(swatch).__name__}, not the marker"
    img = swatch.pixmap(16, 16).toImage()
    c = QColor(colour)
    out = np.zeros((img.height(), img.width()), bool)
    for y in range(img.height()):
        for x in range(img.width()):
            p = img.pixelColor(x, y)
            near = abs(p.red() - c.red()) + abs(p.green() - c.green()) + abs(p.blue() - c.blue()) < 40
            out[y, x] = p.alpha() > 200 and near
    return out


def test_a_track_whose_colour_repeats_shows_its_own_marker_shape_in_the_events_tab(open_window):
    n = len(TRACK_PALETTE)  # track n (the last) repeats track 0's colour
    tl = _tracks(n + 1)
    assert tl.track_colours[n] == tl.track_colours[0] and tl.track_shapes[n] != tl.track_shapes[0]
    w = open_window(tl, size=(1366, 768))
    sw = _swatches(w)
    gold = tl.track_colours[0]
    m0, m7 = _mask(sw["e0"], gold), _mask(sw[f"e{n}"], gold)
    assert m0.sum() > 20 and m7.sum() > 20  # both in the one colour ...
    assert (m0 != m7).sum() > 15  # ... as a diamond and a circle, as on the timeline
    # the other tracks, each in its own colour, keep the diamond the timeline draws
    assert (_mask(sw["e1"], tl.track_colours[1]) == m0).all()


def test_a_reordered_track_keeps_its_colour_in_the_events_tab(open_window):
    tl = _tracks(3)
    w = open_window(tl, size=(1366, 768))
    w.state.filters = FilterState(track_order=("t2", "t1", "t0"))
    sw = _swatches(w)
    shown = w.view.timeline
    for eid in ("e0", "e1", "e2"):
        lane = shown.track_index[shown.event(eid).track]
        drawn = w.view.events_item._track_color(lane)  # the colour of the event's marker on the timeline
        assert _mask(sw[eid], drawn).sum() > 20, eid


def test_a_month_only_event_has_the_hollow_swatch_the_legend_and_timeline_give_it(open_window):
    """desk3: an ACLED event dated "April 2020" had a filled ◆ in the Events list, which the
    legend reads "date known to the day"; the timeline draws it hollow, and now so does the list."""
    tl = timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": "ACLED",
        "tracks": [{"id": "t0", "label": "Protests"}, {"id": "t1", "label": "Riots"}],
        "events": [{"id": "day", "track": "t0", "title": "Protest in Kyiv", "start": {"edtf": "2020-04-10"}},
                   {"id": "riot", "track": "t1", "title": "Riot in Lviv", "start": {"edtf": "2020-04-12"}},
                   {"id": "month", "track": "t0", "title": "Protests in April", "start": {"edtf": "2020-04"}}]})
    w = open_window(tl, size=(1366, 768))
    sw = _swatches(w)
    colour = tl.track_colours[0]
    day, month = _mask(sw["day"], colour), _mask(sw["month"], colour)
    assert day[6:10, 6:10].all()  # filled: its middle in the track's colour
    assert not month[6:10, 6:10].any() and month.sum() > 10  # hollow: the outline only, in that colour
