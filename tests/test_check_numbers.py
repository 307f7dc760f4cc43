"""Numbers compared across languages: equal writings, real mismatches, words never required."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transalign.check.numbers import extract_numbers, missing_numbers

EQUAL = [
    ("the 26thsession", "в ходе 26-й сессии", "ru", "ordinal suffixes ignored (corpus typo)"),
    ("for 2019-2023", "на 2019–2023 годы", "ru", "hyphen and en dash ranges"),
    ("1,000 people", "1 000 человек", "ru", "English comma thousands, Russian space"),
    ("1,000 people", "1\u00a0000 чалавек", "be", "no-break space thousands"),
    ("1,000 people", "1\u202f000 человек", "ru", "narrow no-break space thousands"),
    ("1,000 people", "1000 человек", "ru", "no separator"),
    ("3.5%", "3,5 %", "be", "decimal point and decimal comma, spaced percent"),
    ("on 06.04.2018", "6 апреля 2018 года", "ru", "a numeric date's month may be a word"),
    ("on 6 April 2018", "06.04.2018", "ru", "leading zero of a day"),
    ("1.5 million", "1 500 000", "ru", "scale word against the full number"),
    ("1.5 million", "1,5 млн", "ru", "scale words in both"),
    ("$2 billion", "2 млрд долларов", "ru", "currency sign dropped"),
    ("21st century", "XXI век", "ru", "Roman numerals on the target side"),
    ("5 years ago", "пять лет назад", "ru", "a number word can stand for a digit"),
    ("5 years ago", "пяць гадоў таму", "be", "Belarusian number word"),
    ("26 states", "двадцать шесть государств", "ru", "compound number words"),
    ("the 2nd meeting", "второе заседание", "ru", "ordinal word"),
    ("the 2nd meeting", "другое пасяджэнне", "be", "Belarusian ordinal word"),
    ("the 1990s", "в 90-е годы", "ru", "decade written short"),
    ("at 10:30", "в 10.30", "ru", "time with a colon or a point"),
    ("at 10 a.m.", "в 10:00", "ru", "a full hour"),
    ("at 2 p.m.", "в 14:00", "ru", "a 12-hour afternoon time in the 24-hour clock"),
    ("at 2:30 pm", "у 14.30", "be", "afternoon hour and minutes, 24-hour with a point"),
    ("at 2 p.m.", "в 2 часа дня", "ru", "the 12-hour form kept"),
    ("• 1", "• 1", "ru", "bullet rows"),
    ("five years ago", "5 лет назад", "ru", "source words are never required"),
    ("on 11 April", "11 красавіка", "be", "day with a month word"),
    ("arrived on 06.04.", "прибыл 6 апреля", "ru", "a DD.MM date without a year, month as a word"),
    ("costs 12.10 euros", "стоит 12,10 евро", "ru", "a DD.MM-like decimal still matches itself"),
    ("COVID-19 and G20", "COVID-19 і G20", "be", "digits inside names"),
]


@pytest.mark.parametrize(("source", "target", "tgt", "reason"), EQUAL)
def test_equal_numbers_are_not_reported(source: str, target: str, tgt: str, reason: str) -> None:
    assert missing_numbers(source, target, "en", tgt) == [], reason


DIFFERENT = [
    ("in 2018", "в 2019 году", "ru", "2018", "a different year"),
    ("a 3-day visit", "двухдневный визит", "ru", "3", "a compound adjective of another number"),
    ("7 seminars", "семинары", "ru", "7", "семинар does not start a compound of семи-"),
    ("100 stadiums", "стадионы", "ru", "100", "стадион does not start a compound of ста-"),
    ("at 2 p.m.", "в 15:00", "ru", "2", "a wrong afternoon hour"),
    ("at 2:30 p.m.", "в 14:45", "ru", "2:30", "the right hour, wrong minutes"),
    ("1,000 troops", "1 001 военнослужащий", "ru", "1,000", "off by one"),
    ("3.5%", "3,6 %", "be", "3.5", "a different decimal"),
    ("by 2025", "да 2052 года", "be", "2025", "swapped digits"),
    ("on 6 April", "7 апреля", "ru", "6", "a different day"),
    ("26th session", "сесія", "be", "26", "a number dropped"),
    ("2019-2023", "2019–2024", "ru", "2023", "one end of a range changed"),
    ("5 years", "семь лет", "ru", "5", "a number word with another value"),
    ("at 10:30", "в 10:45", "ru", "10:30", "minutes changed"),
    ("on 06.04", "7 апреля", "ru", "06", "a DD.MM date with another day"),
    ("on 06.04", "06.05", "ru", "04", "numeric DD.MM on both sides: the month must agree"),
    ("12.10 million", "12,1 тыс.", "ru", "12.10", "a scaled decimal is not read as a date"),
]


@pytest.mark.parametrize(("source", "target", "tgt", "missing", "reason"), DIFFERENT)
def test_different_numbers_are_reported(source: str, target: str, tgt: str, missing: str,
                                        reason: str) -> None:
    assert [n.text for n in missing_numbers(source, target, "en", tgt)] == [missing], reason


def test_language_decides_comma_meaning() -> None:
    (english,) = extract_numbers("1,000", "en")
    (russian,) = extract_numbers("1,5", "ru")
    assert "1000" in english.keys
    assert "1.5" in russian.keys


def test_date_month_not_required() -> None:
    parts = extract_numbers("06.04.2018", "ru")
    assert [(n.text, n.required) for n in parts] == [("06", True), ("04", False), ("2018", True)]


MORE_EQUAL = [
    ("7 suspects", "семерых подозреваемых", "ru", "collective numeral"),
    ("7 suspects", "сямярых падазраваных", "be", "Belarusian collective numeral"),
    ("about 500 delegates", "около пятисот делегатов", "ru", "hundreds word"),
    ("about 500 delegates", "каля пяцісот дэлегатаў", "be", "Belarusian hundreds word"),
    ("1.5 million people", "полтора миллиона человек", "ru", "полтора with a scale word"),
    ("2,000 troops", "две тысячи военных", "ru", "number word times a scale word"),
    ("526 km", "пятьсот двадцать шесть километров", "ru", "three-word compound"),
    ("$1.2 bln", "1,2 млрд долларов", "ru", "bln abbreviation"),
    ("a 3-day visit", "трёхдневный визит", "ru", "a number inside a compound adjective"),
    ("a 5-year plan", "пятилетний план", "ru", "-летний compound"),
    ("a 100-year history", "столетняя история", "ru", "сто- compound"),
    ("a 2-year term", "двухгадовы тэрмін", "be", "Belarusian -гадовы compound"),
    ("a 3-day visit", "трохдзённы візіт", "be", "Belarusian -дзённы compound"),
]


@pytest.mark.parametrize(("source", "target", "tgt", "reason"), MORE_EQUAL)
def test_number_words_answer_digits(source: str, target: str, tgt: str, reason: str) -> None:
    assert missing_numbers(source, target, "en", tgt) == [], reason


def test_scale_changes_the_number() -> None:
    missing = missing_numbers("2.5 million visitors", "2,5 тыс. посетителей", "en", "ru")
    assert [n.text for n in missing] == ["2.5"]


def test_month_compared_when_both_dates_are_numeric() -> None:
    assert [n.text for n in missing_numbers("on 06.04.2018", "06.05.2018", "en", "ru")] == ["04"]
    assert missing_numbers("on 06.04.2018", "6 апреля 2018 года", "en", "ru") == []


_RU_UNIT = st.sampled_from(["человек", "тонн", "долларов", "км"])


@given(st.integers(min_value=0, max_value=10**9))
def test_a_number_matches_itself_in_every_house_grouping(value: int) -> None:
    """``12,345`` (en) = ``12 345`` / ``12 345`` (ru, be, thin or no-break space) = ``12345``."""
    source = f"{value:,} people"
    for tgt, grouped in (("ru", f"{value:,}".replace(",", " ")),
                         ("be", f"{value:,}".replace(",", "\u202f")),
                         ("ru", str(value))):
        assert missing_numbers(source, f"{grouped} человек", "en", tgt) == [], grouped


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=1, max_value=9))
def test_a_decimal_point_matches_a_decimal_comma(whole: int, tenth: int) -> None:
    assert missing_numbers(f"{whole}.{tenth} km", f"{whole},{tenth} км", "en", "ru") == []


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6),
       _RU_UNIT)
def test_a_different_number_is_always_reported(value: int, delta: int, unit: str) -> None:
    """Changing a source number by any amount is caught, whatever its size."""
    missing = missing_numbers(f"{value} units", f"{value + delta} {unit}", "en", "ru")
    assert [number.text for number in missing] == [str(value)]
