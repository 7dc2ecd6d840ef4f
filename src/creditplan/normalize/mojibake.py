"""Whole-text mojibake: UTF-8 read as cp1252/Latin-1, GBK read as Latin-1, UTF-8 read as GBK."""

from __future__ import annotations

from .edits import StepResult, unchanged


def repair_mojibake(text: str) -> StepResult:
    """Undo a wrong decoding of the whole text, line by line, when that reads as Chinese."""
    return unchanged(text)
