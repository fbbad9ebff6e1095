"""People's data: personal numbers masked before the usage log keeps a question, question text kept only
USAGE_KEEP_DAYS, state files 0600, language choices under salted hashes, USAGE_SALT required where replicas share
state, and button tickets keyed with the deployment's secret and bound to their chat."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat

import fakeredis.aioredis
import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.methods import AnswerCallbackQuery, SendMessage
from fake_bot_api import BOT_TOKEN, FakeEngine, RecordingSession, as_update, bot_message, callback, message, update

from bot.config import Config, load_config
from bot.i18n import SqliteLanguageStore
from bot.keyboards import Tickets, ticket_id, ticket_secret
from bot.main import build_dispatcher
from bot.privacy import SaltRequired, mask_personal, require_salt, salted_hash
from bot.usage import UsageLog


@pytest.mark.parametrize(("text", "masked"), [
    ("мой ИИН 950101300123, массаж", "мой ИИН [IIN], массаж"),
    ("БИН 040340008429 организации", "БИН [IIN] организации"),
    ("ИИН 950101 300123", "ИИН [IIN]"),
    ("звоните +7 701 234 56 78", "звоните [phone]"),
    ("тел. 8(701)234-56-78 или 87012345678", "тел. [phone] или [phone]"),
    ("+49 30 1234567", "[phone]"),
    ("карта 4400 4301 2345 6789", "карта [card]"),
    ("4400-4301-2345-6789 оплата", "[card] оплата"),
    ("почта aigerim.s@mail.kz", "почта [e-mail]"),
])
def test_personal_numbers_are_masked(text, masked):
    assert mask_personal(text) == masked


@pytest.mark.parametrize("text", [
    "тариф 1 263,60 ₸ по постановлению № 286 от 2025-12-25",
    "сколько массажистов на 75 человек в 2026 году",
    "пункт 63, 51–100 получателей: 1; 371,25 → 390,00 (+18,75 ₸, +5,1 %)",
    "приказ № 401 / № 69 от 30.09.2022",
])
def test_figures_dates_and_act_numbers_are_not_masked(text):
    assert mask_personal(text) == text


def stored(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("select day, user_hash, question from questions order by id").fetchall()


def test_the_usage_log_keeps_no_personal_number(tmp_path):
    log = UsageLog(tmp_path / "usage.sqlite", salt="s")
    log.record(user_id=7, question="ИИН 950101300123 тел +7 701 234 56 78 массаж", lang="ru", intent="tariff",
               status="answer", source="private")
    log.close()
    ((_, user_hash, question),) = stored(tmp_path / "usage.sqlite")
    assert question == "ИИН [IIN] тел [phone] массаж" and user_hash == salted_hash("s", 7) and user_hash != "7"


def test_question_text_is_kept_keep_days_then_only_counts(tmp_path):
    path = tmp_path / "usage.sqlite"
    log = UsageLog(path, salt="s", keep_days=90)
    today = dt.datetime.now(dt.UTC).date()  # the day writes expire old rows for
    for days_ago in (0, 90, 91, 400):
        log.record(user_id=days_ago, question=f"вопрос {days_ago}", lang="ru", intent="unknown", status="not_found",
                   source="private", today=today - dt.timedelta(days=days_ago))
    log.flush()
    assert log.expire(today) == 2
    rows = stored(path)
    assert [question for _, _, question in rows] == ["вопрос 0", "вопрос 90", "", ""]
    assert [bool(user_hash) for _, user_hash, _ in rows] == [True, True, False, False]
    stats = log.stats(days=1000)
    assert stats.total == 4  # the counts stay
    assert sorted(question for question, _ in stats.unanswered) == ["вопрос 0", "вопрос 90"]
    log.close()


def test_keep_days_comes_from_the_environment():
    assert load_config({"USAGE_KEEP_DAYS": "30"}, dotenv=False).usage_keep_days == 30
    assert load_config({}, dotenv=False).usage_keep_days == 90


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_state_files_are_created_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        log = UsageLog(tmp_path / "state" / "usage.sqlite", salt="s")
        log.record(user_id=1, question="q", lang="kk", intent="tariff", status="answer", source="private")
        log.flush()
        SqliteLanguageStore(tmp_path / "state" / "prefs.sqlite", "s")
        files = sorted(path.name for path in (tmp_path / "state").iterdir())
        assert {"usage.sqlite", "usage.sqlite-wal", "prefs.sqlite"} <= set(files)
        assert {name: mode(tmp_path / "state" / name) for name in files} == dict.fromkeys(files, 0o600)
        log.close()
    finally:
        os.umask(old)


def test_an_existing_state_file_is_tightened(tmp_path):
    path = tmp_path / "usage.sqlite"
    path.touch(mode=0o644)
    path.chmod(0o644)
    UsageLog(path, salt="s").close()
    assert mode(path) == 0o600


async def test_language_choices_are_salted_hashes_and_old_files_are_converted(tmp_path):
    path = tmp_path / "prefs.sqlite"
    with sqlite3.connect(path) as db:  # a file of the previous version, keyed by raw user ids
        db.execute("create table language (user_id integer primary key, lang text not null)")
        db.execute("insert into language values (1001, 'ru')")
    store = SqliteLanguageStore(path, "pepper")
    assert await store.get(1001) == "ru"
    await store.set(1002, "en")
    with sqlite3.connect(path) as db:
        tables = {name for (name,) in db.execute("select name from sqlite_master where type = 'table'")}
        rows = db.execute("select user_hash from choice").fetchall()
    assert "language" not in tables
    assert sorted(rows) == sorted([(salted_hash("pepper", 1001),), (salted_hash("pepper", 1002),)])
    assert "1001" not in path.read_bytes().decode("latin-1")


async def test_without_a_salt_the_language_file_keeps_choices_over_a_restart(tmp_path):
    await SqliteLanguageStore(tmp_path / "prefs.sqlite").set(5, "kk")
    assert await SqliteLanguageStore(tmp_path / "prefs.sqlite").get(5) == "kk"


@pytest.mark.parametrize(("webhook", "shared"), [(True, False), (False, True), (True, True)])
def test_usage_salt_is_required_where_replicas_share_state(webhook, shared):
    with pytest.raises(SaltRequired, match="USAGE_SALT is required"):
        require_salt("", webhook=webhook, shared=shared)
    require_salt("long-random", webhook=webhook, shared=shared)
    require_salt("", webhook=False, shared=False)  # long polling, one process: a warning only


def test_webhook_mode_without_a_salt_stops_with_one_line(tmp_path, monkeypatch, capsys):
    from knowledge.desk.cli import main

    monkeypatch.chdir(tmp_path)
    for name in ("USAGE_SALT", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.kz/telegram")
    monkeypatch.setenv("WEBHOOK_SECRET", "s3cret")
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "USAGE_SALT is required" in err[0]


# ---------------------------------------------------------------- button tickets

async def test_a_ticket_is_bound_to_its_chat_and_keyed_with_the_deployments_secret():
    tickets = Tickets(secret=ticket_secret("1:A"))
    key = tickets.put("massage which?", ["a", "b"], chat_id=100)
    assert (await tickets.fetch(key, 100)).choices == ["a", "b"]
    assert await tickets.fetch(key, 200) is None and await tickets.fetch(key) is None
    assert key != ticket_id("massage which?", 100) != Tickets(secret=ticket_secret("2:B")).id_for("massage which?", 100)
    assert ticket_secret("1:A") == ticket_secret("1:A")  # every replica derives the same secret


async def test_a_shared_ticket_keeps_its_chat_across_replicas():
    redis = fakeredis.aioredis.FakeRedis()
    one, two = Tickets(redis=redis, secret=b"k" * 32), Tickets(redis=redis, secret=b"k" * 32)
    key = one.put("q", ["x"], chat_id=-100)
    await one.share()
    assert await two.fetch(key, -200) is None
    assert (await two.fetch(key, -100)).question == "q"


@pytest.fixture
def setup(tmp_path):
    engine = FakeEngine()
    session = RecordingSession()
    bot = Bot(BOT_TOKEN, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    dispatcher = build_dispatcher(engine, Config(bot_token=BOT_TOKEN, usage_log=None, prefs_path=None))
    return engine, session, bot, dispatcher


async def feed(setup, **payload) -> list:
    _, session, bot, dispatcher = setup
    before = len(session.requests)
    await dispatcher.feed_update(bot, as_update(update(**payload), bot))
    return session.requests[before:]


async def test_a_button_pressed_in_another_chat_has_expired(setup):
    engine = setup[0]
    (sent,) = [r for r in await feed(setup, message=message("which massage?", user_id=1001, lang="en"))
               if isinstance(r, SendMessage)]
    data = sent.reply_markup.inline_keyboard[0][0].callback_data
    elsewhere = callback(data, user_id=2002, lang="en", on=bot_message("…", 2002, "private"))
    (answer,) = [r for r in await feed(setup, callback_query=elsewhere) if isinstance(r, AnswerCallbackQuery)]
    assert answer.show_alert and "expired" in answer.text
    asked = len(engine.calls)  # the question itself (and the probes of which refine buttons have data)
    here = callback(data, user_id=1001, lang="en", on=bot_message("…", 1001, "private"))
    await feed(setup, callback_query=here)
    assert len(engine.calls) > asked  # pressed where it was sent, the button asks


async def test_a_button_forged_without_the_secret_has_expired(setup):
    await feed(setup, message=message("which massage?", user_id=1001, lang="en"))
    forged = f"p:{ticket_id('which massage?', 1001)}:0"
    (answer,) = [r for r in await feed(setup, callback_query=callback(forged, user_id=1001, lang="en"))
                 if isinstance(r, AnswerCallbackQuery)]
    assert answer.show_alert and "expired" in answer.text
