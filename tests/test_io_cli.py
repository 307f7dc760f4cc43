"""File reading/writing and the CLI's error handling."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from transalign.cli.main import main
from transalign.errors import InputError
from transalign.io import atomic_writer, read_text


@pytest.mark.parametrize(
    ("data", "encoding", "expected", "why"),
    [
        (b"\xef\xbb\xbfHello", "utf-8", "Hello", "a UTF-8 BOM is dropped"),
        ("Привет".encode("cp1251"), "cp1251", "Привет", "legacy Cyrillic encoding"),
    ],
)
def test_read_text(tmp_path: Path, data: bytes, encoding: str, expected: str, why: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    assert read_text(path, encoding=encoding) == expected, why


@pytest.mark.parametrize(
    ("data", "code", "fragment", "why"),
    [
        ("Привет".encode("cp1251"), "E002", "byte offset 0", "cp1251 read as UTF-8"),
        (b"ok\x00\x01\x02", "E003", "binary", "NUL bytes mean binary"),
    ],
)
def test_read_text_errors(tmp_path: Path, data: bytes, code: str, fragment: str, why: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert caught.value.code == code, why
    assert fragment in caught.value.one_line(), why


def test_atomic_writer_keeps_old_file_on_error(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(path) as handle:
        handle.write("half")
        raise RuntimeError("killed")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_cli_bad_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("Мінск".encode("cp1251"))
    assert main(["segment", "--lang", "be", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--encoding" in err and str(path) in err


def test_help_does_not_import_torch() -> None:
    code = "import sys; from transalign.cli.main import main; main(['--help']); " \
           "print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False False")


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
