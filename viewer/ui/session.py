"""Window feature: the session remembered between runs (``QSettings``).

Kept in the application's settings (:func:`viewer.ui.files.settings`; the
tests point ``QSettings.setPath`` at a temporary folder):

* ``session/geometry`` and ``session/state``: the window's size, place and
  toolbars / docks (``QMainWindow.saveGeometry`` / ``saveState``);
  ``session/splitters``: the widths of the timeline and detail pane and the
  height of the Events / Filters tabs;
* ``session/display_zone``;
* ``session/last_file``: offered at the next start without a file (a bar
  above the timeline: *Open* / *Dismiss*);
* ``session/views``: per file (absolute path), the visible range, filters,
  collapsed tracks and D-day (:mod:`viewer.model.session`), the
  :data:`MAX_VIEWS` most recent files.

Saved when the window closes (and a file's view when another file is
opened); restored by :mod:`viewer.app` for a window on screen only
(:meth:`SessionFeature.restore_window`, :meth:`SessionFeature.restore_session`):
``--screenshot`` pictures never depend on what a user did last time.

Window size without a saved one: the available area of the screen, up to
1600×900 (smaller screens get the window maximized), so a 1366×768 laptop
shows the whole window.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ..model.session import SavedView, saved_view_from_json, saved_view_of
from .after_paint import after_first_paint

__all__ = ["install", "SessionFeature", "MAX_VIEWS", "DEFAULT_SIZE", "initial_size"]


def settings() -> QSettings:
    """The application's settings (:func:`viewer.ui.files.settings`), the File menu's module
    imported when they are first read: a collection's window (``fit_to_screen``) does not need it."""
    from .files import settings as app_settings

    return app_settings()


MAX_VIEWS = 50
DEFAULT_SIZE = (1600, 900)
"""Window size on a screen with room for it (pixels)."""


def initial_size(available: tuple[int, int]) -> tuple[tuple[int, int], bool]:
    """Size of a window opened for the first time on a screen with ``available`` room (pixels).

    Returns
    -------
    ((width, height), maximized)
        :data:`DEFAULT_SIZE` when it fits with room for the window frame
        (40 px), else the available size and ``maximized`` True.
    """
    w, h = available
    if w >= DEFAULT_SIZE[0] + 40 and h >= DEFAULT_SIZE[1] + 40:
        return DEFAULT_SIZE, False
    return (max(200, w), max(150, h)), True


def fit_to_screen(window) -> bool:
    """Size ``window`` by :func:`initial_size` for its screen's available area and centre it there.

    Returns True when it should be shown maximized (the screen is smaller than :data:`DEFAULT_SIZE`).
    """
    screen = window.screen()
    avail = screen.availableGeometry() if screen is not None else None
    size, maximized = initial_size((avail.width(), avail.height()) if avail is not None else DEFAULT_SIZE)
    window.resize(*size)
    if avail is not None:
        window.move(avail.x() + max(0, (avail.width() - size[0]) // 2),
                    avail.y() + max(0, (avail.height() - size[1]) // 2))
    return maximized


class LastFileBar(QFrame):
    """"Last time you had NAME open" with *Open* and *Dismiss* (plain text)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("lastFileBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.open_button = QPushButton("&Open it")
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.clicked.connect(self.hide)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss_button)
        self.hide()


class SessionFeature(QObject):
    """Saves and restores one window's session (see the module docstring).

    ``enabled`` False (``--screenshot``) saves nothing.
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.enabled = True
        self._path = os.path.abspath(window.path) if window.path else ""
        self.last_file_bar = LastFileBar()
        self.last_file_bar.open_button.clicked.connect(self._open_last)
        window.central_layout.insertWidget(1, self.last_file_bar)
        window.installEventFilter(self)
        window.sigTimelineChanged.connect(self._on_timeline_changed)
        self.offered = ""
        self._snapshot: SavedView | None = None  # of self._path, kept current (saved when another file opens)
        self._unsaved: dict[str, SavedView] = {}  # path -> its view, written after the next file's first paint
        window.state.subscribe(self._on_state)

    def _on_state(self, state, changed: set[str]) -> None:
        if not changed & {"x_range", "filters", "collapsed_tracks", "dday"}:
            return
        window = self.window
        if (os.path.abspath(window.path) if window.path else "") != self._path:
            return  # another file is being opened: this is its state, not the old file's
        self._snapshot = saved_view_of(state, window.view.timeline.columns.origin_epoch_s)

    # -- window --------------------------------------------------------------
    def restore_window(self) -> bool:
        """Give the window its saved geometry, toolbars/docks and splitters, else a size that fits the screen.

        Returns True when the window should be shown maximized.
        """
        window, s = self.window, settings()
        geometry = s.value("session/geometry")
        restored = isinstance(geometry, QByteArray) and not geometry.isEmpty() and window.restoreGeometry(geometry)
        state = s.value("session/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
            review = getattr(window, "review_dock", None)
            if review is not None:  # a file with drafts shows its Review panel, whatever the last run left
                review.show_for_drafts()
        self._restore_splitters(s.value("session/splitters"))
        if restored:
            return window.isMaximized()
        return fit_to_screen(window)

    def _splitters(self) -> dict:
        out = {"main": self.window.splitter}
        side = getattr(self.window, "side_splitter", None)
        if side is not None:
            out["side"] = side
        return out

    def _restore_splitters(self, value) -> None:
        if not isinstance(value, str):
            return
        try:
            sizes = json.loads(value)
        except ValueError:
            return
        if not isinstance(sizes, dict):
            return
        for name, splitter in self._splitters().items():
            got = sizes.get(name)
            if (isinstance(got, list) and len(got) == splitter.count()
                    and all(isinstance(v, int) and v >= 0 for v in got) and sum(got) > 0):
                splitter.setSizes(got)

    # -- session -------------------------------------------------------------
    def restore_session(self, offer_last: bool = True) -> None:
        """Display zone and the open file's saved view; offer the last file if another is open.

        ``offer_last``: show the bar offering ``session/last_file`` when it
        exists and is not the file shown (the app starting without a file).
        """
        s = settings()
        zone = s.value("session/display_zone")
        if isinstance(zone, str) and zone:
            self._set_zone(zone)
        self._restore_choices(s)
        self._restore_view(self._path)
        last = s.value("session/last_file")
        if offer_last and isinstance(last, str) and last and last != self._path and os.path.isfile(last):
            self.offered = last
            self.last_file_bar.label.setText(f"Last time you had {Path(last).name} open ({last}).")
            self.last_file_bar.show()

    #: window attribute -> (settings key, allowed values): menu choices kept between runs
    CHOICES = {"picture_page": ("session/picture_page", ("16:9", "a4", "letter")),
               "present_theme": ("session/present_theme", ("dark", "light")),
               "colour_choice": ("session/colours", ("system", "light", "dark"))}

    def _restore_choices(self, s) -> None:
        """Picture page size, presentation theme and desk colours as last chosen (their menus follow)."""
        labels = {"system": "Follow the desktop", "light": "Light", "dark": "Dark"}
        for attr, (key, allowed) in self.CHOICES.items():
            value = s.value(key)
            if value not in allowed or not hasattr(self.window, attr):
                continue
            if attr == "colour_choice":
                action = getattr(self.window, "colour_actions", {}).get(labels[value])
                if action is not None:
                    action.trigger()
                continue
            setattr(self.window, attr, value)
            self._check_menu(attr, value)

    def _check_menu(self, attr: str, value: str) -> None:
        """Tick the restored choice in its menu (File > Picture page size, View > Presentation theme)."""
        from .export import PAGE_NAMES

        if attr == "picture_page":
            menu, text = getattr(self.window, "picture_page_menu", None), PAGE_NAMES[value]
        else:
            menu = next((a.menu() for a in self.window.menus["View"].actions()
                         if a.menu() is not None and a.menu().title().replace("&", "") == "Presentation theme"), None)
            text = f"{value.capitalize()} (high contrast)"
        for a in menu.actions() if menu is not None else ():
            a.setChecked(a.text().replace("&", "") == text)

    def _set_zone(self, zone: str) -> None:
        from ..model.errors import DateError
        from ..model.zones import EVENT_LOCAL, zone_info

        if zone != EVENT_LOCAL:
            try:
                zone_info(zone)
            except DateError:
                return  # a zone this tzdata no longer knows: stay in UTC
        self.window.state.display_zone = zone

    def _open_last(self) -> None:
        self.last_file_bar.hide()
        if self.offered:
            self.window.open_file(self.offered)

    def _views(self) -> dict[str, str]:
        value = settings().value("session/views")
        try:
            views = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            views = {}
        return {k: v for k, v in views.items() if isinstance(k, str) and isinstance(v, str)} \
            if isinstance(views, dict) else {}

    def save_view(self) -> None:
        """Remember the open file's view (range, filters, collapsed tracks, D-day)."""
        window = self.window
        self._store(self._path, saved_view_of(window.state, window.view.timeline.columns.origin_epoch_s))

    def _store(self, path: str, view) -> None:
        if not self.enabled or not path or view is None:
            return
        views = self._views()
        text = view.to_json()
        if next(reversed(views), None) == path and views[path] == text:
            return  # kept already, as the newest: nothing written
        views.pop(path, None)
        views[path] = text
        keep = list(views.items())[-MAX_VIEWS:]  # newest last
        settings().setValue("session/views", json.dumps(dict(keep)))

    def _restore_view(self, path: str) -> bool:
        if path in self._unsaved:
            self.store_pending()  # left a moment ago and opened again before it was written
        text = self._views().get(path)
        if text is None:
            return False
        window = self.window
        saved = saved_view_from_json(text, window.timeline)
        if saved is None:
            return False
        saved.kept.apply(window.state)
        if saved.x_range_epoch is not None:
            origin = window.view.timeline.columns.origin_epoch_s
            window.view.set_x_range(saved.x_range_epoch[0] - origin, saved.x_range_epoch[1] - origin)
        return True

    def save(self) -> None:
        """Save everything (called when the window closes)."""
        if not self.enabled:
            return
        window, s = self.window, settings()
        s.setValue("session/geometry", window.saveGeometry())
        s.setValue("session/state", window.saveState())
        sizes = {k: v.sizes() for k, v in self._splitters().items()}
        lead_room = getattr(window, "lead_room", None)
        if "side" in sizes and lead_room is not None:  # not the room a selected quote was given
            sizes["side"] = lead_room.chosen_sizes()
        s.setValue("session/splitters", json.dumps(sizes))
        s.setValue("session/display_zone", window.state.display_zone)
        for attr, (key, _allowed) in self.CHOICES.items():
            if hasattr(window, attr):
                s.setValue(key, getattr(window, attr))
        if self._path:
            s.setValue("session/last_file", self._path)
        self.store_pending()
        self.save_view()
        s.sync()

    def _on_timeline_changed(self, _timeline) -> None:
        path = os.path.abspath(self.window.path) if self.window.path else ""
        if path == self._path:
            return  # the same file read again: the reload keeps the view
        if self.enabled and self._path and self._snapshot is not None:
            # written after the new file's first paint (not in the swap's freeze); a close before it writes it
            self._unsaved[self._path] = self._snapshot
            after_first_paint(self.window, self.store_pending)
        self._path = path
        self._snapshot = None
        if self.enabled:
            self._restore_view(path)

    def store_pending(self) -> None:
        """Write the views of the files left that wait for the first paint (``session/views``)."""
        pending, self._unsaved = self._unsaved, {}
        for path, view in pending.items():
            self._store(path, view)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.save()
        return super().eventFilter(obj, event)


def install(window) -> None:
    """Add :class:`SessionFeature` as ``window.session`` (restoring is up to the caller)."""
    window.session = SessionFeature(window)
