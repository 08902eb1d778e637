"""Reasons and notes, each available in Chinese and English.

A :class:`Message` keeps its *key* and its structured *args* (months, codes,
titles), so programs can act on it, and renders to either language on demand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import attrs

from .codes import CodedEnum, Lang

TEMPLATES: Final[dict[str, tuple[str, str]]] = {
    # Deductions.
    "county_org_missing": (
        "所在区县团委未录入{0}类县级团属青年社会组织",
        "the district league committee has not recorded a {0} organisation",
    ),
    "youth_home_not_built": ("未建成社区“Y+青年之家”", "no Y+ Youth Home built"),
    "youth_home_not_on_cloud": (
        "“Y+青年之家”未入驻青年之家云平台",
        "the Youth Home has not joined the Youth Home cloud platform",
    ),
    "youth_home_not_standardized": (
        "“Y+青年之家”未规范开展活动",
        "the Youth Home's activities are not run to standard",
    ),
    "league_org_not_established": ("未建立社区团组织", "no community league organisation"),
    "league_org_not_standardized": (
        "社区团组织未规范开展活动",
        "the league organisation's activities are not run to standard",
    ),
    "cadres_incomplete": (
        "专、挂、兼团干部配备不完善，缺少{0}团干部",
        "cadre staffing incomplete, missing: {0}",
    ),
    "no_brand": ("未形成特色社区品牌", "no featured community brand formed"),
    "month_missing": (
        "{0}未开展冠名“社区青春行动”并向团市委报送的专项活动",
        "no qualifying activity in {0}",
    ),
    # Stages.
    "floored": ("扣分合计{0}分，扣完为止，本项计0分", "deductions total {0}, floored at 0"),
    "capped": ("累计{0}分，按上限{1}分计", "raw {0} capped at {1}"),
    "bonus_capped": ("加分项合计{0}分，按上限{1}分计", "bonus items total {0}, capped at {1}"),
    "base_capped": ("基本项合计{0}分，按上限{1}分计", "base items total {0}, capped at {1}"),
    # Records.
    "excluded_period": (
        "{0}“{1}”日期{2}不在考核期{3}至{4}内，不计分",
        '{0} "{1}" dated {2} is outside the period {3} … {4}; not counted',
    ),
    "excluded_as_of": (
        "{0}“{1}”日期{2}晚于统计截至月份{3}，暂不计分",
        '{0} "{1}" dated {2} is after the as-of month {3}; not counted yet',
    ),
    "duplicate_merged": (
        "{0}“{1}”重复记录{2}次，只计1次",
        '{0} "{1}" recorded {2} times; counted once',
    ),
    "activity_not_reported": (
        "专项活动“{0}”（{1}）未向团市委报送，不计入",
        'activity "{0}" on {1} was not reported to the city league committee; not counted',
    ),
    "activity_not_titled": (
        "专项活动“{0}”（{1}）未冠名“{2}”，不计入",
        'activity "{0}" on {1} is not titled with "{2}"; not counted',
    ),
    "many_brands": (
        "形成{0}个特色品牌，考核办法要求1-{1}个（仍按已形成品牌计分）",
        "{0} brands formed; the rulebook asks for one to {1} (scored as having a brand)",
    ),
    "summary_unrecognised": (
        "信息综述“{0}”尚未获领导批示或媒体刊发，暂不计分",
        'summary "{0}" has no leader instruction or media publication yet; not counted',
    ),
    # Improvement plans (_plan.py): actions and points lost.
    "plan_county_org": (
        "推动所在区县团委录入{0}类县级团属青年社会组织",
        "have the district league committee record a {0} organisation",
    ),
    "plan_build_youth_home": (
        "建成社区“Y+青年之家”，入驻青年之家云平台并规范开展活动",
        "build a Y+ Youth Home that joins the cloud platform and runs activities to standard",
    ),
    "plan_youth_home_cloud": (
        "“Y+青年之家”入驻青年之家云平台",
        "join the Youth Home cloud platform",
    ),
    "plan_youth_home_standard": (
        "“Y+青年之家”规范开展活动",
        "run the Youth Home's activities to standard",
    ),
    "plan_establish_league_org": (
        "建立社区团组织并规范开展活动",
        "establish the community league organisation and run its activities to standard",
    ),
    "plan_league_org_standard": (
        "社区团组织规范开展活动",
        "run the league organisation's activities to standard",
    ),
    "plan_cadres": ("配齐{0}团干部", "appoint a {0} league cadre"),
    "plan_brand": (
        "形成特色社区品牌（从规定的品牌中选定1-2个）",
        "form a featured community brand (one or two from the closed list)",
    ),
    "plan_month": (
        "{0}开展冠名“社区青春行动”的专项活动并向团市委报送",
        'hold a special activity titled "社区青春行动" in {0} and report it to the city league',
    ),
    "plan_service_projects": (
        "再记录{0}个县级团属青年社会组织在考核期内完成的服务项目",
        "record {0} more service projects completed in the period by county-level league"
        " youth organisations",
    ),
    "plan_pairings": (
        "再与{0}家高校、企业或单位的志愿服务组织结对共建",
        "pair with {0} more volunteer organisations of universities, enterprises or institutions",
    ),
    "plan_recognise_summary": (
        "为信息综述“{0}”争取领导批示或媒体刊发",
        'obtain a leader instruction or media publication for summary "{0}"',
    ),
    "plan_more_summaries": (
        "再撰写{0}篇{1}信息综述并争取领导批示或媒体刊发",
        "write {0} more {1} summaries in the period and obtain a leader instruction or"
        " media publication for each",
    ),
    "plan_reaches_cap": ("达到上限{0}分", "reaching the cap of {0}"),
    "plan_total_capped": (
        "{0}合计按上限{1}分计，只增加{2}分",
        "the {0} total is capped at {1}, so only {2} count",
    ),
    # Lost points.
    "plan_lost_month": (
        "{0}未开展冠名“社区青春行动”并报送的专项活动，该月已过，无法补回",
        "no qualifying activity in {0}; the month has passed and cannot be made up",
    ),
    "plan_lost_partial": (
        "（该项{1}分中只计{0}分：本项最低0分或合计有上限）",
        "(counts {0} of its {1}: the item stops at 0 or the sum is capped)",
    ),
    "plan_lost_no_points": (
        "规则对本项每条记录不计分，无法得分",
        "the rulebook awards no points per record for this item",
    ),
}
"""Message templates by key: (Chinese, English), ``{n}`` for the n-th arg."""

_JOINERS: Final[dict[Lang, str]] = {"zh": "、", "en": ", "}


def _render_arg(arg: object, lang: Lang) -> str:
    if type(arg) is str:
        return arg
    if isinstance(arg, CodedEnum):
        return arg.label_in(lang)
    if isinstance(arg, tuple):
        return _JOINERS[lang].join(_render_arg(a, lang) for a in arg)
    return str(arg)


def _render_both(arg: object) -> tuple[str, str]:
    """Render an argument in Chinese and English (only codes differ)."""
    kind = type(arg)
    if kind is str:
        return arg, arg  # type: ignore[return-value]
    if kind is int or kind is dt.date:
        text = str(arg)
        return text, text
    if isinstance(arg, CodedEnum):
        return arg.label, arg.label_en
    if isinstance(arg, tuple):
        return _render_arg(arg, "zh"), _render_arg(arg, "en")
    return _render_shared(arg)


_SHARED: dict[int, tuple[object, tuple[str, str]]] = {}
_SHARED_MAX: Final = 1024


def _render_shared(arg: object) -> tuple[str, str]:
    """Render months, periods and the like, remembering the text of each object.

    The same period (and the same few months) appear in a great many
    messages of a batch; their text is kept by object identity (the object is
    kept alive with it, so its id cannot be reused); at the bound the cache is
    emptied, so objects of finished batches do not linger.
    """
    entry = _SHARED.get(id(arg))
    if entry is not None and entry[0] is arg:
        return entry[1]
    text = str(arg)
    if len(_SHARED) >= _SHARED_MAX:
        _SHARED.clear()  # objects of finished batches: start afresh
    _SHARED[id(arg)] = (arg, (text, text))
    return text, text


@attrs.frozen
class Message:
    """A reason or note, rendered in Chinese or English on demand.

    Args:
        key: A key of :data:`TEMPLATES`.
        args: Values for the template: text, numbers, months, dates, codes
            (rendered by their label) or tuples of those (joined).
        rule: The R-decision behind the message, if any (e.g. ``"R1"``).
    """

    key: str = attrs.field(validator=attrs.validators.in_(TEMPLATES))
    args: tuple[object, ...] = ()
    rule: str | None = None
    # Performance only: both texts, rendered on first use. Messages are
    # immutable and many are shared by every scorecard of a batch (see
    # Context.memo), so each is rendered once. Not part of equality.
    _texts: tuple[str, str] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def text(self, lang: Lang = "en") -> str:
        """Render the message.

        Args:
            lang: ``"zh"`` or ``"en"``.

        Returns:
            The text, with the rule in parentheses when there is one.
        """
        texts = self._texts
        if texts is None:
            texts = self.both()
        return texts[0] if lang == "zh" else texts[1]

    def both(self) -> tuple[str, str]:
        """Return the Chinese and the English text (rendered once, then kept).

        Returns:
            ``(zh, en)``, each as :meth:`text` gives it.
        """
        texts = self._texts
        if texts is not None:
            return texts
        zh, en = TEMPLATES[self.key]
        if self.args:
            zh_args: list[str] = []
            en_args: list[str] = []
            for arg in self.args:
                kind = type(arg)
                if kind is str:
                    zh_args.append(arg)  # type: ignore[arg-type]
                    en_args.append(arg)  # type: ignore[arg-type]
                elif kind is dt.date or kind is int:
                    text = str(arg)
                    zh_args.append(text)
                    en_args.append(text)
                else:
                    pair = _render_both(arg)
                    zh_args.append(pair[0])
                    en_args.append(pair[1])
            zh = zh.format(*zh_args)
            en = en.format(*en_args)
        rule = self.rule
        texts = (f"{zh} ({rule})", f"{en} ({rule})") if rule else (zh, en)
        object.__setattr__(self, "_texts", texts)
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


def texts(messages: Sequence[Message], lang: Lang) -> list[str]:
    """Render several messages.

    Args:
        messages: The messages.
        lang: ``"zh"`` or ``"en"``.

    Returns:
        Their texts, in order.
    """
    return [m.text(lang) for m in messages]


_new = object.__new__
_set = object.__setattr__


def known_message(key: str, args: tuple[object, ...] = (), rule: str | None = None) -> Message:
    """Make a :class:`Message` whose *key* is a literal key of :data:`TEMPLATES`.

    Performance only: the rules make several messages per community, always
    with literal keys, so the check of the key against :data:`TEMPLATES` is
    skipped. The result is an ordinary, equal :class:`Message`.

    Args:
        key: A key of :data:`TEMPLATES`.
        args: As for :class:`Message`.
        rule: As for :class:`Message`.

    Returns:
        The message.
    """
    message = _new(Message)
    _set(message, "key", key)
    _set(message, "args", args)
    _set(message, "rule", rule)
    _set(message, "_texts", None)
    return message
