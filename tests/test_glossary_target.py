"""Target-side term matching: any inflected form, word boundaries, longest match, statuses."""

from __future__ import annotations

import pytest

from transalign.glossary import load_glossary, parse_glossary
from transalign.glossary.target import TargetMatcher

GLOSSARY = parse_glossary(
    "id\ten\tru\tbe\n"
    "cis\tCIS\tСНГ | Содружество Независимых Государств\tСНД | Садружнасць Незалежных Дзяржаў"
    " | !СНГ\n"
    "donbass\tDonbass\tДонбасс | !Донбас\tДанбас | !Донбас\n"
    "minsk\tMinsk\tМинск\tМінск\n"
    "minsk_agreements\tMinsk agreements\tМинские соглашения\tМінскія пагадненні\n"
    "belarus\tBelarus\tБеларусь | !Белоруссия\tБеларусь\n"
    "osce\tOSCE\tОБСЕ\tАБСЕ | !ОБСЕ\n"
    "osce_pa\tOSCE Parliamentary Assembly\tПарламентская ассамблея ОБСЕ\t"
    "Парламенцкая асамблея АБСЕ\n"
    "unified\tjoint system\tобъединённая система\tаб'яднаная сістэма\n"
    "interior\tinterior ministry\tминистерство внутренних дел\tміністэрства ўнутраных спраў\n"
)

FOUND = [
    ("ru", "Благодаря Минским соглашениям там", "minsk_agreements", "Минским соглашениям",
     "preferred", "dative plural of a two-word term"),
    ("ru", "мира в Донбассе при", "donbass", "Донбассе", "preferred", "locative"),
    ("ru", "в Донбасе", "donbass", "Донбасе", "forbidden", "forbidden spelling, inflected"),
    ("ru", "Белоруссии и России", "belarus", "Белоруссии", "forbidden", "forbidden name"),
    ("ru", "потенциала Содружества Независимых Государств.", "cis",
     "Содружества Независимых Государств", "admitted", "admitted full name, genitive"),
    ("ru", "создать объединенную систему", "unified", "объединенную систему", "preferred",
     "ё in the term, е in the text"),
    ("ru", "в\u00a0Минске", "minsk", "Минске", "preferred", "after a no-break space"),
    ("ru", "МИНСКИЕ СОГЛАШЕНИЯ", "minsk_agreements", "МИНСКИЕ СОГЛАШЕНИЯ", "preferred",
     "lower-case terms match in any case"),
    ("ru", "Минским\nсоглашениям", "minsk_agreements", "Минским\nсоглашениям", "preferred",
     "a line break between words"),
    ("be", "Дзякуючы Мінскім пагадненням там", "minsk_agreements", "Мінскім пагадненням",
     "preferred", "dative plural"),
    ("be", "міру на Данбасе пры", "donbass", "Данбасе", "preferred", "locative"),
    ("be", "ад СНГ", "cis", "СНГ", "forbidden", "Russian acronym in a Belarusian text"),
    ("be", "і Садружнасці Незалежных Дзяржаў", "cis", "Садружнасці Незалежных Дзяржаў",
     "admitted", "feminine soft head in the genitive"),
    ("be", "Міністэрствам унутраных спраў даручана", "interior",
     "Міністэрствам унутраных спраў", "preferred", "у/ў alternation at a word start"),
    ("be", "стварыць аб’яднаную сістэму", "unified", "аб’яднаную сістэму", "preferred",
     "curly apostrophe in the text, straight in the term"),
    ("be", "у Мінску", "minsk", "Мінску", "preferred", "locative -у"),
]


@pytest.mark.parametrize(("lang", "text", "concept", "span", "status", "reason"), FOUND)
def test_finds_inflected_forms(lang: str, text: str, concept: str, span: str, status: str,
                               reason: str) -> None:
    matches = TargetMatcher(GLOSSARY, lang).find(text)
    assert [(m.concept_id, m.text, m.status) for m in matches] == [(concept, span, status)], reason
    match = matches[0]
    assert text[match.start:match.end] == span, "offsets point into the original text"


NOT_FOUND = [
    ("ru", "Минскому", "Минск is not found inside another word's stem"),
    ("ru", "минскими трамваями", "an adjective form is not the city"),
    ("ru", "снг", "a term in capitals matches case-sensitively"),
    ("ru", "ПРЕСНГ", "no match inside a longer word"),
]


@pytest.mark.parametrize(("lang", "text", "reason"), NOT_FOUND)
def test_does_not_match(lang: str, text: str, reason: str) -> None:
    assert TargetMatcher(GLOSSARY, lang).find(text) == [], reason


def test_longest_match_wins_and_find_all_keeps_nested() -> None:
    matcher = TargetMatcher(GLOSSARY, "ru")
    text = "сессии Парламентской ассамблеи ОБСЕ в Минске"
    assert [m.concept_id for m in matcher.find(text)] == ["osce_pa", "minsk"]
    assert [m.concept_id for m in matcher.find_all(text)] == ["osce_pa", "osce", "minsk"]


def test_term_field_names_the_dictionary_form() -> None:
    match = TargetMatcher(GLOSSARY, "be").find("на Данбасе")[0]
    assert match.term == "Данбас"


def test_house_glossary_finds_every_corpus_term(corpus: object) -> None:
    from pathlib import Path

    from transalign.glossary import default_glossary_path

    glossary = load_glossary(default_glossary_path())
    base = Path(str(corpus))
    for lang, expected in (("ru", "Минским соглашениям"), ("be", "Мінскім пагадненням")):
        text = (base / f"cis-ministers.{lang}.txt").read_text(encoding="utf-8")
        found = {m.text for m in TargetMatcher(glossary, lang).find(text)}
        assert expected in found


def test_english_target_number_and_possessive() -> None:
    matcher = TargetMatcher(GLOSSARY, "en")
    found = matcher.find("The OSCE's view of the Minsk agreement.")
    assert [(m.concept_id, m.text) for m in found] == [("osce", "OSCE"),
                                                      ("minsk_agreements", "Minsk agreement")]


def test_forbidden_russian_word_in_belarusian_takes_russian_endings() -> None:
    glossary = parse_glossary("id\ten\tbe\nbelarus\tBelarus\tБеларусь | !Белоруссия\n")
    found = TargetMatcher(glossary, "be").find("з Белоруссией і ў Белоруссии")
    assert [(m.text, m.status) for m in found] == [("Белоруссией", "forbidden"),
                                                  ("Белоруссии", "forbidden")]


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_every_generated_form_of_the_house_glossary_is_found(lang: str) -> None:
    """Round trip: each inflected form of each house term, inside a sentence, is found as its
    concept (or as a concept whose term contains it, when the form is also a longer term)."""
    from transalign.glossary import default_glossary_path
    from transalign.morph import inflect

    glossary = load_glossary(default_glossary_path())
    matcher = TargetMatcher(glossary, lang)
    misses = []
    for concept in glossary:
        for term in concept.all_terms(lang):
            for form in inflect(term.text, lang):
                found = matcher.find_all(f"Сёння ({form}) — {form}.")
                if concept.id not in {m.concept_id for m in found}:
                    misses.append((concept.id, form))
    assert misses == []
