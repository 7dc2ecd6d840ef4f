"""The agency summary behind ``creditplan units``: how many tasks each agency leads, supports
and answers for, across any number of notices.

Agencies are counted by the notice's ``region`` and ``Unit.canonical``, so 市发改委 and
市发展和改革委员会 are one row, while 市发展改革委 in a Hefei notice and in a Shanghai one are two:
names such as 市发展改革委 are relative to the region the notice covers.
Each count is a number of tasks: a unit named twice in one task counts once per role, and once
in ``total`` (the tasks it appears in at all), so ``total`` can be less than the sum of the
roles when a task names one agency in two roles. Rows are sorted by ``total``, most first,
then by name.

The renderers are generators of text chunks, like the notice exporters, chosen from
``UNIT_FORMATS``; a rich table for terminals is built by ``rich_table``.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from ..models import Notice

# The columns of every rendering, in order.
UNIT_COUNT_COLUMNS = ("region", "canonical", "lead", "support", "responsible", "total")


@dataclass
class UnitCount:
    """One agency's tasks, by role."""

    region: str
    canonical: str
    lead: int = 0
    support: int = 0
    responsible: int = 0
    total: int = 0


def count_units(notices: Iterable[Notice]) -> list[UnitCount]:
    """Count the tasks of each canonical agency; the rows sorted by total desc, then name.

    Notices are read one at a time: memory grows with the number of agencies, not notices.
    """
    counts: dict[tuple[str, str], UnitCount] = {}
    for notice in notices:
        region = notice.region or ""
        for task in notice.tasks:
            roles: dict[str, set[str]] = {}
            for unit in task.units:
                roles.setdefault(unit.canonical, set()).add(unit.role)
            for name, named_as in roles.items():
                row = counts.setdefault((region, name), UnitCount(region, name))
                for role in named_as:
                    setattr(row, role, getattr(row, role) + 1)
                row.total += 1
    return sorted(counts.values(), key=lambda row: (-row.total, row.region, row.canonical))


def units_csv(rows: Iterable[UnitCount], *, bom: bool = False) -> Iterator[str]:
    """RFC 4180 CSV with a header row, ``\\r\\n`` line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(UNIT_COUNT_COLUMNS)
    writer.writerows([getattr(row, name) for name in UNIT_COUNT_COLUMNS] for row in rows)
    yield ("\ufeff" if bom else "") + buffer.getvalue()


def units_json(rows: Iterable[UnitCount], *, bom: bool = False) -> Iterator[str]:
    """A JSON array of objects with the ``UNIT_COUNT_COLUMNS`` keys (``bom`` is ignored)."""
    yield json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2) + "\n"


def units_text(rows: Iterable[UnitCount], *, bom: bool = False) -> Iterator[str]:
    """A plain table for pipes and files: a header line, then columns aligned by display width
    (a Chinese character takes two cells), numbers right-aligned, no colour, no box lines."""
    table = [list(UNIT_COUNT_COLUMNS)] + [[str(getattr(row, name)) for name in
                                           UNIT_COUNT_COLUMNS] for row in rows]
    widths = [max(display_width(line[i]) for line in table) for i in range(len(table[0]))]
    for line in table:
        cells = [_pad(cell, width, left=True) for cell, width in zip(line[:2], widths[:2])]
        cells += [_pad(cell, width, left=False) for cell, width in zip(line[2:], widths[2:])]
        yield "  ".join(cells).rstrip() + "\n"


UNIT_FORMATS: dict[str, Callable[..., Iterator[str]]] = {
    "text": units_text, "csv": units_csv, "json": units_json,
}


def rich_table(rows: Iterable[UnitCount]):
    """A ``rich.table.Table`` of the rows, for a terminal (rich is imported only here)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Tasks by agency")
    table.add_column("region", no_wrap=True)
    table.add_column("agency", no_wrap=True)
    for name in UNIT_COUNT_COLUMNS[2:]:
        table.add_column(name, justify="right")
    for row in rows:  # Text: a name with [brackets] is words, never rich markup
        table.add_row(Text(row.region), Text(row.canonical),
                      *(str(getattr(row, name)) for name in UNIT_COUNT_COLUMNS[2:]))
    return table


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide and full-width characters take two.

    >>> display_width("市发改委"), display_width("total")
    (8, 5)
    """
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    fill = " " * (width - display_width(text))
    return text + fill if left else fill + text
