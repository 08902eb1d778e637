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


def _substitutions(edition: object) -> dict[str, object]:
    """The names docs/_ext/edition_amounts.py gives the rules page under *edition*."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "edition_amounts", ROOT / "docs" / "_ext" / "edition_amounts.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    values: dict[str, object] = module.substitutions(edition)
    return values


def _filled(edition: object) -> str:
    values = _substitutions(edition)
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: str(values[m.group(1)]), RULES_DOC)


def test_every_amount_on_the_page_comes_from_the_edition() -> None:
    """Each {{ name }} of the rules page is given by the edition; the items table types no amount."""
    from youthaction_scoring._rules.editions import GUIYANG_2021

    used = set(re.findall(r"\{\{ (\w+) \}\}", RULES_DOC))
    assert len(used) > 30
    assert set() == used - set(_substitutions(GUIYANG_2021))
    rows = [line for line in RULES_DOC.splitlines() if re.match(r"\| [1-4](\.[1-3])? \|", line)]
    assert len(rows) == 10
    cells = [re.sub(r"\{\{ \w+ \}\}", "", row.split("|")[4]) for row in rows]
    typed = [cell for cell in cells if re.search(r"\d", cell)]
    assert [] == typed


def test_a_changed_amount_changes_the_page() -> None:
    """The page built from an edition with 2.3 at 7 a pairing and 1.1 at 3 a category says so."""
    from youthaction_scoring._domain.codes import ItemCode
    from youthaction_scoring._rules.editions import GUIYANG_2021

    page = _filled(GUIYANG_2021)
    assert "### 2.3 Volunteer pairing (bonus, +5 each, cap 20)" in page
    assert "Each category not recorded deducts 5;" in page
    assert GUIYANG_2021.title in page
    changed = GUIYANG_2021.amended(ItemCode.C2_3, each=7).amended(
        ItemCode.C1_1, per_missing_category=3
    )
    page = _filled(changed)
    assert "### 2.3 Volunteer pairing (bonus, +7 each, cap 20)" in page
    assert "Each category not recorded deducts 3;" in page
    assert changed.hash in page
