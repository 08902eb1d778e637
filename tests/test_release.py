"""The release script cuts the changelog, sets the version and names the next cycle correctly."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _release() -> Any:
    spec = importlib.util.spec_from_file_location("release", ROOT / "scripts" / "release.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


release = _release()


def test_the_real_changelog_cuts_into_a_dated_section() -> None:
    """The changelog's Unreleased entries move under `## [0.1.0] - date`, the notes first."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    cut = release.cut_changelog(text, "0.1.0", "2026-12-31", "What you can do.")
    assert 1 == cut.count("## [Unreleased]")
    assert "## [Unreleased]\n\n## [0.1.0] - 2026-12-31\n\nWhat you can do.\n\n### Added" in cut
    assert len(text) + len("## [0.1.0] - 2026-12-31\n\nWhat you can do.\n\n") == len(cut)


def test_an_empty_unreleased_section_is_not_released() -> None:
    """Nothing under Unreleased: the script refuses rather than release nothing."""
    text = "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-01-01\n\n- x\n"
    with pytest.raises(ValueError, match="empty"):
        release.cut_changelog(text, "0.1.1", "2026-02-01", "notes")


def test_a_version_is_released_once() -> None:
    """A version that already has a section is refused."""
    text = "# Changelog\n\n## [Unreleased]\n\n- y\n\n## [0.1.0] - 2026-01-01\n\n- x\n"
    with pytest.raises(ValueError, match="already"):
        release.cut_changelog(text, "0.1.0", "2026-02-01", "notes")


def test_the_version_file_is_set_and_the_next_cycle_named() -> None:
    """_version.py is rewritten to the release; the next cycle is the next patch's dev0."""
    text = (ROOT / "src" / "youthaction_scoring" / "_version.py").read_text(encoding="utf-8")
    assert '__version__ = "0.1.0"' in release.set_version(text, "0.1.0")
    assert "0.1.1.dev0" == release.next_dev("0.1.0")
    assert "1.0.10.dev0" == release.next_dev("1.0.9")


def test_the_first_release_notes_speak_to_users() -> None:
    """docs/release-notes/0.1.0.md says what people can do, naming no private module."""
    notes = (ROOT / "docs" / "release-notes" / "0.1.0.md").read_text(encoding="utf-8")
    assert "youthaction-scoring.pyz" in notes
    assert 'pip install\n  "youthaction-scoring[staff]"' in notes
    assert not re.search(r"\b_[a-z]+\.py\b|youthaction_scoring\._", notes)
