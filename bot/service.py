"""The bridge to the engine: asks in one worker thread (the event loop never blocks on a search, and the
engine's SQLite connection is used by one thread at a time), logs usage, and sends rendered answers."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial

from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import get_i18n

from bot.actions import action_rows
from bot.i18n import LANGS
from bot.keyboards import Tickets, answer_keyboard, refine_options
from bot.render import render_answer
from bot.usage import UsageLog
from knowledge.answer.engine import Engine
from knowledge.domain import Answer, Result

log = logging.getLogger(__name__)


class Asker:
    def __init__(self, engine: Engine, usage: UsageLog, tickets: Tickets | None = None) -> None:
        self.engine = engine
        self.usage = usage
        self.tickets = tickets or Tickets()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")
        self.background: set[asyncio.Task] = set()  # tasks the bot runs beside the updates (cancelled at shutdown)

    async def call(self, function, *args, **kwargs):
        return await asyncio.get_running_loop().run_in_executor(self.executor, partial(function, *args, **kwargs))

    async def ask(self, question: str, lang: str | None, *, user_id: int, source: str, setting: str | None = None,
                  area: str | None = None, jurisdiction: str | None = None) -> Answer:
        answer = await self.call(self.engine.ask, question, lang, setting=setting, area=area,
                                 jurisdiction=jurisdiction)
        answer = replace(answer, question=question)  # the ticket behind buttons keeps the text as asked
        self.usage.record(user_id=user_id, question=question, lang=answer.lang, intent=answer.intent,
                          status=answer.status, source=source)
        return answer

    async def refinable(self, answer: Answer) -> set[tuple[str, str]]:
        """The refine buttons of a tariff answer whose filters the base has data for (one trip to the engine's
        thread): pressing one must never replace an answer with "nothing found"."""
        if answer.status != "answer" or not any(result.type == "tariff" for result in answer.results):
            return set()
        return await self.call(self._refinable, answer)

    def _refinable(self, answer: Answer) -> set[tuple[str, str]]:
        offered = set()
        for kind, code, filters in refine_options(answer, self.engine.places()):
            if kind == "a":
                # The same rows, the other area's column: offered when one of them sets a rate there (0 is
                # "no tariff"; a single-rate row reads the same in both areas).
                column = f"rate_{filters['area']}"
                if any((result.fields.get(column) or 0) > 0 for result in answer.results if result.type == "tariff"):
                    offered.add((kind, code))
                continue
            found = self.engine.ask(answer.question, answer.lang, **filters)
            if found.status == "answer" or (found.status == "clarify" and found.choices):
                offered.add((kind, code))
        return offered

    async def documents(self, lang: str) -> list[Result]:
        return await self.call(self.engine.documents, lang)

    async def reload(self) -> str | None:
        """Reload the base; None when done, else why not (the old base keeps answering)."""
        try:
            await self.call(self.engine.reload)
        except Exception as error:  # noqa: BLE001 - whatever broke the new base, the bot goes on with the old one
            log.warning("reload refused, still answering from the old base: %s", error)
            return str(error) or type(error).__name__
        return None

    def close(self) -> None:
        self.executor.shutdown(wait=False)


def chat_of(callback: CallbackQuery) -> int | None:
    """The chat a button was pressed in (its tickets are bound to it); None for an inline message's button."""
    return callback.message.chat.id if callback.message is not None else None


def render_for_chat(answer: Answer, asker: Asker, offered: set[tuple[str, str]] | None = None,
                    chat_id: int | None = None) -> tuple[list[str], InlineKeyboardMarkup | None]:
    """Rendered in the answer's language (the engine may follow the question's language); the answer's own
    buttons (only the refine buttons in `offered`, when given), then votes, share and the act's link; buttons bound
    to the chat they are sent to."""
    i18n = get_i18n()
    with i18n.use_locale(answer.lang if answer.lang in LANGS else i18n.current_locale):
        keyboard = answer_keyboard(answer, asker.tickets, asker.engine.places(), offered, chat_id)
        rows = [*(keyboard.inline_keyboard if keyboard else []), *action_rows(answer, asker.tickets, chat_id)]
        return render_answer(answer), InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


async def send_answer(message: Message, answer: Answer, asker: Asker, *, reply: bool) -> Message:
    """Send the chunks; the keyboard goes on the last one. In groups the first chunk replies to the question."""
    chunks, keyboard = render_for_chat(answer, asker, await asker.refinable(answer), message.chat.id)
    await asker.tickets.share()
    sent = message
    for number, chunk in enumerate(chunks):
        markup = keyboard if number == len(chunks) - 1 else None
        if reply and number == 0:
            sent = await message.reply(chunk, reply_markup=markup)
        else:
            sent = await message.answer(chunk, reply_markup=markup)
    return sent


def engine_lang(lang: str, chosen: bool) -> str | None:
    """The reply language asked of the engine: the user's explicit choice, else let the question decide."""
    return lang if chosen else None
