"""An event's tags and actors as one line of text, and back (no Qt).

The Edit tab shows a list of names in one line, ``;`` between them.  Only the
semicolon separates: a comma stays in the name, so an actor ``"Smith, John"``
or ``"Ministry of Defence, Ukraine"`` is one name, not two.  A line the user did
not change gives back the stored list exactly (:func:`names_from_text` with
``old``), whatever the names hold (a ``;`` of their own, spaces at an end).

Use::

    text = names_text(("Smith, John", "NATO"))          # "Smith, John; NATO"
    names_from_text("Smith, John; NATO")                # ("Smith, John", "NATO")
    names_from_text(text, old=("Smith, John", "NATO"))  # the old tuple itself
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["NAME_SEPARATOR", "names_text", "names_from_text"]

#: What separates two names in the one-line form (a comma does not).
NAME_SEPARATOR = ";"


def names_text(names: Sequence[str]) -> str:
    """``("Smith, John", "NATO")`` -> ``"Smith, John; NATO"`` (the line the Edit tab shows)."""
    return f"{NAME_SEPARATOR} ".join(names)


def names_from_text(text: str, old: Sequence[str] | None = None) -> tuple[str, ...]:
    """The names in ``text``: split on ``;`` only, each stripped, empty ones dropped.

    Parameters
    ----------
    text : str
        The line as typed, e.g. ``"Smith, John; NATO"``.
    old : sequence of str, optional
        The stored names the line was made from (:func:`names_text`); when
        ``text`` is that line unchanged, they come back as they are (as a
        tuple), never re-split.

    Returns
    -------
    tuple of str
        ``("Smith, John", "NATO")``.  Raises nothing.
    """
    if old is not None and text == names_text(old):
        return tuple(old)
    return tuple(p.strip() for p in text.split(NAME_SEPARATOR) if p.strip())
