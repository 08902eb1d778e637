"""docs/rules.md stays true: the functions and tests it cites exist."""

from __future__ import annotations

import re
from pathlib import Path

from youthaction_scoring._rules.clauses import CLAUSES

ROOT = Path(__file__).parent.parent
RULES_DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
TEST_SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
CASES = {p.stem for p in (ROOT / "tests" / "cases").glob("*.json")}


def test_every_clause_function_is_documented() -> None:
    """Each clause function is named on the rules page."""
    missing = [c.score.__name__ for c in CLAUSES if f"`{c.score.__name__}`" not in RULES_DOC]
    assert [] == missing


def test_every_decision_is_cited() -> None:
    """R1 … R16 all appear on the rules page."""
    missing = [f"R{n}" for n in range(1, 17) if not re.search(rf"\bR{n}\b", RULES_DOC)]
    assert [] == missing


def test_cited_tests_exist() -> None:
    """Every test the rules page cites is a test function in tests/."""
    cited = set(re.findall(r"`(test_\w+)`", RULES_DOC))
    assert len(cited) > 30
    missing = sorted(name for name in cited if f"def {name}(" not in TEST_SOURCES)
    assert [] == missing


def test_cited_worked_cases_exist() -> None:
    """Every worked case the rules page cites is a file in tests/cases/."""
    cited = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+){3,})`", RULES_DOC))
    assert cited
    assert set() == cited - CASES
