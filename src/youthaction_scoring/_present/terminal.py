"""Text for terminals: user text can never steer one, and no console encoding breaks one.

The input limits already refuse control characters other than tab, line feed
and carriage return; as a second line of defence, everything printed for
people shows any remaining control character (a carriage return, an escape)
as a visible symbol instead of sending it to the terminal. A console whose
encoding cannot show a character (GBK has no ``✗``) gets an ASCII stand-in
(:func:`stand_in`) instead of a crash.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Final

_CONTROL: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
"""Control characters, and the bidirectional marks, embeddings, overrides and
isolates that could reorder what a terminal shows (the "Trojan Source" trick)."""


def _shown(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␀ … ␟, ␍ for a carriage return
    if code == 0x7F:
        return "\u2421"  # ␡
    if code > 0xFF:
        return f"<U+{code:04X}>"  # a bidirectional control, named instead of obeyed
    return f"\\x{code:02x}"


def terminal_safe(text: str) -> str:
    """Show control characters other than line feed and tab as visible symbols.

    Args:
        text: Text for a terminal, possibly holding user text.

    Returns:
        The text with every other control character replaced (a carriage
        return by ``␍``, an escape by ``␛``, a C1 control by its hex code).
    """
    return _CONTROL.sub(_shown, text)


# --------------------------------------------------------------------------
# Consoles that cannot show every character (GBK on Chinese Windows).
# --------------------------------------------------------------------------

ASCII_FALLBACK: Final = "youthaction-ascii"
"""The name of the encoding error handler that writes ASCII stand-ins."""

_STAND_INS: Final = {
    "\u2717": "x",  # ✗ no qualifying activity
    "\u2713": "v",  # ✓
    "\u2212": "-",  # − minus
    "\u2013": "-",  # – en dash
    "\u2014": "--",  # — em dash
    "\u2026": "...",  # …
    "\u00b7": ".",  # ·
    "\u00d7": "x",  # ×
    "\u2192": "->",  # →
    "\u2264": "<=",
    "\u2265": ">=",
    "\u201c": '"',
    "\u201d": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u00a0": " ",
}


def stand_in(char: str) -> str:
    """An ASCII stand-in for a character a console cannot encode.

    Args:
        char: One character.

    Returns:
        A known equivalent (``✗`` → ``x``, ``−`` → ``-``), a line for a
        box-drawing character, or ``?``.
    """
    if char in _STAND_INS:
        return _STAND_INS[char]
    if "\u2500" <= char <= "\u257f":  # box drawing: rich's table borders
        words = set(unicodedata.name(char, "").split())
        if words & {"UP", "DOWN", "LEFT", "RIGHT", "ARC", "DIAGONAL"}:
            return "+"  # a corner, a tee or a cross
        if "HORIZONTAL" in words:
            return "-"
        if "VERTICAL" in words:
            return "|"
        return "+"
    return "?"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    part = error.object[error.start : error.end]
    return "".join(stand_in(c) for c in part), error.end


def register_ascii_fallback() -> str:
    """Register :data:`ASCII_FALLBACK` with :mod:`codecs` (once) and return its name."""
    try:
        codecs.lookup_error(ASCII_FALLBACK)
    except LookupError:
        codecs.register_error(ASCII_FALLBACK, _fallback)
    return ASCII_FALLBACK
