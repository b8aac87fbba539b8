"""What the desktop knows about the application: name, version, icon, .desktop file.

* :func:`set_identity` gives ``QApplication`` its organisation, name, version
  and desktop file name (window managers group windows and find the icon by
  it) and the window icon drawn for this application (``timeline-viewer.svg``).
* :func:`install_desktop` writes the freedesktop.org files into the user's
  data folder (``$XDG_DATA_HOME``, default ``~/.local/share``): the launcher
  ``applications/timeline-viewer.desktop``, the icon
  ``icons/hicolor/scalable/apps/timeline-viewer.svg`` and the MIME type
  ``application/x-timeline-viewer+json`` for ``*.timeline.json``
  (``mime/packages/timeline-viewer.xml``), following the Desktop Entry and
  Shared MIME-info specifications.

The version has one home: ``viewer.__version__`` (pyproject reads it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from .. import __version__

__all__ = ["APP_NAME", "ORGANISATION", "DESKTOP_ID", "MIME_TYPE", "set_identity", "app_icon",
           "install_desktop", "desktop_entry"]

APP_NAME = "Timeline Viewer"
ORGANISATION = "timeline-viewer"
DESKTOP_ID = "timeline-viewer"
"""Base name of the .desktop file and the icon (``QGuiApplication.desktopFileName``)."""
MIME_TYPE = "application/x-timeline-viewer+json"


def _resource(name: str):
    return resources.files("viewer.resources") / name


def app_icon():
    """The application's icon (``QIcon`` from the bundled SVG; scales to any size and device pixel ratio)."""
    from PySide6.QtGui import QIcon

    with resources.as_file(_resource("timeline-viewer.svg")) as path:
        return QIcon(str(path))


def set_identity(app) -> None:
    """Name, organisation, version, desktop file name and window icon of ``app`` (a ``QApplication``)."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())


def desktop_entry(command: list[str]) -> str:
    """The bundled .desktop file with ``Exec`` / ``TryExec`` running ``command`` (argv, absolute path first).

    Arguments are quoted as the Desktop Entry specification asks (double
    quotes; ``"``, `````, ``$`` and ``\\`` escaped).
    """

    def quote(arg: str) -> str:
        if arg and all(c.isalnum() or c in "/._-+=:," for c in arg):
            return arg
        return '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'

    text = _resource("timeline-viewer.desktop").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(quote(a) for a in command) + " %f"
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0]
        lines.append(line)
    return "\n".join(lines) + "\n"


def _launch_command() -> list[str]:
    """The command that starts this installation (argv, absolute paths).

    The ``timeline-viewer`` script beside the running interpreter (a virtual
    environment's ``bin/`` or ``Scripts\\``), else ``python -m viewer`` with the
    running interpreter's path as it was started.  Neither is resolved through
    symbolic links: a virtual environment's ``python`` is a link to the base
    interpreter, which does not see the environment's packages (an entry written
    with the resolved path failed: "No module named viewer").  A script found on
    ``PATH`` may belong to another installation, so it is not used.
    """
    here = Path(os.path.abspath(sys.executable)).parent
    for name in ("timeline-viewer", "timeline-viewer.exe"):
        script = here / name
        if script.is_file():
            return [str(script)]
    return [os.path.abspath(sys.executable), "-m", "viewer"]


def install_desktop(data_home: str | os.PathLike | None = None) -> list[Path]:
    """Write the launcher, icon and MIME type for the current user; returns the files written.

    Parameters
    ----------
    data_home : path, optional
        Default ``$XDG_DATA_HOME`` or ``~/.local/share``.

    Afterwards ``update-mime-database`` and ``update-desktop-database`` are
    run on those folders when they are installed (their absence is not an
    error: desktops also rescan on login).

    Raises
    ------
    OSError
        If a folder cannot be made or a file written.
    """
    from ..io.atomic import write_bytes_atomic

    base = Path(data_home or os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    targets = {
        base / "applications" / f"{DESKTOP_ID}.desktop": desktop_entry(_launch_command()).encode("utf-8"),
        base / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg":
            _resource("timeline-viewer.svg").read_bytes(),
        base / "mime" / "packages" / f"{DESKTOP_ID}.xml": _resource("timeline-viewer-mime.xml").read_bytes(),
    }
    for path, data in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
    for tool, folder in (("update-mime-database", base / "mime"), ("update-desktop-database", base / "applications")):
        exe = shutil.which(tool)
        if exe:
            subprocess.run([exe, str(folder)], check=False, capture_output=True, timeout=60)  # noqa: S603
    return list(targets)
