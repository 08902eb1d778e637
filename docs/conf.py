"""Sphinx configuration for the youthaction_scoring documentation site."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from youthaction_scoring import __version__, json_schema

project = "youthaction_scoring"
author = "youthaction_scoring developers"
copyright = "2026, youthaction_scoring developers"
release = __version__
version = __version__
language = "en"
smartquotes = False  # keep `--format` and quotes as typed

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

extensions = [
    "edition_amounts",  # the rules page's amounts, from the bundled edition (rules.md)
    "program_output",  # the staff guide's examples: real output, run at build time
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx_click",
]
source_suffix = {".md": "markdown"}
# release-notes/: the summaries the release script puts into the changelog.
exclude_patterns = ["_build", "_ext", "_inv", "README.md", "release-notes"]
root_doc = "index"

myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True  # show `GUIYANG_2021`, not the whole Rulebook
autodoc_class_signature = "separated"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# Links to the documentation of Python and of the libraries in the public
# signatures. Each inventory is fetched from its site when the network allows
# (Read the Docs) and read from the copy in _inv/ otherwise (CI and offline
# builds stay warning-free): Debian's python3.11-doc, python-attr-doc,
# python-cattrs-doc and python-click-doc; refresh them from the sites'
# objects.inv when the links go stale.
_INVENTORIES = Path(__file__).parent / "_inv"
intersphinx_mapping = {
    name: (url, (None, str(_INVENTORIES / f"{name}.inv")))
    for name, url in {
        "python": "https://docs.python.org/3",
        "attrs": "https://www.attrs.org/en/stable",
        "cattrs": "https://catt.rs/en/stable",
        "click": "https://click.palletsprojects.com/en/stable",
    }.items()
}
intersphinx_timeout = 5

# Every reference must resolve (sphinx-build -n), except these, each named
# precisely: pandas and Starlette publish no inventory this build reads (the
# classes are what to_dataframe and create_app return), and the rules page
# documents the private clause functions, whose context is internal.
nitpicky = True
nitpick_ignore = [
    ("py:class", "pd.DataFrame"),
    ("py:class", "starlette.applications.Starlette"),
    ("py:class", "youthaction_scoring._rules.clause.Context"),
    # A Literal alias (documented as data): Sphinx before 9 looks for a class of that name.
    ("py:class", "Lang"),
]

html_theme = "furo"
html_title = f"youthaction_scoring {release}"

# Publish the generated JSON Schemas at the site root, next to the pages (schema.md
# links to them), written fresh on every build so they always match the code. Each
# is published under the last part of its `$id`, so that the id, a URL under this
# site, resolves to the schema itself.
_schemas = Path(tempfile.mkdtemp(prefix="youthaction-schemas-"))
for _document in ("assessment", "scorecards"):
    _schema = json_schema(_document)
    (_schemas / _schema["$id"].rsplit("/", 1)[-1]).write_text(
        json.dumps(_schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
html_extra_path = [str(_schemas)]
