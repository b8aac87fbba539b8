"""Dates made or changed by hand on the canvas (no Qt).

* :func:`date_at` — the date of a moment at the precision the axis shows
  (a day at day zoom, ``2022-02`` at month zoom), never a made-up minute.
* :func:`shift_date` — a date moved by a drag: every calendar value in its
  EDTF text moves by a whole number of *its own* units (a day-precision date
  moves by whole days, a month by whole months), and everything else (the
  ``?`` / ``~`` / ``%`` qualifiers, "on or before" brackets, the precision,
  the time zone) stays; the basis says it was moved, and the source's words
  stay its support only while they still give the moved value (as below).
* :func:`edit_date` — a date typed over another (the Edit tab): the source's
  words stay as support only while they still say the new value; otherwise the
  basis is replaced by a note that the date was edited by hand, naming the old
  value and quoting what the source said, and the date carries a
  :class:`~viewer.model.dates.HandEdit` mark (the first value, the day), which
  :func:`edited_by_hand` reads: the mark, never the basis's wording (a file
  written before the mark existed is read by its wording: :func:`worded_hand_edit`).
  Typing back the value the note names gives the source's words back
  (:func:`words_given_back`).

Times are seconds since the Unix epoch (UTC).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from .calendar import civil_from_epoch, epoch_from_civil
from .dates import EventDate, HandEdit, Precision

__all__ = ["UNITS", "EDITED_BY_HAND", "date_at", "edit_date", "edited_by_hand", "hand_edit_from", "hand_note_origin",
           "shift_date", "snap", "words_given_back", "words_hold", "worded_hand_edit"]

UNITS = ("year", "month", "day", "hour", "minute", "second")
"""Axis units, coarse to fine (``TickRule.unit``)."""

_UNIT_S = {"year": 365.2425 * 86400, "month": 30.436875 * 86400, "day": 86400.0, "hour": 3600.0,
           "minute": 60.0, "second": 1.0}

_LONG_YEAR = re.compile(r"Y(-?\d+)(?:E(\d+))?")  # EDTF's letter-prefixed year (more than four digits): Y-12000, Y17E7
_TOKEN = re.compile(r"(?<![\dY-])(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?"
                    r"(Z|[+-]\d{2}:\d{2})?)?)?)?")


def snap(delta_s: float, unit: str) -> float:
    """``delta_s`` rounded to a whole number of ``unit`` (mean length for months and years)."""
    size = _UNIT_S[unit]
    return round(delta_s / size) * size


def date_at(epoch_s: float, unit: str) -> EventDate:
    """The date containing ``epoch_s`` (UTC) written to the precision ``unit``.

    ``"day"`` -> ``2022-02-10``; ``"month"`` -> ``2022-02``; ``"hour"`` ->
    ``2022-02-10T14:00:00Z`` with precision hour; ``"second"`` -> the second.
    """
    t = civil_from_epoch(math.floor(epoch_s))  # any year: datetime stops at 1..9999
    if not -9999 <= t.year <= 9999:
        return EventDate(f"Y{t.year}")  # EDTF's long years carry no month or day
    y = f"-{-t.year:04d}" if t.year < 0 else f"{t.year:04d}"
    if unit == "year":
        return EventDate(y)
    if unit == "month":
        return EventDate(f"{y}-{t.month:02d}")
    day = f"{y}-{t.month:02d}-{t.day:02d}"
    if unit == "day":
        return EventDate(day)
    if unit == "hour":
        return EventDate(f"{day}T{t.hour:02d}:00:00Z", precision_override=Precision.HOUR)
    if unit == "minute":
        return EventDate(f"{day}T{t.hour:02d}:{t.minute:02d}:00Z", precision_override=Precision.MINUTE)
    return EventDate(f"{day}T{t.hour:02d}:{t.minute:02d}:{int(t.second):02d}Z")


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _year_text(y: int) -> str:
    return f"{y:04d}" if y >= 0 else f"-{-y:04d}"


def _shift_long_year(m: re.Match[str], delta_s: float) -> str:
    """A ``Y`` year moved by whole years: ``Y-12000`` + 30 years = ``Y-11970``; written with
    four digits (no ``Y``) when it lands within -9999..9999, as EDTF requires."""
    digits, exponent = m.groups()
    y = int(digits) * 10 ** int(exponent or 0)
    n = round(delta_s / _UNIT_S["year"])
    if n == 0:
        return m.group(0)
    y += n
    return _year_text(y) if -9999 <= y <= 9999 else f"Y{y}"


def _days_in_month(year: int, month: int) -> int:
    ny, nm = _add_months(year, month, 1)
    return round((epoch_from_civil(ny, nm, 1) - epoch_from_civil(year, month, 1)) / 86400.0)


def _shift_calendar(m: re.Match[str], months: int) -> str:
    """A value with a month (and maybe a day and a time) moved by whole calendar months: the
    day of the month and the clock time stay (a 31st lands on the last day of a shorter month,
    29 Feb on 28 Feb of a common year)."""
    year, month, day = m.group(1), m.group(2), m.group(3)
    ny, nm = _add_months(int(year), int(month), months)
    text = f"{_year_text(ny)}-{nm:02d}"
    if day is not None:
        text += f"-{min(int(day), _days_in_month(ny, nm)):02d}"
    return text + m.group(0)[m.end(3 if day is not None else 2) - m.start():]  # the time and offset as written


def _shift_token(m: re.Match[str], delta_s: float, unit: str | None = None) -> str:
    year, month, day, hour, minute, second, offset = m.groups()
    y = int(year)
    # a drag at year or month zoom moves a finer value by whole calendar years or months, keeping
    # its day and clock time (365.2425 days moved 23:30 on 10 Feb to 05:19:12 on 11 Feb)
    if unit == "year" and month is not None:
        return _shift_calendar(m, 12 * round(delta_s / _UNIT_S["year"]))
    if unit == "month" and day is not None:
        return _shift_calendar(m, round(delta_s / _UNIT_S["month"]))
    if month is None:
        return _year_text(y + round(delta_s / _UNIT_S["year"]))
    if day is None:
        ny, nm = _add_months(y, int(month), round(delta_s / _UNIT_S["month"]))
        return f"{_year_text(ny)}-{nm:02d}"
    # calendar arithmetic for any year (datetime stops at 1..9999: BCE dates could not be dragged)
    if hour is None:
        c = civil_from_epoch(epoch_from_civil(y, int(month), int(day)) + round(delta_s / 86400.0) * 86400.0)
        return f"{_year_text(c.year)}-{c.month:02d}-{c.day:02d}"
    step = 1 if second is not None else 60
    sod = int(hour) * 3600 + int(minute) * 60 + int(second or 0)
    c = civil_from_epoch(epoch_from_civil(y, int(month), int(day), sod) + round(delta_s / step) * step)
    text = f"{_year_text(c.year)}-{c.month:02d}-{c.day:02d}T{c.hour:02d}:{c.minute:02d}"
    text += f":{int(c.second):02d}" if second is not None else ""
    return text + (offset or "")


def shift_date(date: EventDate, delta_s: float, unit: str | None = None, edited_on: str = "",
               earlier: EventDate | None = None) -> EventDate:
    """``date`` moved by about ``delta_s`` seconds, keeping its precision and qualifiers.

    Each calendar value in the EDTF text moves by ``delta_s`` rounded to its
    own unit, so a date known to the day moves by whole days and a month by
    whole months; a move smaller than half a unit leaves it as it was (the
    same object is returned).  With the ``unit`` of the drag (the axis's:
    ``"year"`` or ``"month"``), a value finer than it moves by whole calendar
    years or months, keeping its day of the month and its clock time:
    ``2022-02-10T23:30:00+14:30`` dragged one year at year zoom is
    ``2023-02-10T23:30:00+14:30`` (not 365.2425 days later, ``2023-02-11T05:19:12``);
    a day that the target month lacks becomes its last (29 Feb -> 28 Feb).  An open
    ``..`` stays open.  A year beyond four digits (EDTF ``Y-12000``, precision
    year) moves by whole years, its ``Y`` dropped when it lands within
    -9999..9999 (``Y-10001`` + 2 years = ``-9999``).

    The basis says it was moved: ``"Moved by hand from 2022-02-10."``.  A date with the
    source's words loses them as support when they no longer give the moved value, as
    :func:`edit_date` words it (``"Moved by hand on {edited_on}, from 2022-02-10: ... The
    source said: “on Thursday” (before that edit)."``; ``edited_on``, ``YYYY-MM-DD``, may be
    ``""``); a date moved before keeps its note, which names where it was first, until it is moved
    back there: the source's words come back (``earlier``, the date before the first move, from the
    edit history, exactly; :func:`words_given_back`).

    Raises
    ------
    DateError
        If the moved text is not a valid date (e.g. beyond year 9999).
    """
    text = date.edtf
    moved = _TOKEN.sub(lambda m: _shift_token(m, delta_s, unit), text)
    moved = _LONG_YEAR.sub(lambda m: _shift_long_year(m, delta_s), moved)  # its own digits, never a 4-digit token
    if moved == text:
        return date
    new = EventDate(moved, date.phrase, date.basis, time_zone=date.time_zone,
                    precision_override=date.precision_override, hand_edit=date.hand_edit)
    if not (date.phrase or date.basis):
        return replace(new, basis=f"Moved by hand from {text}.", hand_edit=date.hand_edit or HandEdit(text, edited_on))
    # the source's words stay its support only while they still give the moved value
    return edit_date(date, new, edited_on, how="Moved", earlier=earlier)



_DRAGGED_OVER_WORDS = re.compile(r"\(moved by hand from [^\s)]+\)")
"""How a drag noted itself before the source's words were taken out of support (files saved then)."""

EDITED_BY_HAND = "Edited by hand"
"""How the basis of a date typed over the source's reading begins (:func:`edit_date`)."""


HAND_EDITED_NOTE = "Date edited by hand: not a date the source's words give"
"""What an export without a field for it writes in the event's text (a TimelineJS slide, a vis-timeline
tooltip) when :func:`edited_by_hand`: the editor's day is never shown as the source's."""


def edited_by_hand(date: EventDate | None) -> bool:
    """True when ``date`` no longer follows from the source's words: it was typed over them
    (:func:`edit_date`) or dragged on the canvas (:func:`shift_date`), and carries the
    :class:`~viewer.model.dates.HandEdit` mark.  Its basis's wording does not count (a file
    written before the mark is read by its wording into the mark: :func:`worded_hand_edit`).
    Exports, the detail pane and the canvas say so."""
    return date is not None and date.hand_edit is not None


_WORDED_FROM = re.compile(r"by hand(?: on (\d{4}-\d{2}-\d{2}))?,? from ([^\s)]+?)[.:]?(?:\s|\)|$)")


def worded_hand_edit(basis: str) -> HandEdit | None:
    """The mark a basis written before the mark existed stands for (a file without
    ``marks_hand_edits``): a basis beginning :data:`EDITED_BY_HAND` or ``"Moved by hand"`` (the notes of
    :func:`edit_date` and :func:`shift_date`), or holding an older drag's ``"(moved by hand from
    2022-02-10)"``, was the only sign; the first value and the day are taken from its words
    (``""`` where they do not say, or when what they name is not an EDTF value: ``"(moved by hand from
    <i>never</i>)"`` gives no first value).  None for any other basis.  Never used on a file that marks
    its edits: there such words are only words (a source may quote them)."""
    text = basis.lstrip()
    if not (text.startswith((EDITED_BY_HAND, "Moved by hand")) or _DRAGGED_OVER_WORDS.search(text)):
        return None
    origin = hand_note_origin(text)
    m = _WORDED_FROM.search(text)
    former = origin[0] if origin is not None else (m.group(2) if m else "")
    return HandEdit(former if _is_edtf(former) else "", (m.group(1) or "") if m else "")


def _is_edtf(text: str) -> bool:
    """``text`` is an EDTF value of at most 256 characters (what a mark's ``from`` may be)."""
    if not text or len(text) > 256:
        return False
    try:
        EventDate(text)
    except Exception:  # noqa: BLE001 - DateError, and the edtf package's assorted errors
        return False
    return True


def words_hold(old: EventDate, new: EventDate) -> bool:
    """True when the words that gave ``old`` still say ``new``: ``new`` spans every moment
    ``old`` could be (``2022-02-10`` -> ``2022-02``, or ``2022-02-10?``) and is no surer
    (it keeps ``old``'s ``?`` and ``~``).  A different day, a narrower value (``2022-02`` ->
    ``2022-02-10``: more precise than the words) or a dropped ``?`` is not said by them."""
    if new.edtf == old.edtf and new.time_zone == old.time_zone:
        return True
    if (old.uncertain and not new.uncertain) or (old.approximate and not new.approximate):
        return False
    return new.earliest <= old.earliest and new.latest >= old.latest


def _noted(date: EventDate) -> bool:
    """The date is marked as edited or moved by hand (its mark names the first value)."""
    return date.hand_edit is not None


_NOTE = re.compile(r"(?:Edited|Moved) by hand(?: on [^,]*)?, from (\S+): this date (?:does not follow from the "
                   r"source's words\. The source said: “(.*)” \(before that edit\)\.|is not read from the source\.)$",
                   re.DOTALL)
_HELD = re.compile(r"(?:^As written; (?:edited|moved) by hand from (\S+) to a value these words still give\.$"
                   r"| \((?:edited|moved) by hand from (\S+) to a value these words still give\)$)")


def hand_note_origin(basis: str) -> tuple[str, str] | None:
    """``(first value, the source's words)`` named by a note of :func:`edit_date` (or a drag's,
    :func:`shift_date`): ``"Edited by hand on 2026-12-08, from 2022-02-10: ... The source said:
    “on Thursday” (before that edit)."`` -> ``("2022-02-10", "on Thursday")``; the words are
    ``""`` for a note of a date not read from the source's words.  None for any other basis."""
    m = _NOTE.match(basis.strip())
    return None if m is None else (m.group(1), m.group(2) or "")


def hand_edit_from(date: EventDate | None) -> str | None:
    """The EDTF value a date edited by hand had before the first edit (its note's, else its
    mark's ``former``); None for a date not marked (:func:`edited_by_hand`) or when not known."""
    if date is None or date.hand_edit is None:
        return None
    origin = hand_note_origin(date.basis)
    return origin[0] if origin is not None else (date.hand_edit.former or None)


def words_given_back(old: EventDate, new: EventDate, earlier: EventDate | None = None) -> EventDate | None:
    """The date with the source's words back, when ``new`` (typed over ``old`` with ``old``'s
    words in the form) is again the value those words gave; None when it is not.

    * ``old``'s basis is a note of :func:`edit_date` naming ``new``'s value: the phrase the
      note quotes comes back.  ``earlier``, the date as it was before the edit by hand when the
      caller still has it (the edit history), is given back exactly (phrase, basis, zone);
      without it the basis the note replaced is not known and is left empty (the note, which
      argued nothing for this value, goes).  A note without the source's words (an inference,
      whose reasoning the note replaced) gives back only ``earlier``: None without it.
    * ``old``'s words still held after an edit (``"... (edited by hand from 2022-02-10 to a value
      these words still give)"``) and ``new`` is that first value: the remark goes.

    Raises nothing."""
    if (new.phrase, new.basis) != (old.phrase, old.basis):
        return None  # the user's own words
    origin = None
    if old.hand_edit is not None:  # (a basis that only quotes such a note gives nothing back)
        origin = hand_note_origin(old.basis) or ((old.hand_edit.former, "") if old.hand_edit.former else None)
    if origin is not None:
        value, phrase = origin
        if new.edtf != value:
            return None
        if earlier is not None and earlier.edtf == value and earlier.phrase == phrase \
                and not edited_by_hand(earlier):
            return earlier
        return replace(new, phrase=phrase, basis="", hand_edit=None) if phrase else None
    m = _HELD.search(old.basis)
    if m is not None and new.edtf == (m.group(1) or m.group(2)):
        return replace(new, basis=old.basis[:m.start()], hand_edit=None)
    return None


def edit_date(old: EventDate | None, new: EventDate, edited_on: str, how: str = "Edited",
              earlier: EventDate | None = None) -> EventDate:
    """``new`` (a value typed in place of ``old``) with words that do not claim more than they say.

    * Same value, no ``old``, or ``new`` already has words of its own (a phrase or basis that
      differ from ``old``'s): ``new`` as it is.
    * The old words still say the new value (:func:`words_hold`): they stay, and the basis
      adds ``(edited by hand from 2022-02-10 to a value these words still give)``.
    * Otherwise they no longer support it: the phrase is emptied and the basis becomes
      ``Edited by hand on 2026-12-08, from 2022-02-10: this date does not follow from the
      source's words. The source said: “arrived in Moscow on Thursday” (before that edit).``
      The old reasoning is dropped (it argued for the old value); without a phrase the note
      ends "this date is not read from the source." (no words made up).  The date gets the mark
      :class:`~viewer.model.dates.HandEdit` (the old value, ``edited_on``).  A date already edited by
      hand keeps its note and its mark (also when its words are reworded), which name the first value.
    * ``new`` is again the value the note (or remark) names: the source's words come back
      (:func:`words_given_back`).

    Parameters
    ----------
    old : EventDate or None
        The date as stored before the edit.
    new : EventDate
        The value typed, with the words the form holds (normally ``old``'s).
    edited_on : str
        The day of the edit, ``YYYY-MM-DD`` (UTC), written in the note (left out when ``""``).
    how : str
        ``"Edited"`` (typed in) or ``"Moved"`` (dragged: :func:`shift_date`), the note's first word.
    earlier : EventDate, optional
        The date before it was edited by hand, if known: typing back its value gives it back
        (:func:`words_given_back`).

    Returns
    -------
    EventDate
        A new date; ``new`` itself when nothing is to change.
    """
    if old is None:
        return new
    if new.edtf == old.edtf and new.time_zone == old.time_zone:
        return _kept_mark(old, new)  # its words reworded: still the editor's date
    back = words_given_back(old, new, earlier)
    if back is not None:
        return back
    if (new.phrase, new.basis) != (old.phrase, old.basis) or not (old.phrase or old.basis):
        return _kept_mark(old, new)  # the user's own words (or none to keep)
    if _noted(old):
        return _kept_mark(old, new)  # its mark (and note) already name the first value
    verb = how.lower()
    if words_hold(old, new):
        if " by hand from " in old.basis:
            return new  # its note names the first value
        held = f"{verb} by hand from {old.edtf} to a value these words still give"
        basis = f"{old.basis} ({held})" if old.basis else f"As written; {held}."
        return replace(new, basis=basis)
    on = f" on {edited_on}" if edited_on else ""
    if old.phrase:
        basis = (f"{how} by hand{on}, from {old.edtf}: this date does not follow from the source's words."
                 f" The source said: “{old.phrase}” (before that edit).")
    else:  # a basis without the source's words (a reading, an inference): it argued for the old value
        basis = f"{how} by hand{on}, from {old.edtf}: this date is not read from the source."
    return replace(new, phrase="", basis=basis, hand_edit=HandEdit(old.edtf, edited_on))


def _kept_mark(old: EventDate, new: EventDate) -> EventDate:
    """``new`` with ``old``'s mark of an edit by hand when it has none of its own (a value
    typed in the form comes without it): rewording the basis or typing another value does not
    make the editor's date the source's again."""
    if new.hand_edit is not None or old.hand_edit is None:
        return new
    return replace(new, hand_edit=old.hand_edit)
