"""Files with years far beyond numpy's datetime64 range still open (the docs allow +-999,999,999,999)."""

import json

from viewer.io import read_timeline


def _write(tmp_path, start):
    doc = {"format": "timeline-viewer", "version": 1, "title": "T", "tracks": [{"id": "a", "label": "A"}],
           "events": [{"id": "e", "track": "a", "title": "x", "start": start},
                      {"id": "f", "track": "a", "title": "now", "start": "2022-02-10"}]}
    path = tmp_path / "far.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def test_a_file_with_a_year_near_a_trillion_opens_and_the_overview_names_its_edges(qtbot, tmp_path):
    from viewer.ui.main_window import MainWindow

    for start in ("Y999999999999", "Y-999999999999"):
        path = _write(tmp_path, start)
        w = MainWindow(read_timeline(path), read_timeline, path)
        qtbot.addWidget(w)
        w.resize(1200, 700)
        w.show()
        qtbot.waitExposed(w)
        qtbot.wait(50)
        assert w.isVisible()
        w.close()


def test_overview_year_label_beyond_datetime64():
    from viewer.model.calendar import epoch_from_civil
    from viewer.ui.overview import _year

    assert _year(epoch_from_civil(2014, 6, 1)) == "2014"
    assert _year(epoch_from_civil(-43, 3, 15)) == "44 BCE"
    assert _year(epoch_from_civil(999_999_999_999, 12, 31)) == "999999999999"
    assert _year(epoch_from_civil(-999_999_999_999)) == "1000000000000 BCE"


def test_a_date_made_on_the_canvas_far_from_common_era_is_written_in_edtf():
    from viewer.model.calendar import epoch_from_civil
    from viewer.model.date_edit import date_at

    assert date_at(epoch_from_civil(2022, 2, 10, 3600 * 14 + 5), "hour").edtf == "2022-02-10T14:00:00Z"
    assert date_at(epoch_from_civil(-43, 3, 15), "day").edtf == "-0043-03-15"
    assert date_at(epoch_from_civil(12000, 5, 1), "month").edtf == "Y12000"
    assert date_at(epoch_from_civil(999_999_999_999, 5, 1), "day").describe().startswith("999,999,999,999")


def test_the_axis_labels_years_near_a_trillion():
    from viewer.model.calendar import epoch_from_civil, format_year
    from viewer.model.ticks import compute_ticks

    span = 3 * 365 * 86400.0
    levels = compute_ticks(-span / 2, span / 2, epoch_from_civil(999_999_999_999), 800)
    assert "999,999,999,999" in [label for _x, label in levels.major]
    levels = compute_ticks(-span / 2, span / 2, epoch_from_civil(-123_456_789_012), 800)
    assert levels.major and all(label == "123 billion years ago" for _x, label in levels.major)
    assert format_year(-999_999_999_999) == "1,000 billion years ago"
