"""The records behind a self-check's difference from the verified data (issue 23).

A community's self-check (自查) and the committee's verified data (验收) are
two assessments of one community. Where they differ, this names the records
and facts that differ, per item: which activities, projects, pairings or
summaries one side holds and the other does not (records compared by their
identity, as R15 compares titles), which it holds with other particulars (a
date, whether it was reported, a recognition), and which facts — the
district's organisations (1.1, R18), the Youth Home, the league organisation,
the cadres, the brands — differ.

A record's identity is what the rules count once: a service project its title
and organisation (R7, R20), a pairing its partner (R8), a summary its title
and mechanism (R13), an activity its title and day (R9, R10). Records and
facts are given as JSON-ready field mappings (the interchange format's field
names and codes), so every front end shows them the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, Final

import attrs

from .._domain.codes import CodedEnum, ItemCode, Mechanism, RecordKind
from .._domain.model import Community
from .._domain.normalize import compare_key

MECHANISM_ITEM: Final = {
    Mechanism.SOCIALIZED_OPERATION: ItemCode.C4_1,
    Mechanism.PROJECT_MANAGEMENT: ItemCode.C4_2,
    Mechanism.INFORMATION_SHARING: ItemCode.C4_3,
}
"""The item a summary on each mechanism counts for (R12)."""


@attrs.frozen
class RecordDifference:
    """One record (by its identity) or fact that differs between the two sides.

    Args:
        item: The item it counts for.
        kind: The kind of record; ``None`` for a fact (Youth Home, cadres, …).
        name: The fact's field name (``youth_home``), or the record's
            title or partner as the first side holding it writes it.
        a: The records of that identity on side *a* (the self-check), each as
            its fields; for a fact, its one value. Empty: side *a* lacks it.
        b: The same on side *b* (the verified data).
    """

    item: ItemCode
    kind: RecordKind | None
    name: str
    a: tuple[Any, ...]
    b: tuple[Any, ...]

    @property
    def change(self) -> str:
        """``only_a`` (claimed, not held by the other side), ``only_b``, or ``changed``."""
        if self.kind is not None and not self.b:
            return "only_a"
        if self.kind is not None and not self.a:
            return "only_b"
        return "changed"


def plain(value: object) -> Any:
    """*value* as JSON-ready data: a model record as its fields, codes for enums, ISO dates."""
    if isinstance(value, CodedEnum):
        return value.code
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if attrs.has(type(value)):
        names = [f.name for f in attrs.fields(type(value))]  # type: ignore[arg-type]  # attrs.has checked it
        fields = {name: plain(getattr(value, name)) for name in names}
        kind = getattr(type(value), "kind", None)  # a recognition's kind is its class's
        return {"kind": kind.code, **fields} if isinstance(kind, CodedEnum) else fields
    return value


_Record = tuple[ItemCode, RecordKind, Hashable, str, Any]
"""A record's item, kind, identity, shown name and fields."""


def _records(community: Community) -> Iterable[_Record]:
    key = compare_key
    for p in community.workforce.service_projects:  # R7, R20
        yield (
            ItemCode.C2_2,
            RecordKind.SERVICE_PROJECT,
            (key(p.title), key(p.organisation)),
            p.title,
            p,
        )
    for q in community.workforce.pairings:  # R8
        yield ItemCode.C2_3, RecordKind.PAIRING, key(q.partner), q.partner, q
    for a in community.projects.activities:  # R9, R10
        yield ItemCode.C3, RecordKind.ACTIVITY, (key(a.title), a.date), a.title, a
    for s in community.mechanisms.summaries:  # R12, R13
        item = MECHANISM_ITEM[s.mechanism]
        yield item, RecordKind.SUMMARY, (key(s.title), s.mechanism), s.title, s


_FACTS: Final[tuple[tuple[ItemCode, str, Callable[[Community], object]], ...]] = (
    (
        ItemCode.C1_1,
        "county_youth_orgs",
        lambda c: sorted(o.code for o in c.org_system.county_youth_orgs),
    ),
    (ItemCode.C1_2, "youth_home", lambda c: c.org_system.youth_home),
    (ItemCode.C1_3, "league_org", lambda c: c.org_system.league_org),
    (ItemCode.C2_1, "cadres", lambda c: c.workforce.cadres),
    (ItemCode.C3, "brands", lambda c: sorted(b.code for b in c.projects.brands)),
)
"""The current-state facts (R21), each with its item (1.1 as scored: from the district, R18)."""


def record_differences(a: Community, b: Community) -> tuple[RecordDifference, ...]:
    """Every record and fact in which the two sides of one community differ, in item order.

    Args:
        a: The community as side *a* records it (the self-check), 1.1 as scored
            (from its district's record, R18:
            :func:`~.score.with_district_records`).
        b: The community as side *b* records it (the verified data), likewise.

    Returns:
        The differences: per item, its facts, then its records in the order
        side *a* holds them, then those only side *b* holds. Empty when the
        two sides hold the same.
    """
    found: list[RecordDifference] = []
    for item, name, fact in _FACTS:
        left, right = plain(fact(a)), plain(fact(b))
        if left != right:
            found.append(RecordDifference(item, None, name, (left,), (right,)))
    sides: dict[tuple[ItemCode, RecordKind, Hashable], tuple[str, list[Any], list[Any]]] = {}
    for side, community in enumerate((a, b)):
        for item, kind, identity, shown, record in _records(community):
            entry = sides.setdefault((item, kind, identity), (shown, [], []))
            (entry[2] if side else entry[1]).append(plain(record))
    for (item, kind, _), (shown, left, right) in sides.items():
        if _sorted(left) != _sorted(right):
            found.append(RecordDifference(item, kind, shown, tuple(left), tuple(right)))
    order = {code: index for index, code in enumerate(ItemCode)}
    return tuple(sorted(found, key=lambda d: order[d.item]))  # stable: facts, a's, then b's


def _sorted(records: list[Mapping[str, Any]]) -> list[str]:
    """The records in an order that does not depend on how they were listed."""
    return sorted(repr(r) for r in records)
