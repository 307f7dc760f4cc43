"""Terminology-constrained decoding: glossary terms forced into MarianMT translations.

- :mod:`.vocab` — target pieces, word boundaries, token sequences of a form.
- :mod:`.trie` — token trie over the alternative sequences of one disjunctive constraint.
- :mod:`.state` — per-hypothesis constraint state (interned, memoised transitions).
- :mod:`.scoring` — log-probs and length normalisation.
- :mod:`.select`, :mod:`.masks`, :mod:`.search` — batched beam search with dynamic beam
  allocation over the model's forward pass and KV cache.
"""
