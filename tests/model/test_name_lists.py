"""Tags and actors as one line and back: ';' separates, a comma stays in a name, and a line left
as it was gives back the stored names exactly."""

from __future__ import annotations

from viewer.model.name_lists import names_from_text, names_text


def test_a_comma_stays_in_a_name():
    assert names_from_text("Smith, John; NATO") == ("Smith, John", "NATO")
    assert names_from_text(" ;Ministry of Defence, Ukraine ;; ") == ("Ministry of Defence, Ukraine",)


def test_the_line_made_from_stored_names_gives_them_back_exactly():
    for names in [("Smith, John", "NATO"), ("Barnes; Noble",), (" spaced ",), ()]:
        assert names_from_text(names_text(names), old=names) == tuple(names)


def test_a_changed_line_is_read_anew():
    assert names_from_text("Smith, John; NATO; EU", old=("Smith, John", "NATO")) == ("Smith, John", "NATO", "EU")
