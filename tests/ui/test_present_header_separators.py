"""The presentation header's parts (step, tracks left out, drafts and planned marks) wrap between
parts: a "·" used to be left alone at the end of the first line at 1920x1080 (steps 1-5, 7-11)."""

import pytest

from tests.ui.conftest import present_window
from viewer.io import read_timeline


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_no_header_line_starts_or_ends_with_a_separator(qtbot, bundled_path, size):
    pw = present_window(qtbot, read_timeline(bundled_path), size)
    wrapped = 0
    for index in range(pw.presentation.count):
        pw.presentation.go_to(index)
        pw.finish_animation()
        text = pw.header.text()
        lines = [line.strip(" \u00a0") for line in text.split("\n")]
        assert not any(line.startswith("·") or line.endswith("·") for line in lines), (index, text)
        assert f"{index + 1} / {pw.presentation.count}" in lines[0]
        fm = pw.header.fontMetrics()
        assert all(fm.horizontalAdvance(line) <= pw.header.contentsRect().width() for line in lines), (index, lines)
        wrapped += len(lines) > 1
    assert wrapped  # (the steps that leave tracks out need a second line)
