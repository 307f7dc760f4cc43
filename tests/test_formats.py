"""Contract formats: aligned TSV, links (beads) and sentence files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transalign.errors import InputError
from transalign.formats.links import format_links, parse_links, read_links
from transalign.formats.sents import flatten, format_sents, parse_sents
from transalign.formats.tsv import (
    AlignedTable,
    escape_cell,
    format_aligned_tsv,
    parse_aligned_tsv,
    read_aligned_tsv,
    unescape_cell,
    write_aligned_tsv,
)

GOLDEN_TSV = "id\tsrc\ttgt\tstatus\np1s1\tTab\\there\tС\\nновой строки\tapproved\np1s2\tBack\\\\slash\t\t\n"


@given(st.text())
def test_cell_escaping_round_trips(value: str) -> None:
    escaped = escape_cell(value)
    assert "\t" not in escaped and "\n" not in escaped
    assert unescape_cell(escaped) == value


def test_tsv_golden_file_round_trip(tmp_path: Path) -> None:
    """Reading then writing the golden text gives it back byte for byte, and pandas-style
    csv reading with QUOTE_NONE sees the right number of columns."""
    table = parse_aligned_tsv(GOLDEN_TSV)
    assert table.rows[0]["src"] == "Tab\there" and table.rows[0]["tgt"] == "С\nновой строки"
    assert table.rows[1]["src"] == "Back\\slash"
    path = tmp_path / "doc.en-ru.tsv"
    write_aligned_tsv(path, table)
    assert path.read_bytes() == GOLDEN_TSV.encode("utf-8")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert {len(row) for row in rows} == {4}


def test_tsv_reads_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.tsv"
    path.write_bytes(b"\xef\xbb\xbf" + GOLDEN_TSV.encode("utf-8"))
    assert read_aligned_tsv(path).columns == ["id", "src", "tgt", "status"]


@pytest.mark.parametrize(
    ("text", "code", "line", "why"),
    [
        ("src\tid\ttgt\n", "E010", 1, "required columns out of order"),
        ("", "E010", None, "no header at all"),
        ("id\tsrc\ttgt\na\tb\n", "E011", 2, "a row with a missing cell"),
        ("id\tsrc\ttgt\na\tb\tc\td\n", "E011", 2, "an unescaped tab inside a cell"),
        ("id\tsrc\ttgt\na\tb\tc\na\tx\ty\n", "E012", 3, "duplicate id"),
        ("id\tsrc\ttgt\n\tb\tc\n", "E012", 2, "empty id"),
        ("\n\r\n", "E010", None, "only blank lines: still no header"),
        ('id\tsrc\ttgt\n1\t"We agree.\tМы согласны.\n2\tx\n', "E011", 3, "an unclosed quote "
         "(a multi-sentence quotation) does not swallow the next lines: the short row is named"),
        ("id\tsrc\ttgt\t\t\n1\ta\tb\t\tnote\n", "E011", 2, "a non-empty cell beyond the "
         "named columns is still an error"),
    ],
)
def test_tsv_errors_name_line(text: str, code: str, line: int | None, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_aligned_tsv(text, path="x.tsv")
    assert caught.value.code == code, why
    assert caught.value.line == line, why
    assert "x.tsv" in caught.value.one_line()


SPREADSHEET_CASES = [
    ("id\tsrc\ttgt\r\n1\tA.\tА.\r\n", [("1", "A.", "А.")], "CRLF line ends (Windows)"),
    ("id\tsrc\ttgt\n1\tA.\tА.\n\n\n", [("1", "A.", "А.")], "blank lines at the end"),
    ("id\tsrc\ttgt\n1\tA.\tА.\n\n2\tB.\tБ.\n", [("1", "A.", "А."), ("2", "B.", "Б.")],
     "a blank line between rows"),
    ("id\tsrc\ttgt\t\r\n1\tA.\tА.\t\r\n", [("1", "A.", "А.")],
     "a trailing empty column (Excel/LibreOffice)"),
    ('id\tsrc\ttgt\r\n1\t"He said ""yes""."\t"Он сказал ""да""."\r\n',
     [("1", 'He said "yes".', 'Он сказал "да".')], "Excel quoting: inner quotes doubled"),
    ('id\tsrc\ttgt\r\n1\t"Line one\r\nline two"\tСтрока\r\n2\tB.\tБ.\r\n',
     [("1", "Line one\nline two", "Строка"), ("2", "B.", "Б.")],
     "a quoted cell spanning lines (Alt+Enter in Excel)"),
    ('id\tsrc\ttgt\n1\t"We agree.\t«Мы согласны.\n2\tIt matters," he said.\tЭто важно.\n',
     [("1", '"We agree.', "«Мы согласны."), ("2", 'It matters," he said.', "Это важно.")],
     "the contract's own form: a quotation over two rows keeps its quotes as written"),
    ('id\tsrc\ttgt\n1\t"Yes."\t«Да».\n', [("1", '"Yes."', "«Да».")],
     "a quoted sentence without doubled quotes is text, not spreadsheet quoting"),
]


@pytest.mark.parametrize(("text", "rows", "why"), SPREADSHEET_CASES)
def test_tsv_reads_spreadsheet_saves(text: str, rows: list[tuple[str, str, str]],
                                     why: str) -> None:
    table = parse_aligned_tsv(text)
    assert table.columns == ["id", "src", "tgt"], why
    assert [(row["id"], row["src"], row["tgt"]) for row in table.rows] == rows, why


_NO_DOUBLED_QUOTE = st.text(alphabet=st.characters(blacklist_categories=("Cs",))).filter(
    lambda cell: '""' not in cell)


@given(st.lists(st.tuples(_NO_DOUBLED_QUOTE, _NO_DOUBLED_QUOTE), max_size=5))
def test_tsv_written_text_reads_back(pairs: list[tuple[str, str]]) -> None:
    """Whatever the tool writes reads back unchanged (quotes, CR, blank cells included); a
    doubled quote is the one thing taken as spreadsheet quoting, so it is left out."""
    rows = [{"id": str(i), "src": src, "tgt": tgt} for i, (src, tgt) in enumerate(pairs)]
    table = parse_aligned_tsv(format_aligned_tsv(["id", "src", "tgt"], rows))
    assert table.rows == rows


def test_tsv_add_column_fills_rows() -> None:
    table = AlignedTable(rows=[{"id": "1", "src": "a", "tgt": "b"}])
    table.add_column("origin")
    assert table.rows[0]["origin"] == ""


@pytest.mark.parametrize(
    ("line", "bead", "why"),
    [
        ("[4, 5]:[3]", ((4, 5), (3,)), "a 2-1 bead"),
        ("[1]:[]", ((1,), ()), "a deletion"),
        ("[]:[43]", ((), (43,)), "an insertion"),
        ("[0]:[0]:0.2513", ((0,), (0,)), "a cost field is ignored"),
    ],
)
def test_links_parse(line: str, bead: tuple[tuple[int, ...], tuple[int, ...]], why: str) -> None:
    assert parse_links(line) == [bead], why


@pytest.mark.parametrize(
    ("text", "code", "why"),
    [
        ("[0]:[0]\n[0]:[1]\n", "E021", "a source index used twice"),
        ("[0, 1]:[1]\n[2]:[0]\n", "E021", "target indices go backwards"),
        ("0:0\n", "E020", "not in bracket form"),
    ],
)
def test_links_errors(text: str, code: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_links(text, path="a.gold")
    assert caught.value.code == code, why


def test_links_round_trip_on_corpus(corpus: Path) -> None:
    for gold in sorted(corpus.glob("*.gold")):
        text = gold.read_text(encoding="utf-8")
        assert format_links(read_links(gold)) == text


def test_sents_paragraphs() -> None:
    text = "A.\nB.\n\n\nC.\n"
    paragraphs = parse_sents(text)
    assert paragraphs == [["A.", "B."], ["C."]]
    assert format_sents(paragraphs) == "A.\nB.\n\nC.\n"
    assert flatten(paragraphs) == (["A.", "B.", "C."], [0, 0, 1])
