"""Hand-outs: the PDF deck (title, one page per step, sources) and PNG frames, written atomically."""

import os

import pypdf
import pytest
from PySide6.QtGui import QImage

from viewer.io import read_timeline
from viewer.io.atomic import atomic_path
from viewer.model.story import Story, StoryStep
from viewer.ui.handout import export_pdf, export_png_frames, frame_name
from viewer.ui.main_window import MainWindow
from viewer.ui.presenting import export_pdf_to


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def test_pdf_deck_has_title_one_16_9_page_per_step_and_sources(qtbot, tl, tmp_path):
    story = tl.stories[0]
    out = tmp_path / "deck.pdf"
    assert export_pdf(tl, story, out) == len(story.steps) + 2
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) == len(story.steps) + 2
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert w / h == pytest.approx(16 / 9, rel=1e-3)
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert tl.title.split(":")[0] in texts[0] and story.title in texts[0]
    # step pages are vector: their labels and captions are text in the PDF
    k = [s.event for s in story.steps].index("lavrov-lowest-level")
    assert "at their lowest level in recent years" in texts[1 + k]
    assert "Sergey Lavrov" in texts[1 + k]
    assert texts[-1].startswith("Sources")
    for outlet in ("Washington Insider Magazine", "Downing Street", "Kremlin spokesman Dmitry Peskov"):
        assert outlet in texts[-1]
    assert "Jean-Yves Le Drian (interview)" in texts[-1] and "(interview) (interview)" not in texts[-1]
    # presenter notes are not in the audience's hand-out
    assert not any("Undated in the article" in t for t in texts)
    assert not [p for p in os.listdir(tmp_path) if ".tvtmp-" in p]


def test_png_frames_one_per_step(qtbot, tl, tmp_path):
    story = Story("Two steps", (StoryStep("drills-begin"), StoryStep("drills-end")))
    written = export_png_frames(tl, story, tmp_path, size=(1280, 720))
    assert [os.path.basename(p) for p in written] == ["two-steps-step-01.png", "two-steps-step-02.png"]
    for path in written:
        image = QImage(path)
        assert (image.width(), image.height()) == (1280, 720)
    assert sorted(os.listdir(tmp_path)) == sorted(os.path.basename(p) for p in written)
    with pytest.raises(FileNotFoundError):
        export_png_frames(tl, story, tmp_path / "missing")


def test_frame_names_sort_in_step_order():
    story = Story("A / B: c", tuple(StoryStep("x") for _ in range(120)))
    assert frame_name(story, 0) == "a-b-c-step-001.png"
    assert frame_name(story, 119) == "a-b-c-step-120.png"


def test_atomic_path_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "deck.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            with open(tmp, "wb") as fh:
                fh.write(b"half")
            raise RuntimeError("crash while writing")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["deck.pdf"]
    with pytest.raises(OSError, match="nothing was written"):
        with atomic_path(target):
            pass
    assert target.read_bytes() == b"old"


def test_export_into_a_missing_folder_shows_an_error(qtbot, tl, bundled_path, tmp_path):
    w = MainWindow(tl, read_timeline, bundled_path)
    qtbot.addWidget(w)
    assert not export_pdf_to(w, str(tmp_path / "no" / "deck.pdf"))
    assert w.last_error is not None and "deck.pdf" in w.last_error.text()
