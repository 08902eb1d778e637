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


def test_every_decision_is_stated() -> None:
    """R1 … R23 are each stated on the rules page, in bold, where they are decided."""
    missing = [f"R{n}" for n in range(1, 24) if not re.search(rf"\*\*R{n}\.", RULES_DOC)]
    assert [] == missing


def test_each_clause_section_cites_the_decisions_of_its_record() -> None:
    """The section of each clause on the rules page cites every decision its record lists."""
    sections = re.split(r"\n(?=#{2,3} )", RULES_DOC)
    for clause in CLAUSES:
        code = clause.code.code
        pattern = rf"#{{2,3}} (?:{re.escape(code)} |Section \({'一二三四'[int(code[0]) - 1]}\))"
        found = [s for s in sections if re.match(pattern, s)]
        assert found, code
        text = "\n".join(found)
        if code.startswith("4"):
            text += next(s for s in sections if s.startswith("## Section (四)"))
        missing = [r for r in clause.decisions if not re.search(rf"\b{r}\b", text)]
        assert [] == missing, code


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


def test_cited_code_exists() -> None:
    """Every `_layer.module.name` the rules page cites is importable (no stale module names)."""
    import importlib

    cited = set(re.findall(r"`(_[a-z]+\.[a-z_]+)\.([A-Za-z_]+)(?:\.([a-z_]+))?`", RULES_DOC))
    assert len(cited) > 5
    missing = []
    for module, name, attribute in sorted(cited):
        found = importlib.import_module(f"youthaction_scoring.{module}")
        value = getattr(found, name, None)
        if value is None or (attribute and not hasattr(value, attribute)):
            missing.append(f"{module}.{name}")
    assert [] == missing
