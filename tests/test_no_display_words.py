"""honestui 6: with no display the message ended "or set QT_QPA_PLATFORM", not saying to what,
nor that the value that works (offscreen) shows no window at all.  It now names
``QT_QPA_PLATFORM=offscreen`` and says it makes screenshots only."""

from __future__ import annotations

import viewer.app as app


def _no_display(monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")


def test_no_display_names_the_platform_value_and_what_it_does(monkeypatch, capsys):
    _no_display(monkeypatch)
    assert app.main([]) == 2
    err = capsys.readouterr().err
    assert "--screenshot OUT.png" in err
    assert "QT_QPA_PLATFORM=offscreen" in err and "screenshots only" in err
    assert not err.rstrip().endswith("set QT_QPA_PLATFORM")


def test_an_unreachable_display_says_the_same(monkeypatch, capsys):
    _no_display(monkeypatch)
    monkeypatch.setenv("DISPLAY", ":4711")
    monkeypatch.setattr(app, "_unreachable_display", lambda: "DISPLAY=:4711: no X server answers")
    assert app.main([]) == 2
    err = capsys.readouterr().err
    assert "QT_QPA_PLATFORM=offscreen" in err and "screenshots only" in err
