"""Present mode on the projectors briefing rooms have (1024x768, 1280x720, 1366x768, 1920x1080):
every step of the bundled story shows every event in view with its own label, whole and inside
the view. Before, lanes kept the height the whole timeline asked for: at 1280x720 the United
States, Normandy and United Kingdom lanes drew "+1" badges (an event folded under another, no
label) at steps 6 and 12 while the empty NATO lane took as much room as they did, and at steps
9-10 (1366x768, 1920x1080) Lavrov's label ended "... recent ye… (?)" at the view's right edge."""

from __future__ import annotations

import pytest

from tests.ui.conftest import present_window
from viewer.io import read_timeline

SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)]


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def wall_faults(pw) -> dict[str, list]:
    """What an audience would miss on the step shown, as last painted: ``badges`` (+N, with the
    ids of the events folded under them), ``unlabelled`` (an event on screen drawn without a
    label, no badge), ``cut`` (a label shortened with "…", or whose text box is not inside the
    view: past its left or right edge, or over its lane's top or bottom)."""
    view = pw.view
    view.viewport().repaint()
    item = view.events_item
    frame = item._frame
    cols = view.timeline.columns
    base = view.style_.font_px
    fonts = frame.lane_font_px or {}
    faults: dict[str, list] = {"badges": [], "unlabelled": [], "cut": []}
    over = [cols.ids[p.row] for p in frame.placements if p.overflow]
    for lane, _left, _w, n in frame.badges or []:
        faults["badges"].append((view.timeline.tracks[lane].id, n, over))
    for p in frame.placements:
        on_screen = frame.left_px <= p.marker_x <= frame.right_px or p.bar1 > p.bar0
        if on_screen and not p.overflow and p.label_width <= 0:
            faults["unlabelled"].append(cols.ids[p.row])
    # the labels as drawn: text and box (device pixels)
    drawn = [text for text, _rect in item.drawn_labels]
    for text, rect in item.drawn_labels:
        inside_x = frame.left_px - 0.5 <= rect.left() and rect.right() <= frame.right_px + 0.5
        lane = next((k for k, (top, bottom) in enumerate(frame.lanes)
                     if top - 0.5 <= rect.center().y() <= bottom + 0.5), None)
        inside_y = lane is not None and frame.lanes[lane][0] - 1 <= rect.top() and \
            rect.bottom() <= frame.lanes[lane][1] + 1
        if not inside_x or not inside_y:
            faults["cut"].append(text)
    # every label is drawn as its event's full text (in its lane's type), not shortened with "…"
    for p in frame.placements:
        if p.label_width > 0:
            text = item._label(p.row, fonts.get(int(cols.lane[p.row]), base))[0]
            if text not in drawn and text not in faults["cut"]:
                faults["cut"].append(text)
    return faults


present = present_window


def faults_per_step(qtbot, pw) -> dict[int, dict[str, list]]:
    out = {}
    for k in range(pw.presentation.count):
        pw.presentation.go_to(k)
        qtbot.wait(5)
        out[k + 1] = wall_faults(pw)
    return out


@pytest.mark.parametrize("size", SIZES)
def test_every_step_labels_every_event_in_view_whole(qtbot, tl, size):
    pw = present(qtbot, tl, size)
    found = {step: {k: v for k, v in f.items() if v} for step, f in faults_per_step(qtbot, pw).items()}
    found = {step: f for step, f in found.items() if f}
    assert not found, f"at {size[0]}x{size[1]}: {found}"


@pytest.mark.parametrize("size", SIZES)
def test_labels_keep_the_smallest_wall_type(qtbot, tl, size):
    """Room is found by sizing lanes, never by type smaller than the wall's minimum (1/45 of
    the screen height: read from 5 m on a projector)."""
    pw = present(qtbot, tl, size)
    smallest = pw.view.style_.min_font_px
    assert smallest >= max(13, int(size[1] / 45))
    for k in range(pw.presentation.count):
        pw.presentation.go_to(k)
        qtbot.wait(5)
        pw.view.viewport().repaint()
        fonts = pw.view.events_item._frame.lane_font_px or {}
        assert all(px >= smallest for px in fonts.values()), (k + 1, fonts)


def test_an_empty_lane_takes_a_line_and_busy_lanes_their_sub_rows():
    """NATO with nothing in view takes a line for its name; the lanes with events get the
    sub-rows their labels need before any spare height is shared (equally)."""
    from viewer.graphics.frame import fit_lane_heights

    rows = [1, 4, 0, 2, 3, 3]  # step 6: Exercise, Russia, NATO, United States, Normandy, United Kingdom
    full, least, empty = 30.0, 23.0, 25.0
    need = [8 + r * full + 1 for r in rows if r]
    roomy = fit_lane_heights(rows, sum(need) + empty + 60.0, full, least, empty)
    assert roomy[2] == pytest.approx(empty)  # NATO's share of the spare is left over (the lanes centred)
    assert [h - 10.0 for k, h in enumerate(roomy) if rows[k]] == pytest.approx(need)
    assert sum(roomy) == pytest.approx(sum(need) + empty + 50.0)
    # too little for the full type: every busy lane still holds its sub-rows in the smallest type
    total = sum(8 + r * least + 1 for r in rows if r) + empty + 20.0
    tight = fit_lane_heights(rows, total, full, least, empty)
    assert tight[2] == pytest.approx(empty)
    for r, h in zip(rows, tight, strict=True):
        if r:
            assert (h - 8) // least >= r and h < 8 + r * full + 1
    assert sum(tight) == pytest.approx(total)


def _text_px(pw, h: float) -> float:
    """Height of the caption's laid-out text, pixels (its lines and the gaps between them)."""
    lines = pw.caption.lines()
    return sum(ln.height for ln in lines) + 0.25 * h / 36 * max(0, len(lines) - 1)


def test_the_caption_gives_way_to_the_lanes_in_legible_type(qtbot, tl):
    """At 1280x720 the caption area kept step 1's height at every step; it leaves the lanes of
    steps 6 and 12 what they need, its quotes no smaller than the smallest caption type."""
    from viewer.ui.present_caption import CAPTION_MIN_FRACTION

    pw = present(qtbot, tl, (1280, 720))
    for k in range(pw.presentation.count):
        pw.presentation.go_to(k)
        qtbot.wait(5)
        for line in pw.caption.lines():
            assert line.font.pixelSize() >= round(720 * CAPTION_MIN_FRACTION) - 1, (k + 1, line.text)
        # no taller than the step's lanes leave it, unless its text in the smallest type needs more
        limit = pw.caption.height_limit
        assert limit is not None
        assert pw.caption.height() <= max(limit, _text_px(pw, 720.0) + 2 * 720 / 60) + 1, k + 1


@pytest.mark.parametrize("size", SIZES)
def test_the_caption_keeps_nothing_empty_and_the_lanes_get_the_rest(qtbot, tl, size):
    """At 1920x1080 step 6's caption (one line of quote) kept the height of the story's longest
    caption, 170 px empty under its text, while the lanes above were squeezed to a smaller type.
    Each step's caption now leaves nothing empty under its text (but the panel's least height), and a
    step whose lanes have room gets them in the full label type."""
    pw = present(qtbot, tl, size)
    h = float(size[1])
    for k in range(pw.presentation.count):
        pw.presentation.go_to(k)
        pw.finish_animation()
        qtbot.wait(5)
        text = _text_px(pw, h)
        empty = pw.caption.height() - text - 2 * h / 60
        floor = 0.12 * h - text - 2 * h / 60  # the panel's least height
        assert empty <= max(2.0, floor + 1), (k + 1, empty)
    if size == (1920, 1080):
        pw.presentation.go_to(5)
        pw.finish_animation()
        qtbot.wait(5)
        pw.view.viewport().repaint()
        fonts = pw.view.events_item._frame.lane_font_px or {}
        assert all(px == pw.view.style_.font_px for px in fonts.values()), fonts


def _own_data(tmp_path):
    """A newcomer's import: no story, two tracks; step 2 ("Vote") has events only in Council."""
    import json

    def ev(k, track, title, day):
        return {"id": f"row-{k}", "kind": "point", "track": track, "title": title,
                "start": {"edtf": f"2022-04-{day:02d}"}}

    doc = {"format": "timeline-viewer", "version": 1, "title": "myimport", "time_zone": "UTC",
           "tracks": [{"id": "council", "label": "Council", "order": 0},
                      {"id": "street", "label": "Street", "order": 1}],
           "events": [ev(1, "council", "Meeting held", 3), ev(2, "council", "Vote", 5),
                      ev(3, "street", "Rally", 12), ev(4, "street", "Fire", 14)]}
    path = tmp_path / "myimport.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return read_timeline(str(path))


def test_an_empty_lane_takes_one_line_beside_a_lane_with_events(qtbot, tmp_path):
    """The README: a track with nothing in view takes one line.  At step 2 of a story-less
    import the empty Street lane took half the screen (every lane an equal share of the
    spare height); Council, with both events in view, gets no more than its share either
    (what is left centres the lanes)."""
    from viewer.model.story import default_story
    from viewer.ui.present import PresentWindow

    tl = _own_data(tmp_path)
    pw = PresentWindow(tl, default_story(tl), animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(1366, 768)
    pw.show()
    qtbot.waitExposed(pw)
    pw.presentation.go_to(1)
    qtbot.wait(5)
    view = pw.view
    view.viewport().repaint()
    frame = view.events_item._frame
    lanes = {view.timeline.tracks[k].id: (top, bottom) for k, (top, bottom) in enumerate(frame.lanes)}
    street = lanes["street"][1] - lanes["street"][0]
    council = lanes["council"][1] - lanes["council"][0]
    assert street <= view.strip_px() + 1.0, (street, view.strip_px())
    assert council > 3 * street
    plot = float(view.plotItem.vb.height())
    assert council <= plot / 2 + 60  # its sub-row and half of the spare, not the whole screen
    # the lanes are centred in what is left over
    top = min(t for t, _ in frame.lanes) - view.plotItem.vb.sceneBoundingRect().top()
    bottom = view.plotItem.vb.sceneBoundingRect().bottom() - max(b for _, b in frame.lanes)
    assert abs(top - bottom) <= 2.0, (top, bottom)


def _crowded(tmp_path):
    """Fifty events of five tracks over four months, some dated by month or year only (the
    port strike a newcomer imported): its steps fold events under "+1" badges."""
    import datetime as dt
    import json

    tracks = ["union", "port", "government", "courts", "shipping"]
    events = [{"id": "strike", "kind": "span", "track": "union", "title": "Dockworkers begin strike",
               "start": "2023-03-02", "end": ".."}]
    for k in range(2, 51):
        track = tracks[(k - 1) % 5]
        day = dt.date(2023, 3, 2) + dt.timedelta(days=round((k - 1) * 2.3))
        edtf = {3: "2023-03", 9: "2023-04", 44: "2023"}.get(k, day.isoformat())
        events.append({"id": f"e{k}", "kind": "point", "track": track,
                       "title": f"{track.capitalize()}: development {k}", "start": edtf})
    doc = {"format": "timeline-viewer", "version": 1, "title": "port strike", "time_zone": "UTC",
           "tracks": [{"id": t, "label": t.capitalize(), "order": k} for k, t in enumerate(tracks)],
           "events": events}
    path = tmp_path / "strike.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return read_timeline(str(path))


def test_no_badge_covers_a_label_in_a_crowded_step(qtbot, tmp_path):
    """A "+1" was drawn at its lane's top over the selected label "Courts: development 9"
    and over a strike's bar; a badge goes where it covers no drawn label near its events,
    else it stays at its lane's top, never over the step's own label."""
    from viewer.model.story import default_story
    from viewer.ui.present import PresentWindow

    tl = _crowded(tmp_path)
    story = default_story(tl)
    pw = PresentWindow(tl, story, animation_ms=0)
    qtbot.addWidget(pw)
    pw.resize(1366, 768)
    pw.show()
    qtbot.waitExposed(pw)
    seen = 0
    for k in range(pw.presentation.count):
        pw.presentation.go_to(k)
        qtbot.wait(1)
        view = pw.view
        view.viewport().repaint()
        item = view.events_item
        frame = item._frame
        badges = frame.badges or []
        tops = getattr(frame, "badge_tops", None) or [frame.lanes[lane][0] for lane, *_ in badges]  # before: the top
        selected = tl.event(story.steps[k].event).title
        for (lane, left, w, n), top in zip(badges, tops, strict=True):
            seen += 1
            for text, rect in item.drawn_labels:
                overlap = left < rect.right() and rect.left() < left + w and \
                    top < rect.bottom() and rect.top() < top + 20
                # with no free place near its events a badge stays at its lane's top (moved
                # farther it would count events it is not near), never over the step's label
                assert not overlap or (top == frame.lanes[lane][0] and selected not in text), \
                    (k + 1, view.timeline.tracks[lane].id, n, text)
    assert seen, "the crowded story should fold some event under a badge"
