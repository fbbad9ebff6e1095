"""A failing handler is logged and the user is told "something went wrong", never left without a reply."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import ErrorEvent
from aiogram.utils.i18n import gettext as _

from bot.render import esc

log = logging.getLogger(__name__)


async def on_error(event: ErrorEvent) -> None:
    log.exception("update %s failed", event.update.update_id, exc_info=event.exception)
    update = event.update
    text = _("Something went wrong. Please try again in a minute.")
    try:
        if update.message is not None:
            await update.message.answer(esc(text))
        elif update.callback_query is not None:
            try:
                await update.callback_query.answer(text, show_alert=True)
            except TelegramBadRequest:  # already answered: say it in the chat instead
                if update.callback_query.message is not None:
                    await update.callback_query.message.answer(esc(text))
        elif update.inline_query is not None:
            await update.inline_query.answer([], cache_time=1)
    except Exception:  # the error reply itself failed (network): already logged above
        log.exception("could not tell the user about the error")


def router() -> Router:
    r = Router(name="errors")
    r.errors.register(on_error)
    return r
