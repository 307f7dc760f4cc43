"""Review flags for fresh machine translations, from the ``check`` command's row checker.

Each MT row gets the problems ``transalign check`` would report, written into ``issues`` as
``untranslated``, ``term-missing:<concept>``, ``term-forbidden:<concept>`` or
``number-mismatch:<number>``. Without a glossary only the untranslated and number checks run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

RowFlags = Callable[[str, str], list[str]]
"""(source, target) → issue strings."""


def _flag(problem: Any) -> str:
    if problem.kind in ("term-missing", "term-forbidden"):
        return f"{problem.kind}:{problem.concept}"
    if problem.kind == "number-mismatch":
        return f"number-mismatch:{problem.number}"
    return str(problem.kind)


def row_flags(glossary: Any | None, src_lang: str, tgt_lang: str) -> RowFlags | None:
    """A function flagging one row, or None when the check module is not available."""
    try:
        from transalign.check.rows import RowChecker
        from transalign.glossary.model import Glossary
    except ImportError:
        return None
    checker = RowChecker(glossary if glossary is not None else Glossary({}, (src_lang, tgt_lang)),
                         src_lang, tgt_lang)

    def flags(source: str, target: str) -> list[str]:
        return [_flag(problem) for problem in checker.check("", "", source, target)]

    return flags
