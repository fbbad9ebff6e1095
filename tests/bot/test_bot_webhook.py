"""Webhook mode: the aiohttp app rejects posts without the right secret token and answers the right ones."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage, SetMyCommands, SetWebhook
from aiohttp.test_utils import TestClient, TestServer
from fake_bot_api import BOT_TOKEN, FakeEngine, RecordingSession, message, update

from bot.config import Config
from bot.main import build_dispatcher, build_webhook_app

pytestmark = pytest.mark.slow  # an aiohttp webhook server per test

SECRET = "s3cret-token_1"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


@pytest.fixture
async def client(tmp_path):
    config = Config(bot_token=BOT_TOKEN, webhook_url="https://bot.example.kz/tg/hook", webhook_secret=SECRET,
                    usage_log=None, prefs_path=None)
    session = RecordingSession()
    bot = Bot(BOT_TOKEN, session=session)
    app = build_webhook_app(bot, build_dispatcher(FakeEngine(), config), config, background=False)
    async with TestClient(TestServer(app)) as client:
        client.session_record = session
        yield client


async def test_startup_registers_the_webhook_with_its_secret(client):
    hooks = client.session_record.of(SetWebhook)
    assert hooks and hooks[0].url == "https://bot.example.kz/tg/hook" and hooks[0].secret_token == SECRET
    assert client.session_record.of(SetMyCommands)


@pytest.mark.parametrize("headers", [{}, {HEADER: "wrong"}, {HEADER: SECRET + "x"}])
async def test_posts_without_the_right_secret_are_rejected(client, headers):
    response = await client.post("/tg/hook", json=update(message=message("massage")), headers=headers)
    assert response.status in (401, 403)
    assert not client.session_record.of(SendMessage)


async def test_right_secret_is_answered(client):
    response = await client.post("/tg/hook", json=update(message=message("massage", lang="en")),
                                 headers={HEADER: SECRET})
    assert response.status == 200
    (sent,) = client.session_record.of(SendMessage)
    assert sent.chat_id == 1001 and "Массаж" in sent.text


async def test_health(client):
    response = await client.get("/health")
    assert response.status == 200 and (await response.json()) == {"ok": True}


def test_webhook_needs_a_secret():
    config = Config(bot_token=BOT_TOKEN, webhook_url="https://x/hook", usage_log=None, prefs_path=None)
    bot = Bot(BOT_TOKEN, session=RecordingSession())
    with pytest.raises(ValueError, match="WEBHOOK_SECRET"):
        build_webhook_app(bot, build_dispatcher(FakeEngine(), config), config)
