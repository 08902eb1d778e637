"""The domain model: what a pilot community has done, as frozen values.

The classes read against the format page: a :class:`Community` has an
:class:`OrgSystem` (section 一), a :class:`Workforce` (section 二),
:class:`Projects` (section 三) and :class:`Mechanisms` (section 四). Every
class is frozen and slotted; invalid states are refused at construction with
a message that says what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from .calendar import Period
from .checks import all_of as _all_of
from .checks import count as _count
from .checks import day as _day
from .checks import identifier as _identifier
from .checks import is_ as _is
from .checks import no_repeats as _no_repeats
from .checks import optional as _optional
from .checks import text as _text
from .checks import tuple_of as _tuple_of
from .codes import (
    Brand,
    CadreKind,
    CountyOrgCategory,
    LeaderLevel,
    Mechanism,
    PartnerKind,
    PilotLevel,
    RecognitionKind,
)
from .district_records import DistrictRecord, district_problems
from .errors import Refusal
from .expectations import Expected, expected_field
from .messages import Message, Text

# --------------------------------------------------------------------------
# Section (一): organisation system.
# --------------------------------------------------------------------------


@attrs.frozen
class YouthHome:
    """A community "Y+ Youth Home" that has been built (clause 1.2, R4).

    Args:
        on_cloud_platform: It has joined the Youth Home cloud platform.
        activities_standardized: Its activities are run to standard.
    """

    on_cloud_platform: bool = attrs.field(validator=_is(bool))
    activities_standardized: bool = attrs.field(validator=_is(bool))


@attrs.frozen
class LeagueOrg:
    """A community league organisation that has been established (clause 1.3, R5).

    Args:
        activities_standardized: Its activities are run to standard.
    """

    activities_standardized: bool = attrs.field(validator=_is(bool))


@attrs.frozen
class OrgSystem:
    """Section (一), the community's league organisation system.

    Args:
        county_youth_orgs: Categories of county-level league youth social
            organisation its district league committee has recorded (1.1);
            no repeats.
        youth_home: The Y+ Youth Home, or ``None`` when not built (1.2).
        league_org: The community league organisation, or ``None`` when not
            established (1.3).
    """

    county_youth_orgs: tuple[CountyOrgCategory, ...] = attrs.field(
        default=(), validator=_all_of(_tuple_of(CountyOrgCategory), _no_repeats)
    )
    youth_home: YouthHome | None = attrs.field(default=None, validator=_optional(_is(YouthHome)))
    league_org: LeagueOrg | None = attrs.field(default=None, validator=_optional(_is(LeagueOrg)))


# --------------------------------------------------------------------------
# Section (二): workforce.
# --------------------------------------------------------------------------


@attrs.frozen
class Cadres:
    """Numbers of league cadres of each kind (clause 2.1, R6).

    Args:
        full_time: 专职 cadres, >= 0.
        seconded: 挂职 cadres, >= 0.
        part_time: 兼职 cadres, >= 0.
    """

    full_time: int = attrs.field(default=0, validator=_count)
    seconded: int = attrs.field(default=0, validator=_count)
    part_time: int = attrs.field(default=0, validator=_count)

    def count(self, kind: CadreKind) -> int:
        """Return the number of cadres of *kind*.

        Args:
            kind: A cadre kind.

        Returns:
            The count.
        """
        return int(getattr(self, kind.code))


@attrs.frozen
class ServiceProject:
    """A service project a county-level league youth organisation completed (2.2, R7).

    Args:
        title: The project's title.
        organisation: The organisation that ran it.
        completed_on: The date it was completed.
    """

    title: str = attrs.field(validator=_text)
    organisation: str = attrs.field(validator=_text)
    completed_on: dt.date = attrs.field(validator=_day)


@attrs.frozen
class Pairing:
    """A pairing with a local volunteer service organisation (2.3, R8).

    Args:
        partner: The partner organisation's name.
        partner_kind: University, enterprise or institution.
        date: The date of the pairing.
    """

    partner: str = attrs.field(validator=_text)
    partner_kind: PartnerKind = attrs.field(validator=_is(PartnerKind))
    date: dt.date = attrs.field(validator=_day)


@attrs.frozen
class Workforce:
    """Section (二), the community's league workforce.

    Args:
        cadres: Cadre numbers (2.1).
        service_projects: Completed service projects (2.2).
        pairings: Volunteer pairings (2.3).
    """

    cadres: Cadres = attrs.field(factory=Cadres, validator=_is(Cadres))
    service_projects: tuple[ServiceProject, ...] = attrs.field(
        default=(), validator=_tuple_of(ServiceProject)
    )
    pairings: tuple[Pairing, ...] = attrs.field(default=(), validator=_tuple_of(Pairing))


# --------------------------------------------------------------------------
# Section (三): youth work projects.
# --------------------------------------------------------------------------


@attrs.frozen
class Activity:
    """A special activity of the Community Youth Action (clause 3, R9).

    Args:
        title: The title under which it was reported.
        date: The day it took place.
        reported: It was reported to the city league committee.
    """

    title: str = attrs.field(validator=_text)
    date: dt.date = attrs.field(validator=_day)
    reported: bool = attrs.field(validator=_is(bool))


@attrs.frozen
class Projects:
    """Section (三), featured brands and monthly special activities.

    Args:
        brands: Featured community brands formed; no repeats (R11).
        activities: Special activities held (R9, R10).
    """

    brands: tuple[Brand, ...] = attrs.field(
        default=(), validator=_all_of(_tuple_of(Brand), _no_repeats)
    )
    activities: tuple[Activity, ...] = attrs.field(default=(), validator=_tuple_of(Activity))


# --------------------------------------------------------------------------
# Section (四): operating mechanisms.
# --------------------------------------------------------------------------


@attrs.frozen
class LeaderInstruction:
    """An instruction (批示) on a summary from a leader at some level.

    Args:
        level: Central, provincial, municipal or district.
    """

    kind: ClassVar[RecognitionKind] = RecognitionKind.LEADER_INSTRUCTION
    level: LeaderLevel = attrs.field(validator=_is(LeaderLevel))


@attrs.frozen
class MediaPublication:
    """Publication of a summary by the media (媒体刊发).

    Args:
        outlet: The outlet that published it.
    """

    kind: ClassVar[RecognitionKind] = RecognitionKind.MEDIA_PUBLICATION
    outlet: str = attrs.field(validator=_text)


Recognition: TypeAlias = LeaderInstruction | MediaPublication
"""A recognition of a summary: a leader's instruction or a media publication."""


@attrs.frozen
class Summary:
    """An information summary (信息综述) on one mechanism (section 四, R12, R13).

    Args:
        title: The summary's title.
        mechanism: The one mechanism it is about.
        date: Its date.
        recognitions: Instructions and publications it received.
    """

    title: str = attrs.field(validator=_text)
    mechanism: Mechanism = attrs.field(validator=_is(Mechanism))
    date: dt.date = attrs.field(validator=_day)
    recognitions: tuple[Recognition, ...] = attrs.field(
        default=(), validator=_tuple_of((LeaderInstruction, MediaPublication))
    )


@attrs.frozen
class Mechanisms:
    """Section (四), summaries written on the operating mechanisms.

    Args:
        summaries: Information summaries, each on one mechanism.
    """

    summaries: tuple[Summary, ...] = attrs.field(default=(), validator=_tuple_of(Summary))


# --------------------------------------------------------------------------
# The unit assessed, and an assessment.
# --------------------------------------------------------------------------


@attrs.frozen
class Community:
    """A pilot community and everything recorded for it.

    Args:
        id: Identifier, unique within an assessment.
        name: Display name, e.g. ``新华路社区``.
        district: Its district (区(市、县)); clause 1.1 is delivered there.
        pilot_level: National or provincial first batch.
        org_system: Section (一).
        workforce: Section (二).
        projects: Section (三).
        mechanisms: Section (四).
    """

    id: str = attrs.field(validator=_identifier)
    name: str = attrs.field(validator=_text)
    district: str = attrs.field(validator=_text)
    pilot_level: PilotLevel = attrs.field(validator=_is(PilotLevel))
    org_system: OrgSystem = attrs.field(factory=OrgSystem, validator=_is(OrgSystem))
    workforce: Workforce = attrs.field(factory=Workforce, validator=_is(Workforce))
    projects: Projects = attrs.field(factory=Projects, validator=_is(Projects))
    mechanisms: Mechanisms = attrs.field(factory=Mechanisms, validator=_is(Mechanisms))


def _unique_ids(
    _inst: object, _attribute: attrs.Attribute[Any], value: tuple[Community, ...]
) -> None:
    problem = duplicate_id_problem(value)
    if problem:
        raise Refusal(problem)


class ModelText(Text):
    """The texts of the assessment's own checks."""

    DUPLICATE_ID = ("社区编号“{0}”重复", "duplicate community id {0!r}")
    DUPLICATE_ID_AT = (
        "社区编号“{0}”重复（首次出现在 {1}）",
        "duplicate community id {0!r} (first at {1})",
    )


def duplicate_id_problem(communities: Iterable[Community]) -> Message | None:
    """Say which community id repeats, or return ``None``.

    Args:
        communities: Communities of one assessment.

    Returns:
        ``None`` when ids are unique, else a message.
    """
    seen: set[str] = set()
    for community in communities:
        if community.id in seen:
            return ModelText.DUPLICATE_ID(community.id)
        seen.add(community.id)
    return None


def _districts_match(
    inst: Assessment, _attribute: attrs.Attribute[Any], value: tuple[DistrictRecord, ...]
) -> None:
    problems = district_problems(value, inst.communities)
    if problems:
        raise ValueError("; ".join(f"{p.place}: {p.message.en}" for p in problems))


@attrs.frozen
class Assessment:
    """An assessment: a period and the communities assessed over it (R1).

    Args:
        period: The assessment period.
        communities: The communities, ids unique, in input order.
        description: Free text about the data set, not blank (a project
            extension of the interchange format, e.g. to say that example data is fictional).
        districts: District records (R18): a community of a recorded
            district takes clause 1.1 from its record and carries no list of
            its own; names unique, each with a community.
        expected: Scores computed by hand, for ``check`` (scoring ignores
            them): each names a community of the assessment, an as-of month
            in the period (R2), and appears once per community and month.
    """

    period: Period = attrs.field(validator=_is(Period))
    communities: tuple[Community, ...] = attrs.field(
        default=(), validator=_all_of(_tuple_of(Community), _unique_ids)
    )
    description: str | None = attrs.field(default=None, validator=_optional(_text))
    districts: tuple[DistrictRecord, ...] = attrs.field(
        default=(), validator=_all_of(_tuple_of(DistrictRecord), _districts_match)
    )
    expected: tuple[Expected, ...] = expected_field()

    def district_record(self, name: str) -> DistrictRecord | None:
        """Return the record of the district called *name*, or ``None`` (R18)."""
        for record in self.districts:
            if record.name == name:
                return record
        return None

    def community(self, community_id: str) -> Community:
        """Return the community with id *community_id*.

        Args:
            community_id: An id.

        Returns:
            The community.

        Raises:
            KeyError: No community has that id.
        """
        for community in self.communities:
            if community.id == community_id:
                return community
        raise KeyError(community_id)


CADRE_KINDS: Final = tuple(CadreKind)
RECOGNITION_CLASSES: Final[dict[RecognitionKind, type[Recognition]]] = {
    RecognitionKind.LEADER_INSTRUCTION: LeaderInstruction,
    RecognitionKind.MEDIA_PUBLICATION: MediaPublication,
}
