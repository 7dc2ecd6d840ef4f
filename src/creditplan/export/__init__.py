"""Exporters: notices in, text chunks out, chosen by format name from ``EXPORTERS``.

Every exporter has one signature, ``exporter(notices, options) -> Iterator[str]``: it pulls one
notice at a time from any iterable and yields that notice's text as soon as it has it, so a
batch of any size streams through in constant memory. An empty input still gives valid output:
``[]`` for json, nothing for jsonl, a header row for csv, a short note for md.

Each exporter is two halves, kept apart in ``FORMATS``: ``render`` gives one notice's text,
alone, and ``frame`` what the whole output needs around those texts (brackets and commas, the
header row, separators; see ``frame.py``). ``render`` is where the time goes and needs nothing
but its notice, so a batch runs it in its worker processes and sends back only text; every
exporter is ``join`` of its ``render`` in its ``frame``, so one process and many give the
same bytes.

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
from .csv import csv_frame, export_csv, render_csv
from .frame import Frame, join
from .json import export_json, export_jsonl, json_frame, jsonl_frame, render_json, render_jsonl
from .markdown import export_markdown, markdown_frame, render_markdown

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
    """An exporter in its two halves:
    ``exporter(notices, options) == join((render(n, options) for n in notices), frame(options))``.
    """

    render: Callable[["Notice", ExportOptions], str]
    """One notice's text: needs only the notice and the options (a worker can run it)."""
    frame: Callable[[ExportOptions], Frame]
    """What the whole output has around the notices' texts."""


FORMATS: dict[str, Format] = {
    "json": Format(render_json, json_frame),
    "jsonl": Format(render_jsonl, jsonl_frame),
    "csv": Format(render_csv, csv_frame),
    "md": Format(render_markdown, markdown_frame),
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
           "Frame", "export", "join"]
