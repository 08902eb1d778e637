"""The strict converter: FORMAT.md in and out, every problem with its JSON path."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.malformed import delete_at as _delete
from tests.malformed import set_at as _set
from youthaction_scoring import (
    Assessment,
    InputError,
    dumps_assessment,
    loads_assessment,
)

FORMAT_EXAMPLE: dict[str, Any] = {
    "format": "youthaction-scoring/1",
    "period": {"start": "2021-11", "end": "2022-04"},
    "communities": [
        {
            "id": "nm-xinhua",
            "name": "新华路社区",
            "district": "南明区",
            "pilot_level": "national",
            "org_system": {
                "county_youth_orgs": [
                    "volunteer_service",
                    "entrepreneurship_employment",
                    "culture_arts_sports",
                ],
                "youth_home": {"on_cloud_platform": True, "activities_standardized": True},
                "league_org": {"activities_standardized": True},
            },
            "workforce": {
                "cadres": {"full_time": 1, "seconded": 1, "part_time": 3},
                "service_projects": [
                    {
                        "title": "四点半课堂",
                        "organisation": "南明区青年志愿者协会",
                        "completed_on": "2021-12-18",
                    }
                ],
                "pairings": [
                    {
                        "partner": "贵州大学青年志愿者协会",
                        "partner_kind": "university",
                        "date": "2021-11-20",
                    }
                ],
            },
            "projects": {
                "brands": ["harmonious", "drug_free"],
                "activities": [
                    {
                        "title": "社区青春行动·垃圾分类青春助力",
                        "date": "2021-11-13",
                        "reported": True,
                    }
                ],
            },
            "mechanisms": {
                "summaries": [
                    {
                        "title": "南明区社区团组织社会化运作综述",
                        "mechanism": "socialized_operation",
                        "date": "2022-01-10",
                        "recognitions": [
                            {"kind": "leader_instruction", "level": "municipal"},
                            {"kind": "media_publication", "outlet": "贵阳日报"},
                        ],
                    }
                ]
            },
        }
    ],
}
"""FORMAT.md's example community, in its example assessment."""

C = "communities[0]"

Mutation = Callable[[dict[str, Any]], None]


def _duplicate_community(doc: dict[str, Any]) -> None:
    doc["communities"].append(copy.deepcopy(doc["communities"][0]))


MALFORMED: list[tuple[str, Mutation, str, str]] = [
    ("unknown top-level key", _set("extra", 1), "extra", "unknown field"),
    (
        "misspelt community key",
        _set(f"{C}.pilot_levle", "national"),
        f"{C}.pilot_levle",
        "unknown field",
    ),
    (
        "unknown nested key",
        _set(f"{C}.workforce.cadres.interns", 2),
        f"{C}.workforce.cadres.interns",
        "unknown field",
    ),
    (
        "unknown key in a record",
        _set(f"{C}.projects.activities[0].place", "x"),
        f"{C}.projects.activities[0].place",
        "unknown field",
    ),
    (
        "boolean as text",
        _set(f"{C}.projects.activities[0].reported", "yes"),
        f"{C}.projects.activities[0].reported",
        "must be true or false",
    ),
    (
        "boolean as number",
        _set(f"{C}.org_system.league_org.activities_standardized", 1),
        f"{C}.org_system.league_org.activities_standardized",
        "must be true or false",
    ),
    (
        "count as text",
        _set(f"{C}.workforce.cadres.full_time", "3"),
        f"{C}.workforce.cadres.full_time",
        "must be a whole number",
    ),
    (
        "count as boolean",
        _set(f"{C}.workforce.cadres.seconded", True),
        f"{C}.workforce.cadres.seconded",
        "must be a whole number",
    ),
    (
        "count as fraction",
        _set(f"{C}.workforce.cadres.part_time", 1.5),
        f"{C}.workforce.cadres.part_time",
        "must be a whole number",
    ),
    (
        "count as float",
        _set(f"{C}.workforce.cadres.part_time", 1.0),
        f"{C}.workforce.cadres.part_time",
        "must be a whole number",
    ),
    (
        "negative count",
        _set(f"{C}.workforce.cadres.full_time", -1),
        f"{C}.workforce.cadres.full_time",
        "must be >= 0, got -1",
    ),
    (
        "unknown pilot level",
        _set(f"{C}.pilot_level", "city"),
        f"{C}.pilot_level",
        "unknown code 'city'",
    ),
    (
        "Chinese label where a code is required",
        _set(f"{C}.pilot_level", "全国首批"),
        f"{C}.pilot_level",
        "unknown code",
    ),
    (
        "unknown brand",
        _set(f"{C}.projects.brands[1]", "happy"),
        f"{C}.projects.brands[1]",
        "unknown code 'happy'",
    ),
    (
        "repeated brand",
        _set(f"{C}.projects.brands", ["harmonious", "harmonious"]),
        f"{C}.projects.brands",
        "'harmonious' is repeated",
    ),
    (
        "repeated category",
        _set(f"{C}.org_system.county_youth_orgs", ["volunteer_service", "volunteer_service"]),
        f"{C}.org_system.county_youth_orgs",
        "is repeated",
    ),
    (
        "unknown partner kind",
        _set(f"{C}.workforce.pairings[0].partner_kind", "school"),
        f"{C}.workforce.pairings[0].partner_kind",
        "unknown code",
    ),
    (
        "unknown mechanism",
        _set(f"{C}.mechanisms.summaries[0].mechanism", "x"),
        f"{C}.mechanisms.summaries[0].mechanism",
        "unknown code",
    ),
    (
        "unknown recognition kind",
        _set(f"{C}.mechanisms.summaries[0].recognitions[0].kind", "award"),
        f"{C}.mechanisms.summaries[0].recognitions[0].kind",
        "unknown code 'award'",
    ),
    (
        "recognition without kind",
        _set(f"{C}.mechanisms.summaries[0].recognitions[0]", {"level": "central"}),
        f"{C}.mechanisms.summaries[0].recognitions[0].kind",
        "required field missing",
    ),
    (
        "unknown leader level",
        _set(f"{C}.mechanisms.summaries[0].recognitions[0].level", "county"),
        f"{C}.mechanisms.summaries[0].recognitions[0].level",
        "unknown code",
    ),
    (
        "outlet on an instruction",
        _set(f"{C}.mechanisms.summaries[0].recognitions[0].outlet", "x"),
        f"{C}.mechanisms.summaries[0].recognitions[0].outlet",
        "unknown field",
    ),
    (
        "blank outlet",
        _set(f"{C}.mechanisms.summaries[0].recognitions[1].outlet", " "),
        f"{C}.mechanisms.summaries[0].recognitions[1].outlet",
        "must not be blank",
    ),
    ("empty name", _set(f"{C}.name", ""), f"{C}.name", "must not be blank"),
    ("blank district", _set(f"{C}.district", " \u3000\n"), f"{C}.district", "must not be blank"),
    (
        "number as title",
        _set(f"{C}.workforce.service_projects[0].title", 12),
        f"{C}.workforce.service_projects[0].title",
        "must be text",
    ),
    (
        "impossible date",
        _set(f"{C}.projects.activities[0].date", "2022-02-29"),
        f"{C}.projects.activities[0].date",
        "is not a real date",
    ),
    (
        "date with time",
        _set(f"{C}.projects.activities[0].date", "2021-11-13T10:00"),
        f"{C}.projects.activities[0].date",
        "YYYY-MM-DD",
    ),
    (
        "compact date",
        _set(f"{C}.workforce.pairings[0].date", "20211120"),
        f"{C}.workforce.pairings[0].date",
        "YYYY-MM-DD",
    ),
    (
        "date in full-width digits",
        _set(f"{C}.projects.activities[0].date", "２０２１-１１-１３"),
        f"{C}.projects.activities[0].date",
        "YYYY-MM-DD",
    ),
    ("month in full-width digits", _set("period.end", "２０２２-０４"), "period.end", "YYYY-MM"),
    (
        "date as number",
        _set(f"{C}.workforce.service_projects[0].completed_on", 20211218),
        f"{C}.workforce.service_projects[0].completed_on",
        "YYYY-MM-DD",
    ),
    ("missing id", _delete(f"{C}.id"), f"{C}.id", "required field missing"),
    (
        "missing pilot level",
        _delete(f"{C}.pilot_level"),
        f"{C}.pilot_level",
        "required field missing",
    ),
    (
        "missing reported",
        _delete(f"{C}.projects.activities[0].reported"),
        f"{C}.projects.activities[0].reported",
        "required field missing",
    ),
    ("null section", _set(f"{C}.workforce", None), f"{C}.workforce", "must be an object, got null"),
    (
        "null list",
        _set(f"{C}.projects.brands", None),
        f"{C}.projects.brands",
        "must be a list, got null",
    ),
    (
        "text where a list belongs",
        _set(f"{C}.projects.brands", "harmonious"),
        f"{C}.projects.brands",
        "must be a list",
    ),
    (
        "list where an object belongs",
        _set(f"{C}.org_system.youth_home", []),
        f"{C}.org_system.youth_home",
        "must be an object",
    ),
    ("community that is not an object", _set(f"{C}", "nm-xinhua"), C, "must be an object"),
    ("communities not a list", _set("communities", {}), "communities", "must be a list"),
    (
        "duplicate community id",
        _duplicate_community,
        "communities[1].id",
        "duplicate community id 'nm-xinhua'",
    ),
    ("unknown format", _set("format", "youthaction-scoring/2"), "format", "unsupported format"),
    ("missing format", _delete("format"), "format", "required field missing"),
    (
        "reversed period",
        _set("period", {"start": "2022-04", "end": "2021-11"}),
        "period.start",
        "is after end",
    ),
    ("impossible month", _set("period.end", "2022-13"), "period.end", "not a real month"),
    ("month with a day", _set("period.start", "2021-11-01"), "period.start", "YYYY-MM"),
    ("missing period", _delete("period"), "period", "required field missing"),
    ("unknown period key", _set("period.length", 6), "period.length", "unknown field"),
    ("description not text", _set("description", 5), "description", "must be text"),
    ("blank description", _set("description", ""), "description", "must not be blank"),
    ("null description", _set("description", None), "description", "must be text, got null"),
]


@pytest.mark.parametrize(
    ("mutate", "place", "fragment"),
    [pytest.param(m, p, f, id=name) for name, m, p, f in MALFORMED],
)
def test_malformed_input_is_refused_with_its_place(
    mutate: Mutation, place: str, fragment: str
) -> None:
    """Each kind of malformed input is refused, naming the JSON path and the problem."""
    doc = copy.deepcopy(FORMAT_EXAMPLE)
    mutate(doc)
    with pytest.raises(InputError) as caught:
        loads_assessment(json.dumps(doc))
    matching = [p for p in caught.value.problems if p.place == place]
    assert matching, f"no problem at {place}: {caught.value.problems}"
    assert any(fragment in p.message.en for p in matching), matching


def test_all_problems_are_collected_in_one_pass() -> None:
    """Problems in several communities and fields are all reported together."""
    doc = copy.deepcopy(FORMAT_EXAMPLE)
    for mutate in (m for _, m, _, _ in MALFORMED[:12]):
        mutate(doc)
    doc["communities"].append({"id": "x", "name": "", "district": "d", "pilot_level": "national"})
    with pytest.raises(InputError) as caught:
        loads_assessment(json.dumps(doc))
    places = {p.place for p in caught.value.problems}
    assert {"extra", f"{C}.workforce.cadres.full_time", "communities[1].name"} <= places
    assert len(caught.value.problems) == len(places) >= 10


def test_problem_text_is_place_colon_message() -> None:
    """A problem reads as FORMAT.md shows: ``path: message``."""
    doc = copy.deepcopy(FORMAT_EXAMPLE)
    doc["communities"][0]["workforce"]["cadres"]["full_time"] = -1
    with pytest.raises(InputError) as caught:
        loads_assessment(json.dumps(doc))
    expected = "communities[0].workforce.cadres.full_time: must be >= 0, got -1"
    assert [expected] == [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "place", "fragment"),
    [
        ('{"format": "youthaction-scoring/1",', "line 1 column 36", "invalid JSON"),
        ('{"a": NaN}', "", "NaN is not allowed"),
        ('{"format": "x", "format": "y"}', "format", "key appears more than once"),
        ("[1, 2]", "", "must be an object"),
    ],
)
def test_bad_json_is_refused_with_its_place(text: str, place: str, fragment: str) -> None:
    """Syntax errors, NaN, repeated keys and a non-object document are refused."""
    with pytest.raises(InputError) as caught:
        loads_assessment(text)
    first = caught.value.problems[0]
    assert place == first.place
    assert fragment in first.message.en


def test_repeated_key_deep_inside_is_placed() -> None:
    """A repeated key in a community names its full path."""
    text = json.dumps(FORMAT_EXAMPLE).replace('"name": ', '"name": "a", "name": ', 1)
    with pytest.raises(InputError) as caught:
        loads_assessment(text)
    assert ["communities[0].name: key appears more than once"] == [
        str(p) for p in caught.value.problems
    ]


def test_non_utf8_is_refused() -> None:
    """Bytes that are not UTF-8 are refused without a traceback."""
    with pytest.raises(InputError, match="not UTF-8"):
        loads_assessment(b'{"format": "\xff"}')


def test_format_example_round_trips_exactly() -> None:
    """FORMAT.md's example reads and writes back to the same JSON."""
    assessment = loads_assessment(json.dumps(FORMAT_EXAMPLE))
    assert FORMAT_EXAMPLE == json.loads(dumps_assessment(assessment))


def test_absent_sections_mean_empty() -> None:
    """Absent sections and lists mean empty; absent youth_home means not built."""
    doc = {
        "format": "youthaction-scoring/1",
        "period": {"start": "2021-11", "end": "2021-11"},
        "communities": [
            {"id": "a", "name": "A", "district": "南明区", "pilot_level": "provincial"}
        ],
    }
    community = loads_assessment(json.dumps(doc)).communities[0]
    assert community.org_system.youth_home is None
    assert (0, 0, 0) == (
        community.workforce.cadres.full_time,
        community.workforce.cadres.seconded,
        community.workforce.cadres.part_time,
    )
    assert () == community.projects.activities


def test_absent_cadre_count_means_zero() -> None:
    """A cadre count left out of the cadres object counts as zero (absent means empty)."""
    doc = copy.deepcopy(FORMAT_EXAMPLE)
    doc["communities"][0]["workforce"]["cadres"] = {"full_time": 2}
    cadres = loads_assessment(json.dumps(doc)).communities[0].workforce.cadres
    assert (2, 0, 0) == (cadres.full_time, cadres.seconded, cadres.part_time)


def test_null_youth_home_means_not_built() -> None:
    """``youth_home: null`` is allowed and means not built."""
    doc = copy.deepcopy(FORMAT_EXAMPLE)
    doc["communities"][0]["org_system"]["youth_home"] = None
    assert loads_assessment(json.dumps(doc)).communities[0].org_system.youth_home is None


def test_absent_communities_is_an_empty_assessment() -> None:
    """An assessment without a communities list has no communities."""
    doc = {"format": "youthaction-scoring/1", "period": {"start": "2021-11", "end": "2022-04"}}
    assert () == loads_assessment(json.dumps(doc)).communities


def test_text_is_kept_exactly() -> None:
    """Surrounding spaces, line breaks and leading zeros survive unchanged."""
    doc = copy.deepcopy(FORMAT_EXAMPLE)
    doc["communities"][0]["name"] = "  0012\n=1+1 "
    assessment = loads_assessment(json.dumps(doc))
    assert "  0012\n=1+1 " == assessment.communities[0].name


def test_assessment_refuses_duplicate_ids_at_construction() -> None:
    """The model itself refuses duplicate community ids."""
    community = loads_assessment(json.dumps(FORMAT_EXAMPLE)).communities[0]
    period = loads_assessment(json.dumps(FORMAT_EXAMPLE)).period
    with pytest.raises(ValueError, match="duplicate community id"):
        Assessment(period=period, communities=(community, community))


def test_input_error_needs_a_problem() -> None:
    """An InputError without problems is a programming error."""
    with pytest.raises(ValueError, match="at least one problem"):
        InputError([])
