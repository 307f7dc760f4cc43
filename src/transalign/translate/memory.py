"""Translation memory: approved sentence pairs from existing aligned TSVs of the same pair.

Rows with ``status=approved`` are reused for identical source sentences (whitespace
normalised: runs of whitespace become one space, ends trimmed); case and punctuation must match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from transalign.errors import TransalignError
from transalign.formats.tsv import AlignedTable, read_aligned_tsv

APPROVED = "approved"


def normalise(text: str) -> str:
    """Whitespace-normalised form used as the memory key."""
    return " ".join(text.split())


def is_approved(row: dict[str, str]) -> bool:
    """True for a row a reviewer approved (``status`` = ``approved``, case-insensitive)."""
    return row.get("status", "").strip().lower() == APPROVED


@dataclass
class TranslationMemory:
    """Approved translations by normalised source sentence.

    Attributes:
        entries: normalised source → approved target (the first one found wins; files are
            read in name order).
        unreadable: TSVs that could not be parsed, with the reason (skipped, not fatal).
    """

    entries: dict[str, str] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def add_table(self, table: AlignedTable) -> None:
        """Add every approved row of ``table``."""
        for row in table.rows:
            if is_approved(row) and row.get("tgt", "").strip():
                self.entries.setdefault(normalise(row["src"]), row["tgt"])

    def lookup(self, source: str) -> str | None:
        """The approved translation of ``source``, or None."""
        return self.entries.get(normalise(source))

    @classmethod
    def from_folder(cls, folder: Path, src_lang: str, tgt_lang: str) -> TranslationMemory:
        """Memory from every ``*.<src>-<tgt>.tsv`` in ``folder`` (missing folder: empty)."""
        memory = cls()
        for path in sorted(folder.glob(f"*.{src_lang}-{tgt_lang}.tsv")) if folder.is_dir() else []:
            try:
                memory.add_table(read_aligned_tsv(path))
            except TransalignError as err:
                memory.unreadable.append(err.one_line())
        return memory
