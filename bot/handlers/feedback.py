"""Votes on an answer: 👍 is recorded at once; 👎 is recorded and asks why ("wrong figure", "not what I asked")
in place of the vote buttons; the reason updates the same vote. The rest of the answer's keyboard is kept."""

from __future__ import annotations

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import get_i18n
from aiogram.utils.i18n import gettext as _

from bot.actions import VOTES, FeedbackCb, reason_row
from bot.i18n import LANGS
from bot.service import Asker, chat_of
from bot.votes import record_vote


def is_vote(button: InlineKeyboardButton) -> bool:
    return bool(button.callback_data and button.callback_data.startswith(FeedbackCb.__prefix__ + ":"))


def swap_votes(markup: InlineKeyboardMarkup | None, replacement: list[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    """The message's keyboard with its vote buttons replaced by `replacement` (put first in their row)."""
    rows = []
    for row in (markup.inline_keyboard if markup else []):
        if not any(is_vote(button) for button in row):
            rows.append(list(row))
            continue
        kept = [*replacement, *(button for button in row if not is_vote(button))]
        if kept:
            rows.append(kept)
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def on_vote(callback: CallbackQuery, callback_data: FeedbackCb, asker: Asker) -> None:
    if callback_data.v not in VOTES:
        await callback.answer()
        return
    ticket = await asker.tickets.fetch(callback_data.t, chat_of(callback))
    message = callback.message
    shown = message.text if isinstance(message, Message) and message.text else ""
    if ticket is None and not shown:
        await callback.answer(_("This button has expired: please ask again."), show_alert=True)
        return
    vote, reason = VOTES[callback_data.v]
    about = ticket.about if ticket else {}
    # Without its ticket (another replica without Redis, or an old message) the vote still records what the
    # reader saw: the message text itself.
    record_vote(asker.usage, user_id=callback.from_user.id, ticket=callback_data.t, vote=vote, reason=reason,
                lang=(ticket.lang if ticket else "") or "", intent=about.get("intent", ""),
                question=ticket.question if ticket else "", answer=about.get("answer") or shown,
                acts=about.get("acts", ""))
    i18n = get_i18n()
    # In the language of the answer voted on, like the rest of its keyboard.
    with i18n.use_locale(ticket.lang if ticket and ticket.lang in LANGS else i18n.current_locale):
        if callback_data.v == "d":
            thanks, replacement = _("Thank you. What was wrong?"), reason_row(callback_data.t)
        else:
            thanks, replacement = _("Thank you: your feedback is recorded."), []
    await callback.answer(thanks)
    if isinstance(message, Message):
        try:
            await message.edit_reply_markup(reply_markup=swap_votes(message.reply_markup, replacement))
        except TelegramBadRequest as error:
            if "not modified" not in str(error):
                raise


def router() -> Router:
    r = Router(name="feedback")
    r.callback_query.register(on_vote, FeedbackCb.filter())
    return r
