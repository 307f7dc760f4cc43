"""Numbers written as words (``пять``, ``пяцёх``… ``five``, ``fifth``), for the target side.

They are never required of a translation, but a target that writes ``пять лет`` for ``5
years`` has not dropped the number. Russian words are read with pymorphy3 (cardinal and
ordinal lemmas); Belarusian and English from tables. A tens word followed by a unit word adds
their sum (``двадцать шесть`` → 26).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+")

_RU_LEMMAS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "тысяча": 1000, "миллион": 10**6, "оба": 2, "первый": 1, "второй": 2,
    "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7,
    "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12,
    "двадцатый": 20, "тридцатый": 30, "сотый": 100,
}

_BE_FORMS = {
    1: "адзін адна адно аднаго адной аднаму адным адну адны адных",
    2: "два дзве двух двум двума дзвюх дзвюм дзвюма абодва",
    3: "тры трох тром трыма", 4: "чатыры чатырох чатыром чатырма",
    5: "пяць пяці пяццю", 6: "шэсць шасці шасцю", 7: "сем сямі сямю",
    8: "восем васьмі васьмю", 9: "дзевяць дзевяці дзевяццю", 10: "дзесяць дзесяці дзесяццю",
    11: "адзінаццаць адзінаццаці", 12: "дванаццаць дванаццаці", 13: "трынаццаць трынаццаці",
    14: "чатырнаццаць чатырнаццаці", 15: "пятнаццаць пятнаццаці", 16: "шаснаццаць шаснаццаці",
    17: "сямнаццаць сямнаццаці", 18: "васямнаццаць васямнаццаці",
    19: "дзевятнаццаць дзевятнаццаці", 20: "дваццаць дваццаці", 30: "трыццаць трыццаці",
    40: "сорак сарака", 50: "пяцьдзясят пяцідзесяці", 60: "шэсцьдзясят шасцідзесяці",
    70: "семдзесят сямідзесяці", 80: "восемдзесят васьмідзесяці", 90: "дзевяноста",
    100: "сто ста", 1000: "тысяча тысячы тысячу тысячай тысяч",
    10**6: "мільён мільёна мільёны мільёнаў",
}
_BE_ORDINALS = {
    1: "першы", 2: "другі", 3: "трэці", 4: "чацвёрты", 5: "пяты", 6: "шосты", 7: "сёмы",
    8: "восьмы", 9: "дзявяты", 10: "дзясяты", 11: "адзінаццаты", 12: "дванаццаты",
    20: "дваццаты", 30: "трыццаты",
}
_EN_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "both": 2,
            "million": 10**6}
_EN_ORDINALS = (
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth",
)


_TENS = frozenset(range(20, 100, 10))


@cache
def _be_table() -> dict[str, int]:
    from transalign.morph.belarusian import adjective_paradigm

    table = {form: value for value, forms in _BE_FORMS.items() for form in forms.split()}
    for value, masculine in _BE_ORDINALS.items():
        stem = masculine[:-1]
        for nominative in (masculine, stem + "ая", stem + "ае", stem + "ое", stem + "ыя", stem + "яя",
                           stem + "ія"):
            for forms in adjective_paradigm(nominative).values():
                table.update({form: value for form in forms})
    return table


@cache
def _en_table() -> dict[str, int]:
    table = {word: value for value, word in enumerate(_EN_WORDS)}
    table.update({word: value for value, word in enumerate(_EN_ORDINALS)})
    table.update(_EN_TENS)
    return table


@cache
def _ru_analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _ru_value(word: str) -> int | None:
    for parse in _ru_analyzer().parse(word)[:3]:
        if parse.tag.POS in ("NUMR", "ADJF", "NOUN"):
            value = _RU_LEMMAS.get(parse.normal_form.replace("ё", "е"), _RU_LEMMAS.get(
                parse.normal_form))
            if value is not None:
                return value
    return None


def _value(word: str, lang: str) -> int | None:
    if lang == "ru":
        return _ru_value(word)
    if lang == "be":
        return _be_table().get(word)
    if lang == "en":
        return _en_table().get(word)
    return None


def word_values(text: str, lang: str) -> set[int]:
    """Values of the number words in ``text`` (``ru``, ``be``, ``en``; none for others)."""
    values: set[int] = set()
    previous: int | None = None
    for match in _WORD.finditer(text.lower()):
        value = _value(match.group(0), lang)
        if value is not None:
            values.add(value)
            if previous in _TENS and 0 < value < 10:
                values.add(previous + value)
            if previous is not None and value in (1000, 10**6) and 0 < previous < 1000:
                values.add(previous * value)
        previous = value
    return values
