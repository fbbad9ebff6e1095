"""Every Bot API call the bot makes follows the current Bot API: known method and fields, the right types, no
deprecated field (link_preview_options, not disable_web_page_preview), the documented limits and valid HTML.
The checker itself is tested first, then the real bot process through a whole session against the fake server."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.exceptions import TelegramBadRequest
from bot_api_spec import limits, method_classes, problems
from fake_bot_api import BOT_TOKEN, FakeBotApi, RecordingSession, bot_message, callback, inline_query, message

from bot.config import Config
from bot.main import build_bot

FORM = {"chat_id": "5", "text": "<b>ok</b>", "parse_mode": "HTML"}


@pytest.mark.parametrize(("method", "params", "expected"), [
    ("sendMesage", FORM, "unknown method"),
    ("sendMessage", {**FORM, "disable_web_page_preview": "true"}, "deprecated"),
    ("sendMessage", {**FORM, "colour": "red"}, "unknown field 'colour'"),
    ("sendMessage", {"chat_id": "5"}, "text: Field required"),
    ("sendMessage", {**FORM, "chat_id": [5]}, "chat_id"),
    ("sendMessage", {**FORM, "text": "x" * 4097}, "4097 chars, allowed 1-4096"),
    ("sendMessage", {**FORM, "text": "<b>bold"}, "<b> left open"),
    ("sendMessage", {**FORM, "text": "<blink>x</blink>"}, "unsupported tag <blink>"),
    ("sendMessage", {**FORM, "text": "salt & pepper"}, "bare &"),
    ("sendMessage", {**FORM, "reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "x" * 65}]]}},
     "65 bytes, allowed 1-64"),
    ("answerCallbackQuery", {"callback_query_id": "1", "text": "x" * 201}, "201 chars, allowed 0-200"),
    ("answerInlineQuery", {"inline_query_id": "1", "results": [
        {"type": "article", "id": "я" * 33, "title": "t", "input_message_content": {"message_text": "m"}}]},
     "66 bytes, allowed 1-64"),
    ("setMyCommands", {"commands": [{"command": "Ask", "description": "d"}]}, "outside [a-z0-9_]+"),
    ("setWebhook", {"url": "https://bot.example.kz/webhook", "secret_token": "a b"}, "outside [A-Za-z0-9_-]+"),
])
def test_the_checker_refuses_what_telegram_refuses(method, params, expected):
    found = problems(method, params)
    assert any(expected in line for line in found), found


def test_the_checker_accepts_valid_calls():
    assert problems("sendMessage", {**FORM, "link_preview_options": {"is_disabled": True},
                                    "reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "p:1:0"}]]}}) == []
    assert problems("SENDMESSAGE", {**FORM, "text": "a &amp; b <i>c</i> <a href=\"https://x.kz\">d</a>"}) == []


def test_the_specification_is_complete_enough_to_check_against():
    assert {"sendmessage", "editmessagetext", "answercallbackquery", "answerinlinequery", "setmycommands",
            "setwebhook", "deletewebhook", "getupdates", "getme"} <= set(method_classes())
    assert len(method_classes()) > 150 and len(limits()) >= 10
    assert all(limit.source.startswith("https://core.telegram.org/bots/api#") for limit in limits().values())


async def test_the_recording_session_refuses_a_deprecated_call():
    session = RecordingSession()
    bot = Bot(BOT_TOKEN, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    with pytest.raises(TelegramBadRequest, match="disable_web_page_preview"):
        await bot.send_message(5, "x", disable_web_page_preview=True)
    await bot.send_message(5, "<b>x</b>")  # the bot's own defaults (link_preview_options) are current
    assert len(session.violations) == 1


async def test_the_bots_defaults_use_link_preview_options():
    bot = build_bot(Config(bot_token=BOT_TOKEN))
    session = RecordingSession()
    bot.session = session
    sent = await bot.send_message(5, "<b>x</b> https://adilet.zan.kz")
    assert sent.text and session.violations == []
    assert bot.default.link_preview_is_disabled is None and bot.default.link_preview.is_disabled is True


@pytest.mark.slow  # the real bot process against the fake Bot API server
async def test_a_whole_session_makes_only_valid_bot_api_calls(fake_api: FakeBotApi, bot_process):
    api, user, group = fake_api, 4100, -100900
    async with bot_process(THROTTLE_BURST="1000"):  # one user asks a lot here: the throttle is tested elsewhere
        await api.wait_for("setMyCommands", language_code="en")
        for text in ("/start", "/help", "/sources", "/about", "/nonsense", "массаж медсестры полустационар село",
                     "қайсы массаж?", "price of a taxi to Uralsk", "<b>&amp;</b> 💉" * 300):
            before = len(api.sent("sendMessage", chat_id=user))
            await api.push({"message": message(text, user_id=user, lang="ru")})
            await api.wait_for_more("sendMessage", before, chat_id=user)
        answers = api.sent("sendMessage", chat_id=user)
        pressed = 0
        for sent in answers:
            for row in (sent.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row[:1]:
                    press = callback(button["callback_data"], user_id=user, lang="ru",
                                     on=bot_message(sent["text"][:100], user, "private"))
                    await api.push({"callback_query": press})
                    await api.wait_for("answerCallbackQuery", callback_query_id=press["id"])
                    pressed += 1
        stale = callback("p:00000000:0", user_id=user, lang="ru")
        await api.push({"callback_query": stale})
        # (the first language button pressed above chose Kazakh)
        assert "мерзімі өтті" in (await api.wait_for("answerCallbackQuery", callback_query_id=stale["id"]))["text"]
        sticker = message("", user_id=user, lang="kk")
        del sticker["text"]
        sticker["sticker"] = {"file_id": "CAAD", "file_unique_id": "u4", "type": "regular", "width": 512,
                              "height": 512, "is_animated": False, "is_video": False}
        before = len(api.sent("sendMessage", chat_id=user))
        await api.push({"message": sticker})
        await api.wait_for_more("sendMessage", before, chat_id=user)
        query = inline_query("массаж село", user_id=user, lang="ru")
        await api.push({"inline_query": query})
        await api.wait_for("answerInlineQuery", inline_query_id=query["id"])
        await api.push({"message": message("/ask массаж село", user_id=user, chat_id=group, kind="supergroup")})
        await api.wait_for("sendMessage", chat_id=group)
    assert pressed >= 3
    assert api.violations == []
    print(f"{len(api.attempts)} Bot API calls checked, {len({name for name, _, _ in api.attempts})} methods, "
          f"{pressed} buttons pressed: {len(api.violations)} refused")
    methods = {name for name, _ in api.calls}
    assert {"sendMessage", "editMessageText", "answerCallbackQuery", "answerInlineQuery", "setMyCommands"} <= methods
