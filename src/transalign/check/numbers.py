"""Numbers written in digits, extracted for comparison across languages.

Equal across the languages: ``26th`` ↔ ``26-й`` (suffixes ignored), ``2019-2023`` ↔
``2019–2023`` (a range is two numbers), ``1,000`` ↔ ``1 000`` (space, no-break space, thin
space) ↔ ``1000``, ``3.5`` ↔ ``3,5``, ``1.5 million`` ↔ ``1,5 млн`` ↔ ``1 500 000``, ``50%`` ↔
``50 %``, ``XXI`` (target side) ↔ ``21st``. In a numeric date (``06.04.2018``) the month is not
required on the other side (``6 April 2018``) unless it writes a numeric date too. Numbers
written as words are never required, but a target word number (``пять``) can stand for a
source digit (``5``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from transalign.check.number_words import word_values

_RUN = re.compile(r"\d+")
_SPACES = frozenset(" \u00a0\u2009\u202f\u2007")
_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
_SHORT_DATE = re.compile(
    r"(?<![\d.,])(0[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])(?!\d|[.,]\d)"
    r"(?!\s?(?:%|per\s?cent|проц|працэнт|thousand|million|billion|trillion|bn\b|mln\b|m\b"
    r"|тыс|млн|млрд|трлн))", re.IGNORECASE)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_ROMAN = re.compile(r"(?<![\w])(?=[MDCLXVI]{2,}(?![\w]))M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})"
                    r"(IX|IV|V?I{0,3})(?![\w])")
_SCALES = (
    (re.compile(r"\s?(thousand|тыс|тысяч)", re.IGNORECASE), 10**3),
    (re.compile(r"\s?(million|mln|m\b|млн|миллион|мільён)", re.IGNORECASE), 10**6),
    (re.compile(r"\s?(billion|bn\b|bln\b|млрд|миллиард|мільярд)", re.IGNORECASE), 10**9),
    (re.compile(r"\s?(trillion|трлн|триллион|трыльён)", re.IGNORECASE), 10**12),
)
_DECADE = re.compile(r"\d{2}(\d)0'?s\b")
_PM = re.compile(r"\s?[pP]\.?\s?[mM]\b")


@dataclass(frozen=True)
class Number:
    """A number in a text: ``text[start:end]`` (0-based, end exclusive), the keys under which
    it compares equal, and whether the other side must hold it (not a date's month)."""

    text: str
    start: int
    end: int
    keys: frozenset[str]
    required: bool = True


def _canonical(value: Decimal) -> str:
    """``Decimal("1.50")`` → ``1.5``, ``Decimal("1E+3")`` → ``1000``."""
    return format(value.normalize(), "f")


def _digits_key(text: str) -> str:
    digits = "".join(char for char in text if char.isdigit()).lstrip("0")
    return digits or "0"


def _value(groups: list[str], seps: list[str], lang: str) -> Decimal | None:
    """The value of digit groups joined by separators, by the language's conventions."""
    if ":" in seps:
        return None
    integer, fraction = groups[0], ""
    for sep, group in zip(seps, groups[1:], strict=True):
        thousands = sep in _SPACES or (len(group) == 3 and (
            (sep == "," and lang == "en") or (sep == "." and seps.count(".") > 1)
            or (sep == "," and seps.count(",") > 1)))
        if thousands and not fraction:
            integer += group
        elif not fraction:
            fraction = group
        else:
            return None
    try:
        return Decimal(f"{integer}.{fraction}" if fraction else integer)
    except InvalidOperation:
        return None


def _join_runs(text: str) -> list[tuple[int, int, list[str], list[str]]]:
    """Maximal numbers: digit runs joined by one ``.``/``,``/``:`` or by a space before a 3-digit
    group (``1 000``); returns ``(start, end, groups, separators)``."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    out: list[tuple[int, int, list[str], list[str]]] = []
    for start, end in runs:
        if out:
            p_start, p_end, groups, seps = out[-1]
            sep = text[p_end:start]
            spaced = (sep in _SPACES and end - start == 3 and len(groups[-1]) <= 3
                      and (len(groups) > 1 or len(groups[0]) <= 3) and "." not in seps
                      and "," not in seps)
            if (sep in (".", ",", ":") and len(seps) < 3) or spaced:
                out[-1] = (p_start, end, [*groups, text[start:end]], [*seps, sep])
                continue
        out.append((start, end, [text[start:end]], []))
    return out


def _scaled(text: str, end: int, value: Decimal) -> set[str]:
    for pattern, factor in _SCALES:
        if pattern.match(text, end):
            return {_canonical(value * factor)}
    return set()


def _plain_numbers(text: str, lang: str, taken: set[int]) -> list[Number]:
    numbers: list[Number] = []
    for start, end, groups, seps in _join_runs(text):
        if start in taken:
            continue
        keys = {_digits_key("".join(groups))}
        value = _value(groups, seps, lang)
        if value is not None:
            scaled = _scaled(text, end, value)
            keys = scaled or keys | {_canonical(value)}
        if seps == [":"] and groups[1] == "00":
            keys.add(_digits_key(groups[0]))  # 10:00 = 10 a.m. = в 10 часов
        keys |= _afternoon_keys(text, end, groups, seps)
        decade = _DECADE.match(text, start)
        if decade:
            keys.add(decade.group(1)[-1] + "0")
        numbers.append(Number(text[start:end], start, end, frozenset(keys)))
    return numbers


def _afternoon_keys(text: str, end: int, groups: list[str], seps: list[str]) -> set[str]:
    """A 12-hour afternoon time also answers its 24-hour form: ``2 p.m.`` = ``14:00``
    (key ``14``), ``2:30 pm`` = ``14:30`` / ``14.30`` (key ``1430``)."""
    if not _PM.match(text, end) or seps not in ([], [":"], ["."]) or not 1 <= int(groups[0]) <= 11:
        return set()
    minutes = groups[1] if seps else "00"
    hour = str(int(groups[0]) + 12)
    return {hour + minutes} | ({hour} if minutes == "00" else set())


def _dates(text: str) -> tuple[list[Number], set[int]]:
    """Numeric dates: the day and year required, the month not; the run starts consumed."""
    numbers: list[Number] = []
    taken: set[int] = set()
    for match in _DATE.finditer(text):
        day, month, year = (match.start(1), 1), (match.start(2), 2), (match.start(3), 3)
        for (start, group), required in ((day, True), (month, False), (year, True)):
            part = match.group(group)
            numbers.append(Number(part, start, start + len(part),
                                  frozenset({_digits_key(part)}), required))
            taken.add(start)
    for match in _SHORT_DATE.finditer(text):
        if match.start(1) not in taken:
            numbers.extend(_short_date(match))
            taken.add(match.start(1))
    for match in _ISO_DATE.finditer(text):
        for group, required in ((1, True), (2, False), (3, True)):
            part = match.group(group)
            numbers.append(Number(part, match.start(group), match.end(group),
                                  frozenset({_digits_key(part)}), required))
            taken.add(match.start(group))
    return numbers, taken


def _short_date(match: re.Match[str]) -> list[Number]:
    """A zero-padded ``DD.MM`` (``06.04``): the day required, the month not, as in a full
    date; the day also answers to the decimal it could be (``06.04`` ↔ ``6,04``)."""
    day, month = match.group(1), match.group(2)
    decimal = _canonical(Decimal(f"{day}.{month}"))
    return [Number(day, match.start(1), match.end(1),
                   frozenset({_digits_key(day), decimal})),
            Number(month, match.start(2), match.end(2),
                   frozenset({_digits_key(month)}), required=False)]


def extract_numbers(text: str, lang: str) -> list[Number]:
    """Numbers written with digits in ``text`` (``lang`` decides ``1,000`` against ``1,5``),
    in text order."""
    dates, taken = _dates(text)
    numbers = dates + _plain_numbers(text, lang, taken)
    return sorted(numbers, key=lambda number: number.start)


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(numeral):
        value = values[char]
        following = values[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def available_keys(text: str, lang: str, *, words: bool = True) -> set[str]:
    """Every key under which a number of ``text`` can answer a source number: digits, Roman
    numerals (``XXI``) and, with ``words``, number words (``пять``, ``пяць``, ``five``)."""
    keys: set[str] = set()
    for number in extract_numbers(text, lang):
        keys |= number.keys
    keys |= {str(_roman_value(match.group(0))) for match in _ROMAN.finditer(text)
             if match.group(0)}
    if words:
        keys |= {_canonical(value) for value in word_values(text, lang)}
    return keys


def missing_numbers(source: str, target: str, src_lang: str, tgt_lang: str) -> list[Number]:
    """Required source numbers that the target holds under none of their keys (each
    distinct number once, in source order). Number words are read only when digits do not
    answer (they need a morphological analysis)."""
    target_numbers = extract_numbers(target, tgt_lang)
    numeric_date = any(not n.required for n in target_numbers)  # then months must agree
    required = [n for n in extract_numbers(source, src_lang) if n.required or numeric_date]
    if not required:
        return []
    keys = available_keys(target, tgt_lang, words=False)
    unanswered = [n for n in required if not n.keys & keys]
    if unanswered:
        keys |= {_canonical(value) for value in word_values(target, tgt_lang)}
    missing: dict[frozenset[str], Number] = {}
    for number in unanswered:
        if not number.keys & keys:
            missing.setdefault(number.keys, number)
    return list(missing.values())
