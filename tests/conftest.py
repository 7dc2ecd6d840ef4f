"""Shared fixtures: the samples, read once, and their clean parses, made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import creditplan
from creditplan import Notice

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="session")
def sample_texts() -> dict[str, str]:
    """Each sample's text by its name (the file name without .txt)."""
    return {path.stem: path.read_text(encoding="utf-8")
            for path in sorted(SAMPLES_DIR.glob("*.txt"))}


@pytest.fixture(scope="session")
def clean_notices(sample_texts: dict[str, str]) -> dict[str, Notice]:
    """Each sample parsed as given: the records every copy of it is compared with."""
    return {name: creditplan.parse_text(text) for name, text in sample_texts.items()}
