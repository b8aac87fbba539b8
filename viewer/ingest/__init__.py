"""From a news article to a draft timeline (no Qt).

``ingest_file(path)`` / ``ingest_text(text)`` read an article (.txt, .html,
.md) and return an :class:`IngestResult`: a timeline whose events are all
marked ``draft`` with the sentence they came from, dates resolved to EDTF
with the phrase and the basis of the resolution, quotes verbatim with their
speakers and attribution chains.  Rule-based, offline; modules:

``extract`` text and sentences · ``pubdate`` publication date · ``tense`` ·
``temporal`` date expressions · ``actors`` gazetteer and names · ``quotes``
direct and reported speech · ``drafts`` claims · ``build`` the timeline ·
``report`` the text the command prints.
"""

from __future__ import annotations

import os
from datetime import date

from .build import IngestResult, ingest_text
from .extract import ArticleError, read_article
from .pubdate import PublishedError, parse_published
from .report import report_text

__all__ = ["IngestResult", "ingest_text", "ingest_file", "ArticleError", "PublishedError", "parse_published",
           "report_text"]


def ingest_file(path: str | os.PathLike[str], *, published: date | None = None, outlet: str = "") -> IngestResult:
    """Read an article file into a draft timeline (see :func:`ingest_text`).

    Raises
    ------
    ArticleError
        The file cannot be read (see :func:`viewer.ingest.extract.read_article`).
    """
    text, meta = read_article(path)
    return ingest_text(text, published=published, outlet=outlet, article=os.path.basename(os.fspath(path)),
                       meta_dates=meta)
