"""The example assessment and the example script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from youthaction_scoring import PilotLevel, load_assessment, score_assessment

EXAMPLES = Path(__file__).parent.parent / "examples"
GUIYANG = {
    "南明区",
    "云岩区",
    "花溪区",
    "乌当区",
    "白云区",
    "观山湖区",
    "清镇市",
    "修文县",
    "息烽县",
    "开阳县",
}


def test_example_is_fictional_guiyang_data_of_both_batches() -> None:
    """About thirty communities in Guiyang's real districts, both batches, marked fictional."""
    assessment = load_assessment(EXAMPLES / "guiyang-2021-2022.json")
    assert 25 <= len(assessment.communities) <= 35
    assert {c.district for c in assessment.communities} == GUIYANG
    assert {c.pilot_level for c in assessment.communities} == set(PilotLevel)
    assert assessment.description is not None
    assert "虚构" in assessment.description
    assert "fictional" in assessment.description
    assert ("2021-11", "2022-04") == (str(assessment.period.start), str(assessment.period.end))


def test_example_has_varied_scores() -> None:
    """The example shows a spread of totals, not one repeated score."""
    totals = {
        c.total for c in score_assessment(load_assessment(EXAMPLES / "guiyang-2021-2022.json"))
    }
    assert len(totals) >= 10


def test_example_is_what_the_generator_makes(tmp_path: Path) -> None:
    """The committed example is exactly what make_example.py writes (reproducible)."""
    script = (EXAMPLES / "make_example.py").read_text(encoding="utf-8")
    copy = tmp_path / "make_example.py"
    copy.write_text(script, encoding="utf-8")
    subprocess.run([sys.executable, str(copy)], check=True, capture_output=True)
    expected = (EXAMPLES / "guiyang-2021-2022.json").read_bytes()
    assert expected == (tmp_path / "guiyang-2021-2022.json").read_bytes()


def test_example_script_runs() -> None:
    """examples/score_example.py scores the example through the API."""
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "score_example.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "30 communities" in proc.stdout
    assert "(R" in proc.stdout


def test_check_example_register_fails_only_its_deliberate_row() -> None:
    """examples/check-example.xlsx: fictional, every row passes but nm-04's item 3 (exit 3)."""
    from click.testing import CliRunner

    from youthaction_scoring._cli import main

    register = EXAMPLES / "check-example.xlsx"
    assessment = load_assessment(register)
    assert assessment.description is not None
    assert "虚构" in assessment.description
    assert len(assessment.expected) == 5
    result = CliRunner().invoke(main, ["check", str(register), "--format", "json"])
    assert result.exit_code == 3
    import json

    rows = json.loads(result.stdout)["rows"]
    failed = [
        (r["community"], [d["what"] for d in r["differences"]]) for r in rows if not r["passed"]
    ]
    assert failed == [("nm-04", ["3"])]
