"""Aligned TSV and TMX output: golden files, and TMX read back with translate-toolkit."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from translate.storage.tmx import tmxfile

from transalign.align.output import aligned_table, bilingual_units, pivot_units
from transalign.align.tmx import format_tmx
from transalign.formats.links import Bead
from transalign.formats.tsv import format_aligned_tsv, parse_aligned_tsv

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "align" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

EN = ["Forum opens in Minsk.", "Delegates arrive.", "“We came to talk,” he said.", "Tabs\tand \\ stay."]
RU = ["Форум открылся в Минске.", "Прибыли делегаты", "и гости.", "«Мы приехали говорить», – сказал он.",
      "Новое предложение."]
BE = ["Форум адкрыўся ў Мінску.", "Прыбылі дэлегаты.", "«Мы прыехалі размаўляць», – сказаў ён.",
      "Табуляцыя\tі \\ застаюцца."]
EN_RU: list[Bead] = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), ()), ((), (4,))]
EN_BE: list[Bead] = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"differs from {path} (UPDATE_GOLDEN=1 to refresh)"


def test_tsv_golden_and_contract() -> None:
    table = aligned_table(EN_RU, EN, RU, costs=[-1.0, 0.5, -2.25, 4.0, 4.0])
    text = format_aligned_tsv(table.columns, table.rows)
    check_golden("story.en-ru.tsv", text)
    parsed = parse_aligned_tsv(text)
    assert parsed.columns[:3] == ["id", "src", "tgt"] and parsed.rows[1]["tgt"] == "Прибыли делегаты и гости."
    assert parsed.rows[1]["link"] == "[1]:[1, 2]" and {row["origin"] for row in parsed.rows} == {"human"}
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len({len(row) for row in rows}) == 1, "every row has the header's number of fields"


def test_tsv_can_drop_unaligned_rows_keeping_ids() -> None:
    table = aligned_table(EN_RU, EN, RU, keep_unaligned=False)
    assert [row["id"] for row in table.rows] == ["1", "2", "3"]


def test_tmx_golden_and_reads_back() -> None:
    text = format_tmx(bilingual_units(EN_RU, EN, RU, "en", "ru"), "en", signature="sig")
    check_golden("story.en-ru.tmx", text)
    store = tmxfile.parsestring(text.encode("utf-8"))
    units = store.getunits()
    assert [unit.source for unit in units] == EN[:3], "1-0 and 0-1 beads are not translation units"
    assert units[1].target == "Прибыли делегаты и гости."
    header = store.document.getroot().find("header")
    required = ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"]
    assert all(header.get(name) for name in required)


def test_multilingual_tmx_through_pivot() -> None:
    units = pivot_units(EN, "en", {"ru": (RU, EN_RU), "be": (BE, EN_BE)})
    text = format_tmx(units, "en", signature="sig")
    check_golden("story.en-ru-be.tmx", text)
    store = tmxfile.parsestring(text.encode("utf-8"))
    assert len(store.getunits()) == 4
    second = store.getunits()[1]
    langs = [node.get("{http://www.w3.org/XML/1998/namespace}lang") for node in second.getlanguageNodes()]
    assert langs == ["en", "ru", "be"]
    assert [unit.indices for unit in units][3] == {"en": (3,), "be": (3,)}, "ru omits it: en+be only"


def test_pivot_merges_units_when_one_edition_merges() -> None:
    en = ["A.", "B.", "C."]
    units = pivot_units(en, "en", {"ru": (["А.", "Б.", "В."], [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]),
                                   "be": (["А Б.", "В."], [((0, 1), (0,)), ((2,), (1,))])})
    assert [unit.texts["en"] for unit in units] == ["A. B.", "C."]
    assert units[0].texts["ru"] == "А. Б."


@pytest.mark.parametrize("bad", ["\x01", "\x0b", "\ufffe"])
def test_tmx_drops_characters_xml_cannot_hold(bad: str) -> None:
    units = bilingual_units([((0,), (0,))], [f"a{bad}b"], ["c"], "en", "ru")
    assert tmxfile.parsestring(format_tmx(units, "en").encode("utf-8")).getunits()[0].source == "ab"


def test_tmx_escapes_markup_characters() -> None:
    text = 'Trade & "investment" <rose> by 5%'
    units = bilingual_units([((0,), (0,))], [text], ["Товарооборот & «инвестиции» <выросли>"], "en", "ru")
    store = tmxfile.parsestring(format_tmx(units, "en").encode("utf-8"))
    assert store.getunits()[0].source == text
