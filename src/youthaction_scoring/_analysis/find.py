"""One community asked for by id or by name (``--community``, the service's ``community``).

An id is matched exactly first; otherwise ids and names are compared as
names are (R15, R17: :func:`~.._domain.normalize.compare_key`), so
``中环社区``, ``中环 社区`` and a full-width ``ＮＭ-01`` find their community.
A name shared by several communities is refused with each of them; a miss is
refused with the nearest ids and names, so that a typo can be corrected.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Final

from .._domain.errors import Refusal
from .._domain.messages import Message, Text
from .._domain.normalize import compare_key
from .._domain.scorecard import Scorecard

NEAREST: Final = 5
"""The most communities a miss suggests."""


class FindText(Text):
    """Why no one community was found."""

    MISSING = (
        "没有编号或名称为“{0}”的社区{1}",
        "no community with id or name {0!r}{1}",
    )
    NEAREST = ("；最接近的：{0}", "; the nearest: {0}")
    NONE_NEAR = ("；请用 score 命令查看各社区的编号", "; list the ids with the score command")
    SEVERAL = (
        "有{1}个社区名为“{0}”，请改用编号：{2}",
        "{1} communities are named {0!r}; give the id of one: {2}",
    )


def find_community(cards: Iterable[Scorecard], given: str, field: str = "") -> Scorecard:
    """Return the scorecard of the community with id or name *given*.

    Args:
        cards: The scorecards to look in.
        given: An id (matched exactly first) or a name (R15, R17).
        field: The setting that gave it, for the refusal (``community``).

    Returns:
        The one scorecard found.

    Raises:
        Refusal: No community has that id or name (the message lists the
            nearest ids and names), or several are named so (it lists them).
    """
    every = list(cards)
    for card in every:
        if card.community_id == given:
            return card
    key = compare_key(given)
    found = [
        c for c in every if key in (compare_key(c.community_id), compare_key(c.community_name))
    ]
    if len(found) == 1:
        return found[0]
    if found:
        shown = ", ".join(f"{c.community_id} ({c.community_name})" for c in found[: NEAREST * 2])
        raise Refusal(FindText.SEVERAL(given, len(found), shown), field)
    raise Refusal(FindText.MISSING(given, _nearest(every, given)), field)


def _nearest(cards: list[Scorecard], given: str) -> Message:
    """The ids and names closest to *given*, as ``id (name)``."""
    by_text: dict[str, Scorecard] = {}
    for card in cards:
        by_text.setdefault(compare_key(card.community_id), card)
        by_text.setdefault(compare_key(card.community_name), card)
    close = difflib.get_close_matches(compare_key(given), list(by_text), n=NEAREST * 2, cutoff=0.4)
    chosen: list[Scorecard] = []
    for text in close:
        card = by_text[text]
        if card not in chosen:
            chosen.append(card)
    if not chosen:
        return FindText.NONE_NEAR()
    shown = ", ".join(f"{c.community_id} ({c.community_name})" for c in chosen[:NEAREST])
    return FindText.NEAREST(shown)
