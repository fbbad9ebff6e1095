"""The usage log: its own SQLite file with question text, intent, status, language, day and a salted hash of
the user id. Never names, usernames or phone numbers. Off when USAGE_LOG=off (then every call is a no-op)."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# Questions are written in batches: one commit per question cost about a third of the polling throughput. A batch is
# written when it holds this many rows, when its oldest row is this old, and always before stats are read or the
# log is closed.
BATCH_ROWS = 50
BATCH_SECONDS = 2.0

SCHEMA = """
create table if not exists questions (
    id integer primary key,
    day text not null,          -- YYYY-MM-DD (UTC)
    user_hash text not null,    -- salted hash of the Telegram user id
    lang text not null,
    intent text not null,
    status text not null,       -- answer | clarify | not_found | error
    source text not null,       -- private | group | inline | button
    question text not null
);
create index if not exists questions_day on questions (day);
"""


@dataclass
class Stats:
    days: list[tuple[str, int, int]]  # (day, questions, answered)
    total: int
    answered: int
    unanswered: list[tuple[str, int]]  # (question, times)

    @property
    def answered_share(self) -> float:
        return self.answered / self.total if self.total else 0.0


class UsageLog:
    def __init__(self, path: Path | str | None, salt: str = "") -> None:
        self.enabled = path is not None
        if not salt:
            # Without a configured salt hashes are only comparable within this process: privacy first.
            salt = secrets.token_hex(16)
            if self.enabled:
                log.warning("USAGE_SALT is not set: user hashes will change at every restart")
        self.salt = salt
        self.lock = threading.Lock()
        self.db = None
        self.pending: list[tuple] = []
        self.pending_since = 0.0
        if self.enabled:
            self.db = sqlite3.connect(str(path), check_same_thread=False)
            self.db.execute("pragma journal_mode = wal")
            self.db.executescript(SCHEMA)

    def user_hash(self, user_id: int) -> str:
        return hashlib.blake2b(f"{self.salt}:{user_id}".encode(), digest_size=10).hexdigest()

    def record(self, *, user_id: int, question: str, lang: str, intent: str, status: str, source: str,
               today: dt.date | None = None) -> None:
        if self.db is None:
            return
        day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
        row = (day, self.user_hash(user_id), lang, intent, status, source, question[:1000])
        with self.lock:
            if not self.pending:
                self.pending_since = time.monotonic()
            self.pending.append(row)
            if len(self.pending) >= BATCH_ROWS or time.monotonic() - self.pending_since >= BATCH_SECONDS:
                self._write()

    def flush(self) -> None:
        """Write the rows still waiting in the batch."""
        with self.lock:
            self._write()

    def _write(self) -> None:
        if self.db is None or not self.pending:
            return
        self.db.executemany(
            "insert into questions (day, user_hash, lang, intent, status, source, question) values (?, ?, ?, ?, ?, ?, ?)",
            self.pending)
        self.db.commit()
        self.pending.clear()

    def stats(self, days: int = 7, top: int = 10) -> Stats:
        if self.db is None:
            return Stats([], 0, 0, [])
        with self.lock:
            self._write()
            per_day = self.db.execute(
                "select day, count(*), sum(status = 'answer') from questions group by day order by day desc limit ?",
                (days,)).fetchall()
            total, answered = self.db.execute(
                "select count(*), coalesce(sum(status = 'answer'), 0) from questions").fetchone()
            unanswered = self.db.execute(
                "select lower(trim(question)) as q, count(*) as n from questions where status != 'answer'"
                " group by q order by n desc, max(id) desc limit ?", (top,)).fetchall()
        return Stats([(day, n, int(ok or 0)) for day, n, ok in per_day], total, int(answered), unanswered)

    def close(self) -> None:
        with self.lock:
            self._write()
            if self.db is not None:
                self.db.close()
                self.db = None
