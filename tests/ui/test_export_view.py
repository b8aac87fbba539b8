"""File > Export picture as a user meets it: the picture shows what the window shows.

The SVG is read for its drawn text (track labels, legend, axis rows,
subtitle, footnote: one ``<text>`` element per string drawn); the PNG for
its pixels (track stripes, the plot's right edge).
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QColor, QImage

from viewer.model.filters import FilterState
from viewer.ui.export import filters_note


def svg_texts(path) -> list[str]:
    """Every string drawn in an SVG written by QSvgGenerator, in drawing order."""
    svg = path.read_text(encoding="utf-8")
    return [html.unescape(t).strip() for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)]


def test_hidden_tracks_stay_hidden_and_the_subtitle_counts_the_shown_events(make_window, tmp_path):
    w = make_window()
    w.state.filters = FilterState(hidden_tracks=frozenset({"russia", "uk"}),
                                  track_order=("uk", "normandy", "us", "nato", "russia", "exercise"))
    out = tmp_path / "filtered.svg"
    assert w.files.export_current_view(str(out), size=(1200, 700))
    texts = svg_texts(out)
    # the lanes' labels and the legend: the four shown tracks, none of the hidden ones
    for label in ("Normandy Format", "United States", "NATO", "Exercise"):
        assert label in texts
    assert "Russia / Kremlin" not in texts and "United Kingdom" not in texts
    assert [t for t in texts if t in ("Normandy Format", "United States", "NATO", "Exercise")][:4] == \
        ["Normandy Format", "United States", "NATO", "Exercise"]  # the window's order, top to bottom
    shown = len(w.shown.timeline.events)
    assert shown < 16
    subtitle = next(t for t in texts if "events shown" in t)
    assert f"{shown} of 16 events shown; filters: hidden tracks: Russia / Kremlin, United Kingdom" in subtitle
    # the footnote lists the sources of the events shown only: not the Kremlin's nor Downing Street
    footnote = " ".join(t for t in texts if t.startswith(("Sources:", "1.", "2.", "3.", "4.", "5.", "6.", "7.")))
    assert "Sources:" in footnote and "Peskov" not in footnote and "Downing Street" not in footnote
    assert "Stoltenberg" in footnote


def test_the_axis_and_subtitle_are_in_the_display_zone(make_window, tmp_path):
    w = make_window()
    w.state.display_zone = "Asia/Kathmandu"
    out = tmp_path / "zone.svg"
    assert w.files.export_current_view(str(out), size=(1200, 700))
    texts = svg_texts(out)
    assert "Time: Asia/Kathmandu (UTC+05:45)" in texts  # the axis label, as in the window
    assert any("in Asia/Kathmandu (UTC+05:45)" in t and "events shown" in t for t in texts)
    assert not any("(UTC)" in t for t in texts)


def test_the_dday_row_selection_and_search_come_along(make_window, tmp_path):
    w = make_window()
    w.state.dday = "band:allied-resolve-2022"
    w.state.query = "Stoltenberg"
    w.state.selected = "lavrov-lowest-level"
    out = tmp_path / "dday.svg"
    assert w.files.export_current_view(str(out), size=(1600, 900))
    texts = svg_texts(out)
    assert {"D-day", "D-1", "D+1"} <= set(texts)  # the relative row's labels
    assert any(t.startswith("Time: UTC (Zulu) · D-day = Thu 10 Feb 2022") for t in texts)
    assert any("search “Stoltenberg”: 2 matches" in t for t in texts)
    off = tmp_path / "off.svg"
    w.state.dday = None
    assert w.files.export_current_view(str(off), size=(1600, 900))
    assert "D-day" not in svg_texts(off)


def test_the_selected_event_is_emphasised_as_in_the_window(make_window, tmp_path):
    w = make_window()
    plain, chosen = tmp_path / "plain.png", tmp_path / "chosen.png"
    assert w.files.export_current_view(str(plain), size=(1200, 700))
    w.state.selected = "truss-arrives-moscow"
    assert w.files.export_current_view(str(chosen), size=(1200, 700))
    a, b = QImage(str(plain)), QImage(str(chosen))
    differ = sum(a.pixel(x, y) != b.pixel(x, y) for x in range(0, 1200, 3) for y in range(60, 600, 3))
    assert differ > 50  # the ring and the bold label on its box


def test_lanes_have_their_colour_stripes_and_bars_stop_at_the_plot_edge(make_window, tmp_path):
    w = make_window()
    out = tmp_path / "stripes.png"
    assert w.files.export_current_view(str(out), size=(1200, 700))
    image = QImage(str(out))
    exercise = QColor(next(t.color for t in w.timeline.tracks if t.id == "exercise"))

    def near(c: QColor, ref: QColor) -> bool:
        return abs(c.red() - ref.red()) + abs(c.green() - ref.green()) + abs(c.blue() - ref.blue()) < 40

    # the Exercise lane's events are mid-February, far right of the left quarter: only its stripe is there
    stripe = [(x, y) for x in range(0, 300) for y in range(50, 560) if near(image.pixelColor(x, y), exercise)]
    assert len(stripe) > 100
    assert max(x for x, _ in stripe) - min(x for x, _ in stripe) <= 6  # a narrow stripe, as in the window
    pad = max(12.0, 1200 / 80)
    margin = [image.pixelColor(x, y) for x in range(int(1200 - pad) + 2, 1200) for y in range(50, 560)]
    assert all(c == QColor("#ffffff") for c in margin)  # open-ended bars stop at the plot's right edge


def test_picture_paths_without_a_picture_extension_are_refused(make_window, tmp_path):
    w = make_window()
    folder = tmp_path / "pictures"
    folder.mkdir()
    for bad in (tmp_path / "noext", folder, tmp_path / "x.bmp"):
        assert not w.files.export_current_view(str(bad), size=(800, 600))
        message = w.last_error.text()
        assert str(bad) in message and ".png, .svg or .pdf" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pictures"]  # no noext.pdf, no pictures.pdf
    assert list(folder.iterdir()) == []


def test_filters_note_names_what_is_hidden(make_window):
    w = make_window()
    tl = w.timeline
    assert filters_note(tl, FilterState()) == ""
    assert filters_note(tl, FilterState(track_order=("uk",))) == ""  # reordering hides nothing
    note = filters_note(tl, FilterState(hidden_tracks=frozenset({"uk"}), tags=frozenset({"drills"})))
    assert note == "hidden track: United Kingdom; tags: drills"


def test_a_picture_of_a_large_file_builds_only_the_events_that_cite_sources(qapp, tmp_path, monkeypatch):
    """The sources footnote of a picture of a lazily-read file looks only at
    the events the reader saw with sources or quotes: building every event
    took a minute at a million events."""
    from tests.io.test_bulk import RICH, bulk_read, write_file
    from viewer.ui.export import PictureOptions, export_picture

    path = tmp_path / "big.timeline.json"
    write_file(path, extra=RICH)
    tl = bulk_read(path, monkeypatch)
    out = tmp_path / "big.png"
    export_picture(tl, out, PictureOptions(size=(800, 500)))
    assert out.stat().st_size > 0
    assert len(tl.events._built) <= 10, len(tl.events._built)


def test_without_a_range_the_picture_shows_the_timelines_home(tmp_path, bundled_path, qapp):
    """The bundled timeline's home is 2-21 Feb 2022, not the 2013-2022 of its
    'since 2014' span, as the window opens on it."""
    from viewer.io import read_timeline
    from viewer.ui.export import PictureOptions, export_picture

    out = tmp_path / "home.svg"
    export_picture(read_timeline(bundled_path), out, PictureOptions(size=(1200, 700)))
    subtitle = next(t for t in svg_texts(out) if "events shown" in t)
    assert subtitle.startswith("Tue 1 Feb 2022 – Tue 22 Feb 2022"), subtitle


def test_pdf_labels_on_bars_are_text_once(tmp_path, bundled_path, qapp):
    """A label over a bar has a halo; in a PDF it used to be nine copies of
    the text, so search, copy and screen readers met each title nine times."""
    import pypdf

    from viewer.io import read_timeline
    from viewer.ui.export import PictureOptions, export_picture

    out = tmp_path / "brief.pdf"
    export_picture(read_timeline(bundled_path), out, PictureOptions(size=(1600, 900)))
    text = " ".join(pypdf.PdfReader(str(out)).pages[0].extract_text().split())
    assert text.count("Russia denies plans to strike Ukraine") == 1
    assert text.count("Normandy Format talks on eastern Ukraine") == 1


def test_svg_bars_stay_inside_the_plot(tmp_path, bundled_path, qapp):
    """Qt's SVG writer cannot clip: open-ended bars used to run into the
    picture's right margin and into the track-name column."""
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    from viewer.io import read_timeline
    from viewer.ui.export import PictureOptions, export_picture

    out = tmp_path / "brief.svg"
    export_picture(read_timeline(bundled_path), out, PictureOptions(size=(1600, 900)))
    img = QImage(1600, 900, QImage.Format.Format_ARGB32)
    img.fill(QColor("#ffffff"))
    painter = QPainter(img)
    QSvgRenderer(str(out)).render(painter)
    painter.end()
    margin = [img.pixelColor(x, y) for x in range(1596, 1600) for y in range(120, 760)]
    assert all(c.red() > 245 and c.green() > 245 and c.blue() > 245 for c in margin)


def test_the_picture_draws_the_range_its_subtitle_names(tmp_path, bundled_path, qapp):
    """A range beyond the data, or wider than it, used to be clamped by the
    window's limits: the subtitle said January 2030, the axis August 2022."""
    from viewer.io import read_timeline
    from viewer.model.dates import EventDate
    from viewer.ui.export import PictureOptions, export_picture

    tl = read_timeline(bundled_path)
    for start, end, year_label in (("2030-01-01", "2030-02-01", "Jan 2030"), ("2021-01-01", "2023-12-31", "2023")):
        out = tmp_path / f"r{start}.svg"
        export_picture(tl, out, PictureOptions(size=(1200, 700), x_range_epoch=(EventDate(start).earliest,
                                                                                EventDate(end).latest)))
        texts = svg_texts(out)
        assert year_label in texts, (start, [t for t in texts if t[:1].isdigit() or t[:3].isalpha()][:30])
        assert "2019" not in texts


def _day_labels_and_band_start(path) -> tuple[list[float], float]:
    """The x (device px) of each day number under the plot, left to right, and of the
    drills band's left edge (its dashed orange line, 10 Feb 00:00 UTC)."""
    import numpy as np

    from tests.images import image_array

    a = image_array(path).astype(int)[:, :, :3]
    h, w = a.shape[:2]
    ink = a.max(axis=2) < 110
    x0 = int(np.argmax(ink.sum(axis=0))) + 4  # right of the plot's left edge (the longest dark line)
    dark = ink[:, x0:]
    text_rows = dark.any(axis=1) & (dark.mean(axis=1) < 0.5)  # not the axis line
    top = int(0.8 * h) + int(np.flatnonzero(text_rows[int(0.8 * h):int(0.9 * h)])[0])
    bottom = top
    while text_rows[bottom + 1]:
        bottom += 1
    xs = np.flatnonzero(dark[top:bottom + 1].any(axis=0))
    labels = np.split(xs, np.flatnonzero(np.diff(xs) > 0.5 * (bottom - top + 1)) + 1)
    orange = (a[:, :, 0] > 200) & (a[:, :, 1] > 130) & (a[:, :, 1] < 190) & (a[:, :, 2] < 90)
    per_column = orange[:int(0.75 * h)].sum(axis=0)
    band_x = float(np.flatnonzero(per_column > 0.5 * per_column.max())[0])
    return [(g[0] + g[-1]) / 2 + x0 for g in labels], band_x


def test_day_numbers_sit_under_their_days_at_every_png_dpi(tmp_path, bundled_path, qapp):
    """At --dpi 192 the day numbers and track names were drawn twice as large and
    twice as far from the corner as the events: the 10 Feb drills sat over a "6"."""
    from viewer.io import read_timeline
    from viewer.ui.export import PictureOptions, export_picture

    tl = read_timeline(bundled_path)
    for dpi in (96, 144, 192):
        out = tmp_path / f"brief{dpi}.png"
        export_picture(tl, out, PictureOptions(size=(1600, 900), dpi=dpi))
        assert QImage(str(out)).width() == round(1600 * dpi / 96)
        labels, band_x = _day_labels_and_band_start(out)
        assert len(labels) == 21, (dpi, labels)  # 2 .. 22 Feb
        ten = labels[8]  # 2, 3, ... 9, 10
        assert abs(ten - band_x) <= 3 * dpi / 96, (dpi, ten, band_x)
