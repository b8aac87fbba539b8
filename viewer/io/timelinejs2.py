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

__all__ = ["from_version2", "version2_places", "version2_problem", "DATE_FIELDS", "DATE_FORM"]

DATE_FIELDS = ("year", "month", "day", "hour", "minute", "second")
"""The fields of ``startDate`` ``"1995,3,12,10,30,0"``, in order."""

DATE_FORM = 'text "year,month,day[,hour,minute,second]" such as "1995,3,12"'
"""What a TimelineJS 2 ``startDate``/``endDate`` must be, as error messages say it."""

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


_V2_ITEM_KEYS = {"startDate", "endDate", "headline", "text", "asset", "tag", "tags", "id", "classname"}
_V3_ITEM_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "unique_id", "tags", "edtf"}


def _v2_item(item: Any) -> Any:
    if not isinstance(item, Mapping) or "start_date" in item:
        return item  # already TimelineJS 3 (the early "slides" form)
    out: dict[str, Any] = {"start_date": _v2_date(item.get("startDate"))}
    if item.get("endDate") not in (None, ""):
        out["end_date"] = _v2_date(item["endDate"])
    out["text"] = {"headline": item.get("headline") or "", "text": item.get("text") or ""}
    asset = item.get("asset")
    if asset not in (None, "") and not isinstance(asset, Mapping):
        out["media"] = asset  # the item reader says it is not an object, named "asset" (version2_problem)
    if isinstance(asset, Mapping):
        out["media"] = {k: asset[v] for k, v in (("url", "media"), ("credit", "credit"), ("caption", "caption"))
                        if isinstance(asset.get(v), str) and asset[v].strip()}
        for key in asset:  # asset.thumbnail...: carried over so the item reader names it as not loaded
            if key not in ("media", "credit", "caption") and isinstance(key, str):
                out.setdefault("media", {})[key] = asset[key]
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
    for key in item:  # fields TimelineJS 2 had and this viewer has not: the item reader names them
        if key not in _V2_ITEM_KEYS and key not in _V3_ITEM_KEYS and isinstance(key, str):
            out[key] = item[key]
    return out


def _items_key(timeline: Mapping[str, Any]) -> str:
    """The key of the list of items read: ``"date"`` (TimelineJS 2), or ``"slides"`` (early
    TimelineJS 3) when ``date`` is no list or an empty one beside a list of slides; ``"date"``
    when neither is a list but ``date`` is there (the value the file got wrong)."""
    date, slides = timeline.get("date"), timeline.get("slides")
    if isinstance(date, list) and (date or not isinstance(slides, list) or not slides):
        return "date"
    if isinstance(slides, list):
        return "slides"
    return "slides" if "slides" in timeline and "date" not in timeline else "date"


def version2_places(timeline: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Where :func:`from_version2`'s ``events`` and ``eras`` were in the file:
    ``{"events": ("timeline", "date"), "eras": ("timeline", "era")}`` (``"slides"`` in
    the early TimelineJS 3 form), the JSON path of each list, for line numbers (when
    neither is a list, the path of the value that should have been)."""
    return {"events": ("timeline", _items_key(timeline)), "eras": ("timeline", "era")}


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return {str: "text", list: "a list", type(None): "null"}.get(type(value), "an object")


_V3_TO_V2 = {"start_date": "startDate", "end_date": "endDate", "unique_id": "id", "text.headline": "headline",
             "text.text": "text", "media.url": "asset.media", "group": "tag"}
_FIELD = re.compile(r"(?<![\w.'])(start_date|end_date|unique_id|text\.headline|text\.text|media\.\w+)(?![\w])")
_LEADING = re.compile(r"^(?:(media|group)\b|field '([^']{1,200})')")


def version2_problem(message: str) -> tuple[str, tuple[str, ...]]:
    """A problem of a TimelineJS 2 item as the file names its fields, and where in the item it is.

    The item reader names TimelineJS 3's fields (``start_date: month 13 is not in 1..12``);
    the file has ``startDate``.

    Parameters
    ----------
    message : str
        The item reader's message.

    Returns
    -------
    tuple
        ``(message with TimelineJS 2 names, JSON path in the item of the field it is
        about)``: ``("startDate: month 13 is not in 1..12", ("startDate",))``; ``()``
        when the message is about the whole item.
    """
    def v2(name: str) -> str:
        if name.startswith("media.") and name not in _V3_TO_V2:
            return "asset." + name[len("media."):]
        return _V3_TO_V2.get(name, name)

    renamed = _FIELD.sub(lambda m: v2(m.group(1)), message)
    lead = _LEADING.match(renamed)
    if lead is not None:
        if lead.group(1):
            name = {"media": "asset", "group": "tag"}[lead.group(1)]
            rest = renamed[lead.end():]
            if name == "asset" and rest.startswith(" should be an object with url,"):  # TimelineJS 2's asset: media
                rest = rest.replace("with url,", "with media,", 1)
            return name + rest, (name,)
        return renamed, (lead.group(2),)
    first = _FIELD.match(message)
    return renamed, tuple(v2(first.group(1)).split(".")) if first else ()


def from_version2(timeline: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """TimelineJS 2's ``{"timeline": {"headline", "text", "date": [...], "era": [...]}}``
    (and the early ``{"timeline": {"slides": [...]}}``) as TimelineJS 3 data,
    with what was not carried over."""
    key = _items_key(timeline)
    items = timeline.get(key)
    dicts = [i for i in items if isinstance(i, Mapping)] if isinstance(items, list) else []
    tagged = any(i.get("tag") not in (None, "") for i in dicts)
    listed = any(isinstance(i.get("tags"), str) and i["tags"].strip() for i in dicts)
    # say what was done with this file's rows and labels, not with fields it does not have
    rows = ("each item's tag as its track" if tagged
            else "no item has a tag (TimelineJS 2's row), so one track" if listed else "")
    notes = ["TimelineJS 2 JSON: read as TimelineJS 3 (startDate \"1995,3,12\" as year, month, day; "
             "headline, text, asset media/credit/caption" + (f"; {rows}" if rows else "")
             + ("; tags as tags" if listed else "") + ")"]
    out: dict[str, Any] = {"events": [_v2_item(i) for i in items] if isinstance(items, list) else None}
    other = "slides" if key == "date" else "date"
    if isinstance(items, list) and other in timeline:
        unread = timeline[other]
        if isinstance(unread, list) and unread:
            notes.append(f"timeline.{other} ({len(unread)} item{'s' if len(unread) != 1 else ''}) not loaded: "
                         f"the items were read from timeline.{key}; a file has one list or the other")
        elif isinstance(unread, list):
            notes.append(f"timeline.{other} is empty; the items were read from timeline.{key}")
        else:
            notes.append(f"timeline.{other} should be a list of items, got {_kind(unread)}; not loaded "
                         f"(the items were read from timeline.{key})")
    if isinstance(timeline.get("headline"), str) or isinstance(timeline.get("text"), str):
        out["title"] = {"text": {"headline": timeline.get("headline") or "", "text": timeline.get("text") or ""}}
    if isinstance(timeline.get("era"), list):
        out["eras"] = [_v2_item(i) for i in timeline["era"]]
    elif timeline.get("era") is not None:
        notes.append(f"timeline.era should be a list of items with startDate, got {_kind(timeline['era'])}; "
                     "not loaded")
    for key in timeline:
        if key not in ("headline", "text", "date", "slides", "era", "type", "startDate", "asset"):
            notes.append(f"timeline.{key} has no equivalent in this viewer; not loaded")
    if isinstance(timeline.get("asset"), Mapping):
        notes.append("timeline.asset (the title slide's picture) has no equivalent in this viewer; not loaded")
    return out, notes
