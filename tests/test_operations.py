"""Each operation is declared once: its command, its endpoint and its contract are made from it."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from youthaction_scoring import load_assessment
from youthaction_scoring._cli import main
from youthaction_scoring._domain.calendar import Month
from youthaction_scoring._domain.errors import Refusal
from youthaction_scoring._present.operations import OPERATIONS, plans_of
from youthaction_scoring._present.report import DETAIL_LIMIT as REPORT_DETAIL_LIMIT
from youthaction_scoring._present.settings import DETAIL_LIMIT, Request, request_of

EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.name)
def test_each_command_takes_its_operations_settings(operation: object) -> None:
    """The command of each operation has an option per setting: its flag, help and requiredness."""
    assert isinstance(main, click.Group)
    command = main.commands[operation.name]  # type: ignore[attr-defined]
    options = {opt: param for param in command.params for opt in param.opts}
    for setting in operation.settings:  # type: ignore[attr-defined]
        param = options[setting.flag]
        assert getattr(param, "help_text", None) is setting.help
        assert param.required == setting.required
    assert command.help == operation.doc.description.en  # type: ignore[attr-defined]


def test_the_service_routes_every_operation() -> None:
    """POST /v1/<name> exists for every operation and nothing else is posted to."""
    pytest.importorskip("starlette")
    from youthaction_scoring._service.app import routes

    posted = {route.path for route in routes() if "POST" in (route.methods or ())}
    assert posted == {f"/v1/{op.name}" for op in OPERATIONS}


def test_the_detail_limit_shown_is_the_reports() -> None:
    """--detail-limit's default in the help is the report's own limit."""
    assert DETAIL_LIMIT.default == str(REPORT_DETAIL_LIMIT)


def test_a_refused_setting_names_its_field() -> None:
    """The library refuses an as-of month outside the period and an unknown community by field."""
    assessment = load_assessment(EXAMPLE)
    with pytest.raises(Refusal) as before:
        plans_of(assessment, Request(as_of=Month.parse("2020-01")))
    with pytest.raises(Refusal) as missing:
        plans_of(assessment, Request(community="no-such-id"))
    assert (before.value.field, missing.value.field) == ("as_of", "community")
    assert len(plans_of(assessment, Request(community="nm-01"))) == 1


def test_both_behind_settings_are_refused_in_the_front_ends_words() -> None:
    """Giving both behind settings is refused, naming them as the front end does."""
    given = {"behind_share": 1, "behind_below": 3}
    with pytest.raises(Refusal) as caught:
        request_of(given, named=lambda setting: setting.flag)
    assert caught.value.message.text("en") == "give --behind-share or --behind-below, not both"
    assert request_of({"behind_below": 3}).behind.below == 3
