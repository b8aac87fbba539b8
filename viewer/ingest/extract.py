"""Article text from a file (.txt, .html, .md) and its sentences with offsets.

The text ingest works on is the *extracted* text: character offsets of
sentences and quotes refer to it (for a .txt file it is the file's text with
line ends normalised to ``\\n``).  HTML is reduced to its visible text with
the standard library's :mod:`html.parser` (scripts, styles and markup
dropped, block elements end a paragraph); Markdown loses its markup
characters (headings' ``#``, emphasis ``*``/``_``, links ``[text](url)``).

Sentences are split with pysbd (Sadvilkar & Neumann 2020, "PySBD: Pragmatic
Sentence Boundary Disambiguation", the Golden Rules set): rule-based, no
model to download, and it keeps abbreviations such as "Feb." and "U.S."
inside a sentence.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from viewer.io.regular import read_regular_file
from viewer.model.errors import TimelineLoadError

__all__ = ["Sentence", "ArticleError", "read_article", "text_of", "split_sentences", "MAX_ARTICLE_BYTES",
           "dateline_length"]

MAX_ARTICLE_BYTES = 5_000_000  #: an article larger than this is refused (no news article is)


class ArticleError(ValueError):
    """An article file that cannot be read: names the file and what was expected."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article.

    ``text == article[start:end]`` (trailing white space excluded); ``index``
    counts sentences from 0.
    """

    text: str
    start: int
    end: int
    index: int


_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
          "header", "footer", "blockquote", "time", "figcaption", "ul", "ol", "table", "dd", "dt"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "form", "button", "iframe"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta_dates: list[str] = []
        self.q_depth = 0  # <q> elements open: “…” outside, ‘…’ inside

    def handle_starttag(self, tag, attrs):  # noqa: D401
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag == "q" and not self.skip:  # the browser draws its quotation marks: the text needs them
            self.parts.append("‘" if self.q_depth % 2 else "“")
            self.q_depth += 1
        if tag == "meta":
            a = dict(attrs)
            if (a.get("property") or a.get("name") or a.get("itemprop") or "").lower() in (
                    "article:published_time", "datepublished", "date", "pubdate", "dc.date"):
                self.meta_dates.append(a.get("content") or "")
        if tag == "time":
            a = dict(attrs)
            if a.get("datetime"):
                self.meta_dates.append(a["datetime"])

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag == "q" and not self.skip and self.q_depth:
            self.q_depth -= 1
            self.parts.append("’" if self.q_depth % 2 else "”")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _clean_lines(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


def html_text(markup: str) -> tuple[str, list[str]]:
    """Visible text of an HTML page, and the publication dates its metadata
    gives (``<meta property="article:published_time">``, ``<time datetime>``).

    Returns
    -------
    text : str
        Paragraphs separated by newlines; entities decoded; never markup.
    meta_dates : list of str
        Raw machine-readable dates, in document order.
    """
    p = _TextParser()
    p.feed(markup)
    p.close()
    return _clean_lines("".join(p.parts)), [d for d in p.meta_dates if d]


def markdown_text(md: str) -> str:
    """Markdown reduced to its words: headings, emphasis, links and images' markup removed."""
    out = []
    for ln in md.split("\n"):
        ln = re.sub(r"^\s{0,3}#{1,6}\s*", "", ln)
        ln = re.sub(r"^\s{0,3}>\s?", "", ln)
        ln = re.sub(r"^\s*[-*+]\s+", "", ln)
        ln = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", ln)
        ln = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", ln)
        ln = re.sub(r"(\*\*|__)(.+?)\1", r"\2", ln)
        ln = re.sub(r"(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])", r"\1", ln)
        ln = ln.replace("`", "")
        out.append(ln)
    return _clean_lines("\n".join(out))


def text_of(raw: str, kind: str) -> tuple[str, list[str]]:
    """Plain article text of ``raw`` in format ``kind`` (``"txt"``, ``"html"``, ``"md"``).

    Returns the text and any machine-readable publication dates (HTML only).
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if kind == "html":
        return html_text(raw)
    if kind == "md":
        return markdown_text(raw), []
    return raw.strip("\n"), []


def read_article(path: str | os.PathLike[str]) -> tuple[str, list[str]]:
    """Read an article file: ``.txt``, ``.html``/``.htm`` or ``.md``/``.markdown``.

    Returns
    -------
    (text, meta_dates)
        See :func:`text_of`.

    Raises
    ------
    ArticleError
        The file is missing, not a regular file (a folder, a named pipe or a
        device is refused before it is opened: :mod:`viewer.io.regular`),
        larger than :data:`MAX_ARTICLE_BYTES`, not UTF-8 (the byte offset
        is named), or without any text.
    """
    name = os.fspath(path)
    try:  # the project's one check: a regular file (a link to one is fine), never a pipe or a device
        data = read_regular_file(name, name, MAX_ARTICLE_BYTES)
    except TimelineLoadError as exc:
        raise ArticleError("; ".join(str(p) for p in exc.problems)) from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{name}: larger than {MAX_ARTICLE_BYTES} bytes; an article was expected")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: byte {exc.start}: not UTF-8 text ({exc.reason}); "
                           "save the article as UTF-8") from None
    ext = os.path.splitext(name)[1].lower()
    kind = "html" if ext in (".html", ".htm", ".xhtml") else "md" if ext in (".md", ".markdown") else "txt"
    if kind == "txt" and re.match(r"\s*<(!doctype html|html)", raw[:200], re.I):
        kind = "html"
    text, meta = text_of(raw, kind)
    if not text.strip():
        raise ArticleError(f"{name}: no text in the article" + (" (after removing the page's markup)"
                                                                if kind == "html" else ""))
    return text, meta


_SEGMENTER = None


def _segmenter():
    global _SEGMENTER
    if _SEGMENTER is None:
        import pysbd
        from pysbd.lang.english import English

        class _OncePerForm(English.AbbreviationReplacer):  # type: ignore[name-defined, misc]
            """pysbd 0.3.4's abbreviation pass, each substitution made once.

            pysbd re-runs one whole-text ``re.sub`` for every word that begins like an abbreviation
            ("v" of "very"), so a long sentence took quadratic time (50,000 characters: 48 s; upstream
            pySBD #41 and #70, unreleased).  Each substitution only turns a full stop into "∯" and is
            idempotent, and one abbreviation's never makes another's match: running it once per
            distinct form (whenever pysbd's own test on the next letter lets any occurrence run it)
            gives the same text."""

            def search_for_abbreviations_in_string(self, text: str) -> str:
                lowered = text.lower()
                for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                    stripped = abbr.strip()
                    if stripped not in lowered:
                        continue
                    abbrev_match = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
                    if not abbrev_match:
                        continue
                    char_array = re.findall(r"(?<={" + str(re.escape(stripped)) + "} ).{1}", text)
                    prepositive = self.lang.Abbreviation.PREPOSITIVE_ABBREVIATIONS
                    done: set[str] = set()
                    for ind, match in enumerate(abbrev_match):
                        form = match.strip()
                        if form in done:
                            continue
                        text = self.scan_for_replacements(text, match, ind, char_array)
                        char = char_array[ind] if ind < len(char_array) else ""
                        if not str(char).isupper() or form.lower() in prepositive:
                            done.add(form)  # pysbd's test let the substitution run: a no-op from now on
                return text

        class _English(English):  # type: ignore[misc, valid-type]
            AbbreviationReplacer = _OncePerForm

        _SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=True)
        if getattr(pysbd, "__version__", "") == "0.3.4":  # the pass this replaces; a later pysbd keeps its own
            _SEGMENTER.language_module = _English
    return _SEGMENTER


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their character offsets.

    Paragraphs (lines) are split separately, so a heading or dateline line
    never joins the next sentence.  Returns sentences in order; each
    ``text[s.start:s.end] == s.text``.
    """
    out: list[Sentence] = []
    pos = 0
    for para in text.split("\n"):
        base = pos
        pos += len(para) + 1
        if not para.strip():
            continue
        try:
            spans = _segmenter().segment(para)
        except Exception:  # noqa: BLE001 - pysbd on odd input: fall back to the line
            spans = []
        cursor = 0
        pieces = []
        for sp in spans:
            seg = sp.sent
            at = para.find(seg.strip(), cursor) if seg.strip() else -1
            if at < 0:
                continue
            pieces.append((at, at + len(seg.strip())))
            cursor = at + len(seg.strip())
        if not pieces:
            stripped = para.strip()
            at = para.find(stripped)
            pieces = [(at, at + len(stripped))]
        for a, b in pieces:
            out.append(Sentence(text[base + a:base + b], base + a, base + b, len(out)))
    return out


_DATELINE = re.compile(r"^[A-Z][A-Za-z.'’ /-]{1,40}?(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?"
                       r"(?P<date>(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|"
                       r",\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))?\s*(?P<outlet>\([^)]{1,60}\)|/[^/\s][^/\n]{0,40}/)?"
                       r"\s*[–—-]+\s+")
_FULL_DAY = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
_PLACE = r"[A-Z][A-Za-z.'’ /-]{1,40}?(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?"
_DATE_SET_OFF = re.compile(rf"^(?:{_PLACE}\s*[–—|·•-]+\s*{_FULL_DAY}|{_FULL_DAY}\s*[|·•]\s*{_PLACE})"
                           r"\s*[–—|·•-]+\s+")
"""A dateline whose date is set off by dashes or bars: "KYIV — March 8, 2023 — ", "March 8, 2023 | KYIV — ",
"KYIV, Ukraine — June 14, 2023 — ", "Kyiv | 14 June 2023 | "."""


def dateline_length(sentence: str) -> int:
    """Characters of a dateline that opens ``sentence`` ("KYIV, March 8, 2023
    (Reuters) - ", "BELARUS (Washington Insider Magazine) – ", "PARIS/BERLIN (Reuters) - ", "WASHINGTON,
    Feb. 24, 2022 /PRNewswire/ -- ", "KYIV — March 8, 2023 — ", "March 8, 2023 | KYIV — "), else 0.  A
    dateline needs a date or an outlet (in brackets or slashes) before its dash."""
    m = _DATELINE.match(sentence)
    if m and (m.group("date") or m.group("outlet")):
        return m.end()
    m = _DATE_SET_OFF.match(sentence)
    if m:
        return m.end()
    m = _CAPS_DATELINE.match(sentence)
    return m.end() if m else 0


_CAPS_DATELINE = re.compile(r"^[A-Z]{3,}[A-Z .'’/-]*(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?\s*[–—-]+\s+")
