"""Shared fixtures: the evaluation corpus beside the checkout (skipped where absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("TRANSALIGN_CORPUS") or REPO.parent / "shared" / "corpus")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """``../shared/corpus`` or ``$TRANSALIGN_CORPUS`` (never copied into the repo); skip if absent."""
    if not (CORPUS / "cis-ministers.en.txt").is_file():
        pytest.skip(f"evaluation corpus not found at {CORPUS} (it lives beside the checkout)")
    return CORPUS


@pytest.fixture(scope="session")
def tiny_model() -> Path:
    """The tiny deterministic MarianMT checkpoint, built once into ``<repo>/.cache``.

    Keyed by a digest of the builder and its training texts; concurrent pytest runs are safe
    (each builds into a temp folder and renames it into place).
    """
    import torch

    from transalign.translate.testmodel import build_cached_test_model

    torch.set_num_threads(1)  # the tiny model's ops are too small to gain from threads
    return build_cached_test_model(REPO / ".cache")
