"""Helpers for the register and workbook tests: a full example and workbook scans."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from youthaction_scoring import (
    Activity,
    Assessment,
    Brand,
    Cadres,
    Community,
    CountyOrgCategory,
    LeaderInstruction,
    LeaderLevel,
    LeagueOrg,
    Mechanism,
    Mechanisms,
    MediaPublication,
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
from youthaction_scoring._domain.checks import id_problem


def full_assessment(text: str = "四点半课堂") -> Assessment:
    """A fictional assessment that uses every field of the format, *text* in every text field.

    The id holds *text* too when it can be an id (R17: no whitespace, control
    or format characters).
    """
    first = Community(
        id=text if id_problem(text) is None else "c-text",
        name=text,
        district=text,
        pilot_level=PilotLevel.NATIONAL,
        org_system=OrgSystem(
            (CountyOrgCategory.CULTURE_ARTS_SPORTS, CountyOrgCategory.VOLUNTEER_SERVICE),
            YouthHome(on_cloud_platform=True, activities_standardized=False),
            LeagueOrg(activities_standardized=True),
        ),
        workforce=Workforce(
            Cadres(1, 0, 3),
            (ServiceProject(text, text, dt.date(2021, 12, 18)),),
            (
                Pairing(text, PartnerKind.UNIVERSITY, dt.date(2021, 11, 20)),
                Pairing("贵阳某企业志愿队", PartnerKind.ENTERPRISE, dt.date(2022, 4, 30)),
            ),
        ),
        projects=Projects(
            (Brand.DRUG_FREE, Brand.HARMONIOUS),
            (
                Activity(text, dt.date(2021, 11, 13), True),
                Activity("社区青春行动·助老", dt.date(2021, 12, 1), False),
            ),
        ),
        mechanisms=Mechanisms(
            (
                Summary(
                    text,
                    Mechanism.SOCIALIZED_OPERATION,
                    dt.date(2022, 1, 10),
                    (LeaderInstruction(LeaderLevel.MUNICIPAL), MediaPublication(text)),
                ),
                Summary("无认可的综述", Mechanism.INFORMATION_SHARING, dt.date(2022, 2, 1)),
            )
        ),
    )
    second = Community(
        id="second-community",
        name="中华南路社区",
        district="云岩区",
        pilot_level=PilotLevel.PROVINCIAL,
    )
    return Assessment(
        period=Period.parse("2021-11:2022-04"),
        communities=(first, second),
        description=text,
    )


def formula_cells(path: Path) -> list[str]:
    """Every worksheet XML part of *path* that holds a formula element (``<f>``)."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                data = archive.read(name)
                if b"<f>" in data or b"<f " in data:
                    found.append(name)
    return found
