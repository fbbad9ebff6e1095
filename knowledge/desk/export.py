"""`komekshi kb export tariffs|criteria`: the tables as JSON lines or CSV, exactly the documented fields."""

from __future__ import annotations

import csv
import json
import sqlite3
from typing import TextIO

from knowledge.domain import CRITERION_EXPORT_FIELDS, TARIFF_EXPORT_FIELDS

QUERIES = {
    "tariffs": (TARIFF_EXPORT_FIELDS, "select * from tariffs order by document, annex, item, id"),
    "criteria": (CRITERION_EXPORT_FIELDS, "select * from criteria order by item"),
}


def export_rows(db: sqlite3.Connection, table: str) -> list[dict]:
    fields, query = QUERIES[table]
    rows = []
    for row in db.execute(query):
        record = {name: row[name] for name in fields}
        if "flagged" in record:
            record["flagged"] = bool(record["flagged"])
        rows.append(record)
    return rows


def write_export(db: sqlite3.Connection, table: str, fmt: str, out: TextIO) -> int:
    rows = export_rows(db, table)
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=QUERIES[table][0], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)
