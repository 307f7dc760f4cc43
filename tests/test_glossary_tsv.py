"""Glossary model and TSV files: loading, validation of bad files, merging, writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from transalign.errors import InputError
from transalign.glossary import (
    Concept,
    Glossary,
    Term,
    load_glossaries,
    load_glossary,
    parse_glossary,
    write_glossary,
)
from transalign.glossary.model import make_concept
from transalign.glossary.tsv import format_glossary

GOOD = (
    "# house glossary sample\n"
    "id\ten\tru\tbe\tnote\tdomain\n"
    "cis\tCIS | Commonwealth of Independent States\tСНГ | Содружество Независимых Государств"
    "\tСНД\tacronym\tpolitics\n"
    "donbass\tDonbass | Donbas\t!Донбас | Донбасс\tДанбас\t\tgeo\n"
    "\n"
    "belarus\tBelarus | !Byelorussia\tБеларусь | !Белоруссия\tБеларусь\tofficial name\t\n"
    "nothing_be\tSomething\tЧто-то\t\t\t\n"
)


def test_statuses_follow_the_contract() -> None:
    glossary = parse_glossary(GOOD)
    donbass = glossary.concepts["donbass"]
    assert donbass.preferred("ru") == Term("Донбасс", "preferred")
    assert donbass.forbidden("ru") == (Term("Донбас", "forbidden"),)
    assert [t.text for t in glossary.concepts["cis"].admitted("en")] == [
        "CIS", "Commonwealth of Independent States"]
    assert glossary.concepts["nothing_be"].preferred("be") is None
    assert glossary.concepts["belarus"].note == "official name"
    assert glossary.concepts["cis"].extra == {"domain": "politics"}
    assert glossary.languages == ("en", "ru", "be")


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"))
    assert load_glossary(path) == parse_glossary(GOOD)


@pytest.mark.parametrize(("text", "reason"), [
    (GOOD.replace("\n", "\t\n").replace("# house glossary sample\t", "# house glossary sample"),
     "a trailing empty column on every line (a spreadsheet's Save As)"),
    (GOOD.replace("\n", "\t\t\r\n").replace("# house glossary sample\t\t", "# house glossary "
     "sample"), "two trailing empty columns and CRLF"),
])
def test_spreadsheet_saves_load_as_the_original(text: str, reason: str) -> None:
    assert parse_glossary(text) == parse_glossary(GOOD), reason


def test_only_forbidden_terms_leave_no_preferred() -> None:
    glossary = parse_glossary("id\ten\tru\nbyel\tByelorussian SSR\t!Белорусская ССР\n")
    concept = glossary.concepts["byel"]
    assert concept.preferred("ru") is None and concept.admitted("ru") == ()
    assert len(concept.forbidden("ru")) == 1


HEADER = "id\ten\tru\tnote\n"
BAD_FILES = [
    # (text, code, line, reason)
    ("# only a comment\n\n", "E201", None, "no header at all"),
    ("en\tru\ncis\tCIS\tСНГ\n", "E202", 1, "header lacks id"),
    ("ID\ten\tru\ncis\tCIS\tСНГ\n", "E202", 1, "id in capitals (the hint names the column)"),
    ("id\ten\ten\n", "E202", 1, "a column given twice"),
    ("id\tnote\n", "E202", 1, "no language column"),
    ("id\tsrc\ttgt\n1\tCIS\tСНГ\n", "E202", 1, "an aligned TSV given as a glossary"),
    ("id\tEN\tru\n", "E203", 1, "language code in capitals"),
    ("id\ten-US\tru\n", "E203", 1, "region subtag is not ISO 639-1"),
    ("id\ten\txx\n", "E203", 1, "xx is no language"),
    ("id\teng\trus\ncis\tCIS\tСНГ\n", "E203", 1, "three-letter codes (the hint names en)"),
    ("id\ten\tru\tbel\ncis\tCIS\tСНГ\tСНД\n", "E203", 1, "one three-letter code among "
     "two-letter ones would silently be an ignored extra column"),
    ("id\ten\tru\tBelarusian\ncis\tCIS\tСНГ\tСНД\n", "E203", 1, "a language name as a column"),
    (HEADER + "cis\tCIS\tСНГ\n", "E204", 2, "too few fields (note missing)"),
    (HEADER + "cis\tCIS\tСНГ\t\textra\n", "E204", 2, "too many fields"),
    (HEADER + "cis\tCIS СНГ\t\n", "E204", 2, "a space typed where a tab belongs"),
    ("id\ten\t\tru\ncis\tCIS\t\tСНГ\n", "E202", 1, "an empty column name between others"),
    (HEADER + "CIS\tCIS\tСНГ\t\n", "E205", 2, "id in capitals"),
    (HEADER + "the-cis\tCIS\tСНГ\t\n", "E205", 2, "hyphen in id"),
    (HEADER + "\tCIS\tСНГ\t\n", "E205", 2, "empty id"),
    (HEADER + "cis\tCIS\tСНГ\t\n# c\ncis\tCommonwealth\tСодружество\t\n", "E206", 4,
     "duplicate id, line counted across a comment"),
    (HEADER + "cis\tCIS | \tСНГ\t\n", "E207", 2, "trailing separator leaves an empty term"),
    (HEADER + "cis\tCIS | !\tСНГ\t\n", "E207", 2, "a lone ! is an empty forbidden term"),
    (HEADER + "cis\tCIS | CIS\tСНГ\t\n", "E208", 2, "same term twice in one concept"),
    (HEADER + "cis\tCIS\tСНГ | !СНГ\t\n", "E208", 2, "term both allowed and forbidden"),
    (HEADER + "cis\tCIS\tСНГ\t\ncis2\tCommonwealth\tСНГ\t\n", "E209", 3,
     "a ru term claimed by two concepts"),
    (HEADER + "a\tMinsk Agreements\tА\t\nb\tminsk agreements\tБ\t\n", "E209", 3,
     "claims compare case-folded"),
    (HEADER + "a\tBelarus\t!Белоруссия\t\nb\tBelorussia\tБелоруссия\t\n", "E209", 3,
     "forbidden in one concept, allowed in another"),
    (HEADER + "cis\tCIS\tCНГ\t\n", "E217", 2, "Latin C typed in a Cyrillic acronym"),
    (HEADER + "cis\tCIS\tСНГ\t\nempty\t\t\tonly a note\n", "E218", 3, "a row without terms"),
    (HEADER + "x\tMinsk\t!Mинск\t\n", "E217", 2, "a forbidden term is checked too"),
]


@pytest.mark.parametrize(("text", "code", "line", "reason"), BAD_FILES,
                         ids=[row[3] for row in BAD_FILES])
def test_bad_files_are_rejected_whole(tmp_path: Path, text: str, code: str, line: int | None,
                                      reason: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_glossary(path)
    assert (info.value.code, info.value.line) == (code, line), reason
    assert info.value.path == str(path) and info.value.hint


def test_mixed_scripts_across_a_hyphen_are_fine() -> None:
    assert len(parse_glossary(HEADER + "it\tIT park\tIT-парк\t\n")) == 1


def test_two_concepts_may_forbid_the_same_term() -> None:
    text = HEADER + "a\tBelarus\t!Белоруссия\t\nb\tBelarusian SSR\t!Белоруссия\t\n"
    assert len(parse_glossary(text)) == 2


def test_later_files_override_by_id(tmp_path: Path) -> None:
    base, local = tmp_path / "base.tsv", tmp_path / "local.tsv"
    base.write_text(GOOD, encoding="utf-8")
    local.write_text("id\ten\tuk\ndonbass\tDonbas\tДонбас\nnew\tNew term\tНовий термін\n",
                     encoding="utf-8")
    merged = load_glossaries([base, local])
    assert merged.concepts["donbass"].preferred("en") == Term("Donbas", "preferred")
    assert merged.concepts["donbass"].preferred("ru") is None, "the whole concept is replaced"
    assert list(merged.concepts)[:2] == ["cis", "donbass"], "overridden concepts keep their place"
    assert merged.languages == ("en", "ru", "be", "uk")
    assert "new" in merged and "belarus" in merged


def test_merging_rechecks_claims(tmp_path: Path) -> None:
    base, local = tmp_path / "base.tsv", tmp_path / "local.tsv"
    base.write_text(GOOD, encoding="utf-8")
    local.write_text("id\ten\ncommonwealth\tCommonwealth of Independent States\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_glossaries([base, local])
    assert (info.value.code, info.value.path, info.value.line) == ("E209", str(local), 2)


def test_no_files_is_an_error() -> None:
    with pytest.raises(InputError, match="E210"):
        load_glossaries([])


def test_write_then_load_is_identity(tmp_path: Path) -> None:
    glossary = parse_glossary(GOOD)
    path = tmp_path / "out.tsv"
    write_glossary(path, glossary)
    again = load_glossary(path)
    assert again == glossary and again.digest() == glossary.digest()
    assert again.concepts["cis"].extra == {"domain": "politics"}
    assert "\t!Донбас | Донбасс\t" in path.read_text(encoding="utf-8"), "file order is kept"


def test_writer_puts_preferred_before_admitted() -> None:
    concept = make_concept("x", {"en": ["a"]}).__class__(
        "x", {"en": (Term("c", "forbidden"), Term("b", "admitted"), Term("a", "preferred"))})
    glossary = parse_glossary("id\ten\n").__class__({"x": concept}, ("en",))
    text = format_glossary(glossary)
    assert "x\t!c | a | b\t" in text
    assert parse_glossary(text).concepts["x"].admitted("en") == concept.admitted("en")


def test_digest_tracks_content_not_order() -> None:
    glossary = parse_glossary(GOOD)
    lines = GOOD.splitlines()
    shuffled = parse_glossary("\n".join([lines[1], lines[6], lines[2], lines[3]]) + "\n")
    subset = parse_glossary("\n".join([lines[1], lines[2], lines[3], lines[6]]) + "\n")
    assert shuffled.digest() == subset.digest()
    assert subset.digest() != glossary.digest()
    changed = parse_glossary(GOOD.replace("Данбас", "Донбас"))
    assert changed.digest() != glossary.digest()


def test_concept_invariant_is_enforced() -> None:
    with pytest.raises(ValueError, match="preferred"):
        make_concept("x", {"en": ["a"]}).__class__(
            "x", {"en": (Term("a", "preferred"), Term("b", "preferred"))})


@pytest.mark.parametrize(("term", "reason"), [
    ("tab\there", "a tab would split the cell"),
    ("either | or", "a bar would split the term"),
    ("!bang", "a leading ! would read back as forbidden"),
])
def test_writer_refuses_unwritable_terms(term: str, reason: str) -> None:
    bad = Glossary({"b": Concept("b", {"en": (Term(term, "preferred"),)})}, ("en",))
    with pytest.raises(InputError, match="E211"):
        format_glossary(bad)


def test_whitespace_inside_terms_and_notes_is_collapsed() -> None:
    concept = parse_glossary("id\ten\tnote\nx\tMinsk   agreements\ta  note\n").concepts["x"]
    assert (concept.all_terms("en")[0].text, concept.note) == ("Minsk agreements", "a note")


def test_concepts_and_glossaries_are_hashable() -> None:
    glossary = parse_glossary(GOOD)
    assert len({*glossary, *parse_glossary(GOOD)}) == len(glossary)
    assert hash(glossary) == hash(parse_glossary(GOOD))
