"""Build the knowledge base: sources → parsers → one SQLite file, written atomically."""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import sqlite_utils

from knowledge import PACKAGE_DIR, SOURCES_DIR
from knowledge.domain import CUE_FIELDS, ChecklistItem, Criterion, Jurisdiction, Passage, StaffingNorm, TariffRow
from knowledge.ingest.anomalies import flag_rate_anomalies
from knowledge.ingest.check import compact, item_gaps
from knowledge.ingest.desk_search import SEARCH_TABLES as DESK_SEARCH_TABLES
from knowledge.ingest.desk_search import write_search_tables
from knowledge.ingest.dictionary import russian_words
from knowledge.ingest.manifest import Document, ManifestError, load_jurisdictions, load_manifest, read_source
from knowledge.ingest.overrides import Override, apply_overrides, load_overrides
from knowledge.ingest.parsers.criteria import parse_criteria
from knowledge.ingest.parsers.passages import decree_paragraphs, tariff_passages
from knowledge.ingest.parsers.pdf_tariffs import parse_pdf_tariffs
from knowledge.ingest.parsers.rules import parse_rules
from knowledge.ingest.parsers.tab_tariffs import parse_tab_tariffs
from knowledge.ingest.patch import patch_database
from knowledge.ingest.repair import default_vocabulary
from knowledge.ingest.reuse import ActParse, ParseCache, act_key, cache_path, code_fingerprint
from knowledge.ingest.views import views
from knowledge.kb import remember_russian_words, resolve_path, stored_meta
from knowledge.russian import version as russian_version
from knowledge.text import search_key


class SourceError(ValueError):
    """A source text could not be parsed into what its manifest promises; names the file and the fix."""


@dataclass
class Parsed:
    """Everything the parsers produced, before it is written."""

    documents: list[Document]
    jurisdictions: list[Jurisdiction] = field(default_factory=list)
    tariffs: list[TariffRow] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    checklist_items: list[ChecklistItem] = field(default_factory=list)
    staffing_norms: list[StaffingNorm] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    overrides: dict[Override, int] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # passage text → its search key, made once per text
    _items: dict[tuple[str, int], list[int]] | None = field(default=None, repr=False)

    def tariff_items(self) -> dict[tuple[str, int], list[int]]:
        """The item numbers parsed per (act, annex), grouped once for all acts."""
        if self._items is None:
            self._items = {}
            for row in self.tariffs:
                self._items.setdefault((row.document, row.annex), []).append(row.item)
        return self._items

    def add(self, act: ActParse) -> None:
        self.tariffs += act.tariffs
        self.criteria += act.criteria
        self.checklist_items += act.checklist_items
        self.staffing_norms += act.staffing_norms
        self.passages += act.passages
        self.keys.update(act.keys)


def sources_fingerprint(sources_dir: Path = SOURCES_DIR) -> str:
    """A hash of the sources and of the code that reads them: the base is rebuilt when either changes."""
    digest = hashlib.sha256()
    files = sorted(sources_dir.glob("*.txt")) + sorted(sources_dir.glob("*.toml"))
    files += sorted((PACKAGE_DIR / "ingest").rglob("*.py")) + [PACKAGE_DIR / "text.py", PACKAGE_DIR / "russian.py", PACKAGE_DIR / "domain.py"]
    files += sorted((PACKAGE_DIR / "data").glob("*"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def parse_sources(sources_dir: Path = SOURCES_DIR, cache: ParseCache | None = None) -> Parsed:
    """Every act parsed (or its earlier parse reused from `cache` when nothing it depends on changed), then the
    overrides and the rate-pattern flags applied across all of them."""
    documents = load_manifest(sources_dir)
    parsed = Parsed(documents=documents, jurisdictions=load_jurisdictions(sources_dir))
    code = code_fingerprint() if cache else ""
    for document in documents:
        text = read_source(document, sources_dir)
        key = act_key(document, text, code) if cache else ""
        act = cache.get(key) if cache else None
        if act is None:
            act = parse_act(document, text, sources_dir)
            if cache:
                cache.put(key, act)
        parsed.add(act)
    parsed.overrides = apply_overrides(parsed.tariffs, load_overrides(sources_dir / "overrides.toml"))
    flag_rate_anomalies(parsed.tariffs)  # after the overrides: a reviewed row is not flagged again
    for document in documents:
        validate_items(document, parsed, sources_dir)
    return parsed


def parse_act(document: Document, text: str, sources_dir: Path) -> ActParse:
    """One act through its parser, with the vocabulary's answers traced (see ingest.reuse)."""
    act = ActParse()
    vocabulary = default_vocabulary()
    vocabulary.trace = act.trace
    try:
        parse_document(document, text, act)
    except (ValueError, IndexError, KeyError) as error:
        raise SourceError(
            f"{sources_dir / document.file}: could not be parsed as {document.kind}/{document.layout} "
            f"({type(error).__name__}: {error}); check the file against the official text or its manifest entry"
        ) from error
    finally:
        vocabulary.trace = None
    return act.with_keys()


def validate_items(document: Document, parsed: Parsed, sources_dir: Path) -> None:
    """Every numbered item the manifest promises (annex.items) was parsed: a table cut short (a truncated file, a
    damaged page) fails the build instead of shipping a base with holes (the same rule as `kb check`)."""
    if document.kind == "tariffs":
        items = parsed.tariff_items()
        annexes = [(annex, items.get((document.id, annex.number), [])) for annex in document.annexes]
    elif document.kind == "criteria":
        annexes = [(annex, [c.item for c in parsed.criteria if c.document == document.id])
                   for annex in document.annexes_holding("criteria")]
    else:
        return
    for annex, items in annexes:
        if annex.items is None:
            continue
        missing, extra = item_gaps(items, annex.items)
        if missing or extra:
            problem = f"missing items {compact(missing)}" if missing else f"unexpected items {compact(extra)}"
            raise SourceError(
                f"{sources_dir / document.file}: annex {annex.number} should have items 1..{annex.items} "
                f"(manifest.toml) but parsing found {len(set(items))}: {problem}; the file looks truncated or "
                f"damaged: restore it from the official text, or correct `items` in its manifest entry")


def parse_document(document: Document, text: str, parsed: Parsed | ActParse) -> None:
    if document.kind == "tariffs":
        parser = parse_tab_tariffs if document.layout == "tab" else parse_pdf_tariffs
        rows = parser(text, document)
        parsed.tariffs += rows
        parsed.passages += decree_paragraphs(text, document) + tariff_passages(rows)
    elif document.kind == "criteria":
        criteria, checklist_items, passages = parse_criteria(text, document)
        parsed.criteria += criteria
        parsed.checklist_items += checklist_items
        parsed.passages += passages
    elif document.kind == "rules":
        norms, passages = parse_rules(text, document)
        parsed.staffing_norms += norms
        parsed.passages += passages
    else:
        raise ValueError(f"unknown document kind {document.kind!r}")


def document_row(document: Document, sources_dir: Path) -> dict:
    row = asdict(document)
    row["annexes"] = json.dumps(row["annexes"], ensure_ascii=False)
    row["sha256"] = hashlib.sha256((sources_dir / document.file).read_bytes()).hexdigest()
    return row


TABLES = {
    # table: (columns, primary key); created up front so an empty table still exists with its schema
    "documents": ({"id": str, "file": str, "kind": str, "layout": str, "title_kk": str, "title_ru": str,
                   "title_en": str, "issuer_kk": str, "issuer_ru": str, "issuer_en": str, "act_type": str,
                   "number": str, "date": str, "jurisdiction": str, "status": str, "effective": str, "year": int,
                   "repealed_by_kk": str, "repealed_by_ru": str, "repealed_by_en": str, "repealed_on": str,
                   "superseded_by": str, "url": str, "registration": str, "annexes": str,
                   "sha256": str}, "id"),
    "tariffs": ({"id": int, "document": str, "jurisdiction": str, "setting": str, "annex": int, "category": str,
                 "item": int, "service": str, "position": str, "rate_city": float, "rate_rural": float,
                 "rate": float, "unit": str, "line_start": int, "line_end": int, "flagged": int,
                 "flag_reason": str, "item_inferred": int, "service_raw": str, "override_reason": str,
                 "status": str, "year": int}, "id"),
    "criteria": ({"item": int, "section": str, "criterion": str, "degree": str, "degree_kk": str,
                  "document": str, "annex": int, "line_start": int, "line_end": int}, "item"),
    "checklist_items": ({"id": int, "document": str, "annex": int, "title": str, "item": int,
                         "requirement": str, "line_start": int, "line_end": int}, "id"),
    "staffing_norms": ({"id": int, "document": str, "table_name": str, "position": str, "recipients": str,
                        "value": str, "item": str, "line_start": int, "line_end": int}, "id"),
    "passages": ({"id": int, "document": str, "annex": int, "item": str, "kind": str, "title": str,
                  "text": str, "key": str, "line_start": int, "line_end": int, "extra": str}, "id"),
    "jurisdictions": ({"code": str, "kind": str, "parent": str, "name_kk": str, "name_ru": str, "name_en": str,
                       "short_kk": str, "short_ru": str, "short_en": str, "issuer_kk": str, "issuer_ru": str,
                       "issuer_en": str, "cues": str, "question_cues_kk": str, "question_cues_ru": str,
                       "question_cues_en": str}, "code"),
    "russian_words": ({"word": str, "normal": str, "pos": str}, "word"),
    "meta": ({"key": str, "value": str}, "key"),
}


def insert(db: sqlite_utils.Database, table: str, rows: Iterable[dict]) -> None:
    """Rows into a table of TABLES, by one statement run over all of them in the build's one transaction
    (sqlite_utils' insert_all checks each value and commits chunk by chunk: most of a large base's build)."""
    columns = list(TABLES[table][0])
    known = set(columns)

    def values(row: dict) -> list:
        if not known.issuperset(row):
            raise ValueError(f"{table}: no column for {sorted(set(row) - known)}")
        return [row.get(column) for column in columns]

    names, marks = ", ".join(f"[{c}]" for c in columns), ", ".join("?" * len(columns))
    db.conn.executemany(f"insert into [{table}] ({names}) values ({marks})", map(values, rows))


FULL_TEXT = {"passages": ["text", "key", "title"], "tariffs": ["service", "position", "category"],
             "criteria": ["criterion", "section"]}
INDEXES = [("tariffs", ["jurisdiction", "setting", "annex", "item"]), ("tariffs", ["year", "jurisdiction"])]
TOKENIZE = "unicode61 remove_diacritics 0"
# The base's layout (tables, full-text indexes, indexes): a rebuild patches a base of the same layout (ingest.patch).
LAYOUT = hashlib.sha256(repr((TABLES, FULL_TEXT, INDEXES, TOKENIZE)).encode()).hexdigest()


def table_rows(parsed: Parsed, sources_dir: Path, fingerprint: str) -> dict[str, Iterable[dict]]:
    """Every table's rows, in the order they are written (one function for a full write and a patch alike)."""
    # records are flat dataclasses: their fields (`vars`) are their columns, without asdict's deep copies
    status = {d.id: d.status for d in parsed.documents}
    year = {d.id: d.year for d in parsed.documents}  # a tariff row applies in its act's year
    return {
        "documents": (document_row(d, sources_dir) for d in parsed.documents),
        "jurisdictions": ({**asdict(j), **{name: json.dumps(getattr(j, name), ensure_ascii=False)
                                           for name in CUE_FIELDS}} for j in parsed.jurisdictions),
        "tariffs": ({"id": n, **vars(row), "status": status[row.document], "year": year[row.document]}
                    for n, row in enumerate(parsed.tariffs, 1)),
        "criteria": (dict(vars(c)) for c in parsed.criteria),
        "checklist_items": ({"id": n, **vars(c)} for n, c in enumerate(parsed.checklist_items, 1)),
        "staffing_norms": ({"id": n, "table_name": s.table, **{k: v for k, v in vars(s).items() if k != "table"}}
                           for n, s in enumerate(parsed.staffing_norms, 1)),
        "passages": ({"id": n, **{k: v for k, v in vars(p).items() if k != "extra"},
                      "extra": json.dumps(p.extra, ensure_ascii=False),
                      "key": parsed.keys.get(p.text) or search_key(p.text)}
                     for n, p in enumerate(parsed.passages, 1)),
        "russian_words": russian_words(parsed),
        "meta": [
            {"key": "sources_hash", "value": fingerprint},
            {"key": "russian_version", "value": russian_version()},
            {"key": "built_at", "value": time.strftime("%Y-%m-%dT%H:%M:%S")},
            {"key": "layout", "value": LAYOUT},
            {"key": "overrides", "value": json.dumps(
                [{**asdict(o), "rows": n} for o, n in parsed.overrides.items()], ensure_ascii=False)},
        ],
    }


def write_database(parsed: Parsed, path: Path, sources_dir: Path, fingerprint: str) -> None:
    db = sqlite_utils.Database(path)
    for name, (columns, pk) in TABLES.items():
        db[name].create(columns, pk=pk)
    for table, rows in table_rows(parsed, sources_dir, fingerprint).items():
        insert(db, table, rows)
    for table, columns in FULL_TEXT.items():
        db[table].enable_fts(columns, tokenize=TOKENIZE)
    for table, columns in INDEXES:
        db[table].create_index(columns)
    for name, sql in views(parsed.documents).items():
        db.create_view(name, sql)
    db.conn.commit()
    db.close()


def current_fingerprint(path: Path) -> str | None:
    return stored_meta(path, "sources_hash")


def remember_earlier_words(path: Path) -> None:
    """The Russian dictionary's readings stored in the base being replaced, taken as they are (under the same
    dictionary and code version only): a rebuild looks up only the words new to it."""
    if not path.is_file():
        return
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            remember_russian_words(db)
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return  # a damaged base: every word is looked up again


def temp_prefix(path: Path, pid: int | None = None) -> str:
    """A build's temporary file is named after the base and the building process: `kb.sqlite.<pid>.<random>.tmp`."""
    return f"{path.name}.{os.getpid() if pid is None else pid}."


def remove_stale_temporaries(path: Path) -> list[Path]:
    """The temporary files an interrupted build (killed, out of power) left beside the base: those whose process is
    gone. A build running beside this one keeps its own."""
    removed = []
    for temp in path.parent.glob(f"{glob.escape(path.name)}.*.tmp"):
        pid = temp.name[len(path.name) + 1:].split(".", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            temp.unlink(missing_ok=True)
            removed.append(temp)
    return removed


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def write_desk_tables(parsed: Parsed, path: Path) -> None:
    """The desk's search tables (Russian and English words beside the Kazakh ones), written whole after a full write
    or a patch alike: derived from every row, they are cheap to make again and never patched."""
    conn = sqlite3.connect(path)
    try:
        for table in DESK_SEARCH_TABLES:
            conn.execute(f"drop table if exists [{table}]")
        write_search_tables(conn, parsed.tariffs, parsed.criteria, parsed.checklist_items, parsed.jurisdictions)
        conn.commit()
    finally:
        conn.close()


def write_atomically(parsed: Parsed, path: Path, sources_dir: Path, fingerprint: str, *, patch: bool) -> None:
    """Write to a temporary file beside the target and rename it over the target; with `patch`, the temporary file
    is the current base patched where it differs (ingest.patch), when it is of this layout."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    handle, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        temp.unlink()
        patched = patch and patch_database(path, temp, table_rows(parsed, sources_dir, fingerprint), TABLES,
                                           FULL_TEXT, views(parsed.documents), LAYOUT)
        if not patched:
            write_database(parsed, temp, sources_dir, fingerprint)
        write_desk_tables(parsed, temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def build(path: Path | str | None = None, sources_dir: Path = SOURCES_DIR, *, if_changed: bool = False,
          reuse: bool = True) -> bool:
    """Build the knowledge base at `path`. Returns False when `if_changed` and it was already current.

    The new base is written to a temporary file beside the target and renamed over it, so a failed build
    never leaves a half-written database. With `reuse`, each act's parse is kept beside the base
    (`kb.sqlite.parsed`, see ingest.reuse) and an act nothing of which changed is not parsed again, and the base is
    written as a patch of the one it replaces (ingest.patch): it holds the same rows as one built from nothing.
    """
    path = resolve_path(path)
    fingerprint = sources_fingerprint(sources_dir)
    if if_changed and path.is_file() and current_fingerprint(path) == fingerprint:
        return False
    cache = ParseCache(cache_path(path)) if reuse else None
    if reuse:
        remember_earlier_words(path)
    try:
        parsed = parse_sources(sources_dir, cache)
        write_atomically(parsed, path, sources_dir, fingerprint, patch=reuse)
        if cache:
            cache.save()  # only now: a failed build leaves nothing new beside the base
    finally:
        if cache:
            cache.close()
    return True


__all__ = ["build", "parse_sources", "Parsed", "SourceError", "ManifestError"]
