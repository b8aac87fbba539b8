"""Keyboard and screen-reader access: tab order, focus rings, names and
announcements, menu mnemonics (pytest-qt, offscreen)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from viewer.model.filters import FilterState
from viewer.ui import access


@pytest.fixture
def window(make_window):
    w = make_window((1700, 950))
    w.activateWindow()
    return w


def tab_walk(qtbot, start, n, backwards=False):
    """Focus ``start``, press Tab (Shift+Tab) ``n`` times; the widgets that had the keyboard."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = []
    for _ in range(n):
        key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
        qtbot.keyClick(QApplication.focusWidget(), key)
        seen.append(QApplication.focusWidget())
    return seen


# -- tab order ----------------------------------------------------------------------

def test_tab_from_the_timeline_reaches_every_control_once_per_round(qtbot, window):
    bar = window.search_bar
    events_round = [window.overview, window.details, window.side_tabs.tabBar(), window.event_list,
                    bar.field, bar.prev_button, bar.next_button, window.zone_picker, window.view]
    assert tab_walk(qtbot, window.view, len(events_round)) == events_round
    # backwards is the same round reversed
    back = tab_walk(qtbot, window.view, len(events_round), backwards=True)
    assert back == list(reversed(events_round[:-1])) + [window.view]


def test_tabbing_through_the_event_list_selects_nothing(qtbot, window):
    """Passing through the list with Tab must not pick an event (it used to
    select the first row, change the detail pane and announce it); Down or
    Enter in the list does select."""
    window.side_tabs.setCurrentIndex(0)
    tab_walk(qtbot, window.side_tabs.tabBar(), 2)  # into the list and out again
    assert window.state.selected is None
    window.event_list.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.event_list, Qt.Key.Key_Return)
    first = window.state.selected
    assert first is not None
    qtbot.keyClick(window.event_list, Qt.Key.Key_Down)
    assert window.state.selected not in (None, first)


def test_tab_reaches_every_filter_control_from_the_tab_bar(qtbot, window):
    tabs = window.side_tabs
    tabs.setCurrentWidget(window.filter_panel)
    panel = window.filter_panel
    controls = [panel.reset_button, panel.tracks, *panel.move_buttons, *panel.facet_lists.values(),
                panel.range_on]
    # while the date range is off its fields are disabled: Tab goes past them
    assert not panel.range_on.isChecked()
    assert tab_walk(qtbot, tabs.tabBar(), len(controls) + 1) == controls + [window.search_bar.field]
    panel.range_on.setChecked(True)
    controls += [panel.range_from, panel.range_to]
    seen = tab_walk(qtbot, tabs.tabBar(), len(controls) + 12)
    # a date edit takes the keyboard through its line edit (its focus proxy),
    # and Tab steps through its sections (weekday, day, month, year) before it leaves
    seen = [w.parentWidget() if w.objectName() == "qt_spinbox_lineedit" else w for w in seen]
    seen = [w for k, w in enumerate(seen) if k == 0 or w is not seen[k - 1]]
    assert seen[:len(controls) + 1] == controls + [window.search_bar.field]
    # the tab bar switches tabs with the arrow keys; F6 / F7 too
    tabs.tabBar().setFocus()
    qtbot.keyClick(tabs.tabBar(), Qt.Key.Key_Left)
    assert tabs.currentWidget() is window.event_list


def test_every_focusable_visible_control_is_in_the_tab_round(qtbot, window):
    reached = set(tab_walk(qtbot, window.view, 14))
    focusable = set()
    for w in window.findChildren(QWidget):
        if (w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not isinstance(w.parentWidget(), QAbstractScrollArea)):  # viewports: their view takes focus
            focusable.add(w.focusProxy() or w)
    missing = [f"{type(w).__name__} {w.accessibleName()!r}" for w in focusable - reached]
    assert not missing


# -- visible focus ------------------------------------------------------------------

def ring_pixels(img, colour):
    """How many pixels of the two outermost pixel rings are ``colour`` (within 40 per channel)."""
    c = QColor(colour)
    w, h = img.width(), img.height()
    n = 0
    for inset in (0, 1):
        pts = [(x, inset) for x in range(w)] + [(x, h - 1 - inset) for x in range(w)]
        pts += [(inset, y) for y in range(h)] + [(w - 1 - inset, y) for y in range(h)]
        for x, y in pts:
            p = img.pixelColor(x, y)
            n += abs(p.red() - c.red()) < 40 and abs(p.green() - c.green()) < 40 and abs(p.blue() - c.blue()) < 40
    return n


@pytest.mark.parametrize("name", ["view", "overview"])
def test_custom_views_draw_a_focus_ring_only_with_the_keyboard(qtbot, window, name):
    widget = getattr(window, name)
    window.search_bar.field.setFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus())
    without = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    with_focus = widget.grab().toImage()
    perimeter = 2 * (2 * (without.width() + without.height()))
    assert ring_pixels(with_focus, access.FOCUS_RING_COLOUR) > 0.9 * perimeter
    assert ring_pixels(without, access.FOCUS_RING_COLOUR) < 0.1 * perimeter


def test_the_ring_follows_the_keyboard_not_the_mouse(qtbot, window):
    """``:focus-visible``: a click gives the timeline focus without a ring (a
    briefer dragging the view sees no frame), a key brings the ring back,
    and a window just opened (focus set by the program) shows none."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    view = window.view
    perimeter = 2 * (2 * (view.width() + view.height()))
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(view.hasFocus)
    assert ring_pixels(view.grab().toImage(), access.FOCUS_RING_COLOUR) < 0.1 * perimeter
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.focus_ring_shown
    assert ring_pixels(view.grab().toImage(), access.FOCUS_RING_COLOUR) > 0.9 * perimeter
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(view.width() // 2, 20))
    assert view.hasFocus() and not view.focus_ring_shown
    assert ring_pixels(view.grab().toImage(), access.FOCUS_RING_COLOUR) < 0.1 * perimeter


def test_no_style_sheet_hides_focus():
    import pathlib

    for path in pathlib.Path(access.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8").replace(" ", "")
        assert "outline:none" not in text and "outline:0" not in text, path


# -- names and announcements ----------------------------------------------------------

def test_timeline_is_named_by_what_it_shows(qtbot, window):
    assert window.view.accessibleName() == "Timeline: 16 events on 6 tracks"
    window.state.filters = FilterState(hidden_tracks=frozenset({"uk"}))
    assert window.view.accessibleName() == "Timeline: 13 events on 5 tracks"
    for w in (window.details, window.event_list, window.filter_panel, window.overview, window.search_bar.field,
              window.zone_picker, window.search_bar.prev_button, window.search_bar.next_button):
        assert w.accessibleName(), w


def test_selection_is_announced_on_the_timeline_and_detail_pane(qtbot, window, monkeypatch):
    sent = []

    class Spy:
        Event = QAccessible.Event

        @staticmethod
        def updateAccessibility(ev):  # noqa: N802 (Qt name)
            sent.append((ev.object(), ev.type()))

    monkeypatch.setattr(access, "QAccessible", Spy)
    window.state.selected = "truss-arrives-moscow"
    text = "Selected: Truss arrives in Moscow, Thu 10 Feb 2022 (to the day), track United Kingdom, 1 source"
    assert window.view.accessibleDescription() == text
    assert window.details.accessibleDescription() == text
    assert (window.view, QAccessible.Event.DescriptionChanged) in sent
    assert (window.details, QAccessible.Event.DescriptionChanged) in sent
    # what an assistive technology reads through Qt's accessibility interface
    iface = QAccessible.queryAccessibleInterface(window.view)
    assert iface.text(QAccessible.Text.Description) == text
    assert iface.text(QAccessible.Text.Name) == "Timeline: 16 events on 6 tracks"
    window.state.display_zone = "Europe/Moscow"  # a date-only event reads the same in every zone
    window.state.selected = "normandy-format-since-2014"
    assert window.view.accessibleDescription().startswith(
        "Selected: Normandy Format talks on eastern Ukraine, 2014 (to the year) to on or after")
    window.state.selected = None
    assert window.view.accessibleDescription() == "No event selected"


def test_detail_pane_is_read_and_copied_with_the_keyboard(qtbot, window):
    pane = window.details
    flags = pane.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    window.state.selected = "lavrov-lowest-level"
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    qtbot.keyClick(pane, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert "lowest level" in pane.textCursor().selectedText()


def test_overview_pans_and_zooms_from_the_keyboard(qtbot, window):
    ov = window.overview
    ov.setFocus()
    qtbot.waitUntil(ov.hasFocus)
    a, b = window.view.x_range()
    qtbot.keyClick(ov, Qt.Key.Key_Plus)
    a1, b1 = window.view.x_range()
    assert b1 - a1 == pytest.approx((b - a) / 2) and a1 + b1 == pytest.approx(a + b)
    qtbot.keyClick(ov, Qt.Key.Key_Right)
    a2, b2 = window.view.x_range()
    assert a2 == pytest.approx(a1 + 0.2 * (b1 - a1))
    assert ov.region.getRegion() == pytest.approx((a2, b2))
    qtbot.keyClick(ov, Qt.Key.Key_Minus)
    assert window.view.x_range()[1] - window.view.x_range()[0] == pytest.approx(b - a)
    qtbot.keyClick(ov, Qt.Key.Key_Home)
    assert window.view.x_range() == pytest.approx((ov.limits.x_min, ov.limits.x_max))


# -- menus --------------------------------------------------------------------------

def mnemonic(text):
    return access._mnemonic(text)


def test_every_menu_entry_has_a_shortcut_or_a_unique_mnemonic(qtbot, window):
    tops = [a for a in window.menuBar().actions() if a.menu() is not None]
    assert len({mnemonic(a.text()) for a in tops}) == len(tops) and None not in {mnemonic(a.text()) for a in tops}

    def check(menu):
        if menu is window.files.recent_menu:
            return  # file paths; the submenu itself has its mnemonic
        entries = [a for a in menu.actions() if not a.isSeparator()]
        letters = [mnemonic(a.text()) for a in entries if mnemonic(a.text())]
        assert len(letters) == len(set(letters)), [a.text() for a in entries]
        for a in entries:
            if a.menu() is not None:
                assert mnemonic(a.text()), a.text()
                check(a.menu())
            else:
                assert mnemonic(a.text()) or not a.shortcut().isEmpty(), a.text()

    for a in tops:
        check(a.menu())


def test_ensure_mnemonics_picks_free_letters_and_keeps_shortcut_text():
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    menu = QMenu("M")
    texts = ["&Fit", "Fit everything\tHome", "Filters", "R&D report"]
    for t in texts:
        menu.addAction(QAction(t, menu))
    access.ensure_mnemonics(menu)
    got = [a.text() for a in menu.actions()]
    assert got[0] == "&Fit" and got[3] == "R&D report"
    assert got[1] == "Fit &everything\tHome"
    assert mnemonic(got[2]) not in {"f", "d", "e"}


def test_f1_lists_the_keys(qtbot, window):
    act = next(a for a in window.menus["Help"].actions() if "Keyboard" in a.text())
    assert act.shortcut().toString() == "F1"
    act.trigger()
    assert "Ctrl+=" in window.keys_help.text() and window.keys_help.isVisible()
    window.keys_help.close()


def test_the_story_editor_is_in_the_round_and_its_note_lets_tab_go(qtbot, window):
    from PySide6.QtWidgets import QDockWidget

    dock = window.findChild(QDockWidget)
    dock.show()
    qtbot.waitUntil(dock.isVisible)
    seen = tab_walk(qtbot, window.event_list, 14)
    names = [w.accessibleName() for w in seen]
    assert "Presenter note" in names
    assert window.search_bar.field in seen[names.index("Presenter note"):]
