"""Aligned-text TSV (``alignments/<doc>.<src>-<tgt>.tsv``), as in the contract.

Tab-separated, one header line, required columns ``id``, ``src``, ``tgt`` first, optional
columns after; no quoting; inside a cell a tab is ``\\t``, a newline ``\\n``, a backslash ``\\\\``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transalign.errors import InputError
from transalign.io import atomic_writer, read_text

REQUIRED_COLUMNS = ("id", "src", "tgt")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
_ESCAPE_RE = re.compile(r"\\[\\tnr]")


def escape_cell(value: str) -> str:
    """Escape backslash, tab, newline and carriage return for a TSV cell."""
    return "".join(_ESCAPES.get(char, char) for char in value)


def unescape_cell(value: str) -> str:
    """Inverse of :func:`escape_cell`; an unknown escape such as ``\\x`` is kept as written."""
    return _ESCAPE_RE.sub(lambda match: _UNESCAPES[match.group(0)], value)


@dataclass
class AlignedTable:
    """An aligned TSV in memory: ordered column names and rows keyed by column name."""

    columns: list[str] = field(default_factory=lambda: list(REQUIRED_COLUMNS))
    rows: list[dict[str, str]] = field(default_factory=list)

    def add_column(self, name: str) -> None:
        """Append an optional column (no-op when present); existing rows get ``""``."""
        if name not in self.columns:
            self.columns.append(name)
            for row in self.rows:
                row.setdefault(name, "")


def parse_aligned_tsv(text: str, *, path: str | Path = "<string>") -> AlignedTable:
    """Parse TSV text; errors name ``path`` and the 1-based line.

    Raises:
        InputError: E010 bad header, E011 wrong number of fields, E012 duplicate or empty id.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise InputError("E010", "empty file: no header line", path=path,
                         hint="the first line must be 'id<TAB>src<TAB>tgt'")
    columns = [name.strip() for name in lines[0].rstrip("\r").split("\t")]
    _check_header(columns, path)
    table = AlignedTable(columns=columns)
    seen: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        cells = line.rstrip("\r").split("\t")
        if len(cells) != len(columns):
            raise InputError(
                "E011", f"{len(cells)} fields where the header has {len(columns)}", path=path,
                line=number, hint="write tabs inside cells as \\t and newlines as \\n",
            )
        row = {name: unescape_cell(cell) for name, cell in zip(columns, cells, strict=True)}
        _check_id(row["id"], seen, path, number)
        table.rows.append(row)
    return table


def _check_header(columns: list[str], path: str | Path) -> None:
    if tuple(columns[:3]) != REQUIRED_COLUMNS:
        raise InputError(
            "E010", f"header starts {columns[:3]}, not ['id', 'src', 'tgt']", path=path, line=1,
            hint="the first three columns must be id, src, tgt in this order",
        )
    duplicates = {name for name in columns if columns.count(name) > 1}
    if duplicates:
        raise InputError("E010", f"duplicate column(s) {sorted(duplicates)}", path=path, line=1,
                         hint="give every column a unique name")


def _check_id(row_id: str, seen: set[str], path: str | Path, number: int) -> None:
    if not row_id:
        raise InputError("E012", "empty id", path=path, line=number, hint="give every row an id")
    if row_id in seen:
        raise InputError("E012", f"duplicate id {row_id!r}", path=path, line=number,
                         hint="ids must be unique within a file")
    seen.add(row_id)


def read_aligned_tsv(path: str | Path) -> AlignedTable:
    """Read an aligned TSV file (UTF-8, BOM accepted); see :func:`parse_aligned_tsv`."""
    return parse_aligned_tsv(read_text(path, fixed_utf8=True), path=path)


def format_aligned_tsv(columns: Sequence[str], rows: Iterable[dict[str, str]]) -> str:
    """Render rows as TSV text; missing optional cells are written empty."""
    lines = ["\t".join(columns)]
    lines.extend("\t".join(escape_cell(row.get(name, "")) for name in columns) for row in rows)
    return "\n".join(lines) + "\n"


def write_aligned_tsv(path: str | Path, table: AlignedTable) -> None:
    """Write ``table`` to ``path`` atomically."""
    with atomic_writer(path) as handle:
        handle.write(format_aligned_tsv(table.columns, table.rows))
