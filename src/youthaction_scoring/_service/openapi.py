"""The service's OpenAPI 3.1 document, assembled from the project's own JSON Schemas.

Nothing here restates the format: the assessment, scorecards and rulebook
schemas are the generated ones (:func:`~.._io.schema.json_schema`,
:func:`~.._io.rulebook.rulebook_schema`), their ``$defs`` lifted into
``components/schemas``; each operation, its parameters and its answer's
media type come from its record (:data:`~.._present.operations.OPERATIONS`);
the problem types are :data:`~.problems.KINDS`. Clients in any language are generated from it.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Final

from .. import _version
from .._io.rulebook import rulebook_schema
from .._io.schema import json_schema
from .._present.operations import OPERATIONS
from .bodies import FORM, FORM_FIELD, INPUT_PART, JSON, NDJSON, XLSX
from .params import parameters_of
from .problems import KINDS, PROBLEM_MEDIA_TYPE

_WARNING: Final = {
    "description": (
        "One per district (the first five) whose communities record different 1.1 lists"
        " without a district record (R18): the warning the command line prints, in the"
        " answer's language, percent-encoded UTF-8 (decodeURIComponent). The scores stand."
    ),
    "schema": {"type": "string"},
}


_WARNING_COUNT: Final = {
    "description": (
        "How many R18 warnings there were in all; sent only when there were more than the"
        " five Youthaction-Warning headers."
    ),
    "schema": {"type": "string", "pattern": "^[0-9]+$"},
}


def _lift(schema: dict[str, Any], name: str, into: dict[str, Any]) -> None:
    """Put *schema* under ``components/schemas/name``, its ``$defs`` beside it."""
    body = copy.deepcopy(schema)
    for key in ("$schema", "$id"):
        body.pop(key, None)
    defs = body.pop("$defs", {})
    text = json.dumps({"schema": body, "defs": defs}).replace('"#/$defs/', '"#/components/schemas/')
    moved = json.loads(text)
    for key, value in {**moved["defs"], name: moved["schema"]}.items():
        if key in into and into[key] != value:
            raise RuntimeError(f"two different schemas named {key!r}")
        into[key] = value


def _problem_schema() -> dict[str, Any]:
    text = {"type": "string"}
    entry = {
        "type": "object",
        "properties": dict.fromkeys(("place", "place_text", "message", "text"), text),
        "required": ["place", "place_text", "message", "text"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "description": "RFC 9457 problem details, in the request's language.",
        "properties": {
            "type": {"type": "string", "format": "uri"},
            "title": text,
            "status": {"type": "integer", "enum": sorted({s for s, _ in KINDS.values()})},
            "detail": text,
            "problems": {"type": "array", "items": entry},
        },
        "required": ["type", "title", "status", "detail"],
        "additionalProperties": False,
    }


def _problems(*statuses: int) -> dict[str, Any]:
    content = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    out: dict[str, Any] = {}
    for status in statuses:
        kinds = sorted(kind for kind, (code, _) in KINDS.items() if code == status)
        out[str(status)] = {"description": "Problem: " + ", ".join(kinds), "content": content}
    return out


def _parameters(endpoint: str) -> list[dict[str, Any]]:
    return [
        {
            "name": p.name,
            "in": "query",
            "required": p.required,
            "description": p.help.en,
            "schema": p.schema(),
        }
        for p in parameters_of(endpoint)
    ]


def _assessment_body(parts: tuple[str, ...] = ()) -> dict[str, Any]:
    binary = {"type": "string", "contentMediaType": XLSX}
    if parts:  # two inputs: a form with the parts input and (say) against, each any format
        data = {"type": "string", "contentMediaType": "application/octet-stream"}
        form = {
            "type": "object",
            "properties": dict.fromkeys((INPUT_PART, *parts), data),
            "required": [INPUT_PART],
        }
        body = _assessment_body()
        body["description"] += (
            " Or a form whose parts " + ", ".join((INPUT_PART, *parts)) + " are each an assessment"
            " in any of these formats (the second input of the comparison)."
        )
        body["content"][FORM]["schema"] = {"oneOf": [body["content"][FORM]["schema"], form]}
        return body
    return {
        "required": True,
        "description": "An assessment: a JSON document, JSON Lines, or a register (台账).",
        "content": {
            JSON: {"schema": {"$ref": "#/components/schemas/Assessment"}},
            NDJSON: {"schema": {"type": "string"}},
            XLSX: {"schema": binary},
            FORM: {
                "schema": {
                    "type": "object",
                    "properties": {FORM_FIELD: binary},
                    "required": [FORM_FIELD],
                },
            },
        },
    }


def _answer(endpoint: str, media: str) -> dict[str, Any]:
    if endpoint == "score":
        scorecards = {"schema": {"$ref": "#/components/schemas/Scorecards"}}
        return {JSON: scorecards, NDJSON: {"schema": {"type": "string"}}}
    if media == JSON:
        return {JSON: {"schema": {"type": "object"}}}
    return {media: {"schema": {"type": "string"}}}


def _get(summary: str, schema_name: str | None, *statuses: int) -> dict[str, Any]:
    schema = {"$ref": f"#/components/schemas/{schema_name}"} if schema_name else {"type": "object"}
    return {
        "get": {
            "summary": summary,
            "parameters": _parameters("plain"),
            "responses": {
                "200": {"description": summary, "content": {JSON: {"schema": schema}}},
                **_problems(400, *statuses),
            },
        }
    }


def _needs_an_extra(endpoint: str) -> tuple[int, ...]:
    """501 for the report, whose extra a service may lack (``not-implemented``)."""
    return (501,) if endpoint == "report" else ()


def openapi_document() -> dict[str, Any]:
    """Return the OpenAPI 3.1 document of the service.

    Returns:
        The document, JSON-ready; ``GET /openapi.json`` serves it.
    """
    schemas: dict[str, Any] = {}
    _lift(json_schema("assessment"), "Assessment", schemas)
    _lift(json_schema("scorecards"), "Scorecards", schemas)
    _lift(rulebook_schema(), "Rulebook", schemas)
    schemas["JsonSchema"] = {"type": "object", "description": "A JSON Schema (draft 2020-12)."}
    schemas["Problem"] = _problem_schema()
    paths: dict[str, Any] = {}
    for operation in OPERATIONS:
        endpoint, summary = operation.name, operation.summary
        command = operation.answers_as
        paths[f"/v1/{endpoint}"] = {
            "post": {
                "operationId": endpoint,
                "summary": summary,
                "description": f"Answers as `youthaction-scoring {command}` does, byte for byte.",
                "parameters": _parameters(endpoint),
                "requestBody": _assessment_body(tuple(str(p.part) for p in operation.parts)),
                "responses": {
                    "200": {
                        "description": summary,
                        "content": _answer(endpoint, operation.media.split(";")[0]),
                        "headers": {
                            "Youthaction-Warning": _WARNING,
                            "Youthaction-Warning-Count": _WARNING_COUNT,
                        },
                    },
                    **_problems(400, 401, 413, 415, 422, 500, 503, *_needs_an_extra(endpoint)),
                },
            }
        }
    guarded = (401, 500, 503)
    for document in ("assessment", "scorecards"):
        summary = f"The {document} JSON Schema"
        paths[f"/v1/schema/{document}"] = _get(summary, "JsonSchema", *guarded)
    paths["/v1/rulebook"] = _get("The rulebook: edition, amounts and items", "Rulebook", *guarded)
    paths["/healthz"] = _get("The service answers", None)
    paths["/healthz"]["get"]["security"] = []  # never needs a token
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "youthaction-scoring",
            "version": _version.__version__,
            "description": (
                "Scores Community Youth Action (社区青春行动) pilot communities against "
                "the Guiyang 2021 rulebook. Stateless: every answer comes from its "
                "request. Errors are RFC 9457 problem details in the request's language."
            ),
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{}, {"bearer": []}],
    }
