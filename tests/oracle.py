"""A second, deliberately plain reading of RULES.md over FORMAT.md dicts.

Written straight from RULES.md without using the library's rules, so that the
property tests can compare every item of every community against it.
"""

from __future__ import annotations

import unicodedata
from typing import Any


def _key(text: str) -> str:
    """R15: NFKC, case fold, drop whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _month(text: str) -> int:
    year, month = text[:7].split("-")
    return int(year) * 12 + int(month) - 1


def oracle_items(
    community: dict[str, Any], period: dict[str, str], as_of: str | None = None
) -> dict[str, int]:
    """Score one community dict; return points by item code."""
    first = _month(period["start"])
    last = _month(period["end"])
    if as_of is not None:
        last = min(last, _month(as_of))

    def inside(date: str) -> bool:
        return first <= _month(date) <= last

    org = community.get("org_system", {})
    work = community.get("workforce", {})
    proj = community.get("projects", {})
    mech = community.get("mechanisms", {})
    out: dict[str, int] = {}
    out["1.1"] = max(0, 15 - 5 * (3 - len(set(org.get("county_youth_orgs", [])))))
    home = org.get("youth_home")
    out["1.2"] = (
        0
        if home is None
        else 15 - 5 * (not home["on_cloud_platform"]) - 5 * (not home["activities_standardized"])
    )
    league = org.get("league_org")
    out["1.3"] = 0 if league is None else 15 - 10 * (not league["activities_standardized"])
    cadres = work.get("cadres", {})
    complete = all(cadres.get(k, 0) >= 1 for k in ("full_time", "seconded", "part_time"))
    out["2.1"] = 15 if complete else 0
    projects = {
        (_key(p["title"]), _key(p["organisation"]))
        for p in work.get("service_projects", [])
        if inside(p["completed_on"])
    }
    out["2.2"] = min(20, 5 * len(projects))
    partners = {_key(p["partner"]) for p in work.get("pairings", []) if inside(p["date"])}
    out["2.3"] = min(20, 5 * len(partners))
    covered = {
        _month(a["date"])
        for a in proj.get("activities", [])
        if inside(a["date"]) and a["reported"] and _key("社区青春行动") in _key(a["title"])
    }
    missing = sum(1 for m in range(first, last + 1) if m not in covered)
    out["3"] = max(0, 40 - 10 * missing) if proj.get("brands") else 0
    for code, mechanism in (
        ("4.1", "socialized_operation"),
        ("4.2", "project_management"),
        ("4.3", "information_sharing"),
    ):
        titles = {
            _key(s["title"])
            for s in mech.get("summaries", [])
            if s["mechanism"] == mechanism and inside(s["date"]) and s.get("recognitions")
        }
        out[code] = min(20, 10 * len(titles))
    return out


def oracle_total(items: dict[str, int]) -> tuple[int, int, int]:
    """Return (base, bonus, total) from item points (R16)."""
    base = sum(items[c] for c in ("1.1", "1.2", "1.3", "2.1", "3"))
    bonus = min(100, sum(items[c] for c in ("2.2", "2.3", "4.1", "4.2", "4.3")))
    return base, bonus, base + bonus
