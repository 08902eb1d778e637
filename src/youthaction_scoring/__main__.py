"""``python -m youthaction_scoring``: the same program as ``youthaction-scoring``."""

from ._cli import main

if __name__ == "__main__":  # pragma: no branch
    main(prog_name="youthaction-scoring")
