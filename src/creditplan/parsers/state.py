"""The state every parser reads and adds to, in the order ``parsers.PARSERS`` gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class ParseState:
    """Normalized text, where its parts are, and the records found so far (as plain dicts).

    Records stay plain dicts until the end, where ``Notice.model_validate`` checks them all at
    once: one validation, where raw matches become records.
    """

    text: str
    line_of: Callable[[int], int]           # normalized offset → 1-based input line
    body_start: int = 0                     # where the plan's numbered body may begin
    tables: list[tuple[int, int]] = field(default_factory=list)   # table regions (start, end)
    meta: dict[str, Any] = field(default_factory=dict)
    sections: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    placed: list[tuple[int, int]] = field(default_factory=list)   # spans a record accounts for

    def warn(self, code: str, message: str, pos: int | None = None) -> None:
        """Add a warning, with the input line of ``pos`` when given."""
        self.warnings.append({"code": code, "message": message,
                              "line": self.line_of(pos) if pos is not None else None})

    def place(self, start: int, end: int) -> None:
        """Record that ``text[start:end]`` belongs to a record."""
        if end > start:
            self.placed.append((start, end))

    def clause_regions(self) -> list[tuple[int, int]]:
        """The stretches after ``body_start`` that are not tables: where clauses live."""
        regions, pos = [], self.body_start
        for start, end in sorted(self.tables):
            if end <= pos:
                continue
            if start > pos:
                regions.append((pos, start))
            pos = max(pos, end)
        if pos < len(self.text):
            regions.append((pos, len(self.text)))
        return regions
