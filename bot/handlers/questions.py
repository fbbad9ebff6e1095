"""Questions: any text in a private chat; in groups only /ask /tariff /violation, mentions and replies to the bot."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Router
from aiogram.enums import ChatType, MessageEntityType
from aiogram.filters import BaseFilter, Command, CommandObject
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.render import esc
from bot.service import Asker, engine_lang, send_answer

QUESTION_COMMANDS = ("ask", "tariff", "violation")
GROUPS = {ChatType.GROUP, ChatType.SUPERGROUP}


class AddressedInGroup(BaseFilter):
    """A group message that mentions the bot or replies to one of its messages → {"question": text}."""

    async def __call__(self, message: Message, bot: Bot) -> bool | dict[str, Any]:
        if message.chat.type not in GROUPS or not message.text or message.text.startswith("/"):
            return False
        text = message.text
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return {"question": strip_mentions(text, message, (await bot.me()).username)}
        username = (await bot.me()).username or ""
        for entity in message.entities or []:
            mentioned = entity.extract_from(text)
            if (entity.type == MessageEntityType.MENTION and mentioned.lower() == f"@{username.lower()}") or (
                    entity.type == MessageEntityType.TEXT_MENTION and entity.user and entity.user.id == bot.id):
                return {"question": strip_mentions(text, message, username)}
        return False


class PrivateText(BaseFilter):
    """Any text in a private chat. A coroutine, not a magic filter F.…: aiogram runs plain callables in a worker
    thread, which costs more than the check itself on every update."""

    def __init__(self, command: bool = False) -> None:
        self.command = command

    async def __call__(self, message: Message) -> bool:
        return (message.chat.type == ChatType.PRIVATE and message.text is not None
                and message.text.startswith("/") == self.command)


def strip_mentions(text: str, message: Message, username: str | None) -> str:
    if username:
        for entity in message.entities or []:
            mentioned = entity.extract_from(text)
            if entity.type == MessageEntityType.MENTION and mentioned.lower() == f"@{username.lower()}":
                text = text.replace(mentioned, " ")
    return " ".join(text.split()).strip(" ,:")


async def answer_question(message: Message, question: str, asker: Asker, lang: str, lang_chosen: bool) -> None:
    question = question.strip()
    if not question:
        await message.reply(esc(_("Write the question after the command, for example: /ask massage nurse rural")))
        return
    source = "private" if message.chat.type == ChatType.PRIVATE else "group"
    user_id = message.from_user.id if message.from_user else message.chat.id
    answer = await asker.ask(question, engine_lang(lang, lang_chosen), user_id=user_id, source=source)
    await send_answer(message, answer, asker, reply=message.chat.type != ChatType.PRIVATE)


async def on_command(message: Message, command: CommandObject, asker: Asker, lang: str, lang_chosen: bool) -> None:
    await answer_question(message, command.args or "", asker, lang, lang_chosen)


async def on_addressed(message: Message, question: str, asker: Asker, lang: str, lang_chosen: bool) -> None:
    await answer_question(message, question, asker, lang, lang_chosen)


async def on_private_text(message: Message, asker: Asker, lang: str, lang_chosen: bool) -> None:
    await answer_question(message, message.text or "", asker, lang, lang_chosen)


async def on_unknown_command(message: Message) -> None:
    await message.answer(esc(_("I do not know this command. See /help.")))


def router() -> Router:
    r = Router(name="questions")
    r.message.register(on_command, Command(*QUESTION_COMMANDS))
    r.message.register(on_addressed, AddressedInGroup())
    r.message.register(on_unknown_command, PrivateText(command=True))
    r.message.register(on_private_text, PrivateText())
    return r
