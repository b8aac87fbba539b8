"""Reading and writing timeline files (pure Python, no Qt).

``read_timeline(path)`` and ``write_timeline(timeline, path)`` pick the format
from the registry (:mod:`viewer.io.registry`); the native ``*.timeline.json``
format lives in :mod:`viewer.io.native`.
"""

from .native import read_native, timeline_from_dict, timeline_to_dict, write_native
from .registry import read_timeline, register_reader, register_writer, write_timeline

__all__ = [
    "read_timeline",
    "write_timeline",
    "register_reader",
    "register_writer",
    "read_native",
    "write_native",
    "timeline_from_dict",
    "timeline_to_dict",
]
