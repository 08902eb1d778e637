"""The sheets of the register (台账), column by column: the one declaration of its layout.

A sheet of records names the model class each row makes and where in a
community the records go; its columns (but the community link and the
summary number) are named after that class's fields, so the reader and the
writer need no per-sheet code, and a test checks that every field has its
column.

This module is declarations only (the Chinese and English help of every
column), and longer than the others for that reason. The districts sheet
(区县, R18) is declared beside the code that reads it, in :mod:`.districts`,
and placed among the others here.
"""

from __future__ import annotations

from typing import Final

from ..._domain.codes import (
    Brand,
    CountyOrgCategory,
    LeaderLevel,
    Mechanism,
    PartnerKind,
    PilotLevel,
    RecognitionKind,
)
from ..._domain.model import Activity, Pairing, ServiceProject, Summary
from .district_sheet import DISTRICTS
from .expected_sheet import EXPECTED
from .layout import Column, SheetLayout


def _community_link(clause: str) -> Column:
    return Column(
        "community_id",
        "社区编号",
        "link",
        True,
        clause,
        "填写“社区”表中该社区的编号,须完全一致",
        "the community's id exactly as on the communities sheet",
    )


_SUMMARY_NO_HELP: Final = (
    "综述在本社区内的序号(1、2、3……),同一社区内不得重复",
    "the summary's number within its community (1, 2, 3, ...); unique per community",
)

ASSESSMENT = SheetLayout(
    "考核期",
    "assessment",
    True,
    "考核期(第2行填写一行)",
    "the assessment period (one row, row 2)",
    (
        Column(
            "period.start",
            "开始月份",
            "month",
            True,
            "R1",
            "考核期第一个月,写作 YYYY-MM,如 2021-11",
            "first month of the period, written YYYY-MM, e.g. 2021-11",
        ),
        Column(
            "period.end",
            "结束月份",
            "month",
            True,
            "R1",
            "考核期最后一个月,写作 YYYY-MM,不早于开始月份",
            "last month of the period, YYYY-MM, not before the first",
        ),
        Column(
            "description",
            "数据说明",
            "free",
            False,
            "—",
            "对本数据的说明(可空)",
            "free text about the data set (optional)",
        ),
    ),
)

COMMUNITIES = SheetLayout(
    "社区",
    "communities",
    True,
    "参评试点社区,每个社区一行",
    "the pilot communities assessed, one row each",
    (
        Column(
            "id",
            "社区编号",
            "text",
            True,
            "—",
            "社区的唯一编号,其他表用它关联本社区",
            "unique id; the other sheets link to the community by it",
        ),
        Column("name", "社区名称", "text", True, "—", "如:新华路社区", "e.g. 新华路社区"),
        Column(
            "district",
            "所在区县",
            "text",
            True,
            "1.1",
            "所在区(市、县),如:南明区",
            "the district (区(市、县)), e.g. 南明区",
        ),
        Column(
            "pilot_level",
            "试点批次",
            "coded",
            True,
            "—",
            "全国首批 或 省级首批",
            "national or provincial first batch",
            PilotLevel,
        ),
        Column(
            "youth_home",
            "已建成青年之家",
            "bool",
            False,
            "1.2",
            "是否建成社区“Y+青年之家”;空白或“否”表示未建成(R4)",
            "whether the Y+ Youth Home is built; blank or 否 means not built (R4)",
        ),
        Column(
            "youth_home.on_cloud_platform",
            "青年之家入驻云平台",
            "bool",
            False,
            "1.2",
            "已建成时必填:是否入驻青年之家云平台;未建成时留空",
            "required when built: joined the cloud platform; blank when not built",
        ),
        Column(
            "youth_home.activities_standardized",
            "青年之家规范开展活动",
            "bool",
            False,
            "1.2",
            "已建成时必填:是否规范开展活动;未建成时留空",
            "required when built: activities run to standard; blank when not built",
        ),
        Column(
            "league_org",
            "已建立社区团组织",
            "bool",
            False,
            "1.3",
            "是否建立社区团组织;空白或“否”表示未建立(R5)",
            "whether the community league organisation exists; blank or 否 means not (R5)",
        ),
        Column(
            "league_org.activities_standardized",
            "团组织规范开展活动",
            "bool",
            False,
            "1.3",
            "已建立时必填:是否规范开展活动;未建立时留空",
            "required when established: activities run to standard; blank otherwise",
        ),
        Column(
            "cadres.full_time",
            "专职团干部人数",
            "count",
            False,
            "2.1",
            "整数,空白按0计(R6)",
            "whole number; blank counts as 0 (R6)",
        ),
        Column(
            "cadres.seconded",
            "挂职团干部人数",
            "count",
            False,
            "2.1",
            "整数,空白按0计(R6)",
            "whole number; blank counts as 0 (R6)",
        ),
        Column(
            "cadres.part_time",
            "兼职团干部人数",
            "count",
            False,
            "2.1",
            "整数,空白按0计(R6)",
            "whole number; blank counts as 0 (R6)",
        ),
    ),
)

COUNTY_YOUTH_ORGS = SheetLayout(
    "县级组织",
    "county_youth_orgs",
    True,
    "所在区县团委已录入的县级团属青年社会组织类别,每类一行;所在区县已在“区县”表填写的社区不填(R18)",
    "categories of county-level league youth organisation recorded, one row each;"
    " none for a community whose district is on the districts sheet (R18)",
    (
        _community_link("1.1"),
        Column(
            "category",
            "组织类别",
            "coded",
            True,
            "1.1",
            "志愿服务、创业就业 或 文艺体育;同一社区不得重复(R3)",
            "volunteer service, entrepreneurship/employment or culture/arts/sports (R3)",
            CountyOrgCategory,
        ),
    ),
    target="org_system.county_youth_orgs",
)

BRANDS = SheetLayout(
    "特色品牌",
    "brands",
    True,
    "已形成的特色社区品牌,每个品牌一行",
    "featured community brands formed, one row each",
    (
        _community_link("3"),
        Column(
            "brand",
            "品牌",
            "coded",
            True,
            "3",
            "从下拉列表选择;同一社区不得重复(R11)",
            "one of the closed list; no repeats per community (R11)",
            Brand,
        ),
    ),
    target="projects.brands",
)

SERVICE_PROJECTS = SheetLayout(
    "服务项目",
    "service_projects",
    True,
    "县级团属青年社会组织在社区完成的服务项目,每个项目一行",
    "service projects completed by county-level league youth organisations, one row each",
    (
        _community_link("2.2"),
        Column("title", "项目名称", "text", True, "2.2", "项目名称", "the project's title"),
        Column(
            "organisation",
            "实施组织",
            "text",
            True,
            "2.2",
            "完成项目的组织名称",
            "the organisation that completed it",
        ),
        Column(
            "completed_on",
            "完成日期",
            "date",
            True,
            "2.2",
            "日期,如 2021-12-18;考核期外不计分(R7)",
            "date, e.g. 2021-12-18; outside the period it does not count (R7)",
        ),
    ),
    target="workforce.service_projects",
    record=ServiceProject,
)

PAIRINGS = SheetLayout(
    "结对共建",
    "pairings",
    True,
    "社区团组织与志愿服务组织的结对共建,每条记录一行",
    "pairings with volunteer service organisations, one row each",
    (
        _community_link("2.3"),
        Column("partner", "共建单位", "text", True, "2.3", "结对组织名称", "the partner's name"),
        Column(
            "partner_kind",
            "单位类型",
            "coded",
            True,
            "2.3",
            "高校、企业 或 单位",
            "university, enterprise or institution",
            PartnerKind,
        ),
        Column(
            "date",
            "结对日期",
            "date",
            True,
            "2.3",
            "日期;同一单位只计一次(R8)",
            "date; each partner counts once (R8)",
        ),
    ),
    target="workforce.pairings",
    record=Pairing,
)

ACTIVITIES = SheetLayout(
    "专项活动",
    "activities",
    True,
    "“社区青春行动”专项活动,每次活动一行",
    "special activities of the Community Youth Action, one row each",
    (
        _community_link("3"),
        Column(
            "title",
            "活动名称",
            "text",
            True,
            "3",
            "报送时的活动名称,须冠名“社区青春行动”(R9)",
            "the title as reported; must contain 社区青春行动 (R9)",
        ),
        Column(
            "date",
            "活动日期",
            "date",
            True,
            "3",
            "日期;每月至少一次(R10)",
            "date; at least one a month (R10)",
        ),
        Column(
            "reported",
            "已报送团市委",
            "bool",
            True,
            "3",
            "是 或 否(R9)",
            "是 (yes) or 否 (no) (R9)",
        ),
    ),
    target="projects.activities",
    record=Activity,
)

SUMMARIES = SheetLayout(
    "信息综述",
    "summaries",
    True,
    "各运行机制的信息综述,每篇一行",
    "information summaries on the operating mechanisms, one row each",
    (
        _community_link("4.1-4.3"),
        Column("summary_no", "综述序号", "key", True, "4.1-4.3", *_SUMMARY_NO_HELP),
        Column("title", "综述标题", "text", True, "4.1-4.3", "综述标题", "the summary's title"),
        Column(
            "mechanism",
            "运行机制",
            "coded",
            True,
            "4.1-4.3",
            "社会化运作机制、项目化管理机制 或 工作信息共享机制(R12)",
            "the one mechanism it is about (R12)",
            Mechanism,
        ),
        Column("date", "综述日期", "date", True, "4.1-4.3", "日期", "date"),
    ),
    target="mechanisms.summaries",
    record=Summary,
)

RECOGNITIONS = SheetLayout(
    "综述认可",
    "recognitions",
    True,
    "信息综述获得的领导批示或媒体刊发,每条一行",
    "leader instructions and media publications a summary received, one row each",
    (
        _community_link("4.1-4.3"),
        Column(
            "summary_no",
            "综述序号",
            "key",
            True,
            "4.1-4.3",
            "“信息综述”表中该综述的序号",
            "the summary's number on the summaries sheet",
        ),
        Column(
            "kind",
            "认可方式",
            "coded",
            True,
            "4.1-4.3",
            "领导批示 或 媒体刊发(R12)",
            "leader instruction or media publication (R12)",
            RecognitionKind,
        ),
        Column(
            "level",
            "批示级别",
            "coded",
            False,
            "4.1-4.3",
            "领导批示时必填:中央、省、市 或 区;媒体刊发时留空",
            "for a leader instruction: central, provincial, municipal or district",
            LeaderLevel,
        ),
        Column(
            "outlet",
            "刊发媒体",
            "text",
            False,
            "4.1-4.3",
            "媒体刊发时必填:媒体名称;领导批示时留空",
            "for a media publication: the outlet's name",
        ),
    ),
)

DATA_SHEETS: Final = (
    ASSESSMENT,
    COMMUNITIES,
    COUNTY_YOUTH_ORGS,
    BRANDS,
    SERVICE_PROJECTS,
    PAIRINGS,
    ACTIVITIES,
    SUMMARIES,
    RECOGNITIONS,
    DISTRICTS,
    EXPECTED,
)
"""Every data sheet of the register, in workbook order (newer sheets last, so a
register's older sheets keep their places)."""

INSTRUCTIONS_SHEET: Final = "说明"
"""The instructions sheet: written by the tool, ignored when reading."""

SHEET_NAMES: Final = (INSTRUCTIONS_SHEET, *(s.name for s in DATA_SHEETS))
"""Every sheet a register may have, in workbook order."""

LISTS: Final = (COUNTY_YOUTH_ORGS, BRANDS, SERVICE_PROJECTS, PAIRINGS, ACTIVITIES)
"""The sheets whose rows each add one item to a list of a community (a code or a
record), read and written alike; summaries and their recognitions are linked
by number and read together."""
