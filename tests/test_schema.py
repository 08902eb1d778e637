"""The JSON Schemas agree with the converter and describe the real output."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.malformed import delete_at as _delete
from tests.malformed import set_at as _set
from tests.strategies import assessments
from tests.test_converter import FORMAT_EXAMPLE
from tests.test_converter import MALFORMED as CONVERTER_BATTERY
from youthaction_scoring import (
    Assessment,
    Brand,
    CodedEnum,
    InputError,
    ItemCode,
    Month,
    json_schema,
    score_assessment,
    scorecards_to_dict,
)
from youthaction_scoring._cli import main
from youthaction_scoring._domain.checks import text_problem
from youthaction_scoring._domain.limits import FIRST_YEAR, LAST_YEAR
from youthaction_scoring._io.document import structure_assessment, unstructure_assessment
from youthaction_scoring._io.schema import (
    DATE_PATTERN,
    MONTH_PATTERN,
    NOT_IN_SCHEMA,
    TEXT_PATTERN,
    field_docs,
)
from youthaction_scoring._io.schema.common import SPACES as _SPACES

Json = Any
ASSESSMENT = json_schema("assessment")
SCORECARDS = json_schema("scorecards")
VALIDATOR = jsonschema.Draft202012Validator(
    ASSESSMENT, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
PLAIN_VALIDATOR = jsonschema.Draft202012Validator(ASSESSMENT)  # no format checking
CARDS_VALIDATOR = jsonschema.Draft202012Validator(
    SCORECARDS, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def converter_accepts(doc: Json) -> bool:
    """Tell whether the converter accepts *doc*."""
    try:
        structure_assessment(doc)
    except InputError:
        return False
    return True


def valid_document() -> dict[str, Any]:
    """A small valid assessment document with every section filled in."""
    return {
        "format": "youthaction-scoring/1",
        "period": {"start": "2021-11", "end": "2022-04"},
        "description": "Fictional example data.",
        "communities": [
            {
                "id": "nm-xinhua",
                "name": "新华路社区",
                "district": "南明区",
                "pilot_level": "national",
                "org_system": {
                    "county_youth_orgs": ["volunteer_service", "culture_arts_sports"],
                    "youth_home": {"on_cloud_platform": True, "activities_standardized": False},
                    "league_org": None,
                },
                "workforce": {
                    "cadres": {"full_time": 1, "seconded": 0, "part_time": 3},
                    "service_projects": [
                        {
                            "title": "四点半课堂",
                            "organisation": "协会",
                            "completed_on": "2021-12-18",
                        }
                    ],
                    "pairings": [
                        {"partner": "贵州大学", "partner_kind": "university", "date": "2021-11-20"}
                    ],
                },
                "projects": {
                    "brands": ["harmonious", "drug_free"],
                    "activities": [
                        {"title": "社区青春行动·助老", "date": "2021-11-13", "reported": True}
                    ],
                },
                "mechanisms": {
                    "summaries": [
                        {
                            "title": "综述",
                            "mechanism": "socialized_operation",
                            "date": "2022-01-10",
                            "recognitions": [
                                {"kind": "leader_instruction", "level": "municipal"},
                                {"kind": "media_publication", "outlet": "贵阳日报"},
                            ],
                        }
                    ]
                },
            },
            {
                "id": "yy-2",
                "name": "中华南路社区",
                "district": "云岩区",
                "pilot_level": "provincial",
            },
        ],
    }


def test_schemas_are_valid_draft_2020_12() -> None:
    """Both schemas pass the draft 2020-12 metaschema."""
    jsonschema.Draft202012Validator.check_schema(ASSESSMENT)
    jsonschema.Draft202012Validator.check_schema(SCORECARDS)
    assert "https://json-schema.org/draft/2020-12/schema" == ASSESSMENT["$schema"]


def test_valid_document_is_accepted_by_both() -> None:
    """The hand-written valid document passes the schema and the converter."""
    assert [] == list(VALIDATOR.iter_errors(valid_document()))
    assert converter_accepts(valid_document())


def test_unknown_document_is_refused() -> None:
    """Asking for a schema of an unknown document raises ValueError."""
    with pytest.raises(ValueError, match="unknown document 'report'"):
        json_schema("report")  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Generated from the model.
# --------------------------------------------------------------------------


def _model_classes() -> list[type]:
    from youthaction_scoring._domain import district_records as _districts
    from youthaction_scoring._domain import model as _model

    homes = {_model.__name__, _districts.__name__}  # the model, and its district records (R18)
    return [
        obj
        for obj in vars(_model).values()
        if isinstance(obj, type)
        and attrs.has(obj)
        and obj.__module__ in homes
        and obj is not Month  # written as YYYY-MM text, not an object
    ]


@pytest.mark.parametrize("cls", _model_classes(), ids=lambda c: c.__name__)
def test_every_model_field_is_in_the_schema(cls: type) -> None:
    """Each attrs field of the model is a property of its schema, documented."""
    schema = ASSESSMENT if cls.__name__ == "Assessment" else ASSESSMENT["$defs"][cls.__name__]
    names = {f.name for f in attrs.fields(cls)}
    assert names <= set(schema["properties"])
    assert False is schema["additionalProperties"]
    for name in names:
        assert schema["properties"][name]["description"], name


def _coded_enums() -> list[type[CodedEnum]]:
    return [
        e for e in CodedEnum.__subclasses__() if e.__name__ in ASSESSMENT["$defs"] or e is ItemCode
    ]


@pytest.mark.parametrize("enum", _coded_enums(), ids=lambda e: e.__name__)
def test_enum_choices_carry_chinese_titles(enum: type[CodedEnum]) -> None:
    """Every code appears once, titled with its Chinese label."""
    schema = {**ASSESSMENT["$defs"], **SCORECARDS["$defs"]}[enum.__name__]
    assert [m.code for m in enum] == schema["enum"]
    assert [(m.code, m.label) for m in enum] == [(c["const"], c["title"]) for c in schema["oneOf"]]


def test_required_fields_follow_the_model_defaults() -> None:
    """Fields without a default are required; sections with one are not."""
    assert ["id", "name", "district", "pilot_level"] == ASSESSMENT["$defs"]["Community"]["required"]
    assert ["format", "period"] == ASSESSMENT["required"]
    assert {} == ASSESSMENT["$defs"]["Community"]["properties"]["workforce"]["default"]


def test_code_lists_are_unique_items() -> None:
    """Lists of codes say uniqueItems; lists of records do not."""
    defs = ASSESSMENT["$defs"]
    assert defs["OrgSystem"]["properties"]["county_youth_orgs"]["uniqueItems"]
    assert defs["Projects"]["properties"]["brands"]["uniqueItems"]
    assert "uniqueItems" not in defs["Projects"]["properties"]["activities"]


def test_field_docs_read_google_args() -> None:
    """Field descriptions come from the class docstring's Args section, joined."""
    docs = field_docs(Assessment)
    assert "Free text about the data set, not blank (a project" in docs["description"]
    assert docs["description"].endswith("fictional).")


def test_space_list_is_every_python_space() -> None:
    """The spelled-out white space is exactly what str.isspace() calls space."""
    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == _SPACES


# --------------------------------------------------------------------------
# Patterns agree with the converter's parsing.
# --------------------------------------------------------------------------

_digit = st.sampled_from("0123456789")
_digits = st.text(_digit, min_size=1, max_size=5)


@given(
    st.one_of(
        st.builds(lambda d: d.isoformat(), st.dates()),
        st.builds(
            lambda y, m, d: f"{y}-{m}-{d}",
            st.text(_digit, min_size=4, max_size=4),
            st.sampled_from(["00", "01", "02", "04", "09", "11", "12", "13"]),
            st.sampled_from(["00", "01", "28", "29", "30", "31", "32"]),
        ),
        st.builds(lambda a, b, c: f"{a}-{b}-{c}", _digits, _digits, _digits),
        st.sampled_from(["2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "0000-01-01"]),
        st.sampled_from(["2021-01-01\n", " 2021-01-01", "２０２１-01-01", "2021/01/01"]),
    )
)
def test_date_pattern_agrees_with_the_converter(text: str) -> None:
    """A text matches the date pattern exactly when the converter reads it as a date."""
    try:
        structure_assessment_date(text)
        expected = True
    except ValueError:
        expected = False
    assert expected == bool(re.search(DATE_PATTERN, text))


def structure_assessment_date(text: str) -> dt.date:
    """Parse a date the way the converter does."""
    from youthaction_scoring._domain.errors import Refusal
    from youthaction_scoring._io.primitives import parse_date

    try:
        return parse_date(text)
    except Refusal as exc:
        raise ValueError(exc.message) from None


@given(
    st.one_of(
        st.builds(
            lambda y, m: f"{y}-{m}",
            st.text(_digit, min_size=4, max_size=4),
            st.sampled_from(["00", "01", "09", "10", "12", "13", "99"]),
        ),
        st.builds(lambda a, b: f"{a}-{b}", _digits, _digits),
        st.sampled_from(["2021-11\n", "２０２１-11", "2021-1", "0000-01", "9999-12", "0001-01"]),
    )
)
def test_month_pattern_agrees_with_month_parse(text: str) -> None:
    """A text matches the month pattern exactly when Month.parse accepts it."""
    try:
        Month.parse(text)
        expected = True
    except ValueError:
        expected = False
    assert expected == bool(re.search(MONTH_PATTERN, text))


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, FIRST_YEAR, LAST_YEAR, LAST_YEAR + 1])
def test_patterns_follow_the_year_limits(year: int) -> None:
    """Month and date patterns accept exactly the years of limits.py, at and beside each end."""
    inside = FIRST_YEAR <= year <= LAST_YEAR
    assert inside == bool(re.search(MONTH_PATTERN, f"{year}-01"))
    assert inside == bool(re.search(DATE_PATTERN, f"{year}-12-31"))


@pytest.mark.parametrize("year", range(FIRST_YEAR - 4, LAST_YEAR + 5, 4))
def test_leap_day_pattern_agrees_with_the_converter_every_leap_year(year: int) -> None:
    """The date pattern takes 29 February exactly when the converter does (centuries too)."""
    text = f"{year}-02-29"
    try:
        structure_assessment_date(text)
        expected = True
    except ValueError:
        expected = False
    assert expected == bool(re.search(DATE_PATTERN, text))


@given(st.text(max_size=4) | st.sampled_from(["\u3000", "\x1c", "\u200b", "\ufeff", " a "]))
def test_text_pattern_agrees_with_required_text(text: str) -> None:
    """A text passes the Text pattern exactly when the model calls it non-blank."""
    assert (text_problem(text) is None) == bool(re.search(TEXT_PATTERN, text))


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("2024-02-29", True),
        ("2023-02-28", True),
        ("2023-02-29", False),
        ("2100-02-29", False),
        ("2000-02-29", True),
        ("2021-04-30", True),
        ("2021-04-31", False),
        ("2021-12-31", True),
        ("2021-13-01", False),
        ("0001-01-01", False),
        ("1899-12-31", False),
        ("1900-01-01", True),
        ("1900-02-29", False),
        ("2199-12-31", True),
        ("2200-01-01", False),
        ("0000-01-01", False),
    ],
)
def test_dates_are_refused_without_format_checking(text: str, accepted: bool) -> None:
    """A validator that ignores `format` still refuses impossible dates."""
    doc = valid_document()
    doc["communities"][0]["projects"]["activities"][0]["date"] = text
    assert accepted == PLAIN_VALIDATOR.is_valid(doc)
    assert accepted == VALIDATOR.is_valid(doc)
    assert accepted == converter_accepts(doc)


# --------------------------------------------------------------------------
# Generated documents: valid ones pass both.
# --------------------------------------------------------------------------


@given(assessments())
def test_generated_assessments_are_valid(assessment: Any) -> None:
    """Every assessment the model allows, written as JSON, passes the schema."""
    doc = json.loads(json.dumps(unstructure_assessment(assessment)))
    assert [] == [e.message for e in VALIDATOR.iter_errors(doc)]


@given(assessments(), st.booleans())
def test_real_scorecards_are_valid(assessment: Any, as_of: bool) -> None:
    """Scorecards documents the library writes pass the scorecards schema."""
    month = assessment.period.start if as_of else None
    doc = json.loads(json.dumps(scorecards_to_dict(score_assessment(assessment, as_of=month))))
    assert [] == [e.message for e in CARDS_VALIDATOR.iter_errors(doc)]


# --------------------------------------------------------------------------
# Malformed documents: refused by both, in both directions.
# --------------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


C0 = "communities[0]"
MALFORMED: dict[str, Mutation] = {
    "wrong format": _set("format", "youthaction-scoring/2"),
    "no format": _delete("format"),
    "no period": _delete("period"),
    "unknown top-level key": _set("comunities", []),
    "communities not a list": _set("communities", {}),
    "period month malformed": _set("period.start", "2021-1"),
    "period month 13": _set("period.end", "2022-13"),
    "period month with newline": _set("period.end", "2022-04\n"),
    "period extra key": _set("period.length", 6),
    "period missing end": _delete("period.end"),
    "description a number": _set("description", 3),
    "community not an object": _set(C0, "nm-xinhua"),
    "missing id": _delete(f"{C0}.id"),
    "blank name": _set(f"{C0}.name", "   "),
    "ideographic-space district": _set(f"{C0}.district", "\u3000"),
    "empty id": _set(f"{C0}.id", ""),
    "id a number": _set(f"{C0}.id", 7),
    "unknown pilot level": _set(f"{C0}.pilot_level", "city"),
    "Chinese label instead of code": _set(f"{C0}.pilot_level", "全国首批"),
    "misspelt section": _set(f"{C0}.org_sytem", {}),
    "section null": _set(f"{C0}.workforce", None),
    "repeated category": _set(
        f"{C0}.org_system.county_youth_orgs", ["volunteer_service", "volunteer_service"]
    ),
    "unknown category": _set(f"{C0}.org_system.county_youth_orgs", ["sports"]),
    "youth home a boolean": _set(f"{C0}.org_system.youth_home", True),
    "youth home missing a flag": _delete(f"{C0}.org_system.youth_home.on_cloud_platform"),
    "flag as text": _set(f"{C0}.org_system.youth_home.on_cloud_platform", "yes"),
    "flag as number": _set(f"{C0}.org_system.youth_home.activities_standardized", 1),
    "league org extra key": _set(f"{C0}.org_system.league_org", {"established": True}),
    "negative count": _set(f"{C0}.workforce.cadres.full_time", -1),
    "count as text": _set(f"{C0}.workforce.cadres.seconded", "3"),
    "count as boolean": _set(f"{C0}.workforce.cadres.part_time", True),
    "count with a fraction": _set(f"{C0}.workforce.cadres.part_time", 1.5),
    "cadres null": _set(f"{C0}.workforce.cadres", None),
    "impossible date": _set(f"{C0}.workforce.service_projects[0].completed_on", "2021-02-30"),
    "date with slashes": _set(f"{C0}.workforce.service_projects[0].completed_on", "2021/12/18"),
    "date with time": _set(f"{C0}.workforce.pairings[0].date", "2021-11-20T10:00:00"),
    "unknown partner kind": _set(f"{C0}.workforce.pairings[0].partner_kind", "school"),
    "record missing title": _delete(f"{C0}.projects.activities[0].title"),
    "record list an object": _set(f"{C0}.workforce.pairings", {}),
    "repeated brand": _set(f"{C0}.projects.brands", ["harmonious", "harmonious"]),
    "unknown brand": _set(f"{C0}.projects.brands", ["green"]),
    "reported as text": _set(f"{C0}.projects.activities[0].reported", "true"),
    "unknown mechanism": _set(f"{C0}.mechanisms.summaries[0].mechanism", "openness"),
    "recognition without kind": _set(
        f"{C0}.mechanisms.summaries[0].recognitions[0]", {"level": "municipal"}
    ),
    "unknown recognition kind": _set(
        f"{C0}.mechanisms.summaries[0].recognitions[0]", {"kind": "award", "level": "municipal"}
    ),
    "instruction with an outlet": _set(
        f"{C0}.mechanisms.summaries[0].recognitions[0]",
        {"kind": "leader_instruction", "outlet": "贵阳日报"},
    ),
    "publication with a level": _set(
        f"{C0}.mechanisms.summaries[0].recognitions[1]",
        {"kind": "media_publication", "outlet": "贵阳日报", "level": "central"},
    ),
    "unknown leader level": _set(f"{C0}.mechanisms.summaries[0].recognitions[0].level", "township"),
    "blank outlet": _set(f"{C0}.mechanisms.summaries[0].recognitions[1].outlet", ""),
}


@pytest.mark.parametrize("mutation", MALFORMED.values(), ids=list(MALFORMED))
def test_malformed_documents_are_refused_by_both(mutation: Mutation) -> None:
    """Each malformed document is refused by the schema and by the converter."""
    doc = valid_document()
    mutation(doc)
    assert (False, False) == (VALIDATOR.is_valid(doc), converter_accepts(doc))


# The documented exceptions (NOT_IN_SCHEMA): the converter refuses, the schema cannot.
EXCEPTIONS: dict[str, Mutation] = {
    "duplicate community id": _set("communities[1].id", "nm-xinhua"),
    "period start after end": _set("period", {"start": "2022-05", "end": "2022-04"}),
    "whole number written 1.0": _set(f"{C0}.workforce.cadres.full_time", 1.0),
    "period longer than 120 months": _set("period", {"start": "2000-01", "end": "2010-01"}),
    "text too long as a cell stores it": _set(f"{C0}.name", "\r" + "x" * 32766),
}


@pytest.mark.parametrize("mutation", EXCEPTIONS.values(), ids=list(EXCEPTIONS))
def test_documented_exceptions_are_refused_by_the_converter_only(mutation: Mutation) -> None:
    """What JSON Schema cannot express passes the schema but not the converter."""
    doc = valid_document()
    mutation(doc)
    assert (True, False) == (VALIDATOR.is_valid(doc), converter_accepts(doc))


def test_exceptions_are_documented() -> None:
    """Every known exception is listed in NOT_IN_SCHEMA and in the schema's $comment."""
    # + repeated keys, caught by the parser; the period's two checks share an entry
    assert len(NOT_IN_SCHEMA) == len(EXCEPTIONS) + 1 - 1
    for text in NOT_IN_SCHEMA:
        assert text in ASSESSMENT["$comment"]


_json_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 3),
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: x != int(x)),
    st.sampled_from(
        ["", " ", "x", "yes", "3", "2021-11", "2021-11-31", "2022-01-10", "national", "drug_free"]
    ),
    st.sampled_from(["volunteer_service", "university", "leader_instruction", "municipal"]),
    st.just([]),
    st.just({}),
    st.just(["harmonious", "harmonious"]),
    st.just({"kind": "media_publication", "outlet": "报"}),
)


def _places(value: Json, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, sub in value.items():
            found.extend(_places(sub, (*path, key)))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found.extend(_places(sub, (*path, index)))
    return found


def _only_exceptions(doc: Json) -> bool:
    """Tell whether the converter refuses *doc* only for reasons the schema cannot express."""
    try:
        structure_assessment(doc)
    except InputError as exc:
        return all(
            p.message.en.startswith("duplicate community id") or "is after end" in p.message.en
            for p in exc.problems
        )
    return False


@given(st.data())
def test_schema_and_converter_agree_on_random_mutations(data: st.DataObject) -> None:
    """Replacing, deleting or adding any one value: both accept, or both refuse."""
    doc = copy.deepcopy(valid_document())
    path = data.draw(st.sampled_from(_places(doc)[1:]))
    *parents, last = path
    target: Any = doc
    for key in parents:
        target = target[key]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        target[last] = data.draw(_json_values)
    elif action == "delete":
        del target[last]
    elif isinstance(target[last], dict):
        target[last][data.draw(st.sampled_from(["extra", "ID", "date", "kind"]))] = data.draw(
            _json_values
        )
    elif isinstance(target[last], list):
        target[last].append(data.draw(_json_values))
    else:
        target[last] = [target[last]]
    assume(not _only_exceptions(doc))
    assert converter_accepts(doc) == VALIDATOR.is_valid(doc)


# --------------------------------------------------------------------------
# Scorecards: malformed output is refused.
# --------------------------------------------------------------------------


def _real_scorecards() -> dict[str, Any]:
    cards = score_assessment(structure_assessment(valid_document()))
    return json.loads(json.dumps(scorecards_to_dict(cards)))  # type: ignore[no-any-return]


def test_real_scorecards_of_the_valid_document_are_valid() -> None:
    """The scorecards of the hand-written document pass, with their extra keys."""
    doc = _real_scorecards()
    assert [] == list(CARDS_VALIDATOR.iter_errors(doc))
    youth_home = doc["scorecards"][0]["items"][1]
    assert "活动" in youth_home["deductions"][0]["reason_zh"]
    assert "notes_zh" in youth_home


SCORECARD_DAMAGE: dict[str, Mutation] = {
    "renamed total": lambda d: d["scorecards"][0].update(sum=d["scorecards"][0].pop("total")),
    "missing item": lambda d: d["scorecards"][0]["items"].pop(),
    "items out of order": lambda d: d["scorecards"][0]["items"].reverse(),
    "raw on a base item": lambda d: d["scorecards"][0]["items"][0].update(raw=15),
    "bonus item without raw": lambda d: d["scorecards"][0]["items"][4].pop("raw"),
    "negative points": lambda d: d["scorecards"][0]["items"][0].update(points=-5),
    "rule not an R-decision": lambda d: d["scorecards"][0]["items"][1]["deductions"].append(
        {"points": 5, "reason": "x", "rule": "rule 4", "reason_zh": "x"}
    ),
    "wrong format": lambda d: d.update(format="youthaction-scoring/1"),
    "bad as_of": lambda d: d.update(as_of="2022-4"),
    "unknown pilot level": lambda d: d["scorecards"][0].update(pilot_level="city"),
    "notes without notes_zh": lambda d: d["scorecards"][0].update(notes=["x"]),
}


@pytest.mark.parametrize("damage", SCORECARD_DAMAGE.values(), ids=list(SCORECARD_DAMAGE))
def test_damaged_scorecards_are_refused(damage: Mutation) -> None:
    """A scorecards document that breaks FORMAT.md's shape fails the schema."""
    doc = _real_scorecards()
    damage(doc)
    assert not CARDS_VALIDATOR.is_valid(doc)


def test_scorecards_item_codes_are_in_table_order() -> None:
    """The schema fixes the ten item codes in RULES.md's order."""
    items = SCORECARDS["$defs"]["Scorecard"]["properties"]["items"]["prefixItems"]
    assert [c.code for c in ItemCode] == [i["properties"]["code"]["const"] for i in items]


# --------------------------------------------------------------------------
# The command.
# --------------------------------------------------------------------------


@pytest.mark.parametrize("document", ["assessment", "scorecards"])
def test_schema_command_prints_the_schema(document: str) -> None:
    """`schema --document D` prints json_schema(D) as JSON."""
    result = CliRunner().invoke(main, ["schema", "--document", document])
    assert 0 == result.exit_code
    assert json_schema(document) == json.loads(result.output)  # type: ignore[arg-type]


def test_schema_command_defaults_to_assessment_and_writes_a_file(tmp_path: Path) -> None:
    """`schema -o FILE` writes the assessment schema to FILE and nothing to stdout."""
    out = tmp_path / "schema.json"
    result = CliRunner().invoke(main, ["schema", "-o", str(out)])
    assert (0, "") == (result.exit_code, result.output)
    assert ASSESSMENT == json.loads(out.read_text(encoding="utf-8"))


def test_schema_command_refuses_an_unknown_document() -> None:
    """An unknown --document is a usage error (exit 2)."""
    result = CliRunner().invoke(main, ["schema", "--document", "report"])
    assert 2 == result.exit_code


def test_brand_titles_are_the_labels() -> None:
    """A form builder shows 禁毒社区 for the code drug_free."""
    titles = {c["const"]: c["title"] for c in ASSESSMENT["$defs"]["Brand"]["oneOf"]}
    assert Brand.DRUG_FREE.label == titles["drug_free"]


CONVERTER_ONLY = {"count as float", "duplicate community id", "reversed period"}
"""Rows of the converter's battery that NOT_IN_SCHEMA says the schema cannot refuse."""


@pytest.mark.parametrize(
    "row",
    [r for r in CONVERTER_BATTERY if r[0] not in CONVERTER_ONLY],
    ids=[r[0] for r in CONVERTER_BATTERY if r[0] not in CONVERTER_ONLY],
)
def test_the_converter_battery_is_refused_by_the_schema_too(row: tuple[Any, ...]) -> None:
    """Every malformed input of tests/test_converter.py is refused by the schema as well."""
    doc = copy.deepcopy(FORMAT_EXAMPLE)
    row[1](doc)
    assert not VALIDATOR.is_valid(doc)
