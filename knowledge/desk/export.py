"""`komekshi kb export tariffs|criteria`: the tables as JSON lines, CSV, or CSV for Excel (the documented fields)."""

from __future__ import annotations

import csv
import io
import json
import re
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


# Excel on a Kazakh or Russian Windows reads a CSV by the system's list separator (";") and decimal comma, and takes
# a file without a byte-order mark for the ANSI code page: so ";" between fields, "903,5", and a BOM first.
BOM = "\ufeff"
EXCEL_SEPARATOR = ";"
DECIMAL = re.compile(r"^-?\d+\.\d+$")


def excel_value(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, str) and DECIMAL.match(value):
        return value.replace(".", ",")
    return value


def write_excel_csv(header: list[str], rows: list[list], out: TextIO) -> None:
    """Rows as CSV for Excel: BOM, ";" separators, decimal commas, CRLF line ends."""
    out.write(BOM)
    writer = csv.writer(out, delimiter=EXCEL_SEPARATOR, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([excel_value(v) for v in row] for row in rows)


def excel_csv(text: str) -> str:
    """Plain CSV (Datasette's export) → CSV for Excel."""
    reader = csv.reader(io.StringIO(text.lstrip(BOM)))
    header = next(reader, [])
    out = io.StringIO()
    write_excel_csv(header, list(reader), out)
    return out.getvalue()


def write_export(db: sqlite3.Connection, table: str, fmt: str, out: TextIO) -> int:
    rows = export_rows(db, table)
    if fmt == "excel":
        fields = QUERIES[table][0]
        write_excel_csv(list(fields), [[row[name] for name in fields] for row in rows], out)
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=QUERIES[table][0], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)
