"""Aligned-text TSV (``alignments/<doc>.<src>-<tgt>.tsv``), as in the contract.

Tab-separated, one header line, required columns ``id``, ``src``, ``tgt`` first, optional
columns after; no quoting; inside a cell a tab is ``\\t``, a newline ``\\n``, a backslash ``\\\\``.

Reading also accepts what a spreadsheet makes of such a file: CRLF line ends, blank lines,
a trailing empty column, and cells quoted the Excel way (in double quotes, inner quotes
doubled, maybe spanning lines) where the file does not read as the contract's own form.
"""

from __future__ import annotations

import csv
import io
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


Record = tuple[int, list[str]]  # (1-based line where the record starts, raw cells)
_EXCEL_QUOTED = re.compile(r'"(?:[^"]|"")*""(?:[^"]|"")*"')


def parse_aligned_tsv(text: str, *, path: str | Path = "<string>") -> AlignedTable:
    """Parse TSV text; errors name ``path`` and the 1-based line.

    Raises:
        InputError: E010 bad header, E011 wrong number of fields, E012 duplicate or empty id.
    """
    records = _contract_records(text)
    try:
        table = _table(records, path)
    except InputError as err:
        spreadsheet = _spreadsheet_records(text) if err.code == "E011" else None
        if spreadsheet is None:
            raise
        return _table(spreadsheet, path)
    spreadsheet = _spreadsheet_records(text) if _excel_quoted(records) else None
    return table if spreadsheet is None else _table(spreadsheet, path)


def _excel_quoted(records: list[Record]) -> bool:
    """Every cell holding a ``"`` is quoted the Excel way, inner quotes doubled, e.g.
    ``"He said ""yes""."``: a file a spreadsheet saved (its own form never doubles quotes)."""
    quoted = [cell for _, cells in records for cell in cells if '"' in cell]
    return bool(quoted) and all(_EXCEL_QUOTED.fullmatch(cell) for cell in quoted)


def _contract_records(text: str) -> list[Record]:
    """Non-blank lines split at tabs, CR of CRLF dropped."""
    lines = (line.rstrip("\r") for line in text.split("\n"))
    return [(number, line.split("\t")) for number, line in enumerate(lines, start=1) if line]


def _spreadsheet_records(text: str) -> list[Record] | None:
    """Records read as a spreadsheet writes them (Excel quoting, CRLF inside quoted cells);
    None when that gives rows of unequal length, i.e. the file is not such a file."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab")
    records: list[Record] = []
    start = 1
    for cells in reader:
        if any(cells):
            records.append((start, [cell.replace("\r\n", "\n") for cell in cells]))
        start = reader.line_num + 1
    if not records:
        return None
    width = len(trim_empty_tail(records[0][1]))
    widths = {len(trim_empty_tail(cells, keep=width)) for _, cells in records[1:]}
    return records if widths <= {width} else None


def _table(records: list[Record], path: str | Path) -> AlignedTable:
    """Check the header and every row; unescape cells."""
    if not records:
        raise InputError("E010", "empty file: no header line", path=path,
                         hint="the first line must be 'id<TAB>src<TAB>tgt'")
    columns = trim_empty_tail([name.strip() for name in records[0][1]])
    _check_header(columns, path)
    table = AlignedTable(columns=columns)
    seen: set[str] = set()
    for number, raw in records[1:]:
        cells = trim_empty_tail(raw, keep=len(columns))
        if len(cells) != len(columns):
            raise InputError(
                "E011", f"{len(cells)} fields where the header has {len(columns)}", path=path,
                line=number, hint="write tabs inside cells as \\t and newlines as \\n",
            )
        row = {name: unescape_cell(cell) for name, cell in zip(columns, cells, strict=True)}
        _check_id(row["id"], seen, path, number)
        table.rows.append(row)
    return table


def trim_empty_tail(cells: list[str], keep: int = 0) -> list[str]:
    """Drop empty cells from the end, keeping at least ``keep`` cells: the empty column a
    spreadsheet may add after the last named one."""
    end = len(cells)
    while end > max(keep, 1) and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def _check_header(columns: list[str], path: str | Path) -> None:
    if tuple(columns[:3]) != REQUIRED_COLUMNS:
        glossary = columns[0].startswith("#") or (columns[0] == "id" and "src" not in columns)
        hint = ("this looks like a glossary: pass it with --glossary, and aligned TSVs as inputs"
                if glossary else "the first three columns must be id, src, tgt in this order")
        raise InputError("E010", f"header starts {[name[:20] for name in columns[:3]]}, not "
                         "['id', 'src', 'tgt']", path=path, line=1, hint=hint)
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
