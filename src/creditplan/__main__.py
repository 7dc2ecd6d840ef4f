"""``python -m creditplan``: the same command as the ``creditplan`` script."""

from .cli import main

if __name__ == "__main__":
    main()
