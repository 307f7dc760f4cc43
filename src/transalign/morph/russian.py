"""Russian term forms from pymorphy3 and its OpenCorpora dictionary.

A part of a term is read as: agreeing modifiers (adjectives, participles, ordinals) before the
*head* noun, the head, then a tail that stays as written (``Совет | министров иностранных
дел``, ``Республика | Беларусь``) — except a person's name, where given name, patronymic and
surname all inflect (``Сергей Николаевич Лебедев`` → ``Сергею Николаевичу Лебедеву``).
Acronyms and indeclinables (``СНГ``, ``ОБСЕ``, ``Лукашенко`` as a surname) keep their form.
The term's own number is kept (``Минские соглашения`` inflects in the plural only).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from transalign.morph.phrase import PartPlan, WordForms
from transalign.morph.words import has_letters, is_acronym

_MODIFIER_POS = frozenset({"ADJF", "PRTF", "NUMR"})
_PERSON = frozenset({"Name", "Surn", "Patr"})
_SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")
_EXTRA_CASE = {"gent": "gen2", "loct": "loc2"}


@cache
def analyzer() -> Any:
    """The shared pymorphy3 Russian analyser (loaded once)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _nominative_parses(word: str) -> list[Any]:
    parses = analyzer().parse(word)
    return [p for p in parses if p.tag.case == "nomn"]


def _pick(parses: list[Any], pos: frozenset[str], number: str | None = None) -> Any | None:
    for parse in parses:
        if parse.tag.POS in pos and (number is None or parse.tag.number in (number, None)):
            return parse
    return None


_VARIABLE = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "gen2", "loc2", "voct",
                       "acc2", "gen1", "loc1", "sing", "plur", "masc", "femn", "neut", "ms-f",
                       "anim", "inan", "V-ey", "V-oy", "V-ie", "V-bi", "V-ej", "V-be", "V-en",
                       "V-sh", "Infr", "Slng", "Arch", "Litr", "Erro", "Dist", "Ques", "Dmns",
                       "Prnt", "Vpre", "Anph", "Init", "Af-p", "Inmx"})


_GENDERS = frozenset({"masc", "femn", "neut", "ms-f"})


class _Lexeme:
    """A parse's forms, computed once, searched by grammemes (pymorphy3's ``inflect`` builds
    the lexeme anew on every call)."""

    def __init__(self, parse: Any) -> None:
        self._forms = [(frozenset(form.tag.grammemes), str(form.word)) for form in parse.lexeme]
        variable = _VARIABLE - _GENDERS if parse.tag.POS == "NOUN" else _VARIABLE
        self._kept = frozenset(parse.tag.grammemes) - variable
        self._found: dict[frozenset[str], str | None] = {}

    def find(self, grammemes: set[str]) -> str | None:
        """The first form holding ``grammemes`` and the parse's fixed ones (degree, voice,
        tense: ``высший`` stays superlative, ``объединенный`` a passive participle)."""
        key = frozenset(grammemes)
        if key not in self._found:
            strict = key | self._kept
            self._found[key] = next((word for tags, word in self._forms if strict <= tags),
                                    next((word for tags, word in self._forms if key <= tags),
                                         None))
        return self._found[key]


@lru_cache(maxsize=4096)
def _lexeme(word: str, tag: str) -> _Lexeme | None:
    parse = next((p for p in analyzer().parse(word) if str(p.tag) == tag), None)
    return None if parse is None else _Lexeme(parse)


def _inflected(parse: Any, grammemes: set[str]) -> str | None:
    lexeme = _lexeme(str(parse.word), str(parse.tag))
    if lexeme is None:
        form = parse.inflect(grammemes)
        return None if form is None else str(form.word)
    return lexeme.find(grammemes)


def _noun_forms(parse: Any) -> WordForms:
    def forms(case: str, number: str) -> list[str]:
        if "Fixd" in parse.tag:
            return [str(parse.word)]
        found = [_inflected(parse, {case, number})]
        if case in _EXTRA_CASE:
            found.append(_inflected(parse, {_EXTRA_CASE[case], number}))
        return [form for form in found if form]
    return forms


def _modifier_forms(parse: Any, head: Any | None) -> WordForms:
    source = head if head is not None else parse
    gender = next((g for g in ("masc", "femn", "neut") if g in source.tag), "masc")
    animacy = "anim" if head is not None and "anim" in head.tag else "inan"

    def forms(case: str, number: str) -> list[str]:
        grammemes = {case, number}
        if number == "sing":
            grammemes.add(gender)
        base = set(grammemes)
        if case == "accs" and (number == "plur" or gender == "masc"):
            grammemes.add(animacy)
        form = _inflected(parse, grammemes) or _inflected(parse, base)
        return [form] if form else []
    return forms


def _head_index(words: list[str]) -> int | None:
    """Index of the head noun: the first inflectable word not read as a modifier."""
    last = len(words) - 1
    for index, word in enumerate(words):
        if is_acronym(word) or not has_letters(word):
            return None
        parses = _nominative_parses(_last_segment(word))
        is_modifier = index < last and _pick(parses, _MODIFIER_POS) is not None
        if not is_modifier:
            return index if _pick(parses, frozenset({"NOUN"})) is not None else None
    return last


def _head_number(words: list[str], head: int) -> str:
    for word in words[:head]:
        parse = _pick(_nominative_parses(_last_segment(word)), _MODIFIER_POS)
        if parse is not None and parse.tag.number:
            return str(parse.tag.number)
    parse = _pick(_nominative_parses(_last_segment(words[head])), frozenset({"NOUN", "ADJF", "PRTF"}))
    return str(parse.tag.number) if parse is not None and parse.tag.number else "sing"


def _numbers(head_word: str, head_parse: Any, number: str) -> tuple[str, ...]:
    """The term's number, and for a singular common noun (lower case) also the plural
    (``министр иностранных дел`` → ``министрами иностранных дел``); names, plural terms and
    singularia tantum keep their number."""
    grammemes = set(head_parse.tag.grammemes)
    if number == "plur" or not head_word.islower() or grammemes & {"Pltm", "Sgtm", "Fixd"}:
        return (number,)
    return (number, "plur")


_SURNAME_ENDINGS = {"nomn": "", "gent": "а", "datv": "у", "accs": "а", "ablt": "ым", "loct": "е"}


def _surname_forms(word: str) -> WordForms:
    """A man's surname in -ов/-ев/-ин unknown to the dictionary (``Токаев``)."""
    return lambda case, number: [word + _SURNAME_ENDINGS[case]]


def _is_surname(words: list[str], index: int) -> bool:
    """``Токаев`` after an unknown given name (``Касым-Жомарт``): a capitalised surname."""
    if index >= len(words) or not words[index][:1].isupper() or is_acronym(words[index]):
        return False
    if words[index].lower().endswith(_SURNAME_SUFFIXES):
        return True
    return any("Surn" in p.tag for p in _nominative_parses(words[index]))


def _tail_parse(word: str, female: bool) -> Any | None:
    """The nominative noun parse of a name word in the head's gender (a woman's surname
    in a consonant, ``Шмид``, has none and stays as written)."""
    nouns = [p for p in _nominative_parses(word) if p.tag.POS == "NOUN"]
    gender = "femn" if female else "masc"
    person = [p for p in nouns if _PERSON & set(p.tag.grammemes)]
    matching = [p for p in person if gender in p.tag or "ms-f" in p.tag]
    if female:
        return next(iter(matching), None)
    return next(iter(matching or person or nouns), None)


def _person_tail(words: list[str], head_parse: Any, start: int) -> dict[int, WordForms]:
    """Given name + patronymic + surname inflect together (a capitalised noun after a given
    name is read as a surname even when the dictionary does not know it: ``Макей``); other
    tails stay as written."""
    plans: dict[int, WordForms] = {}
    if not (_PERSON & set(head_parse.tag.grammemes) or _is_surname(words, start)):
        return plans
    female = "femn" in head_parse.tag
    for index in range(start, len(words)):
        if not words[index][:1].isupper() or is_acronym(words[index]):
            break
        parse = _tail_parse(words[index], female)
        if parse is not None:
            plans[index] = _noun_forms(parse)
        elif not female and words[index].lower().endswith(_SURNAME_SUFFIXES[:5]):
            plans[index] = _surname_forms(words[index].lower())
        elif not female:
            break
    return plans


def analyse_part(words: list[str], first: bool = True) -> PartPlan:
    """The :class:`PartPlan` of one part of a Russian term (see the module docstring)."""
    head = _head_index(words)
    plans: list[WordForms | None] = [None] * len(words)
    if head is None:
        return PartPlan(("sing",), plans)
    number = _head_number(words, head)
    head_parse = _pick(_nominative_parses(_last_segment(words[head])),
                       frozenset({"NOUN", "ADJF", "PRTF"}), number)
    if head_parse is None:
        return PartPlan((number,), plans)
    head_plan = (_noun_forms(head_parse) if head_parse.tag.POS == "NOUN"
                 else _modifier_forms(head_parse, None))
    plans[head] = _hyphenated(words[head], head_plan)
    noun = head_parse if head_parse.tag.POS == "NOUN" else None
    for index in range(head):
        parse = _pick(_nominative_parses(_last_segment(words[index])), _MODIFIER_POS)
        if parse is not None:
            plans[index] = _hyphenated(words[index], _modifier_forms(parse, noun))
    for index, forms in _person_tail(words, head_parse, head + 1).items():
        plans[index] = forms
    if len(words) == head + 2 and plans[head + 1] is None:
        plans[head + 1] = _genitive_tail(words[head + 1])
    return PartPlan(_numbers(words[head], head_parse, number), plans)


def _genitive_tail(word: str) -> WordForms | None:
    """A one-word lower-case genitive-singular tail also takes its genitive plural after a
    plural head (``глава государства`` → ``главы государств``, heads of several states)."""
    if not word.islower() or not has_letters(word):
        return None
    for parse in analyzer().parse(word):
        if parse.tag.POS == "NOUN" and parse.tag.case == "gent" and parse.tag.number == "sing":
            plural = parse.inflect({"gent", "plur"})
            if plural is None or plural.word == word:
                return None
            return lambda case, number: [word] if number == "sing" else [word, plural.word]
    return None


def _last_segment(word: str) -> str:
    return word.rsplit("-", 1)[-1]


def _hyphenated(word: str, forms: WordForms) -> WordForms:
    """``северо-атлантический``: earlier hyphen segments stay, the last one inflects."""
    prefix = word.rsplit("-", 1)[0].lower() + "-" if "-" in word else ""
    return lambda case, number: [prefix + form for form in forms(case, number)]
