"""Dates as people write them in spreadsheets, read without guessing.

:func:`human_date` reads the forms found in real CSV timelines, each at the
precision it states, keeping the words as the date's phrase:

=============================  ==========================  ==============
written                        EDTF                        precision
=============================  ==========================  ==============
``December 7, 1941``           ``1941-12-07``              day
``7 December 1941``, ``7-Dec-1941``, ``01-January-2015``   ``…``  day
``Dec 1941``, ``December 1941``  ``1941-12``               month
``April-May 1945``             ``[1945-04..1945-05]``      month (one of)
``1941``, ``600``, ``10 CE``   ``1941``, ``0600``, ``0010``  year
``3300 BC``, ``44 BCE``        ``-3299``, ``-0043``        year
``13800000000 BCE``            ``Y-13799999999``           year
``c. 1500``, ``circa 1500``    ``1500~``                   year, approximate
``1940s`` / ``1900s``          ``194X`` / ``19XX``         decade / century
=============================  ==========================  ==============

Month names (English, full or three-letter) are unambiguous, so day and
month are never confused; all-numeric forms other than ISO 8601
(``03/04/2022``) are left to the caller, which refuses them unless a format
is declared.  A two-digit year (``9-May-20``) is refused here: its century is
not written (the ACLED reader resolves it from the ``year`` column).

:data:`OPEN_WORDS` are the words written for an end that is not known or
not reached (``Unknown``, ``TBD``, ``present``, ``ongoing``): an open end.

Why not ``dateutil.parser`` or ``dateparser``: both fill the fields not
written from a default date (``Dec 1941`` becomes a day) and resolve
``03/04/2022`` by a day-first/month-first setting instead of refusing it;
the precision of what was written, which this viewer must keep, is what
they discard.  The grammar here is small and closed, and each form is a
named rule.

Pure Python, no Qt.
"""

from __future__ import annotations

import re

from viewer.model.calendar import MONTH_NAME
from viewer.model.dates import ONGOING_WORDS, EventDate
from viewer.model.errors import DateError

__all__ = ["human_date", "human_edtf", "OPEN_WORDS", "is_open_word", "is_ongoing_word", "MONTHS"]

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAME):
    MONTHS[_name.lower()] = _i + 1
    MONTHS[_name[:3].lower()] = _i + 1
MONTHS["sept"] = 9

OPEN_WORDS = frozenset({"unknown", "tbd", "tba", "tbc", "present", "ongoing", "now", "to date", "today",
                        "continuing", "current", "n/a", "?", ".."})
"""Lower-case words that stand for an end not known or not reached: an open end (``..``)."""

_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_ERA = r"(?:\s*(?P<era>B\.?\s?C\.?(?:\s?E\.?)?|A\.?\s?D\.?|C\.?\s?E\.?))?"
_YEAR = r"(?P<year>\d{1,12})" + _ERA
_FORMS = (
    re.compile(rf"^{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}$"),         # December 7, 1941
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/]+{_MON}[\s,\-/]+{_YEAR}$"),  # 7 December 1941
    re.compile(rf"^{_MON},?[\s\-/]+{_YEAR}$"),                                          # Dec 1941
    re.compile(rf"^(?P<era_pre>A\.?\s?D\.?\s+)?{_YEAR}$"),                               # 1941, 3300 BC, AD 10
)
_MONTH_RANGE = re.compile(r"^(?P<m1>[A-Za-z]{3,9})\.?\s*[-–/]\s*(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{3,4})$")
_DECADE = re.compile(r"^(?P<year>\d{2,3}0)'?s$")
_CIRCA = re.compile(r"^(?:c\.|ca\.?|circa|approx\.?|about|around|~)\s*(?P<rest>.+)$", re.IGNORECASE)


_COMPACT = re.compile(r"^\d{5,}$")


def compact_digits_problem(text: str) -> str | None:
    """Why ``text`` is refused as a compact or epoch date, or None when it is not one.

    In foreign formats (CSV, TimelineJS, vis, ACLED) a bare run of more than 4
    digits (no sign, no ``Y`` prefix, no era) is far more often ``20220210``
    (YYYYMMDD) or seconds since the Unix epoch (``1645000000``) than a year
    beyond 9999; guessing which would invent a date, so it is refused.  A big
    year is written with its era (``13800000000 BCE``) or in EDTF (``Y12000``).
    """
    raw = text.strip()
    if not _COMPACT.match(raw):
        return None
    hint = "YYYY-MM-DD"
    if len(raw) == 8:
        y, m, d = raw[:4], raw[4:6], raw[6:]
        if 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
            hint = f"{y}-{m}-{d}"
    return f"{raw!r} is not a date: compact or epoch forms are not read; write {hint}"


def is_ongoing_word(text: str) -> bool:
    """True when ``text`` says the thing goes on (``ongoing``, ``present``: :data:`ONGOING_WORDS`):
    an end that is stated, as of the source, not one that is unknown."""
    return " ".join(text.strip().lower().split()) in ONGOING_WORDS


def is_open_word(text: str) -> bool:
    """True when ``text`` is one of :data:`OPEN_WORDS` (case and spaces ignored)."""
    return " ".join(text.strip().lower().split()) in OPEN_WORDS


def _year_edtf(digits: str, era: str | None) -> str:
    year = int(digits)
    bce = era is not None and era.upper().replace(".", "").replace(" ", "").startswith("B")
    if bce:
        if year == 0:
            raise DateError("there is no year 0 BC; 1 BC is followed by AD 1")
        astronomical = 1 - year
    else:
        astronomical = year
    if -9999 <= astronomical <= 9999:
        return f"-{-astronomical:04d}" if astronomical < 0 else f"{astronomical:04d}"
    return f"Y{astronomical}"


def human_edtf(text: str) -> str | None:
    """The EDTF of a date written in words (see the module's table), or None
    when ``text`` is not one of those forms.

    Raises
    ------
    DateError
        A recognised form with a month name that is not one, a two-digit year
        (century not written), year 0 BC, a day with a year beyond 9999, or a
        bare run of more than 4 digits (:func:`compact_digits_problem`).
    """
    raw = " ".join(text.strip().split())
    problem = compact_digits_problem(raw)
    if problem is not None:
        raise DateError(problem)
    m = _CIRCA.match(raw)
    if m:
        inner = human_edtf(m.group("rest"))
        if inner is None:
            if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", m.group("rest")):
                inner = m.group("rest")
            else:
                return None
        if not re.fullmatch(r"-?\d{4}(-\d\d(-\d\d)?)?", inner):
            raise DateError(f"{raw!r}: 'circa' is read only before a year, month or day")
        return inner + "~"
    m = _DECADE.match(raw)
    if m:
        y = m.group("year").zfill(4)
        return y[:2] + "XX" if y.endswith("00") else y[:3] + "X"
    m = _MONTH_RANGE.match(raw)
    if m and m.group("m1").lower() in MONTHS and m.group("m2").lower() in MONTHS:
        year = int(m.group("year"))
        a, b = MONTHS[m.group("m1").lower()], MONTHS[m.group("m2").lower()]
        if b <= a:
            raise DateError(f"{raw!r}: the second month comes before the first")
        return f"[{year:04d}-{a:02d}..{year:04d}-{b:02d}]"
    for form in _FORMS:
        m = form.match(raw)
        if not m:
            continue
        groups = m.groupdict()
        mon = groups.get("mon")
        if mon is not None and mon.lower() not in MONTHS:
            return None
        digits, era = groups["year"], groups.get("era") or ("AD" if groups.get("era_pre") else None)
        if mon is not None and len(digits) <= 2 and not era:
            raise DateError(f"{raw!r}: the year {digits!r} has two digits and its century is not written; write "
                            "the full year, or declare a date format")
        year_text = _year_edtf(digits, era)
        if mon is None:
            return year_text  # 1941, 3300 BC, or a big year such as 13800000000
        if year_text.startswith("Y"):
            raise DateError(f"{raw!r}: a year beyond 9999 cannot have a month or day")
        out = f"{year_text}-{MONTHS[mon.lower()]:02d}"
        if groups.get("day"):
            out += f"-{int(groups['day']):02d}"
        return out
    return None


def human_date(text: str, *, basis: str = "") -> EventDate | None:
    """An :class:`EventDate` of a date written in words, with ``text`` as its
    phrase; None when ``text`` is not such a form (the caller then reports
    what it expected).

    Raises
    ------
    DateError
        As :func:`human_edtf`, or a day not in the calendar (``February 30, 2022``).
    """
    edtf = human_edtf(text)
    if edtf is None:
        return None
    return EventDate(edtf, text.strip(), basis or "read as written (month names, era, circa)")
