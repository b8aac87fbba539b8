"""Where quotations open and close in a sentence, nested ones included.

One left-to-right pass with a stack of open marks: “…”, "…", «…», and the
single marks ‘…’ and '…' (a single mark opens only after a space, a bracket,
a dash or another opening mark, and one followed by a letter is an
apostrophe: "don’t", "Russia's"); a straight " after a space and before a
letter or a digit opens a quotation even while one is open.  A backslash before a mark (``\\"``, as
text copied from JSON or code has it) makes the mark part of the quoted
words, never an end.  A closing mark with no opening one is ignored; the
double marks still open at the sentence's end are returned as unclosed.
"""

from __future__ import annotations

import functools
import re

__all__ = ["QuoteSpan", "quote_spans", "masked_outside", "unescape", "DOUBLE_OPENERS", "marks_out_of_tags"]

DOUBLE_OPENERS = "“\"«"
"""Marks whose quotation, left open, is reported as never closed (a single mark may be an apostrophe)."""

_CLOSER = {"“": "”", "\"": "\"", "«": "»", "‘": "’", "'": "'"}
_OPEN_BEFORE = " \t\n([{—–-/“\"«‘'"
_ESCAPED = re.compile(r"\\([\"'“”‘’«»])")

_MARKUP_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,9}(?:\s[^<>]{0,300})?/?>")
_MARKS = re.compile(r"[\"'“”‘’«»]")


def marks_out_of_tags(sentence: str) -> str:
    """``sentence`` with every quotation mark inside a markup tag (``<a href="http://x">``) as ``_`` (same
    length): an attribute's quotation marks left in a plain-text article are never a quotation's."""
    if "<" not in sentence:
        return sentence
    return _MARKUP_TAG.sub(lambda m: _MARKS.sub("_", m.group(0)), sentence)


QuoteSpan = tuple[int, int]
"""``(start, end)``: ``start`` the opening mark's offset, ``end`` just past the closing mark."""


@functools.lru_cache(maxsize=256)
def quote_spans(sentence: str) -> tuple[tuple[QuoteSpan, ...], tuple[int, ...]]:
    """The quotations of ``sentence`` and the offsets of the double marks that open one never closed.

    Returns
    -------
    spans : tuple of (start, end)
        Every closed quotation, outer and nested, in order of its opening mark.
    unclosed : tuple of int
        Offsets of the opening “, " or « marks left open at the end of the sentence.
    """
    sentence = marks_out_of_tags(sentence)  # (a tag's attribute quotes nothing)
    stack: list[tuple[str, int]] = []
    spans: list[QuoteSpan] = []
    i, n = 0, len(sentence)
    while i < n:
        ch = sentence[i]
        if ch == "\\" and i + 1 < n and sentence[i + 1] in "\\\"'“”‘’«»":
            i += 2  # an escaped mark, or an escaped backslash ("C:\\" ends with one): part of the words
            continue
        prev = sentence[i - 1] if i else " "
        nxt = sentence[i + 1] if i + 1 < n else " "
        open_marks = [m for m, _ in stack]
        if ch in "”»":
            opener = "“" if ch == "”" else "«"
            if opener in open_marks:
                _close(stack, spans, opener, i)
        elif ch == "\"":
            if "\"" in open_marks and not (prev.isspace() and nxt.isalnum()):
                _close(stack, spans, "\"", i)
            elif "\"" in open_marks:  # after a space, before a word: a quotation opening, the one open before
                stack.append((ch, i))  # it never closed ('said "it is over. … said: "Nothing."')
            elif not prev.isalnum():  # (after a letter or a digit it is no opening mark: a 12" gun)
                stack.append((ch, i))
        elif ch in "“«":
            stack.append((ch, i))
        elif ch in "’'":
            opener = "‘" if ch == "’" else "'"
            if opener in open_marks and not nxt.isalpha() and not prev.isspace():
                _close(stack, spans, opener, i)
            elif ch == "'" and prev in _OPEN_BEFORE and not nxt.isspace():
                stack.append((ch, i))
        elif ch == "‘" and prev in _OPEN_BEFORE:
            stack.append((ch, i))
        i += 1
    spans.sort()
    return tuple(spans), tuple(at for m, at in stack if m in DOUBLE_OPENERS)


def _close(stack: list[tuple[str, int]], spans: list[QuoteSpan], opener: str, at: int) -> None:
    """Close the innermost ``opener`` of ``stack`` at offset ``at``; single marks opened inside it and
    never closed were apostrophes, and are dropped."""
    while stack:
        mark, start = stack.pop()
        if mark == opener:
            spans.append((start, at + 1))
            return


_SET_OFF = re.compile(
    r"(?:^|[:,;(\[—–\"“‘'«-]|\b(?:said|says|say|added|adds|stated|states|declared|replied|insisted|warned|warns|"
    r"noted|notes|stressed|argued|claimed|announced|tweeted|posted|wrote|writes|remarked|explained|responded|"
    r"answered|vowed|promised|pledged|continued)(?:\s+(?:that|simply|only|just))?|"
    r"\b(?:told|tells|tell|asked|asks|assured|reminded)(?:\s+[\w’'-]+){0,3})\s*$", re.I)
"""What stands before a quotation set off as someone's words: nothing, punctuation, "said (that)", "told
reporters".  A quotation after any other word is part of the article's own clause ("Russia “will
respond” on Friday"): its words are that clause's, verb and all."""


def masked_outside(sentence: str, pos: int) -> str:
    """``sentence`` with every quotation that does not hold offset ``pos`` blanked out (same length).

    What a date's tense is read from: the words around it at its own level, never words quoted
    inside or beside it ("“We will never give up,” Peskov said on Monday": *said*, not *will*); a
    quotation that is part of the article's own clause (see :data:`_SET_OFF`) stays.
    The punctuation that ties a blanked quotation to its attribution (``:`` or ``,`` before it) is
    blanked too, so "said: “…” on Monday" stays one clause.  A quotation never closed runs to the
    sentence's end.
    """
    spans, unclosed = quote_spans(sentence)
    if not spans and not unclosed:
        return sentence
    chars = list(sentence)
    for a, b in (*spans, *((at, len(sentence)) for at in unclosed)):
        if a <= pos < b or not _SET_OFF.search(sentence, max(0, a - 80), a):
            continue
        chars[a:b] = " " * (b - a)
        k = a - 1
        while k >= 0 and chars[k] == " ":
            k -= 1
        if k >= 0 and chars[k] in ",:":
            chars[k] = " "
    return "".join(chars)


def unescape(words: str) -> str:
    """``words`` with a backslash-escaped quotation mark as the mark itself (``\\"no\\"`` -> ``"no"``)."""
    return _ESCAPED.sub(r"\1", words)
