"""Text for terminals: user text can never steer one.

The input limits already refuse control characters other than tab, line feed
and carriage return; as a second line of defence, everything printed for
people shows any remaining control character (a carriage return, an escape)
as a visible symbol instead of sending it to the terminal.
"""

from __future__ import annotations

import re
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
