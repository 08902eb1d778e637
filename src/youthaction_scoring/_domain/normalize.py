"""How names and titles are compared (R15, R17)."""

from __future__ import annotations

import functools
import unicodedata

from .limits import without_format_characters


@functools.lru_cache(maxsize=16384)  # performance only: titles repeat across records
def compare_key(text: str) -> str:
    """Return the form in which two names or titles are compared (R15, R17).

    The text is put in Unicode NFKC normal form, case-folded, and stripped of
    all whitespace (what ``str.split()`` splits on) and of every format
    character (Unicode category Cf: zero-width spaces and joiners, byte-order
    marks, soft hyphens …), so full-width letters, case, stray spaces and
    invisible characters pasted from chat apps do not make two records differ.
    The original text is kept for display elsewhere.

    Args:
        text: A name or title as recorded.

    Returns:
        Its comparison key.
    """
    return without_format_characters(
        "".join(unicodedata.normalize("NFKC", text).casefold().split())
    )
