"""Workbooks written with XlsxWriter (``_io/register/cells.py``): values, widths, refusals."""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from pathlib import Path

import pytest

from youthaction_scoring._io.register.cells import MAX_CELL_TEXT, Book

openpyxl = pytest.importorskip("openpyxl")


def test_a_text_too_long_is_refused_before_writing(tmp_path: Path) -> None:
    """A text whose escapes take it past a cell's limit is refused; no file appears."""

    def write() -> None:
        with Book() as book:
            sheet = book.sheet("S")
            sheet.put(1, 1, "short")
            sheet.put(2, 1, "_x0041_" * (MAX_CELL_TEXT // 7 + 1))
            book.save(tmp_path / "t.xlsx")

    with pytest.raises(ValueError, match="32,767"):
        write()
    assert not (tmp_path / "t.xlsx").exists()


@pytest.mark.parametrize("value", [dt.datetime(2022, 1, 1, 8), object(), b"bytes"])
def test_only_text_numbers_booleans_and_dates_are_written(value: object) -> None:
    """Anything else is a TypeError."""
    with pytest.raises(TypeError), Book() as book:
        book.sheet("S").put(1, 1, value)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_number_that_is_not_finite_is_refused(value: float) -> None:
    """NaN and infinities have no cell."""
    with pytest.raises(ValueError, match="cannot write"), Book() as book:
        book.sheet("S").put(1, 1, value)


def test_numbers_booleans_dates_and_text_read_back(tmp_path: Path) -> None:
    """Each kind of value reads back as written; text is never a formula; widths are exact."""
    with Book() as book:
        sheet = book.sheet("S")
        values = [7, 2.5, True, False, dt.date(2021, 12, 18), None, "=1+1", 10**15 - 1]
        for index, value in enumerate(values, start=1):
            sheet.put(2, index, value)
        sheet.width(1, 24)
        sheet.width(2, 8)
        sheet.header(32)
        book.save(tmp_path / "n.xlsx")
    read = openpyxl.load_workbook(tmp_path / "n.xlsx").active
    got = [c.value for c in next(read.iter_rows(min_row=2))]
    day = dt.datetime(2021, 12, 18)
    assert [7, 2.5, True, False, day, None, "=1+1", 10**15 - 1] == got
    assert ("yyyy-mm-dd", "s", "A2") == (
        read["E2"].number_format,
        read["G2"].data_type,
        read.freeze_panes,
    )
    assert {"A": 24.0, "B": 8.0} == {k: v.width for k, v in read.column_dimensions.items()}
    with zipfile.ZipFile(tmp_path / "n.xlsx") as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_an_existing_file_is_not_replaced_unless_asked(tmp_path: Path) -> None:
    """Saving over a file refuses unless replacing is asked for; the file is untouched."""
    from youthaction_scoring._io.atomic import OutputRefusedError

    (tmp_path / "x.xlsx").write_bytes(b"kept")
    with pytest.raises(OutputRefusedError), Book() as book:
        book.save(tmp_path / "x.xlsx")
    assert b"kept" == (tmp_path / "x.xlsx").read_bytes()


def test_the_template_keeps_each_columns_width_and_format(tmp_path: Path) -> None:
    """Every column of every sheet has the width and format the layout gives it.

    XlsxWriter writes neighbouring columns alike as one range (``<col min max>``);
    each column of the range is checked.
    """
    from youthaction_scoring._io.register import write_register_template
    from youthaction_scoring._io.register.sheets import DATA_SHEETS
    from youthaction_scoring._io.register.write import _width

    write_register_template(tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    for layout in DATA_SHEETS:
        found: dict[int, tuple[float, str]] = {}
        for dimension in book[layout.name].column_dimensions.values():
            for number in range(dimension.min, dimension.max + 1):
                found[number] = (dimension.width, dimension.number_format)
        expected = {
            number: (
                float(_width(column)),
                {"date": "yyyy-mm-dd", "count": "General", "key": "General"}.get(column.kind, "@"),
            )
            for number, column in enumerate(layout.columns, start=1)
        }
        assert expected == found, layout.name
