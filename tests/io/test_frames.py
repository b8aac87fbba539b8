"""Data frames in and out (the optional ``frames`` extra)."""

import pytest

from viewer.io.native import read_native
from viewer.model.dates import Precision
from viewer.model.errors import TimelineLoadError
from viewer.model.timeline import Timeline

pd = pytest.importorskip("pandas", reason="the frames extra (pandas) is not installed")


def test_round_trip_keeps_dates_words_and_tracks(bundled_path):
    tl = read_native(bundled_path)
    df = tl.to_frame()
    assert len(df) == len(tl.events) and df["id"].tolist() == [e.id for e in tl.events]
    lavrov = df.set_index("id").loc["lavrov-lowest-level"]
    assert lavrov["start"] == "2022-02-10?" and lavrov["start_uncertain"] and lavrov["start_precision"] == "day"
    assert str(lavrov["start_earliest"]) == "2022-02-10 00:00:00+00:00"
    back = Timeline.from_frame(df, title=tl.title)
    assert [e.id for e in back.events] == [e.id for e in tl.events]
    for a, b in zip(tl.events, back.events, strict=True):
        assert (a.start, a.end, a.title, a.kind, a.actors, a.tags) == (b.start, b.end, b.title, b.kind, b.actors,
                                                                      b.tags)
    assert {t.label for t in back.tracks} == {t.label for t in tl.tracks}


def test_notebook_frame_with_timestamps_and_mapping():
    df = pd.DataFrame({
        "What": ["Talks", "Strike", "Convoy", "Bad"],
        "Day": pd.to_datetime(["2022-02-10", "2022-02-11", "2022-02-12", None]),
        "When": pd.to_datetime(["2022-02-10 14:30", "2022-02-11 00:00", "2022-02-12 09:00", None]),
        "Who": [["Lavrov", "Truss"], ["Peskov"], [], None],
        "Side": ["Russia", "Russia", "UK", "UK"],
    })
    from viewer.io.frames import from_frame_report  # the report form shows skipped rows

    rep = from_frame_report(df, {"title": "What", "start": "Day", "actors": "Who", "track": "Side"},
                            title="Notebook")
    tl = rep.timeline
    assert [e.title for e in tl.events] == ["Talks", "Strike", "Convoy"]
    assert tl.events[0].start.precision == Precision.DAY and tl.events[0].actors == ("Lavrov", "Truss")
    assert [p.location for p in rep.skipped] == ["row 4, column 'Day'"]  # the date's column is named (issue 10)
    # a field the mapping leaves out is guessed as without one, and said so (newcomer11)
    assert any("column 'When' read as end from its content" in n.message for n in rep.notes)
    timed = Timeline.from_frame(df.iloc[:3], {"title": "What", "start": "When"}, time_zone="Europe/Minsk")
    assert timed.events[0].start.precision == Precision.SECOND  # a time of day in a column with times
    assert timed.events[0].start.earliest == pd.Timestamp("2022-02-10 14:30", tz="Europe/Minsk").timestamp()
    with pytest.raises(TimelineLoadError, match="no column for start"):
        Timeline.from_frame(pd.DataFrame({"title": ["x"]}))
