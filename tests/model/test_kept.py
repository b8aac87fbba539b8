"""viewer.model.kept: the one place where values computed from a timeline or
its columns are kept, and what forgets them (no Qt)."""

from __future__ import annotations

import numpy as np

from viewer.io import read_timeline
from viewer.model.filters import FilterState, all_facet_counts, filter_mask
from viewer.model.kept import forget, kept, kept_values


class Owner:
    pass


def test_a_value_is_made_once_per_key_and_replaced_by_another_key():
    owner, made = Owner(), []

    def make(v):
        return lambda: made.append(v) or [v]

    first = kept(owner, "frame", (0, 10, 5), make(1))
    assert kept(owner, "frame", (0, 10, 5), make(2)) is first  # kept: not made again
    assert kept(owner, "frame", (0, 20, 5), make(3)) == [3]  # another range replaces it
    assert kept(owner, "frame", (0, 10, 5), make(4)) == [4]  # one key per name: the first is gone
    assert kept(owner, "bars", None, make(5)) == [5]  # names are apart
    assert made == [1, 3, 4, 5]
    forget(owner, "frame")
    assert list(kept_values(owner)) == ["bars"]
    forget(owner)
    assert kept_values(owner) == {}
    forget(Owner(), "frame")  # nothing kept: nothing to do


def test_the_facet_masks_live_in_the_one_place_and_stay_right_across_filters(bundled_path):
    tl = read_timeline(bundled_path)
    a = FilterState().with_track_hidden(tl.tracks[0].id, True)
    b = FilterState().with_track_hidden(tl.tracks[1].id, True)
    m_a = filter_mask(tl, a)
    assert ("mask", "tracks") in kept_values(tl.facets)
    m_b = filter_mask(tl, b)
    assert not np.array_equal(m_a, m_b)
    assert np.array_equal(filter_mask(tl, a), m_a)  # the kept mask of b is not read for a
    m_a[:] = False  # a caller may write to what it got: the kept one is untouched
    assert filter_mask(tl, a).any()
    assert all_facet_counts(tl, a) == all_facet_counts(read_timeline(bundled_path), a)
