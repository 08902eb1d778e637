"""Capture every output of the program, so that a refactor can prove it changed none.

Runs every command in every format (and the public Python API) on a fixed set
of inputs — the example, every worked case of ``tests/cases``, the decision
sample, seeded Hypothesis-generated assessments (hostile text included), a
generated JSON Lines batch and the malformed-input battery — and writes each
output (standard output, standard error, exit status, output files) into a
folder, one file each. Workbooks are written as a stable text dump of their
cells, formats and settings (a zip file carries timestamps).

Usage, before and after a change, then compare::

    python scripts/capture_outputs.py /tmp/before /tmp/inputs
    python scripts/capture_outputs.py /tmp/after /tmp/inputs
    diff -r /tmp/before /tmp/after && echo unchanged

The generated assessments are written to the inputs folder on the first run
and read from it afterwards: Hypothesis draws some of its text from the
constants of the modules it finds loaded, so moving code would change what
it generates.

Needs the ``dev`` dependencies (the tests' strategies and openpyxl).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _inputs(work: Path, kept: Path) -> dict[str, Path]:
    """Write (or find) every input file; return them by a short name."""
    from hypothesis import HealthCheck, given, settings
    from tests.malformed import COMMUNITY_CASES, spoiled, valid_header
    from tests.strategies import assessments

    from youthaction_scoring import dumps_assessment

    found: dict[str, Path] = {"example": ROOT / "examples" / "guiyang-2021-2022.json"}
    for case in sorted((ROOT / "tests" / "cases").glob("*.json")):
        doc = json.loads(case.read_text(encoding="utf-8"))
        path = work / f"case-{case.stem}.json"
        path.write_text(json.dumps(doc["assessment"], ensure_ascii=False), encoding="utf-8")
        found[f"case-{case.stem}"] = path
    found["decide-sample"] = ROOT / "tests" / "data" / "decide_sample.json"

    kept.mkdir(parents=True, exist_ok=True)
    generated: list[Any] = []

    @settings(
        max_examples=40,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(assessments(max_communities=5))
    def collect(assessment: Any) -> None:
        generated.append(assessment)

    if not any(kept.glob("generated-*.json")):
        collect()
        for index, assessment in enumerate(generated):
            path = kept / f"generated-{index:02d}.json"
            path.write_text(dumps_assessment(assessment), encoding="utf-8")
    for path in sorted(kept.glob("generated-*.json")):
        found[path.stem] = path

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    batch = work / "batch.jsonl"
    generate.write(batch, 300, 7)
    found["batch"] = batch

    for name in sorted(COMMUNITY_CASES):
        doc = {**valid_header(), "communities": [spoiled(name)]}
        path = work / f"malformed-{name}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        found[f"malformed-{name}"] = path
        lines = work / f"malformed-{name}.jsonl"
        body = [json.dumps(valid_header(), ensure_ascii=False)]
        body += [json.dumps(spoiled(name, f"c{n}"), ensure_ascii=False) for n in range(2)]
        lines.write_text("\n".join(body) + "\n", encoding="utf-8")
        found[f"malformed-{name}-jsonl"] = lines
    return found


def _workbook_text(path: Path) -> str:
    """A stable text dump of a workbook: sheets, cells, formats, settings."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    out: list[str] = []
    for sheet in book.worksheets:
        out.append(f"== {sheet.title} state={sheet.sheet_state} freeze={sheet.freeze_panes}")
        auto = sheet.auto_filter.ref if sheet.auto_filter else None
        out.append(f"filter={auto}")
        widths = {k: v.width for k, v in sorted(sheet.column_dimensions.items())}
        out.append(f"widths={widths}")
        for dv in sheet.data_validations.dataValidation:
            out.append(f"validation {dv.sqref} {dv.type} {dv.formula1} {dv.prompt!r}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                out.append(
                    f"{cell.coordinate} {cell.data_type} {cell.number_format!r} {cell.value!r}"
                )
    return "\n".join(out) + "\n"


def _runs(inputs: dict[str, Path], work: Path) -> Iterator[tuple[str, list[str], Path | None]]:
    """Every command line to capture: (name, arguments, output file or None)."""
    as_of = {"example": "2022-01", "decide-sample": "2022-01"}
    for name, path in inputs.items():
        p = str(path)
        if name.startswith("malformed"):
            yield f"{name}/score-json", ["score", p, "--format", "json"], None
            yield f"{name}/score-jsonl", ["score", p, "--format", "jsonl"], None
            continue
        yield f"{name}/score-json", ["score", p, "--format", "json"], None
        yield f"{name}/score-jsonl", ["score", p, "--format", "jsonl"], None
        if name.startswith(("generated", "case")):
            continue
        month = as_of.get(name)
        for lang in ("zh", "en"):
            yield f"{name}/score-table-{lang}", ["score", p, "--lang", lang], None
            yield f"{name}/score-csv-{lang}", ["score", p, "--format", "csv", "--lang", lang], None
            yield (
                f"{name}/score-csv-detail-{lang}",
                ["score", p, "--format", "csv-detail", "--lang", lang],
                None,
            )
            xlsx = work / f"out-{name}-{lang}.xlsx"
            yield (
                f"{name}/score-xlsx-{lang}",
                ["score", p, "--format", "xlsx", "--lang", lang, "-o", str(xlsx)],
                xlsx,
            )
            for fmt in ("table", "json", "csv"):
                yield (
                    f"{name}/rank-{fmt}-{lang}",
                    ["rank", p, "--format", fmt, "--lang", lang],
                    None,
                )
                yield (
                    f"{name}/districts-{fmt}-{lang}",
                    ["districts", p, "--format", fmt, "--lang", lang],
                    None,
                )
            yield (
                f"{name}/rank-district-{lang}",
                ["rank", p, "--by", "district", "--lang", lang],
                None,
            )
            for fmt in ("table", "json"):
                yield (
                    f"{name}/plan-{fmt}-{lang}",
                    ["plan", p, "--format", fmt, "--lang", lang],
                    None,
                )
                yield (
                    f"{name}/progress-{fmt}-{lang}",
                    ["progress", p, "--format", fmt, "--lang", lang],
                    None,
                )
                yield (
                    f"{name}/rectify-{fmt}-{lang}",
                    ["rectify", p, "--format", fmt, "--lang", lang],
                    None,
                )
            html = work / f"report-{name}-{lang}.html"
            yield f"{name}/report-{lang}", ["report", p, "-o", str(html), "--lang", lang], html
            if month:
                yield (
                    f"{name}/score-json-asof",
                    ["score", p, "--format", "json", "--as-of", month],
                    None,
                )
                yield (
                    f"{name}/plan-json-asof-{lang}",
                    ["plan", p, "--format", "json", "--as-of", month, "--lang", lang],
                    None,
                )
                yield (
                    f"{name}/rank-json-asof-{lang}",
                    ["rank", p, "--format", "json", "--as-of", month, "--lang", lang],
                    None,
                )
        for target in ("json", "jsonl", "xlsx"):
            out = work / f"conv-{name}.{target}"
            yield f"{name}/convert-{target}", ["convert", p, str(out)], out
    example = str(inputs["example"])
    for ident in ("nm-01", "yy-02", "hx-03", "missing"):
        for lang in ("zh", "en"):
            for fmt in ("table", "text"):
                yield (
                    f"example/explain-{ident}-{fmt}-{lang}",
                    ["explain", example, "--community", ident, "--format", fmt, "--lang", lang],
                    None,
                )
    for document in ("assessment", "scorecards"):
        yield f"schema-{document}", ["schema", "--document", document], None
    template = work / "template.xlsx"
    yield "template", ["template", str(template), "--period", "2021-11:2022-04"], template
    yield "bad-as-of", ["score", example, "--as-of", "2020-01"], None
    yield "bad-suffix", ["score", str(work / "x.txt")], None
    yield "missing-file", ["score", str(work / "missing.json")], None


def _api(inputs: dict[str, Path]) -> Iterator[tuple[str, str]]:
    """Outputs of the public Python API that the commands do not show."""
    from youthaction_scoring import (
        Month,
        district_rollup,
        iter_progress,
        load_assessment,
        score_assessment,
        score_json_lines,
        to_dataframe,
    )

    assessment = load_assessment(inputs["example"])
    cards = score_assessment(assessment)
    yield "api/dataframe-summary.csv", to_dataframe(cards).to_csv(index=False)
    yield (
        "api/dataframe-detail.csv",
        to_dataframe(cards, detail=True, lang="en").to_csv(index=False),
    )
    yield "api/districts.txt", "\n".join(repr(s) for s in district_rollup(cards)) + "\n"
    progress = iter_progress(assessment)
    yield (
        "api/progress.txt",
        "\n".join(f"{m.month} {m.missed} {m.behind}" for m in progress) + "\n",
    )
    with inputs["batch"].open("rb") as handle:
        lines = score_json_lines(handle, as_of=Month(2022, 1))
        yield (
            "api/json-lines.txt",
            "\n".join(f"{r.line} {r.scorecard.total if r.scorecard else r.problems}" for r in lines)
            + "\n",
        )


def _placeless(text: str, work: Path) -> str:
    """Replace the folders of this run by names, so that runs in two checkouts compare."""
    return text.replace(str(work), "$WORK").replace(str(ROOT), "$ROOT")


def main() -> int:
    """Capture everything into the folder given first (inputs kept in the second)."""
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    from click.testing import CliRunner

    from youthaction_scoring._cli import main as cli

    target = Path(sys.argv[1])
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="capture-"))
    inputs = _inputs(work, Path(sys.argv[2]))
    runner = CliRunner()
    manifest: dict[str, str] = {}

    def keep(name: str, text: str) -> None:
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        manifest[name] = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    readers: dict[str, Callable[[Path], str]] = {".xlsx": _workbook_text}
    for name, args, output in _runs(inputs, work):
        if output is not None and output.exists():
            output.unlink()
        result = runner.invoke(cli, args)
        stdout = _placeless(result.stdout, work)
        stderr = _placeless(result.stderr, work)
        keep(f"{name}.out", f"exit {result.exit_code}\n--- stdout\n{stdout}--- stderr\n{stderr}")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            keep(f"{name}.exception", repr(result.exception) + "\n")
        if output is not None and output.exists():
            reader = readers.get(output.suffix, lambda p: p.read_text(encoding="utf-8"))
            keep(f"{name}.file", _placeless(reader(output), work))
    for name, text in _api(inputs):
        keep(name, text)
    (target / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    shutil.rmtree(work)
    print(f"{len(manifest)} outputs captured in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
