"""The JSON Schemas compile in ajv's strict mode and carry their address on the docs site."""

from __future__ import annotations

import copy
import json
import re
import runpy
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.test_converter import FORMAT_EXAMPLE
from tests.test_converter import MALFORMED as CONVERTER_BATTERY
from tests.test_schema import CONVERTER_ONLY, MALFORMED, SCORECARD_DAMAGE, valid_document
from youthaction_scoring import json_schema, loads_assessment, score_assessment, scorecards_to_dict
from youthaction_scoring._cli import main
from youthaction_scoring._io.schema import DOCUMENTS, SCHEMA_BASE_URL, Document, schema_id

ROOT = Path(__file__).parent.parent
AJV = ROOT / "ci" / "ajv"
EXAMPLE = ROOT / "examples" / "guiyang-2021-2022.json"

# --------------------------------------------------------------------------
# ajv's strict mode, mirrored in Python (ajv 8, lib/compile/validate and the
# `type` of each keyword definition), so the quick loop catches a breach
# without Node. The slow tests below hold this mirror to ajv itself.
# --------------------------------------------------------------------------

KNOWN_KEYWORDS = frozenset(
    {
        *("$schema", "$id", "$ref", "$defs", "$anchor", "$dynamicRef", "$dynamicAnchor"),
        *("$vocabulary", "$comment", "allOf", "anyOf", "oneOf", "not", "if", "then", "else"),
        *("properties", "patternProperties", "additionalProperties", "propertyNames"),
        *("dependentSchemas", "prefixItems", "items", "contains", "type", "enum", "const"),
        *("multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum"),
        *("maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems"),
        *("maxContains", "minContains", "maxProperties", "minProperties", "required"),
        *("dependentRequired", "title", "description", "default", "deprecated", "readOnly"),
        *("writeOnly", "examples", "format", "contentEncoding", "contentMediaType"),
        *("contentSchema", "unevaluatedItems", "unevaluatedProperties"),
    }
)
"""Draft 2020-12's keywords (strictSchema refuses any other)."""

KEYWORD_TYPES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "properties",
            "patternProperties",
            "additionalProperties",
            "propertyNames",
            "dependentSchemas",
            "required",
            "dependentRequired",
            "minProperties",
            "maxProperties",
            "unevaluatedProperties",
        ),
        ("object",),
    ),
    **dict.fromkeys(
        (
            "prefixItems",
            "items",
            "contains",
            "minContains",
            "maxContains",
            "minItems",
            "maxItems",
            "uniqueItems",
            "unevaluatedItems",
        ),
        ("array",),
    ),
    **dict.fromkeys(("minLength", "maxLength", "pattern"), ("string",)),
    **dict.fromkeys(
        ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"), ("number",)
    ),
    "format": ("number", "string"),
}
"""The data types each type-specific keyword applies to (strictTypes wants one in ``type``)."""

IN_PLACE_ONE = ("not", "if", "then", "else")
IN_PLACE_MANY = ("allOf", "anyOf", "oneOf")
"""Subschemas that apply to the same value: they see the types and properties around them."""
NEW_VALUE_ONE = (
    *("additionalProperties", "propertyNames", "items", "contains", "contentSchema"),
    *("unevaluatedItems", "unevaluatedProperties"),
)
"""Subschemas of a member, an item or a key: they start afresh, without types around them."""


def _applicable(types: set[str], wanted: str) -> bool:
    return wanted in types or (wanted == "number" and "integer" in types)


def _subschemas(schema: dict[str, Any]) -> Iterator[tuple[str, Any, bool]]:
    """Each subschema with its place and whether it applies to the same value."""
    for key in IN_PLACE_ONE:
        if key in schema:
            yield key, schema[key], True
    for key in IN_PLACE_MANY:
        for index, sub in enumerate(schema.get(key, [])):
            yield f"{key}/{index}", sub, True
    for name, sub in schema.get("dependentSchemas", {}).items():
        yield f"dependentSchemas/{name}", sub, True
    for key in ("properties", "patternProperties", "$defs"):
        for name, sub in schema.get(key, {}).items():
            yield f"{key}/{name}", sub, False
    for index, sub in enumerate(schema.get("prefixItems", [])):
        yield f"prefixItems/{index}", sub, False
    for key in NEW_VALUE_ONE:
        if key in schema:
            yield key, schema[key], False


def strict_problems(
    schema: Any,
    path: str = "#",
    context: frozenset[str] = frozenset(),
    defined: frozenset[str] = frozenset(),
) -> list[str]:
    """Return what ajv's strict mode would complain about in *schema*, each with its path.

    A ``$ref`` is checked where it points (``$defs``), on its own, without
    the types around the reference: stricter than ajv, which may inline it.
    """
    if isinstance(schema, bool):
        return []
    problems = [f"{path}: unknown keyword {k!r}" for k in schema if k not in KNOWN_KEYWORDS]
    own = schema.get("type", [])
    own_types = {own} if isinstance(own, str) else set(own)
    if len(own_types - {"null"}) > 1:
        problems.append(f"{path}: union type {sorted(own_types)} (needs allowUnionTypes)")
    for t in sorted(own_types):
        if context and not _applicable(set(context), t):
            problems.append(f"{path}: type {t!r} not allowed by context {sorted(context)}")
    types = own_types or set(context)
    for keyword in schema:
        wanted = KEYWORD_TYPES.get(keyword, ())
        if wanted and not any(_applicable(types, t) for t in wanted):
            problems.append(f"{path}: missing type {'/'.join(wanted)!r} for keyword {keyword!r}")
    if "prefixItems" in schema:
        size = len(schema["prefixItems"])
        closed = schema.get("maxItems") == size or schema.get("items") is False
        if not (schema.get("minItems") == size and closed):
            problems.append(f"{path}: open {size}-tuple (needs minItems and items: false)")
    names = defined | set(schema.get("properties", {}))
    needed = list(schema.get("required", []))
    for key, others in schema.get("dependentRequired", {}).items():
        needed += [key, *others]
    problems += [f"{path}: required {n!r} is not a property" for n in needed if n not in names]
    for place, sub, in_place in _subschemas(schema):
        if in_place:
            problems += strict_problems(sub, f"{path}/{place}", frozenset(types), names)
        else:
            problems += strict_problems(sub, f"{path}/{place}")
    return problems


ITEM = {"type": "object", "properties": {"code": {"type": "string"}}}
BREACHES: dict[str, dict[str, Any]] = {
    "properties without type in a tuple": {
        "type": "array",
        "prefixItems": [{"properties": {"code": {"const": "1.1"}}}],
        "items": False,
        "minItems": 1,
    },
    "open tuple": {"type": "array", "prefixItems": [ITEM], "minItems": 1},
    "tuple without minItems": {"type": "array", "prefixItems": [ITEM], "items": False},
    "required but not a property": {**ITEM, "required": ["code", "kind"]},
    "pattern on an object": {**ITEM, "pattern": "^a"},
    "unknown keyword": {"type": "string", "enumNames": ["a"]},
    "union type": {"type": ["string", "integer"]},
    "type not allowed by its context": {"type": "string", "anyOf": [{"type": "integer"}]},
    "untyped definition": {"$defs": {"Item": {"required": ["code"]}}, "$ref": "#/$defs/Item"},
}
"""Small schemas that break strict mode, one way each; ajv refuses them all (slow test)."""


@pytest.mark.parametrize("document", DOCUMENTS)
def test_schemas_meet_strict_mode(document: Document) -> None:
    """Neither schema has anything ajv's strict mode complains about."""
    assert [] == strict_problems(json_schema(document))


@pytest.mark.parametrize("schema", BREACHES.values(), ids=list(BREACHES))
def test_strict_check_finds_each_breach(schema: dict[str, Any]) -> None:
    """The Python mirror of strict mode is not vacuous: it reports every breach."""
    assert strict_problems(schema)


# --------------------------------------------------------------------------
# The ids: URLs under the documentation site, where docs/conf.py publishes.
# --------------------------------------------------------------------------


@pytest.mark.parametrize("document", DOCUMENTS)
def test_ids_are_urls_on_the_docs_site(document: Document) -> None:
    """Each `$id` is the schema's file name under the site's root."""
    expected = f"https://youthaction-scoring.readthedocs.io/en/latest/{document}.schema.json"
    assert expected == json_schema(document)["$id"] == schema_id(document)
    assert expected.startswith(SCHEMA_BASE_URL)


def test_docs_publish_each_schema_at_its_id() -> None:
    """docs/conf.py writes each schema, under the last part of its id, into the site root."""
    conf = runpy.run_path(str(ROOT / "docs" / "conf.py"))
    (extra,) = map(Path, conf["html_extra_path"])
    try:
        for document in DOCUMENTS:
            schema = json_schema(document)
            published = extra / schema["$id"].removeprefix(SCHEMA_BASE_URL)
            assert schema == json.loads(published.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(extra)


# --------------------------------------------------------------------------
# ajv itself (ci/ajv/validate.mjs): needs Node and `npm ci` in ci/ajv.
# --------------------------------------------------------------------------


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed: the ajv validator cannot run")
    if not (AJV / "node_modules" / "ajv").is_dir():
        pytest.skip("ajv is not installed: run `npm ci` in ci/ajv first")
    return node


def _ajv(schema: Path, *data: Path) -> subprocess.CompletedProcess[str]:
    """Run ci/ajv/validate.mjs on *schema* and *data*."""
    command = [_node(), str(AJV / "validate.mjs"), str(schema), *map(str, data)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


VERDICT = re.compile(r"(\S.*?): (ok|invalid|unreadable)\b")


def _verdicts(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Each data file's verdict: ``ok``, ``invalid`` or ``unreadable``."""
    return {m[1]: m[2] for m in map(VERDICT.match, result.stdout.splitlines()) if m}


def _write(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def _schema_files(folder: Path) -> dict[str, Path]:
    return {d: _write(folder / f"{d}.schema.json", json_schema(d)) for d in DOCUMENTS}


def _scored(folder: Path, *options: str) -> Path:
    """Score the example with `score --format json` (and *options*) into a file of *folder*."""
    out = folder / f"scored{''.join(options)}.json"
    args = ["score", str(EXAMPLE), "--format", "json", "-o", str(out), *options]
    result = CliRunner().invoke(main, args)
    assert 0 == result.exit_code, result.output
    return out


@pytest.mark.slow
def test_ajv_accepts_the_example_and_real_scorecards(tmp_path: Path) -> None:
    """Both schemas compile strictly; the example and its scorecards pass ajv."""
    schemas = _schema_files(tmp_path)
    document = _write(tmp_path / "valid.json", valid_document())
    cards = scorecards_to_dict(score_assessment(loads_assessment(json.dumps(valid_document()))))
    outputs = [
        _scored(tmp_path),
        _scored(tmp_path, "--as-of", "2022-01"),
        _write(tmp_path / "cards.json", cards),
    ]
    for schema, data in (
        (schemas["assessment"], [EXAMPLE, document]),
        (schemas["scorecards"], outputs),
    ):
        result = _ajv(schema, *data)
        assert (0, "") == (result.returncode, result.stderr), result.stdout
        assert f"{schema.name}: compiles in strict mode" == result.stdout.splitlines()[0]
        assert dict.fromkeys(map(str, data), "ok") == _verdicts(result)
    assert "2022-01" == json.loads(outputs[1].read_text(encoding="utf-8"))["as_of"]


@pytest.mark.slow
def test_ajv_refuses_malformed_documents(tmp_path: Path) -> None:
    """Every malformed document the Python validator refuses, ajv refuses too (exit 1)."""
    schemas = _schema_files(tmp_path)
    bad_community = valid_document()
    bad_community["communities"][0]["nickname"] = "新华"
    bad_community["communities"][1]["pilot_level"] = 1
    bad: list[Path] = [_write(tmp_path / "bad-community.json", bad_community)]
    for index, mutate in enumerate(MALFORMED.values()):
        doc = valid_document()
        mutate(doc)
        bad.append(_write(tmp_path / f"malformed-{index}.json", doc))
    for name, mutate, *_ in CONVERTER_BATTERY:
        if name not in CONVERTER_ONLY:
            doc = copy.deepcopy(FORMAT_EXAMPLE)
            mutate(doc)
            bad.append(_write(tmp_path / f"battery-{len(bad)}.json", doc))
    result = _ajv(schemas["assessment"], EXAMPLE, *bad)
    assert 1 == result.returncode
    assert {str(EXAMPLE): "ok", **dict.fromkeys(map(str, bad), "invalid")} == _verdicts(result)
    assert "/communities/0: must NOT have additional properties" in result.stdout
    assert "/communities/1/pilot_level: must be string" in result.stdout

    scored = json.loads(_scored(tmp_path).read_text(encoding="utf-8"))
    damaged = []
    for index, damage in enumerate(SCORECARD_DAMAGE.values()):
        doc = copy.deepcopy(scored)
        damage(doc)
        damaged.append(_write(tmp_path / f"damaged-{index}.json", doc))
    result = _ajv(schemas["scorecards"], *damaged)
    assert 1 == result.returncode
    assert dict.fromkeys(map(str, damaged), "invalid") == _verdicts(result)


@pytest.mark.slow
@pytest.mark.parametrize("schema", BREACHES.values(), ids=list(BREACHES))
def test_ajv_refuses_each_strict_mode_breach(tmp_path: Path, schema: dict[str, Any]) -> None:
    """What the Python mirror calls a breach, ajv's strict mode refuses to compile (exit 1)."""
    draft = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    result = _ajv(_write(tmp_path / "breach.json", draft), _write(tmp_path / "data.json", {}))
    assert 1 == result.returncode
    assert "schema does not compile in strict mode: strict mode:" in result.stderr


@pytest.mark.slow
def test_ajv_validator_usage(tmp_path: Path) -> None:
    """Without a data file the validator is a usage error (exit 2); unreadable data fails (1)."""
    schema = _schema_files(tmp_path)["assessment"]
    assert 2 == _ajv(schema).returncode
    result = _ajv(schema, tmp_path / "missing.json")
    assert (1, "unreadable") == (
        result.returncode,
        _verdicts(result)[str(tmp_path / "missing.json")],
    )
