"""A second, deliberately plain reading of RULES.md over FORMAT.md dicts.

Written straight from RULES.md without using the library's rules, so that the
property tests can compare every item of every community against it.
"""

from __future__ import annotations

import tomllib
import unicodedata
from pathlib import Path
from typing import Any


def _key(text: str) -> str:
    """R15: NFKC, case fold, drop whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _month(text: str) -> int:
    year, month = text[:7].split("-")
    return int(year) * 12 + int(month) - 1


def bundled_edition() -> dict[str, Any]:
    """The bundled 2021 edition's file, as TOML reads it (not through the library)."""
    path = Path(__file__).parent.parent / "src/youthaction_scoring/_rules/bundled/guiyang-2021.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def oracle_items(
    community: dict[str, Any],
    period: dict[str, str],
    as_of: str | None = None,
    edition: dict[str, Any] | None = None,
) -> dict[str, int]:
    """Score one community dict under *edition* (an edition's file as TOML reads it).

    Returns points by item code; the bundled 2021 edition by default.
    """
    e = (edition or bundled_edition())["items"]
    first = _month(period["start"])
    last = _month(period["end"])
    if as_of is not None:
        last = min(last, _month(as_of))

    def inside(date: str) -> bool:
        return first <= _month(date) <= last

    def bonus(code: str, count: int) -> int:
        cap: int = e[code]["cap"]
        each: int = e[code]["each"]
        return min(cap, each * count)

    org = community.get("org_system", {})
    work = community.get("workforce", {})
    proj = community.get("projects", {})
    mech = community.get("mechanisms", {})
    out: dict[str, int] = {}
    missing_cats = 3 - len(set(org.get("county_youth_orgs", [])))
    out["1.1"] = max(0, e["1.1"]["points"] - e["1.1"]["per_missing_category"] * missing_cats)
    home, i12 = org.get("youth_home"), e["1.2"]
    out["1.2"] = (
        0
        if home is None
        else max(
            0,
            i12["points"]
            - i12["not_on_cloud_platform"] * (not home["on_cloud_platform"])
            - i12["not_standardized"] * (not home["activities_standardized"]),
        )
    )
    league, i13 = org.get("league_org"), e["1.3"]
    out["1.3"] = (
        0
        if league is None
        else max(
            0, i13["points"] - i13["not_standardized"] * (not league["activities_standardized"])
        )
    )
    cadres = work.get("cadres", {})
    complete = all(cadres.get(k, 0) >= 1 for k in ("full_time", "seconded", "part_time"))
    out["2.1"] = e["2.1"]["points"] if complete else 0
    projects = {
        (_key(p["title"]), _key(p["organisation"]))
        for p in work.get("service_projects", [])
        if inside(p["completed_on"])
    }
    out["2.2"] = bonus("2.2", len(projects))
    partners = {_key(p["partner"]) for p in work.get("pairings", []) if inside(p["date"])}
    out["2.3"] = bonus("2.3", len(partners))
    i3 = e["3"]
    covered = {
        _month(a["date"])
        for a in proj.get("activities", [])
        if inside(a["date"]) and a["reported"] and _key(i3["marker"]) in _key(a["title"])
    }
    missing = sum(1 for m in range(first, last + 1) if m not in covered)
    out["3"] = max(0, i3["points"] - i3["per_missing_month"] * missing) if proj.get("brands") else 0
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
        out[code] = bonus(code, len(titles))
    return out


def oracle_total(
    items: dict[str, int], edition: dict[str, Any] | None = None
) -> tuple[int, int, int]:
    """Return (base, bonus, total) from item points under *edition*'s caps (R16)."""
    totals = (edition or bundled_edition())["totals"]
    base = min(totals["base_cap"], sum(items[c] for c in ("1.1", "1.2", "1.3", "2.1", "3")))
    bonus = min(totals["bonus_cap"], sum(items[c] for c in ("2.2", "2.3", "4.1", "4.2", "4.3")))
    return base, bonus, base + bonus
