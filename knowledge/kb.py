"""Opening the built knowledge base: read-only, with one clear error naming the fix."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from knowledge import DEFAULT_KB_PATH, russian
from knowledge.domain import CUE_FIELDS, Jurisdiction

# The base's shape as the engine, the desk and the bot read it: every table with its columns (the build writes
# exactly these: tests/ingest/test_shape.py), and the full-text indexes searched. A base of another shape is refused
# when opened, in one line, rather than failing mid-answer.
SHAPE: dict[str, tuple[str, ...]] = {
    "documents": ("id", "file", "kind", "layout", "title_kk", "title_ru", "title_en", "issuer_kk", "issuer_ru",
                  "issuer_en", "act_type", "number", "date", "jurisdiction", "status", "effective", "year",
                  "repealed_by_kk", "repealed_by_ru", "repealed_by_en", "repealed_on", "superseded_by", "url",
                  "registration", "annexes", "sha256"),
    "tariffs": ("id", "document", "jurisdiction", "setting", "annex", "category", "item", "service", "position",
                "rate_city", "rate_rural", "rate", "unit", "line_start", "line_end", "flagged", "flag_reason",
                "item_inferred", "service_raw", "override_reason", "status", "year"),
    "criteria": ("item", "section", "criterion", "degree", "degree_kk", "document", "annex", "line_start",
                 "line_end"),
    "checklist_items": ("id", "document", "annex", "title", "item", "requirement", "line_start", "line_end"),
    "staffing_norms": ("id", "document", "table_name", "position", "recipients", "value", "item", "line_start",
                       "line_end"),
    "passages": ("id", "document", "annex", "item", "kind", "title", "text", "key", "line_start", "line_end",
                 "extra"),
    "jurisdictions": ("code", "kind", "parent", "name_kk", "name_ru", "name_en", "short_kk", "short_ru", "short_en",
                      "issuer_kk", "issuer_ru", "issuer_en", "cues", "question_cues_kk", "question_cues_ru",
                      "question_cues_en"),
    "meta": ("key", "value"),
}
FULL_TEXT = {"passages_fts": ("text", "key", "title"), "tariffs_fts": ("service", "position", "category"),
             "criteria_fts": ("criterion", "section")}
REQUIRED_TABLES = tuple(SHAPE)
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
    problems = shape_problems(db)
    if problems:
        db.close()
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise KnowledgeBaseError(f"knowledge base {path} {problems[0]}{more}: {FIX}")
    return db


def stored_meta(path: Path, key: str) -> str | None:
    """A value of a base's `meta` table, read without locking it; None when the file is no base or lacks the key."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("select value from meta where key = ?", (key,)).fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def shape_problems(db: sqlite3.Connection) -> list[str]:
    """How the base differs from SHAPE and FULL_TEXT ("lacks column tariffs.year", ...); empty when it fits."""
    problems = []
    for table, columns in [*SHAPE.items(), *FULL_TEXT.items()]:
        try:
            present = {row[1] for row in db.execute(f"pragma table_info([{table}])")}
            if not present:
                problems.append(f"lacks table {table}")
                continue
            if table in FULL_TEXT:
                db.execute(f"select rowid from [{table}] where [{table}] match 'a' limit 1").fetchall()
        except sqlite3.Error as error:
            problems.append(f"cannot read {table} ({error})")
            continue
        problems += [f"lacks column {table}.{column}" for column in columns if column not in present]
    return problems


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
