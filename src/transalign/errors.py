"""Errors with stable codes, spaCy style.

Every error a user can cause carries a code (``E0xx`` input and files, ``E1xx`` segmentation,
``E2xx`` glossary and check, ``E3xx`` models and translation, ``E4xx`` constrained decoding,
``E5xx`` alignment, ``E6xx`` backends), the file and line it concerns where known, and a hint
saying how to fix it. The CLI turns any :class:`TransalignError` into one line on stderr and
exit status 2; library code never prints or exits.
"""

from __future__ import annotations

from pathlib import Path


class TransalignError(Exception):
    """A problem the user can fix: bad input, a missing model, an unusable option.

    Args:
        code: stable error code such as ``"E003"``.
        message: what is wrong, one sentence, no trailing period needed.
        path: the file concerned, if any.
        line: 1-based line number in ``path``, if known.
        hint: how to fix it.
    """

    exit_code = 2

    def __init__(
        self,
        code: str,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.hint = hint
        super().__init__(self.one_line())

    def location(self) -> str:
        """``file:line`` (or ``file``, or empty) for the error message."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def one_line(self) -> str:
        """The whole error as one line: ``[E003] file:12: message. Fix: hint`` (line breaks
        inside a message, hint or file name become spaces)."""
        where = self.location()
        text = f"[{self.code}] {where + ': ' if where else ''}{self.message}"
        if self.hint:
            text += f". Fix: {self.hint}"
        return " ".join(text.splitlines())


class InputError(TransalignError):
    """Unusable input file or option value (exit status 2)."""


class ModelUnavailableError(TransalignError):
    """A translation model that can be neither loaded locally nor downloaded (exit status 2)."""
