"""JSON in and out: strict parsing, deterministic writing.

Parsing refuses what plain ``json.loads`` lets through: repeated keys in one
object (the later one would silently win), ``NaN`` and ``Infinity``, and text
that is not UTF-8. Writing is deterministic: the same scorecards give
byte-identical JSON.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .._domain.errors import InputError, Problem
from .._domain.model import Assessment
from .._domain.scorecard import Scorecards
from .converter import structure_assessment, unstructure_assessment, unstructure_scorecards


class _Keyed(dict[str, Any]):
    """A parsed object that had repeated keys (only made when that happens)."""

    repeated: list[str]


def _find_repeats(value: object, place: str) -> list[Problem]:
    found: list[Problem] = []
    if isinstance(value, _Keyed):
        found.extend(
            Problem(f"{place}.{k}" if place else k, "key appears more than once")
            for k in value.repeated
        )
    if isinstance(value, dict):
        for key, sub in value.items():
            found.extend(_find_repeats(sub, f"{place}.{key}" if place else key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found.extend(_find_repeats(sub, f"{place}[{index}]"))
    return found


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def decode_text(data: bytes, place: str = "") -> str:
    """Decode UTF-8 input (a leading byte-order mark is allowed).

    Args:
        data: Raw bytes.
        place: Where they came from, for the error.

    Returns:
        The text.

    Raises:
        InputError: The bytes are not UTF-8.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(place, f"not UTF-8 text (byte {exc.start})")]) from None


def parse_json(text: str | bytes, place: str = "") -> Any:
    """Parse JSON strictly.

    Args:
        text: The JSON text (bytes are decoded as UTF-8).
        place: Prefix for problem places, e.g. ``"line 7"``.

    Returns:
        The parsed value.

    Raises:
        InputError: Invalid JSON (with line and column), ``NaN``/``Infinity``,
            or an object with a repeated key (with its path).
    """
    if isinstance(text, bytes):
        text = decode_text(text, place)
    repeats = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeats
        out = dict(items)
        if len(out) != len(items):
            repeats = True
            keyed = _Keyed(out)
            seen: set[str] = set()
            keyed.repeated = [k for k, _ in items if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
            return keyed
        return out

    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        where = f"{place}, column {exc.colno}" if place else f"line {exc.lineno} column {exc.colno}"
        raise InputError([Problem(where, f"invalid JSON: {exc.msg}")]) from None
    except ValueError as exc:
        raise InputError([Problem(place, f"invalid JSON: {exc}")]) from None
    except RecursionError:
        raise InputError([Problem(place, "invalid JSON: nested too deeply")]) from None
    if repeats:
        problems = _find_repeats(value, "")
        if place:
            problems = [Problem(f"{place}: {p.place}", p.message) for p in problems]
        raise InputError(problems)
    return value


def loads_assessment(text: str | bytes) -> Assessment:
    """Parse and validate an assessment document (FORMAT.md).

    Args:
        text: The JSON text.

    Returns:
        The assessment.

    Raises:
        InputError: Every problem found, each with its place.
    """
    return structure_assessment(parse_json(text))


def load_assessment(path: str | os.PathLike[str]) -> Assessment:
    """Read and validate an assessment file.

    ``.json`` files hold one document; ``.jsonl`` files are JSON Lines
    (FORMAT.md): a header line, then one community a line.

    Args:
        path: The file.

    Returns:
        The assessment.

    Raises:
        InputError: Every problem found, each with its place.
        OSError: The file cannot be read.
    """
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        from .jsonl import read_assessment_jsonl

        return read_assessment_jsonl(path)
    return loads_assessment(path.read_bytes())


def dumps_json(value: Any) -> str:
    """Serialise a JSON-ready value deterministically (indented, UTF-8 text).

    Args:
        value: Dicts, lists, text, numbers, booleans and ``None``.

    Returns:
        The JSON text with a trailing newline.
    """
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def dumps_assessment(assessment: Assessment) -> str:
    """Serialise an assessment as a FORMAT.md document.

    Args:
        assessment: The assessment.

    Returns:
        The JSON text.
    """
    return dumps_json(unstructure_assessment(assessment))


def scorecards_to_dict(cards: Scorecards) -> dict[str, Any]:
    """Return a scorecards document (FORMAT.md) as a JSON-ready dict.

    Args:
        cards: The scorecards.

    Returns:
        The document.
    """
    return unstructure_scorecards(cards)


def dumps_scorecards(cards: Scorecards) -> str:
    """Serialise scorecards as a FORMAT.md document; deterministic.

    Args:
        cards: The scorecards.

    Returns:
        The JSON text.
    """
    return dumps_json(unstructure_scorecards(cards))
