"""Throttling: one notice per flood, anonymous group admins and channels counted per chat, inline queries counted,
and with Redis one count shared by every replica (the `limits` library's moving window; fakeredis with Lua plays
Redis)."""

from __future__ import annotations

import fakeredis
import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.methods import AnswerInlineQuery, SendMessage
from fake_bot_api import BOT_TOKEN, Clock, FakeEngine, RecordingSession, as_update, inline_query, message, update

from bot.config import Config
from bot.main import build_dispatcher, redis_storage
from bot.throttle import SharedThrottle, Throttle

ANONYMOUS_ADMIN = 1087968824  # GroupAnonymousBot: the sender of every anonymous admin's message, in every group
NOTICE = "Too many messages at once"


class Replica:
    def __init__(self, throttle=None, storage=None, engine=None, rate: float = 1.0) -> None:
        self.engine = engine or FakeEngine()
        self.session = RecordingSession()
        self.bot = Bot(BOT_TOKEN, session=self.session, default=DefaultBotProperties(parse_mode="HTML"))
        config = Config(bot_token=BOT_TOKEN, usage_log=None, prefs_path=None, usage_salt="salt",
                        redis_url="redis://shared" if storage else None, throttle_rate=rate)
        self.dispatcher = build_dispatcher(self.engine, config, storage=storage, throttle=throttle)

    async def feed(self, **payload) -> list:
        before = len(self.session.requests)
        await self.dispatcher.feed_update(self.bot, as_update(update(**payload), self.bot))
        return self.session.requests[before:]


def anonymous(text: str, group: int) -> dict:
    data = message(text, user_id=ANONYMOUS_ADMIN, chat_id=group, kind="supergroup", lang="en")
    data["from"]["is_bot"] = True
    data["sender_chat"] = {"id": group, "type": "supergroup", "title": "Group"}
    return data


def texts(requests: list) -> list[str]:
    return [r.text for r in requests if isinstance(r, SendMessage)]


async def test_anonymous_admins_are_counted_per_group_not_as_one_user():
    replica = Replica(Throttle(3, 1.0, clock=Clock()))
    flood = [await replica.feed(message=anonymous("/ask massage rural", -1001)) for _ in range(10)]
    sent = [text for requests in flood for text in texts(requests)]
    assert len(sent) == 3 + 1 and sum(NOTICE in text for text in sent) == 1  # the burst, one notice, silence
    # Another group's anonymous admin has the same sender id, and is served all the same.
    assert texts(await replica.feed(message=anonymous("/ask massage rural", -1002))) != []
    assert NOTICE not in texts(await replica.feed(message=anonymous("/ask massage rural", -1002)))[0]


async def test_inline_queries_are_counted_and_answered_when_refused():
    replica = Replica(Throttle(3, 1.0, clock=Clock()))
    answers = []
    for _ in range(6):
        answers += [r for r in await replica.feed(inline_query=inline_query("massage rural", lang="en"))
                    if isinstance(r, AnswerInlineQuery)]
    assert len(answers) == 6  # every query answered: the client never waits on a refused one
    assert [bool(a.results) for a in answers] == [True] * 3 + [False] * 3
    assert len(replica.engine.calls) == 3


@pytest.fixture
def redis():
    return fakeredis.FakeAsyncRedis()


async def test_the_shared_count_is_one_for_all_replicas_with_one_notice_per_flood(redis):
    # Redis keeps real time: a window of 500 s (5 per 500 s) so no test waits on, or races, the clock.
    one, two = SharedThrottle(redis, 5, 0.01, "salt"), SharedThrottle(redis, 5, 0.01, "salt")
    results = [await (one if n % 2 else two).take("u7") for n in range(40)]
    assert [allowed for allowed, _ in results] == [True] * 5 + [False] * 35
    assert sum(notify for _, notify in results) == 1  # one notice for the whole flood, across replicas
    assert (await one.take("u8"))[0]  # another user is served
    keys = [key.decode() for key in await redis.keys("*")]
    assert keys and not any("u7" in key or "u8" in key for key in keys)  # salted hashes, never the id


async def test_replicas_behind_a_proxy_throttle_a_flood_together(redis):
    storage = redis_storage(redis)
    engine = FakeEngine()
    replicas = [Replica(storage=storage, engine=engine, rate=0.01), Replica(storage=storage, engine=engine, rate=0.01)]
    sent = []
    for number in range(20):  # the proxy spreads one user's flood over both replicas
        sent += texts(await replicas[number % 2].feed(message=message("massage rural", user_id=55, lang="en")))
    asked = [c for c in engine.calls if not (c["setting"] or c["area"] or c["jurisdiction"])]  # not refine probes
    assert len(asked) == 5  # the default burst, counted once for both
    assert sum(NOTICE in text for text in sent) == 1
    assert texts(await replicas[0].feed(message=message("massage rural", user_id=56, lang="en")))
