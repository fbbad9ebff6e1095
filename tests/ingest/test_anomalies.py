"""Rates that break their position's city/rural pattern are flagged for review, never changed."""

from __future__ import annotations

from pathlib import Path

from knowledge.domain import TariffRow
from knowledge.ingest.anomalies import flag_rate_anomalies
from knowledge.kb import open_kb


def row(item: int, city: float, rural: float, position: str = "Әлеуметтік қызметкер") -> TariffRow:
    return TariffRow(document="001", jurisdiction="borli", setting="home", annex=1, category="", item=item,
                     service=f"service {item}", position=position, rate_city=city, rate_rural=rural, unit="day")


def test_the_odd_one_out_is_flagged_and_kept() -> None:
    rows = [row(n, 473.1, 487.95) for n in range(1, 6)] + [row(6, 473.1, 487.5)]
    flagged = flag_rate_anomalies(rows)
    assert [r.item for r in flagged] == [6]
    assert rows[-1].rate_rural == 487.5 and "rate_pattern" in rows[-1].flag_reason


def test_no_pattern_no_flag() -> None:
    rows = [row(n, 100.0, 100.0 + n) for n in range(1, 8)]  # every row its own coefficient
    assert flag_rate_anomalies(rows) == []
    assert flag_rate_anomalies([row(1, 100, 103.14), row(2, 100, 110)]) == []  # too few rows for a pattern


def test_a_reviewed_row_is_not_flagged() -> None:
    rows = [row(n, 473.1, 487.95) for n in range(1, 6)] + [row(6, 473.1, 487.5)]
    rows[-1].override_reason = "checked against the official publication"
    assert flag_rate_anomalies(rows) == []


def test_the_real_base_flags_the_borli_misprint_candidate(kb_path: Path) -> None:
    flagged = open_kb(kb_path).execute(
        "select document, annex, item, rate_rural from tariffs where flag_reason like '%rate_pattern%'").fetchall()
    assert [tuple(r) for r in flagged] == [("001", 1, 3, 487.5)]
