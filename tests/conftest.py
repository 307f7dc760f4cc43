"""Shared fixtures: the evaluation corpus beside the checkout (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """``../shared/corpus`` (evaluation data, never copied into the repo); skip if absent."""
    if not (CORPUS / "cis-ministers.en.txt").is_file():
        pytest.skip(f"evaluation corpus not found at {CORPUS} (it lives beside the checkout)")
    return CORPUS
