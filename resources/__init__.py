"""Bundled data of Timeline Viewer: the Allied Resolve-2022 timeline and the JSON Schema.

Installed as the package ``viewer.resources``; read files with
``importlib.resources.files("viewer.resources")``.
"""

from importlib import resources as _resources

__all__ = ["BUNDLED_NAME", "bundled_timeline_path"]

BUNDLED_NAME = "allied-resolve-2022.timeline.json"


def bundled_timeline_path() -> str:
    """Path of the bundled Allied Resolve-2022 timeline (installed with the package)."""
    return str(_resources.files("viewer.resources") / BUNDLED_NAME)
