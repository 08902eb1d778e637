"""The rulebook's amounts as one typed parameter object.

Clause functions never hold points, deductions or caps as literals: they read
them from a :class:`Rulebook`. Which field gives an item's maximum is said by
the item's clause record (:mod:`.clauses`). :data:`GUIYANG_2021` is the edition of the
Guiyang assessment measures (团市委, 2021-10-20); another city's amounts are a
modified copy, e.g. ``attrs.evolve(GUIYANG_2021, edition="x", cadres_points=10)``.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from .._domain.checks import text_problem


def _amount(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 0:
        raise ValueError(f"Rulebook.{attribute.name} must be a whole number >= 0, got {value!r}")


def _edition(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = text_problem(value)
    if problem:
        raise ValueError(f"Rulebook.{attribute.name} {problem}")


@attrs.frozen(kw_only=True)
class Rulebook:
    """Every amount the rules use: full points, deductions and caps.

    Each attribute names the clause it belongs to. All amounts are whole
    numbers (R16).
    """

    edition: str = attrs.field(validator=_edition)
    """Name of this edition, stamped on every scorecards document."""

    base_cap: int = attrs.field(default=100, validator=_amount)
    """Base items total at most this (R16)."""
    bonus_cap: int = attrs.field(default=100, validator=_amount)
    """Bonus items total at most this, after each item's own cap (R16)."""

    county_orgs_points: int = attrs.field(default=15, validator=_amount)
    """1.1 full points."""
    county_org_missing_deduction: int = attrs.field(default=5, validator=_amount)
    """1.1 deduction per category not recorded (R3)."""

    youth_home_points: int = attrs.field(default=15, validator=_amount)
    """1.2 full points (R4)."""
    youth_home_not_on_cloud_deduction: int = attrs.field(default=5, validator=_amount)
    """1.2 deduction when the home has not joined the cloud platform (R4)."""
    youth_home_not_standardized_deduction: int = attrs.field(default=5, validator=_amount)
    """1.2 deduction when its activities are not run to standard (R4)."""

    league_org_points: int = attrs.field(default=15, validator=_amount)
    """1.3 full points (R5)."""
    league_org_not_standardized_deduction: int = attrs.field(default=10, validator=_amount)
    """1.3 deduction when its activities are not run to standard (R5)."""

    cadres_points: int = attrs.field(default=15, validator=_amount)
    """2.1 points for complete cadre staffing, else 0 (R6)."""

    service_project_points: int = attrs.field(default=5, validator=_amount)
    """2.2 points per completed service project (R7)."""
    service_projects_cap: int = attrs.field(default=20, validator=_amount)
    """2.2 cap."""

    pairing_points: int = attrs.field(default=5, validator=_amount)
    """2.3 points per partner organisation (R8)."""
    pairings_cap: int = attrs.field(default=20, validator=_amount)
    """2.3 cap."""

    projects_points: int = attrs.field(default=40, validator=_amount)
    """3 full points, given only with a featured brand (R11)."""
    missing_month_deduction: int = attrs.field(default=10, validator=_amount)
    """3 deduction per month with no qualifying activity (R10)."""
    activity_marker: str = attrs.field(default="社区青春行动", validator=_edition)
    """3 text a qualifying activity's title must contain (R9)."""
    recommended_max_brands: int = attrs.field(default=2, validator=_amount)
    """3 more brands than this are noted, not penalised (R11)."""

    summary_points: int = attrs.field(default=10, validator=_amount)
    """4.1-4.3 points per recognised summary (R12)."""
    summary_cap: int = attrs.field(default=20, validator=_amount)
    """4.1-4.3 cap, per mechanism (R14)."""


GUIYANG_2021: Final = Rulebook(edition="guiyang-2021")
"""The Guiyang 2021 assessment measures, as the rules page restates them."""
