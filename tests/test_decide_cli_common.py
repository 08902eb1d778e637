import io
import sys

import pytest

from youthaction_scoring._cli.progress_bar import with_progress
from youthaction_scoring._present.csv import csv_text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """with_progress draws on stderr when it is a terminal, and stays silent otherwise."""
    quiet = io.StringIO()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert [1, 2, 3] == list(with_progress(iter([1, 2, 3]), "work", 3))
    assert "" == quiet.getvalue()
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert [1, 2, 3] == list(with_progress(iter([1, 2, 3]), "work", 3))
    assert "work" in terminal.getvalue()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1:A2)", "'+SUM(A1:A2)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("a=1", "a=1"),
        ("'quoted", "'quoted"),
        (-5, "-5"),
        (85, "85"),
    ],
)
def test_csv_cells_never_start_a_formula(value: object, expected: str) -> None:
    """Text starting with = + - @ or a tab gets an apostrophe; numbers stay numbers."""
    assert f"h\r\n{expected}\r\n" == csv_text(["h"], [[value]]).replace('"', "")


def test_to_csv_quotes_line_breaks() -> None:
    """Line breaks and quotes are quoted per RFC 4180."""
    assert 'a,b\r\n"x\ny","say ""hi"""\r\n' == csv_text(["a", "b"], [["x\ny", 'say "hi"']])
