"""A rebuild written as a patch: the base being replaced is copied and only the rows that differ are rewritten in the
large tables (tariffs, passages: their full-text rows too), the small tables and the views rewritten whole, all in
one transaction on the copy, which then replaces the base as a full write would. The rows come from the same
function as a full write's (build.table_rows), so the tables hold the same rows; a base of another layout, or one
that cannot be read, is written in full instead."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from sqlite_utils.db import quote_identifier

from knowledge.kb import stored_meta

LARGE = ("tariffs", "passages")  # compared row by row (their first column is the integer id)


def patch_database(old: Path, temp: Path, rows: dict[str, Iterable[dict]], tables: dict[str, tuple[dict, str]],
                   full_text: dict[str, list[str]], views: dict[str, str], layout: str) -> bool:
    """Write the new base to `temp` as a patch of `old`; False (nothing written) when `old` is not of `layout`."""
    if not old.is_file() or stored_meta(old, "layout") != layout:
        return False
    shutil.copyfile(old, temp)
    db = sqlite3.connect(temp, isolation_level=None)
    try:
        db.execute("begin")
        for name in [row[0] for row in db.execute("select name from sqlite_master where type = 'view'")]:
            db.execute(f"drop view [{name}]")
        for table, (columns, _) in tables.items():
            names = list(columns)
            new = [tuple(row.get(column) for column in names) for row in rows[table]]
            if table in LARGE:
                patch_table(db, table, names, new, full_text.get(table, []))
            else:
                replace_table(db, table, names, new, table in full_text)
        for name, sql in views.items():  # as sqlite_utils words it for a full write: the schemas are the same
            db.execute(f"CREATE VIEW {quote_identifier(name)} AS {sql}")
        db.execute("commit")
    except sqlite3.DatabaseError:
        db.close()
        temp.unlink(missing_ok=True)
        return False  # a damaged page in the old base: it is written in full instead
    except BaseException:
        db.close()
        temp.unlink(missing_ok=True)
        raise
    db.close()
    return True


def insert_sql(table: str, names: list[str]) -> str:
    return f"insert into [{table}] ({', '.join(f'[{n}]' for n in names)}) values ({', '.join('?' * len(names))})"


def replace_table(db: sqlite3.Connection, table: str, names: list[str], new: list[tuple], indexed: bool) -> None:
    """A small table rewritten whole (its rows keep the order a full write gives them), its full-text index rebuilt."""
    db.execute(f"delete from [{table}]")
    db.executemany(insert_sql(table, names), new)
    if indexed:
        db.execute(f"insert into [{table}_fts]([{table}_fts]) values ('rebuild')")


def patch_table(db: sqlite3.Connection, table: str, names: list[str], new: list[tuple], indexed: list[str]) -> None:
    """Rows whose id is new, gone or whose values differ are deleted and inserted again, with their full-text rows."""
    old = {row[0]: row for row in db.execute(f"select {', '.join(f'[{n}]' for n in names)} from [{table}]")}
    fresh = {row[0]: row for row in new}
    gone = [old[key] for key in old if fresh.get(key) != old[key]]
    added = [row for row in new if old.get(row[0]) != row]
    at = [names.index(column) for column in indexed]
    fts_names = ", ".join(f"[{c}]" for c in indexed)
    if indexed and gone:
        db.executemany(f"insert into [{table}_fts]([{table}_fts], rowid, {fts_names}) "
                       f"values ('delete', ?, {', '.join('?' * len(indexed))})",
                       [(row[0], *(row[i] for i in at)) for row in gone])
    db.executemany(f"delete from [{table}] where [{names[0]}] = ?", [(row[0],) for row in gone])
    db.executemany(insert_sql(table, names), added)
    if indexed and added:
        db.executemany(f"insert into [{table}_fts](rowid, {fts_names}) values (?, {', '.join('?' * len(indexed))})",
                       [(row[0], *(row[i] for i in at)) for row in added])
