"""Rendering a check report: text for people, JSON Lines for machines."""

from __future__ import annotations

import json
from collections import Counter

from transalign.check.files import CheckReport
from transalign.check.rows import Problem

_KIND_WIDTH = 16


def _describe(problem: Problem) -> str:
    if problem.kind == "term-missing":
        return f"{problem.term} [{problem.concept}] → expected {' | '.join(problem.expected)}"
    if problem.kind == "term-forbidden":
        advice = f" → use {' | '.join(problem.expected)}" if problem.expected else ""
        return f"{problem.found} [{problem.concept}] is forbidden{advice}"
    return problem.message


def format_text(report: CheckReport) -> str:
    """Problems grouped by file: ``  <id>  <kind>  <what and what was expected>``, then a
    summary line and the signature line."""
    lines: list[str] = []
    by_file: dict[str, list[Problem]] = {}
    for problem in report.problems:
        by_file.setdefault(problem.file, []).append(problem)
    for file, problems in by_file.items():
        src, tgt = report.languages.get(file, ("?", "?"))
        lines.append(f"{file} ({src}→{tgt})")
        id_width = max(len(problem.id) for problem in problems)
        lines.extend(f"  {p.id:<{id_width}}  {p.kind:<{_KIND_WIDTH}} {_describe(p)}"
                     for p in problems)
        lines.append("")
    lines.append(summary(report))
    lines.append(report.signature)
    return "\n".join(lines) + "\n"


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``, ``0 files``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(report: CheckReport) -> str:
    """``3 problems (term-missing 2, number-mismatch 1) in 1 of 2 files; 80 rows checked``."""
    rows = sum(report.rows.values())
    files = len(report.rows)
    if not report.problems:
        return f"no problems; {plural(rows, 'row')} in {plural(files, 'file')} checked"
    counts = Counter(problem.kind for problem in report.problems)
    kinds = ", ".join(f"{kind} {count}" for kind, count in counts.most_common())
    with_problems = len({problem.file for problem in report.problems})
    total = len(report.problems)
    return (f"{plural(total, 'problem')} ({kinds}) in {with_problems} of "
            f"{plural(files, 'file')}; {plural(rows, 'row')} checked")


def format_jsonl(report: CheckReport) -> str:
    """One JSON object per problem and line (see :meth:`Problem.to_json`)."""
    return "".join(json.dumps(problem.to_json(), ensure_ascii=False) + "\n"
                   for problem in report.problems)
