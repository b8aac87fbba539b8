"""A date typed back to the value the source's words gave (instead of Undo): the "edited by hand"
note goes and the source's words come back."""

from dataclasses import replace

from viewer.model.date_edit import edit_date, edited_by_hand
from viewer.model.dates import EventDate

OLD = EventDate("2022-02-10", "arrived in Moscow on Thursday", "'Thursday' = Thu 10 Feb 2022")


def _typed(over: EventDate, edtf: str) -> EventDate:
    """What the Edit tab hands the command: the value typed, with the words its fields hold."""
    return EventDate(edtf, over.phrase, over.basis)


def test_typing_back_the_first_value_gives_back_the_words_and_basis_as_they_were():
    edited = edit_date(OLD, _typed(OLD, "2022-02-11"), "2026-12-08")
    assert edited_by_hand(edited)
    back = edit_date(edited, _typed(edited, "2022-02-10"), "2026-12-08", earlier=OLD)
    assert back == OLD  # was: the note kept ("Edited by hand ... from 2022-02-10") and no phrase


def test_without_the_history_the_words_the_note_quotes_come_back():
    edited = edit_date(OLD, _typed(OLD, "2022-02-11"), "2026-12-08")
    back = edit_date(edited, _typed(edited, "2022-02-10"), "2026-12-09")
    assert back.edtf == "2022-02-10" and back.phrase == "arrived in Moscow on Thursday"
    assert not edited_by_hand(back) and back.basis == ""  # the reasoning the note replaced is not known


def test_another_value_keeps_the_note_and_own_words_are_kept():
    edited = edit_date(OLD, _typed(OLD, "2022-02-11"), "2026-12-08")
    mark = edited.hand_edit  # (the first value and day: still the editor's date, whatever its words)
    assert edit_date(edited, _typed(edited, "2022-02-12"), "2026-12-09") == replace(_typed(edited, "2022-02-12"),
                                                                                    hand_edit=mark)
    mine = EventDate("2022-02-10", "my words", "my basis")
    assert edit_date(edited, mine, "2026-12-09") == replace(mine, hand_edit=mark)


def test_a_remark_that_the_words_still_held_goes_when_the_first_value_is_typed_back():
    coarser = edit_date(OLD, _typed(OLD, "2022-02"), "2026-12-08")
    assert coarser.basis.endswith("(edited by hand from 2022-02-10 to a value these words still give)")
    assert edit_date(coarser, _typed(coarser, "2022-02-10"), "2026-12-09") == OLD  # was: words taken away


def test_a_note_without_the_sources_words_comes_back_only_with_the_history():
    inferred = EventDate("2022-02-10", "", "on or before the article")
    edited = edit_date(inferred, _typed(inferred, "2022-02-12"), "2026-12-08")
    assert edit_date(edited, _typed(edited, "2022-02-10"), "2026-12-09", earlier=inferred) == inferred
    kept = edit_date(edited, _typed(edited, "2022-02-10"), "2026-12-09")
    assert edited_by_hand(kept)  # its reasoning is not known: the note stays


def test_a_date_dragged_away_and_back_gets_the_words_back():
    from viewer.model.date_edit import shift_date

    moved = shift_date(OLD, 86400.0, "day", "2026-12-08")
    assert edited_by_hand(moved) and moved.phrase == ""
    assert shift_date(moved, -86400.0, "day", "2026-12-08", earlier=OLD) == OLD
    back = shift_date(moved, -86400.0, "day", "2026-12-09")  # no history: the words the note quotes
    assert back.phrase == OLD.phrase and not edited_by_hand(back)
