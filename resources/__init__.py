"""Bundled data of Timeline Viewer: the Allied Resolve-2022 timeline and the JSON Schema.

Installed as the package ``viewer.resources``; read files with
``importlib.resources.files("viewer.resources")``.
"""
