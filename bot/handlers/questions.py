"""Questions: any text in a private chat (a caption too); in groups only /ask /tariff /violation, mentions and replies
to the bot. Voice, stickers and media without a caption in a private chat get a short hint to write instead."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Router
from aiogram.enums import ChatType, ContentType, MessageEntityType
from aiogram.filters import BaseFilter, Command, CommandObject
from aiogram.types import Message, MessageEntity
from aiogram.utils.i18n import gettext as _

from bot.render import esc
from bot.service import Asker, engine_lang, send_answer

QUESTION_COMMANDS = ("ask", "tariff", "violation")
GROUPS = {ChatType.GROUP, ChatType.SUPERGROUP}
# Messages Telegram makes about the chat itself, not sent by the user: never answered with a hint.
SERVICE_CONTENT = {ContentType.PINNED_MESSAGE, ContentType.NEW_CHAT_PHOTO, ContentType.DELETE_CHAT_PHOTO,
                   ContentType.NEW_CHAT_TITLE, ContentType.NEW_CHAT_MEMBERS, ContentType.LEFT_CHAT_MEMBER,
                   ContentType.MESSAGE_AUTO_DELETE_TIMER_CHANGED, ContentType.WRITE_ACCESS_ALLOWED}


class AddressedInGroup(BaseFilter):
    """A group message that mentions the bot or replies to one of its messages → {"question": text}."""

    async def __call__(self, message: Message, bot: Bot) -> bool | dict[str, Any]:
        text = message.text or message.caption  # a photo captioned "@bot сколько в селе?" is addressed too
        if message.chat.type not in GROUPS or not text or text.startswith("/"):
            return False
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return {"question": strip_mentions(text, message, (await bot.me()).username)}
        username = (await bot.me()).username or ""
        for entity in entities_of(message):
            mentioned = entity.extract_from(text)
            if (entity.type == MessageEntityType.MENTION and mentioned.lower() == f"@{username.lower()}") or (
                    entity.type == MessageEntityType.TEXT_MENTION and entity.user and entity.user.id == bot.id):
                return {"question": strip_mentions(text, message, username)}
        return False


class PrivateCaption(BaseFilter):
    """A photo, document or other media with a caption in a private chat: the caption is the question (a screenshot
    of a tariff table sent with "сколько в селе?")."""

    async def __call__(self, message: Message) -> bool:
        return (message.chat.type == ChatType.PRIVATE and message.text is None and bool(message.caption)
                and not message.caption.startswith("/"))


class PrivateWithoutText(BaseFilter):
    """Anything else in a private chat with no words to read: voice, stickers, media without a caption, locations."""

    async def __call__(self, message: Message) -> bool:
        return message.chat.type == ChatType.PRIVATE and message.text is None and not message.caption


class PrivateText(BaseFilter):
    """Any text in a private chat. A coroutine, not a magic filter F.…: aiogram runs plain callables in a worker
    thread, which costs more than the check itself on every update."""

    def __init__(self, command: bool = False) -> None:
        self.command = command

    async def __call__(self, message: Message) -> bool:
        return (message.chat.type == ChatType.PRIVATE and message.text is not None
                and message.text.startswith("/") == self.command)


def entities_of(message: Message) -> list[MessageEntity]:
    return message.entities or message.caption_entities or []


def strip_mentions(text: str, message: Message, username: str | None) -> str:
    if username:
        for entity in entities_of(message):
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


async def on_caption(message: Message, asker: Asker, lang: str, lang_chosen: bool) -> None:
    await answer_question(message, message.caption or "", asker, lang, lang_chosen)


async def on_without_text(message: Message) -> None:
    # Service messages (a pinned message, a chat photo changed) need no reply; media the user sent does.
    if message.from_user is None or message.content_type in SERVICE_CONTENT:
        return
    await message.answer(esc(_("I read text only: write your question in words (a caption under a photo works "
                               "too).")))


async def on_unknown_command(message: Message) -> None:
    await message.answer(esc(_("I do not know this command. See /help.")))


def router() -> Router:
    r = Router(name="questions")
    r.message.register(on_command, Command(*QUESTION_COMMANDS))
    r.message.register(on_addressed, AddressedInGroup())
    r.message.register(on_unknown_command, PrivateText(command=True))
    r.message.register(on_private_text, PrivateText())
    r.message.register(on_caption, PrivateCaption())
    r.message.register(on_without_text, PrivateWithoutText())
    return r
