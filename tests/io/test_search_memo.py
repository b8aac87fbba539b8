"""The search index keeps the last query's answer (a query warmed up while the
user typed is then not scanned again): the answer is the same as a fresh scan,
each caller gets its own copy, and another query or new texts replace it."""

import numpy as np

from viewer.io import search_index as si
from viewer.model.search import parse_query


def _plain(texts, query):
    terms = parse_query(query)
    return np.array([all(t in text for t in terms) for text in texts])


def test_the_last_answer_is_reused_and_forgotten_when_another_query_or_new_texts_come():
    rng = np.random.default_rng(21)
    pieces = ["protest", "pro", "p", "é", "1", "x y", ""]
    texts = ["".join(rng.choice(pieces, size=int(rng.integers(0, 6)))) for _ in range(2000)]
    index = si.SearchIndex("", len(texts), texts)
    scans = []
    real = index._mask
    index._mask = lambda terms: scans.append(tuple(terms)) or real(terms)
    first = index.event_mask("pro")
    assert np.array_equal(first, _plain(texts, "pro"))
    first[:] = False  # a caller's copy: changing it changes nothing kept
    again = index.event_mask("pro ")  # the same terms
    assert np.array_equal(again, _plain(texts, "pro")) and scans == [("pro",)]
    other = index.event_mask("protest 1")  # another query: scanned, and kept instead
    assert np.array_equal(other, _plain(texts, "protest 1")) and scans[-1] == ("protest", "1")
    assert np.array_equal(index.event_mask("pro"), _plain(texts, "pro")) and scans[-1] == ("pro",)
    new = [t + "q" for t in texts]
    index._set_texts(new)  # new texts: nothing of the old ones answers
    assert np.array_equal(index.event_mask("pro"), _plain(new, "pro")) and len(scans) == 4
    assert np.array_equal(index.event_mask("oq"), _plain(new, "oq"))
