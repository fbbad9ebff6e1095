"""Answer buttons: a clarifying choice asks its follow-up question; a filter button re-asks with other filters.

Both answer in the language of the answer they sit under (the user's, unless the user chose one with /lang): a
choice's follow-up question is often worded in Kazakh and must not switch a Russian or English reader's language."""

from __future__ import annotations

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import get_i18n
from aiogram.utils.i18n import gettext as _

from bot.i18n import LANGS
from bot.keyboards import PickCb, RefineCb, Ticket, Tickets, refine_filters
from bot.service import Asker, chat_of, engine_lang, render_for_chat, send_answer


def reply_lang(ticket: Ticket, lang: str, lang_chosen: bool) -> str | None:
    """The user's chosen language, else the language of the answer the button sits under, else the question's."""
    return engine_lang(lang, lang_chosen) or ticket.lang or None


def recover(ticket: str, message: Message | None, tickets: Tickets) -> Ticket | None:
    """An expired id: in groups the bot's answer replies to the question, so the question is still there (and the id,
    keyed with the deployment's secret and this chat, still tells a real button from a forged one)."""
    replied = getattr(message, "reply_to_message", None)
    question = replied.text if replied is not None else None
    if question and message is not None:
        from bot.handlers.questions import strip_mentions

        for candidate in (question, strip_mentions(question, replied, None)):
            if tickets.id_for(candidate, message.chat.id) == ticket:
                return Ticket(candidate, chat=message.chat.id)
    return None


async def on_pick(callback: CallbackQuery, callback_data: PickCb, asker: Asker, lang: str, lang_chosen: bool) -> None:
    ticket = await asker.tickets.fetch(callback_data.t, chat_of(callback))
    if ticket is None or not 0 <= callback_data.i < len(ticket.choices) or callback.message is None:
        await callback.answer(_("This button has expired: please ask again."), show_alert=True)
        return
    answer = await asker.ask(ticket.choices[callback_data.i], reply_lang(ticket, lang, lang_chosen),
                             user_id=callback.from_user.id, source="button")
    await callback.answer()  # after the engine: if it fails, the error handler can still answer with an alert
    message = callback.message
    await send_answer(message, answer, asker, reply=message.chat.type != ChatType.PRIVATE)


async def on_refine(callback: CallbackQuery, callback_data: RefineCb, asker: Asker, lang: str,
                    lang_chosen: bool) -> None:
    ticket = (await asker.tickets.fetch(callback_data.t, chat_of(callback))
              or recover(callback_data.t, callback.message, asker.tickets))
    if ticket is None or callback.message is None:
        await callback.answer(_("This button has expired: please ask again."), show_alert=True)
        return
    answer = await asker.ask(ticket.question, reply_lang(ticket, lang, lang_chosen), user_id=callback.from_user.id,
                             source="button", **refine_filters(callback_data))
    if answer.status == "not_found":
        # The base has nothing for these filters (the button predates a reload, or came from an old message):
        # the answer on screen stays; the reader is told so instead.
        i18n = get_i18n()
        with i18n.use_locale(answer.lang if answer.lang in LANGS else i18n.current_locale):
            await callback.answer(_("The base has no data for this choice: the answer above is unchanged."),
                                  show_alert=True)
        return
    chunks, keyboard = render_for_chat(answer, asker, await asker.refinable(answer), chat_of(callback))
    await asker.tickets.share()
    await callback.answer()
    message = callback.message
    if len(chunks) == 1 and isinstance(message, Message):
        try:
            await message.edit_text(chunks[0], reply_markup=keyboard)
        except TelegramBadRequest as error:
            if "not modified" not in str(error):  # the same filters pressed again: nothing to change
                raise
        return
    await send_answer(message, answer, asker, reply=False)


def router() -> Router:
    r = Router(name="buttons")
    r.callback_query.register(on_pick, PickCb.filter())
    r.callback_query.register(on_refine, RefineCb.filter())
    return r
