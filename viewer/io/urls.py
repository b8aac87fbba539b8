"""Links written to published formats: only web links (http, https).

A source's ``url`` comes from whoever wrote the file.  A TimelineJS page puts
the media url into the browser, and calendar programs open an event's URL
when it is clicked, so a ``javascript:``, ``data:``, ``file:`` or
``vbscript:`` link would run or reveal something on the reader's machine.
Writers keep only ``http://`` and ``https://`` links and list every other one
as not written (the rule of the OWASP XSS prevention cheat sheet: allow-list
the scheme of any URL placed in a page).

Pure Python, no Qt.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from viewer.model.timeline import Timeline

__all__ = ["web_url", "dropped_urls"]

_WEB = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def web_url(url: str) -> str:
    """``url`` when it is an http or https link with a host, else ``""``.

    Browsers ignore tabs and line breaks inside a url (``java\\tscript:``),
    so any whitespace or control character makes a url unsafe too.  The
    characters ``"``, ``<`` and ``>`` are percent-encoded in what is returned,
    so the link cannot leave an HTML attribute.

    Parameters
    ----------
    url : str
        A source's url as read.

    Returns
    -------
    str
        The link to write, or ``""`` when none may be written.
    """
    u = (url or "").strip()
    if not _WEB.fullmatch(u):
        return ""
    try:
        if not urlsplit(u).netloc:
            return ""
    except ValueError:
        return ""
    return u.replace('"', "%22").replace("<", "%3C").replace(">", "%3E")


def dropped_urls(timeline: Timeline, fmt: str) -> list[str]:
    """One line per source whose url is not written to ``fmt`` (not an http/https link).

    Returns
    -------
    list of str
        ``"source 'id': its link 'javascript:...' is not written to TimelineJS: ..."``.
    """
    out = []
    for s in timeline.sources:
        if s.url and not web_url(s.url):
            shown = s.url if len(s.url) <= 80 else s.url[:79] + "…"
            out.append(f"source {s.id!r}: its link {shown!r} is not written to {fmt}: only http and https "
                       "links are")
    return out
