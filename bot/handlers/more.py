"""More of an answer, behind its buttons: the act's own (Kazakh) wording of what a Russian or English answer names,
and every row of a list the answer cut to one screen. Sent as a new message under the answer."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery
from aiogram.utils.i18n import get_i18n
from aiogram.utils.i18n import gettext as _

from bot.handlers.buttons import recover
from bot.i18n import LANGS
from bot.keyboards import ACT_TEXT, MoreCb, more_filters
from bot.render import act_text_blocks, full_list_blocks, pack
from bot.service import Asker, chat_of, engine_lang


async def on_more(callback: CallbackQuery, callback_data: MoreCb, asker: Asker, lang: str, lang_chosen: bool) -> None:
    ticket = (await asker.tickets.fetch(callback_data.t, chat_of(callback))
              or recover(callback_data.t, callback.message, asker.tickets))
    if ticket is None or callback.message is None:
        await callback.answer(_("This button has expired: please ask again."), show_alert=True)
        return
    answer = await asker.ask(ticket.question, engine_lang(lang, lang_chosen), user_id=callback.from_user.id,
                             source="button", **more_filters(callback_data))
    i18n = get_i18n()
    with i18n.use_locale(answer.lang if answer.lang in LANGS else i18n.current_locale):
        blocks = act_text_blocks(answer) if callback_data.k == ACT_TEXT else full_list_blocks(answer)
        chunks = pack(blocks)
    await callback.answer()
    for chunk in chunks:
        await callback.message.answer(chunk)


def router() -> Router:
    r = Router(name="more")
    r.callback_query.register(on_more, MoreCb.filter())
    return r
