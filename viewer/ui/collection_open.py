"""File > Open (recent files, drops, the session's offer) of a collection opens
a :class:`~viewer.ui.collection_window.CollectionWindow` on its store beside
the main window, whose timeline stays as it is; other files go on as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..io.clickstore import mask_password
from ..io.collection_window import is_collection_target, open_collection_store
from ..model.errors import TimelineLoadError
from .collection_window import CollectionWindow

__all__ = ["install"]


def install(window: Any) -> None:
    """Wrap ``window.open_file``: collections open in their own window (kept in
    ``window.collection_windows``); errors as File > Open shows them."""
    pass_on = window.open_file
    window.collection_windows = []

    def open_file(path: str) -> bool:
        if not is_collection_target(str(path)):
            return bool(pass_on(path))
        name = mask_password(str(path)) if "://" in str(path) else Path(path).name
        try:
            store = open_collection_store(str(path))
        except TimelineLoadError as exc:
            window.show_error(f"Could not open {name}", str(exc), exc.full_report())
            return False
        other = CollectionWindow(store, name)
        live = window.collection_windows
        live[:] = [w for w in live if w.isVisible()]
        live.append(other)
        other.show_fitted()
        return True

    window.open_file = open_file
