"""A small en/ru/be lexicon of common news words (``data/align/lexicon.tsv``) for anchors.

``week`` / ``недели`` / ``тыдня`` all map to the concept ``week``; words that are alike across
the languages (cognates) are left to transliteration. A form is a stem matching any word that
starts with it, or, written with a trailing ``=``, one exact word.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "align" / "lexicon.tsv"
MIN_STEM = 3


@dataclass(frozen=True)
class Lexicon:
    """Per language: exact words and stems → concept id."""

    exact: dict[str, dict[str, str]]
    stems: dict[str, dict[str, str]]

    def lookup(self, word: str, lang: str) -> str | None:
        """The concept of ``word`` in ``lang`` (longest stem wins), or None."""
        lower = normalise(word)
        found = self.exact.get(lang, {}).get(lower)
        if found is not None:
            return found
        stems = self.stems.get(lang, {})
        for end in range(len(lower), MIN_STEM - 1, -1):
            found = stems.get(lower[:end])
            if found is not None:
                return found
        return None


def normalise(word: str) -> str:
    """Lower case, ``ё`` → ``е``, typographic apostrophes → ``'``."""
    return word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def parse_lexicon(text: str) -> Lexicon:
    """Parse lexicon TSV text: ``#`` comments, a header ``id<TAB>lang…``, one concept a line."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    exact: dict[str, dict[str, str]] = {lang: {} for lang in header[1:]}
    stems: dict[str, dict[str, str]] = {lang: {} for lang in header[1:]}
    for line in lines[1:]:
        cells = line.split("\t")
        for lang, cell in zip(header[1:], cells[1:], strict=False):
            for form in (normalise(part.strip()) for part in cell.split("|")):
                if form.endswith("="):
                    exact[lang][form[:-1]] = cells[0]
                elif len(form) >= MIN_STEM:
                    stems[lang][form] = cells[0]
    return Lexicon(exact, stems)


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with transalign (read once)."""
    return parse_lexicon(LEXICON_PATH.read_text(encoding="utf-8"))
