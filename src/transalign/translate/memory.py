"""Translation memory: approved sentence pairs from existing aligned TSVs of the same pair.

Rows with ``status=approved`` are reused for identical source sentences (whitespace
normalised: runs of whitespace become one space, ends trimmed); case and punctuation must match.
So are the one-to-one rows of a published human edition (``origin=human``, as ``transalign align
--format tsv`` writes them, link ``[i]:[j]``) that no reviewer marked with another status:
merged or split beads are not sentence translations and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transalign.errors import TransalignError
from transalign.formats.naming import aligned_glob
from transalign.formats.tsv import AlignedTable, read_aligned_tsv

APPROVED = "approved"
HUMAN = "human"
_ONE_TO_ONE = re.compile(r"^\s*\[\s*\d+\s*\]\s*:\s*\[\s*\d+\s*\]")


def normalise(text: str) -> str:
    """Whitespace-normalised form used as the memory key."""
    return " ".join(text.split())


def is_approved(row: dict[str, str]) -> bool:
    """True for a row a reviewer approved (``status`` = ``approved``, case-insensitive)."""
    return row.get("status", "").strip().lower() == APPROVED


def is_human_pair(row: dict[str, str]) -> bool:
    """True for a one-to-one row of a human edition that no reviewer gave a status."""
    if row.get("origin", "").strip().lower() != HUMAN or row.get("status", "").strip():
        return False
    link = row.get("link", "")
    return not link or _ONE_TO_ONE.match(link) is not None


def is_reusable(row: dict[str, str]) -> bool:
    """True for a row the memory may serve: approved, or a one-to-one human pair."""
    return (is_approved(row) or is_human_pair(row)) and bool(row.get("tgt", "").strip())


@dataclass
class TranslationMemory:
    """Approved (and one-to-one human) translations by normalised source sentence.

    Attributes:
        entries: normalised source → approved target (the first one found wins; files are
            read in name order).
        unreadable: TSVs that could not be parsed, with the reason (skipped, not fatal).
    """

    entries: dict[str, str] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def add_table(self, table: AlignedTable) -> None:
        """Add every reusable row of ``table`` (see :func:`is_reusable`)."""
        for row in table.rows:
            if is_reusable(row):
                self.entries.setdefault(normalise(row["src"]), row["tgt"])

    def lookup(self, source: str) -> str | None:
        """The approved translation of ``source``, or None."""
        return self.entries.get(normalise(source))

    def add_file(self, path: Path) -> None:
        """Add an aligned TSV's approved rows; an unreadable file is noted in ``unreadable``."""
        try:
            self.add_table(read_aligned_tsv(path))
        except TransalignError as err:
            self.unreadable.append(err.one_line())

    @classmethod
    def from_folder(cls, folder: Path, src_lang: str, tgt_lang: str) -> TranslationMemory:
        """Memory from every ``*.<src>-<tgt>.tsv`` in ``folder`` (missing folder: empty)."""
        return cls.from_paths([folder], src_lang, tgt_lang)

    @classmethod
    def from_paths(cls, paths: Sequence[Path], src_lang: str, tgt_lang: str) -> TranslationMemory:
        """Memory from aligned TSV files (any name: taken to be of this pair) and from the
        ``*.<src>-<tgt>.tsv`` files of folders; earlier paths win for a repeated source."""
        memory = cls()
        for path in paths:
            if path.is_dir():
                for found in sorted(path.glob(aligned_glob(src_lang, tgt_lang))):
                    memory.add_file(found)
            elif path.exists():
                memory.add_file(path)
            else:
                memory.unreadable.append(f"{path}: not found")
        return memory
