"""Optional parts of the main window, each installed by one function.

A feature module exposes ``install(window: MainWindow) -> None`` that adds its
menus (``window.menus["File" | "View" | "Help"]``), docks, toolbars or widgets
(``window.central_layout``), subscribes to ``window.state`` and follows
``window.sigTimelineChanged``.  Keeping features out of ``main_window.py``
lets them be built and tested separately.
"""

from __future__ import annotations

from collections.abc import Callable

from . import (
    access,
    authoring,
    canvas_edit,
    collection_open,
    edit_form,
    event_list,
    files,
    filter_panel,
    guide,
    links,
    opening,
    overview,
    presenting,
    printing,
    relative_axis,
    review,
    search_bar,
    session,
    shown,
    story_editor,
    theme,
    track_edit,
    zone_picker,
)

__all__ = ["FEATURES"]

#: Installed in this order by ``MainWindow.__init__``.
FEATURES: list[Callable[[object], None]] = []
FEATURES.append(shown.install)  # filtered timeline + search emphasis: before the find/filter widgets
FEATURES.append(files.install)  # import/export, drag-and-drop, recent files, live reload
FEATURES.append(opening.install)  # large files open in the background (wraps window.open_file)
FEATURES.append(authoring.install)  # New/Save/Revert, Undo/Redo, autosave: after files and opening (wraps both)
FEATURES.append(collection_open.install)  # a collection opens in its own window, on its store (wraps open_file)
FEATURES.append(presenting.install)  # View > Present (F5), presenter screen
FEATURES.append(printing.install)  # File > Print, File > Picture page size (after files: shares its picture)
FEATURES.append(story_editor.install)  # View > Story editor (dock)
FEATURES += [search_bar.install, zone_picker.install, event_list.install, filter_panel.install,
             overview.install, links.install]
FEATURES.append(edit_form.install)  # the Edit tab, after the Events and Filters tabs
FEATURES.append(canvas_edit.install)  # double-click to add, drag to move / resize, Delete
FEATURES.append(track_edit.install)  # Edit > Add / rename / recolour / delete track, add band
FEATURES.append(relative_axis.install)  # View > Relative axis (D-day): after the zone picker
FEATURES.append(review.install)  # View > Review drafts (F8), File > New from article…
FEATURES.append(guide.install)  # Help > User guide
FEATURES.append(theme.install)  # light / dark desk colours: after every widget it colours
FEATURES.append(session.install)  # remembered session: after the widgets whose sizes it keeps
FEATURES.append(access.install)  # last: tab order, names, mnemonics over everything above
