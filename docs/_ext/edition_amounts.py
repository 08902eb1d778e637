"""The rules page's amounts, read from the bundled edition at build time (issue 22, deliverable 5).

``docs/rules.md`` never types an amount: it writes ``{{ i2_2_each }}`` and
MyST's substitution fills it from :func:`substitutions` of the bundled
``guiyang-2021`` edition (``conf.py`` sets ``myst_substitutions``). A
changed amount in the edition's file changes the page at its next build;
``tests/test_docs_rules.py`` checks that every name the page uses is given.
"""

from __future__ import annotations

from typing import Any

from youthaction_scoring._domain.codes import ItemCode, ItemKind
from youthaction_scoring._rules.clauses import CLAUSES, max_points, max_total
from youthaction_scoring._rules.rulebook import Rulebook


def _key(code: ItemCode) -> str:
    return "i" + code.code.replace(".", "_")


def substitutions(edition: Rulebook) -> dict[str, Any]:
    """Every name the rules page may use, with its value under *edition*.

    ``rb_name``, ``rb_hash``, ``rb_title``, ``rb_issued_by``, ``rb_issued``,
    ``rb_in_force``; ``base_cap``, ``bonus_cap``, ``max_total``; per item
    ``i<code>_<key>`` for each amount of its file's table (``i1_1_points``,
    ``i2_2_each``, ``i3_per_missing_month``) and ``i<code>_max``; per section
    ``s<n>_base`` and ``s<n>_bonus`` (the sums of its items' maxima); ``base_items`` and
    ``bonus_items``, those sums over every section.
    """
    values: dict[str, Any] = {
        "rb_name": edition.name,
        "rb_hash": edition.hash,
        "rb_title": edition.title,
        "rb_issued_by": edition.issued_by,
        "rb_issued": str(edition.issued),
        "rb_in_force": str(edition.in_force),
        "base_cap": edition.base_cap,
        "bonus_cap": edition.bonus_cap,
        "max_total": max_total(edition),
    }
    for section in "1234":
        for kind in ItemKind:
            values[f"s{section}_{kind.code}"] = sum(
                max_points(edition, c.code)
                for c in CLAUSES
                if c.code.code.split(".")[0] == section and c.kind is kind
            )
    values["base_items"] = sum(values[f"s{n}_base"] for n in "1234")
    values["bonus_items"] = sum(values[f"s{n}_bonus"] for n in "1234")
    for code in ItemCode:
        amounts = edition.item(code)
        for name in type(amounts).__attrs_attrs__:  # type: ignore[attr-defined]
            values[f"{_key(code)}_{name.name}"] = getattr(amounts, name.name)
        values[f"{_key(code)}_max"] = max_points(edition, code)
    return values


def _fill(_app: Any, config: Any) -> None:
    from youthaction_scoring._rules.editions import GUIYANG_2021

    config.myst_substitutions = {**substitutions(GUIYANG_2021), **(config.myst_substitutions or {})}


def setup(app: Any) -> dict[str, Any]:
    """Fill ``myst_substitutions`` with the bundled edition's amounts once the config is read."""
    app.connect("config-inited", _fill)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
