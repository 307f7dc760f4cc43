"""Batched (lexically constrained) beam search over MarianMTModel's forward pass and KV cache.

Shapes: ``B`` sentences, ``A`` of them still active, beam ``k``, ``N = A * k`` hypothesis rows
(row ``a * k + j`` = beam ``j`` of active sentence ``a``), ``S`` source tokens, ``V`` target
vocabulary, ``t`` tokens generated so far. One decoder forward per step serves the whole batch;
the cache is reordered with one ``index_select`` on its batch dimension (self-attention only:
the cross-attention keys are identical for all beams of a sentence). Finished sentences are
dropped from the batch. Without constraints this is plain beam search (used for the n-best
list); with them, dynamic beam allocation (:mod:`transalign.constrained.select`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from transalign.constrained import masks, scoring, select
from transalign.constrained.state import ConstraintAutomaton

NEG_INF = float("-inf")


@dataclass(frozen=True)
class SearchConfig:
    """Beam search settings.

    Attributes:
        beam_size: hypotheses kept per sentence (``k``).
        max_new_tokens: length limit in generated tokens, ``</s>`` included (overridable per
            sentence).
        min_new_tokens: ``</s>`` is masked before this many tokens.
        length_penalty: exponent of the length normalisation (:mod:`.scoring`).
        n_best: hypotheses returned per sentence.
    """

    beam_size: int = 4
    max_new_tokens: int = 128
    min_new_tokens: int = 0
    length_penalty: float = 1.0
    n_best: int = 1


@dataclass(frozen=True)
class Hypothesis:
    """One output hypothesis.

    Attributes:
        tokens: generated token ids (no decoder-start token, no ``</s>``).
        score: sum of token log-probs (``</s>`` included when finished).
        normalized: length-normalised score used for ranking.
        unmet: indices of the sentence's constraints the hypothesis does not meet.
        finished: ended with ``</s>``; False when cut at the length limit.
    """

    tokens: tuple[int, ...]
    score: float
    normalized: float
    unmet: tuple[int, ...] = ()
    finished: bool = True


@dataclass
class _Beams:
    """Mutable decoding state of the active sentences (rows sentence-major)."""

    sentences: list[int]                   # (A,) original sentence index of each active sentence
    encoder_states: Any                    # (N, S, d) encoder output repeated per beam
    encoder_mask: Any                      # (N, S)
    limits: Any                            # (A,) long: max new tokens per sentence
    history: Any                           # (N, t) long: generated tokens
    scores: Any                            # (A, k) float: running scores
    state_ids: list[int]                   # (N,) constraint state id per row
    automata: list[ConstraintAutomaton | None]  # (A,)
    cache: Any = None
    finished: list[list[Hypothesis]] = field(default_factory=list)  # (A,) pools

    def keep(self, kept: Any, beam: int) -> None:
        """Drop finished sentences: keep active sentences ``kept`` (``(A',)`` long indices)."""
        import torch

        rows = (kept[:, None] * beam + torch.arange(beam, device=kept.device)).flatten()
        index = kept.tolist()
        self.sentences = [self.sentences[i] for i in index]
        self.automata = [self.automata[i] for i in index]
        self.finished = [self.finished[i] for i in index]
        self.state_ids = [self.state_ids[r] for r in rows.tolist()]
        self.encoder_states = self.encoder_states.index_select(0, rows)
        self.encoder_mask = self.encoder_mask.index_select(0, rows)
        self.limits, self.scores = self.limits[kept], self.scores[kept]
        self.history = self.history.index_select(0, rows)
        if self.cache is not None:
            self.cache.batch_select_indices(rows)


def beam_search(model: Any, input_ids: Any, attention_mask: Any, config: SearchConfig,
                automata: Sequence[ConstraintAutomaton | None] | None = None,
                max_new_tokens: Sequence[int] | None = None) -> list[list[Hypothesis]]:
    """Translate a batch; returns up to ``n_best`` hypotheses per sentence, best first.

    Args:
        model: a ``MarianMTModel`` (any encoder-decoder with the same forward signature).
        input_ids: ``(B, S)`` long source token ids (padded).
        attention_mask: ``(B, S)`` source mask (1 = token).
        config: search settings.
        automata: one constraint automaton per sentence (``None`` = unconstrained sentence).
        max_new_tokens: per-sentence length limits (default ``config.max_new_tokens``).

    Hypotheses meeting all constraints rank first, then finished ones, then by normalised score.
    """
    import torch

    with torch.inference_mode():
        beams = _start(model, input_ids, attention_mask, config, automata, max_new_tokens)
        results: list[list[Hypothesis]] = [[] for _ in range(input_ids.shape[0])]
        step = 0
        while beams.sentences:
            selection = _step(model, beams, step, config)
            _advance(beams, selection, config, _special_id(model, "eos_token_id"))
            step += 1
            _retire(beams, step, config, results)
    return results


def _start(model: Any, input_ids: Any, attention_mask: Any, config: SearchConfig,
           automata: Sequence[ConstraintAutomaton | None] | None,
           max_new_tokens: Sequence[int] | None) -> _Beams:
    import torch

    count, beam = input_ids.shape[0], config.beam_size
    encoder_states = model.get_encoder()(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
    autos = list(automata) if automata is not None else [None] * count
    autos = [a if a is not None and not a.trivial else None for a in autos]
    limits = list(max_new_tokens) if max_new_tokens is not None else [config.max_new_tokens] * count
    scores = torch.zeros(count, beam, device=input_ids.device)
    scores[:, 1:] = NEG_INF
    return _Beams(
        sentences=list(range(count)),
        encoder_states=encoder_states.repeat_interleave(beam, dim=0),
        encoder_mask=attention_mask.repeat_interleave(beam, dim=0),
        limits=torch.tensor(limits, dtype=torch.long, device=input_ids.device),
        history=torch.zeros(count * beam, 0, dtype=torch.long, device=input_ids.device),
        scores=scores,
        state_ids=[a.initial if a is not None else 0 for a in autos for _ in range(beam)],
        automata=autos,
        finished=[[] for _ in range(count)],
    )


def _next_log_probs(model: Any, beams: _Beams) -> Any:
    """One decoder step for all rows: ``(N, V)`` float32 log-probs of the next token."""
    import torch

    if beams.history.shape[1] == 0:
        start = _special_id(model, "decoder_start_token_id")
        last = torch.full((beams.history.shape[0], 1), start, dtype=torch.long, device=beams.history.device)
    else:
        last = beams.history[:, -1:]
    name = _cache_argument(model)
    out = model(encoder_outputs=(beams.encoder_states,), attention_mask=beams.encoder_mask,
                decoder_input_ids=last, use_cache=True, **{name: beams.cache})
    beams.cache = getattr(out, name)
    return scoring.token_log_probs(out.logits[:, -1, :])


def _special_id(model: Any, name: str) -> int:
    """A special token id from the model config, else its generation config (Marian: the
    decoder starts with ``<pad>``)."""
    for source in (model.config, getattr(model, "generation_config", None)):
        value = getattr(source, name, None)
        if isinstance(value, list):
            value = value[0] if value else None
        if value is not None:
            return int(value)
    if name == "decoder_start_token_id":
        return _special_id(model, "pad_token_id")
    from transalign.errors import InputError

    raise InputError("E401", f"the model's config has no {name}",
                     hint="use a MarianMT checkpoint whose config.json sets it")


def _cache_argument(model: Any) -> str:
    """``"cache"`` (transformers ≥ 5.2x) or ``"past_key_values"`` (earlier): the KV cache's name."""
    name = _CACHE_ARGUMENT.get(type(model))
    if name is None:
        import inspect

        params = inspect.signature(model.forward).parameters
        name = _CACHE_ARGUMENT[type(model)] = "cache" if "cache" in params else "past_key_values"
    return name


_CACHE_ARGUMENT: dict[type, str] = {}


def _step(model: Any, beams: _Beams, step: int, config: SearchConfig) -> select.Selection:
    """Score every continuation, apply masks, select the next beam."""
    beam = config.beam_size
    eos_id, pad_id = _special_id(model, "eos_token_id"), _special_id(model, "pad_token_id")
    logp = _next_log_probs(model, beams)
    logp[:, pad_id] = NEG_INF
    if step < config.min_new_tokens:
        logp[:, eos_id] = NEG_INF
    constrained = any(a is not None for a in beams.automata)
    if constrained:
        word_start = _word_start(beams, logp.shape[1], logp.device)
        view = masks.constraint_view(beams.automata, beams.state_ids, beam, logp.device)
        at_limit = (beams.limits <= step + 1).repeat_interleave(beam)
        masks.apply_constraint_masks(logp, view, word_start, eos_id, at_limit)
    total = beams.scores.view(-1, 1) + logp
    if not constrained:
        return select.select_plain(total, beam, eos_id)
    rows, tokens, scores, depth = select.candidates(total, beam, view.adv_rows, view.adv_tokens,
                                                    view.adv_depth)
    bank = masks.banks(view, rows, tokens, depth, word_start)
    return select.select_banked(total, beam, eos_id, pad_id, bank, rows, tokens, scores)


_WORD_START_CACHE: dict[tuple[int, int, str], Any] = {}


def _word_start(beams: _Beams, vocab_size: int, device: Any) -> Any:
    """``(V,)`` bool word-start flags of the target vocabulary (padding ids count as word starts)."""
    import torch

    vocab = next(a.vocab for a in beams.automata if a is not None)
    key = (id(vocab), vocab_size, str(device))
    flags = _WORD_START_CACHE.get(key)
    if flags is None:
        values = list(vocab.word_start[:vocab_size]) + [True] * max(0, vocab_size - vocab.size)
        flags = torch.tensor(values, dtype=torch.bool, device=device)
        _WORD_START_CACHE.clear()
        _WORD_START_CACHE[key] = flags
    return flags


def _advance(beams: _Beams, selection: select.Selection, config: SearchConfig, eos_id: int) -> None:
    """Record finished hypotheses, then reorder history, cache and constraint states."""
    import torch

    _record_finished(beams, selection, config, eos_id)
    rows = selection.rows
    beams.history = torch.cat([beams.history.index_select(0, rows), selection.tokens[:, None]], dim=1)
    beams.scores = selection.scores
    beams.cache.self_attention_cache.reorder_cache(rows)
    if any(a is not None for a in beams.automata):
        beams.state_ids = _next_states(beams, rows.tolist(), selection.tokens.tolist(), config.beam_size)


def _record_finished(beams: _Beams, selection: select.Selection, config: SearchConfig, eos_id: int) -> None:
    """Offer each hypothesis that writes ``</s>`` now to its sentence's finished pool.

    Token histories, scores and limits come to the host in one copy each (not one per row).
    """
    rows = selection.eos_rows.tolist()
    if not rows:
        return
    length = beams.history.shape[1] + 1
    histories = beams.history.index_select(0, selection.eos_rows).tolist()
    limits = beams.limits.tolist()
    for row, tokens, score in zip(rows, histories, selection.eos_scores.tolist(), strict=True):
        sentence = row // config.beam_size
        automaton = beams.automata[sentence]
        unmet = automaton.unmet(automaton.step(beams.state_ids[row], eos_id)) if automaton else ()
        real_end = length < limits[sentence]  # </s> at the last step may be forced
        hyp = Hypothesis(tuple(tokens), score, scoring.normalized(score, length, config.length_penalty),
                         unmet, real_end)
        _offer(beams.finished[sentence], hyp, config.beam_size)


def _next_states(beams: _Beams, rows: list[int], tokens: list[int], beam: int) -> list[int]:
    old = beams.state_ids
    new: list[int] = []
    for row, token in zip(rows, tokens, strict=True):
        automaton = beams.automata[row // beam]
        new.append(automaton.step(old[row], token) if automaton is not None else 0)
    return new


def _offer(pool: list[Hypothesis], hyp: Hypothesis, size: int) -> None:
    """Add ``hyp`` to a finished pool holding the ``size`` best by normalised score."""
    pool.append(hyp)
    if len(pool) > size:
        pool.sort(key=lambda h: h.normalized, reverse=True)
        del pool[size:]


def _retire(beams: _Beams, step: int, config: SearchConfig, results: list[list[Hypothesis]]) -> None:
    """Finalise sentences that are done after ``step`` tokens and drop them from the batch."""
    import torch

    beam = config.beam_size
    full = torch.tensor([len(pool) >= beam for pool in beams.finished], device=beams.scores.device)
    worst = torch.tensor([min((h.normalized for h in pool), default=NEG_INF) for pool in beams.finished],
                         device=beams.scores.device)
    bound = scoring.alive_bound(beams.scores.max(dim=1).values, step, config.length_penalty)
    done = (full & (bound <= worst)) | (beams.limits <= step) | (beams.scores.max(dim=1).values == NEG_INF)
    if not bool(done.any()):
        return
    for a in done.nonzero().flatten().tolist():
        results[beams.sentences[a]] = _final(beams, a, step, config)
    beams.keep((~done).nonzero().flatten(), beam)


def _final(beams: _Beams, a: int, step: int, config: SearchConfig) -> list[Hypothesis]:
    """The ``n_best`` hypotheses of active sentence ``a``: finished ones, and the beam cut at the
    length limit where the limit was reached (ranked by unmet constraints, finished, score)."""
    beam = config.beam_size
    pool = list(beams.finished[a])
    automaton = beams.automata[a]
    if len(pool) < config.n_best or step >= int(beams.limits[a]):  # at the limit, cut ones compete
        histories = beams.history[a * beam:(a + 1) * beam].tolist()  # one host copy per sentence
        for j, (score, tokens) in enumerate(zip(beams.scores[a].tolist(), histories, strict=True)):
            if score == NEG_INF:
                continue
            unmet = automaton.unmet(beams.state_ids[a * beam + j]) if automaton is not None else ()
            pool.append(Hypothesis(tuple(tokens), score,
                                   scoring.normalized(score, step, config.length_penalty), unmet, False))
    pool.sort(key=lambda h: (len(h.unmet), not h.finished, -h.normalized))
    return pool[: config.n_best]
