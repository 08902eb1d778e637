"""The checks of a community that need the communities before it: one home for every reader.

A community is read alone (its line, its element); three checks need what
came before or what comes after: a repeated id, a community of a recorded
district that carries a 1.1 list of its own, and a district record no
community is in (R18). :class:`Follow` makes them in input order, and
gathers the R18 warnings (:class:`~.._analysis.districts.DisagreementFinder`).
The JSON Lines reader, the split JSON document reader and the parallel
scorer all follow their communities with it, each naming places in its own
terms.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .._analysis.rollup import DisagreementFinder
from .._domain.district_records import DistrictCheck, DistrictRecord
from .._domain.errors import Place, Problem
from .._domain.expectations import Expected, expected_problems
from .._domain.model import Community, ModelText


@attrs.frozen
class LineResult:
    """One community line (or document element): the community, or the problems found on it.

    Args:
        line: The 1-based line number (in a JSON document: the element's index).
        community: The community, when the line is valid.
        problems: The problems, when it is not.
    """

    line: int
    community: Community | None
    problems: tuple[Problem, ...] = ()


class Follow:
    """Follows communities in input order: repeated ids, district records (R18), warnings.

    Args:
        districts: The header's district records.
        where: How to name a place: ``where(n, "id")`` is the place of field
            ``id`` of line (or element) *n*; ``where(n, "")`` the line itself.
        records: The prefix of a district record's place (``"line 1: "``).
        records_line: The line to report unused district records at.
        expected: The header's expected scores: at the end, those naming no
            community are reported at *records_line* (their places under *records*).
    """

    def __init__(
        self,
        districts: tuple[DistrictRecord, ...],
        where: Callable[[int, str], str],
        records: str = "",
        records_line: int = 1,
        expected: tuple[Expected, ...] = (),
    ) -> None:
        self.where = where
        self.records_line = records_line
        self.check = DistrictCheck(districts, where=records)
        self.finder = DisagreementFinder(record.name for record in districts)
        self._first: dict[str, int] = {}
        self.records = records
        self.expected = expected

    def __call__(self, result: LineResult, ident: object = None) -> LineResult:
        """Check one result; *ident* is the id of an element that could not be read, if any."""
        community = result.community
        if community is not None:
            ident = community.id
        if isinstance(ident, str):
            first = self._first.setdefault(ident, result.line)
            if first != result.line:
                message = ModelText.DUPLICATE_ID_AT(ident, Place(self.where(first, "")))
                problem = Problem(self.where(result.line, "id"), message)
                return LineResult(result.line, None, (*result.problems, problem))
        if community is None:
            return result
        orgs = community.org_system.county_youth_orgs
        place = self.where(result.line, "org_system.county_youth_orgs")
        found = self.check.community(result.line, community, place, bool(orgs))
        if found is not None:
            return LineResult(result.line, None, (Problem(found.place, found.message),))
        self.finder.add(community)
        return result

    def end(self) -> LineResult | None:
        """After the last community: district records and expected rows naming no community."""
        from .expected import placed

        unused = tuple(Problem(p.place, p.message) for p in self.check.unused())
        unknown = expected_problems(self.expected, None, self._first, repeats=False)
        unused += tuple(placed(unknown, f"{self.records}expected"))
        return LineResult(self.records_line, None, unused) if unused else None
