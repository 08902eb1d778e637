"""Writing an assessment as JSON Lines (FORMAT.md): a header line, then one community a line."""

from __future__ import annotations

import json
from typing import IO

from ._converter import unstructure_community, unstructure_header
from ._model import Assessment


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
