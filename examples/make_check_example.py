"""Regenerate ``check-example.xlsx``: a register with a filled 期望得分 (expected scores) sheet.

Fictional data: the first district's communities of ``guiyang-2021-2022.json``
(every community and record is made up). Its 期望得分 sheet plays a
committee's hand-scored communities: the rows for nm-01 … nm-03 are right,
and nm-04's item 3 is deliberately wrong (30 where the rules give 40), so
``youthaction-scoring check check-example.xlsx`` shows a failure and the
deductions behind it, and exits 3:

    python examples/make_check_example.py
"""

from __future__ import annotations

import json
from pathlib import Path

from youthaction_scoring import load_assessment, loads_assessment, score_assessment
from youthaction_scoring._io.register import write_register

HERE = Path(__file__).parent
OUT = HERE / "check-example.xlsx"
WRONG = "nm-04"
"""The community whose item 3 is deliberately wrong."""


def main() -> None:
    """Write the example register (replacing an earlier one)."""
    full = load_assessment(HERE / "guiyang-2021-2022.json")
    ids = [c.id for c in full.communities if c.district == "南明区"][:4]
    cards = score_assessment(full)
    rows = []
    for ident in ids:
        card = cards.get(ident)
        items = {item.code.code: item.points for item in card.items}
        if ident == WRONG:
            items["3"] = 30 if items["3"] != 30 else 20
        rows.append({"community": ident, "items": items, "total": card.total})
    rows.append(
        {
            "community": ids[0],
            "as_of": "2022-01",
            "items": {"2.1": cards.get(ids[0]).item("2.1").points},
        }
    )
    doc = json.loads((HERE / "guiyang-2021-2022.json").read_text(encoding="utf-8"))
    doc["communities"] = [c for c in doc["communities"] if c["id"] in ids]
    doc["description"] = (
        "示例数据（虚构）：用于演示 check 命令；nm-04 的第3项期望得分故意填错。"
        " Example data (fictional) for the check command; nm-04's item 3 is deliberately wrong."
    )
    doc["expected"] = rows
    write_register(loads_assessment(json.dumps(doc)), OUT, replace=True)


if __name__ == "__main__":
    main()
