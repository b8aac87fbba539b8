"""Relative D-day axis in the window: labels at the right days, zones, Off, detail pane, menu, CLI."""

import pytest

from viewer.model.calendar import epoch_from_civil
from viewer.model.dday import format_dday, local_midnight

BAND = "band:allied-resolve-2022"
TEN_FEB = int(epoch_from_civil(2022, 2, 10) // 86400)


def _draw(w, qtbot):
    o = w.view.timeline.columns.origin_epoch_s
    # 3 to 21 February, with a margin so the labels at both ends are not cut by the edges
    w.view.set_x_range(epoch_from_civil(2022, 2, 2, 12 * 3600) - o, epoch_from_civil(2022, 2, 21, 12 * 3600) - o)
    qtbot.wait(20)
    w.view.grab()
    return w.view._axis


def _relative(axis):
    return {t: r for t, r in axis.drawn_labels() if t.startswith("D")}


def _px(axis, epoch_s):
    o = axis.origin_epoch_s
    x0, x1 = axis.range
    return (epoch_s - o - x0) * axis.geometry().width() / (x1 - x0)


@pytest.mark.parametrize("zone", ["UTC", "Europe/Minsk", "America/Los_Angeles"])
def test_band_start_labels_d_minus_7_to_d_plus_10_at_their_days(make_window, qtbot, zone):
    w = make_window((1920, 1080))
    w.state.display_zone = zone
    w.state.dday = BAND
    axis = _draw(w, qtbot)
    rel = _relative(axis)
    wanted = [format_dday(n) for n in range(-7, 11)]
    assert set(wanted) <= set(rel), sorted(rel)
    for n in (-7, 0, 10):  # centred on the local midnight of their calendar day, in every zone
        rect = rel[format_dday(n)]
        assert rect.center().x() == pytest.approx(_px(axis, local_midnight(TEN_FEB + n, zone)), abs=1.5)
    assert "D-day = Thu 10 Feb 2022" in axis.labelText
    # the day numbers of the row above still read the same calendar days
    days = {t: r for t, r in axis.drawn_labels() if t.isdigit()}
    assert days["10"].center().x() == pytest.approx(rel["D-day"].center().x(), abs=1.5)


def test_off_restores_the_normal_axis(make_window, qtbot):
    w = make_window((1920, 1080))
    axis = _draw(w, qtbot)
    plain = [t for t, _ in axis.drawn_labels()]
    height = axis.textHeight
    w.state.dday = BAND
    axis = _draw(w, qtbot)
    assert axis.textHeight > height and _relative(axis)
    w.state.dday = None
    axis = _draw(w, qtbot)
    assert [t for t, _ in axis.drawn_labels()] == plain
    assert axis.textHeight == height and "D-day" not in axis.labelText


def test_sub_day_zoom_writes_the_enclosing_day(make_window, qtbot):
    w = make_window((1600, 900))
    w.state.dday = BAND
    o = w.view.timeline.columns.origin_epoch_s
    w.view.set_x_range(epoch_from_civil(2022, 2, 12, 6 * 3600) - o, epoch_from_civil(2022, 2, 12, 18 * 3600) - o)
    w.view.grab()
    assert list(_relative(w.view._axis)) == ["D+2"]


def test_detail_pane_and_menu_follow_the_reference(make_window, qtbot):
    w = make_window((1600, 900))
    w.state.selected = "drills-end"
    assert "Relative" not in w.details.toPlainText()
    w.state.dday = BAND
    assert "D+10" in w.details.toPlainText()
    menu = w.relative_axis
    texts = [t for t, _ in menu.choices()]
    assert texts[0] == "Off" and texts[1].startswith("From the selected event: Drills due to finish")
    assert any(t.startswith("From band Allied Resolve-2022") for t in texts)
    menu._fill_menu()
    chosen = [a for a in menu.group.actions() if a.isChecked()]
    assert len(chosen) == 1 and chosen[0].text().startswith("From band")
    menu.group.actions()[1].trigger()  # from the selected event: 20 Feb is D-day now
    assert w.state.dday == "event:drills-end"
    w.state.selected = "drills-begin"
    assert "D-10" in w.details.toPlainText()
    menu.group.actions()[0].trigger()
    assert w.state.dday is None and "Relative" not in w.details.toPlainText()


def test_command_line_dday(tmp_path):
    from viewer.app import main

    out = tmp_path / "d.png"
    assert main(["--screenshot", str(out), "--size", "1280x720", "--dday", BAND]) == 0
    assert out.stat().st_size > 0
    assert main(["--screenshot", str(out), "--dday", "band:truss-arrives-moscow"]) == 2


def _qualified_timeline(tmp_path):
    import json

    from viewer.io import read_timeline

    evs = [{"id": i, "track": "a", "title": i.title(), "start": {"edtf": e}} for i, e in (
        ("year", "2022"), ("unc", "2022-02-10?"), ("onafter", "[2022-02-10..]"), ("oneof", "[2022-02-10..2022-02-12]"))]
    evs.append({"id": "bandopen", "kind": "band", "title": "Band open",
                "start": {"edtf": ".."}, "end": {"edtf": "2022-02-15"}})
    path = tmp_path / "q.timeline.json"
    path.write_text(json.dumps({"format": "timeline-viewer", "version": 1, "title": "q",
                                "tracks": [{"id": "a", "label": "A"}], "sources": [], "events": evs}))
    return path, read_timeline(path)


def test_the_axis_note_and_menu_say_what_is_uncertain_about_d_day(qtbot, tmp_path):
    from viewer.io import read_timeline
    from viewer.ui.main_window import MainWindow

    path, tl = _qualified_timeline(tmp_path)
    w = MainWindow(tl, read_timeline, str(path))
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    axis = w.view._axis
    for ref, note in (("event:unc", "D-day = Thu 10 Feb 2022 (uncertain), Unc"),
                      ("event:onafter", "D-day = on or after Thu 10 Feb 2022, Onafter"),
                      ("band:bandopen", "D-day = Tue 15 Feb 2022, end of Band open")):
        w.state.dday = ref
        assert note in axis.labelText, (ref, axis.labelText)
    w.state.dday = "event:year"  # known only to the year: no row, no invented 1 Jan
    assert "D-day" not in axis.labelText
    w.state.selected = "year"
    choice = w.relative_axis.choices()[1]
    assert choice[1] == "" and "no D-day: its start is known only to the year: 2022" in choice[0]
    w.state.selected = "oneof"
    assert "one day between" in w.relative_axis.choices()[1][0]


def test_command_line_refuses_a_d_day_coarser_than_a_day(tmp_path, capsys):
    from viewer.app import main

    path, _tl = _qualified_timeline(tmp_path)
    out = tmp_path / "d.png"
    assert main([str(path), "--screenshot", str(out), "--dday", "year"]) == 2
    assert "its start is known only to the year: 2022; D-day needs a day" in capsys.readouterr().err
    assert not out.exists()
