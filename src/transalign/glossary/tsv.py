"""Glossary TSV files (``glossaries/*.tsv``) as the contract defines them.

Lines starting with ``#`` are comments, blank lines are skipped, the first other line is the
header: ``id``, one column per ISO 639-1 language, optional ``note``, any other columns kept
and ignored. A cell holds terms separated by `` | ``; ``!`` marks a forbidden term; the first
term not forbidden is preferred. A file with any error is rejected whole (``E2xx``, with the
1-based line); nothing is half-loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from transalign.errors import InputError
from transalign.formats.tsv import trim_empty_tail
from transalign.glossary.languages import LANGUAGE_ALIASES, is_language_code, looks_like_language
from transalign.glossary.model import Concept, Glossary, Term, make_concept
from transalign.glossary.text import mixed_script_word, normalise_with_offsets
from transalign.io import atomic_write_text, read_text

ID_RE = re.compile(r"[a-z0-9_]+")
TERM_SEPARATOR = " | "
_SPLIT_RE = re.compile(r"\s*\|\s*")
HINT_FORMAT = "see the glossary format in formats.md: id<TAB>en<TAB>ru<TAB>… with terms separated by ' | '"


@dataclass(frozen=True)
class Origin:
    """Where a concept was defined: file and 1-based line (None where unknown)."""

    path: str
    line: int | None


def _header(line: str, path: str, lineno: int) -> tuple[list[str], list[str]]:
    """Column names and language columns of the header line (E202, E203)."""
    columns = trim_empty_tail([name.strip() for name in line.split("\t")])
    def fail(code: str, message: str, hint: str) -> InputError:
        return InputError(code, message, path=path, line=lineno, hint=hint)
    if "id" not in columns:
        near = next((name for name in columns if name.lower() == "id"), None)
        raise fail("E202", "header has no 'id' column",
                   f"rename column {near!r} to 'id' (lower case)" if near else HINT_FORMAT)
    if {"src", "tgt"} <= set(columns):
        raise fail("E202", "header has src and tgt columns: this is an aligned TSV, not a "
                   "glossary", "pass a glossary (id<TAB>en<TAB>ru<TAB>…) with --glossary")
    repeated = sorted({name for name in columns if columns.count(name) > 1})
    if repeated:
        raise fail("E202", f"header repeats column {repeated[0]!r}", "give each column once")
    if "" in columns:
        raise fail("E202", "header has an empty column name", "name every column or remove it")
    languages = [name for name in columns if name not in ("id", "note") and looks_like_language(name)]
    for name in languages:
        if not is_language_code(name):
            raise fail("E203", f"column {name!r} is not an ISO 639-1 language code",
                       "name language columns by their lower-case two-letter code: en, ru, be")
    aliases = [name for name in columns if name.lower() in LANGUAGE_ALIASES]
    if aliases:
        raise fail("E203", f"column {aliases[0]!r} names a language without its ISO 639-1 code",
                   f"name it {LANGUAGE_ALIASES[aliases[0].lower()]!r}: language columns use ISO 639-1")
    if not languages:
        raise fail("E202", "header has no language column", HINT_FORMAT)
    return columns, languages


def _split_terms(cell: str, lang: str, path: str, lineno: int) -> list[str]:
    """Terms of one cell as written (``!`` kept); E207 for an empty term."""
    if not cell.strip():
        return []
    terms = [term.strip() for term in _SPLIT_RE.split(cell.strip())]
    for term in terms:
        if not term or term == "!" or not term.lstrip("!").strip():
            raise InputError("E207", f"empty term in column {lang!r}", path=path, line=lineno,
                             hint="remove the stray '|' or '!', or write the term")
    return terms


def _row(fields: list[str], columns: list[str], languages: list[str], path: str,
         lineno: int) -> Concept:
    """One data line as a concept (E204 field count, E205 id, E207 terms)."""
    if len(fields) != len(columns):
        raise InputError("E204", f"row has {len(fields)} fields, the header has {len(columns)}",
                         path=path, line=lineno,
                         hint="separate cells with exactly one tab; keep empty cells as empty fields")
    cells = dict(zip(columns, (field.strip() for field in fields), strict=True))
    concept_id = cells["id"]
    if not ID_RE.fullmatch(concept_id):
        raise InputError("E205", f"invalid concept id {concept_id!r}", path=path, line=lineno,
                         hint="ids use only a-z, 0-9 and _, e.g. minsk_agreements")
    terms = {lang: _split_terms(cells[lang], lang, path, lineno) for lang in languages}
    if not any(terms.values()):
        raise InputError("E218", f"concept {concept_id!r} has no term in any language",
                         path=path, line=lineno, hint="write at least one term, or delete the row")
    extra = {name: value for name, value in cells.items()
             if name not in languages and name not in ("id", "note")}
    return make_concept(concept_id, terms, cells.get("note", ""), extra)


def _conflict_key(text: str) -> str:
    return normalise_with_offsets(text.strip(), fold=True)[0]


def _check_script(term: str, concept_id: str, where: Origin) -> None:
    word = mixed_script_word(term)
    if word is not None:
        raise InputError("E217", f"term {term!r} of concept {concept_id!r} mixes Latin and "
                         f"Cyrillic letters in {word!r}", path=where.path, line=where.line,
                         hint="retype the word in one alphabet (look-alikes such as C/С, "
                              "O/О, A/А, E/Е, I/І differ)")


def check_term_conflicts(glossary: Glossary, origins: dict[str, Origin]) -> None:
    """Reject a term listed twice in a concept (E208) or claimed by two concepts (E209), and
    a word mixing Latin and Cyrillic letters (E217: a look-alike typed in the wrong alphabet).

    Terms are compared folded (case, ё/е, apostrophes, whitespace). Two concepts may both
    forbid the same term; a term allowed in one concept and listed in another may not.
    """
    for lang in glossary.languages:
        owners: dict[str, tuple[str, bool]] = {}  # folded term -> (first concept, forbidden?)
        for concept in glossary:
            where = origins.get(concept.id, Origin("<glossary>", None))
            seen: set[str] = set()
            for term in concept.all_terms(lang):
                _check_script(term.text, concept.id, where)
                key = _conflict_key(term.text)
                if key in seen:
                    raise InputError("E208", f"concept {concept.id!r} lists {lang} term "
                                     f"{term.text!r} twice", path=where.path, line=where.line,
                                     hint="keep one (remove '!' or the duplicate)")
                seen.add(key)
                _claim(owners, key, concept.id, term, lang, where, origins)


def _claim(owners: dict[str, tuple[str, bool]], key: str, concept_id: str, term: Term,
           lang: str, where: Origin, origins: dict[str, Origin]) -> None:
    """Record that ``concept_id`` lists ``term``; E209 when another concept already does
    (unless both forbid it)."""
    previous = owners.setdefault(key, (concept_id, term.status == "forbidden"))
    if previous[0] == concept_id or (previous[1] and term.status == "forbidden"):
        return
    first = origins.get(previous[0], Origin("<glossary>", None))
    place = first.path if first.line is None else f"{first.path}:{first.line}"
    raise InputError("E209", f"{lang} term {term.text!r} of concept {concept_id!r} is already a "
                     f"term of concept {previous[0]!r} ({place})", path=where.path,
                     line=where.line, hint="a term may belong to one concept only; merge the "
                     "concepts or drop the term from one of them")


def parse_glossary_with_origins(text: str, *, path: str | Path = "<string>",
                                ) -> tuple[Glossary, dict[str, Origin]]:
    """Parse glossary TSV text; also return where each concept was defined."""
    where = str(path)
    columns: list[str] | None = None
    languages: list[str] = []
    concepts: dict[str, Concept] = {}
    origins: dict[str, Origin] = {}
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if columns is None:
            columns, languages = _header(line, where, lineno)
            continue
        fields = trim_empty_tail(line.split("\t"), keep=len(columns))
        concept = _row(fields, columns, languages, where, lineno)
        if concept.id in concepts:
            first = origins[concept.id]
            raise InputError("E206", f"duplicate concept id {concept.id!r} (first on line "
                             f"{first.line})", path=where, line=lineno,
                             hint="give each concept a unique id, or merge the two rows")
        concepts[concept.id] = concept
        origins[concept.id] = Origin(where, lineno)
    if columns is None:
        raise InputError("E201", "glossary has no header line", path=where, hint=HINT_FORMAT)
    extra = tuple(name for name in columns if name not in languages and name not in ("id", "note"))
    glossary = Glossary(concepts, tuple(languages), extra)
    check_term_conflicts(glossary, origins)
    return glossary, origins


def parse_glossary(text: str, *, path: str | Path = "<string>") -> Glossary:
    """Parse glossary TSV text (see the module docstring for the format and errors).

    Raises:
        InputError: E201 no header, E202 bad header, E203 bad language column, E204 wrong
            field count, E205 bad id, E206 duplicate id, E207 empty term, E208 term listed
            twice in a concept, E209 term claimed by two concepts, E217 a word mixing Latin
            and Cyrillic letters, E218 a row without any term.
    """
    return parse_glossary_with_origins(text, path=path)[0]


def load_glossary(path: str | Path) -> Glossary:
    """Read and parse one glossary file (BOM accepted; see :func:`parse_glossary`); a
    ``.tbx`` file is read as TBX (see :func:`transalign.glossary.tbx.parse_tbx`)."""
    return _load_with_origins(path)[0]


def _load_with_origins(path: str | Path) -> tuple[Glossary, dict[str, Origin]]:
    if Path(path).suffix.lower() == ".tbx":
        from transalign.glossary.tbx import load_tbx  # tbx imports this module

        glossary = load_tbx(path)
        return glossary, {concept.id: Origin(str(path), None) for concept in glossary}
    return parse_glossary_with_origins(read_text(path, fixed_utf8=True), path=path)


def load_glossaries(paths: Iterable[str | Path]) -> Glossary:
    """Load several glossary files (TSV, or TBX by the ``.tbx`` suffix); a later file's
    concept replaces an earlier one by id.

    The merged glossary is checked again for terms claimed by two concepts (E209).

    Raises:
        InputError: E210 when ``paths`` is empty, plus those of :func:`parse_glossary`.
    """
    merged: Glossary | None = None
    origins: dict[str, Origin] = {}
    for path in paths:
        glossary, file_origins = _load_with_origins(path)
        merged = glossary if merged is None else merged.merged(glossary)
        origins.update(file_origins)
    if merged is None:
        raise InputError("E210", "no glossary file given", hint="pass --glossary FILE.tsv")
    check_term_conflicts(merged, origins)
    return merged


def _cell(concept: Concept, lang: str, source: str | None = None) -> str:
    """A language cell: terms in order, ``!`` for forbidden; the preferred term is moved
    before the first admitted one if needed, so that reading the cell back gives the same."""
    ordered = list(concept.all_terms(lang))
    preferred = concept.preferred(lang)
    if preferred is not None:
        first_allowed = next(i for i, t in enumerate(ordered) if t.allowed)
        ordered.remove(preferred)
        ordered.insert(first_allowed, preferred)
    for term in ordered:
        if any(bad in term.text for bad in ("\t", "\n", "\r", "|")) or term.text.startswith("!"):
            raise InputError("E211", f"term {term.text!r} of concept {concept.id!r} cannot be "
                             "written to a glossary TSV", path=source, hint="remove tabs, newlines, '|' and "
                             "a leading '!' from the term")
    return TERM_SEPARATOR.join(("!" if t.status == "forbidden" else "") + t.text for t in ordered)


def _flat(value: str) -> str:
    return " ".join(value.split())


def format_glossary(glossary: Glossary, *, comments: Sequence[str] = (),
                    source: str | Path | None = None) -> str:
    """The glossary as TSV text: ``id``, languages, ``note``, then extra columns.

    Raises:
        InputError: E211 for a term a TSV cell cannot hold, naming ``source`` (the file the
            glossary came from) where given.
    """
    where = None if source is None else str(source)
    columns = ["id", *glossary.languages, "note", *glossary.extra_columns]
    lines = [f"# {_flat(comment)}" for comment in comments]
    lines.append("\t".join(columns))
    for concept in glossary:
        cells = [concept.id, *(_cell(concept, lang, where) for lang in glossary.languages),
                 _flat(concept.note), *(_flat(concept.extra.get(name, ""))
                                        for name in glossary.extra_columns)]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def write_glossary(path: str | Path, glossary: Glossary, *, comments: Sequence[str] = ()) -> None:
    """Write ``glossary`` to ``path`` atomically (UTF-8, no BOM)."""
    atomic_write_text(path, format_glossary(glossary, comments=comments))
