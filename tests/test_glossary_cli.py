"""The ``transalign glossary`` commands: validate, export, import, find, forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transalign.cli.main import main
from transalign.glossary import load_glossary

HOUSE = Path(__file__).resolve().parent.parent / "glossaries" / "cis-politics.tsv"



def test_cli_export_import_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tbx, tsv = tmp_path / "house.tbx", tmp_path / "house.tsv"
    assert main(["glossary", "export", str(HOUSE), "--out", str(tbx)]) == 0
    assert main(["glossary", "import", str(tbx), "--out", str(tsv)]) == 0
    assert load_glossary(tsv) == load_glossary(HOUSE)
    assert main(["glossary", "validate", str(tsv)]) == 0
    out = capsys.readouterr().out
    assert f"{len(load_glossary(HOUSE))} concepts, languages en, ru, be" in out


def test_cli_validate_reports_file_and_line(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ten\nok\tA\nNot_ok\tB\n", encoding="utf-8")
    assert main(["glossary", "validate", str(bad)]) == 2
    assert f"[E205] {bad}:3: invalid concept id 'Not_ok'" in capsys.readouterr().err


def test_cli_validate_warns_about_forbidden_only_cells(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("id\ten\tru\nbyel\tByelorussian SSR\t!Белорусская ССР\n", encoding="utf-8")
    assert main(["glossary", "validate", str(path)]) == 0
    assert "only forbidden ru terms" in capsys.readouterr().err


def test_cli_find_lists_terms_and_translations(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Talks on Donbass and the Minsk agreements' future in Byelorussia.",
                     encoding="utf-8")
    assert main(["glossary", "find", "--lang", "en", "--to", "ru,be", str(story)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "file\tstart\tend\ttext\tconcept\tstatus\tru\tbe"
    assert lines[1:] == [
        f"{story}\t9\t16\tDonbass\tdonbass\tpreferred\tДонбасс\tДанбас",
        f"{story}\t25\t41\tMinsk agreements\tminsk_agreements\tpreferred\tМинские соглашения"
        "\tМінскія пагадненні",
        f"{story}\t53\t64\tByelorussia\tbelarus\tforbidden\tБеларусь\tБеларусь",
    ]


def test_cli_forms_lists_what_is_searched(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("transalign.morph")
    path = tmp_path / "g.tsv"
    path.write_text("id\ten\tru\nma\tMinsk agreements\tМинские соглашения | !МС\n", encoding="utf-8")
    assert main(["glossary", "forms", "--lang", "ru", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "concept\tstatus\tterm\tcount\tforms"
    concept, status, term, count, forms = lines[1].split("\t")
    assert (concept, status, term) == ("ma", "preferred", "Минские соглашения")
    assert "Минским соглашениям" in forms.split(" | ") and int(count) == len(forms.split(" | "))
    assert lines[2] == "ma\tforbidden\tМС\t1\tМС", "acronyms do not inflect"


def test_cli_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "validate", "--format", "json", str(HOUSE)]) == 0
    summary = json.loads(capsys.readouterr().out)
    glossary = load_glossary(HOUSE)
    assert (summary["concepts"], summary["digest"]) == (len(glossary), glossary.digest())
    assert summary["languages"] == ["en", "ru", "be"] and summary["warnings"] == []
    assert main(["glossary", "validate", "--format", "xml", str(HOUSE)]) == 2


@pytest.mark.parametrize(("argv", "fragment", "reason"), [
    (["glossary", "find", "--lang", "xx"], "'xx'", "a --lang the glossary lacks matches nothing"),
    (["glossary", "find", "--lang", "en", "--to", "ru,de"], "'de'",
     "a --to language without a column would print an empty column"),
    (["glossary", "forms", "--lang", "de"], "'de'", "forms of a language the glossary lacks"),
])
def test_cli_unknown_language_is_exit_2(argv: list[str], fragment: str, reason: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2, reason
    captured = capsys.readouterr()
    assert "[E224]" in captured.err and fragment in captured.err, reason
    assert captured.err.count("\n") == 1 and captured.out == "", reason


@pytest.mark.parametrize(("command", "marker", "reason"), [
    ("export", "<tbx ", "export --out - writes TBX to stdout, not to a file named '-'"),
    ("import", "id\ten\tru\tbe", "import --out - writes the TSV to stdout"),
])
def test_cli_out_dash_is_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str,
                                marker: str, reason: str,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    tbx = tmp_path / "house.tbx"
    assert main(["glossary", "export", str(HOUSE), "--out", str(tbx)]) == 0
    capsys.readouterr()
    source = str(HOUSE) if command == "export" else str(tbx)
    assert main(["glossary", command, source, "--out", "-"]) == 0, reason
    assert marker in capsys.readouterr().out, reason
    assert not (tmp_path / "-").exists(), reason


def test_cli_import_of_an_unwritable_term_names_the_tbx(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    tbx = tmp_path / "pipe.tbx"
    tbx.write_text('<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
                   '<conceptEntry id="x"><langSec xml:lang="en"><termSec><term>A | B</term>'
                   '</termSec></langSec></conceptEntry></body></text></tbx>', encoding="utf-8")
    assert main(["glossary", "import", str(tbx), "--out", str(tmp_path / "g.tsv")]) == 2
    err = capsys.readouterr().err
    assert f"[E211] {tbx}:" in err and not (tmp_path / "g.tsv").exists()
