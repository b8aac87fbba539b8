"""``timeline-viewer deck FILE OUT.pdf [--story NAME] [--frames DIR]``: the hand-out without a window."""

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from viewer.app import main
from viewer.io import read_timeline

BAD = Path(__file__).resolve().parent / "data" / "bad"


def test_deck_writes_the_story_as_a_pdf_and_frames(tmp_path, bundled_path, capsys):
    story = read_timeline(bundled_path).stories[0]
    out, frames = tmp_path / "deck.pdf", tmp_path / "frames"
    frames.mkdir()
    assert main(["deck", bundled_path, str(out), "--story", story.title, "--frames", str(frames)]) == 0
    pages = PdfReader(str(out)).pages
    assert len(pages) == len(story.steps) + 2  # title page, a page per step, sources page
    assert story.title in " ".join(pages[0].extract_text().split())
    assert len(list(frames.glob("*.png"))) == len(story.steps)
    assert "wrote" in capsys.readouterr().out


def test_deck_refuses_an_unknown_story_naming_the_ones_there(tmp_path, bundled_path, capsys):
    assert main(["deck", bundled_path, str(tmp_path / "d.pdf"), "--story", "Nope"]) == 1
    err = capsys.readouterr().err
    assert "no story titled 'Nope'" in err and "Allied Resolve-2022: the ten days" in err
    assert not (tmp_path / "d.pdf").exists()


def test_deck_exit_codes_for_bad_output_and_bad_input(tmp_path, bundled_path):
    assert main(["deck", bundled_path, str(tmp_path / "d.png")]) == 1
    assert main(["deck", bundled_path, str(tmp_path / "d.pdf"), "--frames", str(tmp_path / "no" / "missing")]) == 1
    assert main(["deck", str(BAD / "truncated.json"), str(tmp_path / "d.pdf")]) == 2


def test_deck_takes_a_unique_start_of_a_story_title_and_makes_the_frames_folder(tmp_path, bundled_path):
    """The README's example: ``--story "Allied Resolve" --frames frames/`` with no frames/ yet; stderr stays clean."""
    out, frames = tmp_path / "deck.pdf", tmp_path / "frames"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "viewer", "deck", bundled_path, str(out), "--story", "Allied Resolve",
                           "--frames", str(frames)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Allied Resolve-2022: the ten days" in done.stdout
    assert len(list(frames.glob("*.png"))) == len(read_timeline(bundled_path).stories[0].steps)
    assert "propagateSizeHints" not in done.stderr


def test_the_file_argument_help_names_every_readable_kind_of_file():
    """``timeline-viewer --help`` names the event collections it opens (Parquet, DuckDB) besides the rest."""
    from viewer.app import build_parser

    text = "-".join(part.strip() for part in build_parser().format_help().split("-\n"))  # argparse wraps at "-"
    text = " ".join(text.split())
    for kind in ("TimelineJS", "vis-timeline", "ACLED", "CSV", "Parquet", "DuckDB"):
        assert kind in text, kind
