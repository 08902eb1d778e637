"""A fast validating structurer for one community, with the converter as its referee.

:func:`community_from_json` turns one JSON Lines community line into a
:class:`~._model.Community` several times faster than parsing with
:func:`~._jsonio.parse_json` and structuring with the cattrs converter of
:mod:`._converter`. It is exactly as strict, by construction:

* It accepts only input that is valid in every respect (the shapes, types,
  codes, counts, texts and dates of FORMAT.md). The moment anything is off —
  an unknown or missing key, a wrong type, a blank text, a repeated code, an
  impossible date, a repeated key, bytes that are not UTF-8, JSON that its
  parser refuses — it gives up and returns ``None``.
* The caller then runs the converter path, which is the single authority for
  *what* is wrong and *where*: the problems a user sees are always the
  converter's own, word for word and place for place.
* For valid input the objects it builds are equal to the converter's
  (checked by the tests with a malformed-input battery and with Hypothesis).

Objects are built without re-running the attrs validators, because every
value has already been checked here with the same predicates
(:func:`~._model.text_problem` and friends are mirrored inline).

Repeated keys: ``orjson`` and ``json.loads`` silently keep the last of two
equal keys in one object, which the core refuses. Every key in JSON text is
followed by exactly one ``:`` outside any string, and no other ``:`` can occur
outside strings (UTF-8 continuation bytes are never ``0x3A``), so the number
of ``:`` bytes in the line is at least the number of keys written, which is
at least the number of keys parsed. When the line's ``:`` count equals the
number of keys in the parsed objects, no key was repeated; otherwise (a
repeat, or merely a ``:`` inside some text) the converter path decides.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any, Final

from .._domain.codes import (
    Brand,
    CountyOrgCategory,
    LeaderLevel,
    Mechanism,
    PartnerKind,
    PilotLevel,
)
from .._domain.model import (
    Activity,
    Cadres,
    Community,
    LeaderInstruction,
    LeagueOrg,
    Mechanisms,
    MediaPublication,
    OrgSystem,
    Pairing,
    Projects,
    Recognition,
    ServiceProject,
    Summary,
    Workforce,
    YouthHome,
)

try:  # pragma: no cover - which branch runs depends on the environment
    import orjson as _orjson
except ImportError:  # pragma: no cover
    _orjson = None  # type: ignore[assignment]
orjson: Any = _orjson


class _Reject(Exception):  # noqa: N818 - a private signal, not an error type
    """Raised inside the fast path to give up and let the converter decide."""


_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATES: dict[str, dt.date] = {}
_DATE_CACHE_MAX: Final = 20_000

_set = object.__setattr__
_new = object.__new__


def _loads_stdlib(line: bytes) -> Any:
    # json.loads(bytes) would let encoded surrogates through ("surrogatepass")
    # and skip a byte-order mark; the core refuses the first and allows the
    # second only through its own decoding, so decode strictly here and let
    # anything unusual go to the converter path.
    return json.loads(line.decode("utf-8"))


_loads: Callable[[bytes], Any] = _loads_stdlib
_LOAD_ERRORS: tuple[type[Exception], ...] = (ValueError,)


def use_orjson(enabled: bool) -> None:
    """Choose the JSON parser of the fast path (tests run both).

    Args:
        enabled: ``True`` for ``orjson`` (when installed), ``False`` for the
            standard library.
    """
    global _loads, _LOAD_ERRORS
    if enabled and orjson is not None:
        _loads, _LOAD_ERRORS = orjson.loads, (orjson.JSONDecodeError,)
    else:
        _loads, _LOAD_ERRORS = _loads_stdlib, (ValueError,)


use_orjson(True)


class _Counter:
    """Counts the keys of every object the fast path visits."""

    __slots__ = ("keys",)

    def __init__(self) -> None:
        self.keys = 0


def _obj(value: object, allowed: frozenset[str], counter: _Counter) -> dict[str, Any]:
    if type(value) is not dict or not value.keys() <= allowed:
        raise _Reject
    counter.keys += len(value)
    return value


def _record(value: object, fields: frozenset[str], counter: _Counter) -> dict[str, Any]:
    """An object that must have exactly *fields*."""
    if type(value) is not dict or value.keys() != fields:
        raise _Reject
    counter.keys += len(fields)
    return value


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise _Reject
    return value


def _text(value: object) -> str:
    if type(value) is not str or not value.strip():
        raise _Reject
    return value


def _count(value: object) -> int:
    if type(value) is not int or value < 0:
        raise _Reject
    return value


def _bool(value: object) -> bool:
    if type(value) is not bool:
        raise _Reject
    return value


def _date(value: object) -> dt.date:
    if type(value) is not str:
        raise _Reject
    day = _DATES.get(value)
    if day is None:
        if not _DATE_RE.fullmatch(value):
            raise _Reject
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise _Reject from None
        if len(_DATES) < _DATE_CACHE_MAX:
            _DATES[value] = day
    return day


def _code(value: object, members: dict[Any, Any]) -> Any:
    if type(value) is not str:
        raise _Reject
    member = members.get(value)
    if member is None:
        raise _Reject
    return member


def _codes(value: object, members: dict[Any, Any]) -> tuple[Any, ...]:
    items = _list(value)
    out = tuple(_code(v, members) for v in items)
    if len(set(out)) != len(out):
        raise _Reject
    return out


_PILOT = PilotLevel._value2member_map_
_CATEGORY = CountyOrgCategory._value2member_map_
_PARTNER = PartnerKind._value2member_map_
_BRAND = Brand._value2member_map_
_MECHANISM = Mechanism._value2member_map_
_LEVEL = LeaderLevel._value2member_map_

_COMMUNITY_KEYS: Final = frozenset(
    ("id", "name", "district", "pilot_level", "org_system", "workforce", "projects", "mechanisms")
)
_ORG_KEYS: Final = frozenset(("county_youth_orgs", "youth_home", "league_org"))
_HOME_KEYS: Final = frozenset(("on_cloud_platform", "activities_standardized"))
_LEAGUE_KEYS: Final = frozenset(("activities_standardized",))
_WORKFORCE_KEYS: Final = frozenset(("cadres", "service_projects", "pairings"))
_CADRE_KEYS: Final = frozenset(("full_time", "seconded", "part_time"))
_PROJECT_KEYS: Final = frozenset(("title", "organisation", "completed_on"))
_PAIRING_KEYS: Final = frozenset(("partner", "partner_kind", "date"))
_PROJECTS_KEYS: Final = frozenset(("brands", "activities"))
_ACTIVITY_KEYS: Final = frozenset(("title", "date", "reported"))
_MECHANISMS_KEYS: Final = frozenset(("summaries",))
_SUMMARY_KEYS: Final = frozenset(("title", "mechanism", "date", "recognitions"))
_INSTRUCTION_KEYS: Final = frozenset(("kind", "level"))
_PUBLICATION_KEYS: Final = frozenset(("kind", "outlet"))
_RECOGNITION_KEYS: Final = _INSTRUCTION_KEYS | _PUBLICATION_KEYS

_NO_CADRES: Final = Cadres()
_NO_ORG_SYSTEM: Final = OrgSystem()
_NO_WORKFORCE: Final = Workforce()
_NO_PROJECTS: Final = Projects()
_NO_MECHANISMS: Final = Mechanisms()


def _org_system(value: object, counter: _Counter) -> OrgSystem:
    raw = _obj(value, _ORG_KEYS, counter)
    orgs = _codes(raw["county_youth_orgs"], _CATEGORY) if "county_youth_orgs" in raw else ()
    home = raw.get("youth_home")
    if home is not None:
        h = _record(home, _HOME_KEYS, counter)
        home = _new(YouthHome)
        _set(home, "on_cloud_platform", _bool(h["on_cloud_platform"]))
        _set(home, "activities_standardized", _bool(h["activities_standardized"]))
    league = raw.get("league_org")
    if league is not None:
        g = _record(league, _LEAGUE_KEYS, counter)
        league = _new(LeagueOrg)
        _set(league, "activities_standardized", _bool(g["activities_standardized"]))
    out = _new(OrgSystem)
    _set(out, "county_youth_orgs", orgs)
    _set(out, "youth_home", home)
    _set(out, "league_org", league)
    return out


def _cadres(value: object, counter: _Counter) -> Cadres:
    raw = _obj(value, _CADRE_KEYS, counter)
    out = _new(Cadres)
    _set(out, "full_time", _count(raw["full_time"]) if "full_time" in raw else 0)
    _set(out, "seconded", _count(raw["seconded"]) if "seconded" in raw else 0)
    _set(out, "part_time", _count(raw["part_time"]) if "part_time" in raw else 0)
    return out


def _service_project(value: object, counter: _Counter) -> ServiceProject:
    # The checks of _text and _date, inlined: this runs for every record.
    raw = _record(value, _PROJECT_KEYS, counter)
    title, organisation, day = raw["title"], raw["organisation"], raw["completed_on"]
    if type(title) is not str or not title.strip():
        raise _Reject
    if type(organisation) is not str or not organisation.strip():
        raise _Reject
    out = _new(ServiceProject)
    _set(out, "title", title)
    _set(out, "organisation", organisation)
    _set(out, "completed_on", (_DATES.get(day) if type(day) is str else None) or _date(day))
    return out


def _pairing(value: object, counter: _Counter) -> Pairing:
    raw = _record(value, _PAIRING_KEYS, counter)
    partner, kind, day = raw["partner"], raw["partner_kind"], raw["date"]
    if type(partner) is not str or not partner.strip():
        raise _Reject
    out = _new(Pairing)
    _set(out, "partner", partner)
    _set(out, "partner_kind", _code(kind, _PARTNER))
    _set(out, "date", (_DATES.get(day) if type(day) is str else None) or _date(day))
    return out


def _workforce(value: object, counter: _Counter) -> Workforce:
    raw = _obj(value, _WORKFORCE_KEYS, counter)
    out = _new(Workforce)
    _set(out, "cadres", _cadres(raw["cadres"], counter) if "cadres" in raw else _NO_CADRES)
    _set(
        out,
        "service_projects",
        tuple([_service_project(v, counter) for v in _list(raw["service_projects"])])
        if "service_projects" in raw
        else (),
    )
    _set(
        out,
        "pairings",
        tuple([_pairing(v, counter) for v in _list(raw["pairings"])]) if "pairings" in raw else (),
    )
    return out


def _activity(value: object, counter: _Counter) -> Activity:
    raw = _record(value, _ACTIVITY_KEYS, counter)
    title, day, reported = raw["title"], raw["date"], raw["reported"]
    if type(title) is not str or not title.strip() or type(reported) is not bool:
        raise _Reject
    out = _new(Activity)
    _set(out, "title", title)
    _set(out, "date", (_DATES.get(day) if type(day) is str else None) or _date(day))
    _set(out, "reported", reported)
    return out


def _projects(value: object, counter: _Counter) -> Projects:
    raw = _obj(value, _PROJECTS_KEYS, counter)
    out = _new(Projects)
    _set(out, "brands", _codes(raw["brands"], _BRAND) if "brands" in raw else ())
    _set(
        out,
        "activities",
        tuple([_activity(v, counter) for v in _list(raw["activities"])])
        if "activities" in raw
        else (),
    )
    return out


def _recognition(value: object, counter: _Counter) -> Recognition:
    raw = _obj(value, _RECOGNITION_KEYS, counter)
    if len(raw) != 2:
        raise _Reject
    kind = raw["kind"]
    if kind == "leader_instruction" and "level" in raw:
        instruction = _new(LeaderInstruction)
        _set(instruction, "level", _code(raw["level"], _LEVEL))
        return instruction
    if kind == "media_publication" and "outlet" in raw:
        publication = _new(MediaPublication)
        _set(publication, "outlet", _text(raw["outlet"]))
        return publication
    raise _Reject


def _summary(value: object, counter: _Counter) -> Summary:
    raw = _obj(value, _SUMMARY_KEYS, counter)
    if "title" not in raw or "mechanism" not in raw or "date" not in raw:
        raise _Reject
    title, day = raw["title"], raw["date"]
    if type(title) is not str or not title.strip():
        raise _Reject
    out = _new(Summary)
    _set(out, "title", title)
    _set(out, "mechanism", _code(raw["mechanism"], _MECHANISM))
    _set(out, "date", (_DATES.get(day) if type(day) is str else None) or _date(day))
    _set(
        out,
        "recognitions",
        tuple([_recognition(v, counter) for v in _list(raw["recognitions"])])
        if "recognitions" in raw
        else (),
    )
    return out


def _mechanisms(value: object, counter: _Counter) -> Mechanisms:
    raw = _obj(value, _MECHANISMS_KEYS, counter)
    out = _new(Mechanisms)
    _set(
        out,
        "summaries",
        tuple([_summary(v, counter) for v in _list(raw["summaries"])])
        if "summaries" in raw
        else (),
    )
    return out


def _community(value: object, counter: _Counter) -> Community:
    raw = _obj(value, _COMMUNITY_KEYS, counter)
    out = _new(Community)
    _set(out, "id", _text(raw["id"]))
    _set(out, "name", _text(raw["name"]))
    _set(out, "district", _text(raw["district"]))
    _set(out, "pilot_level", _code(raw["pilot_level"], _PILOT))
    _set(
        out,
        "org_system",
        _org_system(raw["org_system"], counter) if "org_system" in raw else _NO_ORG_SYSTEM,
    )
    _set(
        out,
        "workforce",
        _workforce(raw["workforce"], counter) if "workforce" in raw else _NO_WORKFORCE,
    )
    _set(
        out, "projects", _projects(raw["projects"], counter) if "projects" in raw else _NO_PROJECTS
    )
    _set(
        out,
        "mechanisms",
        _mechanisms(raw["mechanisms"], counter) if "mechanisms" in raw else _NO_MECHANISMS,
    )
    return out


def community_from_value(value: object) -> Community | None:
    """Structure parsed JSON into a community if it is valid in every respect.

    Args:
        value: Parsed JSON (dicts, lists, text, numbers, booleans, ``None``).

    Returns:
        The community, equal to what the converter would build; ``None`` when
        anything at all is wrong or unusual (then use the converter, which
        says what and where).
    """
    try:
        return _community(value, _Counter())
    except (_Reject, KeyError):
        return None


def community_from_json(line: bytes) -> Community | None:
    """Parse and structure one JSON community if it is valid in every respect.

    Args:
        line: One community as UTF-8 JSON (a JSON Lines line).

    Returns:
        The community; ``None`` when anything at all is wrong or unusual,
        including a repeated key (then use the converter path, which says what
        and where).
    """
    try:
        value = _loads(line)
        counter = _Counter()
        community = _community(value, counter)
    except (_Reject, KeyError, RecursionError, UnicodeDecodeError):
        return None
    except _LOAD_ERRORS:
        return None
    if line.count(b":") != counter.keys:
        return None
    return community
