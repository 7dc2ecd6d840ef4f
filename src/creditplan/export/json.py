"""JSON and JSON Lines: the records exactly as the contract (docs/records.md) describes them.

Both write UTF-8 characters as they are (``ensure_ascii=False``) and never a byte order mark.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from ..models import Notice
    from . import ExportOptions


def export_json(notices: Iterable[Notice], options: ExportOptions) -> Iterator[str]:
    """Indented JSON: an array of the notices (``[]`` for none), or with ``options.array``
    false, each notice as its own indented document.

    The array is streamed one notice at a time, and is byte for byte what
    ``json.dumps(records, indent=2, ensure_ascii=False)`` would give, plus a final newline.
    """
    if not options.array:
        for notice in notices:
            yield _dumps(notice, indent=2) + "\n"
        return
    opened = False
    for notice in notices:
        yield ("[\n" if not opened else ",\n") + textwrap.indent(_dumps(notice, indent=2), "  ")
        opened = True
    yield "\n]\n" if opened else "[]\n"


def export_jsonl(notices: Iterable[Notice], options: ExportOptions) -> Iterator[str]:
    """JSON Lines: one compact record per line, nothing at all for no notices."""
    for notice in notices:
        yield _dumps(notice, indent=None) + "\n"


def _dumps(notice: Notice, indent: int | None) -> str:
    """pydantic's own serializer: the same text as ``json.dumps`` with ``ensure_ascii=False``
    (and its separators), three times faster."""
    return notice.model_dump_json(indent=indent)
