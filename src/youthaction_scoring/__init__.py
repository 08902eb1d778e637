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

from ._analysis.behind import BehindRule, flag_behind
from ._analysis.compare import (
    CommunityComparison,
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
from ._domain.messages import Message
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
from ._io.converter import ASSESSMENT_FORMAT
from ._io.decisions import plans_to_dict
from ._io.scorecards import (
    SCORECARDS_FORMAT,
    dumps_scorecards,
    scorecard_json_line,
    scorecard_to_dict,
    scorecards_to_dict,
)
from ._io.stream import LineScore, score_json_lines
from ._rules.clauses import max_points, max_total
from ._rules.rulebook import BaseAmounts, BonusAmounts, Rulebook
from ._version import __version__

if TYPE_CHECKING:  # imported on first use by __getattr__ below
    from ._io.editions import load_rulebook
    from ._io.register import read_register, write_register, write_register_template
    from ._io.schema import json_schema
    from ._present.csv import scorecards_csv
    from ._present.pandas import to_dataframe
    from ._present.report import render_report
    from ._present.workbook import write_scorecards_xlsx
    from ._rules.editions import GUIYANG_2021, edition_for

_LAZY: dict[str, str] = {
    "GUIYANG_2021": "._rules.editions",
    "edition_for": "._rules.editions",
    "load_rulebook": "._io.editions",
    "json_schema": "._io.schema",
    "read_register": "._io.register",
    "render_report": "._present.report",
    "scorecards_csv": "._present.csv",
    "to_dataframe": "._present.pandas",
    "write_register": "._io.register",
    "write_register_template": "._io.register",
    "write_scorecards_xlsx": "._present.workbook",
}
"""Public functions whose modules load on first use (spreadsheets, schema,
report, pandas), so that ``import youthaction_scoring`` stays fast."""


def __getattr__(name: str) -> Any:
    """Load the optional parts of the API on first use.

    The spreadsheet, schema, report and pandas functions bring modules of
    their own; loading them lazily keeps ``import youthaction_scoring`` fast
    (docs/performance.md). ``from youthaction_scoring import read_register``
    works as usual.
    """
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every name of the module, the functions loaded on first use included."""
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
    "Comparison",
    "CountyOrgCategory",
    "Deduction",
    "Disagreement",
    "DistrictComparison",
    "DistrictRecord",
    "DistrictSummary",
    "InputError",
    "ItemCode",
    "ItemKind",
    "ItemScore",
    "Lang",
    "LeaderInstruction",
    "LeaderLevel",
    "LeagueOrg",
    "LineScore",
    "LostPoints",
    "Mechanism",
    "Mechanisms",
    "MediaPublication",
    "Message",
    "Month",
    "MonthProgress",
    "OrgSystem",
    "Pairing",
    "PartnerKind",
    "Period",
    "PilotLevel",
    "Plan",
    "PlanAction",
    "Problem",
    "ProgressCallback",
    "Projects",
    "RankedCard",
    "Recognition",
    "RecognitionKind",
    "RecordDifference",
    "RecordKind",
    "Rulebook",
    "Scorecard",
    "Scorecards",
    "ServiceProject",
    "Standing",
    "Summary",
    "Workforce",
    "YouthHome",
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
    "write_register",
    "write_register_template",
    "write_scorecards_xlsx",
]
