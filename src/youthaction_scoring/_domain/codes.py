"""Coded values of the interchange format (the format page), each with its labels.

Every enum's *value* is the English ``snake_case`` code fixed by the format page;
each member also carries its Chinese label (the one the rulebook and league
staff use) and a short English label for English output.
"""

from __future__ import annotations

import enum
import typing
from typing import Literal, Self

Lang = Literal["zh", "en"]
"""A display language: Chinese (the default everywhere) or English."""

LANGS: tuple[Lang, ...] = ("zh", "en")


class CodedEnum(enum.Enum):
    """An enum whose value is an interchange-format code and which carries labels.

    Members are declared as ``NAME = (code, chinese_label, english_label)``.
    """

    _value_: str
    label: str
    label_en: str

    # Members are singletons compared by identity: hash them by identity too
    # (in C), instead of Enum's hash of the member's name (in Python).
    __hash__ = object.__hash__

    def __new__(cls, code: str, label: str, label_en: str) -> Self:
        """Create a member from its code and its two labels."""
        member = object.__new__(cls)
        member._value_ = code
        member.label = label
        member.label_en = label_en
        return member

    @property
    def code(self) -> str:
        """The the format page code, e.g. ``"volunteer_service"``."""
        return self._value_

    def label_in(self, lang: Lang) -> str:
        """Return the label in *lang*.

        Args:
            lang: ``"zh"`` or ``"en"``.

        Returns:
            The Chinese or the English label.
        """
        return self.label if lang == "zh" else self.label_en

    @classmethod
    def from_code(cls, code: str) -> Self:
        """Return the member whose code is *code*.

        Args:
            code: A the format page code.

        Returns:
            The member.

        Raises:
            ValueError: *code* is not one of this enum's codes; the message
                lists the codes that are.
        """
        member = cls._value2member_map_.get(code)
        if member is None:
            raise ValueError(f"unknown code {code!r}; expected one of {cls.codes_text()}")
        return typing.cast(Self, member)

    @classmethod
    def from_code_or_label(cls, text: str) -> Self:
        """Return the member whose code or Chinese label is *text*.

        Spreadsheet front ends accept the Chinese label wherever the code is
        accepted (the format page).

        Args:
            text: A code such as ``"drug_free"`` or a label such as
                ``"禁毒社区"``.

        Returns:
            The member.

        Raises:
            ValueError: *text* is neither a code nor a label of this enum.
        """
        for member in cls:
            if text in (member.code, member.label):
                return member
        choices = ", ".join(f"{m.label} ({m.code})" for m in cls)
        raise ValueError(f"unknown value {text!r}; expected one of {choices}")

    @classmethod
    def codes_text(cls) -> str:
        """Return the codes of this enum as a readable comma-separated list."""
        return ", ".join(repr(m.code) for m in cls)


class PilotLevel(CodedEnum):
    """The pilot batch a community belongs to (the unit assessed)."""

    NATIONAL = ("national", "全国首批", "national first batch")
    PROVINCIAL = ("provincial", "省级首批", "provincial first batch")


class CountyOrgCategory(CodedEnum):
    """Categories of county-level league youth social organisation (clause 1.1)."""

    VOLUNTEER_SERVICE = ("volunteer_service", "志愿服务", "volunteer service")
    ENTREPRENEURSHIP_EMPLOYMENT = (
        "entrepreneurship_employment",
        "创业就业",
        "entrepreneurship and employment",
    )
    CULTURE_ARTS_SPORTS = (
        "culture_arts_sports",
        "文艺体育",
        "culture, arts and sports",
    )


class CadreKind(CodedEnum):
    """Kinds of league cadre a community must have (clause 2.1)."""

    FULL_TIME = ("full_time", "专职", "full-time")
    SECONDED = ("seconded", "挂职", "seconded")
    PART_TIME = ("part_time", "兼职", "part-time")


class PartnerKind(CodedEnum):
    """Kind of local organisation in a volunteer pairing (clause 2.3)."""

    UNIVERSITY = ("university", "高校", "university")
    ENTERPRISE = ("enterprise", "企业", "enterprise")
    INSTITUTION = ("institution", "单位", "institution")


class Brand(CodedEnum):
    """The closed list of featured community brands (clause 3)."""

    BEAUTIFUL = ("beautiful", "美丽社区", "beautiful community")
    HARMONIOUS = ("harmonious", "和谐社区", "harmonious community")
    ENTREPRENEURIAL = ("entrepreneurial", "创业社区", "entrepreneurial community")
    MUTUAL_AID = ("mutual_aid", "互助社区", "mutual-aid community")
    ELDERLY_CARE = ("elderly_care", "助老社区", "elderly-care community")
    CIVILIZED = ("civilized", "文明社区", "civilised community")
    VIBRANT = ("vibrant", "活力社区", "vibrant community")
    INNOVATIVE = ("innovative", "创新社区", "innovative community")
    DRUG_FREE = ("drug_free", "禁毒社区", "drug-free community")


class Mechanism(CodedEnum):
    """The three operating mechanisms of section (四) (clauses 4.1-4.3)."""

    SOCIALIZED_OPERATION = (
        "socialized_operation",
        "社会化运作机制",
        "socialised operation",
    )
    PROJECT_MANAGEMENT = (
        "project_management",
        "项目化管理机制",
        "project-based management",
    )
    INFORMATION_SHARING = (
        "information_sharing",
        "工作信息共享机制",
        "information sharing",
    )


class LeaderLevel(CodedEnum):
    """Level of the leader who gave an instruction on a summary (section 四)."""

    CENTRAL = ("central", "中央", "central")
    PROVINCIAL = ("provincial", "省", "provincial")
    MUNICIPAL = ("municipal", "市", "municipal")
    DISTRICT = ("district", "区", "district")


class RecognitionKind(CodedEnum):
    """How a summary was recognised (section 四)."""

    LEADER_INSTRUCTION = ("leader_instruction", "领导批示", "leader's instruction")
    MEDIA_PUBLICATION = ("media_publication", "媒体刊发", "media publication")


class ItemKind(CodedEnum):
    """Whether an item belongs to the base points or the bonus points."""

    BASE = ("base", "基本项", "base")
    BONUS = ("bonus", "加分项", "bonus")


class ItemCode(CodedEnum):
    """The ten scored items, in the order of the rules page's table."""

    C1_1 = ("1.1", "建设县级团属青年社会组织", "county-level league youth organisations")
    C1_2 = ("1.2", "建设社区“Y+青年之家”", "community Y+ Youth Home")
    C1_3 = ("1.3", "健全社区团的工作网络", "community league organisation")
    C2_1 = ("2.1", "发挥组织力量主导作用", "league cadre staffing")
    C2_2 = ("2.2", "发挥专业力量基础作用", "service projects")
    C2_3 = ("2.3", "发挥社会力量协同作用", "volunteer pairing")
    C3 = ("3", "完善社区青少年工作项目", "featured brands and monthly activities")
    C4_1 = ("4.1", "健全社会化运作机制", "socialised operation")
    C4_2 = ("4.2", "建立项目化管理机制", "project-based management")
    C4_3 = ("4.3", "完善工作信息共享机制", "information sharing")

    @property
    def section(self) -> str:
        """The section code the item belongs to, ``"1"`` … ``"4"``."""
        return self.code.split(".")[0]


SECTION_TITLES: dict[str, tuple[str, str]] = {
    "1": ("健全社区团的组织体系", "organisation system"),
    "2": ("充实社区团的工作力量", "workforce"),
    "3": ("完善社区青少年工作项目", "youth work projects"),
    "4": ("创新社区共青团运行机制", "operating mechanisms"),
}
"""Section (一)…(四) titles, Chinese and English, by section code."""


class RecordKind(CodedEnum):
    """Kinds of dated record a community keeps (one register sheet each)."""

    SERVICE_PROJECT = ("service_project", "服务项目", "service project")
    PAIRING = ("pairing", "结对共建", "pairing")
    ACTIVITY = ("activity", "专项活动", "activity")
    SUMMARY = ("summary", "信息综述", "summary")
