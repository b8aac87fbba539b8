"""A search's matches counted in a density strip: the same rule as the strip, over the matches only."""

import numpy as np
import pytest

from viewer.io import read_timeline
from viewer.model.synthetic import synthetic_timeline


def test_the_matches_of_a_strip_add_up_with_the_rest_to_the_strip(tmp_path):
    path = tmp_path / "s.timeline.json"  # a file: the reader builds the columns as the app does
    synthetic_timeline(20_000).write_native(str(path))
    cols = read_timeline(str(path)).columns
    mask = np.random.default_rng(1).random(len(cols)) < 0.1
    a, b = float(np.nanmin(cols.x0)), float(np.nanmax(cols.x1))
    lanes = list(range(cols.n_lanes))
    whole = cols.density_many(lanes, a, b, 500)
    hits = cols.density_many(lanes, a, b, 500, only=mask)
    rest = cols.density_many(lanes, a, b, 500, only=~mask)
    assert np.allclose(hits + rest, whole)  # every event counted once, in one or the other
    for lane in lanes:  # the matches' total in view: one per matching event of the lane
        assert hits[lane].sum() == pytest.approx((mask & (cols.lane == lane)).sum(), abs=1e-6)
    with pytest.raises(ValueError):
        cols.density_many(lanes, a, b, 500, only=mask[:-1])
