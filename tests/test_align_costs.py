"""Each cost term of the aligner, on real cases: numbers, names, marks, lengths, paragraphs, MT."""

from __future__ import annotations

import math

import numpy as np
import pytest

from transalign.align.anchors import mark_keys, month_number, number_keys, word_keys
from transalign.align.beads import BEAD_TYPES, bead_type
from transalign.align.features import DocumentFeatures, document_features, sentence_keys
from transalign.align.lengths import LengthModel, log_erfc
from transalign.align.lexicon import default_lexicon
from transalign.align.mt import ChrfSimilarity
from transalign.align.scoring import BeadScorer, CostWeights
from transalign.align.translit import name_key, to_latin


@pytest.mark.parametrize(
    ("en", "other", "lang", "why"),
    [
        ("grew by 3.5%", "вырос на 3,5%", "ru", "decimal point vs decimal comma"),
        ("1,000 people", "1 000 человек", "ru", "English thousands comma vs space"),
        ("10 000 000 tonnes", "10 000 000 тонн", "be", "several space groups"),
        ("the 26th session", "26-й сессии", "ru", "ordinal suffixes"),
        ("for 2019-2023", "на 2019–2023 годы", "ru", "hyphen vs en dash in a range"),
        ("on 6 April", "6 апреля", "ru", "a month name counts as a number"),
        ("in May 2018", "у траўні 2018 года", "be", "Belarusian month stem, inflected"),
        ("$92 billion", "$92 млрд", "ru", "currency sign ignored, scale words"),
        ("on 6 April 2018", "06.04.2018", "ru", "a numeric date's month is the month name"),
        ("won 3-1 on Sunday", "победили со счетом 3:1", "ru", "a score: English hyphen, Russian colon"),
        ("a 2-0 win", "перамога 2:0", "be", "a score with a zero"),
        ("at 10:30", "в 10:30", "ru", "a time (two-digit minutes) stays one number"),
    ],
)
def test_numbers_match_across_conventions(en: str, other: str, lang: str, why: str) -> None:
    def keys(text: str, code: str) -> list[str]:
        return sorted(number_keys(text, code) + [k for k in word_keys(text, code) if k.startswith("num:")])

    assert keys(en, "en") == keys(other, lang), why


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [("3.5", "35", "a decimal is not the digits run together"),
     ("2018", "2019", "different years"), ("1,5", "15", "Russian decimal comma")],
)
def test_different_numbers_differ(a: str, b: str, why: str) -> None:
    assert number_keys(a, "ru") != number_keys(b, "ru"), why


@pytest.mark.parametrize(
    ("word", "lang", "month", "why"),
    [("May", "en", 5, "capitalised May is the month"), ("may", "en", None, "lower-case may is a verb"),
     ("мая", "ru", 5, "genitive of май"), ("марта", "ru", 3, "stem match"),
     ("красавіка", "be", 4, "Belarusian April"), ("маленький", "ru", None, "no stem for May")],
)
def test_month_names(word: str, lang: str, month: int | None, why: str) -> None:
    assert month_number(word, lang) == month, why


@pytest.mark.parametrize(
    ("names", "why"),
    [
        ((("Lukashenko", "en"), ("Лукашенко", "ru"), ("Лукашэнка", "be")), "ru and be spellings"),
        ((("Aleksandr", "en"), ("Александр", "ru"), ("Аляксандр", "be")), "я/ya and vowel changes"),
        ((("Lebedev", "en"), ("Лебедеву", "ru"), ("Лебедзеву", "be")), "dative case and дз"),
        ((("Sergei", "en"), ("Сергею", "ru"), ("Сяргею", "be")), "Belarusian г is h"),
        ((("Tajikistan", "en"), ("Таджикистане", "ru")), "дж is j, locative ending"),
        ((("Minsk", "en"), ("Минским", "ru"), ("Мінскім", "be")), "adjective from a name"),
    ],
)
def test_names_match_by_transliteration(names: tuple[tuple[str, str], ...], why: str) -> None:
    keys = {name_key(word, lang) for word, lang in names}
    assert len(keys) == 1 and None not in keys, why


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [(("Lukashenko", "en"), ("Лебедев", "ru"), "different people"),
     (("Moscow", "en"), ("Минск", "ru"), "different cities")],
)
def test_different_names_differ(a: tuple[str, str], b: tuple[str, str], why: str) -> None:
    assert name_key(*a) != name_key(*b), why


def test_transliteration_keeps_case_and_other_characters() -> None:
    assert to_latin("Жыве Беларусь, 2024!", "be") == "Zhyve Belarus, 2024!"
    assert to_latin("Щука", "ru") == "Shchuka"


@pytest.mark.parametrize(
    ("text", "known", "names", "why"),
    [("Minsk hosted Lukashenko", frozenset(), ["Lukashenko"], "sentence-initial word unknown as a name"),
     ("Minsk hosted Lukashenko", frozenset({"mnsk"}), ["Minsk", "Lukashenko"], "Minsk seen elsewhere"),
     ("Critics praised Kupala’s play", frozenset(), ["Kupala"], "possessive dropped before keying"),
     ("Fans of Dinamo-Brest cheered.", frozenset(), ["Dinamo", "Brest"], "capitalised compound, by part"),
     ("He met Dinamo Brest Players At Home.", frozenset(), ["Dinamo", "Brest", "Players"],
      "a sentence with a full stop is not a title-case headline: inner capitals are names"),
     ("Dinamo Brest Beat BATE At Home", frozenset({"brst"}), ["Brest"],
      "a title-case headline: only known names count")],
)
def test_names_inside_sentences(text: str, known: frozenset[str], names: list[str], why: str) -> None:
    found = [key for key in word_keys(text, "en", known) if key.startswith("name:")]
    assert found == [f"name:{name_key(name, 'en')}" for name in names], why


@pytest.mark.parametrize(
    ("en", "other", "lang", "why"),
    [("festival", "фестивалю", "ru", "cognate in the dative"), ("critics", "Критики", "ru", "first word"),
     ("actors", "акцёрам", "be", "Belarusian ц for т"), ("programme", "праграме", "be", "double m, а for о")],
)
def test_cognate_words_share_a_key(en: str, other: str, lang: str, why: str) -> None:
    assert set(word_keys(en, "en")) & set(word_keys(other, lang)), why


@pytest.mark.parametrize(
    ("text", "keys", "why"),
    [("“We did.", ["mark:quote-open"], "curly opening quote"),
     ("«Мы собрались здесь не зря», – сказал он.", ["mark:quote-open", "mark:quote-close"], "guillemets"),
     ('He said "we will not agree to it" (twice)?',
      ["mark:quote-open", "mark:quote-close", "mark:bracket", "mark:?"], "straight quotes, bracket, ?"),
     ("с завода «Гомсельмаш».", [], "a quoted name is not speech: English writes no quotes"),
     ("the play “The Locals”.", [], "a quoted title of three words")],
)
def test_marks(text: str, keys: list[str], why: str) -> None:
    assert mark_keys(text) == keys, why


def test_log_erfc_matches_math_erfc() -> None:
    x = np.array([0.0, 0.3, 1.0, 2.5, 5.0, 9.0])
    expected = [math.log(math.erfc(value)) for value in x]
    assert log_erfc(x) == pytest.approx(expected, rel=1e-6, abs=1e-7)
    assert np.isfinite(log_erfc(np.array([40.0]))).all(), "no underflow far in the tail"


def test_length_ratio_is_estimated_from_the_documents() -> None:
    model = LengthModel.from_totals(np.array([100.0, 50.0]), np.array([130.0, 65.0]))
    assert model.ratio == pytest.approx(1.3)
    costs = model.cost(np.array([100.0, 100.0, 100.0]), np.array([130.0, 100.0, 60.0]))
    assert costs[0] < costs[1] < costs[2], "cost grows with the distance from the document ratio"


def test_variance_refined_robustly_from_one_one_beads() -> None:
    rng = np.random.default_rng(0)
    src = rng.uniform(40, 200, 200)
    tgt = 1.1 * src + rng.normal(0, np.sqrt(3.0 * src))
    tgt[:10] = 5.0  # a few wild outliers must not inflate the estimate
    model = LengthModel.from_totals(src, tgt).refined(src, tgt)
    assert 1.0 < model.ratio < 1.15
    assert model.variance < 6.0, "median absolute deviation ignores the outliers"


def features(sentences: list[str], lang: str, paragraphs: list[int] | None = None) -> DocumentFeatures:
    return document_features(sentences, sentence_keys(sentences, lang), paragraphs)


def _scorer(src: list[str], tgt: list[str], **kwargs: object) -> BeadScorer:
    return BeadScorer(features(src, "en", kwargs.pop("src_par", None)),  # type: ignore[arg-type]
                      features(tgt, "ru", kwargs.pop("tgt_par", None)),  # type: ignore[arg-type]
                      LengthModel(1.0, 3.0), CostWeights(), **kwargs)  # type: ignore[arg-type]


def _cost(scorer: BeadScorer, name: str, i: int, j: int) -> float:
    return float(scorer.costs(bead_type(name), np.array([i]), np.array([j]))[0])


def test_shared_anchors_lower_the_cost() -> None:
    src = ["Trade grew by 3.5% in 2018."]
    tgt = ["Товарооборот вырос на 3,5% в 2018 году.", "Товарооборот вырос на 4,2% в 2017 году."]
    scorer = BeadScorer(features(src, "en"), features(tgt, "ru"), LengthModel(1.0, 3.0))
    assert scorer.anchor_costs(np.array([0]), np.array([1]), np.array([0]), np.array([1]))[0] < 0
    other = scorer.anchor_costs(np.array([0]), np.array([1]), np.array([1]), np.array([2]))[0]
    assert other > 0, "numbers on one side only are penalised"


def test_sharing_nothing_costs_more_the_more_could_have_been_shared() -> None:
    """An omitted sentence next to an added one: a 1-1 bead of two sentences with several anchors
    each and none in common pays the disjointness penalty; without it the cost is lower."""
    src = ["Unemployment remained low at 3.1% in June."]
    tgt = ["Это самый высокий показатель за последние десять лет.", "Безработица в июне составила 3,1%."]
    with_penalty = _scorer(src, tgt)
    without = BeadScorer(with_penalty.src, with_penalty.tgt, LengthModel(1.0, 3.0), CostWeights(disjoint=0.0))
    assert _cost(with_penalty, "1-1", 1, 1) > _cost(without, "1-1", 1, 1)
    assert _cost(with_penalty, "1-1", 1, 1) - _cost(with_penalty, "1-1", 1, 2) > CostWeights().disjoint


def test_skip_cost_is_constant_and_merges_pay_their_prior() -> None:
    scorer = _scorer(["A b c.", "D e f."], ["А б в.", "Г д е."])
    weights = CostWeights()
    assert _cost(scorer, "1-0", 1, 0) == _cost(scorer, "0-1", 1, 1) == weights.skip
    assert _cost(scorer, "0-1", 0, 2) == weights.skip - weights.paragraph_bonus, "(0, 2): both at a break"
    assert _cost(scorer, "2-2", 2, 2) > _cost(scorer, "1-1", 1, 1) + _cost(scorer, "1-1", 2, 2) - 1.0


def test_paragraph_breaks_are_soft_evidence() -> None:
    src, tgt = ["One two three.", "Four five six."], ["Раз два три.", "Четыре пять."]
    split = _scorer(src, tgt, src_par=[0, 1], tgt_par=[0, 1])
    joined = _scorer(src, tgt, src_par=[0, 0], tgt_par=[0, 0])
    zero, one = np.array([0]), np.array([1])
    bonus = split.paragraph_costs(bead_type("1-1"), zero, one, zero, one)
    assert bonus[0] == -CostWeights().paragraph_bonus, "both sides end a paragraph here"
    assert _cost(split, "2-2", 2, 2) > _cost(joined, "2-2", 2, 2), "merging across a break costs more"
    assert np.isfinite(_cost(split, "2-2", 2, 2)), "soft: still allowed"


def test_mt_similarity_rewards_the_matching_target() -> None:
    same = ["The meeting took place in Minsk.", "Trade grew last year."]
    similarity = ChrfSimilarity(same, same)
    assert similarity(0, 1, 0, 1) > 0.9 > similarity(0, 1, 1, 2)
    scorer = BeadScorer(features(same, "en"), features(same, "en"),
                        LengthModel(1.0, 3.0), CostWeights(), similarity)
    assert _cost(scorer, "1-1", 1, 1) < _cost(scorer, "1-1", 1, 2)


def test_every_shape_has_a_finite_cost() -> None:
    scorer = _scorer(["A.", "B.", "C."], ["А.", "Б.", "В."])
    for shape in BEAD_TYPES:
        assert np.isfinite(_cost(scorer, shape.name, 3, 3)), shape.name


@pytest.mark.parametrize(
    ("en", "other", "lang", "why"),
    [("weeks", "недели", "ru", "stem match, plural vs genitive"), ("Tickets", "Квіткі", "be", "capitalised"),
     ("said", "заявил", "ru", "verbs of saying are one concept"), ("hall", "зале", "ru", "exact forms")],
)
def test_lexicon_links_common_words(en: str, other: str, lang: str, why: str) -> None:
    concept = default_lexicon().lookup(en, "en")
    assert concept is not None and concept == default_lexicon().lookup(other, lang), why


@pytest.mark.parametrize(
    ("word", "lang", "why"),
    [("центр", "ru", "ц-stem of цена must not catch центр"), ("пятнадцать", "ru", "пять is exact only"),
     ("window", "en", "win= is exact only")],
)
def test_lexicon_exact_forms_do_not_overmatch(word: str, lang: str, why: str) -> None:
    assert default_lexicon().lookup(word, lang) not in {"price", "five", "win"}, why


@pytest.mark.parametrize(
    ("hypothesis", "reference", "why"),
    [("The meeting took place in Minsk.", "The meeting was held in Minsk.", "close paraphrase"),
     ("Встреча прошла в Минске.", "Встреча состоялась в столице.", "Cyrillic, partial overlap"),
     ("a", "completely different text", "too short for higher orders"),
     ("", "something", "empty hypothesis")],
)
def test_chrf_equals_sacrebleu_for_single_sentences(hypothesis: str, reference: str, why: str) -> None:
    from sacrebleu.metrics.chrf import CHRF

    expected = CHRF().sentence_score(hypothesis, [reference]).score / 100
    assert ChrfSimilarity([hypothesis], [reference])(0, 1, 0, 1) == pytest.approx(expected, abs=1e-9), why
