"""Assembling the forms of a multi-word term from the forms of its words.

A language module analyses the words of one part of a term into a :class:`PartPlan`: the
part's grammatical number and, for each word, either ``None`` (the word stays as written:
acronyms, genitive tails such as ``министров иностранных дел``, prepositions) or a function
giving the word's forms (lower case) in a case. This module multiplies the alternatives out,
keeps the separators and capitalisation of the term, and joins the parts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from transalign.morph.words import CASES, copy_case, fold_yo, split_parts, split_words

WordForms = Callable[[str, str], list[str]]
"""``(case, number) -> forms`` of one word (lower case, alternatives in preference order)."""


@dataclass(frozen=True)
class PartPlan:
    """How one part of a term inflects: its numbers (the term's own first) and, per word, a
    form generator or None (the word stays as written)."""

    numbers: tuple[str, ...]
    words: Sequence[WordForms | None]


@dataclass(frozen=True)
class Form:
    """One surface form of a term: its text, case and number (pymorphy3 tag names)."""

    text: str
    case: str
    number: str


Analyser = Callable[[list[str], bool], PartPlan]
"""Turns the words of one part (whitespace removed) into its :class:`PartPlan`; the flag is
True for the first part of a term, False for a part after a spaced dash (which inflects only
when it is itself in the nominative: ``… – Исполнительный секретарь СНГ``, not
``государств – участников СНГ``)."""


def _restyle(original: str, form: str, keep_yo: bool) -> str:
    """``form`` with the capitalisation of ``original``, hyphen segment by segment; ``ё``
    written ``е`` unless ``keep_yo`` or ``original`` has ``ё``."""
    keep_yo = keep_yo or "ё" in original.lower()
    pieces = form.split("-")
    patterns = original.split("-")
    if len(pieces) != len(patterns):
        return fold_yo(copy_case(original, form), keep_yo)
    return fold_yo("-".join(copy_case(p, f) for p, f in zip(patterns, pieces, strict=True)),
                   keep_yo)


def variations(choices: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """The first alternative of every slot, then each slot's other alternatives one at a time
    (the others at their first): linear, not the product, so that unrelated stress variants
    of different words are not mixed."""
    first = tuple(options[0] for options in choices)
    out = [first]
    for index, options in enumerate(choices):
        out.extend((*first[:index], option, *first[index + 1:]) for option in options[1:])
    return out


PartForms = dict[tuple[str, str], list[str]]
"""(case, number) -> surface forms of one part."""


def _part_forms(part: str, analyse: Analyser, keep_yo: bool,
                first: bool) -> tuple[tuple[str, ...], PartForms]:
    """The part's numbers and its forms per (case, number)."""
    tokens = split_words(part)
    words = tokens[0::2]
    plan = analyse(words, first)
    out: PartForms = {}
    for number in plan.numbers:
        for case in CASES:
            choices: list[list[str]] = []
            for word, generate in zip(words, plan.words, strict=True):
                forms = generate(case, number) if generate is not None else []
                styled = [_restyle(word, form, keep_yo) for form in forms] or [word]
                choices.append(list(dict.fromkeys(styled)))
            out[case, number] = ["".join(_interleave(list(combo), tokens[1::2]))
                                 for combo in variations(choices)]
    return plan.numbers, out


def _interleave(words: list[str], separators: list[str]) -> list[str]:
    out: list[str] = []
    for index, word in enumerate(words):
        out.append(word)
        if index < len(separators):
            out.append(separators[index])
    return out


def phrase_forms(term: str, analyse: Analyser, *, keep_yo: bool) -> list[Form]:
    """Every form of ``term`` (parts joined as written) in every case and number, the term's
    own number first, cases in :data:`CASES` order; a text serving several cases (the
    accusative of an inanimate noun) is listed under each.

    ``keep_yo``: keep ``ё`` in generated endings (Belarusian, where it is always written);
    else it is written ``е`` unless the term's word has it (Russian house style).
    """
    pieces = split_parts(term)
    parts = [_part_forms(piece, analyse, keep_yo, index == 0)
             for index, piece in enumerate(pieces[0::2])]
    numbers = parts[0][0] if parts else ("sing",)
    seen: set[tuple[str, str, str]] = set()
    forms: list[Form] = []
    for number in numbers:
        for case in CASES:
            alternatives = [per_slot.get((case, number)) or per_slot[case, own[0]]
                            for own, per_slot in parts]
            for combo in variations(alternatives):
                text = "".join(_interleave(list(combo), pieces[1::2]))
                if (text, case, number) not in seen:
                    seen.add((text, case, number))
                    forms.append(Form(text, case, number))
    return forms
