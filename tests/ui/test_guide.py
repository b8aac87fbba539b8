"""Help > User guide: the README's usage, packaged, shown offline."""

from viewer.ui.guide import guide_markdown

from ..conftest import ROOT


def test_the_packaged_guide_is_the_readmes_usage():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_user_guide", ROOT / "tools" / "build_user_guide.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert guide_markdown() == tool.guide_text(readme), "run: python tools/build_user_guide.py"


def test_help_user_guide_opens_the_guide_rendered(qtbot, make_window):
    w = make_window()
    assert w.guide_action in w.menus["Help"].actions()
    w.guide_action.trigger()
    dialog = w.guide
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert "Using it" in text and "File > Print" in text and "Presenting on a briefing-room screen" in text
    assert "##" not in text  # rendered, not shown as Markdown source
    assert not dialog.browser.openLinks() and not dialog.browser.openExternalLinks()


def test_the_guide_never_points_at_a_picture_it_does_not_show():
    """The README's words "The picture above" were copied into the guide, which has no picture."""
    import re

    text = guide_markdown()
    for m in re.finditer(r"(picture|screenshot|image) (above|below)", text, re.IGNORECASE):
        before, after = text[:m.start()], text[m.end():]
        assert "![" in (before if m.group(2).lower() == "above" else after), m.group(0)
