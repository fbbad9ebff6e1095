"""Load: 2,000 updates from 200 users posted to the webhook at once are each answered exactly once; a user flooding
100 messages is throttled (one notice) while another user's question is still answered.

The real dispatcher and the real engine run behind the aiohttp webhook app (updates handled in the background, as
in production); a recording session stands in for Telegram, so nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from pathlib import Path

import aiohttp
import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.methods import SendMessage
from aiohttp.test_utils import TestClient, TestServer
from fake_bot_api import BOT_TOKEN, Clock, RecordingSession, expected_replies, message, update

from bot.config import Config
from bot.i18n import LANGS
from bot.main import build_dispatcher, build_webhook_app
from bot.throttle import Throttle

pytestmark = pytest.mark.slow  # 2,000 updates through the webhook server

SECRET = "load-secret"
HEADER = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
PATH = "/hook"
USERS = 200
PER_USER = 10
DATA = Path(__file__).resolve().parents[1] / "data"
# What people ask: the dev and tuned question sets (the held-out set stays out of everything but its one test).
QUESTIONS = [json.loads(line)["q"] for name in ("questions-dev.jsonl", "questions-tuned.jsonl")
             for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


async def webhook_client(engine, throttle: Throttle) -> tuple[TestClient, RecordingSession]:
    config = Config(bot_token=BOT_TOKEN, webhook_url=f"https://bot.example.kz{PATH}", webhook_secret=SECRET,
                    usage_log=None, prefs_path=None)
    session = RecordingSession()
    bot = Bot(BOT_TOKEN, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    app = build_webhook_app(bot, build_dispatcher(engine, config, throttle=throttle), config, background=True)
    # Telegram opens at most 100 connections to a webhook: so does this client, with 2,000 posts queued at once.
    client = TestClient(TestServer(app), connector=aiohttp.TCPConnector(limit=100))
    await client.start_server()
    return client, session


def sent_messages(session: RecordingSession) -> list[SendMessage]:
    return session.of(SendMessage)


async def wait_for_count(session: RecordingSession, count: int, guard: float = 120) -> None:
    """Wait until `count` messages are sent (`guard` only stops a broken bot hanging the suite), then a moment
    more: a duplicate or a late extra answer would show up there."""
    deadline = time.monotonic() + guard
    while len(sent_messages(session)) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)


async def post_all(client: TestClient, updates: list[dict]) -> list[int]:
    async def post(data: dict) -> int:
        async with client.post(PATH, json=data, headers=HEADER) as response:
            return response.status

    return await asyncio.gather(*(post(data) for data in updates))


async def test_2000_updates_from_200_users_each_answered_exactly_once(engine):
    # Legitimate traffic here is 10 questions per user at once: a burst of 10 lets all of it through.
    client, session = await webhook_client(engine, Throttle(burst=PER_USER, rate=1.0))
    try:
        updates, expected = [], Counter()
        replies = {question: expected_replies(engine, question) for question in QUESTIONS}
        for user in range(USERS):
            user_id = 10_000 + user
            lang = LANGS[user % 3]
            for number in range(PER_USER):
                question = QUESTIONS[(user * 7 + number) % len(QUESTIONS)]  # ten different questions per user
                updates.append(update(message=message(question, user_id=user_id, lang=lang)))
                expected.update((user_id, text) for text in replies[question])
        assert len(updates) == USERS * PER_USER

        statuses = await post_all(client, updates)
        assert Counter(statuses) == {200: len(updates)}
        await wait_for_count(session, sum(expected.values()))

        got = Counter((int(sent.chat_id), sent.text) for sent in sent_messages(session))
        missing, extra = expected - got, got - expected
        assert not missing and not extra, (f"{sum(missing.values())} missing, {sum(extra.values())} extra",
                                           list(missing)[:3], list(extra)[:3])
    finally:
        await client.close()


async def test_a_flood_is_throttled_while_another_user_is_answered(engine, i18n):
    clock = Clock()
    throttle = Throttle(burst=5, rate=1.0, clock=clock)  # the production default: a burst of 5, then 1/s
    client, session = await webhook_client(engine, throttle)
    flooder, other = 501, 502
    question = "what is the rural rate for massage by a nurse in semi-stationary care"
    (reply,) = expected_replies(engine, question)
    with i18n.context(), i18n.use_locale("en"):
        notice = i18n.gettext("Too many messages at once: I will answer again in a few seconds.")
    try:
        # 100 messages in the same second (the clock stands still), with the other user's question among them.
        flood = [update(message=message(question, user_id=flooder, lang="en")) for _ in range(100)]
        flood.insert(50, update(message=message(question, user_id=other, lang="en")))
        assert set(await post_all(client, flood)) == {200}
        await wait_for_count(session, 5 + 1 + 1)

        to_flooder = [sent.text for sent in sent_messages(session) if int(sent.chat_id) == flooder]
        assert Counter(to_flooder) == {reply: 5, notice: 1}  # the burst answered, one polite notice, then silence
        assert [sent.text for sent in sent_messages(session) if int(sent.chat_id) == other] == [reply]

        # Ten seconds later the bucket has refilled: the flooder is served again, without another notice.
        clock.now += 10
        await post_all(client, [update(message=message(question, user_id=flooder, lang="en"))])
        await wait_for_count(session, 5 + 1 + 1 + 1)
        to_flooder = [sent.text for sent in sent_messages(session) if int(sent.chat_id) == flooder]
        assert Counter(to_flooder) == {reply: 6, notice: 1}
    finally:
        await client.close()

