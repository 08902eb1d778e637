"""Streaming keeps memory flat: ten times the communities, about the same peak."""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from youthaction_scoring import score_json_lines, scorecard_json_line

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
try:
    import generate  # type: ignore[import-not-found]
finally:
    sys.path.pop(0)


def _encoded(count: int) -> Iterator[bytes]:
    for line in generate.lines(count, seed=7):
        yield line.encode("utf-8")


def _peak(count: int) -> int:
    tracemalloc.start()
    try:
        written = 0
        for result in score_json_lines(_encoded(count)):
            assert result.scorecard is not None
            written += len(scorecard_json_line(result.scorecard))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_peak_memory_does_not_grow_with_the_number_of_communities() -> None:
    """Scoring 3,000 communities as a stream peaks within 1 MiB of scoring 1,500.

    A scorer shares equal notes and deductions up to a bound (a few MiB at
    most); 1,500 of these edge-heavy communities fill it, so beyond them the
    peak stays flat but for the ids kept to refuse repeats.
    """
    small = _peak(1500)
    large = _peak(3000)
    assert large - small < 1024 * 1024, (small, large)


def _convert_peak(tmp_path: Path, count: int, *, as_json: bool) -> int:
    from youthaction_scoring._io.jsonl import copy_json_lines

    source = tmp_path / f"in{count}.jsonl"
    source.write_text("".join(generate.lines(count, seed=7)), encoding="utf-8")
    tracemalloc.start()
    try:
        with (tmp_path / "out").open("w", encoding="utf-8") as handle, source.open("rb") as lines:
            copy_json_lines(lines, handle, as_json=as_json)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_streamed_conversion_memory_does_not_grow(tmp_path: Path) -> None:
    """Converting 1,000 communities of JSON Lines peaks within 1 MiB of converting 100."""
    for as_json in (False, True):
        _convert_peak(tmp_path, 100, as_json=as_json)
        small = _convert_peak(tmp_path, 100, as_json=as_json)
        large = _convert_peak(tmp_path, 1000, as_json=as_json)
        assert large - small < 1024 * 1024, (as_json, small, large)


def _progress_held(tmp_path: Path, count: int) -> int:
    """Memory held by the progress standings of *count* streamed communities (bytes)."""
    from youthaction_scoring._io.jsonl import open_json_lines
    from youthaction_scoring._io.summaries import progress_standings

    source = tmp_path / f"p{count}.jsonl"
    source.write_text("".join(generate.lines(count, seed=7)), encoding="utf-8")
    with source.open("rb") as handle:
        opened = open_json_lines(handle)
        tracemalloc.start()
        try:
            standings = progress_standings(opened)
            held = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
    assert len(standings.tracks) == count
    return held


def test_progress_holds_standings_not_communities(tmp_path: Path) -> None:
    """Progress of a stream keeps under 2 KiB a community: not the communities (5 KiB each here).

    Equal standings and shortfalls are held once, so what grows with the
    number of communities is its id, name and a reference a month (and the
    ids kept for R18 and repeated ids).
    """
    small = _progress_held(tmp_path, 400)
    large = _progress_held(tmp_path, 1200)
    assert (large - small) / 800 < 2048, (small, large)
