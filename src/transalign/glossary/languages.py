"""ISO 639-1 language codes accepted as glossary columns."""

from __future__ import annotations

_CODES = """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
"""
ISO_639_1 = frozenset(_CODES.split())


LANGUAGE_ALIASES = {  # three-letter codes and names people write for a language column (none is a
    # common column word), and their ISO 639-1 code
    "eng": "en", "rus": "ru", "bel": "be", "ukr": "uk", "deu": "de", "fra": "fr", "pol": "pl",
    "kaz": "kk", "english": "en", "russian": "ru", "belarusian": "be", "ukrainian": "uk",
}


def is_language_code(name: str) -> bool:
    """True when ``name`` is a lower-case ISO 639-1 code such as ``en``."""
    return name in ISO_639_1


def looks_like_language(name: str) -> bool:
    """True for column names meant as a language: two letters, or a tag like ``en-US``.

    Such a column must be a valid lower-case ISO 639-1 code, or the file is rejected.
    """
    head = name.replace("_", "-").split("-", 1)[0]
    return len(head) == 2 and head.isascii() and head.isalpha()
