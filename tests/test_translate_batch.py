"""`scripts/translate_batch.py` and the translate command's surface: folders of stories, help text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "translate_batch.py"


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False)


def _folder(root: Path, kind: str) -> Path:
    if kind == "file":
        (root / "file.txt").write_text("x", encoding="utf-8")
        return root / "file.txt"
    return root / "nowhere" if kind == "missing" else root


@pytest.mark.parametrize(("kind", "reason"), [
    ("missing", "a mistyped folder was exit 0 with 'documents: 0' (looked like success)"),
    ("empty", "a folder without any *.txt story: nothing to do is an error, not success"),
    ("file", "a file where the folder belongs"),
])
def test_unusable_folder_is_one_line_e309_exit_2(tmp_path: Path, kind: str, reason: str) -> None:
    folder = _folder(tmp_path, kind)
    result = _run([str(folder), "--model", str(tmp_path / "no-model"), "--out", str(tmp_path / "out")])
    assert result.returncode == 2, reason
    assert result.stderr.count("\n") == 1 and "[E309]" in result.stderr, reason
    assert result.stdout == "" and not (tmp_path / "out").exists(), reason


def test_folder_of_stories_is_translated_with_a_json_summary(tiny_model: Path, tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "a.en.txt").write_text("The CIS ministers met in Minsk.", encoding="utf-8")
    (stories / "b.en.txt").write_bytes(b"\x00\x01binary")
    result = _run([str(stories), "--model", str(tiny_model), "--to", "ru", "--out", str(tmp_path / "out"),
                   "--quiet"])
    summary = json.loads(result.stdout)
    assert result.returncode == 2, "one bad story makes the exit status 2"
    assert (summary["documents"], summary["written"], summary["failed"]) == (2, 1, 1)
    assert (tmp_path / "out" / "a.en-ru.tsv").is_file() and "[E003]" in result.stderr


@pytest.mark.parametrize(("argv", "shown", "reason"), [
    (["translate", "--help"], "pip install 'transalign[ct2]'",
     "rich markup took '[ct2]' for a style tag and printed pip install 'transalign' (the wrong command)"),
    (["align", "--help"], "--tgt-lang", "the align help renders its options"),
])
def test_help_shows_literal_text(argv: list[str], shown: str, reason: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "250"}
    result = subprocess.run([sys.executable, "-m", "transalign", *argv], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0 and shown in result.stdout, reason
