"""Generate a seeded, edge-heavy JSON Lines assessment (fictional data).

Run ``python benchmarks/generate.py --help``. The same ``--count`` and
``--seed`` always give byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

PERIOD = {"start": "2021-11", "end": "2022-04"}
DISTRICTS = ["南明区", "云岩区", "花溪区", "乌当区", "白云区", "观山湖区", "清镇市", "修文县"]
STREETS = ["新华路", "中华南路", "遵义路", "宝山北路", "甲秀", "油榨街", "太慈桥", "兴关路"]
ORGS = ["南明区青年志愿者协会", "云岩区青年创业协会", "花溪区青少年文体协会", "观山湖区志愿服务队"]
PARTNERS = [
    "贵州大学青年志愿者协会",
    "贵州师范大学团委",
    "贵阳银行团委",
    "省人民医院青年志愿者",
    "贵州民族大学",
]
PARTNER_KINDS = ["university", "enterprise", "institution"]
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
CATEGORIES = ["volunteer_service", "entrepreneurship_employment", "culture_arts_sports"]
MECHANISMS = ["socialized_operation", "project_management", "information_sharing"]
LEVELS = ["central", "provincial", "municipal", "district"]
OUTLETS = ["贵阳日报", "贵州日报", "中国青年报", "贵阳晚报"]
ACTIVITY_TITLES = [
    "社区青春行动·垃圾分类青春助力",
    "社区青春行动 青清河保护",
    "社区 青春行动 助老服务",
    "青春行动月度活动",
    "社区青春行动·四点半课堂",
    "ＳＯＳ社区青春行动",
    "社区青春行动·禁毒宣传",
]
FIRST_DAY = dt.date(2021, 9, 1)  # two months before the period: some records fall outside it
DAYS = (dt.date(2022, 6, 30) - FIRST_DAY).days


def _day(rng: random.Random) -> str:
    return (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS + 1))).isoformat()


def community(rng: random.Random, index: int) -> dict[str, object]:
    """One fictional community with many records, duplicates and out-of-period dates."""
    street = rng.choice(STREETS)
    district = rng.choice(DISTRICTS)
    projects = []
    for _ in range(rng.randint(2, 6)):
        title = rng.choice(["四点半课堂", "四点半 课堂", "青少年心理辅导", "假期托管", "助老陪伴"])
        projects.append(
            {"title": title, "organisation": rng.choice(ORGS), "completed_on": _day(rng)}
        )
    pairings = [
        {
            "partner": rng.choice(PARTNERS),
            "partner_kind": rng.choice(PARTNER_KINDS),
            "date": _day(rng),
        }
        for _ in range(rng.randint(1, 5))
    ]
    activities = [
        {"title": rng.choice(ACTIVITY_TITLES), "date": _day(rng), "reported": rng.random() < 0.85}
        for _ in range(rng.randint(4, 9))
    ]
    summaries = []
    for _ in range(rng.randint(2, 4)):
        recognitions: list[dict[str, str]] = []
        for _ in range(rng.choice([0, 1, 1, 2])):
            if rng.random() < 0.5:
                recognitions.append({"kind": "leader_instruction", "level": rng.choice(LEVELS)})
            else:
                recognitions.append({"kind": "media_publication", "outlet": rng.choice(OUTLETS)})
        topic = rng.choice(["社会化运作", "项目化管理", "信息共享"])
        summaries.append(
            {
                "title": f"{district}社区团组织{topic}综述",
                "mechanism": rng.choice(MECHANISMS),
                "date": _day(rng),
                "recognitions": recognitions,
            }
        )
    org_system: dict[str, object] = {
        "county_youth_orgs": rng.sample(CATEGORIES, rng.randint(0, 3)),
    }
    if rng.random() < 0.8:
        org_system["youth_home"] = {
            "on_cloud_platform": rng.random() < 0.7,
            "activities_standardized": rng.random() < 0.7,
        }
    if rng.random() < 0.85:
        org_system["league_org"] = {"activities_standardized": rng.random() < 0.8}
    return {
        "id": f"c{index:06d}",
        "name": f"{street}社区（示例{index}）",
        "district": district,
        "pilot_level": rng.choice(["national", "provincial"]),
        "org_system": org_system,
        "workforce": {
            "cadres": {
                "full_time": rng.randint(0, 2),
                "seconded": rng.randint(0, 2),
                "part_time": rng.randint(0, 5),
            },
            "service_projects": projects,
            "pairings": pairings,
        },
        "projects": {"brands": rng.sample(BRANDS, rng.randint(0, 3)), "activities": activities},
        "mechanisms": {"summaries": summaries},
    }


def lines(count: int, seed: int) -> Iterator[str]:
    """The header line, then *count* community lines, each ending in a newline."""
    rng = random.Random(seed)
    header = {
        "format": "youthaction-scoring/1",
        "period": PERIOD,
        "description": "Fictional benchmark data: no real community is described.",
    }
    yield json.dumps(header, ensure_ascii=False) + "\n"
    for index in range(count):
        yield json.dumps(community(rng, index), ensure_ascii=False) + "\n"


def write(path: Path, count: int, seed: int) -> None:
    """Write the file (streamed: memory does not grow with *count*)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.writelines(lines(count, seed))


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path, help="the .jsonl file to write")
    parser.add_argument("--count", type=int, default=50_000, help="communities (default 50000)")
    parser.add_argument("--seed", type=int, default=2021, help="random seed (default 2021)")
    args = parser.parse_args()
    write(args.output, args.count, args.seed)


if __name__ == "__main__":
    main()
