"""A D-day on a date whose year is unknown (``XXXX-06-10``) was accepted and counted from a day of
the year 0: the axis said "D+738846" and "D-day = Sat 10 Jun 1 BCE", and a band ``XXXX-04`` was
refused as "known only to the month: April 1 BCE" (tester finding).  It is refused, naming the
event and saying its year is unknown: ``--dday``, ``export --dday``, a story's ``"dday"`` (validate
lists it; presenting draws no relative axis)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.app import main

FIXTURE = Path(__file__).resolve().parent / "data" / "unknown_year.timeline.json"
UNKNOWN = "the year of its start is unknown (10 June of an unknown year): there is no day to count days from"


def _copy(tmp_path, **extra):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data.update(reference_date={"edtf": "2023-05-10"}, **extra)
    path = tmp_path / "u.timeline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_window_refuses_a_d_day_whose_year_is_unknown(tmp_path, capsys):
    out = tmp_path / "d.png"
    assert main([str(_copy(tmp_path)), "--screenshot", str(out), "--dday", "founding"]) == 2
    err = capsys.readouterr().err
    assert f"--dday: 'founding' (Union founded): {UNKNOWN}" in err
    assert "BCE" not in err and not out.exists()
    assert main([str(_copy(tmp_path)), "--screenshot", str(out), "--dday", "band:season"]) == 2
    err = capsys.readouterr().err
    assert "'season' (Fishing season): the year of its start is unknown (April of an unknown year)" in err
    assert "BCE" not in err and "known only to the month" not in err


def test_export_refuses_it_too(tmp_path, capsys):
    out = tmp_path / "e.png"
    assert main(["export", str(_copy(tmp_path)), str(out), "--dday", "first-strike"]) == 1
    err = capsys.readouterr().err
    assert "--dday: 'first-strike' (An earlier strike): the year of its start is unknown " \
           "(the 10th of an unknown month and year)" in err
    assert not out.exists()


def test_validate_lists_a_storys_d_day_whose_year_is_unknown_and_the_file_still_opens(tmp_path, capsys):
    story = {"title": "Founding", "dday": "founding", "steps": [{"event": "walkout"}]}
    path = _copy(tmp_path, stories=[story])
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert "1 story D-day cannot be used" in captured.err
    assert f"at stories[0].dday: story 'Founding': D-day 'founding': 'founding' (Union founded): {UNKNOWN}" \
        in captured.err
    assert "not valid as it is" in captured.out
    good = _copy(tmp_path, stories=[dict(story, dday="walkout")])
    assert main(["validate", str(good)]) == 0


@pytest.mark.usefixtures("qtbot")
def test_presenting_the_story_draws_no_relative_axis_from_it(tmp_path):
    from viewer.io import read_timeline
    from viewer.ui.present import PresentWindow

    tl = read_timeline(_copy(tmp_path, stories=[{"title": "F", "dday": "founding", "steps": [{"event": "walkout"}]}]))
    w = PresentWindow(tl, tl.stories[0], "dark", animation_ms=0)
    try:
        assert w.dday is None
        assert UNKNOWN in w.dday_problem
    finally:
        w.close()


def test_the_detail_pane_gives_no_relative_days_for_an_unknown_year(open_window, tmp_path):
    from viewer.io import read_timeline

    w = open_window(read_timeline(_copy(tmp_path)), size=(1366, 768))
    w.state.dday = "event:walkout"
    w.state.selected = "season"  # was "Relative D-738916 to D+2913172 → D-738763 to D+2913325"
    text = w.details.toPlainText()
    assert "April of an unknown year" in text
    assert "Relative" not in text and "D-7" not in text and "D+" not in text
    w.state.selected = "talks"
    assert "Relative\nD+7 (D-day = Tue 2 May 2023, Dockers walk out)" in w.details.toPlainText()


def test_a_d_day_on_an_unknown_month_is_refused(tmp_path, capsys):
    """`2023-XX-10` (the 10th of an unknown month) was taken as D-day "Tue 10 Jan 2023", a day the
    source does not give (break-it tester)."""
    data = {"format": "timeline-viewer", "version": 1, "title": "t", "tracks": [{"id": "a", "label": "A"}],
            "events": [{"id": "mx", "track": "a", "title": "MX", "start": {"edtf": "2023-XX-10"}},
                       {"id": "q", "track": "a", "title": "Q", "start": {"edtf": "2023-02-12"}}]}
    path = tmp_path / "m.timeline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main([str(path), "--screenshot", str(tmp_path / "m.png"), "--dday", "mx"]) == 2
    assert "its start has an unknown month or day (the 10th of an unknown month of 2023): it names no one day" \
        in capsys.readouterr().err


def test_a_deck_of_a_story_whose_d_day_cannot_be_used_says_so(tmp_path, capsys):
    """`deck` exited 0 with no word when the story's D-day (an unknown year) gave no relative axis
    (break-it tester)."""
    story = {"title": "Founding", "dday": "founding", "steps": [{"event": "walkout"}]}
    path = _copy(tmp_path, stories=[story])
    assert main(["deck", str(path), str(tmp_path / "d.pdf")]) == 1
    assert (tmp_path / "d.pdf").exists()
    assert "note: story 'Founding': its D-day 'founding' is not used (" in capsys.readouterr().err
    good = _copy(tmp_path, stories=[dict(story, dday="walkout")])
    assert main(["deck", str(good), str(tmp_path / "e.pdf")]) == 0
