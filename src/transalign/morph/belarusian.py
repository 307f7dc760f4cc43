"""Belarusian term forms: adjective tables, person names, and phrase structure.

A part of a term reads as agreeing adjectives, the head noun, then a tail that stays as
written (``Савет | Бяспекі ААН``, ``Рэспубліка | Беларусь``, ``Садружнасць | Незалежных
Дзяржаў``). A person's name (a known given name, then a patronymic and a surname) inflects as a
whole: ``Сяргей Лебедзеў`` → ``Сяргею Лебедзеву``, ``Аляксандр Лукашэнка`` → ``Аляксандра
Лукашэнкі``. Nouns decline by :mod:`transalign.morph.be_nouns`.
"""

from __future__ import annotations

import re

from transalign.morph.be_nouns import (
    VELARS,
    Paradigm,
    ends_hardened,
    masculine_hard,
    noun_paradigms,
    plural_only,
    soft_e_stem,
    vowel_stem,
)
from transalign.morph.phrase import PartPlan, WordForms
from transalign.morph.words import has_letters, is_acronym

GIVEN_NAMES = frozenset({
    "аляксандр", "сяргей", "уладзімір", "мікалай", "андрэй", "дзмітрый", "ігар", "юрый",
    "віктар", "васіль", "міхаіл", "канстанцін", "антон", "аляксей", "раман", "максім", "іван",
    "пётр", "павел", "ільхам", "эмамалі", "нурсултан", "шаўкат", "садыр", "сапар", "барыс",
    "генадзь", "леанід", "вячаслаў", "уладзіслаў", "станіслаў", "яўген", "рыгор", "анатоль",
    "мікіта", "ілья", "алег", "валерый", "пятро", "дональд", "джо", "эмануэль",
    "ангела", "антоніу", "тамаш", "лявон", "зянон", "сямён", "фёдар", "арцём", "кірыл",
})
FEMALE_NAMES = frozenset({
    "наталля", "марыя", "ганна", "вольга", "алена", "святлана", "таццяна", "ірына", "людміла",
    "галіна", "вераніка", "кацярына", "лідзія", "марына", "юлія", "ангела", "хельга",
    "урсула", "камала", "лілія", "анастасія", "валянціна", "надзея", "любоў",
})
PERSON_NOUNS = frozenset({
    "прэзідэнт", "сакратар", "старшыня", "міністр", "кіраўнік", "лідар", "дэпутат", "пасол",
    "спікер", "назіральнік", "эксперт", "дыпламат", "прэм'ер-міністр", "генсек", "віцэ-прэм'ер",
    "памочнік", "намеснік", "падпалкоўнік", "генерал", "прадстаўнік", "каардынатар",
})
_IRREGULAR_STEMS = {"павел": "паўл", "пётр": "пятр", "леў": "льв"}
_SURNAME_ENDINGS = ("аў", "еў", "оў", "ёў", "ін", "ын")
SURNAME_LIKE = (*_SURNAME_ENDINGS, "энка", "енка", "онка")
_ADJ_ENDINGS = ("ая", "яя", "ае", "яе", "ое", "ыя", "ія")


def _adjective_stem(word: str) -> tuple[str, str, bool]:
    """``(stem, gender or 'plur', soft)`` of an adjective in the nominative."""
    if word.endswith(("ыя", "ія")):
        gender, stem = "plur", word[:-2]
    elif word.endswith(("ая", "яя")):
        gender, stem = "femn", word[:-2]
    elif word.endswith(("ае", "яе", "ое")):
        gender, stem = "neut", word[:-2]
    else:
        gender, stem = "masc", word[:-1]
    soft = word.endswith(("яя", "яе")) or (
        word.endswith(("і", "ія")) and stem[-1:] not in VELARS)
    return stem, gender, soft


def adjective_paradigm(word: str, animate: bool = False) -> Paradigm:
    """Forms of an adjective in the gender and number of its nominative ``word`` (lower case).

    ``Мінскія`` → ``Мінскіх``, ``Мінскім``…; ``Выканаўчы`` → ``Выканаўчага``…;
    ``Мюнхенская`` → ``Мюнхенскай``, ``Мюнхенскую``…; stressed variants (``-ога``, ``-ой``)
    are included since stress is unknown.
    """
    stem, gender, soft = _adjective_stem(word)
    if soft:
        return _soft_adjective(word, stem, gender, animate)
    y = "ы" if ends_hardened(stem) or stem[-1:] not in VELARS else "і"
    if gender == "plur":
        gen = [stem + y + "х"]
        return {"nomn": [word], "gent": gen, "datv": [stem + y + "м"],
                "accs": gen if animate else [word], "ablt": [stem + y + "мі"], "loct": gen}
    if gender == "femn":
        oblique = [stem + "ай", stem + "ой"]
        return {"nomn": [word], "gent": oblique, "datv": oblique, "accs": [stem + "ую"],
                "ablt": [stem + "ай", stem + "аю", stem + "ой", stem + "ою"], "loct": oblique}
    gen = [stem + "ага", stem + "ога"]
    return {"nomn": [word], "gent": gen, "datv": [stem + "аму", stem + "ому"],
            "accs": gen if animate and gender == "masc" else [word],
            "ablt": [stem + y + "м"], "loct": [stem + y + "м"]}


def _soft_adjective(word: str, stem: str, gender: str, animate: bool) -> Paradigm:
    if gender == "plur":
        gen = [stem + "іх"]
        return {"nomn": [word], "gent": gen, "datv": [stem + "ім"],
                "accs": gen if animate else [word], "ablt": [stem + "імі"], "loct": gen}
    if gender == "femn":
        return {"nomn": [word], "gent": [stem + "яй"], "datv": [stem + "яй"],
                "accs": [stem + "юю"], "ablt": [stem + "яй", stem + "яю"], "loct": [stem + "яй"]}
    gen = [stem + "яга"]
    return {"nomn": [word], "gent": gen, "datv": [stem + "яму"],
            "accs": gen if animate and gender == "masc" else [word], "ablt": [stem + "ім"],
            "loct": [stem + "ім"]}


def surname_paradigm(word: str) -> Paradigm:
    """A man's surname: ``Лебедзеў`` → ``Лебедзева``, ``Лебедзевым``; ``Пуцін`` → ``Пуціным``;
    ``Лукашэнка`` → ``Лукашэнкі``; ``Макей`` → ``Макея``; ``-скі`` declines as an adjective."""
    if word.endswith(("скі", "цкі", "ы")):
        return adjective_paradigm(word, animate=True)
    if word.endswith(_SURNAME_ENDINGS):
        stem = vowel_stem(word)
        gen = stem + "а"
        return {"nomn": [word], "gent": [gen], "datv": [stem + "у"], "accs": [gen],
                "ablt": [stem + "ым"], "loct": [stem + "у", *soft_e_stem(stem)]}
    return noun_paradigms(word, person=True)[0]


def female_surname_paradigm(word: str) -> Paradigm:
    """A woman's surname: ``Качанава`` → ``Качанавай``, ``Качанаву``; ``-ская`` as an
    adjective; one ending in a consonant (``Шмід``) does not decline."""
    if word.endswith(("ая", "яя")):
        return adjective_paradigm(word, animate=True)
    if word.endswith(("ава", "ева", "ёва", "ова", "іна", "ына")):
        stem = word[:-1]
        oblique = [stem + "ай"]
        return {"nomn": [word], "gent": oblique, "datv": oblique, "accs": [stem + "у"],
                "ablt": oblique, "loct": oblique}
    if word.endswith(("а", "я")):
        return noun_paradigms(word, person=False)[0]
    return {case: [word] for case in ("nomn", "gent", "datv", "accs", "ablt", "loct")}


def given_name_paradigm(word: str) -> Paradigm:
    """A given name or patronymic: ``Аляксандр``, ``Сяргей``, ``Мікалаевіч``, ``Павел``,
    ``Наталля``, ``Іванаўна``."""
    stem = _IRREGULAR_STEMS.get(word)
    if stem is None:
        return noun_paradigms(word, person=word not in FEMALE_NAMES
                              and not word.endswith("на"))[0]
    sing, _ = masculine_hard(stem, person=True)
    sing["nomn"] = [word]
    return sing


def _is_adjective(words: list[str], index: int) -> bool:
    """True when ``words[index]`` reads as an agreeing adjective before the head."""
    word = words[index].lower().rsplit("-", 1)[-1]
    if index >= len(words) - 1 or is_acronym(word) or len(word) < 4:
        return False
    following = words[index + 1].lower()
    if word.endswith(("ыя", "ія")):  # or a noun: Арганізацыя, Расія
        return following.endswith(("ы", "і")) or _is_adjective(words, index + 1)
    if word.endswith(_ADJ_ENDINGS):
        return True
    if not word.endswith(("ы", "і")):
        return False
    return following[-1:] not in "аеёіоуыэюя" or _is_adjective(words, index + 1)


_STRESSED_ENDINGS = (("ом", "ам"), ("ём", "ем"), ("ой", "ай"), ("ою", "аю"), ("ёй", "яй"),
                     ("ёю", "яю"), ("цэ", "цы"), ("ога", "ага"), ("ому", "аму"), ("оў", "аў"))
_MASCULINE_STRESSED = _STRESSED_ENDINGS[:2]
_VOWELS = "аеёіоуыэюя"


def stem_stressed(word: str) -> bool:
    """True when the stress is known to fall on the stem: Belarusian writes ``о``/``ё`` only
    under stress (akanye), so one in the stem (``ордэн``, ``Кішынёў``, ``поле``) rules out a
    stressed ending."""
    lower = word.lower()
    stem = lower[:-1] if lower[-1:] in _VOWELS else lower
    return "о" in stem or "ё" in stem


def syllables(word: str) -> int:
    return sum(letter in _VOWELS for letter in word.lower())


def prune_stressed(paradigm: Paradigm, pairs: tuple[tuple[str, str], ...]) -> Paradigm:
    """``paradigm`` without the stressed-ending variant of a form whose unstressed twin is
    also listed (``Рэспублікай`` keeps, ``Рэспублікой`` goes)."""
    def keep(form: str, forms: list[str]) -> bool:
        return not any(form.endswith(hit) and form[: -len(hit)] + twin in forms
                       for hit, twin in pairs)
    return {case: [f for f in forms if keep(f, forms)] for case, forms in paradigm.items()}


def _noun_stress_pairs(written: str) -> tuple[tuple[str, str], ...]:
    """Which stressed endings a head noun as written cannot take: none known, all (``о``/``ё``
    in the stem, or four syllables and more: ``Рэспубліцы``, not ``Рэспубліцэ``), or for a
    name of two syllables and more the masculine ``-ом`` (``Данбасам``, ``Азербайджанам``:
    names keep their stem stress; short ``Масквой``/``Астаной`` keep theirs)."""
    if stem_stressed(written) or syllables(written) >= 4:
        return _STRESSED_ENDINGS
    if written[:1].isupper() and syllables(written) >= 2:
        return _MASCULINE_STRESSED
    return ()


def _adjective_stress_pairs(written: str) -> tuple[tuple[str, str], ...]:
    """Adjectives from names (capitalised: ``Мюнхенскай``, never Russian-looking
    ``Мюнхенской``) and with ``о``/``ё`` in the stem (``Трохбаковай``) have stem stress."""
    return _STRESSED_ENDINGS if stem_stressed(written) or written[:1].isupper() else ()


def _paradigm_forms(paradigms: dict[str, Paradigm], prefix: str) -> WordForms:
    def forms(case: str, number: str) -> list[str]:
        paradigm = paradigms.get(number) or next(iter(paradigms.values()))
        return [prefix + form for form in paradigm.get(case, [])]
    return forms


def merge(first: Paradigm, second: Paradigm) -> Paradigm:
    """Both paradigms' forms per case, ``first``'s first, without repeats."""
    return {case: list(dict.fromkeys([*first.get(case, []), *second.get(case, [])]))
            for case in first.keys() | second.keys()}


def plural_adjective(word: str) -> str:
    """The nominative plural of an adjective: ``Выканаўчы`` → ``Выканаўчыя``,
    ``Мінская`` → ``Мінскія``, ``сіні`` → ``сінія``."""
    stem, gender, soft = _adjective_stem(word)
    if gender == "plur":
        return word
    return stem + ("ія" if soft or stem[-1:] in VELARS else "ыя")


def _split_hyphen(word: str) -> tuple[str, str]:
    """``ваенна-палітычны`` → (``ваенна-``, ``палітычны``); lower case."""
    lower = word.lower()
    if "-" not in lower:
        return "", lower
    head, _, last = lower.rpartition("-")
    return head + "-", last


def _head(words: list[str]) -> int | None:
    for index, word in enumerate(words):
        if is_acronym(word) or not has_letters(word):
            return None
        if not _is_adjective(words, index):
            return index
    return None


def _number(words: list[str], head: int) -> str:
    """``plur`` after a plural adjective (``Мінскія пагадненні``) or for a bare common noun in
    ``-ы``/``-і`` (``пагадненні``, ``Нідэрланды``); else ``sing``."""
    if head > 0:
        return "plur" if words[0].lower().endswith(("ыя", "ія")) else "sing"
    word = _split_hyphen(words[head])[1]
    if word.endswith("ы") and len(word) > 3:
        return "plur"
    if word.endswith("і") and len(word) > 3 and words[head].islower():
        return "plur"
    return "sing"


_AFTER_VOWEL = re.compile(r"(?<=[аеёіоуыэюяАЕЁІОУЫЭЮЯ]) у(?=[^\W\d_])")
_AFTER_CONSONANT = re.compile(r"(?<=[^\Wаеёіоуыэюяaeiou]) ў(?=[^\W\d_])", re.IGNORECASE)


def short_u(text: str) -> str:
    """Belarusian у/ў at a word start inside a term: ``ў`` after a word ending in a vowel,
    ``у`` after a consonant (``міністэрства ўнутраных`` → ``Міністэрствам унутраных``).
    Capitalised words are left as written."""
    return _AFTER_CONSONANT.sub(" у", _AFTER_VOWEL.sub(" ў", text))


def _gender_hint(words: list[str], head: int) -> str | None:
    """The gender the adjectives before the head show (``міжнароднае права``: neuter)."""
    if head == 0:
        return None
    return _adjective_stem(_split_hyphen(words[0])[1])[1]


def _head_paradigms(words: list[str], head: int, number: str) -> dict[str, Paradigm]:
    """The head noun's paradigms by number: ``{"sing": …, "plur": …}``.

    A singular common noun (written in lower case) also gets its plural (``міністр замежных
    спраў`` → ``міністрамі замежных спраў``); names keep their number.
    """
    word = _split_hyphen(words[head])[1]
    if number == "plur":
        return {"plur": plural_only(word)}
    if word in GIVEN_NAMES or word in FEMALE_NAMES:
        return {"sing": given_name_paradigm(word)}
    if words[head][:1].isupper() and len(words) == 1 and word.endswith(SURNAME_LIKE):
        return {"sing": merge(noun_paradigms(word, person=True)[0], surname_paradigm(word))}
    sing, plur = noun_paradigms(word, person=word in PERSON_NOUNS,
                                gender=_gender_hint(words, head))
    if words[head].islower():
        return {"sing": sing, "plur": plur}
    dative = set(sing["datv"])  # names take genitive -а only: Данбаса, Савета (not -у)
    sing["gent"] = [form for form in sing["gent"] if form not in dative] or sing["gent"]
    return {"sing": sing}


def analyse_part(words: list[str], first: bool = True) -> PartPlan:
    """The :class:`~transalign.morph.phrase.PartPlan` of one part of a Belarusian term."""
    head = _head(words)
    plans: list[WordForms | None] = [None] * len(words)
    if head is None or not (first or head > 0):
        return PartPlan(("sing",), plans)
    number = _number(words, head)
    prefix, head_word = _split_hyphen(words[head])
    animate = head_word in GIVEN_NAMES | FEMALE_NAMES or head_word in PERSON_NOUNS
    pairs = _noun_stress_pairs(words[head])
    head_paradigms = {n: prune_stressed(p, pairs)
                      for n, p in _head_paradigms(words, head, number).items()}
    plans[head] = _paradigm_forms(head_paradigms, prefix)
    for index in range(head):
        adj_prefix, adjective = _split_hyphen(words[index])
        adjective_pairs = _adjective_stress_pairs(words[index])
        adjectives = {"sing": prune_stressed(adjective_paradigm(adjective, animate),
                                             adjective_pairs),
                      "plur": adjective_paradigm(plural_adjective(adjective), animate)}
        plans[index] = _paradigm_forms(adjectives, adj_prefix)
    if head_word in GIVEN_NAMES | FEMALE_NAMES:
        _plan_name_tail(words, head + 1, plans, female=head_word in FEMALE_NAMES)
    elif len(words) == head + 2 and "plur" in head_paradigms:
        plans[head + 1] = _genitive_tail(words[head + 1])
    return PartPlan(tuple(head_paradigms), plans)


def _genitive_tail(word: str) -> WordForms | None:
    """A one-word lower-case genitive-singular tail also takes its genitive plural after a
    plural head (``кіраўнік дзяржавы`` → ``кіраўнікі дзяржаў``). The nominative is guessed
    from the ending and kept only if its own genitive singular gives ``word`` back."""
    if not word.islower() or len(word) < 4 or word[-1] not in "ыіа":
        return None
    stem = word[:-1]
    for nominative in (stem + "а", stem + "я", stem, stem + "ь"):
        sing, plur = noun_paradigms(nominative, person=False)
        if word in sing["gent"] and plur.get("gent"):
            plural = plur["gent"][0]  # the regular form first: дзяржаў, not дзяржаваў
            return lambda case, number: [word] if number == "sing" else [word, plural]
    return None


def _plan_name_tail(words: list[str], start: int, plans: list[WordForms | None], *,
                    female: bool) -> None:
    """Patronymic and surname after a given name inflect with it."""
    for index in range(start, len(words)):
        word = words[index]
        if not word[:1].isupper() or is_acronym(word):
            return
        lower = word.lower()
        if lower.endswith(("іч", "ўна", "ічна")):
            paradigm = given_name_paradigm(lower)
        else:
            paradigm = female_surname_paradigm(lower) if female else surname_paradigm(lower)
        plans[index] = _paradigm_forms({"sing": paradigm}, "")
