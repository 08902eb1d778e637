"""The ``youthaction-scoring`` command line.

Each command lives in its own module and registers itself on :data:`main`.
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="youthaction-scoring")
def main() -> None:
    """Score Community Youth Action (社区青春行动) pilot communities.

    Applies the Guiyang Communist Youth League assessment rulebook (2021):
    100 base points with fixed deductions and up to 100 bonus points under
    caps, itemised per clause. Bad input is reported one problem a line, with
    its place, and exits with status 2.
    """


from . import _convert as _convert  # noqa: E402 - commands register on main
from . import _schema as _schema  # noqa: E402
from . import _score as _score  # noqa: E402
from . import _template as _template  # noqa: E402

__all__ = ["main"]
from . import _districts as _districts  # noqa: E402 - commands register on main
from . import _explain as _explain  # noqa: E402 - commands register on main
from . import _plan as _plan  # noqa: E402 - commands register on main
from . import _progress as _progress  # noqa: E402 - commands register on main
from . import _rank as _rank  # noqa: E402 - commands register on main
from . import _report as _report  # noqa: E402 - commands register on main
