"""Directional controls in data text are shown, not obeyed (Trojan Source, CVE-2021-42574)."""

from __future__ import annotations

import pytest

from viewer.model.text import BIDI_CONTROLS, has_bidi_controls, visible_controls


def test_an_override_is_shown_as_a_token_and_the_words_stay_in_order():
    assert visible_controls("RTL \u202eevil\u202c text") == "RTL ⟨RLO⟩evil⟨PDF⟩ text"


@pytest.mark.parametrize("char, name", [
    ("\u202a", "LRE"), ("\u202b", "RLE"), ("\u202c", "PDF"), ("\u202d", "LRO"), ("\u202e", "RLO"),
    ("\u2066", "LRI"), ("\u2067", "RLI"), ("\u2068", "FSI"), ("\u2069", "PDI"),
])
def test_every_embedding_override_and_isolate_control_is_named(char, name):
    assert visible_controls(f"a{char}b") == f"a⟨{name}⟩b"
    assert has_bidi_controls(f"a{char}b")


def test_other_text_is_unchanged():
    for text in ("", "plain", "שלום עולם", "\u200fmark\u200e", "tab\tnew\nline", "⟨RLO⟩ typed by hand"):
        assert visible_controls(text) == text
        assert not has_bidi_controls(text)
    assert len(BIDI_CONTROLS) == 9
