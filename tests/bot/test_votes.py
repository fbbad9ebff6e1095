"""Votes in the usage log, and the refine keyboard built from the buttons the base has data for."""

from __future__ import annotations

import datetime as dt
import sqlite3

from fake_bot_api import FakeEngine

from bot.keyboards import Tickets, answer_keyboard, refine_options
from bot.usage import UsageLog
from bot.votes import latest_disliked, record_vote, vote_counts

DAY = dt.date(2026, 11, 30)


def vote(usage: UsageLog, user_id: int, ticket: str, kind: str, reason: str = "", question: str = "q") -> None:
    record_vote(usage, user_id=user_id, ticket=ticket, vote=kind, reason=reason, lang="ru", intent="tariff",
                question=question, answer="Массаж: 903 ₸", acts="decree No. 286, annex 2, item 63", today=DAY)


def test_one_vote_per_reader_and_answer_the_reason_updating_it(tmp_path):
    usage = UsageLog(tmp_path / "usage.sqlite", salt="s")
    vote(usage, 1, "t1", "down")
    vote(usage, 1, "t1", "down", "wrong_figure")
    vote(usage, 2, "t1", "up")
    vote(usage, 1, "t2", "down", "not_asked", question="другой вопрос")
    assert vote_counts(usage) == (1, 2)
    latest = latest_disliked(usage)
    assert [(v.reason, v.question) for v in latest] == [("not_asked", "другой вопрос"), ("wrong_figure", "q")]
    assert latest[1].acts == "decree No. 286, annex 2, item 63" and latest[1].day == "2026-11-30"
    usage.close()
    with sqlite3.connect(tmp_path / "usage.sqlite") as db:
        hashes = [row[0] for row in db.execute("select user_hash from votes")]
    assert all(len(h) == 20 and h not in ("1", "2") for h in hashes)


def test_a_vote_masks_personal_numbers_and_expires_with_the_questions(tmp_path):
    usage = UsageLog(tmp_path / "usage.sqlite", salt="s", keep_days=90)
    vote(usage, 1, "t1", "down", "wrong_figure", question="ИИН 860101300123 массаж, тел +7 701 123 45 67")
    (disliked,) = latest_disliked(usage)
    assert "860101300123" not in disliked.question and "701 123 45 67" not in disliked.question
    assert "массаж" in disliked.question
    vote(usage, 2, "t1", "down", "not_asked")
    assert usage.expire(DAY + dt.timedelta(days=91)) >= 2
    assert all(v.question == "" for v in latest_disliked(usage)) and vote_counts(usage) == (0, 2)
    usage.close()


def test_a_log_that_is_off_records_and_lists_nothing():
    usage = UsageLog(None)
    vote(usage, 1, "t1", "down")
    assert latest_disliked(usage) == [] and vote_counts(usage) == (0, 0)


def test_the_desk_views_read_the_log(tmp_path):
    usage = UsageLog(tmp_path / "usage.sqlite", salt="s")
    for status in ("not_found", "not_found", "answer", "clarify"):
        usage.record(user_id=1, question="Погода ", lang="ru", intent="unknown", status=status, source="private",
                     today=DAY)
    vote(usage, 1, "t1", "down", "wrong_figure")
    usage.flush()
    with sqlite3.connect(tmp_path / "usage.sqlite") as db:
        assert db.execute("select question, times, last_day from desk_unanswered").fetchall() == [
            ("Погода", 3, "2026-11-30")]  # as /stats groups them: case folded in ASCII only (SQLite lower)
        assert db.execute("select reason, question from desk_disliked").fetchall() == [("wrong_figure", "q")]


def test_refine_groups_show_only_offered_buttons_and_drop_a_group_with_nothing_to_press(i18n):
    engine = FakeEngine()
    answer = engine.ask("massage rural", "en")
    places = engine.places()
    options = {(kind, code) for kind, code, _ in refine_options(answer, places)}
    assert ("j", "oblast") not in options and ("s", "m") not in options  # the current filters are no option
    with i18n.context(), i18n.use_locale("en"):
        keyboard = answer_keyboard(answer, Tickets(), places, offered={("s", "s")})
    labels = [[button.text for button in row] for row in keyboard.inline_keyboard]
    plan = [["➕ Add to plan"], ["📋 Plan"], ["📜 Text of the act"]]  # after every tariff answer's refine rows
    assert labels == [["stationary care", "✓ semi-stationary care"], *plan]  # no area or district has data
    with i18n.context(), i18n.use_locale("en"):
        keyboard = answer_keyboard(answer, Tickets(), places, offered=set())
    assert [[button.text for button in row] for row in keyboard.inline_keyboard] == plan
