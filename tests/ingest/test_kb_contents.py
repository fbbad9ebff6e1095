"""The built knowledge base (not just the parsers) holds every hand-read row, exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tables import read_table

from knowledge.ingest.manifest import load_manifest
from knowledge.kb import open_kb
from knowledge.text import fold


def squash(text: str) -> str:
    """The sample's comparison rule: white space and spaces around punctuation do not count."""
    return re.sub(r"\s*([,.;:()\"'/-])\s*", r"\1", " ".join(fold(text).split())).casefold()


def number(value: str) -> float | None:
    return float(value) if value not in ("", None) else None


def base_rows(kb_path: Path) -> list[dict]:
    return [dict(row) for row in open_kb(kb_path).execute("select * from tariffs")]


def find(rows: list[dict], expected: dict) -> list[dict]:
    return [row for row in rows
            if (row["jurisdiction"], row["setting"], row["annex"], row["item"]) ==
            (expected["jurisdiction"], expected["setting"], int(expected["annex"]), int(expected["item"]))
            and squash(row["position"]) == squash(expected["position"])
            and all(row[name] == number(expected[name]) for name in ("rate_city", "rate_rural", "rate"))]


@pytest.mark.parametrize("name", ["tariffs-sample.csv", "tariffs-000.csv", "tariffs-001.csv", "tariffs-002.csv"])
def test_every_hand_read_tariff_row_is_in_the_base(kb_path: Path, name: str) -> None:
    rows = base_rows(kb_path)
    missing = []
    for expected in read_table(name):
        matches = find(rows, expected)
        if not any(squash(m["service"]) == squash(expected["service"]) for m in matches):
            missing.append((expected["jurisdiction"], expected["setting"], expected["item"], expected["position"]))
    assert not missing, missing[:10]


@pytest.mark.parametrize("document", ["000", "001", "002"])
def test_the_base_has_no_row_the_hand_read_table_lacks(kb_path: Path, document: str) -> None:
    expected = read_table(f"tariffs-{document}.csv")
    rows = [row for row in base_rows(kb_path) if row["document"] == document]
    assert len(rows) == len(expected)


@pytest.mark.parametrize("name", ["criteria-sample.csv", "criteria-full.csv"])
def test_every_hand_read_criterion_is_in_the_base(kb_path: Path, name: str) -> None:
    criteria = {row["item"]: dict(row) for row in open_kb(kb_path).execute("select * from criteria")}
    for expected in read_table(name):
        row = criteria[int(expected["item"])]
        assert (row["degree"], row["degree_kk"]) == (expected["degree"], expected["degree_kk"]), expected["item"]
        assert squash(row["criterion"]).replace(" ", "") == squash(expected["criterion"]).replace(" ", "")


def test_every_annex_is_complete_and_continuous(kb_path: Path) -> None:
    db = open_kb(kb_path)
    for document in load_manifest():
        for annex in document.annexes:
            if not annex.items:
                continue
            table = "criteria" if document.kind == "criteria" else "tariffs"
            items = {row[0] for row in db.execute(
                f"select item from {table} where document = ? and annex = ?", (document.id, annex.number))}
            assert items == set(range(1, annex.items + 1)), (document.id, annex.number)


def test_rates_are_never_negative_and_units_follow_the_annex(kb_path: Path) -> None:
    db = open_kb(kb_path)
    units = {(d.id, a.number): a.unit for d in load_manifest() for a in d.annexes}
    for row in db.execute("select * from tariffs"):
        assert row["unit"] == units[(row["document"], row["annex"])]
        for name in ("rate_city", "rate_rural", "rate"):
            assert row[name] is None or row[name] >= 0
