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
    "sphinx.ext.napoleon",
    "sphinx_click",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_ext", "README.md"]
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
