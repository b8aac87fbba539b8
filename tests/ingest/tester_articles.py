"""The drafts of a tester's sentences, read as an article published on a Friday (10 Mar 2023)."""

from datetime import date

from viewer.ingest import ingest_text

PUB = date(2023, 3, 10)  # a Friday


def events_of(text):
    """The draft events ingest makes of ``text`` published on :data:`PUB`."""
    return ingest_text(text, published=PUB).timeline.events
