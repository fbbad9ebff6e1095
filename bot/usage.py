"""The usage log: its own SQLite file (0600) with question text, intent, status, language, day and a salted hash of
the user id. Never names or usernames; personal numbers in the question (IIN/BIN, phones, cards) are masked before
the row is kept (`mask_personal`). Question text and user hash are kept `keep_days` (USAGE_KEEP_DAYS, default 90),
then only the counts. Off when USAGE_LOG=off (then every call is a no-op)."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bot.privacy import mask_personal, private_file, process_salt, salted_hash

__all__ = ["KEEP_DAYS", "Stats", "UsageLog", "mask_personal"]
log = logging.getLogger(__name__)
KEEP_DAYS = 90  # question text and user hash kept this long; older rows keep only day, language, intent, status

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
    def __init__(self, path: Path | str | None, salt: str = "", keep_days: int = KEEP_DAYS) -> None:
        self.enabled = path is not None
        self.salt = process_salt(salt, "users in the usage log") if self.enabled else salt
        self.keep_days = keep_days
        self.lock = threading.Lock()
        self.db = None
        self.pending: list[tuple] = []
        self.pending_since = 0.0
        self.expired_before = ""  # the cut-off day of the last expiry run (one run a day is enough)
        if self.enabled:
            self.db = sqlite3.connect(str(private_file(path)), check_same_thread=False)
            self.db.execute("pragma journal_mode = wal")
            self.db.executescript(SCHEMA)
            self.expire()

    def user_hash(self, user_id: int) -> str:
        return salted_hash(self.salt, user_id)

    def expire(self, today: dt.date | None = None, *, daily: bool = False) -> int:
        """Blank question text and user hash of rows older than `keep_days`; the counts stay. Rows changed.
        `daily`: skip when it already ran for this cut-off day (every batch write asks)."""
        if self.db is None:
            return 0
        cutoff = ((today or dt.datetime.now(dt.UTC).date()) - dt.timedelta(days=self.keep_days)).isoformat()
        if daily and cutoff == self.expired_before:
            return 0
        self.expired_before = cutoff
        changed = self.db.execute("update questions set question = '', user_hash = '' where day < ? and "
                                  "(question != '' or user_hash != '')", (cutoff,)).rowcount
        if self.db.execute("select 1 from sqlite_master where name = 'votes'").fetchone():
            # votes keep their counts too; each row's hash stays distinct (one vote per user and answer)
            changed += self.db.execute("update votes set question = '', answer = '', user_hash = 'expired:' || id "
                                       "where day < ? and question != ''", (cutoff,)).rowcount
        self.db.commit()
        return changed

    def record(self, *, user_id: int, question: str, lang: str, intent: str, status: str, source: str,
               today: dt.date | None = None) -> None:
        if self.db is None:
            return
        day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
        row = (day, self.user_hash(user_id), lang, intent, status, source, mask_personal(question[:1000]))
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
        self.expire(daily=True)

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
                "select lower(trim(question)) as q, count(*) as n from questions where status != 'answer' and question != ''"
                " group by q order by n desc, max(id) desc limit ?", (top,)).fetchall()
        return Stats([(day, n, int(ok or 0)) for day, n, ok in per_day], total, int(answered), unanswered)

    def close(self) -> None:
        with self.lock:
            self._write()
            if self.db is not None:
                self.db.close()
                self.db = None
