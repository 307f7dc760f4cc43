"""The target vocabulary as constrained decoding sees it: pieces, ids and word boundaries.

SentencePiece marks the start of a word with ``▁`` (U+2581). A glossary form therefore has a
*word-start* segmentation (``▁Мин ские ▁соглашения``: what the model writes after a space) and
possibly a *glued* one without the leading ``▁`` (what it writes after ``«`` or ``(``). Both are
token sequences a constraint may be met with. Token ids are the model's (Marian ``vocab.json``),
not SentencePiece's own ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

WORD_MARK = "\u2581"
_BYTE_PIECE = re.compile(r"<0x([0-9A-Fa-f]{2})>")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "'’"


def _byte_glues(piece: str) -> bool | None:
    """For a byte-fallback piece (``<0x5A>``): True if its byte writes part of a word (an ASCII
    letter or digit, or any byte of a multi-byte UTF-8 character); None for other pieces."""
    match = _BYTE_PIECE.fullmatch(piece)
    if match is None:
        return None
    value = int(match.group(1), 16)
    return value >= 0x80 or _is_word_char(chr(value))


def starts_word(piece: str) -> bool:
    """True if a token with this piece cannot continue the previous word (``▁x``, ``,``, ``»``)."""
    glues = _byte_glues(piece)
    if glues is not None:
        return not glues
    return not piece or piece.startswith(WORD_MARK) or not _is_word_char(piece[0])


def ends_word(piece: str) -> bool:
    """True if a word cannot go on after this piece without a new ``▁`` (``«``, ``(``, ``▁``)."""
    glues = _byte_glues(piece)
    if glues is not None:
        return not glues
    return not piece or not _is_word_char(piece[-1])


def case_variants(form: str) -> list[str]:
    """``form`` and, if different, ``form`` with its first letter capitalised (sentence start)."""
    capitalised = form[:1].upper() + form[1:]
    return [form] if capitalised == form else [form, capitalised]


@dataclass(frozen=True)
class TokenSequence:
    """One way to write a form: model token ids, and whether it starts with a ``▁`` word start."""

    ids: tuple[int, ...]
    word_start: bool


@dataclass
class TargetVocab:
    """Pieces of the target vocabulary by model id, and a function splitting text into pieces.

    Args:
        pieces: ``pieces[i]`` is the piece of model token id ``i`` (0-based, length ``V``).
        encode: text → SentencePiece pieces with the dummy ``▁`` prefix (as ``spm.encode(text,
            out_type=str)`` returns them).
        eos_id, pad_id, unk_id: special token ids.
        special_ids: ids that never belong to a word (``</s>``, ``<pad>``, ``>>rus<<``, …).
    """

    pieces: Sequence[str]
    encode: Callable[[str], list[str]]
    eos_id: int
    pad_id: int
    unk_id: int
    special_ids: frozenset[int] = frozenset()
    piece_ids: dict[str, int] = field(init=False)
    word_start: list[bool] = field(init=False)
    word_end: list[bool] = field(init=False)

    def __post_init__(self) -> None:
        self.piece_ids = {piece: index for index, piece in enumerate(self.pieces)}
        specials = self.special_ids | {self.eos_id, self.pad_id, self.unk_id}
        self.word_start = [i in specials or starts_word(p) for i, p in enumerate(self.pieces)]
        self.word_end = [i in specials or ends_word(p) for i, p in enumerate(self.pieces)]

    @property
    def size(self) -> int:
        """Number of token ids ``V``."""
        return len(self.pieces)

    def _ids(self, pieces: Sequence[str]) -> tuple[int, ...] | None:
        ids = tuple(self.piece_ids.get(piece, self.unk_id) for piece in pieces)
        return None if not ids or self.unk_id in ids else ids

    def sequences(self, form: str) -> list[TokenSequence]:
        """Token sequences that write ``form`` (each case variant; word-start and glued).

        Forms holding a piece the vocabulary lacks are left out (they cannot be generated).
        """
        found: dict[tuple[int, ...], bool] = {}
        for variant in case_variants(form.strip()):
            pieces = self.encode(variant)
            full = self._ids(pieces)
            if full is not None:
                found.setdefault(full, True)
            glued = self._ids(_unglue(pieces))
            if glued is not None:
                found.setdefault(glued, False)
        return [TokenSequence(ids, start) for ids, start in found.items()]


def _unglue(pieces: list[str]) -> list[str]:
    """The pieces without the leading word mark (``▁`` alone dropped, else stripped)."""
    if not pieces or not pieces[0].startswith(WORD_MARK):
        return []
    head = pieces[0][len(WORD_MARK):]
    return pieces[1:] if not head else [head, *pieces[1:]]


def vocab_from_marian(tokenizer: Any) -> TargetVocab:
    """The target-side :class:`TargetVocab` of a transformers ``MarianTokenizer``."""
    encoder: dict[str, int] = (
        tokenizer.target_encoder if getattr(tokenizer, "separate_vocabs", False) else tokenizer.encoder
    )
    size = max(encoder.values()) + 1
    pieces = [""] * size
    for piece, index in encoder.items():
        pieces[index] = piece
    spm = tokenizer.spm_target
    specials = frozenset(i for p, i in encoder.items() if p.startswith(">>") and p.endswith("<<"))

    def encode(text: str) -> list[str]:
        return list(spm.encode(text, out_type=str))

    return TargetVocab(
        pieces=pieces,
        encode=encode,
        eos_id=int(tokenizer.eos_token_id),
        pad_id=int(tokenizer.pad_token_id),
        unk_id=int(tokenizer.unk_token_id),
        special_ids=specials,
    )
