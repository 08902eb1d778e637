"""The fast register reader (python-calamine) against openpyxl's: the same results, the same problems.

Three kinds of test:

* the same workbook read by both readers gives the same assessment, or the
  same problems in the same order, whether its sheets are plain (read by
  calamine) or odd (vetting hands them to openpyxl), and the test says which;
* generated cells (hostile text, numbers, dates, booleans, formulas) in a
  register read alike;
* the register tests of the other modules run again here with the openpyxl
  reader forced (``YOUTHACTION_REGISTER_READER=openpyxl``), so that the suite
  runs them with both readers (with calamine absent, they run once, there).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import (
    test_register_districts,
    test_register_read,
    test_register_roundtrip,
    test_workbook_safety,
)
from tests._register_helpers import full_assessment
from tests.hostile import test_registers as hostile_registers
from tests.strategies import HOSTILE_TEXTS, SPREADSHEET_HOSTILE_TEXTS
from youthaction_scoring import InputError, Period, dumps_assessment
from youthaction_scoring._io.register import read_register, write_register, write_register_template
from youthaction_scoring._io.register.book import READER_ENV, open_book
from youthaction_scoring._io.register.vet import (
    MAX_GRID,
    cell_pattern,
    vet_shared_strings,
    vet_sheet,
)

openpyxl = pytest.importorskip("openpyxl")
IllegalCharacterError = openpyxl.utils.exceptions.IllegalCharacterError
try:
    import python_calamine  # noqa: F401 - imported to learn whether it is there

    CALAMINE = True
except ImportError:  # the suite runs without it too
    CALAMINE = False
needs_calamine = pytest.mark.skipif(not CALAMINE, reason="python-calamine is not installed")

COMMUNITIES = "xl/worksheets/sheet3.xml"  # 社区 (sheet order: 说明, 考核期, 社区, …)
ACTIVITIES = "xl/worksheets/sheet8.xml"  # 专项活动
SUMMARIES = "xl/worksheets/sheet9.xml"  # 信息综述

Outcome = tuple[str, Any]


@pytest.fixture(autouse=True)
def _openpyxl_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Force the openpyxl reader for every test here (the re-run tests); comparisons choose."""
    monkeypatch.setenv(READER_ENV, "openpyxl")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid register holding every sheet and record kind (fictional data)."""
    path = tmp_path_factory.mktemp("fast") / "base.xlsx"
    write_register(full_assessment(), path)
    return path


def outcome(path: Path, reader: str, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    """Read *path* with *reader*: the assessment as JSON, or every problem as text."""
    monkeypatch.setenv(READER_ENV, reader)
    try:
        return ("read", dumps_assessment(read_register(path)))
    except InputError as exc:
        return ("refused", [str(p) for p in exc.problems])


def readers(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Which library reads each sheet of *path* when calamine is allowed."""
    monkeypatch.setenv(READER_ENV, "calamine")
    with path.open("rb") as handle:
        book = open_book(handle, str(path))
        try:
            for name in book.sheetnames:
                with contextlib.suppress(ValueError, TypeError, KeyError, IndexError):
                    list(book.rows(name))  # a row openpyxl cannot read: the reader chose it
            return dict(book.readers)
        finally:
            book.close()


def patched(source: Path, target: Path, changes: dict[str, Callable[[str], str]]) -> Path:
    """A copy of *source* with XML parts changed (each change must change something)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename in changes:
                text = data.decode("utf-8")
                changed = changes[info.filename](text)
                assert changed != text, f"the patch changed nothing in {info.filename}"
                data = changed.encode("utf-8")
            new.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def cell(reference: str, raw: str) -> Callable[[str], str]:
    """Replace the cell *reference* (say J2) by *raw* XML."""

    def change(xml: str) -> str:
        return re.sub(rf'<c r="{reference}"[^>]*?(?:/>|>.*?</c>)', raw, xml, count=1)

    return change


def _append(xml: str, raw: str) -> str:
    """Add the cell *raw* at the end of row 2."""
    return re.sub(
        r'(<row r="2"[^>]*>.*?)</row>', lambda m: f"{m[1]}{raw}</row>", xml, count=1, flags=re.S
    )


def both(path: Path, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    """Read *path* with both readers, check they agree, and return what they gave."""
    slow = outcome(path, "openpyxl", monkeypatch)
    fast = outcome(path, "calamine", monkeypatch)
    assert slow == fast
    return fast


# (sheet part, change, the sheet's name, the reader vetting picks, what must be said)
CASES: dict[str, tuple[str, Callable[[str], str], str, str, str]] = {
    "a formula with a cached number": (
        COMMUNITIES,
        cell("J2", '<c r="J2"><f>1+0</f><v>1</v></c>'),
        "社区",
        "calamine",
        "社区!J2: formulas are not accepted",
    ),
    "a formula with cached text": (
        ACTIVITIES,
        cell("B2", '<c r="B2" t="str"><f>"社区青春行动"&amp;"x"</f><v>社区青春行动x</v></c>'),
        "专项活动",
        "calamine",
        "专项活动!B2: formulas are not accepted",
    ),
    "a shared formula without a value": (
        COMMUNITIES,
        cell("K2", '<c r="K2"><f t="shared" si="0"/></c>'),
        "社区",
        "calamine",
        "社区!K2: formulas are not accepted",
    ),
    "an error value": (
        ACTIVITIES,
        cell("B2", '<c r="B2" t="e"><v>#DIV/0!</v></c>'),
        "专项活动",
        "calamine",
        "专项活动!B2: the cell holds an error value '#DIV/0!'",
    ),
    "a fraction in a count": (
        COMMUNITIES,
        cell("J2", '<c r="J2" t="n"><v>1.5</v></c>'),
        "社区",
        "calamine",
        "社区!J2: must be a whole number, got number 1.5",
    ),
    "a whole number written with a point": (
        COMMUNITIES,
        cell("J2", '<c r="J2" t="n"><v>3.0</v></c>'),
        "社区",
        "openpyxl",
        "",
    ),
    "a number as text": (
        COMMUNITIES,
        cell("J2", '<c r="J2" t="inlineStr"><is><t>3</t></is></c>'),
        "社区",
        "calamine",
        "社区!J2: must be a whole number, got text '3'",
    ),
    "a number in a text column": (
        COMMUNITIES,
        cell("B2", '<c r="B2"><v>12</v></c>'),
        "社区",
        "calamine",
        "社区!B2: must be text, got number 12",
    ),
    "an untyped value that is not a number": (
        COMMUNITIES,
        cell("J2", '<c r="J2"><v>abc</v></c>'),
        "社区",
        "openpyxl",
        "社区!2: row 2 cannot be read",
    ),
    "nan": (
        COMMUNITIES,
        cell("J2", '<c r="J2" t="n"><v>nan</v></c>'),
        "社区",
        "openpyxl",
        "社区!2: row 2 cannot be read",
    ),
    "an exponent": (
        COMMUNITIES,
        cell("L2", '<c r="L2" t="n"><v>1E+20</v></c>'),
        "社区",
        "openpyxl",
        "社区!L2: must be at most 999,999,999,999,999",
    ),
    "a boolean cell": (
        ACTIVITIES,
        cell("D2", '<c r="D2" t="b"><v>0</v></c>'),
        "专项活动",
        "calamine",
        "",
    ),
    "a boolean that is not 0 or 1": (
        ACTIVITIES,
        cell("D2", '<c r="D2" t="b"><v>true</v></c>'),
        "专项活动",
        "openpyxl",
        "专项活动!2: row 2 cannot be read",
    ),
    "text with spaces around, not kept": (
        COMMUNITIES,
        cell("B2", '<c r="B2" t="inlineStr"><is><t>  新华社区  </t></is></c>'),
        "社区",
        "openpyxl",
        "",
    ),
    "text with spaces around, kept": (
        COMMUNITIES,
        cell("B2", '<c r="B2" t="inlineStr"><is><t xml:space="preserve"> 新华 社区 </t></is></c>'),
        "社区",
        "calamine",
        "",
    ),
    "an escaped carriage return and a literal escape": (
        COMMUNITIES,
        cell("B2", '<c r="B2" t="inlineStr"><is><t>新华_x000D_社区_x005F_x0041_</t></is></c>'),
        "社区",
        "calamine",
        "",
    ),
    "an escaped control character": (
        COMMUNITIES,
        cell("B2", '<c r="B2" t="inlineStr"><is><t>新华_x001B_社区</t></is></c>'),
        "社区",
        "calamine",
        "社区!B2: contains the control character U+001B",
    ),
    "an escape above U+00FF": (
        COMMUNITIES,
        cell("B2", '<c r="B2" t="inlineStr"><is><t>新华_x4E2D_社区</t></is></c>'),
        "社区",
        "openpyxl",
        "",
    ),
    "an escaped space in a free text": (
        "xl/worksheets/sheet2.xml",
        cell("C2", '<c r="C2" t="inlineStr"><is><t>说明_x0020_</t></is></c>'),
        "考核期",
        "openpyxl",
        "",
    ),
    "a character reference": (
        COMMUNITIES,
        cell("B2", '<c r="B2" t="inlineStr"><is><t>新华&#13;社区</t></is></c>'),
        "社区",
        "openpyxl",
        "",
    ),
    "a date serial": (
        ACTIVITIES,
        cell("C2", '<c r="C2" s="{date}"><v>44513</v></c>'),
        "专项活动",
        "calamine",
        "",
    ),
    "a date with a time of day": (
        ACTIVITIES,
        cell("C2", '<c r="C2" s="{date}"><v>44513.5</v></c>'),
        "专项活动",
        "openpyxl",
        "专项活动!C2: must be a date without a time of day, got 2021-11-13 12:00:00",
    ),
    "a date serial before 1900": (
        ACTIVITIES,
        cell("C2", '<c r="C2" s="{date}"><v>-5</v></c>'),
        "专项活动",
        "openpyxl",
        "专项活动!C2: 1899-12-25 is outside the years 1900-2199",
    ),
    "a cell in another row than its own": (
        COMMUNITIES,
        lambda xml: xml.replace('<c r="A3"', '<c r="A9"', 1),
        "社区",
        "openpyxl",
        "",
    ),
    "rows out of order": (
        COMMUNITIES,
        lambda xml: xml.replace('<row r="3">', '<row r="1">', 1),
        "社区",
        "openpyxl",
        "",
    ),
    "a cell far to the right": (
        COMMUNITIES,
        lambda xml: _append(xml, '<c r="AAA2" t="inlineStr"><is><t>x</t></is></c>'),
        "社区",
        "openpyxl",
        "社区!AAA2: value in a column without a header",
    ),
    "a value without a header": (
        COMMUNITIES,
        lambda xml: _append(xml, '<c r="N2" t="inlineStr"><is><t>x</t></is></c>'),
        "社区",
        "calamine",
        "社区!N2: value in a column without a header",
    ),
    "a namespace prefix on the cells": (
        COMMUNITIES,
        lambda xml: xml.replace("<sheetData>", '<sheetData xmlns:x="urn:x">', 1),
        "社区",
        "openpyxl",
        "",
    ),
    "no header row": (
        COMMUNITIES,
        lambda xml: re.sub(r'<row r="1".*?</row>', "", xml, count=1, flags=re.S),
        "社区",
        "calamine",
        "社区!A1: missing column 社区编号 (id)",
    ),
    "nothing in the first column": (
        ACTIVITIES,
        lambda xml: re.sub(r'<c r="A[0-9]+"[^>]*>.*?</c>', "", xml, flags=re.S),
        "专项活动",
        "calamine",
        "专项活动!A1: missing column 社区编号 (community_id)",
    ),
    "a huge stated dimension": (
        COMMUNITIES,
        lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', xml),
        "社区",
        "openpyxl",
        "",
    ),
}


def _date_style(path: Path) -> int:
    """The cell style the writer gives dates (yyyy-mm-dd) in *path*."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(SUMMARIES).decode()
    found = re.search(r'<c r="E2" s="([0-9]+)"', xml)
    assert found is not None
    return int(found[1])


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.usefixtures("english")
@needs_calamine
def test_both_readers_agree_on_each_odd_cell(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    """Each odd cell reads alike with both readers, and vetting picks the reader expected."""
    member, change, sheet, reader, said = CASES[case]
    style = _date_style(base)

    def styled(xml: str) -> str:
        return change(xml).replace("{date}", str(style))

    path = patched(base, tmp_path / "odd.xlsx", {member: styled})
    kind, result = both(path, monkeypatch)
    assert reader == readers(path, monkeypatch)[sheet]
    if said:
        assert "refused" == kind
        assert any(p.startswith(said) for p in result), result
    else:
        assert "read" == kind, result


@needs_calamine
def test_a_plain_register_is_read_by_calamine_sheet_by_sheet(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A register the tool wrote is plain: calamine reads every data sheet."""
    expected = {"calamine"}
    found = readers(base, monkeypatch)
    found.pop("说明")
    assert expected == set(found.values())


@needs_calamine
def test_a_register_filled_in_with_openpyxl_is_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template filled cell by cell (styled empty cells, ``<c ... />``) is read by calamine."""
    path = _cells_register(tmp_path, ["南明区", 2, dt.datetime(2021, 12, 1)])
    both(path, monkeypatch)
    expected = {"calamine"}
    found = readers(path, monkeypatch)
    assert expected == {found[name] for name in ("考核期", "社区", "专项活动", "区县")}


@pytest.mark.parametrize("text", HOSTILE_TEXTS + SPREADSHEET_HOSTILE_TEXTS)
@needs_calamine
def test_hostile_text_reads_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """Hostile text in every text field reads back exactly with both readers."""
    write_register(full_assessment(text), tmp_path / "r.xlsx")
    expected = ("read", dumps_assessment(full_assessment(text)))
    assert expected == both(tmp_path / "r.xlsx", monkeypatch)


def _shared(source: Path, target: Path, extra: str = "") -> Path:
    """*source* with its inline strings moved to a shared-strings part, as Excel writes them."""
    strings: dict[str, int] = {}
    inline = re.compile(
        r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is>(<t[^>]*>[^<]*</t>|<t/>)</is></c>'
    )

    def share(xml: str) -> str:
        def one(found: re.Match[str]) -> str:
            index = strings.setdefault(found[3], len(strings))
            return f'<c r="{found[1]}"{found[2]} t="s"><v>{index}</v></c>'

        return inline.sub(one, xml)

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename).decode("utf-8")
            if info.filename.startswith("xl/worksheets/"):
                data = share(data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    "</Types>",
                    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    "</Relationships>",
                    '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                    "</Relationships>",
                )
            new.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        items = "".join(f"<si>{t}{extra}</si>" for t in strings)
        new.writestr(
            "xl/sharedStrings.xml",
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            f' count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>',
        )
    return target


@pytest.mark.parametrize(
    ("extra", "reader"),
    [("", "calamine"), ('<phoneticPr fontId="1" type="noConversion"/>', "calamine")],
)
@needs_calamine
def test_shared_strings_read_alike_and_keep_escapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: str, reader: str
) -> None:
    """Excel's shared strings (with its phonetic note) read as inline ones; ``_x005F_`` is kept."""
    text = "_x0041_ 四点半\r课堂"
    write_register(full_assessment(text), tmp_path / "inline.xlsx")
    path = _shared(tmp_path / "inline.xlsx", tmp_path / "shared.xlsx", extra)
    expected = ("read", dumps_assessment(full_assessment(text)))
    assert expected == both(path, monkeypatch)
    assert reader == readers(path, monkeypatch)["社区"]


@needs_calamine
def test_shared_strings_with_phonetic_runs_go_to_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shared string with a phonetic run (rPh) is not plain: openpyxl reads the workbook."""
    write_register(full_assessment(), tmp_path / "inline.xlsx")
    extra = '<rPh sb="0" eb="1"><t>ふ</t></rPh>'
    path = _shared(tmp_path / "inline.xlsx", tmp_path / "shared.xlsx", extra)
    assert "read" == both(path, monkeypatch)[0]
    assert {"openpyxl"} == set(readers(path, monkeypatch).values())


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda xml: xml.replace("<sst ", '<!DOCTYPE sst [<!ENTITY e "x">]><sst ', 1), "unsafe"),
        (lambda xml: xml.replace("</si>", "", 1), "unsafe or broken XML"),
    ],
)
@needs_calamine
@pytest.mark.usefixtures("english")
def test_bad_shared_strings_are_refused_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[str], str], said: str
) -> None:
    """A DTD or broken XML in the shared strings is one refusal at the file, with both readers."""
    write_register(full_assessment(), tmp_path / "inline.xlsx")
    shared = _shared(tmp_path / "inline.xlsx", tmp_path / "shared.xlsx")
    path = patched(shared, tmp_path / "bad.xlsx", {"xl/sharedStrings.xml": change})
    kind, problems = both(path, monkeypatch)
    assert ("refused", 1) == (kind, len(problems))
    assert problems[0].startswith(f"{path}: refused: {said}"), problems


@pytest.mark.parametrize(
    "number_format",
    [
        "m/d/yy h:mm",
        "d-mmm-yy",
        "mm-dd-yy",
        "yyyy/m/d",
        'yyyy"年"m"月"d"日"',
        "yyyy\\-mm\\-dd",
        "yyyy-mm-dd;@",
        "yyyy-mm-dd h:mm:ss",
        "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy",
        "[h]:mm",
        "General",
        "0.00",
        "@",
    ],
)
@needs_calamine
def test_number_formats_read_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number_format: str
) -> None:
    """A date and a count in each number format read alike (vetting knows the formats)."""
    path = tmp_path / "formats.xlsx"
    write_register_template(path, Period.parse("2021-11:2022-04"))
    book = openpyxl.load_workbook(path)
    communities, activities = book["社区"], book["专项活动"]
    for column, value in zip("ABCDJ", ["c1", "名称", "南明区", "全国首批", 3], strict=True):
        communities[f"{column}2"] = value
    for column, value in zip(
        "ABCD", ["c1", "社区青春行动", dt.datetime(2021, 12, 1), "是"], strict=True
    ):
        activities[f"{column}2"] = value
    for cell in (communities["J2"], activities["C2"]):
        cell.number_format = number_format
    book.save(path)
    both(path, monkeypatch)


def _cells_register(tmp_path: Path, values: list[Any]) -> Path:
    """The template with *values* typed into the communities sheet from B2, as a person would."""
    path = tmp_path / "cells.xlsx"
    write_register_template(path, Period.parse("2021-11:2022-04"), replace=True)
    book = openpyxl.load_workbook(path)
    sheet = book["社区"]
    for number, value in enumerate(values, start=2):
        sheet.cell(row=number, column=1, value=f"c{number}")
        for column in (2, 3, 10, 5):  # name, district, a count, a yes/no
            sheet.cell(row=number, column=column, value=value)
        sheet.cell(row=number, column=4, value="全国首批")
    book["专项活动"].cell(row=2, column=1, value="c2")
    for column, value in enumerate(values[:3], start=2):
        book["专项活动"].cell(row=2, column=column, value=value)
    book.save(path)
    return path


CELL_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**16), 10**16),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.sampled_from(["是", "否", "TRUE", " false ", "3", "", "   ", "=1+1", "#N/A", "2021-11-13"]),
    st.sampled_from(HOSTILE_TEXTS + SPREADSHEET_HOSTILE_TEXTS),
    st.text(max_size=12),
    st.dates(dt.date(1899, 1, 1), dt.date(2300, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2200, 1, 1)),
)


@needs_calamine
@given(values=st.lists(CELL_VALUES, min_size=1, max_size=6))
def test_generated_cells_read_alike(values: list[Any]) -> None:
    """Numbers, dates, booleans and text of every kind typed into cells read alike."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        try:
            path = _cells_register(Path(folder), values)
        except (ValueError, TypeError, IllegalCharacterError):
            return  # openpyxl will not write it (an illegal character, say)
        both(path, patch)


@needs_calamine
def test_without_calamine_openpyxl_reads_it_all(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With python-calamine absent, every sheet is read by openpyxl, to the same result."""
    monkeypatch.delenv(READER_ENV)
    with_calamine = outcome(base, "calamine", monkeypatch)
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    assert {"openpyxl"} == set(readers(base, monkeypatch).values())
    assert with_calamine == outcome(base, "calamine", monkeypatch)


def test_importing_the_library_does_not_import_calamine() -> None:
    """Importing the library, its commands and the register package leaves calamine unloaded."""
    code = (
        "import sys, youthaction_scoring, youthaction_scoring._cli, youthaction_scoring._io.register;"
        "print([m for m in ('python_calamine', 'openpyxl') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    expected = "[]"
    assert expected == out.stdout.strip()


def _sheet(rows: str, dimension: str = "") -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return f"{head}<worksheet {main}>{dimension}<sheetData>{rows}</sheetData></worksheet>".encode()


def test_vetting_refuses_a_grid_too_large_for_memory() -> None:
    """A cell far down and right would make calamine's dense grid huge: not plain."""
    pattern = cell_pattern({0}, set())
    near = _sheet('<row r="2"><c r="B2"><v>1</v></c></row>')
    far_row = 1 + MAX_GRID // 26
    far = _sheet(f'<row r="{far_row}"><c r="Z{far_row}"><v>1</v></c></row>')
    stated = _sheet("", '<dimension ref="A1:ZZ999999"/>')
    assert (True, None, None) == (
        vet_sheet(near, pattern) is not None,
        vet_sheet(far, pattern),
        vet_sheet(stated, pattern),
    )


@pytest.mark.parametrize(
    ("xml", "plain"),
    [
        ("<si><t>a</t></si>", True),
        ('<si><t xml:space="preserve"> a </t></si>', True),
        ("<si><t> a</t></si>", False),
        ('<si><r><rPr><b/><sz val="11"/></rPr><t>a</t></r><r><t>b</t></r></si>', True),
        ("<si><t>a&#13;</t></si>", False),
        ("<si><t>_xD800_</t></si>", False),
        ('<si><t>a</t><rPh sb="0" eb="1"><t>b</t></rPh></si>', False),
    ],
)
def test_shared_strings_are_vetted(xml: str, plain: bool) -> None:
    """Shared strings are plain only in the shapes both libraries read alike."""
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    assert plain == vet_shared_strings(f"<sst {main}>{xml}</sst>".encode())


def _rerun(module: Any, names: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """The tests of *module*, or those of *names*, for running here again (marked ``slow``).

    The copies are slow: the quick loop runs each register test once, with
    the reader a user gets; the whole suite (CI) runs the fallback too.
    """
    for name, value in vars(module).items():
        if name.startswith("test_") and (not names or name in names):
            copy = functools.wraps(value)(lambda *a, _test=value, **k: _test(*a, **k))
            yield (
                f"test_openpyxl_{module.__name__.rsplit('.', 1)[-1]}_{name[5:]}",
                (pytest.mark.slow(copy)),
            )


# The register tests of the other modules, again, with the openpyxl reader
# forced by the autouse fixture above: with calamine installed they run with
# both readers in one suite. (Without it they would run twice alike: skipped.)
if CALAMINE:
    register = hostile_registers.register  # their module fixture, by its name
    for _module in (test_register_read, test_register_roundtrip, test_register_districts):
        globals().update(_rerun(_module))
    globals().update(_rerun(hostile_registers))
    globals().update(_rerun(test_workbook_safety, ("test_an_xml_bomb_is_refused",)))


@pytest.mark.slow
@needs_calamine
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_a_register_saved_by_libreoffice_is_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice's own xlsx (shared strings, its styles and rows) is read by calamine, alike."""
    write_register(full_assessment(" 0012 =1+1\nTRUE _x0041_"), tmp_path / "reg.xlsx")
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    for source, target, folder in (
        (tmp_path / "reg.xlsx", "ods", tmp_path / "ods"),
        (tmp_path / "ods" / "reg.ods", "xlsx", tmp_path / "back"),
    ):
        command = ["soffice", profile, "--headless", "--convert-to", target]
        command += ["--outdir", str(folder), str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    path = tmp_path / "back" / "reg.xlsx"
    expected = ("read", dumps_assessment(full_assessment(" 0012 =1+1\nTRUE _x0041_")))
    assert expected == both(path, monkeypatch)
    found = readers(path, monkeypatch)
    found.pop("说明")
    assert {"calamine"} == set(found.values())
