"""Score Community Youth Action pilot communities against the Guiyang 2021 rulebook.

The public API is re-exported here; everything in a ``_module`` is private.

>>> from youthaction_scoring import Community, Period, PilotLevel, score
>>> card = score(
...     Community(id="demo", name="示例社区", district="南明区", pilot_level=PilotLevel.NATIONAL),
...     Period.parse("2021-11:2022-04"),
... )
>>> card.total  # nothing recorded yet: every base item loses its points
0
>>> [item.code.code for item in card.items][:4]
['1.1', '1.2', '1.3', '2.1']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # imported on first use by __getattr__ below
    from ._analysis.behind import BehindRule, flag_behind
    from ._analysis.compare import (
        CommunityComparison,
        ComparedEdition,
        ComparedSide,
        Comparison,
        DistrictComparison,
        compare_editions,
        compare_inputs,
        compare_scorecards,
    )
    from ._analysis.differences import RecordDifference
    from ._analysis.explain import explain_scorecard
    from ._analysis.plan import (
        LostPoints,
        Plan,
        PlanAction,
        plan_scorecard,
        plan_scorecards,
    )
    from ._analysis.progress import (
        CommunityMonth,
        MonthProgress,
        has_shortfalls,
        iter_progress,
        missed_months,
        shortfalls,
    )
    from ._analysis.ranking import RankedCard, rank_scorecards
    from ._analysis.rectify import (
        Rectification,
        RectifyCommunity,
        RectifyDistrict,
        rectify_assessment,
    )
    from ._analysis.rollup import (
        BehindCommunity,
        Disagreement,
        DistrictSummary,
        district_disagreements,
        district_rollup,
    )
    from ._analysis.score import ProgressCallback, score, score_assessment, score_batch
    from ._analysis.timeline import Standing
    from ._domain.calendar import Month, Period
    from ._domain.codes import (
        SECTION_TITLES,
        Brand,
        CadreKind,
        CodedEnum,
        CountyOrgCategory,
        ItemCode,
        ItemKind,
        Lang,
        LeaderLevel,
        Mechanism,
        PartnerKind,
        PilotLevel,
        RecognitionKind,
        RecordKind,
    )
    from ._domain.district_records import DistrictRecord
    from ._domain.errors import InputError, Problem
    from ._domain.expectations import Expected
    from ._domain.messages import Message, Text
    from ._domain.model import (
        Activity,
        Assessment,
        Cadres,
        Community,
        LeaderInstruction,
        LeagueOrg,
        Mechanisms,
        MediaPublication,
        OrgSystem,
        Pairing,
        Projects,
        Recognition,
        ServiceProject,
        Summary,
        Workforce,
        YouthHome,
    )
    from ._domain.scorecard import Deduction, ItemScore, Scorecard, Scorecards
    from ._io.assessments import dumps_assessment, load_assessment, loads_assessment
    from ._io.atomic import OutputRefusedError
    from ._io.converter import ASSESSMENT_FORMAT
    from ._io.decisions import plans_to_dict, rectification_document
    from ._io.editions import load_rulebook
    from ._io.register import read_register, write_register, write_register_template
    from ._io.schema import json_schema
    from ._io.scorecards import (
        SCORECARDS_FORMAT,
        dumps_scorecards,
        scorecard_json_line,
        scorecard_to_dict,
        scorecards_to_dict,
    )
    from ._io.stream import LineScore, score_json_lines
    from ._present.csv import scorecards_csv
    from ._present.pandas import to_dataframe
    from ._present.rectify_workbook import write_rectification_xlsx
    from ._present.report import render_report
    from ._present.workbook import write_scorecards_xlsx
    from ._rules.clauses import max_points, max_total
    from ._rules.editions import GUIYANG_2021, edition_for
    from ._rules.rulebook import (
        BaseAmounts,
        BonusAmounts,
        CountyOrgsAmounts,
        LeagueOrgAmounts,
        ProjectsAmounts,
        Rulebook,
        YouthHomeAmounts,
    )

_LAZY: dict[str, str] = {
    "ASSESSMENT_FORMAT": "._io.converter",
    "Activity": "._domain.model",
    "Assessment": "._domain.model",
    "BaseAmounts": "._rules.rulebook",
    "BehindCommunity": "._analysis.rollup",
    "BehindRule": "._analysis.behind",
    "BonusAmounts": "._rules.rulebook",
    "Brand": "._domain.codes",
    "CadreKind": "._domain.codes",
    "Cadres": "._domain.model",
    "CodedEnum": "._domain.codes",
    "Community": "._domain.model",
    "CommunityComparison": "._analysis.compare",
    "CommunityMonth": "._analysis.progress",
    "ComparedEdition": "._analysis.compare",
    "ComparedSide": "._analysis.compare",
    "Comparison": "._analysis.compare",
    "CountyOrgCategory": "._domain.codes",
    "CountyOrgsAmounts": "._rules.rulebook",
    "Deduction": "._domain.scorecard",
    "Disagreement": "._analysis.rollup",
    "DistrictComparison": "._analysis.compare",
    "DistrictRecord": "._domain.district_records",
    "DistrictSummary": "._analysis.rollup",
    "Expected": "._domain.expectations",
    "GUIYANG_2021": "._rules.editions",
    "InputError": "._domain.errors",
    "ItemCode": "._domain.codes",
    "ItemKind": "._domain.codes",
    "ItemScore": "._domain.scorecard",
    "Lang": "._domain.codes",
    "LeaderInstruction": "._domain.model",
    "LeaderLevel": "._domain.codes",
    "LeagueOrg": "._domain.model",
    "LeagueOrgAmounts": "._rules.rulebook",
    "LineScore": "._io.stream",
    "LostPoints": "._analysis.plan",
    "Mechanism": "._domain.codes",
    "Mechanisms": "._domain.model",
    "MediaPublication": "._domain.model",
    "Message": "._domain.messages",
    "Month": "._domain.calendar",
    "MonthProgress": "._analysis.progress",
    "OrgSystem": "._domain.model",
    "OutputRefusedError": "._io.atomic",
    "Pairing": "._domain.model",
    "PartnerKind": "._domain.codes",
    "Period": "._domain.calendar",
    "PilotLevel": "._domain.codes",
    "Plan": "._analysis.plan",
    "PlanAction": "._analysis.plan",
    "Problem": "._domain.errors",
    "ProgressCallback": "._analysis.score",
    "Projects": "._domain.model",
    "ProjectsAmounts": "._rules.rulebook",
    "RankedCard": "._analysis.ranking",
    "Recognition": "._domain.model",
    "RecognitionKind": "._domain.codes",
    "RecordDifference": "._analysis.differences",
    "RecordKind": "._domain.codes",
    "Rectification": "._analysis.rectify",
    "RectifyCommunity": "._analysis.rectify",
    "RectifyDistrict": "._analysis.rectify",
    "Rulebook": "._rules.rulebook",
    "SCORECARDS_FORMAT": "._io.scorecards",
    "SECTION_TITLES": "._domain.codes",
    "Scorecard": "._domain.scorecard",
    "Scorecards": "._domain.scorecard",
    "ServiceProject": "._domain.model",
    "Standing": "._analysis.timeline",
    "Summary": "._domain.model",
    "Text": "._domain.messages",
    "Workforce": "._domain.model",
    "YouthHome": "._domain.model",
    "YouthHomeAmounts": "._rules.rulebook",
    "compare_editions": "._analysis.compare",
    "compare_inputs": "._analysis.compare",
    "compare_scorecards": "._analysis.compare",
    "district_disagreements": "._analysis.rollup",
    "district_rollup": "._analysis.rollup",
    "dumps_assessment": "._io.assessments",
    "dumps_scorecards": "._io.scorecards",
    "edition_for": "._rules.editions",
    "explain_scorecard": "._analysis.explain",
    "flag_behind": "._analysis.behind",
    "has_shortfalls": "._analysis.progress",
    "iter_progress": "._analysis.progress",
    "json_schema": "._io.schema",
    "load_assessment": "._io.assessments",
    "load_rulebook": "._io.editions",
    "loads_assessment": "._io.assessments",
    "max_points": "._rules.clauses",
    "max_total": "._rules.clauses",
    "missed_months": "._analysis.progress",
    "plan_scorecard": "._analysis.plan",
    "plan_scorecards": "._analysis.plan",
    "plans_to_dict": "._io.decisions",
    "rank_scorecards": "._analysis.ranking",
    "read_register": "._io.register",
    "rectification_document": "._io.decisions",
    "rectify_assessment": "._analysis.rectify",
    "render_report": "._present.report",
    "score": "._analysis.score",
    "score_assessment": "._analysis.score",
    "score_batch": "._analysis.score",
    "score_json_lines": "._io.stream",
    "scorecard_json_line": "._io.scorecards",
    "scorecard_to_dict": "._io.scorecards",
    "scorecards_csv": "._present.csv",
    "scorecards_to_dict": "._io.scorecards",
    "shortfalls": "._analysis.progress",
    "to_dataframe": "._present.pandas",
    "write_rectification_xlsx": "._present.rectify_workbook",
    "write_register": "._io.register",
    "write_register_template": "._io.register",
    "write_scorecards_xlsx": "._present.workbook",
}
"""Every public name and the module it comes from: each module loads when one
of its names is first used, so ``import youthaction_scoring`` loads nothing
but this table (docs/performance.md, "Import time")."""


def __getattr__(name: str) -> Any:
    """Load a public name's module on first use (PEP 562).

    ``from youthaction_scoring import score`` and ``youthaction_scoring.score``
    work as usual; what a script does not use is never imported (the
    spreadsheet, report and pandas parts bring modules of their own).
    """
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every name of the module, those loaded on first use included."""
    return sorted({*globals(), *_LAZY})


__all__ = [
    "ASSESSMENT_FORMAT",
    "GUIYANG_2021",
    "SCORECARDS_FORMAT",
    "SECTION_TITLES",
    "Activity",
    "Assessment",
    "BaseAmounts",
    "BehindCommunity",
    "BehindRule",
    "BonusAmounts",
    "Brand",
    "CadreKind",
    "Cadres",
    "CodedEnum",
    "Community",
    "CommunityComparison",
    "CommunityMonth",
    "ComparedEdition",
    "ComparedSide",
    "Comparison",
    "CountyOrgCategory",
    "CountyOrgsAmounts",
    "Deduction",
    "Disagreement",
    "DistrictComparison",
    "DistrictRecord",
    "DistrictSummary",
    "Expected",
    "InputError",
    "ItemCode",
    "ItemKind",
    "ItemScore",
    "Lang",
    "LeaderInstruction",
    "LeaderLevel",
    "LeagueOrg",
    "LeagueOrgAmounts",
    "LineScore",
    "LostPoints",
    "Mechanism",
    "Mechanisms",
    "MediaPublication",
    "Message",
    "Month",
    "MonthProgress",
    "OrgSystem",
    "OutputRefusedError",
    "Pairing",
    "PartnerKind",
    "Period",
    "PilotLevel",
    "Plan",
    "PlanAction",
    "Problem",
    "ProgressCallback",
    "Projects",
    "ProjectsAmounts",
    "RankedCard",
    "Recognition",
    "RecognitionKind",
    "RecordDifference",
    "RecordKind",
    "Rectification",
    "RectifyCommunity",
    "RectifyDistrict",
    "Rulebook",
    "Scorecard",
    "Scorecards",
    "ServiceProject",
    "Standing",
    "Summary",
    "Text",
    "Workforce",
    "YouthHome",
    "YouthHomeAmounts",
    "__version__",
    "compare_editions",
    "compare_inputs",
    "compare_scorecards",
    "district_disagreements",
    "district_rollup",
    "dumps_assessment",
    "dumps_scorecards",
    "edition_for",
    "explain_scorecard",
    "flag_behind",
    "has_shortfalls",
    "iter_progress",
    "json_schema",
    "load_assessment",
    "load_rulebook",
    "loads_assessment",
    "max_points",
    "max_total",
    "missed_months",
    "plan_scorecard",
    "plan_scorecards",
    "plans_to_dict",
    "rank_scorecards",
    "read_register",
    "rectification_document",
    "rectify_assessment",
    "render_report",
    "score",
    "score_assessment",
    "score_batch",
    "score_json_lines",
    "scorecard_json_line",
    "scorecard_to_dict",
    "scorecards_csv",
    "scorecards_to_dict",
    "shortfalls",
    "to_dataframe",
    "write_rectification_xlsx",
    "write_register",
    "write_register_template",
    "write_scorecards_xlsx",
]
