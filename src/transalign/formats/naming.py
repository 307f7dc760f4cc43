"""File names of the contract: ``<document-id>.<src>-<tgt>.tsv`` for aligned text.

One place for the convention that translate writes, align writes and check reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

_TEXT_SUFFIXES = (".txt", ".text", ".md", ".sents")
_ALIGNED_NAME = re.compile(r"^(?P<doc>.+)\.(?P<src>[a-z]{2,3})-(?P<tgt>[a-z]{2,3})\.tsv$")


def document_id(path: Path, src_lang: str) -> str:
    """``story.en.txt`` → ``story``; ``story.txt`` → ``story``; ``story`` → ``story``
    (also for ``.text``, ``.md`` and ``.sents``, the extension in any case)."""
    name = path.name
    for suffix in _TEXT_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    if name.endswith(f".{src_lang}") and len(name) > len(src_lang) + 1:
        name = name[: -len(src_lang) - 1]
    return name


def aligned_name(doc_id: str, src_lang: str, tgt_langs: Sequence[str], extension: str = "tsv") -> str:
    """``cis-ministers`` + ``en`` + ``["ru"]`` → ``cis-ministers.en-ru.tsv`` (several targets:
    ``….en-ru-be.tmx``)."""
    return f"{doc_id}.{'-'.join((src_lang, *tgt_langs))}.{extension}"


def aligned_glob(src_lang: str, tgt_lang: str) -> str:
    """The glob pattern of a pair's aligned TSVs in a folder: ``*.en-ru.tsv``."""
    return f"*.{src_lang}-{tgt_lang}.tsv"


def languages_from_name(path: str | Path) -> tuple[str, str] | None:
    """``cis-ministers.en-ru.tsv`` → ``("en", "ru")``; None when the name does not say."""
    match = _ALIGNED_NAME.match(Path(path).name)
    return (match["src"], match["tgt"]) if match else None
