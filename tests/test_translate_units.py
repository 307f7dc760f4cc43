"""Pure parts of the translation core: batching, splitting, loop detection, tokens, ids, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transalign.errors import InputError
from transalign.formats.naming import document_id
from transalign.segment import segment
from transalign.translate.batching import plan_batches, restore_order
from transalign.translate.documents import row_ids
from transalign.translate.langtokens import target_token
from transalign.translate.memory import TranslationMemory, normalise
from transalign.translate.quality import has_repetition_loop, length_ratio_flag
from transalign.translate.settings import GenerationSettings, RuntimeSettings
from transalign.translate.splitting import plan_splits, split_to_fit


@given(st.lists(st.integers(min_value=1, max_value=300), max_size=60),
       st.integers(min_value=1, max_value=2000))
def test_batches_cover_every_index_once_within_budget(lengths: list[int], budget: int) -> None:
    batches = plan_batches(lengths, budget)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= budget
    assert restore_order(batches, [[f"t{i}" for i in batch] for batch in batches]) == [
        f"t{i}" for i in range(len(lengths))]


def test_batches_are_length_sorted_longest_first() -> None:
    batches = plan_batches([3, 10, 5, 10, 1], token_budget=20)
    assert batches == [[1, 3], [2, 0, 4]]


def _words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize(
    ("text", "limit", "expected", "reason"),
    [
        ("short sentence", 5, ["short sentence"], "fits: untouched"),
        ("one two three, four five six; seven eight", 4,
         ["one two three,", "four five six;", "seven eight"], "clause boundaries, not spaces"),
        ("a b c d e f g h", 4, ["a b c d", "e f g h"], "no clause boundary: the middle space"),
        ("He said — and nobody objected — that it was over", 6,
         ["He said — and nobody objected", "— that it was over"], "the dash nearest the middle"),
    ],
)
def test_split_to_fit(text: str, limit: int, expected: list[str], reason: str) -> None:
    assert split_to_fit(text, _words, limit) == expected, reason


@given(st.text(alphabet="ab ,;", min_size=1, max_size=120))
def test_split_parts_fit_and_keep_every_character(text: str) -> None:
    """Never truncated: the parts hold every non-space character in order, and each fits."""
    parts = split_to_fit(text, len, 10)
    assert "".join(parts).replace(" ", "") == text.replace(" ", "")
    assert all(len(part) <= 10 for part in parts) or len(parts) == 1


def test_plan_splits_records_owners() -> None:
    plan = plan_splits(["a b", "c d e f g h", "i"], [2, 6, 1], _words, 3)
    assert plan.owners == [0, 1, 1, 2] and plan.part_counts(3) == [1, 2, 1]


@pytest.mark.parametrize(
    ("text", "loop", "reason"),
    [
        ("Министры собрались в Минске.", False, "normal sentence"),
        ("Очень, очень важно.", False, "a word twice is style, not a loop"),
        ("войны войны войны войны", True, "one word four times"),
        ("в ходе войны в ходе войны в ходе войны", True, "trigram three times"),
        ("ininininin", True, "sub-word unit repeated inside a word"),
        ("Бюджет составил 100000000 рублей.", False, "digit runs are numbers"),
        ("", False, "empty"),
    ],
)
def test_repetition_loop(text: str, loop: bool, reason: str) -> None:
    assert has_repetition_loop(text) is loop, reason


@pytest.mark.parametrize(
    ("tokens", "lang", "expected", "reason"),
    [
        ([">>bel<<", ">>rus<<", ">>ukr<<"], "ru", ">>rus<<", "ISO 639-1 mapped to 639-3"),
        ([">>bel<<", ">>rus<<"], "be", ">>bel<<", "Belarusian"),
        ([">>fr<<", ">>es<<"], "fr", ">>fr<<", "older models use 2-letter tokens"),
        ([">>srp_Cyrl<<", ">>hrv<<"], "sr", ">>srp_Cyrl<<", "a single script variant"),
        ([], "ru", None, "single-target model: no token"),
    ],
)
def test_target_token(tokens: list[str], lang: str, expected: str | None, reason: str) -> None:
    assert target_token(tokens, lang) == expected, reason


def test_target_token_missing_language_is_e303() -> None:
    with pytest.raises(InputError) as err:
        target_token([">>bel<<", ">>rus<<"], "de", model="'m'")
    assert err.value.code == "E303" and ">>rus<<" in err.value.message


@pytest.mark.parametrize(
    ("name", "expected", "reason"),
    [
        ("cis-ministers.en.txt", "cis-ministers", "language and extension dropped"),
        ("story.txt", "story", "no language part"),
        ("story.ru.txt", "story.ru", "another language part is kept"),
        ("notes", "notes", "no extension"),
    ],
)
def test_document_id(name: str, expected: str, reason: str) -> None:
    assert document_id(Path(name), "en") == expected, reason


def test_row_ids_keep_paragraph_and_sentence_positions() -> None:
    text = "Title\n\nOne. Two. Three.\n\nFour."
    assert row_ids(segment(text, "en")) == ["p1s1", "p2s1", "p2s2", "p2s3", "p3s1"]


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"beam_size": 0}, "no beam"),
        ({"beam_size": 2, "num_return_sequences": 3}, "n-best larger than the beam"),
        ({"max_length_ratio": 0}, "zero-length output"),
        ({"max_input_tokens": 2}, "limit too small to split"),
    ],
)
def test_bad_generation_settings_are_e306(kwargs: dict[str, int], reason: str) -> None:
    with pytest.raises(InputError) as err:
        GenerationSettings(**kwargs)  # type: ignore[arg-type]
    assert err.value.code == "E306", reason


def test_bad_device_is_e306() -> None:
    with pytest.raises(InputError, match="unknown device"):
        RuntimeSettings(device="tpu")


def test_output_length_limit() -> None:
    settings = GenerationSettings(max_length_ratio=1.5, max_length_extra=10)
    assert settings.max_new_tokens(20, 512) == 40
    assert settings.max_new_tokens(400, 512) == 512


@pytest.mark.parametrize(
    ("source", "target", "flag", "reason"),
    [
        ("The ministers met in Minsk on Friday.", "Министры встретились в Минске в пятницу.", None, "normal"),
        ("The ministers met in Minsk on Friday and signed the plan.", "Министры встретились.",
         "length-ratio:0.37", "half the sentence dropped"),
        ("The ministers met in Minsk on Friday.", "Министры встретились в Минске в пятницу. " * 3,
         "length-ratio:3.30", "hallucinated continuation"),
        ("Photo: BelTA", "Фото", None, "too short to judge"),
    ],
)
def test_length_ratio_flag(source: str, target: str, flag: str | None, reason: str) -> None:
    assert length_ratio_flag(source, target) == flag, reason


def test_memory_uses_only_approved_rows_whitespace_normalised(tmp_path: Path) -> None:
    from transalign.formats.tsv import AlignedTable, write_aligned_tsv

    table = AlignedTable(columns=["id", "src", "tgt", "status"], rows=[
        {"id": "p1s1", "src": "The  CIS met.", "tgt": "СНГ собралось.", "status": "approved"},
        {"id": "p1s2", "src": "Not approved.", "tgt": "Нет.", "status": "draft"},
    ])
    write_aligned_tsv(tmp_path / "a.en-ru.tsv", table)
    write_aligned_tsv(tmp_path / "a.en-be.tsv", table)
    memory = TranslationMemory.from_folder(tmp_path, "en", "ru")
    assert memory.lookup(" The CIS\nmet. ") == "СНГ собралось."
    assert memory.lookup("Not approved.") is None
    assert normalise(" a \t b\n") == "a b"


@pytest.mark.parametrize(
    ("row", "reused", "reason"),
    [
        ({"origin": "human", "status": "", "link": "[3]:[4]"}, True, "a 1-1 pair of a published edition"),
        ({"origin": "human", "status": "", "link": ""}, True, "a human row without a link column value"),
        ({"origin": "Human", "status": "approved", "link": "[3, 4]:[4]"}, True, "approved beats the bead"),
        ({"origin": "human", "status": "", "link": "[3, 4]:[4]"}, False, "a merge is not a sentence pair"),
        ({"origin": "human", "status": "", "link": "[3]:[4, 5]"}, False, "a split is not a sentence pair"),
        ({"origin": "human", "status": "rejected", "link": "[3]:[4]"}, False, "a reviewer rejected it"),
        ({"origin": "mt", "status": "", "link": ""}, False, "unreviewed machine translation"),
        ({"origin": "human", "status": "", "link": "[3]:[]", "tgt": ""}, False, "no counterpart"),
    ],
)
def test_memory_serves_approved_rows_and_one_to_one_human_pairs(
        row: dict[str, str], reused: bool, reason: str) -> None:
    from transalign.formats.tsv import AlignedTable

    memory = TranslationMemory()
    full = {"id": "r1", "src": "The CIS met.", "tgt": "СНГ собралось.", **row}
    memory.add_table(AlignedTable(columns=list(full), rows=[full]))
    assert (memory.lookup("The CIS met.") is not None) is reused, reason


def test_resume_cache_round_trip_survives_a_torn_line(tmp_path: Path) -> None:
    from transalign.translate.backend import Translation
    from transalign.translate.cache import ResumeCache

    signature = {"tgt_lang": "ru", "model": "m", "weights_sha256": "0" * 64}
    cache = ResumeCache(tmp_path, signature)
    assert cache.load() == {}
    assert cache.append({"A b.": Translation("А б.", ["length-limit"], -1.5)})
    with cache.path.open("a", encoding="utf-8") as handle:
        handle.write('{"src": "C d.", "text": "В г')  # killed mid-line
    assert cache.append({"E f.": Translation("Д е.", [], None)})
    loaded = ResumeCache(tmp_path, dict(signature)).load()
    assert loaded == {"A b.": Translation("А б.", ["length-limit"], -1.5),
                      "E f.": Translation("Д е.", [], None)}
    assert ResumeCache(tmp_path, {**signature, "model": "other"}).path != cache.path, "keyed by signature"
    cache.remove()
    assert not cache.path.exists() and not cache.path.parent.exists()


def test_resume_cache_that_cannot_be_written_does_not_stop_the_run(tmp_path: Path) -> None:
    from transalign.translate.backend import Translation
    from transalign.translate.cache import ResumeCache

    (tmp_path / "file").write_text("x", encoding="utf-8")
    cache = ResumeCache(tmp_path / "file", {"tgt_lang": "be"})
    assert cache.append({"A.": Translation("А.")}) is False
