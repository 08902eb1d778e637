"""Scorecards as JSON Lines (FORMAT.md): one compact scorecard object a line.

A line is defined as the standard library's
``json.dumps(unstructure_scorecard(card), ensure_ascii=False,
separators=(",", ":"))`` followed by a newline — see
:func:`reference_scorecard_line`. :func:`scorecard_json_line` writes the same
bytes faster: it assembles the text directly, escaping strings with the same
C routine ``json.dumps`` uses, and renders each message once per language. The
tests check that the two are byte-identical.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Final

from .._domain.codes import ItemCode, ItemKind
from .._domain.messages import Message
from .._domain.scorecard import Deduction, ItemScore, Scorecard
from .converter import unstructure_scorecard

_quote: Final[Callable[[str], str]] = json.encoder.encode_basestring
"""``json.dumps``' own string escaper for ``ensure_ascii=False``."""


def reference_scorecard_line(card: Scorecard) -> str:
    """Return one scorecard as a JSON Lines line, the plain (reference) way.

    Args:
        card: The scorecard.

    Returns:
        The line, ending in a newline.
    """
    return json.dumps(unstructure_scorecard(card), ensure_ascii=False, separators=(",", ":")) + "\n"


def _texts(messages: tuple[Message, ...]) -> str:
    if not messages:
        return '"notes":[],"notes_zh":[]'
    pairs = [m.both() for m in messages]
    en = ",".join([_quote(p[1]) for p in pairs])
    zh = ",".join([_quote(p[0]) for p in pairs])
    return f'"notes":[{en}],"notes_zh":[{zh}]'


def _deduction(d: Deduction) -> str:
    zh, en = d.reason.both()
    return (
        f'{{"points":{d.points},"reason":{_quote(en)},'
        f'"rule":{_quote(d.rule)},"reason_zh":{_quote(zh)}}}'
    )


_SHARED_MAX: Final = 4096
_SHARED_ITEMS: dict[int, tuple[ItemScore, str]] = {}
_SHARED_DEDUCTIONS: dict[int, tuple[Deduction, str]] = {}
_ALWAYS_SHARED: Final = frozenset((ItemCode.C1_1, ItemCode.C1_2, ItemCode.C1_3, ItemCode.C2_1))


def _item_cached(item: ItemScore) -> str:
    """Write an item, remembering the text of items that scoring shares.

    Items 1.1-2.1 and bonus items without notes of their own are shared by
    many scorecards (``Context.memo``); their text is kept by object identity
    (with the object, so the id cannot be reused); when the bound is reached
    the cache is emptied, so entries of finished batches do not linger.
    """
    entry = _SHARED_ITEMS.get(id(item))
    if entry is not None and entry[0] is item:
        return entry[1]
    text = _item(item)
    if item.code in _ALWAYS_SHARED or (item.kind is ItemKind.BONUS and not item.notes):
        if len(_SHARED_ITEMS) >= _SHARED_MAX:
            _SHARED_ITEMS.clear()  # items of finished batches: start afresh
        _SHARED_ITEMS[id(item)] = (item, text)
    return text


def _deduction_cached(d: Deduction) -> str:
    entry = _SHARED_DEDUCTIONS.get(id(d))
    if entry is not None and entry[0] is d:
        return entry[1]
    text = _deduction(d)
    if len(_SHARED_DEDUCTIONS) >= _SHARED_MAX:
        _SHARED_DEDUCTIONS.clear()  # deductions of finished batches: start afresh
    _SHARED_DEDUCTIONS[id(d)] = (d, text)
    return text


_HEADS: dict[tuple[str, str, int], str] = {}


def _item(item: ItemScore) -> str:
    key = (item.code._value_, item.kind._value_, item.max)
    head = _HEADS.get(key)
    if head is None:  # a handful of (code, kind, max) combinations per rulebook
        head = f'{{"code":{_quote(key[0])},"kind":{_quote(key[1])},"max":{key[2]},'
        if len(_HEADS) < _SHARED_MAX:
            _HEADS[key] = head
    raw = f'"raw":{item.raw},' if item.kind is ItemKind.BONUS else ""
    deductions = ",".join([_deduction_cached(d) for d in item.deductions])
    return f'{head}{raw}"points":{item.points},"deductions":[{deductions}],{_texts(item.notes)}}}'


def scorecard_json_line(card: Scorecard) -> str:
    """Return one scorecard as a JSON Lines line, quickly.

    Byte-identical to :func:`reference_scorecard_line`.

    Args:
        card: The scorecard.

    Returns:
        The line, ending in a newline.
    """
    items = ",".join([_item_cached(i) for i in card.items])
    notes = f",{_texts(card.notes)}" if card.notes else ""
    return (
        f'{{"community_id":{_quote(card.community_id)},'
        f'"community_name":{_quote(card.community_name)},'
        f'"district":{_quote(card.district)},"pilot_level":{_quote(card.pilot_level.code)},'
        f'"base":{card.base},"bonus":{card.bonus},"total":{card.total},'
        f'"items":[{items}]{notes}}}\n'
    )
