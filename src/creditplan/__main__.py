"""The ``creditplan`` script and ``python -m creditplan``: the command, in a process set up
for one short run."""

from __future__ import annotations

import gc


def run() -> None:
    """Load the command with the cyclic collector off, then run it.

    Loading pydantic, the models and the patterns makes hundreds of thousands of objects that
    live until the process ends; the collector's passes over them while they load are about a
    tenth of a one-file run, and find nothing to free. ``cli.main`` freezes them afterwards.
    """
    gc.disable()
    try:
        from .cli import main
    finally:
        gc.enable()
    main()


if __name__ == "__main__":
    run()
