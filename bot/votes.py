"""Votes on answers (👍 / 👎 with a reason) in the usage log's SQLite file, and two small views the desk reads.

One row per reader and answer: a 👎 followed by its reason, or a changed mind, updates the row. The row keeps the
question, the answer as given and the acts it cited, so an administrator can check a 👎 without asking anyone.
Votes are rare: each is written at once (not batched like questions). The salted user hash is the usage log's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.usage import UsageLog, mask_personal

SCHEMA = """
create table if not exists votes (
    id integer primary key,
    day text not null,              -- YYYY-MM-DD (UTC)
    user_hash text not null,        -- salted hash of the Telegram user id (as in questions)
    ticket text not null,           -- the answer voted on (question, filters, language)
    lang text not null,
    intent text not null,
    vote text not null,             -- up | down
    reason text not null,           -- '' | wrong_figure | not_asked
    question text not null,
    answer text not null,           -- the answer's text as given (cut at 1,000 characters)
    acts text not null,             -- the acts it cited: "title, annex N, item M; ..."
    unique (user_hash, ticket)
);
create index if not exists votes_vote on votes (vote, id);
-- The desk's views of the usage log: the latest 👎 with what was answered, and the questions left unanswered.
create view if not exists desk_disliked as
    select day, reason, lang, intent, question, answer, acts from votes where vote = 'down' order by id desc;
create view if not exists desk_unanswered as
    select lower(trim(question)) as question, count(*) as times, max(day) as last_day, min(lang) as lang
    from questions where status != 'answer' group by 1 order by times desc, last_day desc;
"""


@dataclass(frozen=True)
class Vote:
    day: str
    vote: str
    reason: str
    lang: str
    question: str
    answer: str
    acts: str


def ensure(usage: UsageLog) -> bool:
    """Create the votes table and the desk's views once per log; False when the log is off."""
    if usage.db is None:
        return False
    if not getattr(usage, "votes_ready", False):
        with usage.lock:
            usage.db.executescript(SCHEMA)
        usage.votes_ready = True
    return True


def record_vote(usage: UsageLog, *, user_id: int, ticket: str, vote: str, reason: str, lang: str, intent: str,
                question: str, answer: str, acts: str, today: dt.date | None = None) -> None:
    if not ensure(usage):
        return
    day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    with usage.lock:
        usage.db.execute(
            "insert into votes (day, user_hash, ticket, lang, intent, vote, reason, question, answer, acts)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (user_hash, ticket) do update set"
            " day = excluded.day, vote = excluded.vote, reason = excluded.reason, answer = excluded.answer,"
            " acts = excluded.acts",
            (day, usage.user_hash(user_id), ticket, lang, intent, vote, reason, mask_personal(question[:1000]),
             mask_personal(answer[:1000]), acts[:500]))
        usage.db.commit()


def latest_disliked(usage: UsageLog, limit: int = 5) -> list[Vote]:
    """The latest 👎, newest first."""
    if not ensure(usage):
        return []
    with usage.lock:
        rows = usage.db.execute("select day, 'down', reason, lang, question, answer, acts from desk_disliked limit ?",
                                (limit,)).fetchall()
    return [Vote(*row) for row in rows]


def vote_counts(usage: UsageLog) -> tuple[int, int]:
    """(👍, 👎) over the whole log."""
    if not ensure(usage):
        return 0, 0
    with usage.lock:
        up, down = usage.db.execute(
            "select coalesce(sum(vote = 'up'), 0), coalesce(sum(vote = 'down'), 0) from votes").fetchone()
    return int(up), int(down)
