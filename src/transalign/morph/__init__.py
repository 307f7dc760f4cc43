"""Inflection of glossary terms for Russian (pymorphy3) and Belarusian (ending tables).

:func:`inflect` gives every surface form of a dictionary-form term — the term first — so that
a target text can be searched for any of them (:mod:`transalign.glossary.target`) and a decoder
can be steered to the case a sentence needs. :func:`paradigm` gives the same forms tagged with
case and number. Other languages get the term unchanged.

Forms keep the term's capitalisation word by word, its hyphenation and its number
(``Минские соглашения`` inflects in the plural). Acronyms (``СНГ``, ``ААН``) never change.
Where the written standard allows two endings, or stress decides between them and no
dictionary is at hand (Belarusian ``-ам``/``-ом``), both are given.
"""

from __future__ import annotations

from functools import lru_cache

from transalign.morph.phrase import Analyser, Form, phrase_forms
from transalign.morph.words import CASES, NUMBERS

SUPPORTED_LANGUAGES: tuple[str, ...] = ("ru", "be")


def _analyser(lang: str) -> Analyser | None:
    if lang == "ru":
        from transalign.morph.russian import analyse_part

        return analyse_part
    if lang == "be":
        from transalign.morph.belarusian import analyse_part as analyse_be

        return analyse_be
    return None


@lru_cache(maxsize=65536)
def _paradigm(term: str, lang: str) -> tuple[Form, ...]:
    analyse = _analyser(lang)
    stripped = term.strip()
    if analyse is None or not stripped:
        return (Form(term, "nomn", "sing"),)
    forms = phrase_forms(stripped, analyse, keep_yo=lang == "be")
    if lang == "be":
        from transalign.morph.belarusian import short_u

        forms = [Form(short_u(form.text), form.case, form.number) for form in forms]
    number = forms[0].number if forms else "sing"
    first = Form(term, "nomn", number)
    return (first, *(form for form in forms if form != first))


def paradigm(term: str, lang: str) -> list[Form]:
    """Every form of ``term`` in ``lang`` with its case and number, the term itself first.

    A text that serves several cases (``Мінскія пагадненні`` nominative and accusative) is
    listed under each, so a caller can ask for the forms of one case.
    """
    return list(_paradigm(term, lang))


def inflect(term: str, lang: str) -> list[str]:
    """All surface forms of a (possibly multi-word) dictionary-form term, the term first.

    ``inflect("Минские соглашения", "ru")`` holds ``Минским соглашениям``;
    ``inflect("Данбас", "be")`` holds ``Данбаса`` and ``Данбасе``. Languages other than
    ``ru`` and ``be`` give ``[term]``.
    """
    return list(dict.fromkeys(form.text for form in _paradigm(term, lang)))


__all__ = ["CASES", "NUMBERS", "SUPPORTED_LANGUAGES", "Form", "inflect", "paradigm"]
