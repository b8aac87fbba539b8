"""Present mode with crowded conflict data (the ACLED form: a track per event type, hundreds of
events in a fortnight): every lane keeps a readable height, its name and the step's label whole,
labels never overlap and track names never touch.  Before, the lanes shrank in proportion to
what they needed: the one-row "Riots/Protests" lane became a 12 px sliver under the header (its
name and the step's own label cut), the "Violence against civilians" strip a sliver whose "14
around Mon 20 Jun 2016" ran into the next lane's "15 around …", and two track names touched."""

import random

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from viewer.graphics.style import label_font
from viewer.io import read_timeline

from .presenting import present_at

TYPES = {"Riots/Protests": 184, "Violence against civilians": 107, "Battle-No change of territory": 106,
         "Remote violence": 46, "Battle-Government regains territory": 26, "Strategic development": 26,
         "Non-violent transfer of territory": 5}
HEADER = ("event_id_cnty,event_date,time_precision,event_type,actor1,actor2,country,location,"
          "source,notes,fatalities")


@pytest.fixture(scope="module")
def acled(tmp_path_factory):
    """A fortnight of 500 events in the ACLED form, a few of them dated to the week only."""
    rnd = random.Random(2016)
    lines = [HEADER]
    n = 0
    for kind, count in TYPES.items():
        for k in range(count):
            n += 1
            day = 17 + min(int(rnd.expovariate(1 / 5)), 15)
            month, day = (6, day) if day <= 30 else (7, day - 30)
            week = kind == "Riots/Protests" and k % 20 == 0
            lines.append(f"EV{n:04d},2016-{month:02d}-{day:02d},{2 if week else 1},{kind},"
                         f"Actors {k % 9},Civilians,Zambia,Town {k % 13},Reports {k % 5},"
                         f"Event {n} of the {kind.lower()} kind in town {k % 13}.,{k % 3}")
    path = tmp_path_factory.mktemp("acled") / "acled.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_timeline(path)


def _shown(qtbot, tl, size, step):
    return present_at(qtbot, tl, size, step)


def _apart(rects: list[tuple[str, QRectF]]) -> list[tuple[str, str]]:
    """Pairs of texts whose rectangles overlap (or touch)."""
    out = []
    for i, (t1, r1) in enumerate(rects):
        for t2, r2 in rects[i + 1:]:
            if r1.adjusted(-0.5, -0.5, 0.5, 0.5).intersects(r2) and r1.intersected(r2).height() > 0.5:
                out.append((t1, t2))
    return out


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
@pytest.mark.parametrize("step", [1, 3, 5])
def test_every_lane_is_readable_and_no_label_overlaps(qtbot, acled, size, step):
    pw = _shown(qtbot, acled, size, step)
    view = pw.view
    frame = view.events_item._frame
    style = view.style_
    name_px = QFontMetricsF(label_font(style.font_px, bold=True, family=style.font_family)).height()
    small = QFontMetricsF(label_font(style.min_font_px, family=style.font_family)).height()
    thin = {view.timeline.tracks[k].label: round(bottom - top) for k, (top, bottom) in enumerate(frame.lanes)
            if bottom - top < max(name_px, small + 8)}
    assert not thin, f"lanes too thin to read at {size}, step {step} (names need {name_px:.0f} px): {thin}"
    # the step's own label is drawn whole
    cols = view.timeline.columns
    row = cols.row_of(pw.presentation.step.event)
    (placed,) = [p for p in frame.placements if p.row == row]
    font_px = (frame.lane_font_px or {}).get(int(cols.lane[row]), style.font_px)
    assert placed.label_width >= view.events_item.selected_label_px(row, font_px) - 0.5
    labels = [(text, QRectF(r)) for text, r in view.events_item.drawn_labels]
    labels += [(text, QRectF(left, top, width, small)) for text, left, width, top in frame.stack_labels or []]
    assert not _apart(labels), f"labels overlap at {size}, step {step}: {_apart(labels)}"
    names = view.track_axis.drawn_labels()
    assert len(names) == len(TYPES)
    assert not _apart(names), f"track names touch at {size}, step {step}: {_apart(names)}"


@pytest.fixture(scope="module")
def many_types(tmp_path_factory):
    """18 event types in the ACLED form, the first busiest: more lanes than a 768 px wall holds."""
    rnd = random.Random(5)
    lines = [HEADER]
    n = 0
    for i in range(18):
        for k in range(max(1, 60 // (i + 1))):
            n += 1
            day = 17 + min(int(rnd.expovariate(1 / 5)), 13)
            lines.append(f"EV{n:04d},2016-06-{day:02d},1,Type {chr(65 + i)} events,Actors {k % 9},Civilians,"
                         f"Zambia,Town {k % 13},Reports {k % 5},Event {n}.,0")
    path = tmp_path_factory.mktemp("acled") / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_timeline(path)


@pytest.mark.parametrize("step", [1, 3])
def test_tracks_the_wall_cannot_hold_are_folded_and_said(qtbot, many_types, step):
    """An audience cannot scroll: with 18 tracks at 1366x768 six lanes were below the screen's
    edge, a scroll bar the only sign of them.  The quietest tracks of the step's window are left
    out (never its own event's) and the header says how many."""
    pw = _shown(qtbot, many_types, (1366, 768), step)
    view = pw.view
    assert not view.vscroll.isVisible()
    shown = [t.id for t in view.timeline.tracks]
    folded = len(many_types.tracks) - len(shown)
    assert folded > 0
    header = pw.header.text().replace("\u00a0", " ")
    assert f"{folded} more tracks not shown" in header, header
    assert many_types.event(pw.presentation.step.event).track in shown
    # each lane shown is high enough for a line of type, its name whole, names apart
    frame = view.events_item._frame
    style = view.style_
    name_px = QFontMetricsF(label_font(style.font_px, bold=True, family=style.font_family)).height()
    small = QFontMetricsF(label_font(style.min_font_px, family=style.font_family)).height()
    assert min(bottom - top for top, bottom in frame.lanes) >= max(name_px, small + 8)
    names = view.track_axis.drawn_labels()
    assert len(names) == len(shown)
    assert not _apart(names)
