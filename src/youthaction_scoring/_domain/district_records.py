"""District records (R18) and their checks against the communities: the one home of both.

Clause 1.1 is a fact of the district. A :class:`DistrictRecord` holds what a
district league committee has recorded; :class:`DistrictCheck` follows
communities one at a time against the records (a stream does, too), and
:func:`district_problems` checks a whole assessment. Every reader places the
problems in its own terms (a JSON path, a line, a cell).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from .checks import all_of as _all_of
from .checks import no_repeats as _no_repeats
from .checks import text as _text
from .checks import tuple_of as _tuple_of
from .codes import CountyOrgCategory
from .errors import Place
from .messages import Message, Text
from .normalize import compare_key

if TYPE_CHECKING:  # the model imports this module; its communities are only read here
    from .model import Community


@attrs.frozen
class DistrictRecord:
    """What a district league committee has recorded for all its communities (R18).

    Args:
        name: The district (区(市、县)), as communities name it in ``district``.
        county_youth_orgs: Categories of county-level league youth social
            organisation it has recorded (clause 1.1); no repeats.
    """

    name: str = attrs.field(validator=_text)
    county_youth_orgs: tuple[CountyOrgCategory, ...] = attrs.field(
        default=(), validator=_all_of(_tuple_of(CountyOrgCategory), _no_repeats)
    )


@attrs.frozen
class DistrictProblem:
    """A conflict between district records and communities (R18), with what it concerns.

    Args:
        kind: ``"repeated"`` (a district name recorded twice), ``"unused"`` (a
            record with no community) or ``"carries"`` (a community of a
            recorded district with a 1.1 list of its own).
        district: The index of the record concerned.
        community: The index of the community, for ``"carries"``.
        place: Where, as a path (``districts[1].name``,
            ``communities[3].org_system.county_youth_orgs``).
        message: What is wrong.
    """

    kind: str
    district: int
    community: int | None
    place: str
    message: Message


class DistrictText(Text):
    """The texts of the R18 checks."""

    REPEATED = ("区县“{0}”重复（首次出现在 {1}）", "duplicate district {0!r} (first at {1})")
    CARRIES = (
        "区县“{0}”已在 {1} 记录，该记录为其所有社区给出第1.1条；请删除此处的列表",
        "district {0!r} is recorded at {1}, which gives clause 1.1 for all its communities;"
        " remove this list",
    )
    UNUSED = ("没有社区属于区县“{0}”", "no community is in district {0!r}")


class DistrictCheck:
    """Follows communities one at a time against district records (R18): streams use it too.

    District names are compared as names are (R22: :func:`~.normalize.compare_key`),
    so ``南明区``, ``南明 区`` and ``南明区`` with a zero-width space are one district.

    Args:
        districts: The district records, in order.
        where: Prefix of a record's place (``"line 1: "`` in a JSON Lines header).
    """

    def __init__(self, districts: Iterable[DistrictRecord], where: str = "") -> None:
        self.where = where
        self.recorded: dict[str, int] = {}
        """The index of each district's first record, by the name's comparison key (R22)."""
        self.names: list[str] = []
        self.repeated: list[DistrictProblem] = []
        for index, record in enumerate(districts):
            self.names.append(record.name)
            first = self.recorded.setdefault(compare_key(record.name), index)
            if first != index:
                message = DistrictText.REPEATED(record.name, Place(f"districts[{first}]"))
                self.repeated.append(
                    DistrictProblem("repeated", index, None, f"districts[{index}].name", message)
                )
        self._seen: set[str] = set()

    def community(
        self, index: int, community: Community, place: str, carries: bool
    ) -> DistrictProblem | None:
        """Note a community; the problem when it carries a list in a recorded district."""
        key = compare_key(community.district)
        where = self.recorded.get(key)
        if where is None:
            return None
        self._seen.add(key)
        if not carries:
            return None
        message = DistrictText.CARRIES(
            self.names[where], Place(f"{self.where}districts[{where}]"), rule="R18"
        )
        return DistrictProblem("carries", where, index, place, message)

    def unused(self) -> list[DistrictProblem]:
        """The records no community noted so far is in (every one, at the end)."""
        return [
            DistrictProblem(
                "unused",
                i,
                None,
                f"{self.where}districts[{i}]",
                DistrictText.UNUSED(self.names[i]),
            )
            for key, i in self.recorded.items()
            if key not in self._seen
        ]


def district_problems(
    districts: Iterable[DistrictRecord],
    communities: Iterable[Community],
    carries: Callable[[int, Community], bool] | None = None,
) -> list[DistrictProblem]:
    """Check district records against the communities (R18).

    Args:
        districts: The district records, in order.
        communities: The communities, in order.
        carries: Whether the community at an index carries its own 1.1 list
            (by default: a non-empty ``county_youth_orgs``; a register says
            whether it has rows of its own).

    Returns:
        Every problem (:class:`DistrictProblem`): those of the records (a
        repeated name, a record with no community) in record order, then
        those of the communities in community order.
    """
    check = DistrictCheck(districts)
    has = carries or (lambda _i, c: bool(c.org_system.county_youth_orgs))
    found = [
        check.community(i, c, f"communities[{i}].org_system.county_youth_orgs", has(i, c))
        for i, c in enumerate(communities)
    ]
    records = sorted([*check.repeated, *check.unused()], key=lambda p: p.district)
    return [*records, *(p for p in found if p is not None)]


def records_by_key(records: Iterable[DistrictRecord]) -> dict[str, DistrictRecord]:
    """The district records by the comparison key of their names (R22), the first of each.

    Look a community's district up with ``compare_key(community.district)``.
    """
    found: dict[str, DistrictRecord] = {}
    for record in records:
        found.setdefault(compare_key(record.name), record)
    return found
