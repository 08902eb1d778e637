"""The single-file program staff run with only Python: built, then every command run on it."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from youthaction_scoring import load_assessment

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "guiyang-2021-2022.json"


def _script(name: str) -> Any:
    """A script of the repository's scripts/ folder, loaded as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_zipapp = _script("build_zipapp")


def test_the_zipapp_serves_every_python_the_package_supports() -> None:
    """The zipapp holds wheels for each classifier's Python on Windows, macOS and Linux."""
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as handle:
        classifiers = tomllib.load(handle)["project"]["classifiers"]
    listed = {c.rsplit(" :: ", 1)[1] for c in classifiers if c.count(".") == 1 and "3." in c}
    assert listed == set(build_zipapp.PYTHONS)
    tags = build_zipapp.platform_tags()
    assert len(build_zipapp.PYTHONS) * len(build_zipapp.PLATFORMS) == len(tags)
    assert any(t.startswith("win_amd64-cp-3.13") for t in tags)


@pytest.mark.slow
def test_every_command_runs_from_the_zipapp(tmp_path: Path) -> None:
    """The built .pyz runs every command on the example, and a register round trip keeps it."""
    if shutil.which("pex") is None and not (Path(sys.executable).parent / "pex").exists():
        pytest.skip("pex is not installed (the `release` group installs it)")
    if importlib.util.find_spec("build") is None:
        pytest.skip("build is not installed (the `release` group installs it)")
    pex = shutil.which("pex") or str(Path(sys.executable).parent / "pex")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "-q", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    pyz = tmp_path / "发布" / "youthaction-scoring.pyz"
    pyz.parent.mkdir()
    build_zipapp.build(wheel, pyz, pex)
    names = zipfile.ZipFile(pyz).namelist()
    assert any("colorama" in n for n in names)
    assert any("win_amd64" in n and "msgspec" in n for n in names)
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "run_every_command.py"),
            str(out),
            "--program",
            f"{sys.executable} {pyz}",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"PEX_ROOT": str(tmp_path / "pex-root"), "PATH": "/usr/bin:/bin"},
    )
    assert 0 == done.returncode, done.stdout
    assert "0\n" == (out / "score-table-zh.status").read_text(encoding="utf-8")
    assert "共30个社区" in (out / "score-table-zh.stdout").read_text(encoding="utf-8")
    assert "2\n" == (out / "refused-overwrite.status").read_text(encoding="utf-8")
    assert load_assessment(EXAMPLE) == load_assessment(out / "台账.json")
