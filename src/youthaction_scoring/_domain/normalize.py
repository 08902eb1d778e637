"""How names and titles are compared (R15)."""

from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=16384)  # performance only: titles repeat across records
def compare_key(text: str) -> str:
    """Return the form in which two names or titles are compared (R15).

    The text is put in Unicode NFKC normal form, case-folded, and stripped of
    all whitespace, so full-width letters, case and stray spaces do not make
    two records differ. The original text is kept for display elsewhere.

    Args:
        text: A name or title as recorded.

    Returns:
        Its comparison key.
    """
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())
