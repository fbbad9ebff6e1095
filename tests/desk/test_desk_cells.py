"""The desk without a server: its search text and query (Russian, English, setting and district words; no input an
SQL error), cells as words and money with 0 as "no tariff", the Excel export, and 0 as no difference in the views."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.desk.browse import HOME_TABLES, home_links, metadata
from knowledge.desk.cells import act_names, cell_text, fts_query, place_names, rate_text
from knowledge.desk.export import BOM, excel_csv, write_export
from knowledge.kb import open_kb


@pytest.fixture(scope="module")
def db(kb_path: Path) -> sqlite3.Connection:
    return open_kb(kb_path)


def search(db: sqlite3.Connection, text: str, table: str = "tariffs") -> list[sqlite3.Row]:
    """What Datasette runs for a search box (escape_fts replaced by the desk's fts_query)."""
    fts = {"tariffs": ("tariffs_search", "id"), "criteria": ("criteria_search", "item"),
           "checklist_items": ("checklist_search", "id")}[table]
    return db.execute(f"select * from {table} where {fts[1]} in (select rowid from {fts[0]} "
                      f"where {fts[0]} match ?)", (fts_query(text),)).fetchall()


@pytest.mark.parametrize(("text", "word"), [
    ("массаж", "массаж"), ("massage", "массаж"), ("стирка белья", "жуу"), ("laundry", "жуу")])
def test_russian_and_english_words_find_the_kazakh_rows(db, text: str, word: str) -> None:
    rows = search(db, text)
    assert rows and any(word in row["service"].lower() for row in rows)


def test_setting_and_district_words_narrow_a_search(db) -> None:
    rows = search(db, "массаж полустационар")
    assert rows and {row["setting"] for row in rows} == {"semi_stationary"}
    assert 903 in {row["rate_city"] for row in rows}
    assert {row["setting"] for row in search(db, "массажа в полустационаре")} == {"semi_stationary"}
    assert {row["jurisdiction"] for row in search(db, "home care Bäyterek")} == {"baiterek"}
    assert {row["jurisdiction"] for row in search(db, "Бурлинский район")} == {"borli"}


def test_criteria_and_checklists_are_found_in_russian_and_english(db) -> None:
    assert search(db, "индивидуальный план", "criteria")
    for text in ("сроков оценки", "deadlines assessing"):
        rows = search(db, text, "checklist_items")
        assert rows and any("бағалау" in row["requirement"] for row in rows)
    assert {row["degree"] for row in search(db, "грубое", "criteria")} == {"gross"}


@pytest.mark.parametrize("text", [
    'semi-stationary home care', 'don\'t "quote', "massage OR laundry NOT", "(*)", "", "   ", "NEAR(a b)", "a:b",
    "''; drop table tariffs; --"])
def test_no_search_text_is_an_sql_error(db, text: str) -> None:
    for table in ("tariffs", "criteria", "checklist_items"):
        search(db, text, table)


def test_the_query_matches_word_beginnings_without_endings() -> None:
    assert fts_query("массаж полустационар") == '"массаж"* AND "полустационар"*'
    assert fts_query("стирка белья") == '"стирк"* AND "бель"*'
    assert fts_query('a "b') == '"b"*'
    assert fts_query("киімдерді") == '("киімдерді"* OR "киим"*)'  # the Kazakh key the build indexes


def test_inflected_and_latin_typed_kazakh_find_the_printed_names(db) -> None:
    assert any("жуу" in row["service"] for row in search(db, "киімдерді жуу"))
    assert {row["setting"] for row in search(db, "massazh zhartylai")} == {"semi_stationary"}
    assert search(db, "жеке жұмыс жоспары", "criteria")


def plain(text: str | None) -> str | None:
    """Babel's no-break spaces as plain ones, to compare with what a reader sees."""
    return text if text is None else text.replace("\u00a0", " ").replace("\u202f", " ")


def test_cells_show_words_and_money_with_zero_as_no_tariff() -> None:
    places = place_names([("borli", "Бөрлі ауданы", "Бурлинский район")])
    assert cell_text("tariffs", "jurisdiction", "borli", places) == "Бөрлі ауданы / Бурлинский район"
    assert cell_text("tariffs", "setting", "semi_stationary", places) == "жартылай стационар / полустационар"
    assert plain(cell_text("tariffs", "rate_city", 903.0, places)) == "903,00 ₸"
    assert cell_text("tariffs", "rate_rural", 0.0, places) == rate_text(0) == \
        "тариф белгіленбеген / тариф не установлен"
    assert plain(cell_text("tariffs_across_jurisdictions", "borli_city", 1263.6, places)) == "1 263,60 ₸"
    assert plain(cell_text("tariffs_across_years", "city_change_2027", 0.0, places)) == "+0,00 ₸"
    assert plain(cell_text("tariffs_city_vs_rural", "difference", -12.5, places)) == "-12,50 ₸"
    for column, value in (("item", 63), ("year", 2026), ("flagged", 0), ("annex", 2), ("service", "массаж")):
        assert cell_text("tariffs", column, value, places) is None
    assert cell_text("passages", "rate", 5, places) is None  # only the tariff tables hold tenge


def test_city_vs_rural_treats_zero_as_no_tariff_not_minus_100_percent(db) -> None:
    zero = db.execute("select difference, difference_percent from tariffs_city_vs_rural "
                      "where rate_city = 0 or rate_rural = 0").fetchall()
    assert zero and all(row[0] is None and row[1] is None for row in zero)
    assert db.execute("select count(*) from tariffs_city_vs_rural where difference_percent <= -100").fetchone()[0] == 0
    both = db.execute("select rate_city, rate_rural, difference from tariffs_city_vs_rural "
                      "where rate_city > 0 and rate_rural > 0 limit 1").fetchone()
    assert both[2] == round(both[1] - both[0], 2)


def test_excel_export_has_bom_semicolons_and_decimal_commas(db) -> None:
    out = io.StringIO()
    count = write_export(db, "tariffs", "excel", out)
    text = out.getvalue()
    assert text.startswith(BOM) and "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    assert len(rows) == count
    massage = [r for r in rows if r["jurisdiction"] == "oblast" and r["setting"] == "semi_stationary"
               and r["item"] == "63" and r["rate_city"] == "903,00"]
    assert massage and massage[0]["flagged"] in {"0", "1"}


def test_datasette_csv_becomes_excel_csv() -> None:
    text = excel_csv('id,service,rate\n1,"a, b",903.5\n2,"line\nbreak",0.0\n')
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows == [["id", "service", "rate"], ["1", "a, b", "903,5"], ["2", "line\nbreak", "0,0"]]


def test_home_lists_what_a_clerk_needs_with_bilingual_titles(db) -> None:
    meta = metadata(db)
    links = home_links(meta)
    assert [link["path"].rsplit("/", 1)[1] for link in links] == list(HOME_TABLES)
    titles = {link["path"]: link["title"] for link in links}
    assert titles["/kb/tariffs"] == "Тарифтер / Тарифы" and titles["/kb/documents"] == "Құжаттар / Документы"
    assert any("Как найти тариф" in text for text in meta["how_to_find_a_rate"])
    assert meta["databases"]["kb"]["tables"]["tariffs"]["fts_table"] == "tariffs_search"


def test_a_document_id_is_shown_with_the_number_and_date_of_its_act(db) -> None:
    acts = act_names([dict(row) for row in db.execute("select * from documents")])
    assert cell_text("tariffs", "document", "000", {}, acts) == "000 · № 286, 2025-12-25"
    assert cell_text("tariffs", "document", "999", {}, acts) is None


@pytest.mark.slow  # a property test
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=80))
def test_any_search_text_is_a_valid_fts_query(db, text: str) -> None:
    search(db, text)
