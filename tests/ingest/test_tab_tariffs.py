"""The tab-layout tariff parser on 002 (Bäyterek home care): against the hand-read table and the shared sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tables import DATA, read_table

from knowledge.domain import TariffRow
from knowledge.ingest.manifest import load_manifest, read_source
from knowledge.ingest.parsers.tab_tariffs import parse_tab_tariffs

SHARED_SAMPLE = Path("/work/shared/dev/tariffs-sample.csv")


def _space(text: str) -> str:
    """Names compared after normalising white space and the spacing around punctuation."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"([(])\s+", r"\1", text))


def _rate(value: str) -> float | None:
    return float(value.replace(",", ".")) if value.strip() else None



@pytest.fixture(scope="module")
def document():
    return next(d for d in load_manifest() if d.id == "002")


@pytest.fixture(scope="module")
def rows(document) -> list[TariffRow]:
    return parse_tab_tariffs(read_source(document), document)


def test_items_are_continuous_1_to_76(rows):
    assert sorted({row.item for row in rows}) == list(range(1, 77))
    assert [row.item for row in rows] == sorted(row.item for row in rows)  # source order


def test_every_row_is_a_complete_one_rate_home_day_row(rows):
    for row in rows:
        assert (row.document, row.jurisdiction, row.setting, row.annex, row.unit) == ("002", "baiterek", "home", 1, "day")
        assert row.rate is not None and row.rate > 0
        assert row.rate_city is None and row.rate_rural is None
        assert row.service and row.position and row.category and row.service_raw
        assert 0 < row.line_start <= row.line_end
        assert not row.flagged, (row.item, row.flag_reason)


def test_full_table_matches_the_handread_table(rows):
    expected = read_table(DATA / "tariffs-002.csv")
    got = [
        {name: str(value) for name, value in row.export().items() if name in expected[0]}
        for row in rows
    ]
    for line in got:
        line["flagged"] = line["flagged"].lower()
    normalised = [
        {**line, "rate": _rate(line["rate"]), "rate_city": _rate(line["rate_city"] if line["rate_city"] != "None" else ""),
         "rate_rural": _rate(line["rate_rural"] if line["rate_rural"] != "None" else "")}
        for line in got
    ]
    wanted = [
        {**line, "rate": _rate(line["rate"]), "rate_city": _rate(line["rate_city"]), "rate_rural": _rate(line["rate_rural"])}
        for line in expected
    ]
    assert len(normalised) == len(wanted) == 76
    for got_row, want_row in zip(normalised, wanted, strict=True):
        assert got_row == want_row


def test_every_baiterek_row_of_the_sample_is_found(rows):
    sample_path = DATA / "tariffs-sample.csv"
    sample = read_table(sample_path if sample_path.exists() else SHARED_SAMPLE)
    wanted = [line for line in sample if line["jurisdiction"] == "baiterek"]
    assert wanted, "the sample has no Bäyterek rows"
    for line in wanted:
        matches = [
            row for row in rows
            if row.setting == line["setting"] and row.annex == int(line["annex"]) and row.item == int(line["item"])
            and _space(row.position) == _space(line["position"])
        ]
        assert len(matches) == 1, line
        assert matches[0].rate == _rate(line["rate"]), line
        assert _space(matches[0].service) == _space(line["service"]), line


def test_categories_are_the_section_headers_in_order(rows):
    by_item = {row.item: row.category for row in rows}
    assert by_item[1] == by_item[15] == "Әлеуметтік - тұрмыстық қызметтер"
    assert by_item[16] == "Әлеуметтік - экономикалық қызметтер"
    assert by_item[71] == "Әлеуметтік - еңбек қызметтері"  # printed "Әлеуметтік –еңбек"
    assert by_item[76] == "Әлеуметтік - психологиялық қызметтер"
    assert len(set(by_item.values())) == 8


def test_line_spans_point_at_the_printed_row(rows, document):
    lines = read_source(document).split("\n")
    for row in rows:
        assert lines[row.line_start - 1].strip() == str(row.item)
        assert float(lines[row.line_end - 1].strip().replace(",", ".")) == row.rate


# Layout variants written out in the same tab layout: what the parser does with them.
_HEADER = "\t\n№\n\t\nҚызмет түрлері\n\t\nЛауазымы\n\t\nҚызмет алушыға бір күнде көрсетілетін қызметтің құны, теңге\n\n"


def _row(*cells: str) -> str:
    return "".join(f"\t\n{cell}\n" for cell in cells) + "\n"


def _parse(body: str, document) -> list[TariffRow]:
    return parse_tab_tariffs("Тариф\n" + _HEADER + body, document)


def test_missing_rate_is_kept_and_flagged(document):
    rows = _parse(_row("", "Бөлім") + _row("1", "қызмет", "маман", "") + _row("2", "қызмет 2", "маман", "0"), document)
    assert [(r.item, r.rate, r.flagged, r.flag_reason) for r in rows] == [(1, None, True, "no_rates"), (2, 0.0, False, "")]
    assert rows[0].category == "Бөлім"


def test_unit_comes_from_the_printed_heading_and_a_clash_with_the_manifest_is_flagged(document):
    month = parse_tab_tariffs("Тариф\n" + _HEADER.replace("бір күнде", "бір айда") + _row("1", "қызмет", "маман", "1 234,5"), document)
    assert (month[0].unit, month[0].rate, month[0].flagged, month[0].flag_reason) == ("month", 1234.5, True, "unit_mismatch")
    day = _parse(_row("1", "қызмет", "маман", "7.5"), document)
    assert (day[0].unit, day[0].rate, day[0].flagged) == ("day", 7.5, False)


def test_multi_line_service_cell_keeps_raw_lines(document):
    rows = _parse(_row("3", "бірінші жол\nекінші  жол", "маман", "10"), document)
    assert rows[0].service == "бірінші жол екінші жол"
    assert rows[0].service_raw == "бірінші жол\nекінші  жол"
