"""Start-up checks of `komekshi run`: the settings Telegram will refuse are refused first, then one call to the Bot API
(getMe, and setWebhook in webhook mode) without retries and within a time limit, so a wrong token, an unreachable
server or a refused webhook ends the process at once in one line naming the setting, not in a traceback after the
retries. The webhook server answers a malformed body with 400."""

from __future__ import annotations

import asyncio
import hmac
import json
import re
from collections.abc import Awaitable, Callable

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramUnauthorizedError
from aiogram.types import Update
from aiogram.utils.token import TokenValidationError, validate_token
from aiohttp import web
from pydantic import ValidationError

from bot.config import Config

PREFLIGHT_SECONDS = 15.0  # the whole check: a Bot API that does not answer by then is reported unreachable
SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as X-Telegram-Bot-Api-Secret-Token
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = ["message", "callback_query", "inline_query"]


class StartupError(ValueError):
    """The bot cannot start; the message is one line naming the setting and the fix (the CLI prints it, exit 2)."""


def check_settings(config: Config) -> None:
    """What Telegram would refuse, refused before any network."""
    token = config.bot_token or ""
    if any(character.isspace() for character in token):
        raise StartupError("BOT_TOKEN has spaces in it: copy it again from @BotFather")
    try:
        validate_token(token)
    except TokenValidationError as error:
        raise StartupError("BOT_TOKEN is malformed: it must look like 123456789:AAE... as @BotFather gives it") \
            from error
    if config.webhook_url:
        if not config.webhook_url.startswith("https://"):
            raise StartupError(f"WEBHOOK_URL {config.webhook_url!r} must be an https:// address (Telegram posts "
                               "only over HTTPS)")
        if config.webhook_secret is not None and not SECRET.fullmatch(config.webhook_secret):
            raise StartupError("WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and - (1 to 256 of them): Telegram "
                               "refuses other characters")


def preflight_bot(config: Config) -> Bot:
    """A Bot for the checks: no retry middleware (a refusal is final here), the same API server."""
    api = TelegramAPIServer.from_base(config.telegram_api_url) if config.telegram_api_url else None
    session = AiohttpSession(api=api, timeout=PREFLIGHT_SECONDS) if api else AiohttpSession(timeout=PREFLIGHT_SECONDS)
    return Bot(config.bot_token or "", session=session, default=DefaultBotProperties())


async def preflight(config: Config) -> None:
    """getMe (the token works, the server answers) and, in webhook mode, setWebhook with the secret."""
    bot = preflight_bot(config)
    server = config.telegram_api_url or "https://api.telegram.org"
    try:
        async with asyncio.timeout(PREFLIGHT_SECONDS):
            await bot.get_me()
            if config.webhook_url:
                try:
                    await bot.set_webhook(config.webhook_url, secret_token=config.webhook_secret,
                                          allowed_updates=ALLOWED_UPDATES)
                except TelegramUnauthorizedError:
                    raise
                except TelegramAPIError as error:
                    raise StartupError(f"Telegram refused the webhook {config.webhook_url} ({error.message}): check "
                                       "WEBHOOK_URL and WEBHOOK_SECRET") from error
    except TelegramUnauthorizedError as error:
        raise StartupError("Telegram refused BOT_TOKEN (401 Unauthorized): the token is wrong or was revoked; get "
                           "it again from @BotFather") from error
    except (TelegramNetworkError, OSError, TimeoutError) as error:
        reason = str(error) or type(error).__name__
        raise StartupError(f"cannot reach the Bot API at {server} ({reason}): check the network or "
                           "TELEGRAM_API_URL") from error
    except TelegramAPIError as error:
        raise StartupError(f"the Bot API at {server} refused getMe ({error.message})") from error
    finally:
        await bot.session.close()


def malformed_body_refused(path: str, secret: str) -> Callable:
    """aiohttp middleware: a post to the webhook with the right secret whose body is no Telegram update gets 400
    (aiogram would answer 500, or 200 and a traceback in the background). A wrong secret is left to aiogram's 401."""

    @web.middleware
    async def middleware(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
        if request.method == "POST" and request.path == path and hmac.compare_digest(
                request.headers.get(SECRET_HEADER, "").encode(), secret.encode()):
            try:
                Update.model_validate(json.loads(await request.read()))
            except (ValueError, ValidationError, TypeError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
                return web.json_response({"ok": False, "description": "Bad Request: not a Telegram update"},
                                         status=400)
        return await handler(request)

    return middleware
