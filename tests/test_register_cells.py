"""Odd cells and odd parts of a register, read by the one reader (python-calamine and the scan)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests._register_helpers import full_assessment
from youthaction_scoring import InputError, dumps_assessment
from youthaction_scoring._io.register import read_register, write_register
from youthaction_scoring._io.register.safety import TABLE_LIMITS, check_unpacked_size
from youthaction_scoring._io.register.scan import MAX_GRID, scan_sheet

openpyxl = pytest.importorskip("openpyxl")

COMMUNITIES = "xl/worksheets/sheet3.xml"  # 社区 (sheet order: 说明, 考核期, 社区, …)
ACTIVITIES = "xl/worksheets/sheet8.xml"  # 专项活动


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid register holding every sheet and record kind (fictional data)."""
    path = tmp_path_factory.mktemp("cells") / "base.xlsx"
    write_register(full_assessment(), path)
    return path


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


def problems(path: Path) -> list[str]:
    """Every problem reading *path* gives, as text (none when it reads)."""
    try:
        read_register(path)
    except InputError as exc:
        return [str(p) for p in exc.problems]
    return []


def with_shared_string(source: Path, target: Path, stored: str) -> Path:
    """A copy of *source* whose 社区!B2 is a shared string stored as *stored*, as Excel writes it."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    space = ' xml:space="preserve"' if stored != stored.strip() else ""
    changes = {
        COMMUNITIES: cell("B2", '<c r="B2" t="s"><v>0</v></c>'),
        "xl/_rels/workbook.xml.rels": lambda xml: xml.replace(
            "</Relationships>",
            f'<Relationship Id="rIdS" Type="{kind}" Target="sharedStrings.xml"/></Relationships>',
        ),
    }
    patched(source, target, changes)
    with zipfile.ZipFile(target, "a") as archive:
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{main}" count="1" uniqueCount="1"><si><t{space}>{stored}</t>'
            '<rPh sb="0" eb="1"><t>xin</t></rPh></si></sst>',
        )
    return target


CASES: dict[str, tuple[str, Callable[[str], str], str]] = {
    "a formula with a cached number": (
        COMMUNITIES,
        cell("J2", '<c r="J2"><f>1+0</f><v>1</v></c>'),
        "社区!J2: formulas are not accepted",
    ),
    "a formula with cached text": (
        ACTIVITIES,
        cell("B2", '<c r="B2" t="str"><f>"社区青春行动"&amp;"x"</f><v>社区青春行动x</v></c>'),
        "专项活动!B2: formulas are not accepted",
    ),
    "a shared formula without a value, past the last column": (
        COMMUNITIES,
        lambda xml: xml.replace("</row>", '<c r="Q1"><f t="shared" si="0"/></c></row>', 1),
        "社区!Q1: formulas are not accepted",
    ),
    "a formula under a namespace prefix": (
        COMMUNITIES,
        cell(
            "J2",
            '<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            ' r="J2"><x:f>1</x:f><x:v>1</x:v></x:c>',
        ),
        "社区!J2: formulas are not accepted",
    ),
    "an error value": (
        ACTIVITIES,
        cell("B2", '<c r="B2" t="e"><v>#DIV/0!</v></c>'),
        "专项活动!B2: the cell holds an error value '#DIV/0!'",
    ),
    "a fraction in a count": (
        COMMUNITIES,
        cell("J2", '<c r="J2" t="n"><v>1.5</v></c>'),
        "社区!J2: must be a whole number, got number 1.5",
    ),
    "a number in a text column": (
        COMMUNITIES,
        cell("B2", '<c r="B2"><v>12</v></c>'),
        "社区!B2: must be text, got number 12",
    ),
    "an escaped control character": (
        COMMUNITIES,
        cell("B2", '<c r="B2" t="inlineStr"><is><t>新华_x001B_社区</t></is></c>'),
        "社区!B2: contains the control character U+001B",
    ),
    "a value without a header": (
        COMMUNITIES,
        lambda xml: re.sub(
            r'(<row r="2"[^>]*>.*?)</row>',
            lambda m: m[1] + '<c r="N2" t="inlineStr"><is><t>x</t></is></c></row>',
            xml,
            count=1,
        ),
        "社区!N2: value in a column without a header",
    ),
    "a cell reference that is not one": (
        COMMUNITIES,
        lambda xml: xml.replace('<c r="L2"', '<c r="ZZZZ2"', 1),
        "社区!A1: the sheet cannot be read (not a cell reference: 'ZZZZ')",
    ),
    "a DTD in a sheet": (
        COMMUNITIES,
        lambda xml: xml.replace("<worksheet", '<!DOCTYPE x [<!ENTITY e "e">]><worksheet', 1),
        "refused: unsafe or broken XML (DTDForbidden",
    ),
}


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("case", sorted(CASES))
def test_an_odd_cell_is_refused_at_its_place(base: Path, tmp_path: Path, case: str) -> None:
    """Formulas, error values and other odd cells are each one problem at their cell."""
    part, change, expected = CASES[case]
    found = problems(patched(base, tmp_path / "odd.xlsx", {part: change}))
    assert 1 == len(found), found
    assert expected in found[0]


@pytest.mark.parametrize(
    ("stored", "read"),
    [
        ("新华_x000D_社区", "新华\r社区"),
        ("新华_x4E2D_社区", "新华中社区"),
        ("_x005F_x4E2D_", "_x4E2D_"),
        ("_x005F_x0041_", "_x0041_"),
        ("_xFFFE_ and _x005F_xFFFE_", "\ufffe and _xFFFE_"),
        ("  新华社区  ", "  新华社区  "),
    ],
)
def test_shared_strings_are_unescaped_exactly_once(
    base: Path, tmp_path: Path, stored: str, read: str
) -> None:
    """Text in Excel's shared strings reads as stored, each ``_xHHHH_`` undone once."""
    path = with_shared_string(base, tmp_path / "shared.xlsx", stored)
    assert read == read_register(path).communities[0].name


@pytest.mark.parametrize(
    ("stored", "read"),
    [
        ('<t xml:space="preserve">_x0020_</t>', "must not be blank"),
        ('<t xml:space="preserve">  </t>', None),
        ("<t>_x4E2D__x005F_x4E2D_</t>", "中_x4E2D_"),
    ],
)
@pytest.mark.usefixtures("english")
def test_inline_text_is_blank_only_when_blank_as_stored(
    base: Path, tmp_path: Path, stored: str, read: str | None
) -> None:
    """An escaped space is text (refused as blank), spaces alone an empty cell; escapes undone once."""
    raw = f'<c r="C2" t="inlineStr"><is>{stored}</is></c>'
    path = patched(base, tmp_path / "text.xlsx", {"xl/worksheets/sheet2.xml": cell("C2", raw)})
    if read == "must not be blank":
        assert ["考核期!C2: must not be blank"] == problems(path)
    else:
        assert read == read_register(path).description


def test_a_grid_too_large_for_memory_is_refused_before_calamine_reads_it(
    base: Path, tmp_path: Path
) -> None:
    """A cell far away would make calamine ask for gigabytes and abort: refused at the sheet."""
    far = '<row r="1000000"><c r="Z1000000" t="inlineStr"><is><t>x</t></is></c></row>'
    path = patched(
        base,
        tmp_path / "far.xlsx",
        {COMMUNITIES: lambda xml: xml.replace("</sheetData>", far + "</sheetData>")},
    )
    expected = (
        "社区!A1: the sheet's cells reach 1,000,000 rows by 26 columns, more than the"
        " 4,000,000 cells a register sheet may span; delete what lies outside the register's"
        " rows and columns"
    )
    assert [expected] == problems(path)


@pytest.mark.parametrize(
    ("rows", "fits"),
    [(MAX_GRID // 26 - 1, True), (MAX_GRID // 26, True), (MAX_GRID // 26 + 1, False)],
)
def test_the_grid_limit_counts_rows_times_columns(rows: int, fits: bool) -> None:
    """A sheet spanning just below, at and just above the limit: only the last exceeds it."""
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f'<row r="1"><c r="A1"><v>1</v></c></row><row r="{rows}"><c r="Z{rows}"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )
    scan = scan_sheet(xml.encode())
    assert fits == (scan.rows * scan.columns <= MAX_GRID)


def test_cells_without_references_are_placed_after_the_one_before() -> None:
    """A cell without ``r`` is one column right of the cell before it, as calamine places it."""
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="3"><c r="C3"><v>1</v></c><c><f>1</f></c></row><row><c t="e"><v>#N/A</v></c></row>'
        "</sheetData></worksheet>"
    )
    scan = scan_sheet(xml.encode())
    assert (4, 4, frozenset({(3, 4)}), {(4, 1): "#N/A"}) == (
        scan.rows,
        scan.columns,
        scan.formulas,
        scan.errors,
    )


def _limits(size: int) -> dict[str, int]:
    return dict.fromkeys(TABLE_LIMITS, size)


@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/sharedStrings.xml"])
@pytest.mark.parametrize(("allowed", "refused"), [(-1, True), (0, False), (1, False)])
@pytest.mark.usefixtures("english")
def test_a_table_part_over_its_limit_is_refused_before_parsing(
    base: Path, tmp_path: Path, part: str, allowed: int, refused: bool
) -> None:
    """A style or shared-strings part just above its limit is refused naming it; at or below, not."""
    with_shared_string(base, tmp_path / "tables.xlsx", "新华社区")
    with zipfile.ZipFile(tmp_path / "tables.xlsx") as archive:
        size = archive.getinfo(part).file_size
    limits = {part.lower(): size + allowed}
    with (tmp_path / "tables.xlsx").open("rb") as handle:
        if not refused:
            check_unpacked_size(handle, "t.xlsx", limits)
            return
        with pytest.raises(InputError) as info:
            check_unpacked_size(handle, "t.xlsx", limits)
    expected = (
        f"t.xlsx: refused: the part {part} unpacks to {size:,} bytes, more than any register"
        f" needs (at most {size - 1:,})"
    )
    assert [expected] == [str(p) for p in info.value.problems]


def test_the_table_limits_fit_a_register_and_refuse_the_style_bomb() -> None:
    """The real limits: far above a register's tables, far below the 248 MiB style-table bomb."""
    assert 2**20 < TABLE_LIMITS["xl/styles.xml"] < 248 * 2**20
    assert 2**20 < TABLE_LIMITS["xl/sharedstrings.xml"] < 248 * 2**20


@pytest.mark.usefixtures("english")
def test_a_style_table_bomb_is_refused_in_a_moment(tmp_path: Path, base: Path) -> None:
    """Millions of one cell style (17 MiB unpacked, 60 KB packed) are refused without parsing."""
    bomb = tmp_path / "bomb.xlsx"
    xf = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/styles.xml":
                data = data.replace(b"</cellXfs>", xf * 280_000 + b"</cellXfs>", 1)
            new.writestr(info, data)
    found = problems(bomb)
    assert 1 == len(found)
    assert "refused: the part xl/styles.xml unpacks to" in found[0]


@pytest.mark.usefixtures("english")
def test_two_parts_named_alike_are_refused(base: Path, tmp_path: Path) -> None:
    """Two parts differing only in case are refused (calamine finds a part in any case)."""
    path = tmp_path / "twice.xlsx"
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info.filename))
        new.writestr("xl/Styles.xml", old.read("xl/styles.xml"))
    assert [
        f"{path}: not a readable .xlsx workbook (two parts are named 'xl/styles.xml', in any case)"
    ] == problems(path)


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
@pytest.mark.usefixtures("english")
def test_a_hidden_or_very_hidden_sheet_is_refused(base: Path, tmp_path: Path, state: str) -> None:
    """A data sheet hidden either way would be scored unseen: refused at the sheet."""
    change = {
        "xl/workbook.xml": lambda xml: xml.replace(
            'name="专项活动" sheetId="8"',
            f'name="专项活动" sheetId="8" state="{state}"',
        )
    }
    path = patched(base, tmp_path / "hidden.xlsx", change)
    assert [
        "专项活动!A1: the sheet is hidden: unhide it, so that what is scored can be seen"
    ] == problems(path)


def test_a_register_written_reads_back_as_json(base: Path) -> None:
    """The register the tool writes reads back to the same JSON text."""
    assert dumps_assessment(full_assessment()) == dumps_assessment(read_register(base))


def _merged(base: Path, path: Path, ranges: str) -> Path:
    """*base* with 专项活动's A3 emptied and *ranges* merged there (as a person merges)."""
    book = openpyxl.load_workbook(base)
    sheet = book["专项活动"]
    assert sheet["A2"].value == sheet["A3"].value  # the first community's two activities
    for cells in ranges.split():
        sheet.merge_cells(cells)  # openpyxl empties every cell but the top-left one
    book.save(path)
    return path


def test_a_merged_range_reads_as_its_top_left_value_in_every_cell(
    base: Path, tmp_path: Path
) -> None:
    """A2:A3 merged on 专项活动 (one community's rows) reads as if A3 were filled."""
    path = _merged(base, tmp_path / "merged.xlsx", "A2:A3")
    assert full_assessment() == read_register(path)


def test_a_merged_range_past_the_rows_adds_no_rows(base: Path, tmp_path: Path) -> None:
    """A2:A40 merged reaches past 专项活动's last row (3): no empty records appear."""
    path = _merged(base, tmp_path / "merged.xlsx", "A2:A40")
    assert full_assessment() == read_register(path)


@pytest.mark.parametrize(("limit", "refused"), [(7, False), (6, False), (5, True)])
@pytest.mark.usefixtures("english")
def test_merged_ranges_covering_more_than_the_limit_are_refused(limit: int, refused: bool) -> None:
    """Ranges covering 6 cells: refused only with a limit of 5 (below, at and above the limit)."""
    from youthaction_scoring._io.register.book import _fill_merged

    grid: list[list[object]] = [["a", None], [None, None], [None, None]]
    ranges = [((0, 0), (2, 1))]
    if not refused:
        _fill_merged(grid, ranges, "专项活动", limit)
        assert [["a", "a"]] * 3 == grid
        return
    with pytest.raises(InputError) as info:
        _fill_merged(grid, ranges, "专项活动", limit)
    expected = "专项活动!A1: the sheet's merged ranges cover 6 cells, more than the 5 a register sheet may span"
    assert [expected] == [str(p) for p in info.value.problems]


@pytest.mark.usefixtures("english")
def test_a_chart_sheet_is_an_unknown_sheet_not_an_unreadable_workbook(
    base: Path, tmp_path: Path
) -> None:
    """A chart sheet added by staff is refused by name, as any unknown sheet is."""
    book = openpyxl.load_workbook(base)
    book.create_chartsheet("图表")
    book.save(tmp_path / "chart.xlsx")
    found = problems(tmp_path / "chart.xlsx")
    assert 1 == len(found), found
    assert found[0].startswith("图表!A1: unknown sheet '图表'")
