"""A toy target vocabulary and a tiny random MarianMTModel for constrained-decoding tests.

The pieces are chosen so that every form has exactly one segmentation; ids 0-2 are special.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from transalign.constrained.vocab import WORD_MARK, TargetVocab

PIECES = (
    "</s>", "<unk>", "<pad>", ",", "▁a", "▁b", "▁c", "▁d", "▁e", "x", "y",
    "▁СНГ", "▁Мин", "ские", "ских", "▁соглашения", "▁соглашений", "▁Дон", "бас", "с", "▁Дан",
    "СНГ", "«", "▁«", "▁Сн", "г",
)
EOS, UNK, PAD = 0, 1, 2


def greedy_pieces(text: str) -> list[str]:
    """Longest-match segmentation with SentencePiece's dummy ``▁`` before every word."""
    out: list[str] = []
    for word in text.split(" "):
        rest = WORD_MARK + word
        while rest:
            piece = next((rest[:n] for n in range(len(rest), 0, -1) if rest[:n] in PIECES), None)
            out.append(piece or "<unk>")
            rest = rest[len(piece) if piece else 1:]
    return out


def toy_vocab() -> TargetVocab:
    """The toy :class:`TargetVocab`."""
    return TargetVocab(list(PIECES), greedy_pieces, eos_id=EOS, pad_id=PAD, unk_id=UNK)


def ids(*pieces: str) -> tuple[int, ...]:
    """Token ids of pieces."""
    return tuple(PIECES.index(p) for p in pieces)


@lru_cache(maxsize=4)
def toy_model(seed: int = 0, vocab_size: int = len(PIECES), eos_bias: float = 0.0,
              only: tuple[int, ...] | None = None) -> Any:
    """A 1-layer MarianMTModel with random weights (deterministic per seed), in eval mode.

    ``eos_bias`` is added to the ``</s>`` logit (makes hypotheses end early); with ``only``,
    every other token but ``</s>`` gets a -1e4 logit bias (a tiny effective vocabulary).
    """
    import torch
    from transformers import MarianConfig, MarianMTModel

    torch.manual_seed(seed)
    config = MarianConfig(
        vocab_size=vocab_size, d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
        decoder_ffn_dim=32, max_position_embeddings=64, pad_token_id=PAD, eos_token_id=EOS,
        decoder_start_token_id=PAD, forced_eos_token_id=EOS,
    )
    model = MarianMTModel(config).eval()
    with torch.no_grad():  # a strong unigram preference: scores differ clearly between tokens
        model.final_logits_bias.copy_(torch.randn(1, vocab_size) * 3.0)
        model.final_logits_bias[0, EOS] += eos_bias
        if only is not None:
            keep = torch.zeros(vocab_size, dtype=torch.bool)
            keep[[*only, EOS]] = True
            model.final_logits_bias[0, ~keep] = -1e4
    return model


def sequence_log_probs(model: Any, source: list[int], sequences: list[tuple[int, ...]]) -> list[float]:
    """Teacher-forced sum of log-probs of each ``sequence + </s>`` (the brute-force oracle)."""
    import torch

    by_length: dict[int, list[int]] = {}
    for index, seq in enumerate(sequences):
        by_length.setdefault(len(seq), []).append(index)
    scores = [0.0] * len(sequences)
    input_ids, mask = source_batch([source])
    with torch.no_grad():
        for length, members in by_length.items():
            target = torch.tensor([[*sequences[i], EOS] for i in members]).view(len(members), length + 1)
            decoder_in = torch.cat([torch.full((len(members), 1), PAD), target[:, :-1]], dim=1)
            logits = model(input_ids=input_ids.expand(len(members), -1),
                           attention_mask=mask.expand(len(members), -1),
                           decoder_input_ids=decoder_in).logits
            logp = torch.log_softmax(logits.float(), -1).gather(2, target[:, :, None]).sum(dim=(1, 2))
            for i, value in zip(members, logp.tolist(), strict=True):
                scores[i] = value
    return scores


def source_batch(rows: list[list[int]]) -> tuple[Any, Any]:
    """``(input_ids, attention_mask)`` for source rows (ids < vocab), padded, ``</s>`` appended."""
    import torch

    width = max(len(r) for r in rows) + 1
    data = [[*r, EOS] + [PAD] * (width - len(r) - 1) for r in rows]
    input_ids = torch.tensor(data)
    return input_ids, (input_ids != PAD).long()
