"""Whole-file commands that hold a little per community: rank, districts, score csv, progress.

A JSON Lines file or a plain JSON document is read as a stream and reduced as
it goes (score rows, :func:`.._io.summaries.score_rows`; progress standings,
:func:`.._io.summaries.progress_standings`), so the communities are never
held; any other input (a register, a document the element reader gives up
on, a JSON document on standard input) is read whole as before. Either way
the messages are those of :func:`.common.load_input` and
:func:`.common.score_or_fail`: every problem at once with its place (exit 2),
the R18 warnings, then a refused as-of month.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .._analysis.progress import Standings
from .._analysis.score_rows import ScoreRows
from .._domain.calendar import Month
from .._domain.codes import Lang
from .._domain.errors import Refusal
from .._domain.model import Assessment
from .._io.jsonl import JsonLines
from .common import fail, load_input, stdin_input, user_errors
from .records import score_or_fail
from .warnings import disagreement_warner, warn_disagreements

if TYPE_CHECKING:
    from .._rules.rulebook import Rulebook

T = TypeVar("T")


def score_rows_or_fail(
    input_path: str,
    input_format: str | None,
    as_of: Month | None,
    lang: Lang,
    rulebook: Rulebook | None = None,
    shortfalls: bool = False,
) -> ScoreRows:
    """Score INPUT into score rows (one a community, in input order), failing as a command does.

    *shortfalls* keeps each row's short base items (``districts``' behind lists).

    Raises:
        UserError: The input cannot be read or is invalid (every problem), or
            the as-of month is before the period.
    """
    from .._io.summaries import score_rows

    return _reduced(
        input_path,
        input_format,
        lang,
        lambda opened: score_rows(
            opened,
            as_of=as_of,
            rulebook=rulebook,
            warn=disagreement_warner(lang),
            shortfalls=shortfalls,
        ),
        lambda assessment: ScoreRows.of(score_or_fail(assessment, as_of, rulebook), shortfalls),
    )


def standings_or_fail(
    input_path: str, input_format: str | None, lang: Lang, rulebook: Rulebook | None = None
) -> Standings:
    """Every community's standing as of each month of INPUT's period, failing as a command does.

    Raises:
        UserError: The input cannot be read or is invalid (every problem).
    """
    from .._io.summaries import progress_standings

    return _reduced(
        input_path,
        input_format,
        lang,
        lambda opened: progress_standings(
            opened, rulebook=rulebook, warn=disagreement_warner(lang)
        ),
        lambda assessment: Standings.of(assessment, rulebook=rulebook),
    )


def _reduced(
    input_path: str,
    input_format: str | None,
    lang: Lang,
    stream: Callable[[JsonLines], T],
    whole: Callable[[Assessment], T],
) -> T:
    """Reduce INPUT by *stream* when it can be read as a stream, else read it whole into *whole*."""
    if input_path == "-":
        return _from_stdin(input_format, lang, stream, whole)
    suffix = Path(input_path).suffix.lower()
    if suffix not in (".json", ".jsonl"):  # a register, or an ending refused by the reader
        return whole(load_input(input_path, input_format, warn=lang))
    with user_errors(input_path):
        opened, closing, data = _open_file(Path(input_path), suffix)
    if opened is None:  # its structure is not plain: the whole reader says what is wrong
        return whole(load_input(input_path, input_format, warn=lang, data=data))
    with closing:
        return _streamed(opened, input_path, stream)


def _open_file(
    path: Path, suffix: str
) -> tuple[JsonLines | None, AbstractContextManager[object], bytes | None]:
    """Open a ``.jsonl`` file line by line, or split a ``.json`` document (``None``: unusual).

    Each is opened once (a FIFO cannot be read twice): a document's bytes are
    given back, to be read whole when it is not plain.
    """
    from .._io.input_files import bounded_lines, read_file
    from .._io.jsonl import open_json_lines

    if suffix == ".jsonl":
        handle = path.open("rb")
        try:
            return open_json_lines(bounded_lines(handle, str(path), whole=False)), handle, None
        except BaseException:
            handle.close()
            raise
    from .._io.document_stream import open_json_document

    data = read_file(path)
    return open_json_document(data), nullcontext(), data


def _from_stdin(
    input_format: str | None,
    lang: Lang,
    stream: Callable[[JsonLines], T],
    whole: Callable[[Assessment], T],
) -> T:
    """Standard input, read whole (within the size limit) as :func:`.common.load_input` reads it."""
    from .._io.assessments import read_assessment
    from .._io.jsonl import open_json_lines

    data, fmt = stdin_input(input_format)
    if fmt == "jsonl":
        with user_errors("-"):
            opened = open_json_lines(io.BytesIO(data))
        return _streamed(opened, "-", stream)
    from .._analysis.rollup import district_disagreements

    with user_errors("-"):
        assessment = read_assessment(data, fmt)
    warn_disagreements(district_disagreements(assessment), lang)
    return whole(assessment)


def _streamed(opened: JsonLines, place: str, stream: Callable[[JsonLines], T]) -> T:
    try:
        with user_errors(place):
            return stream(opened)
    except Refusal as exc:
        fail("--as-of", exc.message)
