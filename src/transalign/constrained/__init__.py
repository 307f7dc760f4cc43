"""Terminology-constrained decoding: glossary terms forced into MarianMT translations.

- :mod:`.vocab` — target pieces, word boundaries, token sequences of a form.
- :mod:`.trie` — token trie over the alternative sequences of one disjunctive constraint.
- :mod:`.state` — per-hypothesis constraint state (interned, memoised transitions).
- :mod:`.scoring` — log-probs and length normalisation.
- :mod:`.select`, :mod:`.masks`, :mod:`.search` — batched beam search with dynamic beam
  allocation over the model's forward pass and KV cache.
- :mod:`.terms` — glossary concepts as constraints; the text check of an output.
- :mod:`.enforce` — the pipeline step (n-best first, then constrained search, then issues);
  :func:`make_enforcer` is what ``transalign.translate.hooks`` plugs in.
"""

from __future__ import annotations

from transalign.constrained.enforce import ConstrainedEnforcer, make_enforcer

__all__ = ["ConstrainedEnforcer", "make_enforcer"]
