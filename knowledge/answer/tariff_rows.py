"""The tariff rows of the base as the catalogue holds them: one searchable target per item, its rows as dicts. A base
of many districts and years prints the same names, titles and units in every act: each text is one string in
memory, and rows are read column by column."""

from __future__ import annotations

import sqlite3
from itertools import repeat
from operator import itemgetter
from typing import Protocol

from knowledge.answer.index import Target


class Naming(Protocol):
    """What names a target (knowledge.answer.catalogue.Naming)."""

    def target(self, kind: str, ident: tuple, name: str, **extra) -> Target:
        ...


def services(db: sqlite3.Connection, documents: dict[str, dict], names: Naming) -> list[Target]:
    """One target per tariff item (document, annex, item), in that order, its rows in the table's order; a superseded
    act's items only where no act in force covers their jurisdiction, setting and year."""
    rows_by_service: dict[tuple, list[dict]] = {}
    for key, row in zip(*_tariff_rows(db), strict=True):
        rows_by_service.setdefault(key, []).append(row)
    items = list(rows_by_service.items())
    try:
        items.sort(key=itemgetter(0))  # nearly sorted already: the table is written act by act, annex by annex
    except TypeError:  # a NULL annex or item: sorted as SQLite would
        items.sort(key=lambda item: _sql_order(item[0]))
    targets = [names.target("service", ident, rows[0]["service"],
                            jurisdiction=rows[0]["jurisdiction"], setting=rows[0]["setting"], rows=rows)
               for ident, rows in items]

    def superseded(target: Target) -> bool:
        return (documents.get(target.ident[0]) or {}).get("status") == "superseded"

    def table(target: Target) -> tuple:
        return (target.jurisdiction, target.setting, (documents.get(target.ident[0]) or {}).get("year"))

    current = {table(t) for t in targets if not superseded(t)}
    return [t for t in targets if not superseded(t) or table(t) not in current]


def _tariff_rows(db: sqlite3.Connection) -> tuple[list[tuple], list[dict]]:
    """Every tariff row as a dict, in the table's own order (by id: no sort in SQLite), with its (document, annex,
    item). Column by column, each text kept once in memory: every act prints the same names, titles and units, and a
    base of many districts and years holds them tens of times. `service_raw` and `override_reason` (for review,
    read from the table by the desk) are not loaded."""
    cursor = db.cursor()
    cursor.row_factory = None
    cursor.execute("select * from tariffs order by id")
    names = [column[0] for column in cursor.description]
    rows = cursor.fetchall()
    if not rows:
        return [], []
    keys, columns = [], []
    for name, column in zip(names, zip(*rows, strict=True), strict=True):
        if name in ("service_raw", "override_reason"):
            continue
        keys.append(name)
        texts: dict = {}  # one per column: only equal texts are shared (never 1 and 1.0)
        textual = any(value.__class__ is str for value in column)
        columns.append(list(map(texts.setdefault, column, column)) if textual else column)
    dicts = list(map(dict, map(zip, repeat(keys), zip(*columns, strict=True))))
    at = [columns[keys.index(name)] for name in ("document", "annex", "item")]
    return list(zip(*at, strict=True)), dicts


def _sql_order(values: tuple) -> tuple:
    """SQLite's `order by` of a tuple of values: NULL first, numbers before text."""
    return tuple((0, 0) if v is None else (1, v) if isinstance(v, int | float) else (2, v) for v in values)
