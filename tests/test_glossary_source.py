"""Source-side term matching: a table of hard cases, each with its reason."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transalign.glossary import SourceMatcher, parse_glossary
from transalign.glossary.source import english_forms
from transalign.glossary.text import fold_char, light_char, normalise_with_offsets

GLOSSARY = parse_glossary(
    "id\ten\tru\tbe\n"
    "cis\tCIS | Commonwealth of Independent States\tСНГ | Содружество Независимых Государств"
    "\tСНД | Садружнасць Незалежных Дзяржаў\n"
    "osce\tOSCE\tОБСЕ\tАБСЕ\n"
    "osce_pa\tOSCE Parliamentary Assembly | OSCE PA\tПарламентская ассамблея ОБСЕ | ПА ОБСЕ"
    "\tПарламенцкая асамблея АБСЕ\n"
    "minsk\tMinsk\tМинск\tМінск\n"
    "minsk_agreements\tMinsk agreements\tМинские соглашения\tМінскія пагадненні\n"
    "belarus\tBelarus | !Byelorussia | !Belorussia\tБеларусь | !Белоруссия\tБеларусь\n"
    "donbass\tDonbass | Donbas\tДонбасс | !Донбас\tДанбас\n"
    "un\tUN | United Nations | U.N.\tООН\tААН\n"
    "us\tUS\tСША\tЗША\n"
    "anti_terrorism_center\tAnti-Terrorism Center | ATC\tАнтитеррористический центр\t"
    "Антытэрарыстычны цэнтр\n"
    "security_council\tSecurity Council\tСовет Безопасности\tСавет Бяспекі\n"
    "un_security_council\tUN Security Council\tСовет Безопасности ООН\tСавет Бяспекі ААН\n"
    "fm_council\tCouncil of Foreign Ministers\tСовет министров иностранных дел\t"
    "Савет міністраў замежных спраў\n"
    "summit\tsummit\tсаммит\tсаміт\n"
    "family\tfamily\tсемья\tсям'я\n"
    "interior\tinterior affairs\tвнутренние дела\tва унутраных справах\n"
)

CASES = [
    # (text, expected [(concept, matched text)], reason)
    ("The CIS summit", [("cis", "CIS"), ("summit", "summit")], "plain acronym and word"),
    ("precise decisions", [], "CIS inside another word is no match"),
    ("the cis countries", [], "a term in capitals matches case-sensitively"),
    ("THE SUMMIT", [("summit", "SUMMIT")], "other terms match in any case"),
    ("OSCE's role", [("osce", "OSCE")], "possessive 's, straight apostrophe, not in the span"),
    ("OSCE’s role", [("osce", "OSCE")], "possessive with a curly apostrophe"),
    ("Belarus’ stance", [("belarus", "Belarus")], "bare possessive after a final s"),
    ("Belarus' stance", [("belarus", "Belarus")], "bare possessive, straight apostrophe"),
    ("the Minsk agreements", [("minsk_agreements", "Minsk agreements")],
     "longest match: one concept, not Minsk"),
    ("the Minsk agreement's terms", [("minsk_agreements", "Minsk agreement")],
     "singular of a plural term, then a possessive"),
    ("all summits", [("summit", "summits")], "plural of a singular term"),
    ("Minsk  \n agreements", [("minsk_agreements", "Minsk  \n agreements")],
     "any run of whitespace between words"),
    ("an OSCE-led mission", [("osce", "OSCE")], "hyphenated compound, term on the left"),
    ("a pro-OSCE stance", [("osce", "OSCE")], "hyphenated compound, term on the right"),
    ("the OSCE Parliamentary Assembly", [("osce_pa", "OSCE Parliamentary Assembly")],
     "longest match over the acronym inside it"),
    ("the OSCE parliamentary assembly", [("osce_pa", "OSCE parliamentary assembly")],
     "mixed-case term folded as a whole"),
    ("the UN Security Council", [("un_security_council", "UN Security Council")],
     "longest of three overlapping candidates"),
    ("the Security Council", [("security_council", "Security Council")], "shorter concept alone"),
    ("Anti‑Terrorism Center", [("anti_terrorism_center", "Anti‑Terrorism Center")],
     "non-breaking hyphen equals a hyphen"),
    ("the Anti-Terrorism Centers", [("anti_terrorism_center", "Anti-Terrorism Centers")],
     "plural of the last word of a multi-word term"),
    ("us and US", [("us", "US")], "US in capitals is not the pronoun us"),
    ("Byelorussia", [("belarus", "Byelorussia")], "forbidden terms are found in source text"),
    ("Donbass and Donbas", [("donbass", "Donbass"), ("donbass", "Donbas")], "admitted variant"),
    ("Belaruss", [], "no singular/plural games with proper names"),
    ("CIS2", [], "a digit continues the word"),
    ("", [], "empty text"),
    ("the U.N.-backed plan", [("un", "U.N.")], "dotted acronym before a hyphen"),
    ("at the U.N.", [("un", "U.N.")], "dotted acronym at the end of the text"),
    ("“CIS”", [("cis", "CIS")], "curly quotes are boundaries"),
    ("CIS’s", [("cis", "CIS")], "possessive of an acronym ending in S"),
    ("CIS' members", [("cis", "CIS")], "bare possessive of an acronym"),
    ("Minsk\u00a0agreements", [("minsk_agreements", "Minsk\u00a0agreements")],
     "no-break space inside a term"),
    ("Min\u00adsk agreements", [("minsk_agreements", "Min\u00adsk agreements")],
     "soft hyphen inside a word is ignored"),
    ("(CIS)", [("cis", "CIS")], "brackets are boundaries"),
    ("Commonwealth of Independent States’ members",
     [("cis", "Commonwealth of Independent States")], "long form with a possessive"),
]


@pytest.mark.parametrize(("text", "expected", "reason"), CASES, ids=[c[2] for c in CASES])
def test_english_source_matching(text: str, expected: list[tuple[str, str]], reason: str) -> None:
    found = SourceMatcher(GLOSSARY, "en").find(text)
    assert [(m.concept_id, m.text) for m in found] == expected, reason
    assert all(text[m.start:m.end] == m.text for m in found)


CASES_RU_BE = [
    ("ru", "Страны СНГ и ОБСЕ", [("cis", "СНГ"), ("osce", "ОБСЕ")], "acronyms in Cyrillic"),
    ("ru", "в снг", [], "Cyrillic acronym is case-sensitive too"),
    ("ru", "МИНСКИЕ СОГЛАШЕНИЯ", [("minsk_agreements", "МИНСКИЕ СОГЛАШЕНИЯ")],
     "Cyrillic case folding"),
    ("ru", "Совет Безопасности ООН", [("un_security_council", "Совет Безопасности ООН")],
     "longest match in Russian"),
    ("ru", "ОБСЕшный", [], "no match inside a Russian word"),
    ("be", "сям'я і сям’я", [("family", "сям'я"), ("family", "сям’я")],
     "Belarusian apostrophe inside a word, both apostrophes"),
    ("be", "Данбас", [("donbass", "Данбас")], "Belarusian term"),
    ("be", "ва ўнутраных справах", [("interior", "ва ўнутраных справах")],
     "у/ў alternation: the term is written with у"),
]


@pytest.mark.parametrize(("lang", "text", "expected", "reason"), CASES_RU_BE,
                         ids=[c[3] for c in CASES_RU_BE])
def test_russian_belarusian_source(lang: str, text: str, expected: list[tuple[str, str]],
                                   reason: str) -> None:
    matcher = SourceMatcher(GLOSSARY, lang, inflect=lambda term, _lang: [term])
    assert [(m.concept_id, m.text) for m in matcher.find(text)] == expected, reason


def test_inflection_hook_adds_forms() -> None:
    forms = {"Минские соглашения": ["Минские соглашения", "Минских соглашений"]}
    matcher = SourceMatcher(GLOSSARY, "ru", inflect=lambda term, _lang: forms.get(term, [term]))
    found = matcher.find("выполнение Минских соглашений")
    assert [(m.concept_id, m.text) for m in found] == [("minsk_agreements", "Минских соглашений")]


def test_written_term_beats_generated_form() -> None:
    glossary = parse_glossary("id\ten\nagreement\tagreement\nagreements\tagreements\n")
    found = SourceMatcher(glossary, "en").find("agreements and agreement")
    assert [m.concept_id for m in found] == ["agreements", "agreement"]


@pytest.mark.parametrize(("term", "forms", "reason"), [
    ("Minsk agreements", ["Minsk agreements", "Minsk agreement"],
     "plural common noun: its singular"),
    ("Belarus", ["Belarus"],
     "capitalised word ending in s: leave it alone"),
    ("CIS", ["CIS", "CISs"], "acronym: only an s plural"),
    ("country", ["country", "countries"], "consonant + y"),
    ("Heads of State", ["Heads of State", "Heads of States"], "capitalised last word: plural only"),
    ("process", ["process", "processes"], "-ss is not a plural"),
    ("head of state", ["head of state", "head of states", "heads of state"],
     "X of Y: the head X takes the plural too"),
    ("weapons of mass destruction",
     ["weapons of mass destruction", "weapons of mass destructions", "weapon of mass destruction"],
     "X of Y: a plural head gets its singular"),
])
def test_english_forms(term: str, forms: list[str], reason: str) -> None:
    assert english_forms(term) == forms, reason


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="CISOEabc -'’s\n", max_size=40))
def test_matches_are_disjoint_spans_of_the_text(text: str) -> None:
    found = SourceMatcher(GLOSSARY, "en").find(text)
    for match in found:
        assert text[match.start:match.end] == match.text
    for left, right in itertools.pairwise(found):
        assert left.end <= right.start


def _reference_normalise(text: str, fold: bool) -> tuple[str, list[int]]:
    convert = fold_char if fold else light_char
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        mapped = convert(char)
        if mapped and not (mapped == " " and chars and chars[-1] == " "):
            chars.append(mapped)
            offsets.append(index)
    return "".join(chars), offsets


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aZёЁўЎ’'‑ \n\t\u00a0\u00adİΣσx", max_size=30), st.booleans())
def test_fast_normalisation_equals_the_per_character_rule(text: str, fold: bool) -> None:
    normalised, offsets = normalise_with_offsets(text, fold=fold)
    assert (normalised, list(offsets)) == _reference_normalise(text, fold)


@pytest.mark.parametrize(("text", "term", "status", "reason"), [
    ("the Minsk agreement's terms", "Minsk agreements", "preferred", "dictionary form of a singular"),
    ("Byelorussia", "Byelorussia", "forbidden", "the source itself uses a banned variant"),
    ("Donbas", "Donbas", "admitted", "admitted variant"),
])
def test_matches_name_the_glossary_term(text: str, term: str, status: str, reason: str) -> None:
    (match,) = SourceMatcher(GLOSSARY, "en").find(text)
    assert (match.term, match.status) == (term, status), reason


@pytest.mark.parametrize(("text", "compound", "reason"), [
    ("an OSCE-led mission", True, "hyphen after the term"),
    ("a pro-OSCE stance", True, "hyphen before the term"),
    ("the OSCE - and others", False, "a spaced hyphen is punctuation"),
    ("OSCE-", False, "a hyphen with no word after it"),
    ("the OSCE.", False, "plain mention"),
])
def test_compound_flag(text: str, compound: bool, reason: str) -> None:
    (match,) = SourceMatcher(GLOSSARY, "en").find(text)
    assert match.compound is compound, reason
