"""Texts in Chinese and English: typed catalogues, and messages made from them.

A catalogue is an enum whose members are (Chinese, English) templates, with
``{0}``, ``{1}`` … for arguments::

    class S3Text(Text):
        MONTH_MISSING = ("{0}未开展……专项活动", "no qualifying activity in {0}")

Each layer declares the texts it uses beside the code that uses them (the
clauses their reasons, the plan its steps, the tables their headings), so a
mistyped key fails type checking and a text lives next to its rule. A
:class:`Message` keeps its key and its structured arguments (months, codes,
titles), so programs can act on it, and renders in either language on demand.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from typing import Final, Protocol, Self

import attrs

from .codes import CodedEnum, Lang

_JOINERS: Final[dict[Lang, str]] = {"zh": "、", "en": ", "}


class Localized(Protocol):
    """A value that renders itself in either language (a place, a nested message)."""

    def text(self, lang: Lang) -> str:
        """Render the value in *lang*."""


def _localized(arg: object) -> Callable[[Lang], str] | None:
    """*arg*'s ``text(lang)`` when it is :class:`Localized`, else ``None``.

    A duck-typed check: a runtime protocol check costs microseconds, and
    months pass here by the million.
    """
    text = getattr(type(arg), "text", None)
    return getattr(arg, "text") if callable(text) else None  # noqa: B009 - bound method


def render_arg(arg: object, lang: Lang) -> str:
    """Render one argument of a template.

    Args:
        arg: Text, a number, a month, a date, a code (shown by its label in
            *lang*), a :class:`Message` (rendered in *lang*) or a tuple of
            those (joined).
        lang: ``"zh"`` or ``"en"``.

    Returns:
        The text.
    """
    if type(arg) is str:
        return arg
    if isinstance(arg, CodedEnum):
        return arg.label_in(lang)
    if isinstance(arg, Message):
        return arg.text(lang)
    if isinstance(arg, tuple):
        return _JOINERS[lang].join(render_arg(a, lang) for a in arg)
    localized = _localized(arg)
    return str(arg) if localized is None else localized(lang)


class Text(enum.Enum):
    """Base of every text catalogue: members are ``(Chinese, English)`` templates.

    Subclasses declare members as ``NAME = ("中文{0}", "English {0}")``.
    """

    _value_: tuple[str, str]
    zh: str
    en: str

    # Members are singletons compared by identity: hash them by identity too.
    __hash__ = object.__hash__

    def __new__(cls, zh: str, en: str) -> Self:
        """Create a member from its two templates."""
        member = object.__new__(cls)
        member._value_ = (zh, en)
        member.zh = zh
        member.en = en
        return member

    def __call__(self, *args: object, rule: str | None = None) -> Message:
        """Make a message of this text: ``CheckText.BLANK()``, ``Text.X(3, rule="R1")``."""
        return Message(self, args, rule)

    @property
    def key(self) -> str:
        """A stable lower-case key for the text, e.g. ``"month_missing"``."""
        return self.name.lower()

    def template(self, lang: Lang) -> str:
        """Return the template in *lang*."""
        return self.zh if lang == "zh" else self.en

    def format(self, lang: Lang, *args: object) -> str:
        """Render the text in *lang* with *args*.

        Args:
            lang: ``"zh"`` or ``"en"``.
            *args: Values for ``{0}``, ``{1}`` …, rendered by :func:`render_arg`.

        Returns:
            The text.
        """
        template = self.template(lang)
        if not args:
            return template
        return template.format(*(render_arg(a, lang) for a in args))


def _render_both(arg: object) -> tuple[str, str]:
    """Render an argument in Chinese and English (only codes and tuples differ)."""
    kind = type(arg)
    if kind is str:
        return arg, arg  # type: ignore[return-value]
    if kind is int or kind is dt.date:
        text = str(arg)
        return text, text
    if isinstance(arg, CodedEnum):
        return arg.label, arg.label_en
    if isinstance(arg, Message):
        return arg.both()
    if isinstance(arg, tuple) or _localized(arg) is not None:
        return render_arg(arg, "zh"), render_arg(arg, "en")
    text = str(arg)
    return text, text


@attrs.frozen(cache_hash=True)
class Message:
    """A reason or note, rendered in Chinese or English on demand.

    Args:
        key: The text it is made from: a member of a :class:`Text` catalogue.
        args: Values for the template: text, numbers, months, dates, codes
            (rendered by their label), messages (rendered in the same
            language) or tuples of those (joined).
        rule: The R-decision behind the message, if any (e.g. ``"R1"``).
    """

    key: Text
    args: tuple[object, ...] = ()
    rule: str | None = None
    # Both texts, rendered on first use and kept: a message is immutable, and
    # one shared by many scorecards is then rendered once. Not part of equality.
    _texts: tuple[str, str] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def text(self, lang: Lang = "en") -> str:
        """Render the message.

        Args:
            lang: ``"zh"`` or ``"en"``.

        Returns:
            The text, with the rule in parentheses when there is one (full-width
            ones in Chinese: ``…（R12）``).
        """
        texts = self._texts or self.both()
        return texts[0] if lang == "zh" else texts[1]

    def both(self) -> tuple[str, str]:
        """Return the Chinese and the English text (rendered once, then kept).

        Returns:
            ``(zh, en)``, each as :meth:`text` gives it.
        """
        texts = self._texts
        if texts is not None:
            return texts
        texts = _RENDERED.get(self)  # an equal message of another scorecard
        if texts is not None:
            object.__setattr__(self, "_texts", texts)
            return texts
        zh, en = self.key.zh, self.key.en
        if self.args:
            pairs = [_render_both(arg) for arg in self.args]
            zh = zh.format(*(p[0] for p in pairs))
            en = en.format(*(p[1] for p in pairs))
        rule = self.rule
        texts = (f"{zh}（{rule}）", f"{en} ({rule})") if rule else (zh, en)  # full width in Chinese
        object.__setattr__(self, "_texts", texts)
        if len(_RENDERED) >= _RENDERED_MAX:
            _RENDERED.clear()  # bounded: a long stream of distinct messages stays small
        _RENDERED[self] = texts
        return texts

    @property
    def en(self) -> str:
        """The English text."""
        return self.text("en")

    @property
    def zh(self) -> str:
        """The Chinese text."""
        return self.text("zh")

    def __str__(self) -> str:
        """Return the English text."""
        return self.text("en")


_RENDERED: dict[Message, tuple[str, str]] = {}
"""Texts rendered lately, by message: equal messages (the same reason in many
scorecards, made anew for each) are rendered once."""
_RENDERED_MAX: Final = 50_000


def texts(messages: Sequence[Message], lang: Lang) -> list[str]:
    """Render several messages.

    Args:
        messages: The messages.
        lang: ``"zh"`` or ``"en"``.

    Returns:
        Their texts, in order.
    """
    return [m.text(lang) for m in messages]
