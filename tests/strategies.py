"""Shared Hypothesis strategies: periods, records, communities, assessments.

Dates cluster around the period (a little before, inside, a little after) so
that period edges are hit often; text mixes ordinary Chinese names with
hostile text (formula-looking, boolean-looking, date-looking, leading zeros,
surrounding spaces, line breaks, HTML) that every output must carry intact.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs
from hypothesis import strategies as st

from youthaction_scoring import (
    Activity,
    Assessment,
    Brand,
    Cadres,
    Community,
    CountyOrgCategory,
    ItemCode,
    LeaderInstruction,
    LeaderLevel,
    LeagueOrg,
    Mechanism,
    Mechanisms,
    MediaPublication,
    Month,
    OrgSystem,
    Pairing,
    PartnerKind,
    Period,
    PilotLevel,
    Projects,
    Recognition,
    Rulebook,
    ServiceProject,
    Summary,
    Workforce,
    YouthHome,
)
from youthaction_scoring._domain.checks import id_problem

HOSTILE_TEXTS = (
    "=1+1",
    "+SUM(A1:A2)",
    "-2+3",
    "@cmd",
    '=HYPERLINK("http://x")',
    "TRUE",
    "false",
    "0012",
    "2021-11-01",
    "  leading and trailing  ",
    "line\nbreak",
    "tab\there",
    "<script>alert(1)</script>",
    "a & b \"quoted\" 'single'",
    "社区青春行动",
    "ＡＢＣ全角",
    "{{ template }}",
    "\u3000全角空格\u3000",
)
"""Text that outputs must carry unchanged and never interpret."""

SPREADSHEET_HOSTILE_TEXTS = (
    "_x0041_",
    "a_x000D_b_x005F_",
    "carriage\r\nreturn\r",
    "\ufffe\uffff non-characters",
    "tab\tand line feed\ntogether",
    "\u200bzero-width\u200d joiners\u2060",
    "0.10",
    "1E5",
    "#N/A",
    "'quoted",
    "\ufeffBOM",
    "\u2028separator",
    "x" * 32767,
)
"""Text that is hard for spreadsheets (OOXML escapes, XML-illegal characters,
number- or error-looking text, format characters, the longest a cell holds);
registers carry it exactly. (Control characters other than tab, line feed and
carriage return are refused on input: see tests/hostile.)"""

_CHINESE_NAMES = st.sampled_from(
    [
        "新华路社区",
        "中华南路社区",
        "四点半课堂",
        "贵州大学青年志愿者协会",
        "南明区青年志愿者协会",
        "社区青春行动·垃圾分类青春助力",
        "社区青春行动 青清河保护",
        "青春行动月度活动",
        "贵阳日报",
        "社会化运作综述",
    ]
)

names = st.one_of(
    _CHINESE_NAMES,
    st.sampled_from(HOSTILE_TEXTS),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        min_size=1,
        max_size=12,
    ),
).filter(lambda s: bool(s.strip()))
"""Non-blank text: names, titles, with hostile text mixed in."""


def as_id(text: str) -> str:
    """An id made from *text*: ``id-`` and the text without its whitespace (R17)."""
    return "id-" + "".join(text.split())


identifiers = st.one_of(
    st.sampled_from(["nm-01", "yy-02", "社区1", "ＡＢＣ", "=1+1", "0012", "<b>", "a_x0041_"]),
    st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Zs", "Zl", "Zp")
        ),
        min_size=1,
        max_size=12,
    ),
).filter(lambda s: id_problem(s) is None)
"""Community ids: no whitespace, control or format characters (R17)."""


@st.composite
def periods(draw: st.DrawFn, *, max_months: int = 14) -> Period:
    """A period of 1 … *max_months* months, sometimes across a year or a leap February."""
    year = draw(st.sampled_from([2020, 2021, 2023, 2024]))
    start = Month(year, draw(st.integers(1, 12)))
    length = draw(st.integers(1, max_months))
    return Period(start, Month.from_index(start.index + length - 1))


def dates_around(period: Period) -> st.SearchStrategy[dt.date]:
    """Dates from two months before *period* to two months after it."""
    first = dt.date(period.start.year, period.start.month, 1)
    after = Month.from_index(period.end.index + 3)
    last = dt.date(after.year, after.month, 1) - dt.timedelta(days=1)
    before = Month.from_index(period.start.index - 2)
    lower = dt.date(before.year, before.month, 1)
    edges = st.sampled_from(
        [first, first - dt.timedelta(days=1), dt.date(period.end.year, period.end.month, 1)]
    )
    return st.one_of(edges, st.dates(min_value=lower, max_value=last), st.dates(first, last))


def recognitions() -> st.SearchStrategy[Recognition]:
    """A leader instruction or a media publication."""
    return st.one_of(
        st.builds(LeaderInstruction, level=st.sampled_from(LeaderLevel)),
        st.builds(MediaPublication, outlet=names),
    )


def communities(
    period: Period, *, ids: st.SearchStrategy[str] | None = None, max_records: int = 6
) -> st.SearchStrategy[Community]:
    """Communities with records dated around *period*, duplicates included."""
    days = dates_around(period)
    small_names = st.sampled_from(["四点半课堂", "四点半 课堂", "ＡＢＣ", "abc", "x"]) | names
    activity_titles = (
        st.sampled_from(["社区青春行动·月度活动", "社区 青春行动 助老", "青春行动", "社区青春行動"])
        | names
    )
    cadres = st.builds(
        Cadres,
        full_time=st.integers(0, 3),
        seconded=st.integers(0, 3),
        part_time=st.integers(0, 3),
    )
    org_system = st.builds(
        OrgSystem,
        county_youth_orgs=st.lists(st.sampled_from(CountyOrgCategory), unique=True).map(tuple),
        youth_home=st.none() | st.builds(YouthHome, st.booleans(), st.booleans()),
        league_org=st.none() | st.builds(LeagueOrg, st.booleans()),
    )
    workforce = st.builds(
        Workforce,
        cadres=cadres,
        service_projects=st.lists(
            st.builds(
                ServiceProject, title=small_names, organisation=small_names, completed_on=days
            ),
            max_size=max_records,
        ).map(tuple),
        pairings=st.lists(
            st.builds(
                Pairing, partner=small_names, partner_kind=st.sampled_from(PartnerKind), date=days
            ),
            max_size=max_records,
        ).map(tuple),
    )
    projects = st.builds(
        Projects,
        brands=st.lists(st.sampled_from(Brand), unique=True, max_size=4).map(tuple),
        activities=st.lists(
            st.builds(Activity, title=activity_titles, date=days, reported=st.booleans()),
            max_size=max_records * 3,
        ).map(tuple),
    )
    mechanisms = st.builds(
        Mechanisms,
        summaries=st.lists(
            st.builds(
                Summary,
                title=small_names,
                mechanism=st.sampled_from(Mechanism),
                date=days,
                recognitions=st.lists(recognitions(), max_size=2).map(tuple),
            ),
            max_size=max_records,
        ).map(tuple),
    )
    return st.builds(
        Community,
        id=ids if ids is not None else identifiers,
        name=names,
        district=st.sampled_from(["南明区", "云岩区", "花溪区", "观山湖区"]) | names,
        pilot_level=st.sampled_from(PilotLevel),
        org_system=org_system,
        workforce=workforce,
        projects=projects,
        mechanisms=mechanisms,
    )


@st.composite
def assessments(draw: st.DrawFn, *, max_communities: int = 4) -> Assessment:
    """Assessments with unique community ids and records around the period."""
    period = draw(periods())
    count = draw(st.integers(0, max_communities))
    ids = draw(st.lists(identifiers, min_size=count, max_size=count, unique=True))
    members = tuple(draw(communities(period, ids=st.just(i))) for i in ids)
    description = draw(st.none() | names)
    return Assessment(period=period, communities=members, description=description)


@st.composite
def community_and_period(draw: st.DrawFn) -> tuple[Community, Period]:
    """A period and one community scored over it."""
    period = draw(periods())
    return draw(communities(period)), period


_AMOUNT_RANGES: Final = {"each": 12, "per_missing_month": 25, "recommended_max_brands": 3}
"""The largest amount drawn per key (others: 45), so that caps bind and floors are reached."""


@st.composite
def rulebooks(draw: st.DrawFn) -> Rulebook:
    """Valid editions with arbitrary whole amounts: caps binding, deductions past their points.

    Every amount of every item of the bundled edition is drawn anew (base and
    bonus caps 0-120), so base caps bind too (R16, R21).
    """
    from youthaction_scoring import GUIYANG_2021

    rulebook = attrs.evolve(
        GUIYANG_2021,
        name="test-edition",
        base_cap=draw(st.integers(0, 120)),
        bonus_cap=draw(st.integers(0, 120)),
    )
    for code in ItemCode:
        amounts = rulebook.item(code)
        changes = {
            f.name: draw(st.integers(0, _AMOUNT_RANGES.get(f.name, 45)))
            for f in attrs.fields(type(amounts))
            if f.type is int
        }
        rulebook = rulebook.amended(code, **changes)
    return rulebook


def hostile_communities(period: Period) -> st.SearchStrategy[Community]:
    """Communities whose name and district are hostile text (HOSTILE_TEXTS)."""
    hostile = st.sampled_from(HOSTILE_TEXTS)
    return communities(period).flatmap(
        lambda c: st.builds(attrs.evolve, st.just(c), name=hostile, district=hostile)
    )


@st.composite
def hostile_assessments(draw: st.DrawFn) -> Assessment:
    """Short assessments of one to three hostile communities (unique ids), for the report."""
    period = draw(periods(max_months=4))
    members = draw(st.lists(hostile_communities(period), min_size=1, max_size=3))
    unique = {c.id: c for c in members}
    return Assessment(period=period, communities=tuple(unique.values()))
