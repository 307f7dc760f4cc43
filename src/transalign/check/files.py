"""Checking aligned TSV files: inputs, languages from file names, the run's report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transalign.check.rows import Problem, RowChecker
from transalign.errors import InputError
from transalign.formats.naming import languages_from_name
from transalign.formats.tsv import AlignedTable, read_aligned_tsv
from transalign.glossary.model import Glossary


@dataclass
class CheckReport:
    """Problems of a run, with what was checked: files (in order) and rows per file."""

    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    languages: dict[str, tuple[str, str]] = field(default_factory=dict)
    glossary_digest: str = ""

    @property
    def signature(self) -> str:
        """The configuration that produced the report, sacrebleu style:
        ``check|glossary:<sha256 prefix>|transalign:<version>``."""
        from transalign import __version__

        return f"check|glossary:{self.glossary_digest[:12]}|transalign:{__version__}"


def expand_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders replaced by their ``*.tsv`` files (sorted); a file named twice
    (``alignments/`` and ``alignments/a.en-ru.tsv``) is kept once, where it first comes.

    Raises:
        InputError: E221 when nothing is given or a folder holds no ``.tsv`` file.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(path.glob("*.tsv"))
            if not found:
                raise InputError("E221", "folder holds no .tsv file", path=path,
                                 hint="give aligned TSV files or a folder that holds them")
            files.extend(found)
        else:
            files.append(path)
    if not files:
        raise InputError("E221", "no input files", hint="give one or more aligned TSV files")
    first: dict[Path, Path] = {}
    for path in files:
        first.setdefault(path.resolve(), path)
    return list(first.values())


def resolve_languages(path: Path, src_lang: str | None, tgt_lang: str | None,
                      glossary: Glossary | None = None) -> tuple[str, str]:
    """The flags where given, else the file name's ``<src>-<tgt>``.

    Raises:
        InputError: E220 when neither says; E224 when ``glossary`` lacks either language.
    """
    from_name = languages_from_name(path)
    src = src_lang or (from_name[0] if from_name else None)
    tgt = tgt_lang or (from_name[1] if from_name else None)
    if src is None or tgt is None:
        raise InputError("E220", "cannot tell the languages of this file", path=path,
                         hint="name it <doc>.<src>-<tgt>.tsv (e.g. story.en-ru.tsv) or pass "
                              "--src-lang and --tgt-lang")
    for lang in (src, tgt):
        if glossary is not None:
            glossary.require_language(
                lang, path=path, fix="fix --src-lang/--tgt-lang or the file name's <src>-<tgt>")
    return src, tgt


def check_table(table: AlignedTable, checker: RowChecker, file: str) -> list[Problem]:
    """Problems of every row of ``table``, in row order."""
    problems: list[Problem] = []
    for row in table.rows:
        problems.extend(checker.check(file, row["id"], row["src"], row["tgt"]))
    return problems


def check_files(paths: Sequence[str | Path], glossary: Glossary, *,
                src_lang: str | None = None, tgt_lang: str | None = None) -> CheckReport:
    """Check aligned TSV files (folders expand to their ``*.tsv``) against ``glossary``.

    All inputs are read and their languages resolved before any is checked, so an unusable
    input fails the run (exit 2) before a partial report is made.
    """
    files = expand_inputs(paths)
    loaded = [(path, read_aligned_tsv(path),
               resolve_languages(path, src_lang, tgt_lang, glossary)) for path in files]
    checkers: dict[tuple[str, str], RowChecker] = {}
    report = CheckReport(glossary_digest=glossary.digest())
    for path, table, pair in loaded:
        if pair not in checkers:
            checkers[pair] = RowChecker(glossary, *pair)
        report.problems.extend(check_table(table, checkers[pair], str(path)))
        report.rows[str(path)] = len(table.rows)
        report.languages[str(path)] = pair
    return report
