"""Token tries over the alternative token sequences of one constraint.

A disjunctive constraint ("one admitted term of concept X, in any inflected form") is the set of
all token sequences writing any of its forms. Stored as a trie, the work per decoding step
depends on the number of *distinct next tokens*, not on the number of forms: twelve case forms
of ``Минские соглашения`` share the node after ``▁Мин ские``.

Node 0 is the root of the *word-start* sequences (first piece begins with ``▁``: they may begin
after any token); node 1 is the root of the *glued* ones (no leading ``▁``: they may begin only
after a token that ends a word, such as ``«``). Node ids are 0-based list indices.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from transalign.constrained.vocab import TokenSequence

WORD_ROOT = 0
GLUED_ROOT = 1


@dataclass
class TokenTrie:
    """A trie of token-id sequences; ``terminal[n]`` marks nodes where a whole sequence ends."""

    children: list[dict[int, int]] = field(default_factory=lambda: [{}, {}])
    terminal: list[bool] = field(default_factory=lambda: [False, False])
    depth: list[int] = field(default_factory=lambda: [0, 0])

    def insert(self, sequence: TokenSequence) -> int:
        """Add one sequence; returns its end node."""
        node = WORD_ROOT if sequence.word_start else GLUED_ROOT
        for token in sequence.ids:
            child = self.children[node].get(token)
            if child is None:
                child = len(self.children)
                self.children[node][token] = child
                self.children.append({})
                self.terminal.append(False)
                self.depth.append(self.depth[node] + 1)
            node = child
        self.terminal[node] = True
        return node

    def __len__(self) -> int:
        return len(self.children)

    def is_empty(self) -> bool:
        """True if no sequence was inserted."""
        return not any(self.terminal)

    def step(self, nodes: Iterable[int], token: int, after_word_end: bool) -> frozenset[int]:
        """Nodes reached from ``nodes`` (and from the roots) by ``token``.

        Args:
            nodes: nodes in progress before the token.
            token: the next token id.
            after_word_end: the previous token ended a word, so glued sequences may begin.
        """
        reached = {child for node in nodes if (child := self.children[node].get(token)) is not None}
        start = self.children[WORD_ROOT].get(token)
        if start is not None:
            reached.add(start)
        if after_word_end and (glued := self.children[GLUED_ROOT].get(token)) is not None:
            reached.add(glued)
        return frozenset(reached)

    def next_tokens(self, nodes: Iterable[int], after_word_end: bool) -> dict[int, int]:
        """Tokens that continue any node in ``nodes`` or begin a sequence → depth reached."""
        sources = [WORD_ROOT, *nodes, GLUED_ROOT] if after_word_end else [WORD_ROOT, *nodes]
        reached: dict[int, int] = {}
        for node in sources:
            for token, child in self.children[node].items():
                reached[token] = max(reached.get(token, 0), self.depth[child])
        return reached

    @property
    def max_depth(self) -> int:
        """Length of the longest sequence (tokens)."""
        return max(self.depth)

    def sequences(self) -> list[tuple[int, ...]]:
        """All inserted sequences (for tests and diagnostics)."""
        found: list[tuple[int, ...]] = []
        stack: list[tuple[int, tuple[int, ...]]] = [(WORD_ROOT, ()), (GLUED_ROOT, ())]
        while stack:
            node, path = stack.pop()
            if self.terminal[node]:
                found.append(path)
            stack.extend((child, (*path, token)) for token, child in self.children[node].items())
        return sorted(found)

    def _walk(self, ids: tuple[int, ...]) -> list[int]:
        """End nodes of ``ids`` read from either root (0, 1 or 2 nodes)."""
        ends = []
        for root in (WORD_ROOT, GLUED_ROOT):
            node: int | None = root
            for token in ids:
                node = self.children[node].get(token) if node is not None else None
            if node is not None:
                ends.append(node)
        return ends

    def contains_prefix(self, ids: tuple[int, ...]) -> bool:
        """True if ``ids`` is a proper prefix of some inserted sequence (either root)."""
        return any(self.children[node] for node in self._walk(ids))

    def contains(self, ids: tuple[int, ...]) -> bool:
        """True if ``ids`` is one of the inserted sequences (either root)."""
        return any(self.terminal[node] for node in self._walk(ids))


def build_trie(sequences: Iterable[TokenSequence]) -> TokenTrie:
    """A trie holding every sequence."""
    trie = TokenTrie()
    for sequence in sequences:
        trie.insert(sequence)
    return trie
