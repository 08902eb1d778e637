"""Hostile registers (台账): refused with their sheet and cell, before any blow-up, never a traceback."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests._register_helpers import full_assessment
from tests.hostile.harness import cli, quick
from youthaction_scoring import write_register

COMMUNITIES = "xl/worksheets/sheet3.xml"  # 社区 (sheet order: 说明, 考核期, 社区, …)
ACTIVITIES = "xl/worksheets/sheet8.xml"  # 专项活动


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid register holding every sheet (fictional data)."""
    path = tmp_path_factory.mktemp("register") / "reg.xlsx"
    write_register(full_assessment(), path)
    return path


def patched(register: Path, folder: Path, member: str, change: Callable[[str], str]) -> Path:
    """A copy of *register* with one XML part changed."""
    out = folder / "patched.xlsx"
    with zipfile.ZipFile(register) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == member:
                changed = change(data.decode("utf-8"))
                assert changed != data.decode("utf-8"), "the patch changed nothing"
                data = changed.encode("utf-8")
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out


def _cell(reference: str, raw: str) -> Callable[[str], str]:
    """Replace the cell *reference* (say J2) by *raw* XML."""

    def change(xml: str) -> str:
        return re.sub(rf'<c r="{reference}"[^>]*>.*?</c>', raw, xml, count=1)

    return change


def _dated(reference: str, serial: str) -> Callable[[str], str]:
    """Give the date cell *reference* the number *serial*, keeping its date style."""

    def change(xml: str) -> str:
        return re.sub(
            rf'<c r="{reference}"( s="[0-9]+")[^>]*>.*?</c>',
            lambda m: f'<c r="{reference}"{m[1]} t="n"><v>{serial}</v></c>',
            xml,
            count=1,
        )

    return change


CELL_CASES: dict[str, tuple[str, Callable[[str], str], str, str]] = {
    "a number that is not one": (
        COMMUNITIES,
        _cell("J2", '<c r="J2" t="n"><v>abc</v></c>'),
        "社区!J2",
        "the number cell holds 'abc', which is not a number (专职团干部人数 cadres.full_time)",
    ),
    "nan in a count": (
        COMMUNITIES,
        _cell("J2", '<c r="J2" t="n"><v>nan</v></c>'),
        "社区!J2",
        "the number cell holds 'nan', which is not a number",
    ),
    "inf in a count": (
        COMMUNITIES,
        _cell("K2", '<c r="K2" t="n"><v>1e999</v></c>'),
        "社区!K2",
        "the number cell holds '1e999', which is not a number",
    ),
    "a count above fifteen digits": (
        COMMUNITIES,
        _cell("L2", '<c r="L2" t="n"><v>1e20</v></c>'),
        "社区!L2",
        "must be at most 999,999,999,999,999",
    ),
    "nan in a date cell": (
        ACTIVITIES,
        _dated("C2", "nan"),
        "专项活动!C2",
        "the number cell holds 'nan', which is not a number (活动日期 date)",
    ),
    "a date serial before 1900": (
        ACTIVITIES,
        _dated("C2", "-5"),
        "专项活动!C2",
        "must be a date",
    ),
    "a cell beyond the columns": (
        COMMUNITIES,
        lambda xml: xml.replace('<c r="L2"', '<c r="ZZZZ2"', 1),
        "社区!",
        "cannot be read",
    ),
    "a row beyond the rows": (
        COMMUNITIES,
        lambda xml: xml.replace('<row r="3">', '<row r="1048577">', 1).replace(
            'r="A3"', 'r="A1048577"', 1
        ),
        "社区!",
        "more rows than a spreadsheet holds",
    ),
    "a control character escaped in a text": (
        COMMUNITIES,
        _cell("B2", '<c r="B2" t="inlineStr"><is><t>新华_x001B_社区</t></is></c>'),
        "社区!B2",
        "contains the control character U+001B",
    ),
    "a formula in a required cell": (
        ACTIVITIES,
        _cell("B2", '<c r="B2"><f>"社区青春行动"&amp;"x"</f><v></v></c>'),
        "专项活动!B2",
        "formulas are not accepted",
    ),
    "an error value": (
        ACTIVITIES,
        _cell("B2", '<c r="B2" t="e"><v>#N/A</v></c>'),
        "专项活动!B2",
        "error value",
    ),
}


@pytest.mark.parametrize("case", sorted(CELL_CASES))
@pytest.mark.usefixtures("english")
def test_a_hostile_cell_is_refused_with_its_place(
    register: Path, tmp_path: Path, case: str
) -> None:
    """Each hostile cell is one refusal placed at its sheet (and cell or row), no traceback."""
    member, change, place, message = CELL_CASES[case]
    path = patched(register, tmp_path, member, change)
    outcome = quick("score", str(path), "--format", "json")
    assert outcome.refused(place), outcome
    assert message in outcome.stderr
    assert "required cell is empty" not in outcome.stderr
    assert "no community with id" not in outcome.stderr


@pytest.mark.usefixtures("english")
def test_a_hidden_data_sheet_is_refused(register: Path, tmp_path: Path) -> None:
    """A hidden sheet's records would be scored unseen: the register is refused at that sheet."""
    path = patched(
        register,
        tmp_path,
        "xl/workbook.xml",
        lambda xml: xml.replace(
            'name="专项活动" sheetId="8"',
            'name="专项活动" sheetId="8" state="hidden"',
        ),
    )
    outcome = quick("score", str(path), "--format", "json")
    assert outcome.refused("专项活动!A1: the sheet is hidden"), outcome


def test_an_unsupported_extension_scores_silently(register: Path, tmp_path: Path) -> None:
    """A workbook with an unsupported extension scores without openpyxl's warning text."""
    path = patched(
        register,
        tmp_path,
        COMMUNITIES,
        lambda xml: xml.replace(
            "</worksheet>",
            '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}">'
            "<x14:conditionalFormattings xmlns:x14="
            '"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/>'
            "</ext></extLst></worksheet>",
        ),
    )
    outcome = cli("score", str(path), "--format", "json")
    assert 0 == outcome.status, outcome
    assert "" == outcome.stderr


@pytest.mark.usefixtures("english")
def test_a_register_that_unpacks_to_gigabytes_is_refused_before_parsing(tmp_path: Path) -> None:
    """A small file whose parts unpack to more than 256 MiB is refused, within a 1 GiB address space."""
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"<row/>" * 100_000
            for _ in range(int(260 * 2**20 / len(block)) + 1):
                member.write(block)
    assert bomb.stat().st_size < 2 * 2**20
    outcome = cli("score", str(bomb), "--format", "json")
    assert outcome.refused(str(bomb)), outcome
    assert "refused: the workbook unpacks to 260 MiB" in outcome.stderr


@pytest.mark.usefixtures("english")
def test_a_part_that_lies_about_its_size_is_not_read_past_it(
    register: Path, tmp_path: Path
) -> None:
    """A part declaring fewer bytes than it holds is cut at its declared size, and refused."""
    data = bytearray(register.read_bytes())
    with zipfile.ZipFile(register) as archive:
        info = archive.getinfo(COMMUNITIES)
    small = (100).to_bytes(4, "little")
    # The uncompressed size sits at offset 22 of the local header, 24 of the central one.
    local = info.header_offset
    data[local + 22 : local + 26] = small
    central = data.rfind(b"PK\x01\x02" + data[info.header_offset + 4 : info.header_offset + 6])
    for found in re.finditer(rb"PK\x01\x02", bytes(data)):
        start = found.start()
        name_length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + name_length].decode() == COMMUNITIES:
            data[start + 24 : start + 28] = small
            central = start
    assert central > 0
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bytes(data))
    outcome = cli("score", str(liar), "--format", "json")
    assert outcome.refused(str(liar)), outcome
    assert outcome.seconds < 10


@pytest.mark.parametrize(
    "content",
    [b"", b"PK\x03\x04", b"not a zip at all", b"PK\x05\x06" + b"\x00" * 18],
)
@pytest.mark.usefixtures("english")
def test_a_broken_workbook_is_one_clean_refusal(tmp_path: Path, content: bytes) -> None:
    """An empty, truncated or foreign file named .xlsx is refused with the file as its place."""
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    outcome = quick("score", str(path))
    assert outcome.refused(str(path)), outcome
    assert "not a readable .xlsx workbook" in outcome.stderr
