"""Make a release: the changelog cut, the version set, a tag, the files built, checked and uploaded.

Run by a maintainer with upload rights, from a clean checkout of main, in an
environment with the ``release`` group (``pip install --group release``:
build, twine, pex)::

    python scripts/release.py 0.1.0 [--date YYYY-MM-DD] [--dry-run]

In order:

1. the working tree must be clean (nothing uncommitted, nothing untracked);
2. in ``CHANGELOG.md`` the ``## [Unreleased]`` section becomes
   ``## [X.Y.Z] - DATE``, opening with the summary in
   ``docs/release-notes/X.Y.Z.md`` (what people can do, for users), and a new
   empty ``## [Unreleased]`` goes above it; ``_version.py`` says ``X.Y.Z``;
3. both are committed (``Release X.Y.Z``) and tagged ``vX.Y.Z``;
4. the sdist and the wheel are built, ``twine check --strict`` reads them,
   the wheel is installed in a new environment and must report X.Y.Z, and
   ``youthaction-scoring.pyz`` is built from it (``scripts/build_zipapp.py``);
5. the sdist and the wheel are uploaded (``twine upload``), and the next
   cycle opened (``X.Y.(Z+1).dev0``, committed).

``--dry-run`` does all of it in a temporary clone of HEAD, except the tag
and the upload, and leaves the built files in ``--dist`` (or a temporary
folder) for a look: CI runs it on every change. Pushing the commits and the
tag, and attaching the ``.pyz`` to the release page, stay with the
maintainer (docs/release.md).
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION_FILE = Path("src/youthaction_scoring/_version.py")
UNRELEASED = "## [Unreleased]"


def run(*command: str | Path, cwd: Path) -> str:
    """Run *command* in *cwd*, stop the release on failure, return its standard output."""
    print("$", " ".join(map(str, command)), file=sys.stderr)
    done = subprocess.run(list(map(str, command)), cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"release stopped: {command[0]} failed\n{done.stdout}{done.stderr}")
    return done.stdout


def cut_changelog(text: str, version: str, date: str, notes: str) -> str:
    r"""*text* with its Unreleased section released as *version* on *date*, *notes* first.

    >>> log = "# C\n\n## [Unreleased]\n\n### Added\n- x\n"
    >>> cut_changelog(log, "1.0.0", "2026-01-02", "Hi.")
    '# C\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-02\n\nHi.\n\n### Added\n- x\n'
    """
    if text.count(UNRELEASED) != 1:
        raise ValueError(f"the changelog must have exactly one {UNRELEASED!r} section")
    if re.search(rf"^## \[{re.escape(version)}\]", text, flags=re.MULTILINE):
        raise ValueError(f"the changelog already has a section for {version}")
    head, body = text.split(UNRELEASED)
    if not body.strip() or body.lstrip().startswith("## "):
        raise ValueError("the Unreleased section is empty: nothing to release")
    released = f"{UNRELEASED}\n\n## [{version}] - {date}\n\n{notes.strip()}\n\n{body.lstrip()}"
    return head + released


def set_version(text: str, version: str) -> str:
    """*text* of ``_version.py`` saying *version*."""
    changed, count = re.subn(
        r'^__version__ = "[^"]*"$', f'__version__ = "{version}"', text, count=1, flags=re.M
    )
    if count != 1:
        raise ValueError("_version.py has no __version__ line")
    return changed


def next_dev(version: str) -> str:
    """The version of the next cycle: ``0.1.0`` → ``0.1.1.dev0``."""
    major, minor, patch = map(int, version.split("."))
    return f"{major}.{minor}.{patch + 1}.dev0"


def build_and_check(tree: Path, dist: Path, version: str) -> None:
    """Build the sdist, the wheel and the zipapp from *tree* into *dist*, and check them."""
    python = sys.executable
    run(python, "-m", "build", "--outdir", dist, tree, cwd=tree)
    files = sorted(dist.glob("youthaction_scoring-*"))
    names = sorted(f.name for f in files)
    wanted = [
        f"youthaction_scoring-{version}-py3-none-any.whl",
        f"youthaction_scoring-{version}.tar.gz",
    ]
    if names != wanted:
        sys.exit(f"release stopped: built {names}, not {wanted}")
    run(python, "-m", "twine", "check", "--strict", *files, cwd=tree)
    with tempfile.TemporaryDirectory() as scratch:
        env = Path(scratch) / "installed"
        venv.create(env, with_pip=True)
        bin_dir = env / ("Scripts" if sys.platform == "win32" else "bin")
        run(bin_dir / "python", "-m", "pip", "install", "-q", dist / wanted[0], cwd=Path(scratch))
        said = run(bin_dir / "youthaction-scoring", "--version", cwd=Path(scratch))
        if version not in said:
            sys.exit(f"release stopped: the installed wheel says {said.strip()!r}, not {version}")
    pex = Path(python).parent / "pex"
    run(python, tree / "scripts" / "build_zipapp.py", dist / wanted[0],
        dist / "youthaction-scoring.pyz", "--pex", pex, cwd=tree)  # fmt: skip


def release(version: str, date: str, dist: Path, *, dry_run: bool) -> None:
    """Cut, commit, tag (unless *dry_run*), build and check, upload (unless *dry_run*)."""
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        sys.exit(f"release stopped: {version!r} is not X.Y.Z")
    notes_file = ROOT / "docs" / "release-notes" / f"{version}.md"
    if not notes_file.is_file() and not dry_run:
        sys.exit(f"release stopped: write the summary for users in {notes_file} first")
    dirty = run("git", "status", "--porcelain", cwd=ROOT)
    if dirty.strip() and not dry_run:
        sys.exit(f"release stopped: the working tree is not clean\n{dirty}")
    if dirty.strip():
        print(
            "the working tree is not clean: the dry run releases HEAD as committed", file=sys.stderr
        )
    with tempfile.TemporaryDirectory(prefix="youthaction-release-") as scratch:
        tree = ROOT
        if dry_run:
            tree = Path(scratch) / "clone"
            run("git", "clone", "-q", "--no-hardlinks", ROOT, tree, cwd=ROOT)
            run("git", "config", "user.name", "release dry run", cwd=tree)
            run("git", "config", "user.email", "release@invalid", cwd=tree)
        changelog = tree / "CHANGELOG.md"
        notes = "(No summary yet: write it in docs/release-notes.)"
        if notes_file.is_file():
            notes = notes_file.read_text(encoding="utf-8")
        else:
            print(f"{notes_file} is missing: a real release stops there", file=sys.stderr)
        try:
            cut = cut_changelog(changelog.read_text(encoding="utf-8"), version, date, notes)
            versioned = set_version((tree / VERSION_FILE).read_text(encoding="utf-8"), version)
        except ValueError as error:
            sys.exit(f"release stopped: {error}")
        changelog.write_text(cut, encoding="utf-8")
        (tree / VERSION_FILE).write_text(versioned, encoding="utf-8")
        run(
            "git",
            "commit",
            "-q",
            "-m",
            f"Release {version}",
            "CHANGELOG.md",
            VERSION_FILE,
            cwd=tree,
        )
        if not dry_run:
            run("git", "tag", "-a", f"v{version}", "-m", f"youthaction-scoring {version}", cwd=tree)
        build_and_check(tree, dist, version)
        if dry_run:
            print(f"dry run done: {version} built and checked in {dist}; no tag, no upload")
            return
        upload = [dist / f"youthaction_scoring-{version}.tar.gz"]
        upload.append(dist / f"youthaction_scoring-{version}-py3-none-any.whl")
        run(sys.executable, "-m", "twine", "upload", *upload, cwd=tree)
        following = set_version(
            (tree / VERSION_FILE).read_text(encoding="utf-8"), next_dev(version)
        )
        (tree / VERSION_FILE).write_text(following, encoding="utf-8")
        run("git", "commit", "-q", "-m", f"Open {next_dev(version)}", VERSION_FILE, cwd=tree)
        print(
            f"released {version}: now `git push origin main v{version}`, and attach "
            f"{dist / 'youthaction-scoring.pyz'} to the release page (docs/release.md)"
        )


def main() -> int:
    """Parse the command line and release."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="X.Y.Z, the version to release")
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="YYYY-MM-DD")
    parser.add_argument("--dist", type=Path, help="where the built files go (default: dist/)")
    parser.add_argument(
        "--dry-run", action="store_true", help="in a temporary clone; no tag, no upload"
    )
    options = parser.parse_args()
    datetime.date.fromisoformat(options.date)  # refuse a date that is not one
    dist = options.dist or (
        Path(tempfile.mkdtemp(prefix="youthaction-dist-")) if options.dry_run else ROOT / "dist"
    )
    dist.mkdir(parents=True, exist_ok=True)
    if any(dist.iterdir()):
        sys.exit(f"release stopped: {dist} is not empty")
    release(options.version, options.date, dist.resolve(), dry_run=options.dry_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
