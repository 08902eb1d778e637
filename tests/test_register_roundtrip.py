from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given

from tests._register_helpers import formula_cells, full_assessment
from tests.strategies import HOSTILE_TEXTS, SPREADSHEET_HOSTILE_TEXTS, assessments
from youthaction_scoring import Assessment, dumps_assessment, loads_assessment
from youthaction_scoring._io.register import read_register, write_register
from youthaction_scoring._io.register.cells import escape_text, unescape_text

pytest.importorskip("openpyxl")


def test_full_assessment_survives_a_register(tmp_path: Path) -> None:
    """Every field of the format comes back from the workbook unchanged."""
    expected = full_assessment()
    write_register(expected, tmp_path / "r.xlsx")
    assert expected == read_register(tmp_path / "r.xlsx")


@pytest.mark.parametrize("text", HOSTILE_TEXTS + SPREADSHEET_HOSTILE_TEXTS)
def test_hostile_text_survives_a_register_in_every_text_field(tmp_path: Path, text: str) -> None:
    """Hostile text in every text field and the description reads back exactly."""
    expected = full_assessment(text)
    write_register(expected, tmp_path / "r.xlsx")
    assert expected == read_register(tmp_path / "r.xlsx")
    no_formulas: list[str] = []
    assert no_formulas == formula_cells(tmp_path / "r.xlsx")


def test_json_to_xlsx_to_json_is_byte_identical(tmp_path: Path) -> None:
    """JSON → xlsx → JSON gives the same JSON text."""
    expected = dumps_assessment(full_assessment("  0012  "))
    write_register(loads_assessment(expected), tmp_path / "r.xlsx")
    assert expected == dumps_assessment(read_register(tmp_path / "r.xlsx"))


@given(assessment=assessments(max_communities=3))
def test_generated_assessments_survive_json_xlsx_json(assessment: Assessment) -> None:
    """Generated assessments, hostile text included, survive JSON → xlsx → JSON."""
    import tempfile

    original = loads_assessment(dumps_assessment(assessment))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.xlsx"
        write_register(original, path)
        assert dumps_assessment(original) == dumps_assessment(read_register(path))


def test_text_longer_than_a_cell_is_refused(tmp_path: Path) -> None:
    """Text one character over the cell limit is refused (by the model) rather than cut."""
    with pytest.raises(ValueError, match="is 32,768 characters long; at most 32,767 fit"):
        full_assessment("x" * 32768)
    with pytest.raises(ValueError, match="takes 32,773 characters as a spreadsheet cell stores"):
        full_assessment("\r" + "x" * 32766)
    write_register(full_assessment("\r" * 10 + "x" * 32697), tmp_path / "r.xlsx")
    assert "\r" * 10 + "x" * 32697 == read_register(tmp_path / "r.xlsx").communities[0].name


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("plain", "plain"),
        ("_x0041_", "_x005F_x0041_"),
        ("a\rb", "a_x000D_b"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("_x004_", "_x004_"),
        ("\uffff", "_xFFFF_"),
    ],
)
def test_cell_text_escapes_only_what_a_cell_cannot_hold(text: str, stored: str) -> None:
    """Escaping follows ECMA-376 _xHHHH_ and undoes exactly."""
    assert stored == escape_text(text)
    assert text == unescape_text(stored)


def test_dates_are_real_date_cells(tmp_path: Path) -> None:
    """Dates are written as date cells formatted yyyy-mm-dd, not as text."""
    import openpyxl

    write_register(full_assessment(), tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["专项活动"]
    assert (dt.datetime(2021, 11, 13), "yyyy-mm-dd") == (
        sheet["C2"].value,
        sheet["C2"].number_format,
    )


def test_every_field_of_a_record_sheet_has_its_column() -> None:
    """Each list sheet of records has one column per field of its model class, no more."""
    import attrs

    from youthaction_scoring._io.register.sheets import LISTS, SUMMARIES

    for layout in (*LISTS, SUMMARIES):
        if layout.record is None:
            assert 1 == len(layout.fields), layout.code
            continue
        fields = {f.name for f in attrs.fields(layout.record)} - {"recognitions"}
        assert fields == {c.code for c in layout.fields}, layout.code
