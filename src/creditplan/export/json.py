"""JSON and JSON Lines: the records exactly as the contract (docs/records.md) describes them.

Both write UTF-8 characters as they are (``ensure_ascii=False``) and never a byte order mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from .frame import Frame, join

if TYPE_CHECKING:
    from ..models import Notice
    from . import ExportOptions


def export_json(notices: Iterable[Notice], options: ExportOptions) -> Iterator[str]:
    """Indented JSON: an array of the notices (``[]`` for none), or with ``options.array``
    false, each notice as its own indented document.

    The array is streamed one notice at a time, and is byte for byte what
    ``json.dumps(records, indent=2, ensure_ascii=False)`` would give, plus a final newline.
    """
    return join((render_json(notice, options) for notice in notices), json_frame(options))


def render_json(notice: Notice, options: ExportOptions) -> str:
    """One notice's part of ``export_json``: indented as an array item, or a whole document."""
    if not options.array:
        return _dumps(notice, indent=2) + "\n"
    # Each line two spaces deeper: the dump has no blank line (strings escape their line
    # breaks), so a replace does what textwrap.indent does, at a sixth of its cost.
    return "  " + _dumps(notice, indent=2).replace("\n", "\n  ")


def json_frame(options: ExportOptions) -> Frame:
    """The array's brackets and commas; nothing around documents of their own."""
    return Frame(open="[\n", between=",\n", close="\n]\n", empty="[]\n") if options.array \
        else Frame()


def export_jsonl(notices: Iterable[Notice], options: ExportOptions) -> Iterator[str]:
    """JSON Lines: one compact record per line, nothing at all for no notices."""
    return join((render_jsonl(notice, options) for notice in notices), jsonl_frame(options))


def render_jsonl(notice: Notice, options: ExportOptions) -> str:
    """One notice's line."""
    return _dumps(notice, indent=None) + "\n"


def jsonl_frame(options: ExportOptions) -> Frame:
    """Nothing: the lines follow one another."""
    return Frame()


def _dumps(notice: Notice, indent: int | None) -> str:
    """pydantic's own serializer: the same text as ``json.dumps`` with ``ensure_ascii=False``
    (and its separators), three times faster."""
    return notice.model_dump_json(indent=indent)
