"""The public API: sorted, documented, typed, and usable as tests/typing/api.py uses it."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import attrs
import pytest

import youthaction_scoring
from tests.builders import full_community
from tests.typing import api
from youthaction_scoring import (
    Assessment,
    Cadres,
    Period,
    Workforce,
    dumps_assessment,
    loads_assessment,
)
from youthaction_scoring._domain.errors import Refusal
from youthaction_scoring._domain.limits import MAX_COUNT


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then everything else."""
    if name.isupper() or re.fullmatch(r"[A-Z0-9_]+", name):
        return (0, name)
    if name[0].isupper():
        return (1, name)
    return (2, name)


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted (constants, classes, functions) and names only real objects."""
    names = youthaction_scoring.__all__
    assert sorted(names, key=_isort_key) == names
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(youthaction_scoring, name), name


def test_everything_public_is_documented() -> None:
    """Each public function and class, and each public method of a class, has a docstring."""
    missing = []
    for name in youthaction_scoring.__all__:
        obj = getattr(youthaction_scoring, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if not inspect.getdoc(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_") or not (
                    inspect.isfunction(member) or isinstance(member, property | classmethod)
                ):
                    continue
                if not inspect.getdoc(member):
                    missing.append(f"{name}.{attr}")
    assert [] == missing


def test_public_functions_are_annotated() -> None:
    """Every parameter and return of a public function carries a type annotation."""
    unannotated = []
    for name in youthaction_scoring.__all__:
        obj = getattr(youthaction_scoring, name)
        if inspect.isfunction(obj):
            signature = inspect.signature(obj)
            if signature.return_annotation is inspect.Signature.empty:
                unannotated.append(f"{name} -> ?")
            unannotated.extend(
                f"{name}({p})"
                for p in signature.parameters.values()
                if p.annotation is inspect.Parameter.empty
            )
    assert [] == unannotated


def test_version_comes_from_package_metadata() -> None:
    """__version__ is the installed distribution's version."""
    assert version("youthaction-scoring") == youthaction_scoring.__version__


def test_typing_examples_run(tmp_path: Path) -> None:
    """The calls mypy checks in tests/typing/api.py also work at run time."""
    api.run(tmp_path)


def test_lazy_exports_resolve_and_stay_out_of_the_import() -> None:
    """Spreadsheet, schema, report and pandas functions load on first use, not on import."""
    import subprocess
    import sys

    code = (
        "import sys, youthaction_scoring as y\n"
        "lazy = ('_io.register', '_io.schema', '_present.report', '_present.pandas',"
        " '_present.csv', '_present.workbook')\n"
        "print(sorted(m for m in lazy if 'youthaction_scoring.' + m in sys.modules))\n"
        "from youthaction_scoring import read_register, json_schema\n"
        "print(callable(read_register), callable(y.to_dataframe), y.render_report.__name__)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ["[]", "True True render_report"] == proc.stdout.split("\n")[:2]


# --------------------------------------------------------------------------
# Arguments of the wrong type are refused at the door, naming the argument.
# --------------------------------------------------------------------------

PERIOD = youthaction_scoring.Period.parse("2021-11:2022-04")


def _community() -> youthaction_scoring.Community:
    from youthaction_scoring import Community, PilotLevel

    return Community(id="c", name="示例社区", district="南明区", pilot_level=PilotLevel.NATIONAL)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda y: y.score(None, PERIOD), "score(): community must be a Community, got None"),
        (
            lambda y: y.score({"id": "c"}, PERIOD),
            "score(): community must be a Community, got dict",
        ),
        (lambda y: y.score(_community(), "2021-11:2022-04"), "score(): period must be a Period"),
        (
            lambda y: y.score(_community(), PERIOD, as_of="2022-01"),
            "score(): as_of must be a Month or None, got str '2022-01' (use Month.parse('2022-01'))",
        ),
        (
            lambda y: y.score(_community(), PERIOD, rulebook="guiyang-2021"),
            "score(): rulebook must be a Rulebook",
        ),
        (lambda y: y.score_assessment([]), "score_assessment(): assessment must be an Assessment"),
        (lambda y: list(y.score_batch([None], PERIOD)), "score_batch(): communities[] must be"),
        (lambda y: y.loads_assessment({"format": 1}), "loads_assessment(): text must be a str or"),
        (lambda y: y.load_assessment(None), "load_assessment(): path must be a str or a PathLike"),
        (lambda y: y.rank_scorecards([None]), "rank_scorecards(): cards[] must be a Scorecard"),
        (lambda y: y.district_rollup([1]), "district_rollup(): cards[] must be a Scorecard"),
        (lambda y: y.plan_scorecards(None), "plan_scorecards(): cards must be a Scorecards"),
        (lambda y: y.plan_scorecard(None, PERIOD), "plan_scorecard(): card must be a Scorecard"),
        (
            lambda y: y.explain_scorecard(y.score(_community(), PERIOD), "2021-11"),
            "explain_scorecard(): period must be a Period, got str '2021-11' (use Period.parse(",
        ),
        (
            lambda y: y.iter_progress(y.Assessment(period=PERIOD), months=["2021-11"]).__next__(),
            "iter_progress(): months[] must be a Month",
        ),
    ],
)
def test_wrong_types_are_refused_naming_the_argument(
    call: Callable[[Any], object], message: str
) -> None:
    """A public function given the wrong type raises a TypeError naming the argument."""
    with pytest.raises(TypeError) as caught:
        call(youthaction_scoring)
    assert str(caught.value).startswith(message)


def test_a_datetime_is_refused_where_a_date_is_wanted() -> None:
    """A datetime carries a time of day the model would drop: it is refused, naming the field."""
    import datetime as dt

    from youthaction_scoring import Activity

    with pytest.raises(TypeError, match="date: must be a date, got datetime"):
        Activity(title="社区青春行动", date=dt.datetime(2021, 11, 1, 9, 30), reported=True)
    assert Activity(title="社区青春行动", date=dt.date(2021, 11, 1), reported=True).date.day == 1


def test_explain_and_plan_take_the_period_alike() -> None:
    """plan_scorecard and explain_scorecard both take the period second, by position or name."""
    from youthaction_scoring import explain_scorecard, plan_scorecard, score

    card = score(_community(), PERIOD)
    assert explain_scorecard(card, PERIOD) == explain_scorecard(card, period=PERIOD)
    assert plan_scorecard(card, PERIOD) == plan_scorecard(card, period=PERIOD)
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en'"):
        explain_scorecard(card, PERIOD, lang="fr")  # type: ignore[arg-type]


def test_a_scorecard_becomes_a_dict_and_json_in_one_call() -> None:
    """scorecard_to_dict and dumps_scorecards turn one card (or all) into plain data and JSON."""
    import json

    from youthaction_scoring import (
        Assessment,
        dumps_scorecards,
        score_assessment,
        scorecard_to_dict,
        scorecards_to_dict,
    )

    cards = score_assessment(Assessment(period=PERIOD, communities=(_community(),)))
    card = cards.scorecards[0]
    assert scorecard_to_dict(card) == json.loads(dumps_scorecards(card))
    assert scorecards_to_dict(cards) == json.loads(dumps_scorecards(cards))
    assert scorecards_to_dict(cards)["scorecards"] == [scorecard_to_dict(card)]


@pytest.mark.parametrize("count", [MAX_COUNT - 1, MAX_COUNT])
def test_a_count_up_to_the_limit_is_accepted_and_written(count: int) -> None:
    """A count at or just below 999,999,999,999,999 is accepted and round-trips as a document."""
    community = attrs.evolve(full_community(), workforce=Workforce(cadres=Cadres(full_time=count)))
    assessment = Assessment(period=Period.parse("2021-11:2022-04"), communities=(community,))
    assert loads_assessment(dumps_assessment(assessment)) == assessment


@pytest.mark.parametrize(
    "count", [MAX_COUNT + 1, 10**20, 10**5000], ids=["just-above", "1e20", "1e5000"]
)
def test_a_count_above_the_limit_is_refused_by_the_constructor(count: int) -> None:
    """Cadres(full_time=10**20) is refused at once (issue 25: it was accepted, then not written)."""
    with pytest.raises(Refusal, match="must be at most 999,999,999,999,999"):
        Cadres(full_time=count)


def test_dir_shows_every_public_name() -> None:
    """dir(youthaction_scoring) lists every name of __all__, those loaded on first use too."""
    missing = [n for n in youthaction_scoring.__all__ if n not in dir(youthaction_scoring)]
    assert [] == missing


def test_a_bad_value_given_to_a_class_is_an_input_error_in_both_languages() -> None:
    """Cadres(full_time=-1) raises an InputError (as docs/api.md says), in English and Chinese."""
    import pickle

    with pytest.raises(youthaction_scoring.InputError) as caught:
        youthaction_scoring.Cadres(full_time=-1)
    assert "full_time: must be >= 0, got -1" == str(caught.value)
    assert "full_time：不能小于0，实为-1" == caught.value.text("zh")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(caught.value), type(caught.value)) == (str(copy), type(copy))


def test_scorecards_are_indexed_like_a_sequence() -> None:
    """cards[0], cards[-1] and len(cards) work; cards[len] is an IndexError."""
    example = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
    cards = youthaction_scoring.score_assessment(youthaction_scoring.load_assessment(example))
    assert (cards.scorecards[0], cards.scorecards[-1]) == (cards[0], cards[-1])
    with pytest.raises(IndexError):
        cards[len(cards)]
