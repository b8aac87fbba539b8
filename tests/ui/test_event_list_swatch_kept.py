"""Issue 12, the Events tab's track swatches: drawn once by colour and shape, so
a reload (a zone switch, a swap) draws none again; a track recoloured (an edit)
or a filter swap shows each row's swatch as a fresh window does."""

from __future__ import annotations

import dataclasses

import numpy as np

from tests.ui.test_event_list_swatch import _mask, _swatches, _tracks
from viewer.model import commands as C
from viewer.model.filters import FilterState
from viewer.ui import event_list as event_list_mod


def _counting(monkeypatch) -> list[int]:
    calls = [0]
    real = event_list_mod.marker_swatch

    def counted(*args, **kw):
        calls[0] += 1
        return real(*args, **kw)

    monkeypatch.setattr(event_list_mod, "marker_swatch", counted)
    return calls


def test_a_zone_switch_draws_no_swatch_again(open_window, monkeypatch):
    w = open_window(_tracks(5))
    before = _swatches(w)
    drawn = _counting(monkeypatch)
    w.state.display_zone = "Asia/Tokyo"
    after = _swatches(w)
    assert drawn[0] == 0
    for eid, icon in before.items():
        colour = w.timeline.track_colours[int(eid[1:])]
        assert (_mask(after[eid], colour) == _mask(icon, colour)).all()


def test_a_recoloured_track_and_a_swap_show_their_swatches_afresh(open_window, qtbot):
    tl = _tracks(5)
    w = open_window(tl)
    _swatches(w)
    track = w.timeline.tracks[2]
    w.authoring.push(C.UpdateTrack(track.id, dataclasses.replace(track, color="#ff00ff"), "Recolour"))
    qtbot.waitUntil(lambda: w.view.timeline.track_colours[2] == "#ff00ff")
    qtbot.wait(50)
    now = _swatches(w)
    assert _mask(now["e2"], "#ff00ff").sum() > 20
    assert _mask(now["e2"], tl.track_colours[2]).sum() == 0
    w.state.filters = FilterState().with_track_hidden("t1", True)
    qtbot.wait(50)
    swapped = _swatches(w)
    assert "e1" not in swapped
    fresh = open_window(w.timeline)
    fresh.state.filters = FilterState().with_track_hidden("t1", True)
    qtbot.wait(50)
    for eid, icon in _swatches(fresh).items():
        shown = fresh.view.timeline
        colour = shown.track_colours[shown.track_index[shown.event(eid).track]]
        assert np.array_equal(_mask(swapped[eid], colour), _mask(icon, colour)), eid
