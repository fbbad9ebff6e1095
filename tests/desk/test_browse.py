"""`komekshi browse`: Datasette serves the base read-only on loopback with facets, search (Russian and English
words too), CSV and the Excel export, codes shown as words and rates as money."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

pytest.importorskip("datasette")

pytestmark = pytest.mark.slow  # a Datasette server process


def get(base: str, path: str, **params: str) -> bytes:
    query = urllib.parse.urlencode(params)
    return urllib.request.urlopen(f"{base}{path}?{query}", timeout=10).read()


def test_tariff_table_with_setting_facet(server: str) -> None:
    data = json.loads(get(server, "/kb/tariffs.json", _facet="setting", _size="1"))
    facet = {row["value"]: row["count"] for row in data["facet_results"]["setting"]["results"]}
    assert set(facet) == {"stationary", "semi_stationary", "home", "temporary"}
    assert sum(facet.values()) == data["filtered_table_rows_count"]


def test_tariff_rows_facet_by_year_and_compare_across_districts(server: str) -> None:
    data = json.loads(get(server, "/kb/tariffs.json", _facet="year", _size="1"))
    facet = {row["value"]: row["count"] for row in data["facet_results"]["year"]["results"]}
    assert facet == {2026: data["filtered_table_rows_count"]}
    compared = json.loads(get(server, "/kb/tariffs_across_jurisdictions.json", _shape="objects", _size="1"))
    assert {"year", "service", "oblast_city", "borli_city", "baiterek"} <= set(compared["rows"][0])


def test_search_massage_in_semi_stationary_care(server: str) -> None:
    data = json.loads(get(server, "/kb/tariffs.json", _search="массаж", setting="semi_stationary",
                          jurisdiction="oblast", _shape="objects"))
    rates = {row["rate_city"] for row in data["rows"]}
    assert 903 in rates


def test_csv_export(server: str) -> None:
    text = get(server, "/kb/tariffs.csv", jurisdiction="baiterek", _size="max").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["item"] for row in rows} >= {str(n) for n in range(1, 77)}
    assert all(row["rate"] for row in rows)


def test_views_and_read_only(server: str) -> None:
    data = json.loads(get(server, "/kb/criteria_by_degree.json", _shape="objects"))
    assert {row["degree"] for row in data["rows"]} == {"gross", "significant", "minor"}
    docs = json.loads(get(server, "/kb/documents_status.json", _shape="objects"))
    assert {row["id"]: row["status"] for row in docs["rows"]}["003"] == "repealed"
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(urllib.request.Request(
            server + "/kb/-/query", data=b"sql=delete+from+tariffs", method="POST"), timeout=10)


def search_count(base: str, text: str, table: str = "tariffs") -> int:
    data = json.loads(get(base, f"/kb/{table}.json", _search=text, _size="1"))
    return data["filtered_table_rows_count"]


@pytest.mark.parametrize("text", ["массаж", "стирка белья", "massage", "laundry", "массаж полустационар",
                                  "киімді жуу", "home care Bäyterek"])
def test_search_finds_rows_by_russian_english_setting_and_district_words(server: str, text: str) -> None:
    assert search_count(server, text) > 0


def test_search_narrows_by_setting_and_never_fails_on_english_phrases(server: str) -> None:
    data = json.loads(get(server, "/kb/tariffs.json", _search="массаж полустационар", _shape="objects"))
    assert {row["setting"] for row in data["rows"]} == {"semi_stationary"}
    for text in ("semi-stationary home care", "what does laundry cost at home?", 'massage "OR', "NOT AND"):
        search_count(server, text)  # an SQL error would be an HTTP 400
    assert search_count(server, "individual work plan", "criteria") > 0


def test_city_vs_rural_is_searched_like_the_tariffs(server: str) -> None:
    data = json.loads(get(server, "/kb/tariffs_city_vs_rural.json", _search="massage", setting="semi_stationary",
                          _shape="objects"))
    assert [(row["rate_city"], row["rate_rural"], row["difference"]) for row in data["rows"]] == [(903, 0, None)]


def test_excel_export_of_a_search_has_every_row_with_bom_and_semicolons(server: str) -> None:
    text = get(server, "/kb/tariffs.excel", jurisdiction="baiterek").decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    assert len(rows) == 76 and all("," in row["rate"] for row in rows)  # every row, not one page; decimal comma


def test_excel_export_of_a_query_and_of_a_bad_query(server: str) -> None:
    text = get(server, "/kb.excel", sql="select 903.5 as rate, 'a;b' as name").decode("utf-8")
    assert text == '\ufeffrate;name\r\n903,5;"a;b"\r\n'
    with pytest.raises(urllib.error.HTTPError) as error:
        get(server, "/kb.excel", sql="select nonsense from nowhere")
    assert error.value.code == 400


def test_home_page_and_cells_speak_kazakh_and_russian(server: str) -> None:
    home = get(server, "/").decode("utf-8")
    for text in ("Тарифтер / Тарифы", "Тәуекел өлшемшарттары / Критерии оценки риска", "Құжаттар / Документы",
                 "Как найти тариф"):
        assert text in home
    page = get(server, "/kb/tariffs", _search="массаж полустационар").decode("utf-8")
    assert "жартылай стационар / полустационар" in page and "тариф не установлен" in page
    assert "903,00" in page and 'class="desk-legend"' in page
