"""Any console encoding: characters a console cannot show become ASCII stand-ins, never a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from youthaction_scoring._present.terminal import register_ascii_fallback, stand_in

EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "guiyang-2021-2022.json")


@pytest.mark.parametrize(
    ("char", "expected"),
    [("✗", "x"), ("−", "-"), ("…", "..."), ("━", "-"), ("┃", "|"), ("╇", "+"), ("☃", "?")],
)
def test_stand_ins(char: str, expected: str) -> None:
    """Known symbols, box lines and anything else have their ASCII stand-in."""
    assert expected == stand_in(char)


def test_the_handler_encodes_what_gbk_lacks() -> None:
    """Text with ✗ and − encodes to GBK through the handler; Chinese stays Chinese."""
    handler = register_ascii_fallback()
    assert "南明区 x -5".encode("gbk") == "南明区 ✗ −5".encode("gbk", handler)


@pytest.mark.parametrize(
    "args",
    [
        ["progress", EXAMPLE],
        ["explain", EXAMPLE, "--community", "nm-01", "--lang", "en"],
        ["plan", EXAMPLE, "--community", "nm-01", "--lang", "en"],
        ["score", EXAMPLE],
        ["districts", EXAMPLE],
    ],
    ids=["progress", "explain-en", "plan-en", "score", "districts"],
)
@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_commands_on_a_narrow_console_encoding(args: list[str], encoding: str) -> None:
    """Under PYTHONIOENCODING=gbk (or ascii) every command ends with 0 and decodable output."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    done = subprocess.run(
        [sys.executable, "-m", "youthaction_scoring", *args], capture_output=True, env=env
    )
    assert 0 == done.returncode, done.stderr.decode(encoding, "replace")
    text = done.stdout.decode(encoding)  # strict: every byte is valid in the console's encoding
    assert "Traceback" not in done.stderr.decode(encoding, "replace")
    assert len(text) > 100
    if args[0] == "progress" and encoding == "gbk":
        assert " x" in text  # the ✗ marker's stand-in
        assert "南明区" in text


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "zh"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8", "YOUTHACTION_LANG": "zh"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "YOUTHACTION_LANG": "en"}, "en"),
    ],
)
def test_the_language_without_lang(environ: dict[str, str], expected: str) -> None:
    """--lang, else YOUTHACTION_LANG, else LC_ALL/LC_MESSAGES/LANG, else Chinese."""
    from youthaction_scoring._cli.lang import default_lang

    assert expected == default_lang(environ)


@pytest.mark.usefixtures("english")
def test_the_language_reaches_the_commands() -> None:
    """LANG=en_US gives English tables; --lang zh wins; a bad YOUTHACTION_LANG is refused."""
    base = {k: v for k, v in os.environ.items() if k not in ("YOUTHACTION_LANG", "LC_ALL")}
    english = {**base, "LANG": "en_US.UTF-8"}
    command = [sys.executable, "-m", "youthaction_scoring", "districts", EXAMPLE]
    done = subprocess.run(command, capture_output=True, text=True, env=english)
    assert "District roll-up" in done.stdout
    done = subprocess.run([*command, "--lang", "zh"], capture_output=True, text=True, env=english)
    assert "区县汇总" in done.stdout
    bad = {**base, "YOUTHACTION_LANG": "fr"}
    done = subprocess.run(command, capture_output=True, text=True, env=bad)
    assert 2 == done.returncode
    assert "YOUTHACTION_LANG 必须是 zh 或 en，实为“fr”" in done.stderr
