"""Numbers written as words (``пять``, ``пяцёх``… ``five``, ``fifth``), for the target side.

They are never required of a translation, but a target that writes ``пять лет`` for ``5
years`` has not dropped the number. Russian words are read with pymorphy3 (cardinal and
ordinal lemmas); Belarusian and English from tables. A tens word followed by a unit word adds
their sum (``двадцать шесть`` → 26).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

_WORD = re.compile(r"[^\W\d_]+")

_RU_LEMMAS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8,
    "девятеро": 9, "десятеро": 10, "тысяча": 1000, "миллион": 10**6, "оба": 2, "первый": 1, "второй": 2,
    "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7,
    "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12,
    "двадцатый": 20, "тридцатый": 30, "сотый": 100,
}

_BE_FORMS = {
    1: "адзін адна адно аднаго адной аднаму адным адну адны адных",
    2: "два дзве двух двум двума дзвюх дзвюм дзвюма абодва двое дваіх дваім дваімі",
    3: "тры трох тром трыма трое траіх траім траімі",
    4: "чатыры чатырох чатыром чатырма чацвёра чацвярых чацвяром чацвярыма",
    5: "пяць пяці пяццю пяцёра пяцярых пяцяром пяцярыма",
    6: "шэсць шасці шасцю шасцёра шасцярых шасцяром шасцярыма",
    7: "сем сямі сямю сямёра сямярых сямяром сямярыма",
    8: "восем васьмі васьмю васьмёра васьмярых васьмяром васьмярыма",
    9: "дзевяць дзевяці дзевяццю дзевяцёра дзевяцярых",
    10: "дзесяць дзесяці дзесяццю дзесяцёра дзесяцярых",
    11: "адзінаццаць адзінаццаці", 12: "дванаццаць дванаццаці", 13: "трынаццаць трынаццаці",
    14: "чатырнаццаць чатырнаццаці", 15: "пятнаццаць пятнаццаці", 16: "шаснаццаць шаснаццаці",
    17: "сямнаццаць сямнаццаці", 18: "васямнаццаць васямнаццаці",
    19: "дзевятнаццаць дзевятнаццаці", 20: "дваццаць дваццаці", 30: "трыццаць трыццаці",
    40: "сорак сарака", 50: "пяцьдзясят пяцідзесяці", 60: "шэсцьдзясят шасцідзесяці",
    70: "семдзесят сямідзесяці", 80: "восемдзесят васьмідзесяці", 90: "дзевяноста",
    100: "сто ста", 200: "дзвесце дзвюхсот", 300: "трыста трохсот",
    400: "чатырыста чатырохсот", 500: "пяцьсот пяцісот", 600: "шэсцьсот шасцісот",
    700: "семсот сямісот", 800: "восемсот васьмісот", 900: "дзевяцьсот дзевяцісот",
    1000: "тысяча тысячы тысячу тысячай тысяч",
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


_SCALES = frozenset({Decimal(1000), Decimal(10**6), Decimal(10**9)})
_SHARED = {
    "полтора": Decimal("1.5"), "полторы": Decimal("1.5"), "полутора": Decimal("1.5"),
    "паўтара": Decimal("1.5"), "тыс": Decimal(1000), "млн": Decimal(10**6),
    "млрд": Decimal(10**9), "миллиард": Decimal(10**9), "мільярд": Decimal(10**9),
    "мільярда": Decimal(10**9), "мільярдаў": Decimal(10**9), "billion": Decimal(10**9),
}


_COMPOUND_PREFIXES = {  # the first part of a compound adjective: трёхдневный, пяцігадовы
    "ru": {"одно": 1, "дву": 2, "двух": 2, "трех": 3, "четырех": 4, "пяти": 5, "шести": 6,
           "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "двенадцати": 12,
           "пятнадцати": 15, "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50,
           "сто": 100, "ста": 100, "тысяче": 1000},
    "be": {"адна": 1, "двух": 2, "трох": 3, "чатырох": 4, "пяці": 5, "шасці": 6, "сямі": 7,
           "васьмі": 8, "дзевяці": 9, "дзесяці": 10, "дваццаці": 20, "трыццаці": 30,
           "ста": 100, "тысяча": 1000},
}
_COMPOUND_HEAD = re.compile(  # what may follow it: -летний, -дневный, -сторонний, -гадовы…
    r"(?:лет|годи|днев|месяч|недел|часов|сторон|этаж|крат|процент|километр|минут|тонн|мест"
    r"|член|серий|том|уровн|гадов|гадз|дзён|дзенн|тыдн|бако|павярх|працэнт|кіламетр|хвілін"
    r"|тон|узроўн|летн)")


def _compound_value(word: str, lang: str) -> int | None:
    """The number in a compound adjective (``трёхдневный`` → 3, ``столетие`` → 100,
    ``пяцігадовы`` → 5); None for other words (``семинар`` is not ``семи-``)."""
    word = word.replace("ё", "е") if lang == "ru" else word
    prefixes = _COMPOUND_PREFIXES.get(lang, {})
    for prefix in sorted(prefixes, key=len, reverse=True):
        if word.startswith(prefix) and _COMPOUND_HEAD.match(word, len(prefix)):
            return prefixes[prefix]
    return None


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
def _ru_table() -> dict[str, int]:
    """Every form of the Russian number words (from pymorphy3 lexemes), ё written е."""
    from transalign.morph.russian import analyzer

    table: dict[str, int] = {}
    for lemma, value in _RU_LEMMAS.items():
        for parse in analyzer().parse(lemma):
            if parse.normal_form == lemma and parse.tag.POS in ("NUMR", "ADJF", "NOUN"):
                table.update({form.word.replace("ё", "е"): value for form in parse.lexeme})
    return table


def _value(word: str, lang: str) -> Decimal | None:
    if word in _SHARED:
        return _SHARED[word]
    found: int | None = None
    if lang == "ru":
        found = _ru_table().get(word.replace("ё", "е"))
    elif lang == "be":
        found = _be_table().get(word)
    elif lang == "en":
        found = _en_table().get(word)
    found = _compound_value(word, lang) if found is None else found
    return None if found is None else Decimal(found)


def _combined(chain: Decimal, last: Decimal, value: Decimal) -> tuple[Decimal, Decimal] | None:
    """``(chain, last)`` after ``value`` continues a compound number (``пятьсот двадцать
    шесть`` → 526, ``две тысячи`` → 2000), or None when it starts a new one."""
    if value in _SCALES and 0 < chain < 1000:
        return chain * value, value
    if last >= 20 and last % 10 == 0 and 0 < value < last and value < 1000:
        return chain + value, value
    return None


def word_values(text: str, lang: str) -> set[Decimal]:
    """Values of the number words in ``text`` (``ru``, ``be``, ``en``; none for others),
    compound numbers included (``полтора миллиона`` → 1500000)."""
    values: set[Decimal] = set()
    chain = last = Decimal(0)
    for match in _WORD.finditer(text.lower()):
        value = _value(match.group(0), lang)
        if value is None:
            chain = last = Decimal(0)
            continue
        combined = _combined(chain, last, value) if chain else None
        chain, last = combined if combined else (value, value)
        values.update({value, chain})
    return values
