"""Small builders for hand-made communities in unit tests.

``full_community(period)`` earns every point there is; tests take points away
one fact at a time with ``attrs.evolve`` or the helpers here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from youthaction_scoring import (
    Activity,
    Brand,
    Cadres,
    Community,
    CountyOrgCategory,
    LeaderInstruction,
    LeaderLevel,
    LeagueOrg,
    Mechanism,
    Mechanisms,
    Month,
    OrgSystem,
    Pairing,
    PartnerKind,
    Period,
    PilotLevel,
    Projects,
    ServiceProject,
    Summary,
    Workforce,
    YouthHome,
)

PERIOD = Period(Month(2021, 11), Month(2022, 4))
"""The usual assessment period, 2021-11 … 2022-04 (six months)."""


def day(text: str) -> dt.date:
    """Parse an ISO date."""
    return dt.date.fromisoformat(text)


def first_day(month: Month) -> dt.date:
    """Return the first day of *month*."""
    return dt.date(month.year, month.month, 1)


def monthly_activities(
    period: Period, *, title: str = "社区青春行动·月度活动"
) -> tuple[Activity, ...]:
    """One reported, correctly titled activity on the 15th of every month of *period*."""
    return tuple(Activity(title, dt.date(m.year, m.month, 15), True) for m in period.months)


def projects_(count: int, on: dt.date) -> tuple[ServiceProject, ...]:
    """*count* distinct service projects completed on *on*."""
    return tuple(ServiceProject(f"项目{i}", "青年志愿者协会", on) for i in range(count))


def pairings_(count: int, on: dt.date) -> tuple[Pairing, ...]:
    """*count* pairings with distinct partners on *on*."""
    return tuple(Pairing(f"伙伴{i}", PartnerKind.ENTERPRISE, on) for i in range(count))


def summaries_(
    count: int, mechanism: Mechanism, on: dt.date, *, recognised: bool = True
) -> tuple[Summary, ...]:
    """*count* distinct summaries on *mechanism* dated *on*."""
    recognitions = (LeaderInstruction(level=LeaderLevel.MUNICIPAL),) if recognised else ()
    return tuple(
        Summary(f"{mechanism.code}综述{i}", mechanism, on, recognitions) for i in range(count)
    )


def full_community(period: Period = PERIOD, *, id: str = "c1") -> Community:
    """A community that earns the full 200 points over *period*."""
    mid = first_day(period.start)
    return Community(
        id=id,
        name="满分社区",
        district="南明区",
        pilot_level=PilotLevel.NATIONAL,
        org_system=OrgSystem(
            county_youth_orgs=tuple(CountyOrgCategory),
            youth_home=YouthHome(on_cloud_platform=True, activities_standardized=True),
            league_org=LeagueOrg(activities_standardized=True),
        ),
        workforce=Workforce(
            cadres=Cadres(1, 1, 1),
            service_projects=projects_(4, mid),
            pairings=pairings_(4, mid),
        ),
        projects=Projects(brands=(Brand.HARMONIOUS,), activities=monthly_activities(period)),
        mechanisms=Mechanisms(summaries=tuple(s for m in Mechanism for s in summaries_(2, m, mid))),
    )


def empty_community(*, id: str = "c0") -> Community:
    """A community with nothing recorded at all."""
    return Community(id=id, name="空白社区", district="云岩区", pilot_level=PilotLevel.PROVINCIAL)


def with_org(community: Community, **changes: Any) -> Community:
    """Return *community* with its org_system changed."""
    return attrs.evolve(community, org_system=attrs.evolve(community.org_system, **changes))


def with_workforce(community: Community, **changes: Any) -> Community:
    """Return *community* with its workforce changed."""
    return attrs.evolve(community, workforce=attrs.evolve(community.workforce, **changes))


def with_projects(community: Community, **changes: Any) -> Community:
    """Return *community* with its projects changed."""
    return attrs.evolve(community, projects=attrs.evolve(community.projects, **changes))


def with_summaries(community: Community, summaries: tuple[Summary, ...]) -> Community:
    """Return *community* with these summaries."""
    return attrs.evolve(community, mechanisms=Mechanisms(summaries=summaries))
