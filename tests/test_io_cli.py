"""File reading/writing and the CLI's error handling."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transalign.cli.main import main
from transalign.errors import InputError
from transalign.io import atomic_writer, read_text


@pytest.mark.parametrize(
    ("data", "encoding", "expected", "why"),
    [
        (b"\xef\xbb\xbfHello", "utf-8", "Hello", "a UTF-8 BOM is dropped"),
        ("Привет".encode("cp1251"), "cp1251", "Привет", "legacy Cyrillic encoding"),
        ("id\tsrc\r\n".encode("utf-16"), "utf-8", "id\tsrc\r\n",
         "Excel's 'Unicode Text' (UTF-16 with BOM) is read without --encoding"),
        ("Мінск".encode("utf-16-be"), "utf-16-be", "Мінск",
         "an explicit UTF-16 encoding is not taken for binary because of its NUL bytes"),
        (b"\xef\xbb\xbfHello", "UTF8", "Hello", "the BOM is dropped whatever the codec's spelling"),
    ],
)
def test_read_text(tmp_path: Path, data: bytes, encoding: str, expected: str, why: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    assert read_text(path, encoding=encoding) == expected, why


@pytest.mark.parametrize(
    ("data", "fixed_utf8", "code", "fragment", "why"),
    [
        ("Привет".encode("cp1251"), False, "E002", "byte offset 0", "cp1251 read as UTF-8"),
        (b"ok\x00\x01\x02", False, "E003", "binary", "NUL bytes mean binary"),
        ("Прывітанне, сябры".encode("cp1251"), False, "E002", "it looks like cp1251: pass "
         "--encoding", "Cyrillic words in cp1251 are recognised in the hint"),
        ("Прывітанне, сябры".encode("cp1251"), True, "E002", "save it as UTF-8", "a UTF-8-only "
         "format (check, glossary) has no --encoding: the hint says to convert the file"),
        ("café déjà vu".encode("latin-1"), False, "E002", "Fix: pass --encoding", "single "
         "accented letters between ASCII ones are not taken for cp1251"),
    ],
)
def test_read_text_errors(tmp_path: Path, data: bytes, fixed_utf8: bool, code: str,
                          fragment: str, why: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text(path, fixed_utf8=fixed_utf8)
    assert caught.value.code == code, why
    assert fragment in caught.value.one_line(), why
    if code == "E002":
        assert fixed_utf8 == ("--encoding" not in caught.value.one_line()), why


def test_atomic_writer_keeps_old_file_on_error(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(path) as handle:
        handle.write("half")
        raise RuntimeError("killed")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize(
    ("out", "fragment", "why"),
    [
        (".", "is a folder", "--out naming an existing folder"),
        ("plain.txt/x.tbx", "is a file, not a folder", "--out under a path that is a file"),
    ],
)
def test_unwritable_output_is_one_line_exit_2(tmp_path: Path, out: str, fragment: str, why: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    glossary = tmp_path / "g.tsv"
    glossary.write_text("id\ten\tru\nosce\tOSCE\tОБСЕ\n", encoding="utf-8")
    status = main(["glossary", "export", str(glossary), "--out", str(tmp_path / out)])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "[E005]" in err and fragment in err, why
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.tsv", "plain.txt"], "no temp file left"


def test_cli_bad_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("Мінск".encode("cp1251"))
    assert main(["segment", "--lang", "be", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--encoding" in err and str(path) in err


HEAVY = ("torch", "transformers", "nltk", "numpy", "pymorphy3", "ahocorasick", "sacrebleu",
         "ctranslate2", "translate")


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["glossary", "--help"]])
def test_help_imports_no_heavy_library(argv: list[str]) -> None:
    """``transalign --help`` starts fast: no ML, NLP or morphology library is imported."""
    code = (f"import sys; from transalign.cli.main import main; main({argv!r}); "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", argv


@pytest.mark.parametrize(
    ("argv", "fragment", "why"),
    [
        (["segment"], "--lang", "a missing required option names it"),
        (["segment", "--lang", "en", "--bogus"], "--bogus", "an unknown option names it"),
        (["nosuch"], "nosuch", "an unknown command names it"),
        (["glossary", "validate"], "'transalign glossary validate --help'", "a missing "
         "argument points at the sub-command's help"),
        (["check", "--encoding", "cp1251", "x.tsv"], "--encoding", "check has no --encoding"),
    ],
)
def test_usage_error_is_one_line_exit_2(argv: list[str], fragment: str, why: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2, why
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("transalign: error:"), why
    assert fragment in err and "Traceback" not in err, why


@pytest.mark.parametrize("module", ["transalign", "transalign.cli.main"])
def test_python_dash_m_runs_the_cli(module: str) -> None:
    out = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("transalign "), module


@given(st.text(), st.text(), st.text(min_size=1), st.none() | st.integers(min_value=1))
def test_an_error_is_always_one_line(message: str, hint: str, path: str,
                                     line: int | None) -> None:
    text = InputError("E001", message, path=path, line=line, hint=hint or None).one_line()
    assert len(text.splitlines()) == 1 and text.startswith("[E001] ")


@pytest.mark.parametrize(
    ("data", "encoding", "fragment", "why"),
    [
        ("Привет".encode() + b"\x98", "cp1251", "the file is not cp1251",
         "cp1251 already tried: the hint must not suggest it again"),
        ("Привет".encode("cp1251"), "ascii", "the file is not ascii", "a wrong explicit encoding is named"),
    ],
)
def test_decode_hint_after_an_explicit_encoding(tmp_path: Path, data: bytes, encoding: str, fragment: str,
                                                why: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text(path, encoding=encoding)
    message = caught.value.one_line()
    assert fragment in message and "e.g. --encoding cp1251" not in message, why
