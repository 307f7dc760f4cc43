"""Glossaries: the term model, TSV and TBX files, and source-side term matching.

``default_glossary_path()`` is the house glossary ``cis-politics.tsv``: the repository's
``glossaries/`` copy when running from a checkout, else the copy shipped as package data.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from transalign.glossary.model import Concept, Glossary, Term, make_concept
from transalign.glossary.source import SourceMatch, SourceMatcher
from transalign.glossary.tsv import load_glossaries, load_glossary, parse_glossary, write_glossary

HOUSE_GLOSSARY = "cis-politics.tsv"
PACKAGE_GLOSSARIES = Path(__file__).resolve().parent.parent / "data" / "glossaries"
REPO_GLOSSARIES = Path(__file__).resolve().parents[3] / "glossaries"


def default_glossary_path() -> Path:
    """The house glossary file: the checkout's ``glossaries/`` copy, else the packaged one."""
    repo_copy = REPO_GLOSSARIES / HOUSE_GLOSSARY
    return repo_copy if repo_copy.is_file() else PACKAGE_GLOSSARIES / HOUSE_GLOSSARY


def load_glossaries_or_default(paths: Sequence[str | Path] | None) -> Glossary:
    """The glossaries given (later ones override by concept id), or the house glossary."""
    return load_glossaries(paths) if paths else load_glossary(default_glossary_path())


__all__ = [
    "Concept",
    "Glossary",
    "SourceMatch",
    "SourceMatcher",
    "Term",
    "default_glossary_path",
    "load_glossaries",
    "load_glossaries_or_default",
    "load_glossary",
    "make_concept",
    "parse_glossary",
    "write_glossary",
]
