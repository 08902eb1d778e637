"""``python -m youthaction_scoring``, and the ``youthaction-scoring`` command's entry point."""

from __future__ import annotations

import sys


def run() -> None:
    """Load and run the command line; Ctrl-C while it loads ends it as Ctrl-C during a run does.

    The command line's modules take a moment to load; an interrupt then
    says "Aborted." (in both languages: the run's language is not known yet)
    with status 1, as an interrupt during a run does, never a traceback.
    Nothing has been read or written yet.
    """
    try:
        from ._cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\n已中止。Aborted.\n")
        raise SystemExit(1) from None
    main(prog_name="youthaction-scoring")


if __name__ == "__main__":  # pragma: no branch
    run()
