"""Segmentation invariants (hypothesis), the Python interface, and the CLI on real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from transalign.cli.main import app
from transalign.errors import InputError
from transalign.segment import SUPPORTED_LANGUAGES, segment, segment_paragraphs

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

_PIECES = ["A.G.", "U.S.", "Mr.", "г.", "т.е.", "No.", "3.5", "06.04.2018", "www.belta.by",
           "…", "...", "?!", "?", "!", ".", ",", "–", "—", "«", "»", "“", "”", "\"", "(", ")",
           "• 1", "word", "Minsk", "Минск", "сказал", "Мінску", "він", "the", "В", "The", "І"]
_SPACES = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", " \n \n", "\r\n", ""]


def _texts() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(_PIECES), st.text(max_size=6))
    return st.lists(st.tuples(piece, st.sampled_from(_SPACES)), max_size=40).map(
        lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=300, deadline=None)
@given(text=_texts(), lang=st.sampled_from(SUPPORTED_LANGUAGES))
def test_spans_cover_text_in_order_with_only_whitespace_outside(text: str, lang: str) -> None:
    sentences = segment(text, lang)
    position, paragraph = 0, 0
    for sentence in sentences:
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text and sentence.text == sentence.text.strip()
        assert text[position : sentence.start].strip() == ""
        assert sentence.paragraph >= paragraph
        position, paragraph = sentence.end, sentence.paragraph
    assert text[position:].strip() == ""


@settings(max_examples=100, deadline=None)
@given(text=_texts(), lang=st.sampled_from(SUPPORTED_LANGUAGES))
def test_paragraph_lines_are_single_line_sentences(text: str, lang: str) -> None:
    for paragraph in segment_paragraphs(text, lang):
        assert paragraph
        for sentence in paragraph:
            assert "\n" not in sentence and "\r" not in sentence and sentence == sentence.strip()


def test_unsupported_language_is_e100() -> None:
    with pytest.raises(InputError) as err:
        segment("Hallo Welt.", "de")
    assert err.value.code == "E100"


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_cli_reproduces_gold_corpus_splits(corpus: Path, lang: str) -> None:
    result = CliRunner().invoke(app, ["segment", "--lang", lang, str(corpus / f"cis-ministers.{lang}.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout == (corpus / f"cis-ministers.{lang}.sents").read_text("utf-8")


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_cli_reproduces_sample_splits(lang: str) -> None:
    result = CliRunner().invoke(app, ["segment", "--lang", lang, str(SAMPLES / f"minsk-forum.{lang}.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout == (SAMPLES / f"minsk-forum.{lang}.sents").read_text("utf-8")


def test_cli_reads_cp1251_with_encoding(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Встреча в г. Минске. Итоги подведены.\n".encode("cp1251"))
    result = CliRunner().invoke(app, ["segment", "--lang", "ru", "--encoding", "cp1251", str(path)])
    assert (result.exit_code, result.stdout) == (0, "Встреча в г. Минске.\nИтоги подведены.\n")


def test_cli_undecodable_input_is_exit_2_with_offset_and_hint(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Встреча.".encode("cp1251"))
    code = "from transalign.cli.main import run; run()"
    result = subprocess.run([sys.executable, "-c", code, "segment", "--lang", "ru", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "byte offset 0" in result.stderr and "--encoding" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_reads_stdin_and_accepts_bom() -> None:
    data = "\ufeffFirst sentence. Second one.\n\nNew paragraph.".encode()
    result = CliRunner().invoke(app, ["segment", "--lang", "en", "-"], input=data)
    assert (result.exit_code, result.stdout) == (0, "First sentence.\nSecond one.\n\nNew paragraph.\n")


def test_segment_import_does_not_load_torch() -> None:
    code = "import sys, transalign.cli.main, transalign.segment as s; s.segment('A. B.', 'en'); " \
           "print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "segment"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("heldout*.sents")), ids=lambda p: p.stem)
def test_heldout_news_sentence_exact_f1(path: Path) -> None:
    from transalign.formats.sents import flatten, read_sents
    from transalign.segment.evaluate import score

    lang = path.stem.split(".")[-1]
    gold, _ = flatten(read_sents(path))
    predicted, _ = flatten(segment_paragraphs(path.with_suffix(".txt").read_text("utf-8"), lang))
    assert score(gold, predicted).f1 >= 0.97


@pytest.mark.parametrize(
    ("gold", "predicted", "counts"),
    [
        (["A b.", "C d."], ["A b.", "C d."], (2, 2, 2)),
        (["A b.", "C d."], ["A b. C d."], (2, 1, 0)),
        (["A b. C d."], ["A b.", "C d."], (1, 2, 0)),
        (["• 1", "A b."], ["•  1", "A b."], (2, 2, 2)),
        (["A.", "B.", "C."], ["A.", "B. C."], (3, 2, 1)),
    ],
    ids=["identical", "merged", "split", "whitespace ignored", "one right of three"],
)
def test_sentence_exact_score(gold: list[str], predicted: list[str], counts: tuple[int, int, int]) -> None:
    from transalign.segment.evaluate import score

    result = score(gold, predicted)
    assert (result.gold, result.predicted, result.correct) == counts


def test_docstring_example_is_true() -> None:
    """The module docstring's example (quote over two sentences, attribution kept) runs."""
    import doctest

    import transalign.segment

    result = doctest.testmod(transalign.segment)
    assert result.attempted >= 1 and result.failed == 0
