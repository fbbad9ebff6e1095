"""Rates that break their table's own pattern, flagged for review (never changed).

In a two-rate table the rural rate of one position is usually the city rate times one fixed coefficient
(Börli: × 1.0314). A row of that position that departs from the coefficient followed by nearly all its siblings is
more likely a misprint than a policy ("487,5" where the pattern gives 487,95), so users are told to check it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from knowledge.domain import TariffRow

MIN_ROWS = 5  # a pattern needs this many rows of the position with both rates
MIN_SHARE = 0.8  # ... and this share of them on one coefficient
TOLERANCE = 0.0005  # coefficients are compared at this precision (rates are printed to the tiyn)


def coefficient(row: TariffRow) -> float | None:
    if row.rate_city and row.rate_rural:
        return round(row.rate_rural / row.rate_city, 4)
    return None


def flag_rate_anomalies(rows: list[TariffRow]) -> list[TariffRow]:
    """Flag (in place) the rows whose rural/city coefficient departs from their position's pattern; return them."""
    groups: dict[tuple, list[TariffRow]] = defaultdict(list)
    for row in rows:
        if coefficient(row) is not None:
            groups[(row.document, row.annex, row.position)].append(row)
    flagged = []
    for siblings in groups.values():
        if len(siblings) < MIN_ROWS:
            continue
        usual, count = Counter(coefficient(r) for r in siblings).most_common(1)[0]
        if count / len(siblings) < MIN_SHARE or usual == 1.0:
            continue
        for row in siblings:
            if abs(coefficient(row) - usual) > TOLERANCE and not row.override_reason:
                row.flagged = True
                row.flag_reason = ",".join(filter(None, [row.flag_reason, f"rate_pattern(x{usual})"]))
                flagged.append(row)
    return flagged
