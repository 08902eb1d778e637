"""Every ``--help`` in Chinese and English, from one catalogue, with examples that run."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from youthaction_scoring._cli.app import main
from youthaction_scoring._cli.help import HelpArgument, HelpCommand, HelpOption
from youthaction_scoring._cli.help_layout import cells, wrap
from youthaction_scoring._domain.codes import LANGS, Lang
from youthaction_scoring._domain.messages import Text
from youthaction_scoring._present.command_help import CATALOGUES as COMMAND_CATALOGUES
from youthaction_scoring._present.command_help import COMMANDS, MAIN
from youthaction_scoring._present.help_texts import CommandDoc, HelpWord, OptionHelp

EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
NAMES = ["", *sorted(COMMANDS)]
"""Every command by name; "" is the program itself."""
CATALOGUES: tuple[type[Text], ...] = (HelpWord, OptionHelp, *COMMAND_CATALOGUES)
CJK = re.compile("[\u4e00-\u9fff]")
RULE_REFERENCE = re.compile(r"[（(](?:规则|rules?) ?R\d+(?:(?:、|, ?)R\d+)*[）)]")


def run(args: list[str], lang: str, **extra: object) -> click.testing.Result:
    """Run the program in-process with ``YOUTHACTION_LANG`` set to *lang*."""
    extra.setdefault("prog_name", "youthaction-scoring")
    return CliRunner().invoke(main, args, env={"YOUTHACTION_LANG": lang}, **extra)  # type: ignore[arg-type]


def help_of(name: str, *options: str, lang: str = "zh", **extra: object) -> str:
    """The help page of the command *name* ("" for the program); fails unless it exits 0."""
    result = run([*name.split(), *options, "--help"], lang, **extra)
    assert (0, "") == (result.exit_code, result.stderr), result.output
    return result.stdout


def flat(text: str, lang: str) -> str:
    """*text* without its line breaks: Chinese without any white space, English one space a gap."""
    return re.sub(r"\s+", "", text) if lang == "zh" else " ".join(text.split())


def doc_of(name: str) -> CommandDoc:
    """The catalogue's help of the command *name* ("" for the program)."""
    return COMMANDS[name] if name else MAIN


def example_lines(page: str) -> list[str]:
    """The lines of a help page that are example command lines."""
    return [line.strip() for line in page.splitlines() if line.strip().startswith("youthaction-")]


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the example data as 台账.xlsx and 台账.json (what the examples read)."""
    folder = tmp_path_factory.mktemp("register")
    shutil.copy(EXAMPLE, folder / "台账.json")
    result = run(["convert", str(EXAMPLE), str(folder / "台账.xlsx")], "zh")
    assert 0 == result.exit_code, result.output
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_lang_zh_gives_chinese_help(name: str) -> None:
    """--lang zh gives Chinese headings, text and examples, even where the environment says en."""
    page = help_of(name, "--lang", "zh", lang="en")
    lines = page.splitlines()
    assert lines[0].startswith(f"用法：youthaction-scoring {name}".rstrip())
    assert {"选项：", "示例："} <= {line.strip() for line in lines}
    assert flat(doc_of(name).description.zh.split("。")[0], "zh") in flat(page, "zh")
    assert [e.line for e in doc_of(name).examples] == example_lines(page)
    assert "Usage:" not in page
    assert "Options:" not in page


@pytest.mark.parametrize("name", NAMES)
def test_the_environment_gives_chinese_help(name: str) -> None:
    """Without --lang, YOUTHACTION_LANG=zh gives the Chinese help."""
    page = help_of(name, lang="zh")
    assert page.startswith("用法：")
    assert "选项：" in page
    assert CJK.search(page.split("示例：")[0])
    assert example_lines(page)


@pytest.mark.parametrize("name", NAMES)
def test_lang_en_gives_english_help(name: str) -> None:
    """--lang en gives English headings, text and examples, even where the environment says zh."""
    page = help_of(name, "--lang", "en", lang="zh")
    lines = page.splitlines()
    assert lines[0].startswith(f"Usage: youthaction-scoring {name}".rstrip())
    assert {"Options:", "Examples:"} <= {line.strip() for line in lines}
    assert flat(doc_of(name).description.en.split(".")[0], "en") in flat(page, "en")
    assert flat(doc_of(name).description.zh.split("，")[0], "zh") not in flat(page, "zh")
    assert [e.line for e in doc_of(name).examples] == example_lines(page)
    assert not [word for word in ("用法", "选项", "示例", "默认", "显示此帮助") if word in page]


@pytest.mark.parametrize("lang", LANGS)
def test_the_program_lists_every_command_with_its_summary(lang: Lang) -> None:
    """The program's help lists every command with its summary in the language."""
    page = help_of("", lang=lang)
    for name, doc in COMMANDS.items():
        assert re.search(rf"^  {name} +{re.escape(doc.summary.template(lang))}$", page, re.M)
    assert HelpWord.VERSION.template(lang) in page
    assert HelpWord.HELP.template(lang) in page


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_parameter_has_its_help_from_the_catalogue(name: str) -> None:
    """Every option and argument of every command has a catalogue text, shown in both languages."""
    command = main.commands[name]
    assert isinstance(command, HelpCommand)
    pages = {lang: help_of(name, lang=lang) for lang in LANGS}
    for param in command.params:
        assert isinstance(param, HelpOption | HelpArgument), param.name
        assert param.help == param.help_text.en  # what the documentation shows
        for lang, page in pages.items():
            assert flat(param.help_text.template(lang), "zh")[:12] in flat(page, "zh")
            for opt in param.opts if isinstance(param, click.Option) else ():
                assert opt in page


@pytest.mark.parametrize("lang", LANGS)
def test_defaults_and_required_options_are_marked(lang: Lang) -> None:
    """A shown default reads [默认：…] or [default: …]; a required option is marked too."""
    explain = " ".join(help_of("explain", lang=lang).split())
    assert HelpWord.DEFAULT.format(lang, "table") in explain
    assert HelpWord.REQUIRED.template(lang) in explain


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_click_keeps_the_english_help(name: str) -> None:
    """The command reference of the documentation reads click's attributes: English, with examples."""
    command = main.commands[name]
    doc = COMMANDS[name]
    assert (doc.description.en, doc.summary.en) == (command.help, command.short_help)
    assert all(example.line in (command.epilog or "") for example in doc.examples)
    assert (MAIN.description.en, MAIN.summary.en) == (main.help, main.short_help)


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda c: c.__name__)
def test_texts_cite_no_file_and_rules_only_as_references(catalogue: type[Text]) -> None:
    """No text names a file staff never see; a rule's number is only a reference in parentheses."""
    for member in catalogue:
        for text in (member.zh, member.en):
            assert not re.search(r"FORMAT\.md|performance\.md|\.md\b|docs/", text), text
            assert not re.search(r"\bR\d+", RULE_REFERENCE.sub("", text)), text
            assert not re.match(r"\s*\(?R\d", text), text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_help_pages_cite_no_file_and_rules_only_as_references(name: str, lang: str) -> None:
    """No help page names a file staff never see, nor explains anything by a rule's number."""
    page = flat(help_of(name, lang=lang), lang)
    assert "FORMAT.md" not in page
    assert "performance.md" not in page
    assert not re.search(r"\bR\d+", RULE_REFERENCE.sub("", page))


def test_every_command_has_a_realistic_example() -> None:
    """Every command has an example of itself, reading the register 台账.xlsx or 台账.json."""
    for name, doc in COMMANDS.items():
        assert doc.examples, name
        for example in doc.examples:
            words = shlex.split(example.line)
            assert ["youthaction-scoring", name] == words[:2]
    readers = [e for d in COMMANDS.values() for e in d.examples if "台账." in e.line]
    assert len(readers) >= len(COMMANDS) - 3  # all but schema, serve and template read a register


SERVING = [e.line for e in COMMANDS["serve"].examples]
"""The examples that start a service: parsed here; the service tests start one for real."""


@pytest.mark.parametrize("line", SERVING)
def test_every_serve_example_parses(line: str) -> None:
    """Each ``serve`` example is a valid command line (its options parse as written)."""
    words = shlex.split(line)[1:]
    context = main.make_context("youthaction-scoring", list(words), resilient_parsing=False)
    with context:
        command = main.get_command(context, words[0])
        assert command is not None
        sub = command.make_context(words[0], words[1:], parent=context)
        assert sub.params["host"] == "127.0.0.1"
        assert sub.params["port"] in (8000, 8080)


@pytest.mark.parametrize(
    "line",
    sorted({e.line for d in (MAIN, *COMMANDS.values()) for e in d.examples} - set(SERVING)),
)
def test_every_example_runs(
    line: str, register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every example runs as written on the example data, and exits with status 0."""
    if " report " in line:
        pytest.importorskip("jinja2")
    for data in register.iterdir():
        shutil.copy(data, tmp_path / data.name)
    monkeypatch.chdir(tmp_path)
    before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in tmp_path.iterdir()}
    result = run(shlex.split(line)[1:], "zh")
    said = "已写入空白台账" if " template " in line else ""  # its one-line confirmation
    assert (0, said) == (result.exit_code, result.stderr.split(" ")[0].strip()), result.output
    after = {p.name: (p.stat().st_ino, p.read_bytes()) for p in tmp_path.iterdir()}
    assert result.stdout or before != after  # it printed or wrote something


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_help_fits_eighty_columns(name: str, lang: str) -> None:
    """On an 80-column terminal no line of help is wider than 80 cells (Chinese counts two)."""
    for page in (help_of(name, lang=lang, terminal_width=80), _with_columns(name, lang, "80")):
        widest = max(page.splitlines(), key=cells)
        assert cells(widest) <= 80, widest


def _with_columns(name: str, lang: str, columns: str) -> str:
    result = CliRunner().invoke(
        main, [*name.split(), "--help"], env={"YOUTHACTION_LANG": lang, "COLUMNS": columns}
    )
    assert 0 == result.exit_code
    return result.stdout


@pytest.mark.parametrize("name", NAMES)
def test_help_prints_on_a_gbk_console(name: str) -> None:
    """Help holds only characters a GBK console has; English help, only ASCII and Chinese words."""
    help_of(name, lang="zh").encode("gbk")
    english = help_of(name, lang="en")
    english.encode("gbk")
    prose = [line for line in english.splitlines() if line.strip() not in example_lines(english)]
    assert not re.search(r"[^\x00-\x7f\u4e00-\u9fff]", "\n".join(prose))


def test_wrap_breaks_between_chinese_characters_not_before_punctuation() -> None:
    """Chinese wraps at any character, never starting a line with a comma nor splitting [默认：…]."""
    text = "截至月份：按截至该月的情况计分，之后的月份尚未到期、不算缺。 [默认：table]"
    for width in range(12, 40):
        lines = wrap(text, width, "  ", "  ")
        assert all(cells(line) <= width or "[" in line for line in lines), (width, lines)
        assert not any(line.strip()[0] in "，。、：" for line in lines)
        assert any(line.strip().endswith("[默认：table]") for line in lines)
        assert text.replace(" ", "") == "".join(line.strip() for line in lines).replace(" ", "")


def test_lang_is_dropped_only_for_help(tmp_path: Path) -> None:
    """--lang on a command without it shows the help, but is still refused without -h."""
    assert help_of("template", "--lang", "en", lang="zh").startswith("Usage:")
    target = tmp_path / "新台账.xlsx"
    result = run(["template", "--lang", "en", str(target)], "zh")
    assert 2 == result.exit_code
    assert not target.exists()
    assert "--lang" in result.stderr
