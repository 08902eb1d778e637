"""A battery of malformed communities and headers, shared by the scale tests.

Each case is a name and a function that spoils a copy of a valid community
(or header) the way a real file might: unknown keys, wrong types, coercions
that must be refused, unknown and repeated codes, negative counts, blank
text, impossible dates, missing required fields and nulls where none are
allowed. Fictional data.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

Spoiler = Callable[[dict[str, Any]], None]


def valid_community(ident: str = "nm-xinhua") -> dict[str, Any]:
    """A valid community with every section filled (fictional)."""
    return {
        "id": ident,
        "name": "新华路社区（示例）",
        "district": "南明区",
        "pilot_level": "national",
        "org_system": {
            "county_youth_orgs": ["volunteer_service", "culture_arts_sports"],
            "youth_home": {"on_cloud_platform": True, "activities_standardized": False},
            "league_org": {"activities_standardized": True},
        },
        "workforce": {
            "cadres": {"full_time": 1, "seconded": 0, "part_time": 3},
            "service_projects": [
                {
                    "title": "四点半课堂",
                    "organisation": "南明区青年志愿者协会",
                    "completed_on": "2021-12-18",
                }
            ],
            "pairings": [
                {
                    "partner": "贵州大学青年志愿者协会",
                    "partner_kind": "university",
                    "date": "2021-11-20",
                }
            ],
        },
        "projects": {
            "brands": ["harmonious", "drug_free"],
            "activities": [
                {"title": "社区青春行动·垃圾分类", "date": "2021-11-13", "reported": True},
                {"title": "社区青春行动·助老", "date": "2022-05-02", "reported": False},
            ],
        },
        "mechanisms": {
            "summaries": [
                {
                    "title": "社会化运作综述",
                    "mechanism": "socialized_operation",
                    "date": "2022-01-10",
                    "recognitions": [
                        {"kind": "leader_instruction", "level": "municipal"},
                        {"kind": "media_publication", "outlet": "贵阳日报"},
                    ],
                }
            ]
        },
    }


def set_at(path: str, value: object) -> Spoiler:
    """A spoiler that sets the value at a dotted path (``a.b[0].c``)."""

    def spoil(c: dict[str, Any]) -> None:
        parent, last = _parent(c, path)
        parent[last] = value

    return spoil


def delete_at(path: str) -> Spoiler:
    """A spoiler that deletes the key or item at a dotted path."""

    def spoil(c: dict[str, Any]) -> None:
        parent, last = _parent(c, path)
        del parent[last]

    return spoil


def _parent(doc: dict[str, Any], path: str) -> tuple[Any, str | int]:
    *parents, last = [
        int(p) if p.isdigit() else p for p in path.replace("[", ".").replace("]", "").split(".")
    ]
    target: Any = doc
    for step in parents:
        target = target[step]
    return target, last


_set = set_at
_drop = delete_at


def _both(*spoilers: Spoiler) -> Spoiler:
    def spoil(c: dict[str, Any]) -> None:
        for s in spoilers:
            s(c)

    return spoil


COMMUNITY_CASES: dict[str, Spoiler] = {
    "unknown key": _set("nmae", "x"),
    "unknown nested key": _set("workforce.cadres.fulltime", 1),
    "unknown recognition key": _set("mechanisms.summaries[0].recognitions[0].note", "x"),
    "text as number": _set("name", 3),
    "yes for a boolean": _set("projects.activities[0].reported", "yes"),
    "1 for a boolean": _set("projects.activities[0].reported", 1),
    "'3' for a count": _set("workforce.cadres.full_time", "3"),
    "1.0 for a count": _set("workforce.cadres.full_time", 1.0),
    "true for a count": _set("workforce.cadres.seconded", True),
    "text for a list": _set("projects.brands", "harmonious"),
    "list for an object": _set("workforce", []),
    "text for an optional object": _set("org_system.youth_home", "yes"),
    "unknown pilot level": _set("pilot_level", "city"),
    "unknown brand": _set("projects.brands[1]", "sunny"),
    "unknown partner kind": _set("workforce.pairings[0].partner_kind", "school"),
    "unknown mechanism": _set("mechanisms.summaries[0].mechanism", "other"),
    "unknown leader level": _set("mechanisms.summaries[0].recognitions[0].level", "village"),
    "unknown recognition kind": _set("mechanisms.summaries[0].recognitions[1].kind", "tv"),
    "Chinese label for a code": _set("pilot_level", "全国首批"),
    "repeated brand": _set("projects.brands", ["harmonious", "harmonious"]),
    "repeated category": _set("org_system.county_youth_orgs", ["volunteer_service"] * 2),
    "negative count": _set("workforce.cadres.part_time", -1),
    "blank name": _set("name", "   "),
    "empty title": _set("projects.activities[0].title", ""),
    "ideographic-space outlet": _set("mechanisms.summaries[0].recognitions[1].outlet", "\u3000"),
    "30 February": _set("workforce.service_projects[0].completed_on", "2021-02-30"),
    "month 13": _set("projects.activities[0].date", "2021-13-01"),
    "one-digit month": _set("workforce.pairings[0].date", "2021-1-01"),
    "full-width digits": _set("projects.activities[1].date", "２０２１-11-01"),
    "date as number": _set("mechanisms.summaries[0].date", 20220110),
    "date with time": _set("projects.activities[0].date", "2021-11-13T10:00"),
    "missing id": _drop("id"),
    "missing activity date": _drop("projects.activities[0].date"),
    "missing recognition level": _drop("mechanisms.summaries[0].recognitions[0].level"),
    "missing recognition kind": _drop("mechanisms.summaries[0].recognitions[1].kind"),
    "missing youth home field": _drop("org_system.youth_home.on_cloud_platform"),
    "null name": _set("name", None),
    "null activities": _set("projects.activities", None),
    "null cadres": _set("workforce.cadres", None),
    "null count": _set("workforce.cadres.full_time", None),
    "null recognitions": _set("mechanisms.summaries[0].recognitions", None),
    "null section": _set("org_system", None),
    "null date": _set("workforce.pairings[0].date", None),
    "null list item": _set("projects.activities[1]", None),
    "not an object": lambda c: c.clear(),
    "several at once": _both(
        _set("workforce.cadres.full_time", -2),
        _set("projects.activities[0].reported", "yes"),
        _set("extra", 1),
        _drop("name"),
    ),
}
"""Malformed communities, by what is wrong with them."""


def spoiled(name: str, ident: str = "nm-xinhua") -> dict[str, Any]:
    """Return a valid community spoiled by the case *name*."""
    community = copy.deepcopy(valid_community(ident))
    COMMUNITY_CASES[name](community)
    return community


def valid_header() -> dict[str, Any]:
    """A valid header (the document without its communities)."""
    return {
        "format": "youthaction-scoring/1",
        "period": {"start": "2021-11", "end": "2022-04"},
        "description": "Fictional test data.",
    }


HEADER_CASES: dict[str, Spoiler] = {
    "unknown format": _set("format", "youthaction-scoring/2"),
    "missing format": _drop("format"),
    "reversed period": _set("period", {"start": "2022-04", "end": "2021-11"}),
    "impossible month": _set("period.start", "2021-13"),
    "missing period": _drop("period"),
    "missing period end": _drop("period.end"),
    "unknown header key": _set("comment", "x"),
    "description not text": _set("description", 3),
    "null period": _set("period", None),
}
"""Malformed headers, by what is wrong with them."""
