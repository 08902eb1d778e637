"""Printing: the scorecard workbook and the register template print on A4, names on every page.

The quick tests read the page setup the workbooks carry; the slow ones print
them through LibreOffice (and the report through headless chromium) to PDF
and read the pages back with poppler's ``pdfinfo`` and ``pdftotext``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.chromium import find_chromium, load_page
from youthaction_scoring import Lang, loads_assessment, rank_scorecards, score_assessment
from youthaction_scoring._io.register import write_register_template
from youthaction_scoring._io.register.sheets import DATA_SHEETS, INSTRUCTIONS_SHEET
from youthaction_scoring._present.report import render_report
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


# --------------------------------------------------------------------------
# The report: an item table, contents numbered by rank, print and phone styles.
# --------------------------------------------------------------------------


def _report(count: int = 30, lang: Lang = "zh") -> str:
    return render_report(loads_assessment(example_with(count)), lang=lang)


def test_the_report_has_an_item_table_with_every_community_and_the_maxima() -> None:
    """逐项得分: a row per community with its ten item points, base, bonus and total; maxima above."""
    assessment = loads_assessment(example_with(30))
    document = render_report(assessment)
    table = document[document.index('<table class="items">') :]
    table = table[: table.index("</table>")]
    head = re.findall(r'<th class="num" title="[^"]*">([\d.]+)<small>满分 (\d+)</small>', table)
    assert [("1.1", "15"), ("1.2", "15"), ("1.3", "15"), ("2.1", "15"), ("2.2", "20")] == head[:5]
    rows = re.findall(r'<td class="name">[^<]*\(([^)]+)\)</td>((?:<td>\d+</td>)+)</tr>', table)
    points = {i: [int(p) for p in re.findall(r"\d+", cells)] for i, cells in rows}
    expected = {
        card.community_id: [*(item.points for item in card.items), card.base, card.bonus,
                            card.total]
        for card in score_assessment(assessment)
    }  # fmt: skip
    assert expected == points


def test_the_contents_number_communities_once_by_rank_ties_shared() -> None:
    """The contents' list is numbered by rank (3, 3, 5 for a tie), the number not repeated in text."""
    document = _report()
    toc = document[document.index('<ol class="communities">') : document.index("</nav>")]
    items = re.findall(r'<li value="(\d+)"[^>]*><a [^>]*>([^<]*)</a>', toc)
    ranked = rank_scorecards(score_assessment(loads_assessment(example_with(30))))
    assert [(str(r.rank), r.card.community_name) for r in ranked] == items


def test_the_report_keeps_headings_with_what_follows_on_paper() -> None:
    """Print styles: A4, no break after a heading, figures whole, table headers repeated."""
    printing = _report(3)[_report(3).index("@page") :]
    for rule in (
        "@page { size: A4;",
        "h2, h3, h4, caption { break-after: avoid; }",
        ".part, .legend { break-inside: avoid; }",
        "thead { display: table-header-group; }",
    ):
        assert rule in printing


def test_wide_tables_and_charts_scroll_sideways_inside_their_boxes() -> None:
    """Each chart, the item table, the month grid, the roll-up and each district's list scroll."""
    document = _report(3)  # three communities of one district: one rectification table
    assert (4, 2) == (document.count('<div class="scroll">'), document.count('"scroll chart"'))


CHROMIUM = find_chromium()
needs_chromium_pdf = pytest.mark.skipif(
    CHROMIUM is None or shutil.which("pdftotext") is None,
    reason="chromium or poppler (pdftotext) is not installed; "
    "CI: apt-get install -y chromium poppler-utils fonts-wqy-microhei",
)


def _print_report(tmp_path: Path, document: str) -> list[str]:
    """Print *document* to PDF with headless chromium; each page's text."""
    page = tmp_path / "r.html"
    page.write_text(document, encoding="utf-8")
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={tmp_path / 'r.pdf'}",
         page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "r.pdf")], check=True, capture_output=True, timeout=60
    ).stdout.decode()
    assert "(A4)" in info
    return pages_text(tmp_path / "r.pdf")


HEADINGS = re.compile(
    r"^(总分排名|分部分得分|逐项得分|月度专项活动覆盖|区县汇总|各社区明细|扣分|说明|提升计划)$"
)


@pytest.mark.slow
@needs_chromium_pdf
@pytest.mark.parametrize("count", [3, 30])
def test_the_printed_report_leaves_no_heading_at_the_foot_of_a_page(
    tmp_path: Path, count: int
) -> None:
    """Printed by chromium on A4: no page ends with a heading; the item table heads each page."""
    pages = _print_report(tmp_path, _report(count))
    last = [next(line.strip() for line in reversed(p.splitlines()) if line.strip()) for p in pages]
    assert [] == [line for line in last if HEADINGS.match(line)]
    # the summaries, about a page a community, and the rectification list (some 7 rows each)
    assert len(pages) <= 4 + count + count // 4 + 1
    items = [p for p in pages if re.search(r"^\s*\d+\s+\S+社区 \(", p, re.M) and "满分 15" in p]
    assert items  # the item table's pages: each repeats the header with the maxima
    assert all("名次" in p and "社区" in p for p in items)


PHONE = """JSON.stringify({
  page: document.documentElement.scrollWidth,
  text: Math.min(...[...document.querySelectorAll('#ranking-chart text')]
    .map(t => t.getBoundingClientRect().height)),
  boxes: [...document.querySelectorAll('.scroll')].map(d => d.scrollWidth > d.clientWidth),
  names: Math.max(...[...document.querySelectorAll('.grid tbody th, table.items td.name')]
    .map(c => c.getBoundingClientRect().height)),
  line: parseFloat(getComputedStyle(document.body).fontSize) * 2.2,
})"""


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_at_phone_width_charts_stay_readable_and_wide_tables_scroll(tmp_path: Path) -> None:
    """At 390 px: nothing runs off the page, chart labels stay 9 px or more, names on one line."""
    page = tmp_path / "r.html"
    page.write_text(_report(30), encoding="utf-8")
    assert CHROMIUM is not None
    result = load_page(CHROMIUM, page, width=390, height=900, evaluate=PHONE)
    found = json.loads(result.value)
    assert (True, True) == (found["page"] <= 390, found["text"] >= 9)
    assert all(found["boxes"][:3])  # the two charts and the item table scroll inside their boxes
    assert found["names"] < found["line"]  # one line each, not a character a line
