"""``transalign align`` end to end: formats, several targets, errors with exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from translate.storage.tmx import tmxfile

from transalign.cli.main import main
from transalign.formats.links import parse_links
from transalign.formats.tsv import read_aligned_tsv

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
RU = "Встреча министров иностранных дел СНГ прошла в Минске в четверг, сообщили в министерстве."
BE = "Сустрэча міністраў замежных спраў СНД прайшла ў Мінску ў чацвер, паведамілі ў міністэрстве."


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["align", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_links_from_sentence_files_match_gold(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SAMPLES / "minsk-forum.en.sents"), str(SAMPLES / "minsk-forum.ru.sents")]
    status, out, _ = run(["--src-lang", "en", "--tgt-lang", "ru", "--sentences", *files], capsys)
    assert status == 0
    assert parse_links(out) == parse_links((SAMPLES / "minsk-forum.en-ru.gold").read_text(encoding="utf-8"))


def test_raw_text_is_segmented_and_tsv_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "minsk-forum.en-be.tsv"
    status, _, err = run(["--src-lang", "en", "--tgt-lang", "be", "--format", "tsv", "--out", str(out),
                          "--signature", str(SAMPLES / "minsk-forum.en.txt"),
                          str(SAMPLES / "minsk-forum.be.txt")], capsys)
    assert status == 0 and "ratio:" in err
    table = read_aligned_tsv(out)
    assert table.columns[:5] == ["id", "src", "tgt", "origin", "link"] and len(table.rows) > 10


def test_three_editions_as_one_tmx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "story.tmx"
    files = [str(SAMPLES / f"minsk-forum.{lang}.sents") for lang in ("en", "ru", "be")]
    status, _, _ = run(["--src-lang", "en", "--tgt-lang", "ru,be", "--sentences", "--format", "tmx",
                        "--out", str(out), *files], capsys)
    assert status == 0
    units = tmxfile.parsefile(str(out)).getunits()
    languages = {node.get("{http://www.w3.org/XML/1998/namespace}lang")
                 for unit in units for node in unit.getlanguageNodes()}
    assert languages == {"en", "ru", "be"} and len(units) > 20


@pytest.mark.parametrize(
    ("extra", "code", "why"),
    [
        (["--format", "xml"], "E502", "unknown format"),
        (["--tgt-lang", "ru,be"], "E502", "two languages, one target file"),
        (["--format", "tsv", "--tgt-lang", "ru,be", "EXTRA"], "E502", "several targets need tmx"),
        (["--tgt-lang", "en"], "E502", "target language = source language: nothing to align"),
        (["--format", "tmx", "--tgt-lang", "ru,ru", "EXTRA"], "E502",
         "a language twice: the multilingual TMX silently kept one of the two editions"),
    ],
)
def test_usage_errors(extra: list[str], code: str, why: str, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SAMPLES / "minsk-forum.en.sents"), str(SAMPLES / "minsk-forum.ru.sents")]
    if "EXTRA" in extra:
        extra = [arg for arg in extra if arg != "EXTRA"]
        files.append(str(SAMPLES / "minsk-forum.be.sents"))
    args = ["--src-lang", "en", *(["--tgt-lang", "ru"] if "--tgt-lang" not in extra else []), *extra, *files]
    status, _, err = run(args, capsys)
    assert status == 2 and f"[{code}]" in err and err.count("\n") == 1, why


def test_empty_file_is_an_error_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.ru.sents"
    empty.write_text("\n\n", encoding="utf-8")
    status, _, err = run(["--src-lang", "en", "--tgt-lang", "ru", "--sentences",
                          str(SAMPLES / "minsk-forum.en.sents"), str(empty)], capsys)
    assert status == 2 and "[E501]" in err and str(empty) in err


def test_mt_similarity_with_a_real_marian_checkpoint(tiny_model: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """--mt runs the translation core's model (the tiny one: random weights, so only the
    plumbing is checked — the alignment must still be complete and the signature say chrF)."""
    files = [str(SAMPLES / "minsk-forum.en.sents"), str(SAMPLES / "minsk-forum.ru.sents")]
    status, out, err = run(["--src-lang", "en", "--tgt-lang", "ru", "--sentences", "--mt", "--model",
                            str(tiny_model), "--signature", *files], capsys)
    assert status == 0, err
    beads = parse_links(out)
    n_src = sum(1 for line in (SAMPLES / "minsk-forum.en.sents").read_text(encoding="utf-8").splitlines()
                if line.strip())
    assert [i for bead in beads for i in bead[0]] == list(range(n_src))
    assert "mt:chrF" in err


def test_mt_with_a_missing_model_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SAMPLES / "minsk-forum.en.sents"), str(SAMPLES / "minsk-forum.ru.sents")]
    status, _, err = run(["--src-lang", "en", "--tgt-lang", "ru", "--sentences", "--mt", "--model",
                          str(tmp_path / "no-such-model"), *files], capsys)
    assert status == 2 and "[E3" in err and "--model" in err


def test_out_folder_gets_the_contract_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SAMPLES / "minsk-forum.en.txt"), str(SAMPLES / "minsk-forum.ru.txt")]
    args = ["--src-lang", "en", "--tgt-lang", "ru", "--format", "tsv", "--out", str(tmp_path), *files]
    status, _, _ = run(args, capsys)
    assert status == 0 and [path.name for path in tmp_path.iterdir()] == ["minsk-forum.en-ru.tsv"]
    args[-3] = str(tmp_path / "alignments") + "/"
    assert run(args, capsys)[0] == 0, "a trailing slash names a folder to create"
    assert (tmp_path / "alignments" / "minsk-forum.en-ru.tsv").is_file()


@pytest.mark.parametrize(
    ("name", "lang", "expected", "why"),
    [("cis-ministers.en.txt", "en", "cis-ministers", "raw text"),
     ("cis-ministers.en.sents", "en", "cis-ministers", "sentence file"),
     ("story.txt", "en", "story", "no language in the name"),
     ("en.txt", "en", "en", "nothing left after the language: keep the stem"),
     ("story.en.md", "en", "story", "the id translate gives the same story (align said 'story.en')"),
     ("STORY.en.TXT", "en", "STORY", "an upper-case extension (align named the output STORY.en.TXT.en-ru…)")],
)
def test_document_id(name: str, lang: str, expected: str, why: str) -> None:
    from transalign.align.api import document_id

    assert document_id(Path(name), lang) == expected, why


@pytest.mark.parametrize(
    ("langs", "editions", "named", "why"),
    [
        ("ru,be", ("en", "be", "ru"), "be", "ru and be editions swapped: the TMX labelled Belarusian as ru"),
        ("ru", ("ru", "en"), "ru", "source and target swapped: Cyrillic where the English story belongs"),
        ("be", ("en", "en"), "en", "the English story given as the Belarusian edition"),
        ("be", ("en", "ru"), "ru", "the Russian edition where the Belarusian one belongs"),
    ],
)
def test_an_edition_in_the_wrong_language_is_e504_naming_it(
        langs: str, editions: tuple[str, ...], named: str, why: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SAMPLES / f"minsk-forum.{lang}.sents") for lang in editions]
    status, out, err = run(["--src-lang", "en", "--tgt-lang", langs, "--sentences", "--format", "tmx",
                            *files], capsys)
    assert status == 2 and out == "", why
    assert err.count("\n") == 1 and "[E504]" in err and f"minsk-forum.{named}.sents" in err, why


@pytest.mark.parametrize(
    ("sentences", "lang", "expected", "why"),
    [
        ([RU], "ru", None, "Russian fits"),
        ([BE], "be", None, "Belarusian fits"),
        ([BE], "ru",
         "Belarusian (be) text", "і and ў, no и/щ/ъ: Belarusian"),
        ([RU], "be",
         "Russian (ru) text", "и, no і/ў: Russian"),
        (["The CIS foreign ministers met in Minsk on Thursday, the ministry said."], "ru", "Latin text",
         "English where Russian belongs"),
        (["СНГ"], "en", None, "too few letters to judge: a headline of one acronym passes"),
        ([BE, RU, RU], "be", None, "a Belarusian story quoting Russian at length is still Belarusian"),
        ([RU, "The CIS ministers met in Minsk on Thursday."], "en", None,
         "half English, half Russian: not plainly the wrong language, so not blocked"),
        (["The CIS (СНГ, Содружество) ministers met in Minsk on Thursday to talk."], "en", None,
         "English quoting a Russian name is still English"),
        (["Le ministre a rencontré ses homologues à Minsk jeudi dernier, a-t-il dit."], "fr", None,
         "a language without a known alphabet is not judged"),
    ],
)
def test_looks_like(sentences: list[str], lang: str, expected: str | None, why: str) -> None:
    from transalign.alphabet import looks_like

    assert looks_like(sentences, lang) == expected, why
