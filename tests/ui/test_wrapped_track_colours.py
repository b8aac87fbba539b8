"""More uncoloured tracks than palette colours (the Allied Resolve draft has eight: track 8
"Liz Truss" was gold like track 1 "Russia", markers and legend alike): colours are distinct
while the palette lasts, and a track whose colour repeats gets its own marker shape."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from viewer.io.native import timeline_from_dict
from viewer.model.timeline import TRACK_PALETTE
from viewer.ui import export


def _tracks(n: int):
    return timeline_from_dict({
        "format": "timeline-viewer", "version": 1, "title": f"{n} tracks",
        "tracks": [{"id": f"t{i}", "label": f"Track {i}"} for i in range(n)],
        "events": [{"id": f"e{i}", "track": f"t{i}", "title": f"Event {i}", "start": {"edtf": "2022-02-10"}}
                   for i in range(n)]})


def test_colours_are_distinct_until_the_palette_runs_out_then_shapes_tell_tracks_apart():
    n = len(TRACK_PALETTE)
    full, more = _tracks(n), _tracks(n + 2)
    assert len(set(full.track_colours)) == n
    assert set(full.track_shapes) == {"diamond"}  # no repeat: every track keeps the diamond
    assert more.track_colours[n] == more.track_colours[0] and more.track_colours[n + 1] == more.track_colours[1]
    assert more.track_shapes[:n] == ("diamond",) * n and more.track_shapes[n:] == ("circle", "circle")
    looks = set(zip(more.track_colours, more.track_shapes))
    assert len(looks) == n + 2  # no two tracks look alike


def test_the_tracks_of_an_ingested_article_have_a_colour_each():
    """The Allied Resolve draft's tracks: "People" (track 8) was drawn in "Russia"'s orange (told
    apart by a circle only); uncoloured tracks now take a colour each (seven since ingest8: Liz
    Truss, "Foreign Secretary", is on United Kingdom's track, no "People" track)."""
    from pathlib import Path

    from viewer.ingest import ingest_file

    tl = ingest_file(Path(__file__).resolve().parents[1] / "data" / "articles" / "allied-resolve-2022.txt").timeline
    labels = [t.label for t in tl.tracks]
    assert "Russia" in labels and "People" not in labels and len(labels) == 7
    assert len(set(tl.track_colours)) == 7
    assert set(tl.track_shapes) == {"diamond"}


def _marker_mask(img: QImage, x: float, y: float, colour: str, r: int = 10) -> np.ndarray:
    c = QColor(colour)
    out = np.zeros((2 * r + 1, 2 * r + 1), bool)
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            p = img.pixelColor(int(x) + dx, int(y) + dy)
            out[dy + r, dx + r] = abs(p.red() - c.red()) + abs(p.green() - c.green()) + abs(p.blue() - c.blue()) < 60
    return out


def test_desk_draws_the_eighth_track_with_another_marker_than_the_first(open_window):
    n = len(TRACK_PALETTE)  # the first track whose colour repeats
    tl = _tracks(n + 1)
    w = open_window(tl, size=(1366, 768))
    img = w.view.grab().toImage()
    item = w.view.events_item
    p0, p7 = item.marker_position("e0"), item.marker_position(f"e{n}")
    assert p0 is not None and p7 is not None
    gold = tl.track_colours[0]
    m0 = _marker_mask(img, p0.x(), p0.y(), gold)  # (device pixels of the grab)
    m7 = _marker_mask(img, p7.x(), p7.y(), gold)
    assert m0.sum() > 20 and m7.sum() > 20  # both drawn in gold ...
    assert (m0 != m7).sum() > 15  # ... as a diamond and a circle


def test_picture_legend_shows_the_repeated_colour_tracks_shape(tmp_path, monkeypatch):
    n = len(TRACK_PALETTE)
    tl = _tracks(n + 1)
    drawn: list[str] = []

    def spy(self, painter, line, rect, colours):
        drawn.extend(f"{self.legend_shapes.get(item[2:], 'diamond')} {item[2:]}" for item in line.split("   ")
                     if item.startswith("■ "))
        return real(self, painter, line, rect, colours)

    real = export._Picture._paint_legend_line
    monkeypatch.setattr(export._Picture, "_paint_legend_line", spy)
    export.export_picture(tl, tmp_path / "eight.png")
    assert "diamond Track 0" in drawn and f"circle Track {n}" in drawn


def test_desk_track_label_of_the_repeated_colour_shows_its_marker_shape(open_window):
    n = len(TRACK_PALETTE)
    w = open_window(_tracks(n + 1), size=(1366, 768))
    assert w.view.track_label(0) == "Track 0"  # a colour of its own: no shape needed
    assert w.view.track_label(n) == f"● Track {n}"  # gold again, drawn with circles
