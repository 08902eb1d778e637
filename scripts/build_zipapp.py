"""Build ``youthaction-scoring.pyz``: the program in one file that needs only Python.

A PEX zipapp of a built wheel with its ``excel`` and ``report`` extras and
``colorama`` (click's colours on Windows), holding the compiled wheels
(msgspec, python-calamine, MarkupSafe) for every platform staff use: Windows
(x86-64), macOS (Apple silicon and Intel) and Linux (x86-64), each on CPython
3.11, 3.12 and 3.13. pex picks the right ones when the file runs, and unpacks
them once into the user's cache folder (``~/.cache/pex``; ``PEX_ROOT`` to
move it).

Usage (pex from PyPI, ``pip install pex``)::

    python scripts/build_zipapp.py WHEEL OUTPUT [--pex PEX]

Then ``python3 youthaction-scoring.pyz score 台账.xlsx``, or on Windows
``py youthaction-scoring.pyz score 台账.xlsx``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

PYTHONS = ("3.11", "3.12", "3.13")
"""The CPython versions the package supports (the classifiers; a test keeps them in step)."""

PLATFORMS = (
    "win_amd64",
    "macosx_14_0_arm64",  # pip counts wheels for older macOS releases in
    "macosx_13_0_x86_64",
    "manylinux2014_x86_64",
)
"""The platforms of the wheels inside: Windows, macOS (both kinds), Linux."""

EXTRAS = "excel,report"
"""The extras inside: registers and the HTML report (the tables print plainly)."""


def platform_tags() -> list[str]:
    """Each platform and Python as pex's ``--platform`` names it (``win_amd64-cp-3.12.0-cp312``)."""
    tags = []
    for platform in PLATFORMS:
        for python in PYTHONS:
            abi = "cp" + python.replace(".", "")
            tags.append(f"{platform}-cp-{python}.0-{abi}")
    return tags


def build(wheel: Path, output: Path, pex: str) -> None:
    """Build the zipapp of *wheel* into *output* with the *pex* command."""
    command = [
        pex,
        f"{wheel.resolve()}[{EXTRAS}]",
        "colorama",
        *(f"--platform={tag}" for tag in platform_tags()),
        "--entry-point=youthaction_scoring._cli:main",
        "--python-shebang=/usr/bin/env python3",
        "--pip-version=25.1",  # pex's own pip 20.3 cannot resolve across platforms
        "--no-emit-warnings",
        f"--output-file={output}",
    ]
    subprocess.run(command, check=True)


def main() -> int:
    """Parse the command line and build."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="the package's built wheel")
    parser.add_argument("output", type=Path, help="the .pyz file to write")
    parser.add_argument("--pex", default=shutil.which("pex") or "pex", help="the pex command")
    options = parser.parse_args()
    build(options.wheel, options.output, options.pex)
    size = options.output.stat().st_size / 1e6
    print(f"{options.output}: {size:.1f} MB, {len(platform_tags())} platforms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
