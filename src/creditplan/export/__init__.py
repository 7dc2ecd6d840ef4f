"""Exporters: notices in, text chunks out, chosen by format name from ``EXPORTERS``.

Every exporter has one signature, ``exporter(notices, options) -> Iterator[str]``: it pulls one
notice at a time from any iterable and yields that notice's text as soon as it has it, so a
batch of any size streams through in constant memory. An empty input still gives valid output:
``[]`` for json, nothing for jsonl, a header row for csv, a short note for md.

Each exporter is two halves, kept apart in ``FORMATS``: ``render`` gives one notice's text,
alone, and ``join`` wraps those texts in what the whole output needs (brackets and commas, the
header row, separators). ``render`` is where the time goes and needs nothing but its notice, so
a batch runs it in its worker processes and sends back only text; the exporter itself is
``join`` over ``render``, so one process and many give the same bytes.

>>> from creditplan import parse_text
>>> notice = parse_text("2023年合肥市信用工作要点\\n一、总则\\n1.建立制度。(责任单位:市发改委)")
>>> print("".join(export([notice], "jsonl"))[:40])
{"source":null,"encoding":null,"title":"
>>> "".join(export([], "json"))
'[]\\n'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Literal

# The exporters import ExportOptions for type hints only, so importing them first is safe.
from .csv import export_csv, join_csv, render_csv
from .json import export_json, export_jsonl, join_json, join_jsonl, render_json, render_jsonl
from .markdown import export_markdown, join_markdown, render_markdown

if TYPE_CHECKING:
    from ..models import Notice

CsvLayout = Literal["tasks", "units"]


@dataclass(frozen=True)
class ExportOptions:
    """What an exporter may be asked; each exporter reads the fields that concern it."""

    array: bool = True
    """json: a list even of one notice. False: each notice as its own document (meant for one)."""
    csv_layout: CsvLayout = "tasks"
    """csv: one row per task ("tasks") or one per task and unit ("units", long form)."""
    bom: bool = False
    """csv: start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8."""


Exporter = Callable[[Iterable["Notice"], ExportOptions], Iterator[str]]

EXPORTERS: dict[str, Exporter] = {
    "json": export_json,
    "jsonl": export_jsonl,
    "csv": export_csv,
    "md": export_markdown,
}

# The file extension of each format, for ``--out-dir``.
EXTENSIONS: dict[str, str] = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md"}


@dataclass(frozen=True)
class Format:
    """An exporter in its two halves: ``export(notices) == join(render(n) for n in notices)``."""

    render: Callable[["Notice", ExportOptions], str]
    """One notice's text: needs only the notice and the options (a worker can run it)."""
    join: Callable[[Iterable[str], ExportOptions], Iterator[str]]
    """The whole output's chunks from the rendered texts, in order; streams like an exporter."""


FORMATS: dict[str, Format] = {
    "json": Format(render_json, join_json),
    "jsonl": Format(render_jsonl, join_jsonl),
    "csv": Format(render_csv, join_csv),
    "md": Format(render_markdown, join_markdown),
}


def export(notices: Iterable[Notice], format: str = "json",  # noqa: A002 - the format's name
           options: ExportOptions | None = None) -> Iterator[str]:
    """The chunks of ``notices`` in ``format`` (a key of ``EXPORTERS``)."""
    try:
        exporter = EXPORTERS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}; known: {', '.join(EXPORTERS)}") from None
    return exporter(notices, options or ExportOptions())


__all__ = ["EXPORTERS", "EXTENSIONS", "FORMATS", "ExportOptions", "Exporter", "Format",
           "export"]
