"""Full-size MarianMT checkpoints with random weights, for throughput measurements.

The shapes are those of the OPUS-MT models users run (``Helsinki-NLP/opus-mt-en-ru`` and the
``opus-mt-tc-big-*`` family); the tokenizer is a real SentencePiece model trained on the repo's
own text, its vocabulary padded with dummy pieces so that ids cover the whole embedding, and the
Marian id layout kept (``</s>`` = 0, ``<unk>`` = 1, ``<pad>`` = last id).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

EOS, UNK, PAD = "</s>", "<unk>", "<pad>"
TARGET_TOKENS = (">>rus<<", ">>bel<<")


@dataclass(frozen=True)
class MarianShape:
    """Transformer sizes of one OPUS-MT family (vocabulary in pieces, widths in units)."""

    name: str
    vocab_size: int
    d_model: int
    ffn_dim: int
    layers: int
    heads: int
    activation: str
    multi_target: bool


SHAPES = {
    "opus-mt": MarianShape("opus-mt", 62_518, 512, 2_048, 6, 8, "swish", multi_target=False),
    "tc-big": MarianShape("tc-big", 62_518, 1_024, 4_096, 6, 16, "relu", multi_target=True),
}


def train_sentencepiece(text: str, prefix: Path, vocab_size: int = 8_000) -> Path:
    """Train a unigram SentencePiece model on ``text``; returns ``prefix.model``."""
    import sentencepiece as spm

    corpus = prefix.with_suffix(".txt")
    corpus.write_text(text, encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        byte_fallback=True,
        character_coverage=1.0,
        bos_id=-1,
        eos_id=2,
        unk_id=1,
        pad_id=-1,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def padded_vocab(pieces: list[str], size: int, extra: tuple[str, ...] = ()) -> dict[str, int]:
    """Marian vocabulary: ``</s>``, ``<unk>``, ``extra``, ``pieces``, dummies, ``<pad>`` last.

    Returns a piece → id mapping with exactly ``size`` entries (ids 0 … size-1).
    """
    ordered = [EOS, UNK, *extra]
    seen = set(ordered)
    for piece in pieces:
        if piece not in seen and piece not in ("<s>", PAD):
            ordered.append(piece)
            seen.add(piece)
    if len(ordered) >= size:
        ordered = ordered[: size - 1]
    ordered += [f"<dummy{i}>" for i in range(size - 1 - len(ordered))]
    ordered.append(PAD)
    return {piece: index for index, piece in enumerate(ordered)}


def marian_config(shape: MarianShape) -> object:
    """A ``transformers.MarianConfig`` with OPUS-MT conventions (tied embeddings, pad last)."""
    from transformers import MarianConfig

    pad_id = shape.vocab_size - 1
    return MarianConfig(  # type: ignore[call-arg]
        vocab_size=shape.vocab_size,
        d_model=shape.d_model,
        encoder_layers=shape.layers,
        decoder_layers=shape.layers,
        encoder_attention_heads=shape.heads,
        decoder_attention_heads=shape.heads,
        encoder_ffn_dim=shape.ffn_dim,
        decoder_ffn_dim=shape.ffn_dim,
        activation_function=shape.activation,
        max_position_embeddings=512,
        pad_token_id=pad_id,
        decoder_start_token_id=pad_id,
        eos_token_id=0,
        bad_words_ids=[[pad_id]],
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
    )


def build_random_marian(out_dir: Path, shape: MarianShape, text: str, seed: int = 0) -> Path:
    """Write a random-weight MarianMT checkpoint of ``shape`` with a real tokenizer to ``out_dir``.

    ``text`` trains the SentencePiece model (source and target share it). Returns ``out_dir``.
    """
    import sentencepiece as spm
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    out_dir.mkdir(parents=True, exist_ok=True)
    spm_path = train_sentencepiece(text, out_dir / "spm")
    processor = spm.SentencePieceProcessor(model_file=str(spm_path))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    extra = TARGET_TOKENS if shape.multi_target else ()
    vocab = padded_vocab(pieces, shape.vocab_size, extra)
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        (out_dir / name).write_bytes(spm_path.read_bytes())
    tokenizer = MarianTokenizer(
        str(out_dir / "source.spm"), str(out_dir / "target.spm"), str(out_dir / "vocab.json")
    )
    tokenizer.save_pretrained(str(out_dir))
    torch.manual_seed(seed)
    model = MarianMTModel(marian_config(shape))  # type: ignore[arg-type]
    model.generation_config.max_length = 512
    model.generation_config.num_beams = 4
    model.save_pretrained(str(out_dir))
    return out_dir
