"""The usage log writes questions in batches, and loses none of them: stats and close write what waits."""

from __future__ import annotations

import sqlite3

from bot import usage
from bot.usage import UsageLog


def rows(path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("select count(*) from questions").fetchone()[0]


def record(log: UsageLog, n: int) -> None:
    for number in range(n):
        log.record(user_id=number, question=f"q{number}", lang="ru", intent="tariff", status="answer", source="private")


def test_questions_wait_for_a_full_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(usage, "BATCH_SECONDS", 3600.0)
    log = UsageLog(tmp_path / "usage.sqlite", salt="s")
    record(log, usage.BATCH_ROWS - 1)
    assert rows(tmp_path / "usage.sqlite") == 0
    record(log, 1)
    assert rows(tmp_path / "usage.sqlite") == usage.BATCH_ROWS
    log.close()


def test_an_old_batch_is_written_with_the_next_question(tmp_path, monkeypatch):
    monkeypatch.setattr(usage, "BATCH_SECONDS", 0.0)
    log = UsageLog(tmp_path / "usage.sqlite", salt="s")
    record(log, 2)
    assert rows(tmp_path / "usage.sqlite") == 2
    log.close()


def test_stats_and_close_write_what_waits(tmp_path, monkeypatch):
    monkeypatch.setattr(usage, "BATCH_SECONDS", 3600.0)
    log = UsageLog(tmp_path / "usage.sqlite", salt="s")
    record(log, 3)
    assert log.stats().total == 3
    record(log, 2)
    log.close()
    assert rows(tmp_path / "usage.sqlite") == 5


def test_an_off_log_records_nothing(tmp_path):
    log = UsageLog(None)
    record(log, 3)
    log.flush()
    assert log.stats().total == 0
    log.close()
