"""Every update gets an answer a person can see: a button no handler knows (expired, forged, malformed) answers its
callback query; a caption is read as the question; voice, stickers and bare media get a hint in the user's language."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.methods import AnswerCallbackQuery, GetMe, SendMessage
from fake_bot_api import BOT_TOKEN, BOT_USERNAME, FakeEngine, RecordingSession, as_update, callback, message, update

from bot.config import Config
from bot.main import build_dispatcher

PHOTO = [{"file_id": "AgAD", "file_unique_id": "u1", "width": 90, "height": 90}]
DOCUMENT = {"file_id": "BQAD", "file_unique_id": "u2", "file_name": "tariffs.pdf", "mime_type": "application/pdf"}
VOICE = {"file_id": "AwAD", "file_unique_id": "u3", "duration": 3}
STICKER = {"file_id": "CAAD", "file_unique_id": "u4", "type": "regular", "width": 512, "height": 512,
           "is_animated": False, "is_video": False}
HINT = {"en": "I read text only", "ru": "Я читаю только текст", "kk": "Мен тек мәтінді оқимын"}


@pytest.fixture
def bot_and_dispatcher(tmp_path):
    engine = FakeEngine()
    config = Config(bot_token=BOT_TOKEN, usage_log=None, prefs_path=None)
    session = RecordingSession()
    bot = Bot(BOT_TOKEN, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    return engine, session, bot, build_dispatcher(engine, config)


async def feed(setup, **payload) -> list:
    engine, session, bot, dispatcher = setup
    before = len(session.requests)
    await dispatcher.feed_update(bot, as_update(update(**payload), bot))
    return [r for r in session.requests[before:] if not isinstance(r, GetMe)]


def media(content: str, value, *, caption: str | None = None, lang: str = "en", **kwargs) -> dict:
    data = message("", lang=lang, **kwargs)
    del data["text"]
    data[content] = value
    if caption is not None:
        data["caption"] = caption
    return data


@pytest.mark.parametrize("data", ["zzz", "p:deadbeef", "p:deadbeef:x", "r:1", "", "🙂" * 10, "p:" + "f" * 60 + ":0"])
async def test_any_unknown_or_malformed_button_is_answered_as_expired(bot_and_dispatcher, data):
    requests = await feed(bot_and_dispatcher, callback_query=callback(data, lang="en"))
    answers = [r for r in requests if isinstance(r, AnswerCallbackQuery)]
    assert len(answers) == 1, requests
    assert answers[0].show_alert and "expired" in answers[0].text
    assert not bot_and_dispatcher[0].calls


@pytest.mark.parametrize("data", ["l:xx", "x:99", "x:-1"])
async def test_known_buttons_with_values_out_of_range_are_answered(bot_and_dispatcher, data):
    requests = await feed(bot_and_dispatcher, callback_query=callback(data, lang="en"))
    assert len([r for r in requests if isinstance(r, AnswerCallbackQuery)]) == 1, requests
    assert not bot_and_dispatcher[0].calls


async def test_forged_button_gets_the_expired_alert_in_the_users_language(bot_and_dispatcher):
    (answer,) = [r for r in await feed(bot_and_dispatcher, callback_query=callback("q:forged", lang="ru"))
                 if isinstance(r, AnswerCallbackQuery)]
    assert answer.show_alert and answer.text == "Срок действия кнопки истёк: задайте вопрос заново."


@pytest.mark.parametrize(("kind", "value"), [("photo", PHOTO), ("document", DOCUMENT)])
async def test_a_captioned_photo_or_document_is_answered_from_its_caption(bot_and_dispatcher, kind, value):
    requests = await feed(bot_and_dispatcher, message=media(kind, value, caption="massage rural"))
    engine = bot_and_dispatcher[0]
    # the question asked, then the same question with other filters (which refine buttons have data)
    assert {call["question"] for call in engine.calls} == {"massage rural"}
    (sent,) = [r for r in requests if isinstance(r, SendMessage)]
    assert "842" in sent.text  # the fake engine's rural massage rate


async def test_a_captioned_photo_in_a_group_is_answered_when_it_mentions_the_bot(bot_and_dispatcher):
    caption = f"@{BOT_USERNAME} massage rural"
    data = media("photo", PHOTO, caption=caption, chat_id=-100500, kind="supergroup")
    data["caption_entities"] = [{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]
    await feed(bot_and_dispatcher, message=data)
    assert {call["question"] for call in bot_and_dispatcher[0].calls} == {"massage rural"}  # asked, then refine probes


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
@pytest.mark.parametrize(("kind", "value"), [("voice", VOICE), ("sticker", STICKER), ("photo", PHOTO)])
async def test_voice_stickers_and_bare_media_get_a_hint_in_the_users_language(bot_and_dispatcher, kind, value, lang):
    requests = await feed(bot_and_dispatcher, message=media(kind, value, lang=lang))
    (sent,) = [r for r in requests if isinstance(r, SendMessage)]
    assert HINT[lang] in sent.text
    assert not bot_and_dispatcher[0].calls


async def test_media_in_a_group_is_not_answered(bot_and_dispatcher):
    requests = await feed(bot_and_dispatcher, message=media("sticker", STICKER, chat_id=-100500, kind="supergroup"))
    assert not [r for r in requests if isinstance(r, SendMessage)]


async def test_a_service_message_in_a_private_chat_gets_no_hint(bot_and_dispatcher):
    data = media("write_access_allowed", {"from_request": True})
    assert not [r for r in await feed(bot_and_dispatcher, message=data) if isinstance(r, SendMessage)]
