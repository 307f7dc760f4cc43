"""Belarusian noun declension by ending tables (official orthography, 2008 rules).

No offline Belarusian dictionary exists on PyPI, so a noun's declension class is read from
its nominative form: masculine hard/hardened/velar stems (``Данбас``, ``цэнтр``, ``Мінск``),
masculine soft stems (``Гомель``, ``Сяргей``), nouns in ``-а``/``-я`` (``краіна``,
``асамблея``; masculine when a person: ``Лукашэнка``, ``старшыня``), the third declension
(``Беларусь``, ``Садружнасць``), neuters (``пагадненне``, ``міністэрства``) and indeclinables.
Stem alternations before ``-е`` in the dative/locative: г→з, к→ц, х→с, д→дз, т→ц; ``ў``
after a vowel becomes ``в`` before a vowel (``Кіеў`` → ``Кіева``) and back (``дзяржава`` →
``дзяржаў``). Where stress (unknown here) chooses the ending, both are given (``-ам``/``-ом``).
Forms are lower case; callers restore capitalisation.
"""

from __future__ import annotations

from collections.abc import Callable

Paradigm = dict[str, list[str]]
"""case -> forms (alternatives in preference order) for one number."""

VOWELS = frozenset("аеёіоуыэюя")
VELARS = frozenset("гкх")
HARDENED = ("дж", "ж", "ш", "ч", "ц", "р")
FEMININE_ZERO = frozenset({"беларусь", "русь", "сібір", "моладзь", "памяць", "ноч", "рэч",
                           "сувязь", "вось", "восень", "мысь", "соль", "свіслач", "нарач",
                           "плынь", "сталь", "далонь", "прыстань", "гавань"})
NEUTER_A = ("ства", "цтва", "месца", "сэрца", "вока", "вуха", "гродна", "возера", "веча")
INDECLINABLE = frozenset({"баку", "токіо", "сочы", "тбілісі", "хельсінкі", "перу", "чылі",
                          "душанбе", "дэлі", "нацыянале"})
_FLEETING_SOFT = {"дзень": "дн", "агонь": "агн", "лёд": "ільд", "камень": "камян",
                  "пень": "пн"}
_DL_ALTERNATION = (("ст", "сц"), ("зд", "здз"), ("г", "з"), ("х", "с"), ("д", "дз"),
                   ("т", "ц"))


def ends_hardened(stem: str) -> bool:
    """Stem ends in a consonant that is always hard in Belarusian (ж ш ч ц р дж)."""
    return stem.endswith(HARDENED)


def y_after(stem: str) -> str:
    """``і`` after г/к/х, else ``ы`` (the vowel of ``-ы``/``-і`` endings after a hard stem)."""
    return "і" if stem[-1:] in VELARS else "ы"


def vowel_stem(stem: str) -> str:
    """``Кіеў`` → ``Кіев``: a final ``ў`` after a vowel is ``в`` before a vocalic ending."""
    if stem.endswith("ў") and len(stem) > 1 and stem[-2] in VOWELS:
        return stem[:-1] + "в"
    return stem


def zero_stem(stem: str) -> str:
    """``дзяржав`` → ``дзяржаў``: a final ``в`` after a vowel is ``ў`` at the end of a word."""
    if stem.endswith("в") and len(stem) > 1 and stem[-2] in VOWELS:
        return stem[:-1] + "ў"
    return stem


def soft_e_stem(stem: str) -> list[str]:
    """The dative/locative ``-е`` form of a hard stem: ``Данбас``→``Данбасе``,
    ``камітэт``→``камітэце``, ``нага``→``назе``, ``Амерыка``→``Амерыцы``/``руцэ``."""
    if stem.endswith("к"):
        return [stem[:-1] + "цы", stem[:-1] + "цэ"]
    if ends_hardened(stem):
        return [stem + "ы"]
    for old, new in _DL_ALTERNATION:
        if stem.endswith(old):
            return [stem[: -len(old)] + new + "е"]
    return [stem + "е"]


def masculine_hard(word: str, person: bool) -> tuple[Paradigm, Paradigm]:
    """``Данбас``, ``камітэт``, ``цэнтр``, ``Мінск``, ``сакратар``, ``Кіеў``, ``Лебедзеў``.

    An ``-ак``/``-ок`` word also gets forms without the fleeting vowel (``парадак`` →
    ``парадку``), and inanimates the genitive in ``-у`` (``сходу``, ``тэрарызму``).
    """
    sing, plur = _masculine_hard(word, vowel_stem(word), person)
    if len(word) > 4 and word.endswith(("ак", "ок", "ёк")) and word[-3] not in VOWELS:
        fleeting = _masculine_hard(word, word[:-2] + word[-1], person)
        sing = {case: list(dict.fromkeys([*forms, *fleeting[0][case]]))
                for case, forms in sing.items()}
        plur = {case: [*forms, *fleeting[1][case]] for case, forms in plur.items()}
    return sing, plur


def _masculine_hard(word: str, stem: str, person: bool) -> tuple[Paradigm, Paradigm]:
    gen = stem + "а"
    if stem[-1:] in VELARS:
        loc = [stem + "у"]
    elif person:
        loc = [stem + "у", *soft_e_stem(stem)]
    else:
        loc = soft_e_stem(stem)
    sing = {"nomn": [word], "gent": [gen] if person else [gen, stem + "у"],
            "datv": [stem + "у"], "accs": [gen] if person else [word],
            "ablt": [stem + "ам", stem + "ом"], "loct": loc}
    y = "ы" if ends_hardened(stem) else y_after(stem)
    plur_gen = [stem + "аў", stem + "оў"]
    plur = {"nomn": [stem + y], "gent": plur_gen, "datv": [stem + "ам"],
            "accs": plur_gen if person else [stem + y], "ablt": [stem + "амі"],
            "loct": [stem + "ах"]}
    return sing, plur


def masculine_soft(word: str, person: bool) -> tuple[Paradigm, Paradigm]:
    """``Гомель``, ``Сяргей``, ``край``: soft stems (``-ь`` dropped, ``-й`` read as ``j``);
    ``дзень`` → ``дня`` (fleeting vowel)."""
    stem = _FLEETING_SOFT.get(word, word[:-1])
    gen = stem + "я"
    loc = [stem + "ю"] if person else [stem + "і"]
    sing = {"nomn": [word], "gent": [gen], "datv": [stem + "ю"],
            "accs": [gen] if person else [word], "ablt": [stem + "ем", stem + "ём"], "loct": loc}
    plur_gen = [stem + "яў", stem + "ёў", stem + "ей"]
    plur = {"nomn": [stem + "і"], "gent": plur_gen, "datv": [stem + "ям"],
            "accs": plur_gen if person else [stem + "і"], "ablt": [stem + "ямі"],
            "loct": [stem + "ях"]}
    return sing, plur


def first_hard(word: str, masculine: bool) -> tuple[Paradigm, Paradigm]:
    """``краіна``, ``Рэспубліка``, ``праграма``, ``мяжа``; masculine ``Лукашэнка``."""
    stem = word[:-1]
    y = "ы" if ends_hardened(stem) else y_after(stem)
    dat_loc = [stem + "у"] if masculine else soft_e_stem(stem)
    ablt = ([stem + "ам", stem + "ом"] if masculine
            else [stem + "ай", stem + "ой", stem + "аю", stem + "ою"])
    sing = {"nomn": [word], "gent": [stem + y], "datv": dat_loc, "accs": [stem + "у"],
            "ablt": ablt, "loct": dat_loc}
    plur_gen = [zero_stem(stem), stem + "аў"]
    plur = {"nomn": [stem + y], "gent": plur_gen, "datv": [stem + "ам"],
            "accs": plur_gen if masculine else [stem + y], "ablt": [stem + "амі"],
            "loct": [stem + "ах"]}
    return sing, plur


def first_soft(word: str, masculine: bool) -> tuple[Paradigm, Paradigm]:
    """``асамблея``, ``канферэнцыя``, ``Расія``, ``зямля``; masculine ``старшыня``."""
    stem = word[:-1]
    ablt = [stem + "яй", stem + "ёй", stem + "яю", stem + "ёю"]
    dat_loc = [stem + "і"]
    sing = {"nomn": [word], "gent": [stem + "і"], "datv": dat_loc, "accs": [stem + "ю"],
            "ablt": ablt, "loct": dat_loc}
    plur_gen = [stem + "й"] if stem[-1:] in VOWELS else [stem + "ь", stem + "яў", stem + "ей"]
    plur = {"nomn": [stem + "і"], "gent": plur_gen, "datv": [stem + "ям"],
            "accs": plur_gen if masculine else [stem + "і"], "ablt": [stem + "ямі"],
            "loct": [stem + "ях"]}
    return sing, plur


def _doubled(stem: str) -> str:
    """``Беларус`` → ``Беларусс``, ``памяц`` → ``памяцц``: the consonant doubles after a vowel
    in the third-declension instrumental (not after a consonant: ``Садружнасцю``)."""
    last = "дз" if stem.endswith("дз") else stem[-1:]
    before = stem[: -len(last)]
    if last and before and before[-1] in VOWELS:
        return before + last[0] + last
    return stem


def third(word: str) -> tuple[Paradigm, Paradigm]:
    """Feminine zero-ending nouns: ``Беларусь``, ``Садружнасць``, ``ноч``, ``Свіслач``."""
    soft = word.endswith("ь")
    stem = word[:-1] if soft else word
    oblique = stem + ("і" if soft else "ы")
    ablt = _doubled(stem) + ("ю" if soft else "у")
    sing = {"nomn": [word], "gent": [oblique], "datv": [oblique], "accs": [word],
            "ablt": [ablt], "loct": [oblique]}
    vowel = "я" if soft else "а"
    plur = {"nomn": [oblique], "gent": [stem + "ей", stem + vowel + "ў"],
            "datv": [stem + vowel + "м"], "accs": [oblique], "ablt": [stem + vowel + "мі"],
            "loct": [stem + vowel + "х"]}
    return sing, plur


def neuter_soft(word: str) -> tuple[Paradigm, Paradigm]:
    """``пагадненне``, ``упраўленне``, ``жыццё``, ``поле``."""
    stem = word[:-1]
    sing = {"nomn": [word], "gent": [stem + "я"], "datv": [stem + "ю"], "accs": [word],
            "ablt": [stem + "ем", stem + "ём"], "loct": [stem + "і"]}
    doubled = len(stem) > 1 and stem[-1] == stem[-2]  # пагадненне: only пагадненняў
    plur_gen = [stem + "яў"] if doubled else [stem + "яў", stem + "ей"]
    plur = {"nomn": [stem + "і"], "gent": plur_gen, "datv": [stem + "ям"],
            "accs": [stem + "і"], "ablt": [stem + "ямі"], "loct": [stem + "ях"]}
    return sing, plur


def neuter_hard(word: str) -> tuple[Paradigm, Paradigm]:
    """``міністэрства``, ``агенцтва``, ``месца``, ``войска``."""
    stem = word[:-1]
    loc = [stem + "у"] if stem[-1:] in VELARS else soft_e_stem(stem)
    sing = {"nomn": [word], "gent": [stem + "а"], "datv": [stem + "у"], "accs": [word],
            "ablt": [stem + "ам", stem + "ом"], "loct": loc}
    y = "ы" if ends_hardened(stem) else y_after(stem)
    plur = {"nomn": [stem + y], "gent": [stem + "аў", zero_stem(stem)], "datv": [stem + "ам"],
            "accs": [stem + y], "ablt": [stem + "амі"], "loct": [stem + "ах"]}
    return sing, plur


def plural_only(word: str) -> Paradigm:
    """Plural forms from a nominative plural: ``пагадненні``, ``краіны``, ``кіраўнікі``."""
    stem = word[:-1]
    soft = word.endswith("і") and stem[-1:] not in VELARS
    if soft:
        doubled = len(stem) > 1 and stem[-1] == stem[-2]  # пагадненні: only пагадненняў
        return {"nomn": [word], "gent": [stem + "яў"] if doubled else [stem + "яў", stem + "ей"],
                "datv": [stem + "ям"], "accs": [word], "ablt": [stem + "ямі"],
                "loct": [stem + "ях"]}
    return {"nomn": [word], "gent": [stem + "аў", zero_stem(stem), stem + "оў"],
            "datv": [stem + "ам"], "accs": [word], "ablt": [stem + "амі"], "loct": [stem + "ах"]}


def indeclinable(word: str) -> tuple[Paradigm, Paradigm]:
    """``Баку``, ``Токіо``: the same form in every case."""
    same = {case: [word] for case in ("nomn", "gent", "datv", "accs", "ablt", "loct")}
    return same, dict(same)


def noun_paradigms(word: str, person: bool,
                   gender: str | None = None) -> tuple[Paradigm, Paradigm]:
    """Singular and plural paradigms of a noun given in the nominative singular (lower case).

    ``gender`` is what agreeing adjectives show (``masc``/``femn``/``neut``), when known: it
    decides ``міжнароднае права`` (neuter) against ``праграма`` (feminine).
    """
    builder = _classify(word, person, gender)
    return builder(word)


def _classify(word: str, person: bool,
              gender: str | None) -> Callable[[str], tuple[Paradigm, Paradigm]]:
    last = word[-1:]
    if last == "а" and gender == "neut":
        return neuter_hard
    if last in "ая" and gender == "masc":
        person = True
    if word in INDECLINABLE or not last.isalpha() or len(word) < 2:
        return indeclinable
    if word in FEMININE_ZERO or word.endswith("сць") or (last == "ь" and gender == "femn"):
        return third
    if last == "а":
        if word.endswith(NEUTER_A) and not person:
            return neuter_hard
        return lambda w: first_hard(w, person)
    if last == "я":
        return lambda w: first_soft(w, person)
    if last in "её" and len(word) > 2:
        return neuter_soft
    if last in "ьй":
        return lambda w: masculine_soft(w, person)
    if last in VOWELS:
        return indeclinable
    return lambda w: masculine_hard(w, person)
