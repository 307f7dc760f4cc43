"""A tiny, deterministic MarianMT checkpoint for tests, examples and benchmarks of the pipeline.

Real SentencePiece vocabularies (unigram, byte fallback, every Cyrillic letter of ru/be/uk and
the whole Latin alphabet covered) trained on text that ships with transalign, a shared Marian
``vocab.json`` holding the ``>>rus<<``/``>>bel<<``/``>>ukr<<`` target-language tokens exactly as
OPUS-MT multi-target models do, and random weights drawn with a fixed seed. It translates
nothing meaningfully, but it exercises every real code path (tokenisation, generation, decoding)
in a few milliseconds per sentence. The same inputs always give byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

TEST_MODEL_VERSION = "1"
"""Bumped whenever the builder changes in a way that changes the files it writes."""

TARGET_TOKENS = (">>bel<<", ">>rus<<", ">>ukr<<")
_DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "testmodel"
_REPO_ROOT = Path(__file__).resolve().parents[3]
_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_CYRILLIC = "".join(chr(code) for code in range(0x0410, 0x0450)) + "ЁёЎўІіЇїЄєҐґ'’"
_PUNCTUATION = ".,;:!?—–-«»\"“”„()[]%№/&+"


@dataclass(frozen=True)
class TestModelShape:
    """Architecture of the tiny model; the defaults build in about a second on one core."""

    d_model: int = 32
    layers: int = 1
    heads: int = 2
    ffn_dim: int = 64
    max_positions: int = 256
    source_pieces: int = 600
    target_pieces: int = 1200
    seed: int = 1234
    init_std: float = 0.15
    eos_bias: float = 3.0
    """``init_std`` and ``eos_bias`` make random outputs end after ~15-90 tokens (median ~35)
    instead of running to the length limit, which keeps tests fast."""


def training_texts(lang_group: str) -> list[Path]:
    """Text files the ``"source"`` (English) or ``"target"`` (ru, be) vocabulary is trained on.

    The shipped mini-story always; the repo's ``samples/*.{lang}.txt`` stories and
    ``glossaries/*.tsv`` glossaries too when running from a checkout. Sorted, so the order
    (and therefore the model) is deterministic.
    """
    langs = ("en",) if lang_group == "source" else ("ru", "be")
    paths = [_DATA_DIR / f"story.{lang}.txt" for lang in langs]
    for lang in langs:
        paths.extend(sorted((_REPO_ROOT / "samples").glob(f"*.{lang}.txt")))
    paths.extend(sorted((_REPO_ROOT / "glossaries").glob("*.tsv")))
    return [path for path in paths if path.is_file()]


def builder_digest(shape: TestModelShape | None = None) -> str:
    """sha256 (hex, 16 chars) of everything the built model depends on: use it as a cache key."""
    shape = shape or TestModelShape()
    digest = hashlib.sha256(f"v{TEST_MODEL_VERSION}|{json.dumps(asdict(shape), sort_keys=True)}".encode())
    digest.update(Path(__file__).read_bytes())
    for group in ("source", "target"):
        for path in training_texts(group):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def build_test_model(out_dir: str | Path, shape: TestModelShape | None = None) -> Path:
    """Build the tiny MarianMT checkpoint into ``out_dir`` (created; existing files replaced).

    Returns:
        ``out_dir`` as a Path, loadable with ``MarianMTModel.from_pretrained`` and
        ``MarianTokenizer.from_pretrained``.
    """
    shape = shape or TestModelShape()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="transalign-spm-") as work:
        source_spm = _train_spm(Path(work), "source", shape.source_pieces)
        target_spm = _train_spm(Path(work), "target", shape.target_pieces)
        shutil.copyfile(source_spm, out / "source.spm")
        shutil.copyfile(target_spm, out / "target.spm")
    vocab = _joint_vocab(out / "source.spm", out / "target.spm")
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), encoding="utf-8")
    _write_tokenizer_config(out, shape)
    _save_random_model(out, vocab, shape)
    return out


def build_cached_test_model(cache_root: str | Path, shape: TestModelShape | None = None) -> Path:
    """Build once into ``cache_root/tiny-model-<digest>``; safe when several processes race.

    Each builder writes into its own temp folder and renames it into place; a loser of the race
    discards its copy and uses the winner's.
    """
    root = Path(cache_root)
    final = root / f"tiny-model-{builder_digest(shape)}"
    if (final / "config.json").is_file():
        return final
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".tiny-model-", dir=root))
    build_test_model(work, shape)
    try:
        os.rename(work, final)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        if not (final / "config.json").is_file():
            raise
    return final


def _coverage_lines() -> list[str]:
    return [" ".join(_LATIN + _CYRILLIC), " ".join(_PUNCTUATION)]


def _glossary_lines(path: Path, lang_group: str) -> list[str]:
    """Terms of a glossary TSV for the wanted languages (no dependency on the glossary module)."""
    langs = {"en"} if lang_group == "source" else {"ru", "be"}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    wanted = [index for index, name in enumerate(header) if name.strip() in langs]
    terms: list[str] = []
    for line in lines[1:]:
        cells = line.split("\t")
        for index in wanted:
            if index < len(cells):
                terms.extend(term.strip().lstrip("!") for term in cells[index].split("|"))
    return [term for term in terms if term]


def _training_lines(lang_group: str) -> list[str]:
    lines = _coverage_lines()
    for path in training_texts(lang_group):
        if path.suffix == ".tsv":
            lines.extend(_glossary_lines(path, lang_group))
        else:
            lines.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _train_spm(work: Path, lang_group: str, pieces: int) -> Path:
    """Train in memory (no file paths end up in the model proto, so the bytes are reproducible)."""
    import io

    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_training_lines(lang_group)), model_writer=model,
        model_type="unigram", vocab_size=pieces,
        hard_vocab_limit=False, character_coverage=1.0, byte_fallback=True,
        num_threads=1, shuffle_input_sentence=False, input_sentence_size=0,
        unk_id=1, bos_id=-1, eos_id=0, pad_id=-1, minloglevel=2,
        normalization_rule_name="nmt_nfkc", split_digits=True,
    )
    path = work / f"{lang_group}.spm"
    path.write_bytes(model.getvalue())
    return path


def _spm_pieces(path: Path) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(path))
    return [processor.id_to_piece(index) for index in range(processor.get_piece_size())]


def _joint_vocab(source_spm: Path, target_spm: Path) -> dict[str, int]:
    """OPUS-MT layout: ``</s>`` 0, ``<unk>`` 1, language tokens, pieces of both models, ``<pad>`` last."""
    ordered: list[str] = ["</s>", "<unk>", *TARGET_TOKENS]
    seen = set(ordered)
    for piece in [*_spm_pieces(source_spm), *_spm_pieces(target_spm)]:
        if piece not in seen:
            seen.add(piece)
            ordered.append(piece)
    ordered.append("<pad>")
    return {piece: index for index, piece in enumerate(ordered)}


def _write_tokenizer_config(out: Path, shape: TestModelShape) -> None:
    config = {
        "tokenizer_class": "MarianTokenizer", "source_lang": "en", "target_lang": "zle",
        "model_max_length": shape.max_positions, "separate_vocabs": False,
        "unk_token": "<unk>", "eos_token": "</s>", "pad_token": "<pad>",
    }
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


def _save_random_model(out: Path, vocab: dict[str, int], shape: TestModelShape) -> None:
    import torch
    from transformers import MarianConfig, MarianMTModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    pad_id = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=shape.d_model,
        encoder_layers=shape.layers, decoder_layers=shape.layers,
        encoder_attention_heads=shape.heads, decoder_attention_heads=shape.heads,
        encoder_ffn_dim=shape.ffn_dim, decoder_ffn_dim=shape.ffn_dim,
        max_position_embeddings=shape.max_positions, pad_token_id=pad_id,
        eos_token_id=vocab["</s>"], decoder_start_token_id=pad_id, forced_eos_token_id=vocab["</s>"],
        share_encoder_decoder_embeddings=True, scale_embedding=True, init_std=shape.init_std,
    )
    torch.manual_seed(shape.seed)
    model = MarianMTModel(config)
    with torch.no_grad():
        model.final_logits_bias[0, config.eos_token_id] = shape.eos_bias
    model.generation_config.max_length = shape.max_positions
    model.generation_config.num_beams = 4
    model.generation_config.bad_words_ids = [[pad_id]]
    model.save_pretrained(out)


def write_training_corpus(out_dir: str | Path, groups: Sequence[str] = ("source", "target")) -> list[Path]:
    """Write the exact SentencePiece training input per group (for inspection); returns the files."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for group in groups:
        path = out / f"{group}.txt"
        path.write_text("\n".join(_training_lines(group)) + "\n", encoding="utf-8")
        written.append(path)
    return written


def describe(paths: Iterable[Path]) -> str:
    """One line per file: size in bytes and name (for the build script's summary)."""
    return "\n".join(f"{path.stat().st_size:>9}  {path.name}" for path in sorted(paths))
