"""Target-language tokens of multi-target Marian models (``>>rus<<``), found in the vocabulary.

OPUS-MT multi-target models select the output language with a token such as ``>>rus<<``
prepended to the source sentence. Which tokens a model knows is read from its vocabulary; the
user's ISO 639-1 code (``ru``) is mapped to the ISO 639-3 code (``rus``) or, for older models,
used as is (``>>ru<<``); script variants (``>>srp_Cyrl<<``) are matched when unambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from transalign.errors import InputError

ISO_639_3 = {
    "ru": "rus", "be": "bel", "uk": "ukr", "en": "eng", "de": "deu", "fr": "fra", "es": "spa",
    "it": "ita", "pt": "por", "pl": "pol", "cs": "ces", "sk": "slk", "bg": "bul", "sr": "srp",
    "hr": "hrv", "bs": "bos", "sl": "slv", "mk": "mkd", "lt": "lit", "lv": "lav", "et": "est",
    "fi": "fin", "sv": "swe", "da": "dan", "no": "nor", "nb": "nob", "nn": "nno", "nl": "nld",
    "ro": "ron", "hu": "hun", "el": "ell", "tr": "tur", "kk": "kaz", "ky": "kir", "uz": "uzb",
    "tg": "tgk", "tk": "tuk", "az": "aze", "hy": "hye", "ka": "kat", "zh": "zho", "ja": "jpn",
    "ko": "kor", "ar": "ara", "he": "heb", "fa": "fas", "hi": "hin", "ca": "cat", "eu": "eus",
    "ga": "gle", "is": "isl", "mt": "mlt", "sq": "sqi", "yi": "yid", "rue": "rue",
}
TOKEN_RE = re.compile(r"^>>([A-Za-z_]+)<<$")


def language_tokens(vocabulary: Iterable[str]) -> list[str]:
    """All ``>>xxx<<`` pieces of a vocabulary, sorted."""
    return sorted(piece for piece in vocabulary if TOKEN_RE.match(piece))


def target_token(tokens: Iterable[str], lang: str, *, model: str = "the model") -> str | None:
    """The token that selects ``lang`` among a model's language ``tokens``.

    Returns:
        None when the model has no language tokens (a single-target model).

    Raises:
        InputError: E303 when the model has language tokens but none for ``lang`` (or several
            script variants and no way to choose).
    """
    available = sorted(tokens)
    if not available:
        return None
    codes = [code for code in (lang, ISO_639_3.get(lang)) if code]
    for code in codes:
        if f">>{code}<<" in available:
            return f">>{code}<<"
    variants = [token for token in available for code in codes if token.startswith(f">>{code}_")]
    if len(variants) == 1:
        return variants[0]
    shown = ", ".join(variants or available[:12]) + (" …" if len(available) > 12 and not variants else "")
    raise InputError(
        "E303", f"{model} has no single target-language token for {lang!r} (it has: {shown})",
        hint="choose a target language the model supports, or another --model",
    )
