"""Typing a whole IANA zone name that the picker's list leaves out (``Etc/GMT+5``, ``EST``,
``gmt``) was refused: "No zone matches …: type part of an IANA name" (break-it tester)."""

from __future__ import annotations

from viewer.ui.zone_picker import match_zone


def test_a_whole_iana_name_is_taken_though_the_list_leaves_it_out():
    choices = [("UTC (Zulu)", "UTC"), ("Europe/Berlin", "Europe/Berlin"), ("America/New_York", "America/New_York")]
    assert match_zone("Etc/GMT+5", choices) == ("Etc/GMT+5", ["Etc/GMT+5"])
    assert match_zone("gmt", choices) == ("GMT", ["GMT"])
    assert match_zone("berlin", choices) == ("Europe/Berlin", ["Europe/Berlin"])  # part of a listed name: as before
    assert match_zone("zz", choices) == (None, [])
