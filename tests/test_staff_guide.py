from __future__ import annotations

from pathlib import Path

from youthaction_scoring._io.register.sheets import DATA_SHEETS

GUIDE = Path(__file__).parent.parent / "docs" / "staff-guide.md"


def _layout_table() -> str:
    lines = [
        "| 工作表 sheet | 列 column | 字段 field | 必填 required | 条款 clause | notes |",
        "|---|---|---|---|---|---|",
    ]
    for sheet in DATA_SHEETS:
        for c in sheet.columns:
            required = "是" if c.required else "否"
            lines.append(
                f"| {sheet.name} | {c.zh} | `{c.code}` | {required} | {c.clause} | {c.help_en} |"
            )
    return "\n".join(lines) + "\n"


def test_staff_guide_lists_the_register_layout_exactly() -> None:
    """The guide's column table is the layout's table, so the two cannot drift apart."""
    text = GUIDE.read_text("utf-8")
    expected = _layout_table()
    assert expected == text[text.index("| 工作表 sheet |") :]


def test_staff_guide_names_the_commands_it_teaches() -> None:
    """The guide shows the template, score, convert and export commands."""
    text = GUIDE.read_text("utf-8")
    commands = [
        "youthaction-scoring template 台账.xlsx --period 2021-11:2022-04",
        "youthaction-scoring score 台账.xlsx\n",
        "youthaction-scoring convert 台账.xlsx 台账.json",
        "youthaction-scoring score 台账.xlsx --format xlsx -o 得分.xlsx",
        "`--format csv-detail`",
    ]
    assert commands == [c for c in commands if c in text]


def _program_outputs() -> list[str]:
    import re

    text = GUIDE.read_text("utf-8")
    return re.findall(r"```\{program-output\} (.+)\n", text)


def test_the_guide_shows_real_output_in_both_languages() -> None:
    """The guide's examples are run at build time: errors in Chinese and English, scores."""
    import importlib.util
    import sys

    ext = GUIDE.parent / "_ext" / "staff_examples.py"
    spec = importlib.util.spec_from_file_location("staff_examples", ext)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["staff_examples"] = module
    spec.loader.exec_module(module)
    commands = _program_outputs()
    assert "youthaction-scoring score 有错的台账.xlsx" in commands
    assert "youthaction-scoring score 有错的台账.xlsx --lang en" in commands
    results = {command: module.run(command) for command in commands}
    zh, status = results["youthaction-scoring score 有错的台账.xlsx"]
    assert 2 == status
    assert "社区!J2：必须是整数，实为文本 '两人'；可填 3 或全角 ３（首尾空格不计），空白按0计" in (
        zh.splitlines()
    )
    en, _ = results["youthaction-scoring score 有错的台账.xlsx --lang en"]
    assert (
        "社区!J2: must be a whole number, got text '两人'; write it as 3 or full-width ３"
        " (spaces around it are ignored); blank counts as 0"
    ) in en.splitlines()
    assert all(status in (0, 2) and output.strip() for output, status in results.values())
