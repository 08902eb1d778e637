"""Regenerate ``guiyang-2021-2022.json``, the fictional example assessment.

The districts are Guiyang's real ten districts, counties and county-level
cities; every community, record and person in the data is made up. The data is
drawn from a fixed seed, so running this script again gives the same file:

    python examples/make_example.py
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

SEED = 20211020  # the day the measures were issued
OUT = Path(__file__).with_name("guiyang-2021-2022.json")
MONTHS = [(2021, 11), (2021, 12), (2022, 1), (2022, 2), (2022, 3), (2022, 4)]

# District → (id prefix, categories of county-level league youth organisation
# recorded by its league committee (clause 1.1), fictional community names by batch).
DISTRICTS: dict[str, tuple[str, list[str], list[tuple[str, str]]]] = {
    "南明区": (
        "nm",
        ["volunteer_service", "entrepreneurship_employment", "culture_arts_sports"],
        [
            ("青云路社区", "national"),
            ("花果园湿地社区", "national"),
            ("油榨街社区", "provincial"),
            ("五里冲社区", "provincial"),
            ("沙冲社区", "provincial"),
        ],
    ),
    "云岩区": (
        "yy",
        ["volunteer_service", "entrepreneurship_employment", "culture_arts_sports"],
        [
            ("黔灵东路社区", "national"),
            ("中环社区", "provincial"),
            ("渔安新城社区", "provincial"),
            ("普陀社区", "provincial"),
        ],
    ),
    "花溪区": (
        "hx",
        ["volunteer_service", "culture_arts_sports"],
        [("明珠社区", "national"), ("溪北社区", "provincial"), ("大学城社区", "provincial")],
    ),
    "乌当区": (
        "wd",
        ["volunteer_service", "entrepreneurship_employment"],
        [("新天社区", "national"), ("高新社区", "provincial"), ("顺新社区", "provincial")],
    ),
    "白云区": (
        "by",
        ["volunteer_service", "entrepreneurship_employment", "culture_arts_sports"],
        [("云峰社区", "national"), ("艳山红社区", "provincial"), ("大山洞社区", "provincial")],
    ),
    "观山湖区": (
        "gs",
        ["volunteer_service", "entrepreneurship_employment", "culture_arts_sports"],
        [
            ("世纪城社区", "national"),
            ("会展社区", "national"),
            ("碧海社区", "provincial"),
            ("长岭社区", "provincial"),
        ],
    ),
    "清镇市": (
        "qz",
        ["volunteer_service"],
        [("百花社区", "provincial"), ("职教城社区", "provincial")],
    ),
    "修文县": (
        "xw",
        ["volunteer_service", "culture_arts_sports"],
        [("阳明社区", "national"), ("龙场社区", "provincial")],
    ),
    "息烽县": ("xf", [], [("永靖社区", "provincial"), ("温泉社区", "provincial")]),
    "开阳县": (
        "ky",
        ["volunteer_service", "entrepreneurship_employment"],
        [("紫江社区", "national"), ("硒城社区", "provincial")],
    ),
}

ACTIVITY_THEMES = [
    "垃圾分类·青春助力",
    "四点半课堂",
    "青清河——保护河湖志愿服务",
    "小林长志愿服务",
    "青少年心理健康教育",
    "青年普法文化基层行",
    "毒品预防教育宣传",
    "新市民·追梦桥",
    "希望工程·陪伴行动",
    "家长学校",
    "新兴青年进社区",
    "电商创业技能培训",
]
PROJECT_TITLES = [
    "四点半课堂",
    "假期看护",
    "青少年心理健康教育",
    "青年普法文化基层行",
    "艾滋病防治宣教",
    "青少年违法犯罪预防",
    "社区青年电商培训",
    "兴趣小组",
]
PARTNERS = [
    ("贵州大学青年志愿者协会", "university"),
    ("贵州师范大学青年志愿者协会", "university"),
    ("贵州医科大学青年志愿服务队", "university"),
    ("贵州财经大学青年志愿者协会", "university"),
    ("筑城物流有限公司青年志愿队", "enterprise"),
    ("黔味食品有限公司团支部志愿队", "enterprise"),
    ("林城数据科技公司青年志愿者", "enterprise"),
    ("区人民医院青年志愿服务队", "institution"),
    ("区税务局青年志愿服务队", "institution"),
    ("区图书馆志愿者分队", "institution"),
]
OUTLETS = ["贵阳日报", "贵州日报", "中国青年报", "天眼新闻", "贵阳网"]
MECHANISMS = {
    "socialized_operation": "社会化运作",
    "project_management": "项目化管理",
    "information_sharing": "工作信息共享",
}
BRANDS = [
    "beautiful",
    "harmonious",
    "entrepreneurial",
    "mutual_aid",
    "elderly_care",
    "civilized",
    "vibrant",
    "innovative",
    "drug_free",
]


def day_in(rng: random.Random, year: int, month: int) -> str:
    """A random day of a month, as ISO text."""
    first = dt.date(year, month, 1)
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (first + dt.timedelta(days=rng.randrange((nxt - first).days))).isoformat()


def community(
    rng: random.Random,
    district: str,
    prefix: str,
    cats: list[str],
    index: int,
    name: str,
    batch: str,
) -> dict[str, Any]:
    """One fictional community; *strength* shapes how complete its records are."""
    strength = rng.choice([0.95, 0.85, 0.7, 0.5, 0.3])
    chance = lambda p: rng.random() < p * strength + (1 - strength) * p * 0.3  # noqa: E731
    org: dict[str, Any] = {"county_youth_orgs": cats}
    if chance(1.0):
        org["youth_home"] = {
            "on_cloud_platform": chance(0.9),
            "activities_standardized": chance(0.9),
        }
    if chance(1.05):
        org["league_org"] = {"activities_standardized": chance(0.9)}
    cadres = {
        k: (rng.randint(1, 3) if chance(1.0) else 0) for k in ("full_time", "seconded", "part_time")
    }
    projects = []
    for _ in range(rng.randint(0, 6)):
        year, month = rng.choice([*MONTHS, (2021, 10), (2022, 5)])
        projects.append(
            {
                "title": rng.choice(PROJECT_TITLES),
                "organisation": f"{district}{rng.choice(['青年志愿者协会', '青年创业协会', '青少年文体协会'])}",
                "completed_on": day_in(rng, year, month),
            }
        )
    pairings = []
    for partner, kind in rng.sample(PARTNERS, rng.randint(0, 5)):
        year, month = rng.choice(MONTHS)
        pairings.append(
            {"partner": partner, "partner_kind": kind, "date": day_in(rng, year, month)}
        )
    if pairings and chance(0.3):
        again = dict(pairings[0])
        again["date"] = day_in(rng, *rng.choice(MONTHS))
        pairings.append(again)  # a second record with the same partner (R8)
    activities = []
    for year, month in [(2021, 10), *MONTHS, (2022, 5)]:
        for _ in range(rng.choice([0, 1, 1, 2]) if chance(1.0) else 0):
            theme = rng.choice(ACTIVITY_THEMES)
            titled = chance(0.97)
            activities.append(
                {
                    "title": f"社区青春行动·{theme}" if titled else f"{theme}主题活动",
                    "date": day_in(rng, year, month),
                    "reported": chance(1.0),
                }
            )
    brands = rng.sample(BRANDS, rng.choice([1, 1, 2, 2, 3])) if chance(1.0) else []
    summaries = []
    for mechanism, label in MECHANISMS.items():
        for n in range(rng.randint(0, 3)):
            recognitions: list[dict[str, str]] = []
            if chance(0.7):
                recognitions.append(
                    {
                        "kind": "leader_instruction",
                        "level": rng.choice(["central", "provincial", "municipal", "district"]),
                    }
                )
            if chance(0.5):
                recognitions.append({"kind": "media_publication", "outlet": rng.choice(OUTLETS)})
            summaries.append(
                {
                    "title": f"{name}{label}工作综述（{n + 1}）",
                    "mechanism": mechanism,
                    "date": day_in(rng, *rng.choice(MONTHS)),
                    "recognitions": recognitions,
                }
            )
    return {
        "id": f"{prefix}-{index:02d}",
        "name": name,
        "district": district,
        "pilot_level": batch,
        "org_system": org,
        "workforce": {"cadres": cadres, "service_projects": projects, "pairings": pairings},
        "projects": {"brands": brands, "activities": activities},
        "mechanisms": {"summaries": summaries},
    }


def main() -> None:
    """Write the example assessment."""
    rng = random.Random(SEED)
    communities = [
        community(rng, district, prefix, cats, i + 1, name, batch)
        for district, (prefix, cats, names) in DISTRICTS.items()
        for i, (name, batch) in enumerate(names)
    ]
    doc = {
        "format": "youthaction-scoring/1",
        "description": (
            "示例数据：社区及其全部记录均为虚构，仅区（市、县）名称为贵阳市真实行政区划。"
            " Example data: every community and record is fictional; only the district names are "
            "Guiyang's real ones. Generated by examples/make_example.py."
        ),
        "period": {"start": "2021-11", "end": "2022-04"},
        "communities": communities,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(communities)} communities)")


if __name__ == "__main__":
    main()
