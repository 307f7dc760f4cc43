"""TBX-Basic import and export (TBX v3, ISO 30042:2019, dialect TBX-Basic, DCA style).

Export writes ``<tbx type="TBX-Basic" style="dca">``, the glossary's language and extra column
names in header lines (``<p>languages: en ru be</p>``), one ``conceptEntry`` per concept, a
``note`` for the concept's note (and one ``[column] value`` note per kept extra column), and per
term a ``termNote type="administrativeStatus"``: ``preferredTerm-admn-sts``,
``admittedTerm-admn-sts`` or, for forbidden terms, ``deprecatedTerm-admn-sts``.

Import also reads DCT style (``<min:administrativeStatus>``), ``normativeAuthorization``
notes, and TBX v2 files (``martif``/``termEntry``/``langSet``/``tig``/``ntig``).
``supersededTerm`` imports as forbidden; definitions join the note; a language section
without a preferred term makes its first allowed term preferred. Entity declarations are
refused (no entity expansion attacks); external entities and DTDs are never fetched by the
standard-library parser.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from transalign.errors import InputError
from transalign.glossary.languages import is_language_code
from transalign.glossary.model import Concept, Glossary, Status, Term
from transalign.glossary.tsv import ID_RE, Origin, check_term_conflicts
from transalign.io import atomic_write_text, read_text

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_VALUES: dict[Status, str] = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
_IMPORTED_STATUS: dict[str, Status] = {
    "preferredterm": "preferred", "admittedterm": "admitted", "deprecatedterm": "forbidden",
    "supersededterm": "forbidden", "standardizedterm": "preferred", "legalterm": "admitted",
    "regulatedterm": "admitted", "proposedterm": "admitted",
}
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
_EXTRA_NOTE_RE = re.compile(r"\[([^\]\t\n]+)\] (.*)", re.S)


def _local(tag: object) -> str:
    """Element or attribute name without its namespace."""
    return str(tag).rsplit("}", 1)[-1]


def _children(element: ET.Element, *names: str) -> Iterator[ET.Element]:
    return (child for child in element if _local(child.tag) in names)


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


# --- export -----------------------------------------------------------------------------------

def _concept_entry(concept: Concept, glossary: Glossary) -> ET.Element:
    entry = ET.Element("conceptEntry", id=_xml_id(concept.id))
    if concept.note:
        ET.SubElement(entry, "note").text = concept.note
    for column in glossary.extra_columns:
        if concept.extra.get(column):
            ET.SubElement(entry, "note").text = f"[{column}] {concept.extra[column]}"
    for lang in glossary.languages:
        terms = concept.all_terms(lang)
        if not terms:
            continue
        lang_sec = ET.SubElement(entry, "langSec", {XML_LANG: lang})
        for term in terms:
            term_sec = ET.SubElement(lang_sec, "termSec")
            ET.SubElement(term_sec, "term").text = term.text
            ET.SubElement(term_sec, "termNote", type="administrativeStatus").text = (
                STATUS_VALUES[term.status])
    return entry


def _xml_id(concept_id: str) -> str:
    """An XML ID (NCName) for a concept id: ids starting with a digit get a leading ``_``."""
    return concept_id if not concept_id[:1].isdigit() else "_" + concept_id


def format_tbx(glossary: Glossary, *, title: str = "transalign glossary") -> str:
    """The glossary as a TBX-Basic (TBX v3, DCA style) document."""
    ET.register_namespace("", TBX_NS)
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en",
                              "xmlns": TBX_NS})
    file_desc = ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc")
    for line in (title, f"languages: {' '.join(glossary.languages)}",
                 f"extra columns: {' '.join(glossary.extra_columns)}"):
        ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = line
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for concept in glossary:
        body.append(_concept_entry(concept, glossary))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_tbx(path: str | Path, glossary: Glossary, *, title: str = "transalign glossary") -> None:
    """Write the glossary to ``path`` as TBX-Basic, atomically."""
    atomic_write_text(path, format_tbx(glossary, title=title))


# --- import -----------------------------------------------------------------------------------

def _parse_xml(text: str, path: str) -> ET.Element:
    if re.search(r"<!ENTITY", text):
        raise InputError("E215", "TBX file declares XML entities, which are refused for safety",
                         path=path, hint="remove the <!ENTITY …> declarations")
    try:
        return ET.fromstring(re.sub(r"^<\?xml[^>]*\?>", "", text.lstrip()))
    except ET.ParseError as err:
        line, column = err.position
        raise InputError("E212", f"not well-formed XML (column {column + 1})", path=path,
                         line=line, hint="fix the XML or export the TBX again") from None


def _status(term_sec: ET.Element) -> Status | None:
    for element in term_sec.iter():
        name = _local(element.tag)
        if (name == "termNote" and element.get("type") in _STATUS_TYPES) or name in _STATUS_TYPES:
            value = _text(element).removesuffix("-admn-sts").lower()
            return _IMPORTED_STATUS.get(value)
    return None


def _lang(lang_sec: ET.Element, entry_id: str, path: str) -> str:
    tag = lang_sec.get(XML_LANG) or lang_sec.get("lang") or ""
    lang = tag.replace("_", "-").split("-")[0].lower()
    if not is_language_code(lang):
        raise InputError("E213", f"concept {entry_id!r}: language {tag!r} is not ISO 639-1",
                         path=path, hint="use xml:lang codes such as en, ru, be")
    return lang


def _terms(lang_sec: ET.Element) -> list[tuple[str, Status | None]]:
    found = []
    for term_sec in lang_sec.iter():
        if _local(term_sec.tag) not in ("termSec", "tig", "ntig"):
            continue
        term = next((e for e in term_sec.iter() if _local(e.tag) == "term"), None)
        if term is not None and _text(term):
            found.append((_text(term), _status(term_sec)))
    return found


def _statused(raw: list[tuple[str, Status | None]]) -> tuple[Term, ...]:
    """Give each term its status: one preferred (the first marked so, else the first allowed)."""
    allowed = [i for i, (_, status) in enumerate(raw) if status != "forbidden"]
    marked = [i for i in allowed if raw[i][1] == "preferred"]
    preferred = (marked or allowed or [-1])[0]
    return tuple(Term(text, "preferred" if i == preferred
                      else "forbidden" if status == "forbidden" else "admitted")
                 for i, (text, status) in enumerate(raw))


def _concept_id(entry: ET.Element, number: int, path: str) -> str:
    raw = entry.get("id") or f"c{number}"
    concept_id = re.sub(r"[^a-z0-9_]", "_", raw.lower())
    if re.fullmatch(r"_\d[a-z0-9_]*", concept_id):
        concept_id = concept_id[1:]
    if not ID_RE.fullmatch(concept_id):
        raise InputError("E214", f"concept id {raw!r} cannot be used", path=path,
                         hint="give every conceptEntry an id of letters, digits or _")
    return concept_id


def _concept_notes(entry: ET.Element) -> Iterator[ET.Element]:
    """Concept-level ``note`` and ``descrip type="definition"`` elements (also in descripGrp)."""
    for child in entry:
        name = _local(child.tag)
        if name == "note" or (name == "descrip" and child.get("type") == "definition"):
            yield child
        elif name == "descripGrp":
            yield from _concept_notes(child)


def _concept(entry: ET.Element, number: int, path: str) -> tuple[Concept, list[str]]:
    concept_id = _concept_id(entry, number, path)
    notes, extra = [], {}
    for note in _concept_notes(entry):
        extra_match = _EXTRA_NOTE_RE.fullmatch(_text(note))
        if extra_match:
            extra[extra_match.group(1)] = extra_match.group(2)
        elif _text(note):
            notes.append(_text(note))
    terms: dict[str, tuple[Term, ...]] = {}
    for lang_sec in _children(entry, "langSec", "langSet"):
        lang = _lang(lang_sec, concept_id, path)
        raw: list[tuple[str, Status | None]] = [(t.text, t.status) for t in terms.get(lang, ())]
        terms[lang] = _statused(raw + _terms(lang_sec))
    return Concept(concept_id, terms, " ".join(notes), extra), list(extra)


def _declared(root: ET.Element, what: str) -> list[str]:
    """Names listed in a header line ``<p>{what}: a b c</p>`` written by :func:`format_tbx`."""
    for element in root.iter():
        if _local(element.tag) == "p" and _text(element).startswith(what + ":"):
            names = _text(element)[len(what) + 1:].split()
            return [n for n in names if what != "languages" or is_language_code(n)]
    return []


def parse_tbx(text: str, *, path: str | Path = "<string>") -> Glossary:
    """Read a TBX document (v3 DCA/DCT or v2) into a glossary; languages in order of first use.

    Raises:
        InputError: E212 malformed XML, E213 bad language, E214 bad concept id or no concept,
            E215 entity declarations, E216 two concepts with the same id; E208/E209 as for
            TSV files (a term twice in a concept, or claimed by two concepts).
    """
    where = str(path)
    root = _parse_xml(text, where)
    entries = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    if not entries:
        raise InputError("E214", "no conceptEntry (or termEntry) in the TBX file", path=where,
                         hint="export a TBX glossary with at least one concept")
    concepts: dict[str, Concept] = {}
    languages = _declared(root, "languages")
    extra_columns = _declared(root, "extra columns")
    for number, entry in enumerate(entries, start=1):
        concept, extra = _concept(entry, number, where)
        if not concept.terms:
            raise InputError("E214", f"concept {concept.id!r} has no term", path=where,
                             hint="every conceptEntry needs a langSec with at least one term")
        if concept.id in concepts:
            raise InputError("E216", f"two concepts with id {concept.id!r}", path=where,
                             hint="give each conceptEntry a unique id")
        concepts[concept.id] = concept
        languages += [lang for lang in concept.terms if lang not in languages]
        extra_columns += [name for name in extra if name not in extra_columns]
    glossary = Glossary(concepts, tuple(languages), tuple(extra_columns))
    check_term_conflicts(glossary, {concept_id: Origin(where, None) for concept_id in concepts})
    return glossary


def load_tbx(path: str | Path) -> Glossary:
    """Read and parse a TBX file (see :func:`parse_tbx`)."""
    return parse_tbx(read_text(path, fixed_utf8=True), path=path)
