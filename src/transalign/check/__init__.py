"""``transalign check``: glossary, number and completeness QA of aligned TSVs.

:func:`check_files` checks files row by row (:class:`RowChecker`) and returns a
:class:`CheckReport`; :func:`format_text` / :func:`format_jsonl` render it.
:func:`consistency_report` compares documents: which allowed variant of each concept each
document used, and identical source sentences translated differently.
"""

from __future__ import annotations

from transalign.check.files import (
    CheckReport,
    check_files,
    check_table,
    expand_inputs,
)
from transalign.check.report import format_jsonl, format_text
from transalign.check.rows import KINDS, Problem, RowChecker
from transalign.formats.naming import languages_from_name

__all__ = [
    "KINDS",
    "CheckReport",
    "Problem",
    "RowChecker",
    "check_files",
    "check_table",
    "expand_inputs",
    "format_jsonl",
    "format_text",
    "languages_from_name",
]
