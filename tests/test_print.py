"""Printing: the scorecard workbook and the register template print on A4, names on every page.

The quick tests read the page setup the workbooks carry; the slow ones print
them through LibreOffice (and the report through headless chromium) to PDF
and read the pages back with poppler's ``pdfinfo`` and ``pdftotext``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from youthaction_scoring import loads_assessment, score_assessment
from youthaction_scoring._io.register import write_register_template
from youthaction_scoring._io.register.sheets import DATA_SHEETS, INSTRUCTIONS_SHEET
from youthaction_scoring._present.workbook import write_scorecards_xlsx

openpyxl = pytest.importorskip("openpyxl")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "guiyang-2021-2022.json"
A4 = 9

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or poppler (pdfinfo, pdftotext) is not installed; "
    "CI: apt-get install -y libreoffice-calc-nogui poppler-utils fonts-wqy-microhei",
)


def example_with(count: int) -> str:
    """The example assessment cut to its first *count* communities, as JSON."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["communities"] = doc["communities"][:count]
    doc["districts"] = []
    return json.dumps(doc, ensure_ascii=False)


def _setup(sheet: object) -> tuple[object, ...]:
    """A sheet's paper, orientation, fit, repeated rows and columns, footer."""
    page = sheet.page_setup  # type: ignore[attr-defined]
    return (
        page.paperSize,
        page.orientation,
        sheet.sheet_properties.pageSetUpPr.fitToPage,  # type: ignore[attr-defined]
        (page.fitToWidth or 1, page.fitToHeight),  # 1 is the default, left out
        sheet.print_title_rows,  # type: ignore[attr-defined]
        sheet.print_title_cols,  # type: ignore[attr-defined]
        sheet.oddFooter.right.text,  # type: ignore[attr-defined]
    )


def test_the_scorecard_workbook_prints_landscape_on_a4_with_names_on_every_page(
    tmp_path: Path,
) -> None:
    """汇总 and 明细: A4 across, one page wide, the header row and the name columns repeat."""
    cards = score_assessment(loads_assessment(example_with(3)))
    write_scorecards_xlsx(cards, tmp_path / "s.xlsx")
    book = openpyxl.load_workbook(tmp_path / "s.xlsx")
    expected = [
        (A4, "landscape", True, (1, 0), "$1:$1", "$A:$C", "&P / &N"),
        (A4, "landscape", True, (1, 0), "$1:$1", "$A:$B", "&P / &N"),
        (A4, "portrait", True, (1, 0), None, None, "&P / &N"),
    ]
    assert expected == [_setup(book[name]) for name in ("汇总", "明细", "说明")]


def test_wrapped_notes_make_their_row_tall_enough(tmp_path: Path) -> None:
    """A detail row whose notes wrap over several lines is set taller than one line."""
    cards = score_assessment(loads_assessment(example_with(3)))
    write_scorecards_xlsx(cards, tmp_path / "s.xlsx")
    detail = openpyxl.load_workbook(tmp_path / "s.xlsx")["明细"]
    tall = [
        (row[10].value.count("\n") + 1, detail.row_dimensions[row[0].row].height)
        for row in detail.iter_rows(min_row=2)
        if row[10].value and "\n" in row[10].value
    ]
    assert (True, True) == (
        bool(tall),
        all(height is not None and height >= 15 * lines for lines, height in tall),
    )


def test_the_register_template_prints_on_a4_with_its_header_row_on_every_page(
    tmp_path: Path,
) -> None:
    """Every sheet of the template: A4, one page wide, its header row and first column repeat."""
    write_register_template(tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    setups = {name: _setup(book[name]) for name in (layout.name for layout in DATA_SHEETS)}
    assert {(A4, True, (1, 0), "$1:$1", "$A:$A")} == {
        (paper, fit, pages, rows, columns)
        for paper, _, fit, pages, rows, columns, _ in setups.values()
    }
    instructions = book[INSTRUCTIONS_SHEET]
    assert ("landscape", "$A$1:$G$" + str(instructions.max_row)) == (
        instructions.page_setup.orientation,
        instructions.print_area.replace("'说明'!", ""),
    )


def _pdf(tmp_path: Path, source: Path) -> Path:
    """Print *source* to PDF with LibreOffice (a profile of its own in *tmp_path*)."""
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return tmp_path / f"{source.stem}.pdf"


def pages_text(pdf: Path) -> list[str]:
    """Each page's text (``pdftotext``; pages end with a form feed)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode("utf-8")
    return out.split("\f")[:-1]


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("count", [3, 30])
def test_the_printed_scorecard_workbook_has_few_pages_each_with_the_names(
    tmp_path: Path, count: int
) -> None:
    """Printed by LibreOffice: 汇总 on one page, every page of 汇总 and 明细 headed by the names."""
    cards = score_assessment(loads_assessment(example_with(count)))
    write_scorecards_xlsx(cards, tmp_path / "s.xlsx")
    pages = pages_text(_pdf(tmp_path, tmp_path / "s.xlsx"))
    sheets = [page.strip().splitlines()[-1].split()[0] for page in pages]  # the footer's name
    tables = [page for page, sheet in zip(pages, sheets, strict=True) if sheet != "说明"]
    assert (1, True) == (
        sheets.count("汇总"),
        all("社区名称" in page and "community_name" in page for page in tables),
    )
    assert len(pages) <= {3: 4, 30: 20}[count]
