"""Start-up failures end in one clear line and a non-zero exit, at once: a malformed or wrong token, an unreachable
or silent Bot API, a webhook Telegram refuses, a secret with characters Telegram refuses. The webhook server answers
a malformed body with 400."""

from __future__ import annotations

import asyncio

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from fake_bot_api import BOT_TOKEN, FakeEngine, RecordingSession, message, update

from bot import startup
from bot.config import Config
from bot.main import build_dispatcher, build_webhook_app
from bot.startup import StartupError, check_settings, preflight

TOKEN = "123456:AAEabcdefghijklmnopqrstuvwxyz012345"
SECRET = "s3cret-token_1"


def config(**values) -> Config:
    return Config(**{"bot_token": TOKEN, "usage_log": None, "prefs_path": None, **values})


@pytest.mark.parametrize(("values", "said"), [
    ({"bot_token": "abc"}, "BOT_TOKEN is malformed"),
    ({"bot_token": "123456"}, "BOT_TOKEN is malformed"),
    ({"bot_token": "x1:AAE"}, "BOT_TOKEN is malformed"),
    ({"bot_token": "123:AA E"}, "BOT_TOKEN has spaces"),
    ({"webhook_url": "https://bot.example.kz/hook", "webhook_secret": "ключ"}, "WEBHOOK_SECRET may hold only"),
    ({"webhook_url": "https://bot.example.kz/hook", "webhook_secret": "a b"}, "WEBHOOK_SECRET may hold only"),
    ({"webhook_url": "https://bot.example.kz/hook", "webhook_secret": "x" * 257}, "WEBHOOK_SECRET may hold only"),
    ({"webhook_url": "http://bot.example.kz/hook", "webhook_secret": SECRET}, "must be an https:// address"),
])
def test_settings_telegram_refuses_are_refused_before_any_network(values, said) -> None:
    with pytest.raises(StartupError, match=said) as error:
        check_settings(config(**values))
    assert "\n" not in str(error.value)


def test_good_settings_pass() -> None:
    check_settings(config(webhook_url="https://bot.example.kz/hook", webhook_secret="A-z_09" * 40))
    check_settings(config())


async def api(handlers: dict[str, web.Response | None]) -> tuple[web.AppRunner, str]:
    """A Bot API stand-in: each method's canned answer; None: never answers."""

    async def handle(request: web.Request) -> web.Response:
        answer = handlers.get(request.match_info["method"])
        if answer is None:
            await asyncio.sleep(3600)
        return answer

    app = web.Application()
    app.router.add_route("*", "/bot{token}/{method}", handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)  # the silent handler is not waited for
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"http://127.0.0.1:{port}"


ME = web.json_response({"ok": True, "result": {"id": 123456, "is_bot": True, "first_name": "K", "username": "k_bot"}})


def refusal(code: int, description: str) -> web.Response:
    return web.json_response({"ok": False, "error_code": code, "description": description}, status=code)


@pytest.mark.parametrize(("handlers", "values", "said"), [
    ({"getMe": refusal(401, "Unauthorized")}, {}, "Telegram refused BOT_TOKEN (401 Unauthorized)"),
    ({"getMe": ME, "setWebhook": refusal(400, "Bad Request: bad webhook: Failed to resolve host")},
     {"webhook_url": "https://nowhere.example/hook", "webhook_secret": SECRET},
     "Telegram refused the webhook https://nowhere.example/hook (Bad Request: bad webhook"),
    ({"getMe": refusal(404, "Not Found")}, {}, "refused getMe (Not Found)"),
    ({}, {}, "cannot reach the Bot API"),  # getMe never answers
])
async def test_the_bot_api_refusing_or_silent_is_one_line(monkeypatch, handlers, values, said) -> None:
    monkeypatch.setattr(startup, "PREFLIGHT_SECONDS", 1.0)
    runner, url = await api(handlers)
    try:
        with pytest.raises(StartupError) as error:
            # a hung check is cut at PREFLIGHT_SECONDS, not after the retries' minutes; the outer limit only keeps a
            # regression from hanging the suite
            await asyncio.wait_for(preflight(config(telegram_api_url=url, **values)), 120)
        assert said in str(error.value) and "\n" not in str(error.value)
    finally:
        await runner.cleanup()


async def test_an_unreachable_bot_api_is_one_line() -> None:
    with pytest.raises(StartupError, match=r"cannot reach the Bot API at http://127\.0\.0\.1:9 "):
        await preflight(config(telegram_api_url="http://127.0.0.1:9"))


@pytest.mark.slow  # a komekshi process
def test_komekshi_run_exits_with_one_line(run_komekshi, kb_path) -> None:
    for env, said in [({"BOT_TOKEN": "not-a-token"}, "BOT_TOKEN is malformed"),
                      ({"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": "http://127.0.0.1:9"}, "cannot reach the Bot API"),
                      ({"BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.kz/h", "WEBHOOK_SECRET": "no way",
                        "USAGE_SALT": "s" * 32}, "WEBHOOK_SECRET may hold only"),
                      ({"BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.kz/h", "WEBHOOK_SECRET": "fine"},
                       "USAGE_SALT is required")]:
        result = run_komekshi("run", KB_PATH=str(kb_path), USAGE_LOG="off", PREFS_PATH="off", **env)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith(f"komekshi: {said}"), result.stderr


@pytest.fixture
async def webhook():
    cfg = Config(bot_token=BOT_TOKEN, webhook_url="https://bot.example.kz/tg/hook", webhook_secret=SECRET,
                 usage_log=None, prefs_path=None)
    session = RecordingSession()
    app = build_webhook_app(Bot(BOT_TOKEN, session=session), build_dispatcher(FakeEngine(), cfg), cfg)
    async with TestClient(TestServer(app)) as client:
        client.session_record = session
        yield client


@pytest.mark.parametrize("body", [b"not json", b"\xff\xfe", b"[]", b'{"update_id": "x"}', b'{"message": 5}', b""])
async def test_a_malformed_webhook_body_gets_400(webhook, body) -> None:
    response = await webhook.post("/tg/hook", data=body, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET,
                                                                  "Content-Type": "application/json"})
    assert response.status == 400
    unauthorised = await webhook.post("/tg/hook", data=body, headers={"Content-Type": "application/json"})
    assert unauthorised.status == 401  # without the secret nothing is said about the body


async def test_a_good_update_is_still_answered(webhook) -> None:
    response = await webhook.post("/tg/hook", json=update(message=message("massage", lang="en")),
                                  headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert response.status == 200
    for _ in range(100):  # handled in the background, as in production
        if webhook.session_record.of(SendMessage):
            break
        await asyncio.sleep(0.02)
    assert webhook.session_record.of(SendMessage)
