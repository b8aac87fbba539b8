"""TimelineJS 2 JSON, read as TimelineJS 3 data.

TimelineJS 2 (Knight Lab, still shipped as examples by TimelineJS 3's site)
wrote ``{"timeline": {"headline", "text", "date": [...], "era": [...]}}``,
each item with ``startDate``/``endDate`` as ``"year,month,day[,hour,minute,second]"``,
``headline``, ``text``, ``asset`` (``media``, ``credit``, ``caption``) and
``tag`` (the row it is drawn in); early TimelineJS 3 betas wrote
``{"timeline": {"slides": [...]}}`` with TimelineJS 3 items.
:func:`from_version2` turns either into TimelineJS 3 data for
:func:`viewer.io.timelinejs.read_timelinejs_report`.

Pure Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .humandates import compact_digits_problem

__all__ = ["from_version2", "DATE_FIELDS"]

DATE_FIELDS = ("year", "month", "day", "hour", "minute", "second")
"""The fields of ``startDate`` ``"1995,3,12,10,30,0"``, in order."""

_V2_DATE = re.compile(r"^\s*-?\d+(\s*,\s*\d*)*\s*$")


def _v2_date(value: Any) -> Any:
    """TimelineJS 2 ``startDate`` ``"1995,3,12"`` (year, month, day, hour, minute, second) as date fields."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"year": value}
    if not isinstance(value, str) or not _V2_DATE.match(value):
        return value  # the item reader reports what it is
    if "," not in value and compact_digits_problem(value) is not None:
        return value.strip()  # "196002152034": a compact date, not a year; the item reader refuses it
    parts = [p.strip() for p in value.split(",")]
    return {name: part for name, part in zip(DATE_FIELDS, parts, strict=False) if part}


def _v2_item(item: Any) -> Any:
    if not isinstance(item, Mapping) or "start_date" in item:
        return item  # already TimelineJS 3 (the early "slides" form)
    out: dict[str, Any] = {"start_date": _v2_date(item.get("startDate"))}
    if item.get("endDate") not in (None, ""):
        out["end_date"] = _v2_date(item["endDate"])
    out["text"] = {"headline": item.get("headline") or "", "text": item.get("text") or ""}
    asset = item.get("asset")
    if isinstance(asset, Mapping):
        out["media"] = {k: asset[v] for k, v in (("url", "media"), ("credit", "credit"), ("caption", "caption"))
                        if isinstance(asset.get(v), str) and asset[v].strip()}
        if not out["media"]:
            del out["media"]
    if item.get("tag") not in (None, ""):
        out["group"] = item["tag"]  # TimelineJS 2 draws items of one tag in one row
    if isinstance(item.get("tags"), str) and item["tags"].strip():
        out["tags"] = item["tags"]
    if item.get("id") not in (None, ""):
        out["unique_id"] = item["id"]
    if isinstance(item.get("classname"), str) and item["classname"]:
        out["classname"] = item["classname"]  # reported as not loaded
    return out


def from_version2(timeline: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """TimelineJS 2's ``{"timeline": {"headline", "text", "date": [...], "era": [...]}}``
    (and the early ``{"timeline": {"slides": [...]}}``) as TimelineJS 3 data,
    with what was not carried over."""
    notes = ["TimelineJS 2 JSON: read as TimelineJS 3 (startDate \"1995,3,12\" as year, month, day; "
             "headline, text, asset media/credit/caption; tag as group)"]
    items = timeline.get("date") if isinstance(timeline.get("date"), list) else timeline.get("slides")
    out: dict[str, Any] = {"events": [_v2_item(i) for i in items] if isinstance(items, list) else None}
    if isinstance(timeline.get("headline"), str) or isinstance(timeline.get("text"), str):
        out["title"] = {"text": {"headline": timeline.get("headline") or "", "text": timeline.get("text") or ""}}
    if isinstance(timeline.get("era"), list):
        out["eras"] = [_v2_item(i) for i in timeline["era"]]
    for key in timeline:
        if key not in ("headline", "text", "date", "slides", "era", "type", "startDate", "asset"):
            notes.append(f"timeline.{key} has no equivalent in this viewer; not loaded")
    if isinstance(timeline.get("asset"), Mapping):
        notes.append("timeline.asset (the title slide's picture) has no equivalent in this viewer; not loaded")
    return out, notes
