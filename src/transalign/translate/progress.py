"""Progress display for long runs: a tqdm bar on stderr, silent when not a terminal or quiet."""

from __future__ import annotations

import sys
from typing import Any


class ProgressBar:
    """Counts translated sentences; ``start`` may be called once the total is known."""

    def __init__(self, *, enabled: bool | None = None, label: str = "translating") -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.label = label
        self._bar: Any = None

    def start(self, total: int) -> None:
        """Show a bar for ``total`` sentences (no-op when disabled or nothing to do)."""
        if self.enabled and total > 0:
            from tqdm import tqdm  # type: ignore[import-untyped]

            self._bar = tqdm(total=total, desc=self.label, unit="sent", file=sys.stderr, leave=False)

    def advance(self, done: int) -> None:
        """``done`` more sentences finished."""
        if self._bar is not None:
            self._bar.update(done)

    def close(self) -> None:
        """Remove the bar."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
