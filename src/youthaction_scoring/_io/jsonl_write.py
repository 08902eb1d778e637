"""Writing an assessment as JSON Lines (FORMAT.md): a header line, then one community a line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from .._domain.errors import InputError, Problem
from .._domain.model import Assessment, Community
from .converter import unstructure_community, unstructure_header


def write_assessment_jsonl(assessment: Assessment, handle: IO[str]) -> None:
    """Write *assessment* as JSON Lines to an open text file.

    The first line is the header (``format``, ``period``, ``description``);
    every further line is one community, in order. Text is written as UTF-8
    characters, not as escapes.

    Args:
        assessment: The assessment.
        handle: A text file opened for writing (UTF-8, no newline translation).
    """
    header = unstructure_header(assessment.period, assessment.description)
    handle.write(json.dumps(header, ensure_ascii=False) + "\n")
    for community in assessment.communities:
        handle.write(json.dumps(unstructure_community(community), ensure_ascii=False) + "\n")


def _json_document_lines(
    header: dict[str, object], communities: Iterable[Community]
) -> Iterable[str]:
    """Yield a FORMAT.md document piece by piece, as ``json.dumps(indent=2)`` would."""
    head = json.dumps(header, ensure_ascii=False, indent=2)
    yield head[:-2] + ',\n  "communities": ['
    first = True
    for community in communities:
        body = json.dumps(unstructure_community(community), ensure_ascii=False, indent=2)
        yield ("\n    " if first else ",\n    ") + body.replace("\n", "\n    ")
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def stream_jsonl_assessment(source: Path, handle: IO[str], *, as_json: bool) -> None:
    """Copy a JSON Lines assessment to *handle*, one community at a time.

    Every line is checked as strictly as :func:`~._jsonl.read_assessment_jsonl`
    checks it, but only one community is held in memory at a time. The output
    is byte-identical to writing the whole assessment with
    :func:`write_assessment_jsonl` (``as_json=False``) or
    :func:`~._jsonio.dumps_assessment` (``as_json=True``).

    Args:
        source: The ``.jsonl`` file to read.
        handle: A text file to write to (normally a temporary file that is
            renamed only on success).
        as_json: Write one FORMAT.md document instead of JSON Lines.

    Raises:
        InputError: Every problem on every line (after the whole file was
            read; what was written to *handle* by then is to be discarded).
        OSError: The file cannot be read.
    """
    from .jsonl import iter_community_lines, read_header

    problems: list[Problem] = []

    def valid(lines: Iterable[bytes]) -> Iterable[Community]:
        for result in iter_community_lines(lines):
            problems.extend(result.problems)
            if result.community is not None and not problems:
                yield result.community

    with source.open("rb") as lines:
        first = lines.readline()
        if not first.strip():
            raise InputError([Problem("line 1", "the header line is missing")])
        period, description = read_header(first)
        header = unstructure_header(period, description)
        if as_json:
            for piece in _json_document_lines(header, valid(lines)):
                handle.write(piece)
        else:
            handle.write(json.dumps(header, ensure_ascii=False) + "\n")
            for community in valid(lines):
                line = json.dumps(unstructure_community(community), ensure_ascii=False)
                handle.write(line + "\n")
    if problems:
        raise InputError(problems)
