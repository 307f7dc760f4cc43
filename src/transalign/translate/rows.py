"""The rows of one output TSV: what to keep, what the memory fills, what the MT must translate.

Columns: ``id``, ``src``, ``tgt``, then the tool's own ``origin`` (``mt`` machine translation,
``tm`` translation memory), ``status`` (``draft`` as written by the tool; a reviewer sets
``approved``), ``issues`` (``; ``-separated, see ``Translation.issues``) and ``score`` (model
log-probability per token, 3 decimals). Extra columns a reviewer added are kept.
An approved row is never rewritten while its source sentence is still in the story (its id
follows the sentence's new position when the story was edited above it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transalign.formats.tsv import AlignedTable, read_aligned_tsv
from transalign.translate.backend import Translation
from transalign.translate.documents import Document
from transalign.translate.manifest import is_current, manifest_path, read_manifest
from transalign.translate.memory import TranslationMemory, is_approved, normalise

COLUMNS = ["id", "src", "tgt", "origin", "status", "issues", "score"]
DRAFT = "draft"


@dataclass
class OutputPlan:
    """One output TSV to (re)write.

    Attributes:
        document: the source document.
        tgt_lang: target language code.
        tsv_path: where the TSV goes (its manifest beside it).
        signature: the run signature for this output.
        columns: output columns (``COLUMNS`` plus any a reviewer added).
        rows: one per sentence; None where the MT still has to translate.
    """

    document: Document
    tgt_lang: str
    tsv_path: Path
    signature: dict[str, Any]
    columns: list[str] = field(default_factory=lambda: list(COLUMNS))
    rows: list[dict[str, str] | None] = field(default_factory=list)

    def pending(self) -> list[int]:
        """0-based sentence indices still to translate."""
        return [index for index, row in enumerate(self.rows) if row is None]

    def source(self, index: int) -> str:
        """Source text of sentence ``index``."""
        return self.document.sentences[index].text

    def fill(self, index: int, translation: Translation, flags: list[str] | None = None) -> None:
        """Store the MT of sentence ``index``, its issues followed by review ``flags``."""
        score = "" if translation.score is None else f"{translation.score:.3f}"
        issues = "; ".join(dict.fromkeys([*translation.issues, *(flags or [])]))
        self.rows[index] = self._row(index, translation.text, "mt", issues, score)

    def table(self) -> AlignedTable:
        """The finished table (every row filled)."""
        rows = [row for row in self.rows if row is not None]
        if len(rows) != len(self.rows):
            raise ValueError(f"{self.tsv_path}: {len(self.rows) - len(rows)} rows not translated")
        return AlignedTable(columns=list(self.columns), rows=rows)

    def counts(self) -> dict[str, int]:
        """Rows by origin, approved rows and rows with issues, for the manifest and the report."""
        rows = [row for row in self.rows if row is not None]
        return {"total": len(self.rows), "mt": sum(r.get("origin") == "mt" for r in rows),
                "tm": sum(r.get("origin") == "tm" for r in rows), "approved": sum(map(is_approved, rows)),
                "flagged": sum(bool(r.get("issues", "").strip()) for r in rows)}

    def _row(self, index: int, tgt: str, origin: str, issues: str, score: str) -> dict[str, str]:
        return {"id": self.document.row_ids[index], "src": self.source(index), "tgt": tgt,
                "origin": origin, "status": DRAFT, "issues": issues, "score": score}


def plan_output(document: Document, tgt_lang: str, tsv_path: Path, signature: dict[str, Any],
                memory: TranslationMemory, *, force: bool = False) -> OutputPlan | None:
    """What to do for one output; None when it is complete and its signature matches (unless
    ``force``: then every row but the approved ones is redone).

    Raises:
        InputError: the existing TSV is unreadable (E010-E012); it is not overwritten, as it
            may hold a reviewer's work.
    """
    existing = read_aligned_tsv(tsv_path) if tsv_path.is_file() else None
    if existing is not None and not force and _up_to_date(existing, document, tsv_path, signature):
        return None
    plan = OutputPlan(document, tgt_lang, tsv_path, signature)
    kept = _approved_rows(existing)
    if existing is not None:
        plan.columns += [name for name in existing.columns if name not in plan.columns]
    for index, row_id in enumerate(document.row_ids):
        source = plan.source(index)
        approved = kept.get(normalise(source))
        remembered = memory.lookup(source)
        if approved is not None:  # by source, so an edit above it (ids shift) keeps the approval
            plan.rows.append({**{name: approved.get(name, "") for name in plan.columns}, "id": row_id})
        elif remembered is not None:
            plan.rows.append(plan._row(index, remembered, "tm", "", ""))
        else:
            plan.rows.append(None)
    return plan


def _approved_rows(table: AlignedTable | None) -> dict[str, dict[str, str]]:
    """This output's approved rows by normalised source (the first one of a repeated source)."""
    kept: dict[str, dict[str, str]] = {}
    for row in table.rows if table is not None else []:
        if is_approved(row):
            kept.setdefault(normalise(row["src"]), row)
    return kept


def _up_to_date(existing: AlignedTable, document: Document, tsv_path: Path,
                signature: dict[str, Any]) -> bool:
    if not is_current(read_manifest(manifest_path(tsv_path)), signature, document.sha256):
        return False
    expected = [(row_id, sentence.text) for row_id, sentence in zip(document.row_ids, document.sentences,
                                                                     strict=True)]
    return [(row["id"], row["src"]) for row in existing.rows] == expected
