"""``transalign check``: row checks, files, output formats, exit status, the corpus gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transalign.check import RowChecker, check_files, format_jsonl, format_text
from transalign.check.consistency import consistency_report, format_consistency_text
from transalign.check.untranslated import untranslated_reason
from transalign.cli.main import main
from transalign.formats.links import read_links
from transalign.formats.sents import flatten, read_sents
from transalign.formats.tsv import AlignedTable, write_aligned_tsv
from transalign.glossary import default_glossary_path, load_glossary


@pytest.fixture(scope="module")
def house() -> RowChecker:
    return RowChecker(load_glossary(default_glossary_path()), "en", "ru")


@pytest.fixture(scope="module")
def house_be() -> RowChecker:
    return RowChecker(load_glossary(default_glossary_path()), "en", "be")


ROWS = [
    ("ru", "Thanks to the Minsk agreements fighting stopped.",
     "Благодаря Минским соглашениям бои прекратились.", [], "clean, dative plural"),
    ("ru", "Thanks to the Minsk agreements fighting stopped.",
     "Благодаря договорённостям бои прекратились.", [("term-missing", "minsk_agreements")],
     "term replaced by a paraphrase"),
    ("ru", "Peace in the Donbass area.", "Мир на Донбасе.", [("term-forbidden", "donbass")],
     "forbidden spelling instead of the preferred term"),
    ("ru", "He visited Belarus.", "Он посетил Белоруссию.", [("term-forbidden", "belarus")],
     "forbidden name"),
    ("ru", "The OSCE met in 2018.", "ОБСЕ собралась в 2019 году.",
     [("number-mismatch", None)], "year changed"),
    ("ru", "The OSCE met in 2018.", "", [("untranslated", None)], "empty target"),
    ("ru", "The OSCE met in 2018.", "The OSCE met in 2018.", [("untranslated", None)],
     "copy of the source"),
    ("ru", "• 1", "• 1", [], "identical bullet row"),
    ("ru", "Reuters", "Reuters", [], "a single-word name may stay"),
    ("ru", "BelTA", "BelTA", [("term-missing", "belta")], "but not a glossary name"),
    ("ru", "He met the President of Belarus.", "Он встретился с Президентом Белоруссии.",
     [("term-forbidden", "belarus")], "one report for a forbidden word inside a longer term"),
    ("ru", "2018", "", [], "a number-only source with no counterpart"),
    ("ru", "CIS ministers of foreign affairs met in Minsk on 6 April.",
     "Министры иностранных дел СНГ встретились в Минске 6 апреля.", [],
     "plural of a singular term, locative city, day with a month word"),
    ("be", "Thanks to the Minsk agreements fighting stopped.",
     "Дзякуючы Мінскім пагадненням баі спыніліся.", [], "clean Belarusian"),
    ("be", "The CIS observers.", "Назіральнікі ад СНГ.", [("term-forbidden", "cis")],
     "Russian acronym in Belarusian"),
    ("be", "In the Donbass area.", "На Данбасе.", [], "Belarusian locative"),
    ("be", "The meeting in Minsk.", "Сустрэча ў Мінску прайшла паспяхова, сказаў ён нам учора.",
     [], "locative -у"),
    ("be", "The meeting of the CIS Council of Ministers of Foreign Affairs took place.",
     "Пасяджэнне Савета министров иностранных дел СНГ прошло в Минске.",
     [("untranslated", None)], "Russian text in a Belarusian edition"),
]


@pytest.mark.parametrize(("tgt", "src", "target", "expected", "reason"), ROWS)
def test_row_checks(house: RowChecker, house_be: RowChecker, tgt: str, src: str, target: str,
                    expected: list[tuple[str, str | None]], reason: str) -> None:
    checker = house if tgt == "ru" else house_be
    problems = checker.check("f.tsv", "1", src, target)
    assert [(p.kind, p.concept) for p in problems] == expected, reason


UNTRANSLATED = [
    ("Hello world", "", "en", "ru", "target is empty"),
    ("Hello world", "hello   world", "en", "ru", "target is a copy of the source"),
    ("The CIS summit opened in Minsk today", "The CIS summit opened in Minsk tday", "en", "be",
     "target is still in the source language (en), not be"),
    ("• 1", "• 1", "en", "ru", None),
    ("Reuters", "Reuters", "en", "ru", None),
    ("Саммит СНГ открылся сегодня в Минске", "Саммит СНГ открылся сегодня в Минске", "ru", "be",
     "target is a copy of the source"),
    ("Встреча прошла", "Сустрэча прайшла", "ru", "be", None),
]


@pytest.mark.parametrize(("src", "tgt", "src_lang", "tgt_lang", "reason"), UNTRANSLATED)
def test_untranslated(src: str, tgt: str, src_lang: str, tgt_lang: str,
                      reason: str | None) -> None:
    assert untranslated_reason(src, tgt, src_lang, tgt_lang) == reason


def _write(path: Path, rows: list[tuple[str, str]]) -> Path:
    table = AlignedTable(rows=[{"id": str(i + 1), "src": s, "tgt": t}
                               for i, (s, t) in enumerate(rows)])
    write_aligned_tsv(path, table)
    return path


def test_cli_exit_status_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = _write(tmp_path / "a.en-ru.tsv", [("In Minsk.", "В Минске.")])
    bad = _write(tmp_path / "b.en-ru.tsv", [("In Minsk in 2018.", "В Минске в 2019 году.")])
    assert main(["check", str(clean)]) == 0
    assert main(["check", "--format", "jsonl", str(bad)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    record = json.loads(lines[-1])
    assert {"file", "id", "kind", "concept", "number"} <= record.keys()
    assert (record["kind"], record["number"]) == ("number-mismatch", "2018")


UNUSABLE = [
    # (file name, file text, extra args, error code, reason)
    ("story.tsv", None, [], "E220", "languages unknown: no flags, no <src>-<tgt> in the name"),
    ("story.en_ru.tsv", None, [], "E220", "an underscore instead of the hyphen"),
    ("story.tsv", None, ["--src-lang", "en"], "E220", "one flag without the other"),
    ("story.de-fr.tsv", None, [], "E224", "a language pair the glossary does not have"),
    ("story.tsv", None, ["--src-lang", "en", "--tgt-lang", "uk"], "E224",
     "a --tgt-lang the glossary does not have"),
    ("c.en-ru.tsv", "id\tsrc\n1\tx\n", [], "E010", "no tgt column"),
    ("c.en-ru.tsv", "# house glossary\nid\ten\tru\ncis\tCIS\tСНГ\n", [], "E010",
     "a glossary given as input (the hint says --glossary)"),
    ("c.en-ru.tsv", "", [], "E010", "an empty file"),
    ("c.en-ru.tsv", "id\tsrc\ttgt\n1\tx\n", [], "E011", "a row missing its target cell"),
    ("c.en-ru.tsv", "Минск".encode("cp1251"), [], "E002", "a cp1251 file"),
    ("story.en-ru.tsv", None, ["--format", "xml"], "E222", "an unknown --format"),
    ("story.en-ru.tsv", None, ["--kinds", "typos"], "E223", "an unknown --kinds"),
]


@pytest.mark.parametrize(("name", "text", "args", "code", "reason"), UNUSABLE,
                         ids=[row[4] for row in UNUSABLE])
def test_cli_unusable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                            text: str | bytes | None, args: list[str], code: str,
                            reason: str) -> None:
    path = tmp_path / name
    if text is None:
        _write(path, [("In Minsk.", "В Минске.")])
    elif isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    for consistency in ([], ["--consistency"]):
        assert main(["check", *consistency, *args, str(path)]) == 2, reason
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"[{code}]" in err and "Fix:" in err, reason
        assert str(path) in err or code in ("E222", "E223"), reason


@pytest.mark.parametrize(("inputs", "checked", "reason"), [
    (["."], ["a.en-ru.tsv", "b.en-ru.tsv"], "a folder"),
    ([".", "a.en-ru.tsv"], ["a.en-ru.tsv", "b.en-ru.tsv"], "a folder and a file inside it"),
    (["a.en-ru.tsv", "./a.en-ru.tsv"], ["a.en-ru.tsv"], "one file named twice, two ways"),
])
def test_each_file_is_checked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   inputs: list[str], checked: list[str], reason: str) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "a.en-ru.tsv", [("In 2018.", "В 2019 году.")])
    _write(tmp_path / "b.en-ru.tsv", [("In Minsk.", "В Минске.")])
    report = check_files(inputs, load_glossary(default_glossary_path()))
    assert [Path(name).name for name in report.rows] == checked, reason
    assert len(report.problems) == 1, "the year mismatch of a.en-ru.tsv, reported once"


def test_kinds_with_consistency_is_refused(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """--kinds filters check's problems; the consistency report has none, so it is refused."""
    path = _write(tmp_path / "a.en-ru.tsv", [("In Minsk.", "В Минске.")])
    assert main(["check", "--consistency", "--kinds", "term-missing", str(path)]) == 2
    assert "[E225]" in capsys.readouterr().err


def test_cli_flags_override_the_file_name(tmp_path: Path) -> None:
    unnamed = _write(tmp_path / "story.tsv", [("In Minsk.", "В Минске.")])
    assert main(["check", "--src-lang", "en", "--tgt-lang", "ru", str(unnamed)]) == 0


def test_text_report_groups_by_file(tmp_path: Path) -> None:
    bad = _write(tmp_path / "b.en-be.tsv", [("Peace in Donbass.", "Мір на Донбасе."),
                                            ("In 2018.", "У 2018 годзе.")])
    report = check_files([tmp_path], load_glossary(default_glossary_path()))
    text = format_text(report)
    assert text.splitlines()[0] == f"{bad} (en→be)"
    assert "1  term-forbidden" in text and "Данбас" in text
    assert text.splitlines()[-2].endswith("2 rows checked")
    assert text.splitlines()[-1].startswith("check|glossary:")
    assert format_jsonl(report).count("\n") == 1


def test_consistency_reports_variants_and_divergent_sentences(tmp_path: Path) -> None:
    _write(tmp_path / "a.en-ru.tsv", [("The CIS met.", "СНГ собралось."),
                                      ("Thank you.", "Спасибо.")])
    _write(tmp_path / "b.en-ru.tsv", [("The CIS met again.", "Содружество Независимых "
                                       "Государств собралось снова."),
                                      ("Thank you.", "Благодарю.")])
    report = consistency_report([tmp_path], load_glossary(default_glossary_path()))
    mixed = [u for u in report.usages if not u.consistent]
    assert [u.concept for u in mixed] == ["cis"]
    assert [d.source for d in report.divergent] == ["Thank you."]
    assert "Спасибо." in format_consistency_text(report)
    assert main(["check", "--consistency", str(tmp_path)]) == 1


CONSISTENCY = [
    # (documents: rows per file, expected mixed (concept, source term), reason)
    ([[("The Commonwealth of Independent States met.", "Содружество Независимых Государств "
        "собралось."), ("The CIS summit ended.", "Саммит СНГ завершился.")]], [],
     "the full name on first mention, the acronym after: each source term has one rendering"),
    ([[("The CIS met.", "СНГ собралось.")], [("The CIS met again.", "Содружество Независимых "
       "Государств собралось снова.")]], [("cis", "CIS")],
     "one source term rendered two ways in two documents"),
    ([[("The Commonwealth of Independent States (CIS) met.", "Содружество Независимых "
        "Государств (СНГ) собралось.")], [("The CIS met.", "СНГ собралось.")]], [],
     "two source terms in one sentence pair up in order"),
    ([[("In Donbass.", "В Донбассе.")], [("Donbass again.", "Снова Донбасс.")]], [],
     "inflected forms of one term are one variant"),
]


@pytest.mark.parametrize(("documents", "mixed", "reason"), CONSISTENCY,
                         ids=[row[2] for row in CONSISTENCY])
def test_consistency_variants_per_source_term(tmp_path: Path, documents: list[list[tuple[str, str]]],
                                              mixed: list[tuple[str, str]], reason: str) -> None:
    for number, rows in enumerate(documents):
        _write(tmp_path / f"doc{number}.en-ru.tsv", rows)
    report = consistency_report([tmp_path], load_glossary(default_glossary_path()))
    assert [(u.concept, u.source) for u in report.usages if not u.consistent] == mixed, reason


def _gold_tables(corpus: Path, tmp_path: Path, doc: str = "cis-ministers") -> list[Path]:
    """Aligned TSVs (en-ru, en-be) built from a story's gold sentences and links."""
    english, _ = flatten(read_sents(corpus / f"{doc}.en.sents"))
    paths = []
    for lang in ("ru", "be"):
        target, _ = flatten(read_sents(corpus / f"{doc}.{lang}.sents"))
        beads = read_links(corpus / f"{doc}.en-{lang}.gold")
        rows = [(" ".join(english[i] for i in src), " ".join(target[i] for i in tgt))
                for src, tgt in beads]
        paths.append(_write(tmp_path / f"{doc}.en-{lang}.tsv", rows))
    return paths


def test_corpus_gold_reports_only_real_problems(corpus: Path, tmp_path: Path) -> None:
    """Every problem reported on the human editions is real: here the one English sentence
    the Russian edition leaves out (``The Belarusian head of state invited all the partners
    …``, gold link ``[24]:[]``). Bullet ``• 1`` has no Russian counterpart but holds no words."""
    report = check_files(_gold_tables(corpus, tmp_path), load_glossary(default_glossary_path()))
    found = [(Path(p.file).name, p.kind) for p in report.problems]
    assert found == [("cis-ministers.en-ru.tsv", "untranslated")]
    (omitted,) = report.problems
    assert omitted.message == "target is empty"


DERIVED = [
    ("The Minsk region hosted the forum.", "Форум прошел в Минской области.", "ru",
     "a city used attributively becomes an adjective"),
    ("The Ukraine crisis was discussed.", "Обсуждался украинский кризис.", "ru",
     "country name as an adjective"),
    ("Russia-Belarus trade grew.", "Российско-белорусская торговля выросла.", "ru",
     "hyphenated adjective from a country name"),
    ("The Minsk region hosted the forum.", "Форум прайшоў у Мінскай вобласці.", "be",
     "Belarusian adjective from the city"),
    ("Two terrorist groups were banned.", "Запрещены две террористические группировки.", "ru",
     "noun used as a modifier"),
    ("The anti-terrorism exercise ended.", "Антитеррористические учения завершились.", "ru",
     "anti- compound: the -ism noun becomes a prefixed -ist adjective"),
    ("The anti-terrorism exercise ended.", "Антытэрарыстычныя вучэнні завяршыліся.", "be",
     "Belarusian anti- compound adjective"),
    ("Terrorism was condemned.", "Был осуждён терроризм.", "ru", "the -ism noun itself"),
]


@pytest.mark.parametrize(("src", "target", "tgt", "reason"), DERIVED)
def test_derived_words_count_as_the_term(house: RowChecker, house_be: RowChecker, src: str,
                                         target: str, tgt: str, reason: str) -> None:
    checker = house if tgt == "ru" else house_be
    assert [p.kind for p in checker.check("f.tsv", "1", src, target)] == [], reason


def test_derived_words_do_not_hide_a_different_name(house: RowChecker) -> None:
    problems = house.check("f.tsv", "1", "Talks in Minsk.", "Переговоры в Министерстве.")
    assert [(p.kind, p.concept) for p in problems] == [("term-missing", "minsk")]


def test_cli_kinds_filter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path / "b.en-ru.tsv", [("Peace in Donbass in 2018.", "Мир на Донбасе в 2019.")])
    assert main(["check", "--format", "jsonl", "--kinds", "number-mismatch", str(bad)]) == 1
    kinds = [json.loads(line)["kind"] for line in capsys.readouterr().out.splitlines()]
    assert kinds == ["number-mismatch"]
    assert main(["check", "--kinds", "untranslated", str(bad)]) == 0
    assert main(["check", "--kinds", "typo", str(bad)]) == 2


def test_sample_story_gold_reports_only_omitted_sentences(tmp_path: Path) -> None:
    """The repository's own sample story (human ru/be editions): the only problems are the
    English sentences an edition leaves out (gold links ``[i]:[]``)."""
    samples = Path(__file__).resolve().parent.parent / "samples"
    if not (samples / "minsk-forum.en.sents").is_file():
        pytest.skip("sample story not present")
    report = check_files(_gold_tables(samples, tmp_path, doc="minsk-forum"),
                         load_glossary(default_glossary_path()))
    omitted = set()
    for lang in ("ru", "be"):
        beads = read_links(samples / f"minsk-forum.en-{lang}.gold")
        omitted |= {(f"minsk-forum.en-{lang}.tsv", str(row + 1))
                    for row, (_, tgt) in enumerate(beads) if not tgt}
    assert omitted
    assert {(Path(p.file).name, p.id) for p in report.problems} == omitted
    assert {p.kind for p in report.problems} == {"untranslated"}


@pytest.mark.parametrize(("swap", "code", "reason"), [
    (False, "[E010]", "a glossary passed where aligned TSVs go"),
    (True, "[E202]", "an aligned TSV passed with --glossary"),
])
def test_swapped_inputs_say_which_is_which(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           swap: bool, code: str, reason: str) -> None:
    aligned = _write(tmp_path / "a.en-ru.tsv", [("In Minsk.", "В Минске.")])
    glossary = tmp_path / "g.en-ru.tsv"
    glossary.write_text("# house\nid\ten\tru\nminsk\tMinsk\tМинск\n", encoding="utf-8")
    wrong = aligned if swap else glossary  # the file given in the wrong place
    assert main(["check", "--glossary", str(wrong), str(wrong)]) == 2, reason
    err = capsys.readouterr().err
    assert code in err and "--glossary" in err.split("Fix:")[1], reason


def test_ism_stem_does_not_hide_another_ism(house: RowChecker) -> None:
    problems = house.check("f.tsv", "1", "Terrorism was condemned.", "Осуждён экстремизм.")
    assert [(p.kind, p.concept) for p in problems] == [("term-missing", "terrorism")]
