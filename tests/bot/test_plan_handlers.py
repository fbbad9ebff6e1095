"""The plan in the bot: ➕ adds a tariff row to the plan kept in the FSM storage (on Redis, shared by replicas),
📋 / /plan show it, buttons change the counts and ask the area a city/rural row needs; the spreadsheet is sent."""

from __future__ import annotations

import io

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendDocument, SendMessage
from fake_bot_api import BOT_TOKEN, FakeEngine, RecordingSession, as_update, bot_message, callback, message, update
from openpyxl import load_workbook

from bot.config import Config
from bot.main import build_dispatcher, redis_storage
from bot.throttle import Throttle

fakeredis = pytest.importorskip("fakeredis")


class Replica:
    def __init__(self, redis=None, engine=None) -> None:
        self.engine = engine or FakeEngine()
        self.session = RecordingSession()
        self.bot = Bot(BOT_TOKEN, session=self.session, default=DefaultBotProperties(parse_mode="HTML"))
        config = Config(bot_token=BOT_TOKEN, usage_log=None, prefs_path=None,
                        redis_url="redis://shared" if redis is not None else None)
        storage = redis_storage(redis) if redis is not None else None
        self.dispatcher = build_dispatcher(self.engine, config, storage=storage, throttle=Throttle(50, 50.0))

    async def feed(self, **payload) -> list:
        before = len(self.session.requests)
        await self.dispatcher.feed_update(self.bot, as_update(update(**payload), self.bot))
        return self.session.requests[before:]

    async def press(self, sent, prefix: str) -> list:
        data = next(b.callback_data for row in sent.reply_markup.inline_keyboard for b in row
                    if b.callback_data.startswith(prefix))
        return await self.feed(callback_query=callback(data, lang="en", on=bot_message("…", 1001, "private")))


def of(requests: list, kind: type):
    return [r for r in requests if isinstance(r, kind)]


async def test_a_plan_added_on_one_replica_is_shown_by_another_and_counts_change():
    redis = fakeredis.FakeAsyncRedis()
    first, second = Replica(redis), Replica(redis)
    answer = of(await first.feed(message=message("massage nurse rural", lang="en")), SendMessage)[0]
    added = await first.press(answer, "pa:")
    assert "Added to the plan: 1" in of(added, AnswerCallbackQuery)[0].text
    view = of(await second.feed(message=message("/plan", lang="en")), SendMessage)[0]
    assert "842.40\u00a0₸ (rural area) × 1 day(s) × 1 recipient(s) = 842.40\u00a0₸" in view.text
    edited = of(await second.press(view, "pl:r:1"), EditMessageText)[0]  # recipients 1 → 2
    assert "× 2 recipient(s) = 1,684.80\u00a0₸" in edited.text and "Total: 1,684.80" in edited.text
    again = of(await first.press(answer, "pa:"), AnswerCallbackQuery)[0]
    assert again.text == "Already in the plan."


async def test_a_city_rural_row_without_area_asks_it_with_buttons_and_the_xlsx_is_sent():
    bot = Replica()
    answer = of(await bot.feed(message=message("massage nurse", lang="en")), SendMessage)[0]
    await bot.press(answer, "pa:")
    view = of(await bot.feed(message=message("/plan", lang="en")), SendMessage)[0]
    assert "Total: 0.00" in view.text and "area is not given" in view.text
    edited = of(await bot.press(view, "pl:area:0"), EditMessageText)[0]  # 🏙 city
    assert "Total: 1,263.60" in edited.text
    document = of(await bot.press(edited, "pl:xlsx"), SendDocument)[0]
    sheet = load_workbook(io.BytesIO(document.document.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][5] == 1263.6 and rows[2][7] == "Total" and rows[2][8] == 1263.6
    cleared = of(await bot.press(edited, "pl:clear"), EditMessageText)[0]
    assert "The plan is empty" in cleared.text


async def test_a_calculation_answer_adds_its_lines_with_its_counts(engine):
    bot = Replica(engine=engine)  # the real engine: the calculation is its own
    question = "ЛФК и логопед педагогическая коррекция в полустационаре Бурлинского района, 3 получателя, 15 дней"
    answer = of(await bot.feed(message=message(question, lang="ru")), SendMessage)[0]
    assert "Итого: 39 721,50" in answer.text.replace("\u00a0", " ")  # the engine's text, re-spaced by the renderer
    requests = await bot.press(answer, "pa:")
    view = of(requests, SendMessage)[0]
    # pressed by a user whose Telegram speaks English: the plan in English, the calculation's counts kept
    assert view.text.count("× 15 day(s) × 3 recipient(s)") == 2 and "Total: 39,721.50" in view.text
