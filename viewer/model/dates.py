"""Honest event dates: EDTF value, precision, uncertainty, phrase and basis.

A date in a timeline is never just an instant.  :class:`EventDate` keeps

* the value in the Extended Date/Time Format (EDTF, ISO 8601-2:2019, the
  Library of Congress specification https://www.loc.gov/standards/datetime/),
  parsed with the ``edtf`` package: ``2022-02-10``, ``2022-02``, ``2014``,
  ``2022-02-10?`` (uncertain), ``2022-02-10~`` (approximate), ``[..2022-02-10]``
  (one day on or before), ``[2022-02-10..]`` (on or after), ``..`` (open end
  of a span), ``2022-02-10T14:00:00+03:00`` (a time of day with its offset);
* the **phrase** as the source wrote it ("last Thursday");
* the **basis** of its resolution ("publication date Thu 10 Feb 2022; ...");
* an optional IANA **time zone** for times of day written without an offset.

From the value it derives the *possible interval* ``[earliest, latest)`` in
seconds since the Unix epoch (UTC), its precision and its qualifiers.

Rules (documented here because EDTF itself does not quantify them):

* A date-only value is a calendar day (month, year...) starting at 00:00 UTC;
  it names the same calendar date whatever zone it is displayed in.
* ``~`` (approximate) widens the possible interval by one unit of the value's
  precision on each side (``2022-02-10~`` -> 9 to 11 Feb inclusive).
  ``?`` (uncertain) keeps the interval but flags it: the source's date is not
  confirmed.
* The **sort point** of a date is ``earliest`` when finite, else ``latest``.
* Refused, each with a message that says why: years beyond
  :data:`MAX_ABS_YEAR` either side of year 0 (seconds as floats cannot
  place them), UTC offsets beyond ±15:59 or with minutes over 59 (real
  offsets run from -12:00 to +14:00), any character outside ASCII
  (fullwidth digits ``２０２２``) or space around the value (EDTF is
  written without either), and EDTF seasons (``2022-21``: EDTF does not say
  which months a season covers; write the months, ``[2022-03..2022-05]``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .date_resolve import MAX_ABS_YEAR, DateBounds, coarsen_bounds, resolve_bounds, resolve_many
from .errors import DateError
from .precision import Precision, format_instant, format_interval, just_before, unit_seconds

__all__ = [
    "Precision", "EventDate", "DateBounds", "resolve_bounds", "resolve_many",
    "format_instant", "format_interval", "unit_seconds", "MAX_ABS_YEAR", "ONGOING_WORDS",
    "edtf_year_unknown", "HandEdit",
]


def edtf_year_unknown(edtf: str) -> bool:
    """True when an EDTF value's year is all unspecified digits (``XXXX-06-10``, ``XXXX-XX-10``,
    ``[XXXX-02..]``): the one rule behind :attr:`EventDate.year_unknown` (exports leave such an
    event out, the window lists it without placing it), for a reader that has the text only."""
    return edtf.strip().lstrip("[").startswith("XXXX")

ONGOING_WORDS = frozenset({"present", "ongoing", "now", "to date", "today", "continuing", "current"})
"""Lower-case words written for an end not reached: the source says the thing goes on (as of when
it was written).  An open end (``..``) with one of them as its phrase is shown as ongoing, not as
an end not stated (``unknown``, ``TBD``)."""


_UNSPECIFIED = re.compile(r"^(?P<y>\d{4}|XXXX)(?:-(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?)?\??$")
"""A value with unspecified (``X``) digits, uncertain at most: ``2022-XX-10``, ``XXXX-02-10``."""
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class HandEdit:
    """The mark of a date edited by hand (typed in the Edit tab or dragged on the canvas) so that
    it no longer follows from the source's words: :attr:`EventDate.hand_edit`, the native
    format's ``edited_by_hand`` object.  The mark, not the basis's wording, says the date is the
    editor's: a source's own basis that quotes "edited by hand" is not one, and a basis reworded
    by the user keeps it.

    Parameters
    ----------
    former : str
        The EDTF value before the first edit by hand (``"2022-02-10"``); ``""`` when not known.
    on : str
        The day of that edit, ``YYYY-MM-DD`` (UTC); ``""`` when not known.
    """

    former: str = ""
    on: str = ""


@dataclass(frozen=True)
class EventDate:
    """A date as a source gave it, with its resolution and possible interval.

    Parameters
    ----------
    edtf : str
        The value in EDTF (see module docstring for the supported forms).
    phrase : str
        The words of the source ("on Thursday", "since 2014"); may be empty.
    basis : str
        How the phrase was resolved to the value; may be empty.
    time_zone : str or None
        IANA zone for a time of day written without an offset (``Europe/Minsk``).
    precision_override : Precision or None
        Coarsens a time of day: EDTF always writes seconds, so ``14:00:00`` with
        ``precision_override=Precision.HOUR`` means "around 14h, to the hour".
    hand_edit : HandEdit or None
        Set when the value was edited by hand so that the source's words no longer give it
        (:func:`viewer.model.date_edit.edit_date`); None for a date as read or derived.

    Attributes
    ----------
    earliest, latest : float
        Possible interval ``[earliest, latest)`` in seconds since the Unix epoch
        (UTC); ``-inf`` / ``+inf`` where the value is open on that side.
    precision : Precision
    uncertain, approximate : bool
        The EDTF ``?`` / ``~`` qualifiers (``%`` sets both).
    relation : str
        ``""``, ``"on or before"``, ``"on or after"``, ``"one of"`` (``[a..b]``: one
        moment in that range) or ``"open"`` (``..``).

    Raises
    ------
    DateError
        If the value is not EDTF, names a day not in the calendar (29 Feb 2021),
        an unknown time zone, or a form this viewer cannot place on a timeline
        (an interval: write it as an event's ``start`` and ``end`` instead).
    """

    edtf: str
    phrase: str = ""
    basis: str = ""
    time_zone: str | None = None
    precision_override: Precision | None = None
    hand_edit: HandEdit | None = None
    earliest: float = field(init=False, compare=False)
    latest: float = field(init=False, compare=False)
    precision: Precision = field(init=False, compare=False)
    uncertain: bool = field(init=False, compare=False)
    approximate: bool = field(init=False, compare=False)
    relation: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.edtf, str) or not isinstance(self.time_zone, (str, type(None))):
            raise DateError("a date must be an EDTF string and its time zone a string")
        b = resolve_bounds(self.edtf, self.time_zone)
        if self.precision_override is not None and b.precision > Precision.DAY:
            if self.precision_override < b.precision:
                b = coarsen_bounds(b, self.precision_override)
        for name in ("earliest", "latest", "precision", "uncertain", "approximate", "relation"):
            object.__setattr__(self, name, getattr(b, name))

    # -- derived -------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """True for the bare ``..`` (a span still going on / of unknown start)."""
        return self.relation == "open"

    @property
    def is_ongoing(self) -> bool:
        """True for an open end (``..``) whose words say the thing goes on (``ongoing``,
        ``present``: :data:`ONGOING_WORDS`): stated by the source, as of when it was written,
        unlike an end not stated; still no end date (none is invented)."""
        return self.relation == "open" and " ".join(self.phrase.strip().lower().split()) in ONGOING_WORDS

    @property
    def sort_point(self) -> float:
        """Where this date sorts (seconds since epoch, UTC; ``inf`` if wholly open).

        ``earliest`` when finite; for "on or before X" the start of X's own
        unit (so ``[..2022-02-10]`` sorts with 10 February, not after it).
        """
        if math.isfinite(self.earliest):
            return self.earliest
        if math.isfinite(self.latest):
            return self.latest - unit_seconds(self.precision)
        return math.inf

    @property
    def is_exact(self) -> bool:
        """True when nothing about the date is qualified or open."""
        return not (self.uncertain or self.approximate or self.relation)

    @property
    def year_unknown(self) -> bool:
        """True when the value's year is all unspecified digits (``XXXX-02-XX``, ``[XXXX-02..]``): its
        possible interval, year 0 to 9999, is EDTF's four digits, not something the source said."""
        return isinstance(self.edtf, str) and edtf_year_unknown(self.edtf)

    def _approximate_words(self, widened: str) -> str:
        """An approximate date as stated, then the widened interval it stands for:
        ``"Thu 10 Feb 2022, so between Wed 9 Feb 2022 and Fri 11 Feb 2022"``.
        Only when the whole value carries the qualifier (``2022-02-10~``);
        otherwise the widened interval alone."""
        text = self.edtf.strip() if isinstance(self.edtf, str) else ""
        # the qualifier after the value (1850~) or before it (~2022: the year, here the whole value)
        if not text or (text[-1] not in "~%" and text[0] not in "~%"):
            return widened
        try:
            nominal = resolve_bounds(text.strip("~%?"), self.time_zone)
        except DateError:
            return widened
        stated = format_interval(nominal.earliest, nominal.latest, self.precision)
        if stated == widened:
            return widened
        return f"{stated}, so between {widened.replace(' – ', ' and ')}"

    def _unspecified_words(self) -> str:
        """A day or month stated while a coarser part is not (EDTF ``X`` digits), in words:
        ``2022-XX-10`` -> ``"the 10th of an unknown month of 2022"`` (its possible interval,
        10 Jan – 10 Dec, read as an eleven-month span); ``XXXX-02-10`` -> ``"10 February of
        an unknown year"``; ``XXXX-02`` and ``XXXX-02-XX`` -> ``"February of an unknown year"``,
        ``XXXX`` -> ``"an unknown year"`` (not their possible interval, 1 BCE – 9999, which says
        more than is known); else ``""``."""
        m = _UNSPECIFIED.match(self.edtf.strip()) if isinstance(self.edtf, str) else None
        if m is None:
            return ""
        y, mo, d = m["y"], m["m"], m["d"]
        if d is not None and d != "XX" and (mo == "XX" or y == "XXXX"):
            n = int(d)
            nth = f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
            if mo != "XX":  # only the year unknown
                return f"{n} {_MONTHS[int(mo) - 1]} of an unknown year"
            return f"the {nth} of an unknown month " + ("and year" if y == "XXXX" else f"of {int(y)}")
        if y == "XXXX" and mo not in (None, "XX") and d in (None, "XX"):  # the day unknown too: the month
            return f"{_MONTHS[int(mo) - 1]} of an unknown year"
        if y == "XXXX" and mo in (None, "XX") and d in (None, "XX"):
            return "an unknown year"
        return ""

    def _known_precision(self) -> Precision | None:
        """The finest part a value with ``X`` digits states (``XXXX-02-XX``, ``2022-02-XX``: the
        month; ``XXXX``: none), where that is coarser than :attr:`precision`; else None."""
        m = _UNSPECIFIED.match(self.edtf.strip()) if isinstance(self.edtf, str) else None
        if m is None or "X" not in m[0]:
            return None
        for part, precision in ((m["d"], Precision.DAY), (m["m"], Precision.MONTH), (m["y"], Precision.YEAR)):
            if part is not None and part != "XX" and part != "XXXX":
                return precision if precision < self.precision else None
        return Precision.UNKNOWN

    def describe(self) -> str:
        """The resolved date in words, e.g. ``"Thu 10 Feb 2022 (to the day)"``;
        an approximate one names the stated date first
        (``"about Thu 10 Feb 2022, so between Wed 9 Feb 2022 and Fri 11 Feb 2022 (to the day)"``);
        one with unknown (``X``) parts says which are known and no precision, which would claim more
        than the source gave: ``"the 10th of an unknown month of 2022"`` (``2022-XX-10``), not
        ``"... (to the day)"``."""
        if self.relation == "open":
            return "ongoing (as of the source)" if self.is_ongoing else "open (not stated)"
        if self.relation == "on or before":
            text = "on or before " + format_instant(just_before(self.latest), self.precision)
        elif self.relation == "on or after":
            text = "on or after " + format_instant(self.earliest, self.precision)
        elif self.relation == "one of":
            interval = format_interval(self.earliest, self.latest, self.precision)
            text = "one day between " + interval.replace(" – ", " and ")
        elif words := self._unspecified_words():
            # the words say which parts are known: no "(to the day)" for a day of an unknown month
            return words + (", uncertain" if self.uncertain else "")
        else:
            text = format_interval(self.earliest, self.latest, self.precision)
            if self.approximate:
                text = "about " + self._approximate_words(text)
        if self.precision >= Precision.HOUR:
            text += " UTC"
        known = self._known_precision()
        precision = self.precision if known is None else known
        text += f" (to the {precision.label})" if precision > Precision.UNKNOWN else ""
        if self.uncertain:
            text += ", uncertain"
        return text
