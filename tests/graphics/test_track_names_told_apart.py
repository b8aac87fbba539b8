"""Two track names shortened alike cannot be told apart on a wall: "Track number 0 with a long
name" and "Track number 5 with a long name" both read "Track number … name" in present mode at
1920x1080 (break-it tester).  Each keeps the word that tells it apart."""

from viewer.graphics.track_axis import told_apart


def fits(n):
    return lambda text: len(text) <= n


def test_names_shortened_alike_keep_the_word_that_differs():
    full = ["● Track number 0 with a long name", "● Track 1", "● Track number 15 with a long name"]
    shown = ("● Track number … name", "● Track 1", "● Track number … name")
    got = told_apart(shown, full, fits(22))
    assert got[1] == "● Track 1"
    assert got[0] != got[2] and got[0].startswith("● Track number 0") and got[2].startswith("● Track number 15")
    assert all(len(t) <= 22 for t in got) and got[0].endswith("…") and got[2].endswith("…")


def test_names_that_were_told_apart_or_whole_are_left_as_they_were():
    full = ["Ministry of Foreign Affairs of Russia", "Ministry of Foreign Affairs of Ukraine", "NATO"]
    shown = ("Ministry … Russia", "Ministry … Ukraine", "NATO")
    assert told_apart(shown, full, fits(18)) == shown


def test_when_the_differing_word_does_not_fit_the_first_shortening_stays():
    full = ["A very long common beginning 1", "A very long common beginning 2"]
    shown = ("A … 1", "A … 2")
    assert told_apart(shown, full, fits(5)) == shown
    alike = ("A …", "A …")
    assert told_apart(alike, full, fits(4)) == alike  # nothing that fits tells them apart: the tooltips do
