"""Every user-facing message in Chinese and English: problems, places, usage errors, failures."""

from __future__ import annotations

import copy
import importlib
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

import youthaction_scoring
from tests.malformed import COMMUNITY_CASES, HEADER_CASES, valid_community, valid_header
from tests.test_register_read import _edit, _good_rows, _register
from youthaction_scoring import InputError, loads_assessment, read_register
from youthaction_scoring._cli.app import main
from youthaction_scoring._domain.errors import ErrorText, Problem, place_text
from youthaction_scoring._domain.messages import Text

ENGLISH = re.compile(
    r"\b(must|required|unknown|got|cannot|invalid|duplicate|missing|expected|refused|"
    r"line|column|Error|Usage|Try)\b"
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _chinese(text: str) -> bool:
    """Whether *text* reads as Chinese: CJK present, none of the English message words."""
    return bool(CJK.search(text)) and not ENGLISH.search(text)


def _catalogues() -> list[type[Text]]:
    for module in pkgutil.walk_packages(youthaction_scoring.__path__, "youthaction_scoring."):
        importlib.import_module(module.name)

    def below(cls: type[Text]) -> list[type[Text]]:
        return [cls, *(c for sub in cls.__subclasses__() for c in below(sub))]

    return below(Text)


def test_every_text_of_every_catalogue_has_a_chinese_template() -> None:
    """A catalogue text's Chinese differs from its English unless it is only placeholders."""
    bare = re.compile(r"^[\s{}0-9]*$")
    untranslated = [
        f"{catalogue.__name__}.{text.name}"
        for catalogue in _catalogues()
        for text in catalogue
        if text.zh == text.en and not bare.match(text.zh)
    ]
    assert [] == untranslated


def test_places_render_in_chinese() -> None:
    """Lines and columns become 第N行/第N列; paths and cells stay as they are."""
    assert "第5行：communities[0].id" == place_text("line 5: communities[0].id", "zh")
    assert "第1行第3列" == place_text("line 1 column 3", "zh")
    assert "第7行第12列" == place_text("line 7, column 12", "zh")
    assert "社区!L2" == place_text("社区!L2", "zh")
    assert "line 5: id" == place_text("line 5: id", "en")
    problem = Problem("line 2: id", ErrorText.LINE(3))
    assert "第2行：id：第3行" == problem.text("zh")


def _problems(value: Any) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        loads_assessment(json.dumps(value, ensure_ascii=False))
    return list(caught.value.problems)


def _document(community: dict[str, Any], header: dict[str, Any] | None = None) -> dict[str, Any]:
    return {**(header or valid_header()), "communities": [community]}


@pytest.mark.parametrize("case", sorted(COMMUNITY_CASES))
def test_every_malformed_community_is_refused_in_chinese(case: str) -> None:
    """Each problem of a spoiled community renders in Chinese, never by the fallback."""
    community = copy.deepcopy(valid_community())
    COMMUNITY_CASES[case](community)
    for problem in _problems(_document(community)):
        assert problem.message.key is not ErrorText.FALLBACK, problem
        assert _chinese(problem.text("zh")), problem.text("zh")
        assert problem.text("en") == str(problem)


@pytest.mark.parametrize("case", sorted(HEADER_CASES))
def test_every_malformed_header_is_refused_in_chinese(case: str) -> None:
    """Each problem of a spoiled header renders in Chinese."""
    header = copy.deepcopy(valid_header())
    HEADER_CASES[case](header)
    for problem in _problems(_document(valid_community(), header)):
        assert problem.message.key is not ErrorText.FALLBACK, problem
        assert _chinese(problem.text("zh")), problem.text("zh")


@pytest.mark.parametrize(
    "text",
    ["", "{", '{"a": 1,}', '{"a": 1} x', '{"a": NaN}', '{"a": 1, "a": 2}', "[" * 5000],
)
def test_bad_json_is_refused_in_chinese(text: str) -> None:
    """Invalid JSON, repeated keys, NaN and deep nesting are explained in Chinese."""
    with pytest.raises(InputError) as caught:
        loads_assessment(text)
    for problem in caught.value.problems:
        assert _chinese(problem.text("zh")), problem.text("zh")


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "expected"),
    [
        ("社区", "J2", "两人", "社区!J2：必须是整数，实为文本 '两人'"),
        ("社区", "J2", -1, "社区!J2：不能小于0，实为-1"),
        ("社区", "D2", "国家级", "社区!D2：未知的值“国家级”；应为以下之一"),
        ("专项活动", "C2", "2021-11-31", "专项活动!C2：“2021-11-31”不是一个真实的日期"),
        ("专项活动", "D2", "yes", "专项活动!D2：必须是“是”或“否”"),
        ("社区", "A5", "=1+1", "社区!A5：不接受公式"),
        ("考核期", "A2", "2022-05", "考核期!A2：起始月2022-05晚于结束月2022-04（R1）"),
        ("综述认可", "B2", 7, "综述认可!B2：工作表“信息综述”中本社区没有编号为 7 的综述"),
    ],
)
def test_register_problems_are_in_chinese_with_their_cells(
    tmp_path: Path, sheet: str, cell: str, value: Any, expected: str
) -> None:
    """A bad cell of a 台账 is named Sheet!Cell, with the message in Chinese."""
    rows = _good_rows()
    _edit(sheet, cell, value)(rows)
    path = _register(tmp_path, rows)
    with pytest.raises(InputError) as caught:
        read_register(path)
    texts = [p.text("zh") for p in caught.value.problems]
    assert [t for t in texts if t.startswith(expected)], texts
    assert all(_chinese(t) for t in texts), texts


def test_a_bad_column_header_is_explained_in_chinese(tmp_path: Path) -> None:
    """An unknown and a missing column are named in Chinese, at their header cells."""
    path = _register(tmp_path, _good_rows())
    book = openpyxl.load_workbook(path)
    book["社区"]["A1"] = "社区编码"
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_register(path)
    texts = [p.text("zh") for p in caught.value.problems]
    assert any(t.startswith("社区!A1：未知的列“社区编码”") for t in texts), texts
    assert all(_chinese(t) for t in texts), texts


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    environment = {k: v for k, v in os.environ.items() if k != "YOUTHACTION_LANG"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "youthaction_scoring", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        check=False,
    )


def test_the_issue_case_under_a_chinese_locale(tmp_path: Path) -> None:
    """LANG=zh_CN.UTF-8, no --lang: '两人' in a count cell is refused in Chinese, status 2."""
    rows = _good_rows()
    _edit("社区", "J2", "两人")(rows)
    path = _register(tmp_path, rows, name="台账.xlsx")
    done = _run("score", str(path), env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert 2 == done.returncode
    assert "社区!J2：必须是整数，实为文本 '两人'" in done.stderr
    english = _run("score", str(path), "--lang", "en")
    assert "社区!J2: must be a whole number, got text '两人'" in english.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["score", "x.json", "--fromat", "csv"], "没有选项 --fromat"),
        (["score"], "缺少参数 INPUT"),
        (["score", "x.json", "--format", "pdf"], "--format 的值无效：应为以下之一"),
        (["rank", "x.json", "--as-of", "2021-13"], "--as-of 的值无效：“2021-13”不是一个真实的月份"),
        (["districts", "x.json", "--behind-below", "-5"], "--behind-below 的值无效"),
        (["districts", "x.json", "--behind-share", "2"], "滞后比例必须大于0且不超过1"),
        (["districts", "x.json", "--behind-share", "0.2", "--behind-below", "5"], "只能给一个"),
        (["score", "a.json", "b.json"], "多余的参数：b.json"),
        (["scroe", "a.json"], "没有命令“scroe”"),
        (["template", "t.xlsx", "--period", "2022-05:2022-04"], "起始月2022-05晚于结束月"),
    ],
)
def test_usage_errors_are_in_chinese(args: list[str], expected: str) -> None:
    """Errors in the command line itself are explained in Chinese (status 2), no English."""
    result = CliRunner().invoke(main, [*args, "--lang", "zh"] if args[0] != "template" else args)
    assert 2 == result.exit_code, result.output
    assert expected in result.output
    error = [line for line in result.output.splitlines() if line.startswith("错误：")]
    assert error, result.output
    assert _chinese(error[0]), error


def test_usage_errors_follow_lang_en() -> None:
    """The same error under --lang en is in English."""
    result = CliRunner().invoke(main, ["score", "x.json", "--fromat", "csv", "--lang", "en"])
    assert 2 == result.exit_code
    assert "Error: no such option: --fromat" in result.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_files_and_outputs_fail_in_the_chosen_language(tmp_path: Path, lang: str) -> None:
    """A missing input, an output into a missing folder and a refused target, in either language."""
    example = str(Path(__file__).parent.parent / "examples" / "assessment.json")
    missing = CliRunner().invoke(main, ["score", str(tmp_path / "无.json"), "--lang", lang])
    folder = CliRunner().invoke(
        main, ["rank", example, "-o", str(tmp_path / "无" / "排名.csv"), "--lang", lang]
    )
    directory = CliRunner().invoke(main, ["rank", example, "-o", str(tmp_path), "--lang", lang])
    outcomes = [(missing, 2, "无法读取：文件或文件夹不存在", "cannot read: No such file")]
    outcomes += [(folder, 1, "文件夹", "folder")]
    outcomes += [(directory, 2, "是文件夹而不是文件", "is a directory, not a file")]
    for result, status, zh, en in outcomes:
        assert status == result.exit_code, result.output
        assert (zh if lang == "zh" else en) in result.output, result.output
        if lang == "zh":
            assert _chinese(result.output), result.output
