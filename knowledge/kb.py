"""Opening the built knowledge base: read-only, with one clear error naming the fix."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from knowledge import DEFAULT_KB_PATH, russian
from knowledge.domain import CUE_FIELDS, Jurisdiction

REQUIRED_TABLES = ("documents", "jurisdictions", "tariffs", "criteria", "checklist_items", "staffing_norms", "passages", "meta")
FIX = "run `komekshi kb build` (or `make kb`) to rebuild it"


class KnowledgeBaseError(RuntimeError):
    """The knowledge base file is missing, unreadable or incomplete."""


def resolve_path(path: Path | str | None = None) -> Path:
    return Path(path) if path else DEFAULT_KB_PATH


def open_kb(path: Path | str | None = None) -> sqlite3.Connection:
    """Open the knowledge base read-only; raise KnowledgeBaseError naming the file and the fix."""
    path = resolve_path(path)
    if not path.is_file():
        raise KnowledgeBaseError(f"knowledge base {path} is missing: {FIX}")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db.row_factory = sqlite3.Row
        tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
        # A damaged page deep in a table only shows when read: check every page now (a few ms), not mid-answer.
        problem = db.execute("pragma quick_check").fetchone()[0]
        if problem != "ok":
            raise sqlite3.DatabaseError(problem.splitlines()[-1])
    except sqlite3.DatabaseError as error:
        raise KnowledgeBaseError(f"knowledge base {path} is not a readable SQLite file ({error}): {FIX}") from error
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    if missing:
        db.close()
        raise KnowledgeBaseError(f"knowledge base {path} lacks tables {', '.join(missing)}: {FIX}")
    return db


def load_jurisdictions(db: sqlite3.Connection) -> dict[str, Jurisdiction]:
    """The jurisdictions the base was built with (from the manifest), by code."""
    found = {}
    for row in db.execute("select * from jurisdictions order by rowid"):
        data = {key: row[key] or "" for key in row.keys()}  # noqa: SIM118 - sqlite3.Row iterates values
        for name in CUE_FIELDS:
            if name in data:  # lists of words, stored as JSON
                data[name] = tuple(json.loads(data[name] or "[]"))
        found[data["code"]] = Jurisdiction(**data)
    return found


def remember_russian_words(db: sqlite3.Connection) -> int:
    """Hand knowledge.russian what the Russian dictionary said of the base's words at build
    (knowledge.ingest.dictionary), when it was said under the running dictionary and code; the number of words given
    (0: none stored, or another version: they are looked up again when needed)."""
    try:
        stored = db.execute("select value from meta where key = 'russian_version'").fetchone()
        if stored is None or stored[0] != russian.version():
            return 0
        rows = db.execute("select word, normal, pos from russian_words").fetchall()
    except sqlite3.Error:  # a base built before the table existed
        return 0
    russian.remember({word: (normal, pos) if normal is not None else None for word, normal, pos in rows})
    return len(rows)
