"""The glossary step end to end on the tiny test model (real tokenizer, random weights).

Presence is checked independently of the target matcher: a form from ``morph.inflect`` must
stand in the output as whole words (``terms.contains_form``).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from transalign.cli.main import main
from transalign.constrained import make_enforcer, terms
from transalign.glossary import Glossary, SourceMatcher, default_glossary_path, load_glossary, make_concept
from transalign.morph import inflect
from transalign.translate.marian import MarianTranslator
from transalign.translate.models import locate_model

SENTENCES = [
    "The CIS and the OSCE met in Minsk.",
    "Belarus supports the Minsk agreements on Donbass.",
    "Nothing from the glossary here, only weather.",
]


@pytest.fixture(scope="module")
def translator(tiny_model: Path) -> MarianTranslator:
    return MarianTranslator(locate_model(str(tiny_model)))


@pytest.fixture(scope="module")
def house() -> Glossary:
    return load_glossary(default_glossary_path())


def _constraints(glossary: Glossary, sentence: str, lang: str) -> list[terms.TermConstraint]:
    ids = [m.concept_id for m in SourceMatcher(glossary, "en").find(sentence)]
    return terms.sentence_constraints(glossary, ids, lang)


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_every_concept_appears_and_none_forbidden(translator: MarianTranslator, house: Glossary,
                                                   lang: str) -> None:
    enforcer = make_enforcer()
    outputs = enforcer.translate(translator, SENTENCES, lang, house)
    plain = translator.translate_plain(SENTENCES, lang)
    assert enforcer.stats["plain"] == 1 and enforcer.stats["n_best"] + enforcer.stats["constrained"] == 2
    expected = [_constraints(house, s, lang) for s in SENTENCES]
    assert sum(map(len, expected)) >= 6, "the sentences must hold glossary concepts"
    for out, wanted in zip(outputs, expected, strict=True):
        assert terms.missing(out.text, wanted) == [], out.text
        assert terms.forbidden_used(out.text, wanted) == []
        assert not [i for i in out.issues if i.startswith("term-")]
    plain_hits = sum(len(w) - len(terms.missing(p.text, w)) for p, w in zip(plain, expected, strict=True))
    assert plain_hits < sum(map(len, expected)) // 2, "without the glossary the model rarely writes them"
    assert outputs[2].text == plain[2].text, "a sentence without concepts is translated as usual"


def test_n_best_hypothesis_meeting_the_constraint_is_taken(translator: MarianTranslator) -> None:
    """Step 1: a word the model ranks second is taken from the n-best list as it is."""
    sentence = "The forum opened in the morning."
    n_best = translator.generate([sentence], "ru", num_return_sequences=translator.settings.beam_size)[0]
    first_words = set(n_best[0].text.split())
    pick = next(((h, w) for h in n_best[1:] for w in h.text.split()
                 if w not in first_words and w.isalpha() and len(w) > 3), None)
    if pick is None:
        pytest.skip("the n-best list of this model has no distinct word to ask for")
    hypothesis, word = pick
    glossary = Glossary({"probe": make_concept("probe", {"en": ["forum"], "ru": [word]})}, ("en", "ru"))
    enforcer = make_enforcer()
    [out] = enforcer.translate(translator, [sentence], "ru", glossary)
    assert enforcer.stats["n_best"] == 1 and enforcer.stats["constrained"] == 0
    first_with_word = next(h for h in n_best if terms.contains_form(h.text, (word,)))
    assert out.text == first_with_word.text
    assert hypothesis is not None


def test_forbidden_term_is_banned_during_search(translator: MarianTranslator) -> None:
    """Ask for a term whose forbidden twin shares its first pieces: only the admitted one appears."""
    concept = make_concept("donbass", {"en": ["Donbass"], "ru": ["Донбасс", "!Донбас"]})
    glossary = Glossary({"donbass": concept}, ("en", "ru"))
    outputs = make_enforcer().translate(translator, ["Donbass again.", "Peace in Donbass."], "ru", glossary)
    for out in outputs:
        assert terms.contains_form(out.text, ("Донбасс", "Донбасса", "Донбассе", "Донбассу", "Донбассом"))
        assert not terms.contains_form(out.text, ("Донбас", "Донбаса", "Донбасе", "Донбасу", "Донбасом"))


def test_cli_translate_with_glossary_writes_terms_and_issues(tiny_model: Path, tmp_path: Path) -> None:
    story = tmp_path / "brief.en.txt"
    story.write_text("The CIS and the OSCE met in Minsk.\n\nNothing else happened.\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["translate", "--src-lang", "en", "--to", "ru", "--model", str(tiny_model), "--out", str(out),
                 "--glossary", str(default_glossary_path()), "--quiet", str(story)])
    assert code == 0
    [tsv] = out.glob("*.en-ru.tsv")
    with tsv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    house = load_glossary(default_glossary_path())
    for concept_id in ("cis", "osce"):  # any admitted term, in any form, may carry the concept
        admitted = house.concepts[concept_id].admitted("ru")
        forms = [form for term in admitted for form in inflect(term.text, "ru")]
        assert terms.contains_form(rows[0]["tgt"], tuple(forms)), concept_id
    assert "term-missing" not in rows[0].get("issues", "")


def test_unmeetable_constraint_keeps_the_plain_best_and_reports_it(tiny_model: Path, house: Glossary) -> None:
    """Two output tokens cannot hold ``Минские соглашения``: the plain best stays, flagged."""
    from transalign.translate.settings import GenerationSettings

    short = MarianTranslator(locate_model(str(tiny_model)), GenerationSettings(fixed_new_tokens=2))
    sentence = "The Minsk agreements remain the basis."
    plain_best = short.generate([sentence], "ru", num_return_sequences=4)[0][0]
    enforcer = make_enforcer()
    [out] = enforcer.translate(short, [sentence], "ru", house)
    assert "term-missing:minsk_agreements" in out.issues
    assert out.text == plain_best.text
    assert enforcer.stats["incomplete"] == 1
