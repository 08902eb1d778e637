"""The Service page documents every problem type and every endpoint of the service."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from youthaction_scoring._service.openapi import openapi_document
from youthaction_scoring._service.problems import KINDS, PROBLEM_TYPE_BASE

PAGE = Path(__file__).parent.parent / "docs" / "service.md"


def _page() -> str:
    return PAGE.read_text(encoding="utf-8")


def test_every_problem_kind_has_its_labelled_section() -> None:
    """Each kind of KINDS has a `(problem-<kind>)=` label right before a heading on the page."""
    lines = _page().splitlines()
    missing = []
    for kind in KINDS:
        label = f"(problem-{kind})="
        if label not in lines:
            missing.append(kind)
            continue
        following = lines[lines.index(label) + 1]
        assert following.startswith("#"), f"{label} is not followed by a heading"
    assert [] == missing


def test_problem_type_uris_point_at_the_service_page() -> None:
    """Problem `type` URIs end in service.html#problem-, the anchors the labels make."""
    assert PROBLEM_TYPE_BASE.endswith("/service.html#problem-")


def test_every_endpoint_path_is_named_on_the_page() -> None:
    """Each path of the OpenAPI document appears on the page, as a path and not a prefix."""
    page = _page()
    paths = openapi_document()["paths"]
    missing = [p for p in paths if not re.search(re.escape(p) + r"(?![\w/])", page)]
    assert [] == missing


def test_every_label_names_a_known_problem_kind() -> None:
    """No `(problem-…)=` label on the page is left over from a kind that no longer exists."""
    labels = re.findall(r"^\(problem-([a-z-]+)\)=$", _page(), flags=re.MULTILINE)
    assert sorted(labels) == sorted(KINDS)
