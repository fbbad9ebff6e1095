"""Several replicas behind a proxy share Redis: language choices and button tickets work on any replica.

Redis is played by fakeredis (the same client API, in memory); aiogram's RedisStorage runs on it unchanged.
"""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

fakeredis = pytest.importorskip("fakeredis")
from fake_bot_api import BOT_TOKEN, FakeEngine, RecordingSession, as_update, bot_message, callback, message, update  # noqa: E402

from bot.config import Config  # noqa: E402
from bot.main import build_dispatcher, redis_storage  # noqa: E402
from bot.throttle import Throttle  # noqa: E402

pytestmark = pytest.mark.slow  # several dispatchers on a shared (fake) Redis


class Replica:
    def __init__(self, redis) -> None:
        self.engine = FakeEngine()
        self.session = RecordingSession()
        self.bot = Bot(BOT_TOKEN, session=self.session, default=DefaultBotProperties(parse_mode="HTML"))
        config = Config(bot_token=BOT_TOKEN, usage_log=None, prefs_path=None, redis_url="redis://shared",
                        usage_salt="shared")  # replicas share USAGE_SALT (required with Redis)
        self.dispatcher = build_dispatcher(self.engine, config, storage=redis_storage(redis),
                                           throttle=Throttle(50, 50.0))

    async def feed(self, **payload) -> list:
        before = len(self.session.requests)
        await self.dispatcher.feed_update(self.bot, as_update(update(**payload), self.bot))
        return self.session.requests[before:]


@pytest.fixture
def replicas() -> tuple[Replica, Replica]:
    redis = fakeredis.FakeAsyncRedis()
    return Replica(redis), Replica(redis)


def sent_message(requests: list) -> SendMessage:
    return next(r for r in requests if isinstance(r, SendMessage))


async def test_a_button_answered_by_another_replica_still_works(replicas) -> None:
    first, second = replicas
    sent = sent_message(await first.feed(message=message("massage rural", lang="en")))
    stationary = next(b for row in sent.reply_markup.inline_keyboard for b in row if b.text == "stationary care")
    requests = await second.feed(callback_query=callback(stationary.callback_data, lang="en",
                                                          on=bot_message(sent.text, 1001, "private")))
    assert second.engine.calls[0]["question"] == "massage rural"
    assert second.engine.calls[0]["setting"] == "stationary"
    assert any(isinstance(r, EditMessageText) for r in requests)
    alerts = [r for r in requests if isinstance(r, AnswerCallbackQuery) and r.show_alert]
    assert not alerts


async def test_an_unknown_ticket_still_expires_politely(replicas) -> None:
    _, second = replicas
    requests = await second.feed(callback_query=callback("p:deadbeef:0", lang="en"))
    answer = next(r for r in requests if isinstance(r, AnswerCallbackQuery))
    assert answer.show_alert and "expired" in answer.text


async def test_a_language_chosen_on_one_replica_holds_on_the_other(replicas) -> None:
    first, second = replicas
    await first.feed(callback_query=callback("l:ru", lang="kk"))
    requests = await second.feed(message=message("/help", lang="kk"))
    assert "Пример" in sent_message(requests).text or "пример" in sent_message(requests).text
