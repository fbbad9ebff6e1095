"""Whole-bot figures: updates per second through the real dispatcher (real engine, real renderer, middlewares),
with a session that answers Bot API calls with canned responses instead of the network, on one core.

Updates are fed as polling feeds them (each one a task, up to 100 in flight), from 200 users asking the question
set in turn. Run: `make bench` (or `.venv/bin/python benchmarks/bot.py`). Prints figures; asserts nothing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # before this folder, so `bot` is the package, not this file

from aiogram import Bot  # noqa: E402
from aiogram.client.default import DefaultBotProperties  # noqa: E402
from aiogram.client.session.base import BaseSession  # noqa: E402
from aiogram.enums import ParseMode  # noqa: E402
from aiogram.methods import GetMe, SendMessage, TelegramMethod  # noqa: E402
from aiogram.types import Chat, Message, Update, User  # noqa: E402

TOKEN = "123:BENCH"
BOT_USER = {"id": 123, "is_bot": True, "first_name": "Kómekshi", "username": "komekshi_bench_bot"}
USERS = 200
UPDATES = 5_000
IN_FLIGHT = 100


class CannedSession(BaseSession):
    """Answers every Bot API call at once, as Telegram would, and counts the messages sent."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = 0
        self.ids = itertools.count(1)

    async def make_request(self, bot: Bot, method: TelegramMethod, timeout: int | None = None) -> Any:
        if isinstance(method, SendMessage):
            self.sent += 1
            return Message(message_id=next(self.ids), date=dt.datetime.now(dt.UTC), text=method.text,
                           chat=Chat(id=int(method.chat_id), type="private"), from_user=User(**BOT_USER))
        if isinstance(method, GetMe):
            return User(**BOT_USER)
        return True

    async def stream_content(self, *args: Any, **kwargs: Any):  # pragma: no cover - no files here
        yield b""

    async def close(self) -> None:
        pass


def questions() -> list[str]:
    paths = [ROOT / "tests" / "data" / name for name in ("questions-dev.jsonl", "questions-tuned.jsonl")]
    return [json.loads(line)["q"] for path in paths for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def update_payloads(count: int, users: int = USERS) -> list[dict]:
    """`count` private-chat text updates from `users` users (languages kk/ru/en in turn), questions in turn."""
    asked = questions()
    now = int(time.time())
    return [{"update_id": n + 1, "message": {
        "message_id": n + 1, "date": now, "text": asked[n % len(asked)],
        "chat": {"id": 10_000 + n % users, "type": "private"},
        "from": {"id": 10_000 + n % users, "is_bot": False, "first_name": "U", "language_code": ("kk", "ru", "en")[n % 3]},
    }} for n in range(count)]


class RecalledEngine:
    """The engine's answers computed beforehand: what is left is the bot's own cost (aiogram, render, keyboard)."""

    def __init__(self, engine: Any, asked: list[str]) -> None:
        self.engine = engine
        self.answers = {question: engine.ask(question, None) for question in asked}

    def ask(self, question: str, lang: str | None = None, **filters: Any) -> Any:
        if lang is None and not any(filters.values()) and question in self.answers:
            return self.answers[question]
        return self.engine.ask(question, lang, **filters)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)


def build(session: BaseSession, *, recalled: bool = False):
    """The real dispatcher over the real engine; the throttle lets benchmark traffic through (it is not a flood)."""
    from bot.config import Config
    from bot.main import build_dispatcher
    from bot.throttle import Throttle
    from knowledge.answer.engine import Engine
    from knowledge.ingest.build import build as build_kb

    build_kb(if_changed=True)
    config = Config(bot_token=TOKEN, usage_log=None, prefs_path=None)
    engine = RecalledEngine(Engine.open(), questions()) if recalled else Engine.open()
    dispatcher = build_dispatcher(engine, config, throttle=Throttle(burst=10**9, rate=10**9))
    bot = Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    return bot, dispatcher, config


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"core {core}"
    return "not pinned"


async def feed(count: int, *, recalled: bool = False) -> dict:
    session = CannedSession()
    bot, dispatcher, _ = build(session, recalled=recalled)
    payloads = update_payloads(count)
    for data in update_payloads(50):  # warm-up: imports, catalogues, first queries
        await dispatcher.feed_update(bot, Update.model_validate(data, context={"bot": bot}))
    session.sent = 0
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def one(data: dict) -> None:
        async with gate:
            await dispatcher.feed_update(bot, Update.model_validate(data, context={"bot": bot}))

    begin, cpu_begin = time.perf_counter(), time.process_time()
    await asyncio.gather(*(one(data) for data in payloads))
    total = time.perf_counter() - begin
    # CPU seconds too: on a shared machine wall time includes time stolen by neighbours, CPU time does not.
    cpu = time.process_time() - cpu_begin
    await dispatcher.emit_shutdown(bot=bot, **dispatcher.workflow_data)
    return {"updates": count, "messages_sent": session.sent, "seconds": round(total, 2),
            "updates_per_s": round(count / total), "ms_per_update": round(total / count * 1000, 2),
            "updates_per_cpu_s": round(count / cpu)}


def main() -> dict:
    pinned = pin_to_one_core()
    figures = asyncio.run(feed(UPDATES))
    without_engine = asyncio.run(feed(UPDATES, recalled=True))
    # The same traffic with the engine's answers recalled, not computed: the bot's own share of the cost.
    figures["updates_per_s_engine_answers_precomputed"] = without_engine["updates_per_s"]
    figures["target_updates_per_s"] = 500
    figures["cpu"] = pinned
    print("bot:", json.dumps(figures))
    return figures


if __name__ == "__main__":
    main()
