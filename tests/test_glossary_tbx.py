"""TBX-Basic import and export: round trips, golden file, TBX v2 and DCT input, bad files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transalign.errors import InputError
from transalign.glossary import Glossary, Term, make_concept, parse_glossary
from transalign.glossary.tbx import format_tbx, load_tbx, parse_tbx
from transalign.glossary.tsv import format_glossary

REPO = Path(__file__).resolve().parent.parent
HOUSE = REPO / "glossaries" / "cis-politics.tsv"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SAMPLE = (
    "id\ten\tru\tbe\tnote\tdomain\n"
    "donbass\tDonbass | Donbas\t!Донбас | Донбасс\tДанбас\tregion\tgeo\n"
    "1540\tResolution 1540\tрезолюция 1540\t\t\t\n"
    "byel\t!Byelorussian SSR\t!Белорусская ССР\tБССР\t& <escaped> \"note\"\t\n"
)


@pytest.mark.parametrize("source", [SAMPLE, HOUSE.read_text(encoding="utf-8")],
                         ids=["hard sample", "house glossary"])
def test_tsv_tbx_tsv_round_trip_is_identical(source: str) -> None:
    glossary = parse_glossary(source)
    back = parse_tbx(format_tbx(glossary))
    assert back == glossary
    assert format_glossary(back) == format_glossary(glossary)
    assert back.digest() == glossary.digest()


def test_export_uses_tbx_basic_v3_statuses() -> None:
    tbx = format_tbx(parse_glossary(SAMPLE))
    assert '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">' in tbx
    assert re.search(r'<term>Донбас</term>\s*<termNote type="administrativeStatus">'
                     r"deprecatedTerm-admn-sts</termNote>", tbx)
    assert '<conceptEntry id="_1540">' in tbx, "XML IDs cannot start with a digit"
    assert "<note>[domain] geo</note>" in tbx


def test_export_matches_golden_file() -> None:
    golden = FIXTURES / "glossary-sample.tbx"
    assert format_tbx(parse_glossary(SAMPLE), title="sample") == golden.read_text(encoding="utf-8")


def test_tbx_v2_import() -> None:
    glossary = load_tbx(FIXTURES / "glossary-v2.tbx")
    concept = glossary.concepts["donbass_1"]
    assert glossary.languages == ("en", "ru"), "en-GB is folded to en"
    assert concept.admitted("en") == (Term("Donbass", "preferred"), Term("Donbas", "admitted"))
    assert concept.preferred("ru") == Term("Донбасс", "preferred"), \
        "admittedTerm becomes preferred when no term is marked preferred"
    assert concept.forbidden("ru") == (Term("Донбас", "forbidden"),)
    assert concept.note == "region"


def test_dct_style_status_elements() -> None:
    text = ('<tbx xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min" '
            'type="TBX-Basic" style="dct"><text><body><conceptEntry id="x">'
            '<langSec xml:lang="en"><termSec><term>a</term><min:administrativeStatus>'
            'supersededTerm-admn-sts</min:administrativeStatus></termSec>'
            '<termSec><term>b</term></termSec></langSec></conceptEntry></body></text></tbx>')
    concept = parse_tbx(text).concepts["x"]
    assert concept.forbidden("en") == (Term("a", "forbidden"),)
    assert concept.preferred("en") == Term("b", "preferred")


BAD_TBX = [
    ("<tbx><text><body><conceptEntry id='a'>", "E212", "unclosed elements"),
    ('<!DOCTYPE t [<!ENTITY x "xxxxxxxx">]><tbx>&x;</tbx>', "E215", "entity declarations refused"),
    ("<tbx><text><body/></text></tbx>", "E214", "no concept"),
    ("<tbx><conceptEntry id='a'><langSec xml:lang='english'><termSec><term>x</term></termSec>"
     "</langSec></conceptEntry></tbx>", "E213", "language not ISO 639-1"),
    ("<tbx><conceptEntry id='a'><langSec xml:lang='en'><termSec><term>x</term></termSec></langSec>"
     "</conceptEntry><conceptEntry id='A'><langSec xml:lang='en'><termSec><term>y</term></termSec>"
     "</langSec></conceptEntry></tbx>", "E216", "ids equal once folded"),
    ("<tbx><conceptEntry id='a'><note>n</note></conceptEntry></tbx>", "E214", "a concept without terms"),
    ("<tbx><conceptEntry id='a'><langSec xml:lang='en'><termSec><term>x</term></termSec>"
     "</langSec></conceptEntry><conceptEntry id='b'><langSec xml:lang='en'><termSec><term>X"
     "</term></termSec></langSec></conceptEntry></tbx>", "E209", "a term in two concepts"),
]


@pytest.mark.parametrize(("text", "code", "reason"), BAD_TBX, ids=[row[2] for row in BAD_TBX])
def test_bad_tbx_is_rejected(text: str, code: str, reason: str) -> None:
    with pytest.raises(InputError) as info:
        parse_tbx(text, path="bad.tbx")
    assert info.value.code == code, reason


def test_definitions_import_into_the_note() -> None:
    text = ('<tbx><conceptEntry id="x"><descripGrp><descrip type="definition">A region.</descrip>'
            '</descripGrp><note>house form</note><langSec xml:lang="en"><termSec><term>X</term>'
            '</termSec></langSec></conceptEntry></tbx>')
    assert parse_tbx(text).concepts["x"].note == "A region. house form"


_WORDS = st.one_of(st.text(alphabet="abc'’- ", min_size=1, max_size=12),
                   st.text(alphabet="АбвЎў'’- ", min_size=1, max_size=12)).map(str.strip).filter(
    lambda word: bool(word) and not word.startswith("!"))


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    """Random glossaries whose terms never clash (each term carries its concept's number)."""
    concepts = {}
    for number in range(draw(st.integers(1, 4))):
        cells = {}
        for lang in ("en", "ru"):
            words = draw(st.lists(_WORDS, min_size=lang == "en", max_size=3))
            flags = draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
            cells[lang] = [("!" if flag else "") + f"{word} {number}{lang}{i}"
                           for i, (word, flag) in enumerate(zip(words, flags, strict=True))]
        concepts[f"c{number}"] = make_concept(f"c{number}", cells, draw(_WORDS))
    return Glossary(concepts, ("en", "ru"))


@settings(max_examples=60, deadline=None)
@given(glossaries())
def test_random_glossaries_survive_tsv_and_tbx(glossary: Glossary) -> None:
    from_tsv = parse_glossary(format_glossary(glossary))
    assert from_tsv == glossary
    assert parse_tbx(format_tbx(glossary)) == glossary


def test_languages_and_columns_without_values_survive_tbx() -> None:
    glossary = parse_glossary("id\tuk\ten\tnote\tsource\nx\t\tX\t\t\n")
    back = parse_tbx(format_tbx(glossary))
    assert (back.languages, back.extra_columns) == (("uk", "en"), ("source",))


@pytest.mark.parametrize(("name", "reason"), [
    ("house.tbx", "a TBX file given as --glossary loads by its suffix"),
    ("HOUSE.TBX", "the suffix in capitals too"),
])
def test_tbx_files_load_wherever_a_glossary_is_given(tmp_path: Path, name: str,
                                                     reason: str) -> None:
    from transalign.glossary import load_glossaries, load_glossary

    tbx = tmp_path / name
    tbx.write_text(format_tbx(load_glossary(HOUSE)), encoding="utf-8")
    assert load_glossary(tbx) == load_glossary(HOUSE), reason
    extra = tmp_path / "extra.tsv"
    extra.write_text("id\ten\tru\nosce\tOSCE\tОБСЕ\n", encoding="utf-8")
    merged = load_glossaries([tbx, extra])
    assert merged.concepts["osce"].preferred("be") is None, "a later TSV overrides the TBX"
