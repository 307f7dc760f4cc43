"""``transalign translate`` and ``translate_documents``: outputs, no-op re-runs, resume, TM, bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transalign.cli.main import main
from transalign.formats.sents import read_sents
from transalign.formats.tsv import AlignedTable, read_aligned_tsv, write_aligned_tsv
from transalign.translate.pipeline import PAUSE_ENV, translate_documents
from transalign.translate.settings import GenerationSettings

REPO = Path(__file__).resolve().parent.parent
STORY = "The CIS ministers met in Minsk.  They discussed the OSCE mission.\n\nDonbass was on the agenda."


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in sorted(folder.iterdir())}


def test_shared_story_gives_gold_sentences_and_rerun_is_noop(corpus: Path, tiny_model: Path,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "alignments"
    args = ["translate", "--src-lang", "en", "--to", "ru,be", "--model", str(tiny_model), "--out", str(out),
            "--quiet", str(corpus / "cis-ministers.en.txt")]
    assert main(args) == 0
    gold = [sentence for paragraph in read_sents(corpus / "cis-ministers.en.sents") for sentence in paragraph]
    assert len(gold) == 44
    for tgt in ("ru", "be"):
        table = read_aligned_tsv(out / f"cis-ministers.en-{tgt}.tsv")
        assert [row["src"] for row in table.rows] == gold
        assert table.columns[:6] == ["id", "src", "tgt", "origin", "status", "issues"]
        assert {row["origin"] for row in table.rows} == {"mt"}
        manifest = json.loads((out / f"cis-ministers.en-{tgt}.manifest.json").read_text(encoding="utf-8"))
        assert manifest["signature"]["target_token"] == f">>{'rus' if tgt == 'ru' else 'bel'}<<"
        assert manifest["rows"]["total"] == 44
    before = _snapshot(out)
    assert main(args) == 0
    assert _snapshot(out) == before
    assert main([*args, "--force"]) == 0
    after = _snapshot(out)
    assert all(after[name] != before[name] for name in before), "--force rewrites every output"


def test_bad_inputs_exit_2_and_the_good_one_is_still_translated(
        tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.en.txt"
    good.write_text(STORY, encoding="utf-8")
    binary = tmp_path / "photo.en.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    empty = tmp_path / "empty.en.txt"
    empty.write_text(" \n\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.en.txt"
    latin1.write_bytes("caf\xe9".encode("latin-1"))
    out = tmp_path / "out"
    paths = [str(p) for p in (binary, good, empty, latin1, tmp_path / "missing.en.txt")]
    code = main(["translate", "--src-lang", "en", "--to", "ru", "--model", str(tiny_model), "--out", str(out),
                 "--quiet", *paths])
    err = capsys.readouterr().err
    assert code == 2
    assert sorted(p.name for p in out.iterdir()) == ["good.en-ru.manifest.json", "good.en-ru.tsv"]
    for name, code_ in [("photo", "E003"), ("empty", "E307"), ("latin1", "E002"), ("missing", "E001")]:
        assert f"[{code_}]" in err and name in err


@pytest.mark.parametrize(
    ("args", "code", "reason"),
    [
        (["--src-lang", "de", "--to", "ru"], "E100", "source language the segmenter does not know"),
        (["--src-lang", "en", "--to", "en"], "E306", "target equals source"),
        (["--src-lang", "en", "--to", ","], "E306", "no target language"),
        (["--src-lang", "en", "--to", "fr"], "E300", "no default model for the pair"),
    ],
)
def test_run_level_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                code: str, reason: str) -> None:
    story = tmp_path / "s.en.txt"
    story.write_text(STORY, encoding="utf-8")
    assert main(["translate", *args, "--out", str(tmp_path / "out"), str(story)]) == 2, reason
    assert f"[{code}]" in capsys.readouterr().err, reason
    assert not (tmp_path / "out").exists()


def test_unavailable_model_exits_2_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    story = tmp_path / "s.en.txt"
    story.write_text(STORY, encoding="utf-8")
    code = main(["translate", "--src-lang", "en", "--to", "ru,be", "--out", str(tmp_path / "out"),
                 str(story)])
    err = capsys.readouterr().err
    assert code == 2 and "Helsinki-NLP/opus-mt-tc-big-en-zle" in err and "--model PATH" in err
    assert "Traceback" not in err and not (tmp_path / "out").exists()


def test_translation_memory_reuses_approved_rows_and_never_overwrites_them(tiny_model: Path,
                                                                          tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = tmp_path / "first.en.txt"
    first.write_text(STORY, encoding="utf-8")
    translate_documents([first], "en", ["ru"], str(tiny_model), out_dir=out)
    tsv = out / "first.en-ru.tsv"
    table = read_aligned_tsv(tsv)
    table.rows[0].update(tgt="Министры СНГ встретились в Минске.", status="approved")
    table.add_column("comment")
    table.rows[0]["comment"] = "checked by the desk"
    write_aligned_tsv(tsv, table)
    second = tmp_path / "second.en.txt"
    second.write_text("New text.\n\nThe CIS   ministers met  in Minsk.", encoding="utf-8")
    # a changed setting invalidates the signature: everything is redone except approved rows
    translate_documents([first, second], "en", ["ru"], str(tiny_model), out_dir=out,
                        settings=GenerationSettings(beam_size=2))
    kept = read_aligned_tsv(tsv).rows[0]
    assert kept["tgt"] == "Министры СНГ встретились в Минске." and kept["status"] == "approved"
    assert kept["comment"] == "checked by the desk"
    reused = read_aligned_tsv(out / "second.en-ru.tsv").rows
    assert [row["origin"] for row in reused] == ["mt", "tm"]
    assert reused[1]["tgt"] == "Министры СНГ встретились в Минске." and reused[1]["status"] == "draft"


def _start(args: list[str], pause: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, PAUSE_ENV: pause, "PYTHONPATH": str(REPO / "src")}
    return subprocess.Popen([sys.executable, "-c", "from transalign.cli.main import run; run()", *args],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_killed_run_leaves_complete_files_and_next_run_finishes(tiny_model: Path, tmp_path: Path) -> None:
    stories = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.en.txt"
        path.write_text(f"Story {name}. " + STORY, encoding="utf-8")
        stories.append(str(path))
    out = tmp_path / "out"
    args = ["translate", "--src-lang", "en", "--to", "ru", "--model", str(tiny_model), "--out", str(out),
            "--threads", "1", *stories]
    process = _start(args, pause="10")
    deadline = time.monotonic() + 120
    finished = out / "a.en-ru.manifest.json"
    while not finished.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    written = sorted(path.name for path in out.glob("*.tsv"))
    assert written == ["a.en-ru.tsv"], "killed while pausing after the first output"
    assert len(read_aligned_tsv(out / "a.en-ru.tsv").rows) == 4
    first = _snapshot(out)["a.en-ru.tsv"]
    assert main([*args, "--quiet"]) == 0
    assert sorted(path.name for path in out.glob("*.tsv")) == ["a.en-ru.tsv", "b.en-ru.tsv", "c.en-ru.tsv"]
    assert _snapshot(out)["a.en-ru.tsv"] == first, "the finished output is not redone"


def test_glossary_rows_hold_the_term_or_say_it_is_missing(tiny_model: Path, tmp_path: Path) -> None:
    """With a glossary, each row either contains an allowed term of every source concept or
    flags ``term-missing:<concept>`` (or, like ``check``, only ``untranslated`` for output in no
    recognisable target language), whether or not an enforcer is installed."""
    from transalign.glossary import default_glossary_path, load_glossary
    from transalign.glossary.source import SourceMatcher
    from transalign.glossary.target import TargetMatcher

    story = tmp_path / "terms.en.txt"
    story.write_text("The CIS ministers met in Minsk.\n\nThe OSCE observers left Donbass.\n\nIt rained.",
                     encoding="utf-8")
    glossary_path = default_glossary_path()
    report = translate_documents([story], "en", ["ru"], str(tiny_model), [glossary_path], tmp_path / "out")
    assert not report.failures
    glossary = load_glossary(glossary_path)
    source, target = SourceMatcher(glossary, "en"), TargetMatcher(glossary, "ru")
    rows = read_aligned_tsv(tmp_path / "out" / "terms.en-ru.tsv").rows
    for row in rows:
        present = {match.concept_id for match in target.find(row["tgt"]) if match.status != "forbidden"}
        for concept in {match.concept_id for match in source.find(row["src"])}:
            flags = row["issues"].split("; ")
            assert concept in present or f"term-missing:{concept}" in flags or "untranslated" in flags, row
    manifest = json.loads((tmp_path / "out" / "terms.en-ru.manifest.json").read_text(encoding="utf-8"))
    assert manifest["signature"]["glossary_sha256"] == glossary.digest()


def test_stale_temp_files_of_a_killed_run_are_removed(tiny_model: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".s.en-ru.tsv.abc123.tmp"
    stale.write_text("half a file", encoding="utf-8")
    unrelated = out / ".other.en-ru.tsv.abc123.tmp"
    unrelated.write_text("someone else's", encoding="utf-8")
    in_flight = out / ".s.en-ru.manifest.json.def456.tmp"
    in_flight.write_text("a concurrent run is writing this", encoding="utf-8")
    for old in (stale, unrelated):
        os.utime(old, (time.time() - 3600, time.time() - 3600))
    story = tmp_path / "s.en.txt"
    story.write_text(STORY, encoding="utf-8")
    translate_documents([story], "en", ["ru"], str(tiny_model), out_dir=out)
    assert not stale.exists() and unrelated.exists() and in_flight.exists()


@pytest.mark.parametrize(
    ("make_out", "reason"),
    [
        (lambda root: root / "taken", "--out names an existing file"),
        (lambda root: root / "taken" / "sub", "--out lies under a file"),
    ],
)
def test_unwritable_output_is_e308_without_traceback(
        tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make_out: object,
        reason: str) -> None:
    (tmp_path / "taken").write_text("not a folder", encoding="utf-8")
    story = tmp_path / "s.en.txt"
    story.write_text(STORY, encoding="utf-8")
    out = make_out(tmp_path)  # type: ignore[operator]
    code = main(["translate", "--src-lang", "en", "--to", "ru", "--model", str(tiny_model), "--out", str(out),
                 "--quiet", str(story)])
    err = capsys.readouterr().err
    assert code == 2 and "[E308]" in err and "Traceback" not in err, reason


def test_memory_only_document_matches_golden_tsv_without_loading_the_model(
        tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sentence is in the memory: the output is fully determined (golden file) and the
    model is never loaded."""
    from transalign.formats.tsv import AlignedTable
    from transalign.segment import segment
    from transalign.translate.memory import normalise

    fixture = REPO / "tests" / "fixtures" / "translate"
    story = fixture / "memory.en.txt"
    out = tmp_path / "out"
    sentences = [s.text for s in segment(story.read_text(encoding="utf-8"), "en")]
    targets = ["Киев\tи Минск договорились.", "Цены выросли на 5 % «как минимум».",
               "Обратная \\ черта остаётся."]
    memory = AlignedTable(columns=["id", "src", "tgt", "status"], rows=[
        {"id": f"m{i}", "src": normalise(src), "tgt": tgt, "status": "approved"}
        for i, (src, tgt) in enumerate(zip(sentences, targets, strict=True))])
    write_aligned_tsv(out / "archive.en-ru.tsv", memory)

    def no_load(*args: object) -> None:
        raise AssertionError("the model was loaded although nothing needed translating")

    monkeypatch.setattr("transalign.translate.marian._load", no_load)
    report = translate_documents([story], "en", ["ru"], str(tiny_model), out_dir=out)
    assert [r.counts for r in report.results] == [{"total": 3, "mt": 0, "tm": 3, "approved": 0, "flagged": 0}]
    golden = (fixture / "memory.en-ru.golden.tsv").read_text(encoding="utf-8")
    assert (out / "memory.en-ru.tsv").read_text(encoding="utf-8") == golden


class _LoopingEnforcer:
    """A plug-in enforcer whose outputs loop and which reports nothing itself."""

    name = "looping/1"

    def translate(self, translator: object, sentences: list[str], tgt_lang: str,
                  glossary: object) -> list[object]:
        from transalign.translate.backend import Translation

        return [Translation("СНГ СНГ СНГ СНГ ::::::::", []) for _ in sentences]


def test_any_backend_output_is_checked_for_loops(tiny_model: Path, tmp_path: Path) -> None:
    from transalign.glossary import default_glossary_path

    story = tmp_path / "s.en.txt"
    story.write_text(STORY, encoding="utf-8")
    translate_documents([story], "en", ["ru"], str(tiny_model), [default_glossary_path()], tmp_path / "out",
                        enforcer=_LoopingEnforcer())  # type: ignore[arg-type]
    rows = read_aligned_tsv(tmp_path / "out" / "s.en-ru.tsv").rows
    assert all(row["issues"].split("; ")[0] == "repetition" for row in rows)


def test_killed_inside_a_document_resumes_from_the_cache(tiny_model: Path, tmp_path: Path) -> None:
    """One long story, saved every 8 sentences: a kill after the first save loses nothing saved."""
    from transalign.translate.cache import CACHE_DIR, ResumeCache

    story = tmp_path / "long.en.txt"
    story.write_text("\n\n".join(f"Sentence number {n} of the long story." for n in range(40)),
                     encoding="utf-8")
    out = tmp_path / "out"
    args = ["translate", "--src-lang", "en", "--to", "be", "--model", str(tiny_model), "--out", str(out),
            "--threads", "1", "--checkpoint-every", "8", str(story)]
    process = _start(args, pause="30")
    deadline = time.monotonic() + 120
    caches = out / CACHE_DIR
    while not any(caches.glob("*.jsonl")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not list(out.glob("*.tsv")), "nothing complete yet, nothing written"
    cache_file = next(caches.glob("be-*.jsonl"))
    saved = ResumeCache.__new__(ResumeCache)
    saved.path = cache_file
    cached = saved.load()
    assert len(cached) == 8
    assert main([*args, "--quiet"]) == 0
    rows = read_aligned_tsv(out / "long.en-be.tsv").rows
    assert len(rows) == 40
    for row in rows[:8]:
        assert row["tgt"] == cached[row["src"]].text, "saved translations are reused"
    assert not caches.exists(), "the cache is removed once everything is written"


def test_only_bad_input_leaves_no_output_at_all(tiny_model: Path, tmp_path: Path) -> None:
    binary = tmp_path / "photo.en.txt"
    binary.write_bytes(b"GIF89a\x00\x01")
    out = tmp_path / "out"
    args = ["translate", "--src-lang", "en", "--to", "ru,be", "--model", str(tiny_model), "--out", str(out)]
    assert main([*args, "--quiet", str(binary)]) == 2
    assert not out.exists()


_WORDS = ["Minsk", "ministers", "met", "the", "CIS", "on", "Friday", "talks", "ended", "«quoted»", "5,000",
          "tab\there", "back\\slash", "Ёлка", "ў"]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), min_size=1, max_size=3),
                min_size=1, max_size=3))
def test_any_story_gives_one_row_per_sentence_and_a_noop_rerun(
        tiny_model: Path, tmp_path_factory: pytest.TempPathFactory, story: list[list[list[str]]]) -> None:
    """Invariants over generated stories: rows = segmenter's sentences, in order, ids unique and
    positional; the TSV parses back; a second run rewrites nothing."""
    from transalign.segment import segment
    from transalign.translate.documents import row_ids

    text = "\n\n".join(" ".join(" ".join(words) + "." for words in paragraph) for paragraph in story)
    folder = tmp_path_factory.mktemp("story")
    path = folder / "gen.en.txt"
    path.write_text(text, encoding="utf-8")
    report = translate_documents([path], "en", ["ru"], str(tiny_model), out_dir=folder / "out")
    assert not report.failures
    sentences = segment(text, "en")
    rows = read_aligned_tsv(folder / "out" / "gen.en-ru.tsv").rows
    assert [row["src"] for row in rows] == [sentence.text for sentence in sentences]
    assert [row["id"] for row in rows] == row_ids(sentences)
    before = _snapshot(folder / "out")
    translate_documents([path], "en", ["ru"], str(tiny_model), out_dir=folder / "out")
    assert _snapshot(folder / "out") == before


def test_approval_survives_an_edit_that_shifts_row_ids(tiny_model: Path, tmp_path: Path) -> None:
    story = tmp_path / "s.en.txt"
    story.write_text("Headline\n\nThe CIS ministers met in Minsk.", encoding="utf-8")
    out = tmp_path / "out"
    translate_documents([story], "en", ["ru"], str(tiny_model), out_dir=out)
    tsv = out / "s.en-ru.tsv"
    table = read_aligned_tsv(tsv)
    table.rows[1].update(tgt="Министры СНГ встретились в Минске.", status="approved")
    table.add_column("reviewer")
    table.rows[1]["reviewer"] = "A. K."
    write_aligned_tsv(tsv, table)
    story.write_text("Headline\n\nA new first sentence. The CIS ministers met in Minsk.", encoding="utf-8")
    translate_documents([story], "en", ["ru"], str(tiny_model), out_dir=out)
    moved = read_aligned_tsv(tsv).rows[2]
    assert moved["id"] == "p2s2" and moved["status"] == "approved" and moved["reviewer"] == "A. K."
    assert moved["tgt"] == "Министры СНГ встретились в Минске."


def test_memory_option_reads_an_archive_folder_and_files(tiny_model: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "archive"
    table = AlignedTable(columns=["id", "src", "tgt", "status"], rows=[
        {"id": "p1s1", "src": "The CIS ministers met in Minsk.", "tgt": "Министры СНГ встретились в Минске.",
         "status": "approved"}])
    write_aligned_tsv(archive / "old.en-ru.tsv", table)
    loose = AlignedTable(columns=["id", "src", "tgt", "status"], rows=[
        {"id": "x", "src": "Donbass was on the agenda.", "tgt": "Донбасс был в повестке.",
         "status": "Approved"}])
    write_aligned_tsv(tmp_path / "loose-file.tsv", loose)
    story = tmp_path / "s.en.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["translate", "--src-lang", "en", "--to", "ru", "--model", str(tiny_model), "--out", str(out),
                 "--memory", str(archive), "--memory", str(tmp_path / "loose-file.tsv"),
                 "--memory", str(tmp_path / "missing"), str(story)]) == 0
    rows = read_aligned_tsv(out / "s.en-ru.tsv").rows
    assert [row["origin"] for row in rows] == ["tm", "mt", "tm"]
    assert "missing: not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("make_input", "code", "reason"),
    [
        (lambda root: root / "missing.en.txt", "[E001]", "a missing input"),
        (lambda root: _written(root / "empty.en.txt", b""), "[E307]", "an empty input"),
        (lambda root: _written(root / "b.en.txt", b"\x00\x01\x02"), "[E003]", "a binary input"),
    ],
)
def test_unusable_input_is_reported_before_any_model_is_looked_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], make_input: object, code: str,
        reason: str) -> None:
    """No --model and no hub: the input's own error is what the user sees, not E301."""
    story = make_input(tmp_path)  # type: ignore[operator]
    exit_code = main(["translate", "--src-lang", "en", "--to", "ru", "--out", str(tmp_path / "o"),
                      "--quiet", str(story)])
    err = capsys.readouterr().err
    assert exit_code == 2 and code in err and "[E301]" not in err, reason
    assert not (tmp_path / "o").exists(), reason


def test_out_under_a_file_fails_before_the_model_is_looked_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").write_text("not a folder", encoding="utf-8")
    story = _written(tmp_path / "s.en.txt", STORY.encode())
    exit_code = main(["translate", "--src-lang", "en", "--to", "ru", "--out", str(tmp_path / "taken" / "o"),
                      "--quiet", str(story)])
    err = capsys.readouterr().err
    assert exit_code == 2 and "[E308]" in err and "[E301]" not in err


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("spelling", "reason"), [
    ("{folder}/s.en.txt", "the same path twice (a shell glob plus the name): translated once, no E305"),
    ("{folder}/./s.en.txt", "the same file through another spelling of its path: still one document"),
])
def test_a_file_named_twice_is_translated_once(tiny_model: Path, tmp_path: Path, spelling: str,
                                               reason: str) -> None:
    story = tmp_path / "s.en.txt"
    story.write_text(STORY, encoding="utf-8")
    again = spelling.format(folder=tmp_path)
    report = translate_documents([story, again], "en", ["ru"], str(tiny_model), out_dir=tmp_path / "out")
    assert not report.failures, reason
    assert report.count("written") == 1, reason


def test_two_files_with_one_document_id_are_still_e305(tiny_model: Path, tmp_path: Path) -> None:
    """Different files whose outputs would collide keep failing (the dedup is for one file only)."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "s.en.txt").write_text(STORY, encoding="utf-8")
    report = translate_documents([tmp_path / "a" / "s.en.txt", tmp_path / "b" / "s.en.txt"], "en", ["ru"],
                                 str(tiny_model), out_dir=tmp_path / "out")
    assert [r.error.code for r in report.failures if r.error is not None] == ["E305"]


@pytest.mark.parametrize(("package", "reason"), [
    ("transformers", "decoding defaults and tokenisation change between transformers releases"),
    ("torch", "kernels (and so scores and beam ties) change between torch releases"),
    ("sentencepiece", "the segmentation of the input into pieces"),
    ("python", "the interpreter, for a byte-identical rerun"),
])
def test_manifest_records_the_library_versions_outside_the_signature(
        tiny_model: Path, tmp_path: Path, package: str, reason: str) -> None:
    import platform
    from importlib import metadata

    story = tmp_path / "s.en.txt"
    story.write_text(STORY, encoding="utf-8")
    translate_documents([story], "en", ["ru"], str(tiny_model), out_dir=tmp_path / "out")
    manifest_file = tmp_path / "out" / "s.en-ru.manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    expected = platform.python_version() if package == "python" else metadata.version(package)
    assert manifest["environment"][package] == expected, reason
    assert package not in manifest["signature"], "a version is not a signature field"
    manifest["environment"][package] = "0.0-older"  # written by another install: still up to date
    manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    report = translate_documents([story], "en", ["ru"], str(tiny_model), out_dir=tmp_path / "out")
    assert report.count("unchanged") == 1, "a library upgrade alone does not retranslate"


@pytest.mark.parametrize(("header", "to", "warned", "reason"), [
    ("id\ten\tru", "ru,be", ["'be' column"], "an en/ru glossary with --to ru,be: be got no terms, silently"),
    ("id\tru\tbe", "ru", ["'en' column"], "a glossary without the source language matches nothing"),
    ("id\ten\tru\tbe", "ru,be", [], "every language covered: no warning"),
])
def test_glossary_without_a_run_language_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      tiny_model: Path, header: str, to: str,
                                                      warned: list[str], reason: str) -> None:
    columns = header.split("\t")
    terms = {"en": "OSCE", "ru": "ОБСЕ", "be": "АБСЕ"}
    glossary = tmp_path / "g.tsv"
    glossary.write_text(header + "\nosce\t" + "\t".join(terms[c] for c in columns[1:]) + "\n",
                        encoding="utf-8")
    story = tmp_path / "s.en.txt"
    story.write_text("The OSCE met.", encoding="utf-8")
    status = main(["translate", "--src-lang", "en", "--to", to, "--model", str(tiny_model), "--glossary",
                   str(glossary), "--out", str(tmp_path / "out"), "--quiet", str(story)])
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning:" in line]
    assert status == 0, reason
    assert len(warnings) == len(warned), reason
    assert all(w in line for w, line in zip(warned, warnings, strict=True)), reason


@pytest.mark.parametrize(("text", "src_lang", "code", "reason"), [
    ("Министры иностранных дел СНГ встретились в Минске и обсудили ситуацию в Донбассе.", "en", "E310",
     "a Russian story with --src-lang en: the en→ru model would turn it into noise, reported as success"),
    ("Міністры замежных спраў СНД сустрэліся ў Мінску і абмеркавалі сітуацыю ў Данбасе.", "ru", "E310",
     "a Belarusian story with --src-lang ru (be→en needs --src-lang be)"),
    ("The CIS foreign ministers met in Minsk (Минск) and discussed the situation.", "en", None,
     "English quoting a Cyrillic name is English"),
])
def test_a_story_not_in_the_source_language_is_e310(tmp_path: Path, text: str, src_lang: str,
                                                    code: str | None, reason: str) -> None:
    from transalign.errors import InputError
    from transalign.translate.documents import read_document

    story = tmp_path / "s.txt"
    story.write_text(text, encoding="utf-8")
    if code is None:
        assert read_document(story, src_lang).sentences, reason
        return
    with pytest.raises(InputError) as err:
        read_document(story, src_lang)
    assert err.value.code == code and "s.txt" in err.value.one_line(), reason


def test_a_human_edition_aligned_by_align_serves_as_translation_memory(tiny_model: Path,
                                                                        tmp_path: Path) -> None:
    """align --format tsv on the sample's published ru edition, then translate --memory: every
    sentence the edition translates one-to-one comes from it (origin=tm), the rest from the model."""
    samples = REPO / "samples"
    human = tmp_path / "edition.en-ru.tsv"
    assert main(["align", "--src-lang", "en", "--tgt-lang", "ru", "--format", "tsv", "--out", str(human),
                 str(samples / "minsk-forum.en.txt"), str(samples / "minsk-forum.ru.txt")]) == 0
    pairs = {row["src"]: row["tgt"] for row in read_aligned_tsv(human).rows
             if row["tgt"] and row["link"].count(",") == 0 and "[]" not in row["link"]}
    out = tmp_path / "out"
    assert main(["translate", "--src-lang", "en", "--to", "ru", "--model", str(tiny_model), "--out", str(out),
                 "--memory", str(human), "--quiet", str(samples / "minsk-forum.en.txt")]) == 0
    rows = read_aligned_tsv(out / "minsk-forum.en-ru.tsv").rows
    from_memory = {row["src"]: row["tgt"] for row in rows if row["origin"] == "tm"}
    assert from_memory == pairs and len(pairs) >= 20
