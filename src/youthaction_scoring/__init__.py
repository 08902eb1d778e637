"""Score Community Youth Action pilot communities against the Guiyang 2021 rulebook.

The public API is re-exported here; everything in a ``_module`` is private.

>>> from youthaction_scoring import Community, Period, PilotLevel, score
>>> card = score(
...     Community(id="demo", name="示例社区", district="南明区", pilot_level=PilotLevel.NATIONAL),
...     Period.parse("2021-11:2022-04"),
... )
>>> card.total
15
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._batch import LineScore, ProgressCallback, score_batch, score_json_lines
from ._codes import (
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
from ._converter import ASSESSMENT_FORMAT, SCORECARDS_FORMAT
from ._errors import InputError, Problem
from ._jsonio import (
    dumps_assessment,
    dumps_scorecards,
    load_assessment,
    loads_assessment,
    scorecards_to_dict,
)
from ._jsonl_out import scorecard_json_line
from ._messages import Message
from ._model import (
    Activity,
    Assessment,
    Cadres,
    Community,
    LeaderInstruction,
    LeagueOrg,
    Mechanisms,
    MediaPublication,
    Month,
    OrgSystem,
    Pairing,
    Period,
    Projects,
    Recognition,
    ServiceProject,
    Summary,
    Workforce,
    YouthHome,
)
from ._rulebook import GUIYANG_2021, Rulebook
from ._scorecard import Deduction, ItemScore, Scorecard, Scorecards
from ._scoring import iter_scores, score, score_assessment

try:
    __version__ = version("youthaction-scoring")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "ASSESSMENT_FORMAT",
    "GUIYANG_2021",
    "SCORECARDS_FORMAT",
    "SECTION_TITLES",
    "Activity",
    "Assessment",
    "Brand",
    "CadreKind",
    "Cadres",
    "CodedEnum",
    "Community",
    "CountyOrgCategory",
    "Deduction",
    "InputError",
    "ItemCode",
    "ItemKind",
    "ItemScore",
    "Lang",
    "LeaderInstruction",
    "LeaderLevel",
    "LeagueOrg",
    "LineScore",
    "Mechanism",
    "Mechanisms",
    "MediaPublication",
    "Message",
    "Month",
    "OrgSystem",
    "Pairing",
    "PartnerKind",
    "Period",
    "PilotLevel",
    "Problem",
    "ProgressCallback",
    "Projects",
    "Recognition",
    "RecognitionKind",
    "RecordKind",
    "Rulebook",
    "Scorecard",
    "Scorecards",
    "ServiceProject",
    "Summary",
    "Workforce",
    "YouthHome",
    "__version__",
    "dumps_assessment",
    "dumps_scorecards",
    "iter_scores",
    "load_assessment",
    "loads_assessment",
    "score",
    "score_assessment",
    "score_batch",
    "score_json_lines",
    "scorecard_json_line",
    "scorecards_to_dict",
]
