"""The naive baseline: standard-library ``json`` and a dict-walking scorer.

This is the script a hurried analyst would write: it reads each JSON line
with ``json.loads``, walks the dicts to compute the same scorecard (the same
points, reasons and notes in English and Chinese, written in the same JSON
Lines form as ``youthaction-scoring score --format jsonl``), and checks
nothing: a misspelt key is silently ignored, ``"3"`` cadres crash or count,
repeated keys silently win. It takes the message wording and code labels from
the project (data, not logic) so that both sides write the same bytes and do
the same work; only the project validates.

Usage: ``python benchmarks/naive.py INPUT.jsonl OUTPUT.jsonl``.
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from importlib.resources import files
from typing import Any

from youthaction_scoring._domain.codes import (
    Brand,
    CadreKind,
    CountyOrgCategory,
    LeaderLevel,
    Mechanism,
    PartnerKind,
    RecordKind,
)
from youthaction_scoring._rules.clause import RuleText
from youthaction_scoring._rules.s1_organisation import S1Text
from youthaction_scoring._rules.s2_workforce import S2Text
from youthaction_scoring._rules.s3_projects import S3Text
from youthaction_scoring._rules.s4_mechanisms import S4Text
from youthaction_scoring._rules.totals import TotalText

TEMPLATES: dict[str, tuple[str, str]] = {
    text.key: (text.zh, text.en)
    for catalogue in (RuleText, S1Text, S2Text, S3Text, S4Text, TotalText)
    for text in catalogue
}

LABELS: dict[str, tuple[str, str]] = {}
for enum in (CountyOrgCategory, CadreKind, PartnerKind, Brand, Mechanism, LeaderLevel, RecordKind):
    for member in enum:
        LABELS[f"{enum.__name__}:{member.code}"] = (member.label, member.label_en)
CATEGORIES = [m.code for m in CountyOrgCategory]
CADRES = [m.code for m in CadreKind]
MECHANISM_CODES = {
    "socialized_operation": "4.1",
    "project_management": "4.2",
    "information_sharing": "4.3",
}
MARKER = "社区青春行动"


def key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


RULEBOOK_HASH = hashlib.sha256(
    files("youthaction_scoring._rules").joinpath("bundled/guiyang-2021.toml").read_bytes()
).hexdigest()[:12]
"""The edition's content hash (EDITIONS.md): the first 12 hex digits of its file's SHA-256."""


def render(arg: Any, lang: int) -> str:
    if isinstance(arg, tuple) and len(arg) == 2 and arg[0] == "label":
        return LABELS[arg[1]][lang]
    if isinstance(arg, list):
        return ("、", ", ")[lang].join(render(a, lang) for a in arg)
    return str(arg)


def text(msg: tuple[str, tuple[Any, ...], str | None], lang: int) -> str:
    name, args, rule = msg
    body = TEMPLATES[name][lang].format(*(render(a, lang) for a in args))
    if not rule:
        return body
    return f"{body}（{rule}）" if lang == 0 else f"{body} ({rule})"


def month_index(date: str) -> int:
    return int(date[:4]) * 12 + int(date[5:7]) - 1


def month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def item(
    code: str, kind: str, full: int, deductions: list[Any], notes: list[Any]
) -> dict[str, Any]:
    out: dict[str, Any] = {"code": code, "kind": kind, "max": full}
    if kind == "bonus":
        out["raw"] = deductions[0]
        points = min(full, deductions[0])
        if deductions[0] > full:
            notes.append(("capped", (deductions[0], full), None))
        deductions = []
    else:
        deducted = sum(d[0] for d in deductions)
        if deducted > full:
            notes.append(("floored", (deducted,), None))
        points = max(0, full - deducted)
    out["points"] = points
    out["deductions"] = [
        {"points": p, "reason": text(m, 1), "rule": r, "reason_zh": text(m, 0)}
        for p, m, r in deductions
    ]
    out["notes"] = [text(n, 1) for n in notes]
    out["notes_zh"] = [text(n, 0) for n in notes]
    return out


def score(c: dict[str, Any], first: int, last: int, period: tuple[str, str]) -> dict[str, Any]:
    def excluded(kind: str, title: str, date: str) -> Any:
        if first <= month_index(date) <= last:
            return None
        return ("excluded_period", (("label", f"RecordKind:{kind}"), title, date, *period), "R1")

    org = c.get("org_system", {})
    work = c.get("workforce", {})
    proj = c.get("projects", {})
    mech = c.get("mechanisms", {})
    items = []
    have = org.get("county_youth_orgs", [])
    items.append(
        item(
            "1.1",
            "base",
            15,
            [
                (5, ("county_org_missing", (("label", f"CountyOrgCategory:{cat}"),), None), "R3")
                for cat in CATEGORIES
                if cat not in have
            ],
            [],
        )
    )
    home = org.get("youth_home")
    if home is None:
        ded = [(15, ("youth_home_not_built", (), None), "R4")]
    else:
        ded = []
        if not home["on_cloud_platform"]:
            ded.append((5, ("youth_home_not_on_cloud", (), None), "R4"))
        if not home["activities_standardized"]:
            ded.append((5, ("youth_home_not_standardized", (), None), "R4"))
    items.append(item("1.2", "base", 15, ded, []))
    league = org.get("league_org")
    if league is None:
        ded = [(15, ("league_org_not_established", (), None), "R5")]
    elif not league["activities_standardized"]:
        ded = [(10, ("league_org_not_standardized", (), None), "R5")]
    else:
        ded = []
    items.append(item("1.3", "base", 15, ded, []))
    cadres = work.get("cadres", {})
    missing = [("label", f"CadreKind:{k}") for k in CADRES if cadres.get(k, 0) < 1]
    ded = [(15, ("cadres_incomplete", (missing,), None), "R6")] if missing else []
    items.append(item("2.1", "base", 15, ded, []))
    for code, records, kind, fields, rule in (
        (
            "2.2",
            work.get("service_projects", []),
            "service_project",
            ("title", "organisation"),
            "R7",
        ),
        ("2.3", work.get("pairings", []), "pairing", ("partner",), "R8"),
    ):
        notes: list[Any] = []
        groups: dict[Any, list[str]] = {}
        for r in records:
            date = r["completed_on"] if kind == "service_project" else r["date"]
            ex = excluded(kind, r[fields[0]], date)
            if ex:
                notes.append(ex)
                continue
            groups.setdefault(tuple(key(r[f]) for f in fields), []).append(r[fields[0]])
        for titles in groups.values():
            if len(titles) > 1:
                notes.append(
                    (
                        "duplicate_merged",
                        (("label", f"RecordKind:{kind}"), titles[0], len(titles)),
                        rule,
                    )
                )
        items.append(item(code, "bonus", 20, [5 * len(groups)], notes))
    notes = []
    covered = set()
    for a in proj.get("activities", []):
        ex = excluded("activity", a["title"], a["date"])
        if ex:
            notes.append(ex)
        elif not a["reported"]:
            notes.append(("activity_not_reported", (a["title"], a["date"]), "R9"))
        elif key(MARKER) not in key(a["title"]):
            notes.append(("activity_not_titled", (a["title"], a["date"], MARKER), "R9"))
        else:
            covered.add(month_index(a["date"]))
    ded = []
    brands = proj.get("brands", [])
    if not brands:
        ded.append((40, ("no_brand", (), None), "R11"))
    elif len(brands) > 2:
        notes.append(("many_brands", (len(brands), 2), "R11"))
    for index in range(first, last + 1):
        if index not in covered:
            ded.append((10, ("month_missing", (month_name(index),), None), "R10"))
    items.append(item("3", "base", 40, ded, notes))
    for mechanism, code in MECHANISM_CODES.items():
        notes = []
        groups2: dict[str, list[tuple[str, bool]]] = {}
        for s in mech.get("summaries", []):
            if s["mechanism"] != mechanism:
                continue
            ex = excluded("summary", s["title"], s["date"])
            if ex:
                notes.append(ex)
                continue
            groups2.setdefault(key(s["title"]), []).append(
                (s["title"], bool(s.get("recognitions")))
            )
        counted = 0
        for recs in groups2.values():
            if any(r for _, r in recs):
                counted += 1
            else:
                notes.append(("summary_unrecognised", (recs[0][0],), "R12"))
            if len(recs) > 1:
                notes.append(
                    (
                        "duplicate_merged",
                        (("label", "RecordKind:summary"), recs[0][0], len(recs)),
                        "R13",
                    )
                )
        items.append(item(code, "bonus", 20, [10 * counted], notes))
    base = sum(i["points"] for i in items if i["kind"] == "base")
    bonus_sum = sum(i["points"] for i in items if i["kind"] == "bonus")
    card: dict[str, Any] = {
        "community_id": c["id"],
        "community_name": c["name"],
        "district": c["district"],
        "pilot_level": c["pilot_level"],
        "base": base,
        "bonus": min(100, bonus_sum),
        "total": base + min(100, bonus_sum),
        "items": items,
    }
    if bonus_sum > 100:
        msg = ("bonus_capped", (bonus_sum, 100), "R16")
        card["notes"] = [text(msg, 1)]
        card["notes_zh"] = [text(msg, 0)]
    card["rulebook"] = "guiyang-2021"
    card["rulebook_hash"] = RULEBOOK_HASH
    return card


def header_window(line: str) -> tuple[int, int, tuple[str, str]]:
    header = json.loads(line)
    start, end = header["period"]["start"], header["period"]["end"]
    return month_index(start + "-01"), month_index(end + "-01"), (start, end)


def run(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as inp, open(target, "w", encoding="utf-8") as out:
        first, last, period = header_window(inp.readline())
        for line in inp:
            if line.strip():
                card = score(json.loads(line), first, last, period)
                out.write(json.dumps(card, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2])
