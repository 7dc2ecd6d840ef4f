"""Parsers: normalized text to records. ``PARSERS`` is the one place that says what runs.

Every parser takes the shared ``ParseState`` and adds to it; later parsers read what earlier
ones found (the table parser matches categories to the clause sections, the closing-signature
parser looks after the last task).
"""

from __future__ import annotations

from typing import Callable

from .assign import assign_responsibility
from .clauses import parse_clauses
from .coverage import collect_preamble, measure_coverage, place_closing_fields
from .flat_table import find_flat_tables, parse_flat_tables
from .metadata import parse_metadata
from .signature import parse_closing
from .state import ParseState
from .table import parse_tables
from .table_regions import find_tables
from .vertical_table import find_vertical_tables, parse_vertical_tables

Parser = Callable[[ParseState], None]

PARSERS: tuple[Parser, ...] = (
    find_tables,            # table regions first: clauses never run through a table
    find_flat_tables,       # a table that lost its borders (序号工作任务责任单位… run together)
    find_vertical_tables,   # a table extracted cell by cell, each on lines of its own
    parse_metadata,         # the cover: titles, number, issuers, date; where the body begins
    parse_clauses,          # numbered sections, groups and tasks
    assign_responsibility,  # cut each clause task's responsibility into units
    parse_tables,           # division-of-labour rows as tasks
    parse_flat_tables,      # rows of a borderless table, by the 序号 sequence
    parse_vertical_tables,  # rows of a table extracted cell by cell
    parse_closing,          # a signature after the plan
    place_closing_fields,   # 抄送, 印发 and 附件 lines: a document's own, no record's
    collect_preamble,       # unclaimed text before the first section
    measure_coverage,       # everything else is reported
)

__all__ = ["PARSERS", "ParseState"]
