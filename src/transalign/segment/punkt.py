"""NLTK Punkt, loaded from the parameter tables shipped in ``transalign/data/punkt/``.

The tables are compact JSON written by ``scripts/build_punkt_data.py`` (English and Russian from
NLTK's models, Belarusian hand-built); nothing is downloaded or unpickled at run time.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from transalign.errors import InputError


def _read_table(lang: str) -> dict[str, Any]:
    try:
        raw = resources.files("transalign").joinpath("data", "punkt", f"{lang}.json").read_text("utf-8")
    except FileNotFoundError:
        raise InputError("E101", f"no Punkt table shipped for language {lang!r}",
                         hint="reinstall transalign, or run scripts/build_punkt_data.py") from None
    table: dict[str, Any] = json.loads(raw)
    return table


def load_parameters(lang: str) -> PunktParameters:
    """Punkt parameters for ``lang`` (``en``, ``ru`` or ``be``) from the shipped table."""
    table = _read_table(lang)
    params = PunktParameters()
    params.abbrev_types = set(table["abbrev_types"])
    params.collocations = {(first, second) for first, second in table["collocations"]}
    params.sent_starters = set(table["sent_starters"])
    ortho: defaultdict[str, int] = defaultdict(int)
    for flags, words in table["ortho_context"].items():
        for word in words:
            ortho[word] = int(flags)
    params.ortho_context = ortho
    return params


@lru_cache(maxsize=8)
def tokenizer(lang: str) -> PunktSentenceTokenizer:
    """A cached Punkt sentence tokenizer for ``lang``."""
    return PunktSentenceTokenizer(load_parameters(lang))


@dataclass(frozen=True)
class PunktFacts:
    """What the rules read from a Punkt table: abbreviation types and collocations (lower case)."""

    abbreviations: frozenset[str]
    collocations: frozenset[tuple[str, str]]


@lru_cache(maxsize=8)
def facts(lang: str) -> PunktFacts:
    """The abbreviation types and collocations of the Punkt table for ``lang``."""
    params = tokenizer(lang)._params
    return PunktFacts(frozenset(params.abbrev_types), frozenset(params.collocations))


@lru_cache(maxsize=8)
def nonbreaking(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The table's curated ``always`` and ``numeric_only`` abbreviation lists for ``lang``."""
    lists = _read_table(lang).get("nonbreaking", {})
    return frozenset(lists.get("always", ())), frozenset(lists.get("numeric_only", ()))


def punkt_breaks(text: str, lang: str) -> set[int]:
    """Offsets in ``text`` just after each character where Punkt ends a sentence."""
    spans = list(tokenizer(lang).span_tokenize(text, realign_boundaries=False))
    return {end for _, end in spans[:-1]}
