"""Each act's parse kept beside the base, so a build after `kb add` parses only what changed.

An act's rows depend on its text, its manifest entry and the code and data that read it, and on one thing outside
them: the PDF repair's vocabulary of all the sources (a new decree adds words to it, which may change how another
act's broken words are joined). So an entry is keyed by the first, and holds the trace of every question the parse
asked the vocabulary with its answer: it is reused only when today's vocabulary gives every answer the same, which
makes a reused parse the parse the act would get now. The entries hold the rows as parsed, before overrides and the
rate-pattern flags (those are applied across all acts at every build), and each passage's search key.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.domain import ChecklistItem, Criterion, Passage, StaffingNorm, TariffRow
from knowledge.ingest.manifest import Document
from knowledge.ingest.parsers.staffing_table import vocabulary_digest
from knowledge.ingest.repair import default_vocabulary
from knowledge.text import search_key

SCHEMA = 1  # the cache file's layout: a file of another layout is started afresh
RECORDS = {"tariffs": TariffRow, "criteria": Criterion, "checklist_items": ChecklistItem,
           "staffing_norms": StaffingNorm, "passages": Passage}


@dataclass
class ActParse:
    """What the parsers made of one act."""

    tariffs: list[TariffRow] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    checklist_items: list[ChecklistItem] = field(default_factory=list)
    staffing_norms: list[StaffingNorm] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # passage text → its search key
    trace: dict[tuple[str, str], int | bool] = field(default_factory=dict)

    def with_keys(self) -> ActParse:
        self.keys = {p.text: search_key(p.text) for p in self.passages}
        return self

    def dump(self) -> tuple[bytes, bytes]:
        """(the records, the trace), each compressed JSON; records as lists of field values (their dataclass order)."""
        payload = {name: [[getattr(record, f.name) for f in fields(kind)] for record in getattr(self, name)]
                   for name, kind in RECORDS.items()}
        payload["keys"] = self.keys
        trace = [[kind, word, answer] for (kind, word), answer in self.trace.items()]
        return pack(payload), pack(trace)

    @classmethod
    def load(cls, records: bytes, trace: bytes | None) -> ActParse:
        payload = unpack(records)
        found = {name: [kind(*values) for values in payload[name]] for name, kind in RECORDS.items()}
        return cls(**found, keys=payload["keys"],
                   trace={(kind, word): answer for kind, word, answer in unpack(trace)} if trace else {})


def pack(value: object) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False).encode(), 1)


def unpack(blob: bytes) -> object:
    return json.loads(zlib.decompress(blob))


def code_fingerprint() -> str:
    """A hash of the code and data that read the sources: any change re-parses every act."""
    digest = hashlib.sha256()
    files = sorted((PACKAGE_DIR / "ingest").rglob("*.py")) + [PACKAGE_DIR / "text.py", PACKAGE_DIR / "russian.py",
                                                               PACKAGE_DIR / "domain.py"]
    for path in files + sorted((PACKAGE_DIR / "data").glob("*")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def act_key(document: Document, text: str, code: str) -> str:
    digest = hashlib.sha256(code.encode())
    digest.update(json.dumps(asdict(document), ensure_ascii=False, sort_keys=True).encode())
    digest.update(text.encode())
    if document.kind == "rules":  # the staffing table's cells are joined by the prose vocabulary as a whole
        digest.update(vocabulary_digest().encode())
    return digest.hexdigest()


def cache_path(kb: Path) -> Path:
    return kb.with_name(kb.name + ".parsed")


class ParseCache:
    """The acts' parses in an SQLite file beside the base (`kb.sqlite.parsed`). It is read as it is and written only
    by `save`, once the build succeeded (a failed build leaves nothing new beside the base); a damaged file is
    started afresh."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.used: set[str] = set()
        self.new: dict[str, tuple[bytes, bytes]] = {}
        self.checked: dict[str, str] = {}  # key → the vocabulary its trace was found to hold under
        self.reused = 0
        self.parsed = 0
        self.db: sqlite3.Connection | None = None
        if path.is_file():
            try:
                self.db = self._open()
                self.db.execute("select count(*) from acts").fetchone()
            except sqlite3.DatabaseError:
                self.db = None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        if db.execute("pragma user_version").fetchone()[0] != SCHEMA:
            db.execute("drop table if exists acts")
            db.execute(f"pragma user_version = {SCHEMA}")
        db.execute("create table if not exists acts (key text primary key, vocabulary text not null, "
                   "records blob not null, trace blob not null)")
        return db

    def get(self, key: str) -> ActParse | None:
        """The act's parse when its key is known and the vocabulary answers as it did (checked only when the
        vocabulary changed since)."""
        self.used.add(key)
        if self.db is None:
            return None
        vocabulary = default_vocabulary()
        row = self.db.execute("select vocabulary, records, trace from acts where key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            found = ActParse.load(row[1], None if row[0] == vocabulary.fingerprint() else row[2])
        except (ValueError, KeyError, TypeError, zlib.error):
            return None  # written by another version of the records: parse again
        if found.trace:
            if not vocabulary.answers(found.trace):
                return None
            self.checked[key] = vocabulary.fingerprint()
        self.reused += 1
        return found

    def put(self, key: str, parse: ActParse) -> None:
        self.parsed += 1
        self.new[key] = parse.dump()

    def save(self) -> None:
        """Write the acts parsed now, and keep only the entries this build used (the sources' acts as they are)."""
        if self.db is None:
            self.path.unlink(missing_ok=True)  # a damaged file
            self.db = self._open()
        db = self.db
        fingerprint = default_vocabulary().fingerprint()
        db.executemany("insert or replace into acts values (?, ?, ?, ?)",
                       [(key, fingerprint, *dumped) for key, dumped in self.new.items()])
        db.executemany("update acts set vocabulary = ? where key = ?", [(v, k) for k, v in self.checked.items()])
        known = [row[0] for row in db.execute("select key from acts")]
        db.executemany("delete from acts where key = ?", [(key,) for key in known if key not in self.used])
        db.commit()
        self.close()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
