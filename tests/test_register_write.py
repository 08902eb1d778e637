"""Bulk-written workbooks (``_io/register/bulk.py``) are the bytes openpyxl writes cell by cell."""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

from tests._register_helpers import formula_cells, full_assessment
from tests.strategies import HOSTILE_TEXTS, SPREADSHEET_HOSTILE_TEXTS
from youthaction_scoring import Assessment, Month, load_assessment, score_assessment
from youthaction_scoring._io.register import bulk, read_register, write_register
from youthaction_scoring._io.register.cells import MAX_CELL_TEXT
from youthaction_scoring._present import workbook
from youthaction_scoring._present.workbook import write_scorecards_xlsx

openpyxl = pytest.importorskip("openpyxl")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "guiyang-2021-2022.json"


class _CellByCell(bulk.BulkRows):
    """Every row through openpyxl's cells, as the writers did before bulk rows."""

    def add(self, values: Sequence[Any]) -> None:
        """Write the row at once through openpyxl."""
        self.count += 1
        self._put(self.first + self.count - 1, values)


def _parts(path: Path) -> dict[str, bytes]:
    """The parts of a workbook, but the creation time (``docProps/core.xml``)."""
    with zipfile.ZipFile(path) as book:
        return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}


def _both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Any) -> tuple[Path, Path]:
    """Write with bulk rows and cell by cell; return both files."""
    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    write(fast)
    with monkeypatch.context() as patch:
        patch.setattr(bulk, "BulkRows", _CellByCell)
        for module in ("youthaction_scoring._io.register.write", workbook.__name__):
            patch.setattr(f"{module}.BulkRows", _CellByCell)
        write(slow)
    return fast, slow


def _many(text: str) -> Assessment:
    """The full assessment, its communities three times (so every sheet has rows after the first)."""
    base = full_assessment(text)
    copies = tuple(attrs.evolve(c, id=f"{n}{c.id[1:]}") for n in range(3) for c in base.communities)
    return attrs.evolve(base, communities=copies)


@pytest.mark.parametrize("text", ["", " 0012 ", *HOSTILE_TEXTS, *SPREADSHEET_HOSTILE_TEXTS])
def test_a_register_is_byte_for_byte_what_openpyxl_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """Hostile and space-padded texts: every part equals openpyxl's, and reads back."""
    expected = _many(text) if text else attrs.evolve(full_assessment(), description=None)
    fast, slow = _both(tmp_path, monkeypatch, lambda p: write_register(expected, p))
    assert _parts(slow) == _parts(fast)
    assert expected == read_register(fast)
    assert [] == formula_cells(fast)


def test_the_example_register_and_scorecards_are_what_openpyxl_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example as a register and as scorecard workbooks (zh, en, as of a month)."""
    assessment = load_assessment(EXAMPLE)
    fast, slow = _both(tmp_path, monkeypatch, lambda p: write_register(assessment, p))
    assert _parts(slow) == _parts(fast)
    for cards, lang in (
        (score_assessment(assessment), "zh"),
        (score_assessment(assessment), "en"),
        (score_assessment(assessment, as_of=Month(2022, 1)), "zh"),
    ):
        fast, slow = _both(
            tmp_path,
            monkeypatch,
            lambda p, c=cards, g=lang: write_scorecards_xlsx(c, p, g, replace=True),
        )
        assert _parts(slow) == _parts(fast)


def test_a_text_too_long_after_the_first_row_is_refused_before_writing(tmp_path: Path) -> None:
    """A too-long text in a later row is refused when saving; no file appears."""
    book = openpyxl.Workbook()
    sheet = book.active
    rows = bulk.BulkRows(sheet)
    rows.add(["short"])
    rows.add(["_x0041_" * (MAX_CELL_TEXT // 7 + 1)])
    with pytest.raises(ValueError, match="32,767"):
        bulk.save_bulk(book, [rows], tmp_path / "t.xlsx")
    assert not (tmp_path / "t.xlsx").exists()


@pytest.mark.parametrize("value", [dt.datetime(2022, 1, 1, 8), object(), b"bytes"])
def test_only_text_numbers_booleans_and_dates_are_written(value: object) -> None:
    """Anything else is a TypeError, in the first row and after it."""
    rows = bulk.BulkRows(openpyxl.Workbook().active)
    rows.add(["first"])
    with pytest.raises(TypeError):
        rows.add([value])


def test_numbers_booleans_dates_and_text_subclasses_read_back(tmp_path: Path) -> None:
    """Each kind of value, after the first row, reads back as openpyxl reads its own."""
    book = openpyxl.Workbook()
    rows = bulk.BulkRows(book.active)
    values = [7, 2.5, True, False, dt.date(2021, 12, 18), None, "text", ""]
    rows.add(values)
    rows.add(values)
    rows.add([None, None])  # nothing: no row
    rows.add([None, 10**17])
    bulk.save_bulk(book, [rows], tmp_path / "n.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "n.xlsx").active
    got = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    day = dt.datetime(2021, 12, 18)
    expected = [7, 2.5, True, False, day, None, "text", None]
    assert [expected, expected, [None] * 8, [None, 10**17, *[None] * 6]] == got
    assert "A2:H5" == sheet.dimensions
    assert "yyyy-mm-dd" == sheet["E3"].number_format


def test_a_number_that_is_not_finite_is_refused(tmp_path: Path) -> None:
    """NaN and infinities have no cell; saving says so."""
    for value in (math.nan, math.inf):
        book = openpyxl.Workbook()
        rows = bulk.BulkRows(book.active)
        rows.add([1])
        rows.add([value])
        with pytest.raises(ValueError, match="cannot write"):
            bulk.save_bulk(book, [rows], tmp_path / "x.xlsx")
