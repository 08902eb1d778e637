"""Score rows for the whole-file commands that read only totals: rank, districts, score csv.

A JSON Lines file or a plain JSON document is scored as a stream and only one
compact row per community is held (:func:`.._io.summaries.score_rows`); any
other input (a register, a document the element reader gives up on, a JSON
document on standard input) is read whole as before. Either way the
messages are those of :func:`.common.load_input` and :func:`.common.score_or_fail`:
every problem at once with its place (exit 2), the R18 warnings, then a
refused as-of month.
"""

from __future__ import annotations

import io
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from .._analysis.score_rows import ScoreRows
from .._domain.calendar import Month
from .._domain.codes import Lang
from .._domain.errors import Refusal
from .._io.jsonl import JsonLines
from .common import fail, load_input, score_or_fail, stdin_input, user_errors
from .warnings import disagreement_warner, warn_disagreements


def score_rows_or_fail(
    input_path: str,
    input_format: str | None,
    as_of: Month | None,
    lang: Lang,
    shortfalls: bool = False,
) -> ScoreRows:
    """Score INPUT into score rows, failing as a whole-file command does.

    Args:
        input_path: The input file, or ``-`` for standard input.
        input_format: ``--input-format``, for standard input.
        as_of: The as-of month (R2).
        lang: The language of the R18 warnings.
        shortfalls: Keep each row's short base items (``districts``' behind lists).

    Returns:
        One row per community, in input order.

    Raises:
        UserError: The input cannot be read or is invalid (every problem), or
            the as-of month is before the period.
    """
    if input_path == "-":
        return _from_stdin(input_format, as_of, lang, shortfalls)
    suffix = Path(input_path).suffix.lower()
    if suffix not in (".json", ".jsonl"):  # a register, or an ending refused by the reader
        return ScoreRows.of(
            score_or_fail(load_input(input_path, input_format, warn=lang), as_of), shortfalls
        )
    with user_errors(input_path):
        opened, closing = _open_file(Path(input_path), suffix)
    if opened is None:  # its structure is not plain: the whole reader says what is wrong
        return ScoreRows.of(
            score_or_fail(load_input(input_path, input_format, warn=lang), as_of), shortfalls
        )
    with closing:
        return _scored(opened, input_path, as_of, lang, shortfalls)


def _open_file(path: Path, suffix: str) -> tuple[JsonLines | None, AbstractContextManager[object]]:
    """Open a ``.jsonl`` file line by line, or split a ``.json`` document (``None``: unusual)."""
    from .._io.jsonl import open_json_lines

    if suffix == ".jsonl":
        handle = path.open("rb")
        try:
            return open_json_lines(handle), handle
        except BaseException:
            handle.close()
            raise
    from .._io.document_stream import open_json_document

    return open_json_document(path.read_bytes()), nullcontext()


def _from_stdin(
    input_format: str | None, as_of: Month | None, lang: Lang, shortfalls: bool
) -> ScoreRows:
    """Standard input, read whole (within the size limit) as :func:`.common.load_input` reads it."""
    from .._io.assessments import read_assessment
    from .._io.jsonl import open_json_lines

    data, fmt = stdin_input(input_format)
    if fmt == "jsonl":
        with user_errors("-"):
            opened = open_json_lines(io.BytesIO(data))
        return _scored(opened, "-", as_of, lang, shortfalls)
    from .._analysis.rollup import district_disagreements

    with user_errors("-"):
        assessment = read_assessment(data, fmt)
    warn_disagreements(district_disagreements(assessment), lang)
    return ScoreRows.of(score_or_fail(assessment, as_of), shortfalls)


def _scored(
    opened: JsonLines, place: str, as_of: Month | None, lang: Lang, shortfalls: bool
) -> ScoreRows:
    from .._io.summaries import score_rows

    try:
        with user_errors(place):
            warn = disagreement_warner(lang)
            return score_rows(opened, as_of=as_of, warn=warn, shortfalls=shortfalls)
    except Refusal as exc:
        fail("--as-of", exc.message)
