"""Wiring: the dispatcher (routers, middlewares, storage), the Bot (API server, retries), and the two ways to run:
long polling, or an aiohttp webhook server that checks Telegram's secret token."""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import BotCommand, LinkPreviewOptions
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot import votes
from bot.config import Config
from bot.handlers import admin, buttons, common, errors, feedback, inline, more, plan, questions
from bot.i18n import (
    DEFAULT_LANG,
    LANGS,
    LanguageMiddleware,
    LanguageStore,
    MemoryLanguageStore,
    SqliteLanguageStore,
    StorageLanguageStore,
    make_i18n,
)
from bot.keyboards import Tickets, ticket_secret
from bot.privacy import require_salt
from bot.retry import RetryMiddleware
from bot.service import Asker
from bot.startup import check_settings, malformed_body_refused, preflight
from bot.throttle import Limiter, SharedThrottle, Throttle, ThrottleMiddleware
from bot.usage import BATCH_SECONDS, UsageLog
from knowledge.answer.engine import Engine

log = logging.getLogger(__name__)


def bot_id_of(token: str | None) -> int:
    return int(token.split(":", 1)[0]) if token and ":" in token else 0


def build_storage(config: Config) -> BaseStorage:
    if config.redis_url:
        from redis.asyncio import Redis  # needs the `redis` extra

        return redis_storage(Redis.from_url(config.redis_url))
    return MemoryStorage()


def redis_storage(redis) -> BaseStorage:
    """FSM storage on Redis whose keys carry a destiny: language choices live beside FSM data, not in it."""
    from aiogram.fsm.storage.base import DefaultKeyBuilder
    from aiogram.fsm.storage.redis import RedisStorage

    return RedisStorage(redis=redis, key_builder=DefaultKeyBuilder(with_destiny=True))


def build_language_store(config: Config, storage: BaseStorage) -> LanguageStore:
    if config.redis_url:
        return StorageLanguageStore(storage, bot_id_of(config.bot_token), config.usage_salt)
    if config.prefs_path:
        return SqliteLanguageStore(config.prefs_path, config.usage_salt)
    return MemoryLanguageStore()


def build_throttle(config: Config, storage: BaseStorage) -> Limiter:
    """One count for all replicas through Redis when it is configured, else this process's buckets."""
    redis = getattr(storage, "redis", None)
    if redis is not None:
        return SharedThrottle(redis, config.throttle_burst, config.throttle_rate, config.usage_salt)
    return Throttle(config.throttle_burst, config.throttle_rate)


def build_dispatcher(engine: Engine, config: Config, *, storage: BaseStorage | None = None,
                     language_store: LanguageStore | None = None, usage: UsageLog | None = None,
                     throttle: Throttle | None = None, i18n: I18n | None = None) -> Dispatcher:
    """Everything but the Bot: tests feed updates into this with a recording session."""
    storage = storage or build_storage(config)
    dispatcher = Dispatcher(storage=storage)
    i18n = i18n or make_i18n(config.locales_dir)
    language = LanguageMiddleware(i18n, language_store or build_language_store(config, storage))
    language.setup(dispatcher)
    # Behind a proxy with several replicas (REDIS_URL), button tickets are shared through the same Redis.
    tickets = Tickets(redis=getattr(storage, "redis", None), secret=ticket_secret(config.bot_token))
    asker = Asker(engine, usage or UsageLog(config.usage_log, config.usage_salt, config.usage_keep_days), tickets)
    votes.ensure(asker.usage)  # the votes table and the desk's views exist from the start
    dispatcher["asker"] = asker
    dispatcher["config"] = config
    dispatcher["i18n_obj"] = i18n

    routers: list[Router] = [errors.router(), admin.router(config.admin_ids), common.router(), buttons.router(),
                             plan.router(), feedback.router(), more.router(), inline.router(), questions.router(),
                             common.fallback_router()]
    # Inner middleware: runs after the filters matched, so ignored group chatter costs no one a token.
    limiter = ThrottleMiddleware(throttle or build_throttle(config, storage))
    for router in routers:
        router.message.middleware(limiter)
        router.callback_query.middleware(limiter)
        router.inline_query.middleware(limiter)
    dispatcher.include_routers(*routers)
    dispatcher.startup.register(on_startup)
    dispatcher.shutdown.register(on_shutdown)
    return dispatcher


def command_menu() -> list[BotCommand]:
    return [
        BotCommand(command="ask", description=_("Ask a question")),
        BotCommand(command="tariff", description=_("Tariff of a service")),
        BotCommand(command="violation", description=_("Is it a violation?")),
        BotCommand(command="help", description=_("How to ask, with examples")),
        BotCommand(command="lang", description=_("Language")),
        BotCommand(command="sources", description=_("Documents I answer from")),
        BotCommand(command="plan", description=_("My care plan: lines and total")),
        BotCommand(command="about", description=_("About the bot")),
    ]


async def set_commands(bot: Bot, i18n: I18n) -> None:
    """The command menu per language; users with another Telegram language see the Kazakh one."""
    with i18n.context():
        for lang in (None, *LANGS):
            with i18n.use_locale(lang or DEFAULT_LANG):
                await bot.set_my_commands(command_menu(), language_code=lang)


async def write_usage_batches(asker: Asker) -> None:
    """Questions asked in a quiet spell reach the usage log within a batch's age, not only with the next question."""
    while True:
        await asyncio.sleep(BATCH_SECONDS)
        asker.usage.flush()


async def on_startup(bot: Bot, i18n_obj: I18n, config: Config, asker: Asker) -> None:
    asker.background.add(asyncio.create_task(write_usage_batches(asker)))
    await set_commands(bot, i18n_obj)
    if config.webhook_url:
        await bot.set_webhook(config.webhook_url, secret_token=config.webhook_secret,
                              allowed_updates=["message", "callback_query", "inline_query"])
    log.info("bot started (%s)", "webhook" if config.webhook_url else "long polling")


async def on_shutdown(asker: Asker) -> None:
    for task in asker.background:
        task.cancel()
    asker.close()
    asker.usage.close()


def build_bot(config: Config) -> Bot:
    api = TelegramAPIServer.from_base(config.telegram_api_url) if config.telegram_api_url else None
    session = AiohttpSession(api=api) if api else AiohttpSession()
    session.middleware(RetryMiddleware())
    # Link previews off through link_preview_options: aiogram's `link_preview_is_disabled` default also fills the
    # deprecated disable_web_page_preview field of every sendMessage.
    return Bot(config.bot_token or "", session=session,
               default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview=LinkPreviewOptions(is_disabled=True)))


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


def build_webhook_app(bot: Bot, dispatcher: Dispatcher, config: Config, *, background: bool = True,
                      **kwargs: Any) -> web.Application:
    """POST <webhook path> (rejected with 401 without the right X-Telegram-Bot-Api-Secret-Token), GET /health."""
    if not config.webhook_secret:
        raise ValueError("webhook mode needs WEBHOOK_SECRET")
    app = web.Application(middlewares=[malformed_body_refused(config.webhook_path, config.webhook_secret)])
    app.router.add_get("/health", health)
    SimpleRequestHandler(dispatcher, bot, secret_token=config.webhook_secret,
                         handle_in_background=background).register(app, path=config.webhook_path)
    setup_application(app, dispatcher, bot=bot, **kwargs)
    return app


async def serve_health(config: Config) -> web.AppRunner | None:
    if not config.health_port:
        return None
    app = web.Application()
    app.router.add_get("/health", health)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, config.webhook_host, config.health_port).start()
    return runner


async def polling(config: Config, engine: Engine) -> None:
    bot = build_bot(config)
    dispatcher = build_dispatcher(engine, config)
    runner = await serve_health(config)
    try:
        await bot.delete_webhook(drop_pending_updates=False)
        await dispatcher.start_polling(bot, allowed_updates=dispatcher.resolve_used_update_types())
    finally:
        if runner:
            await runner.cleanup()


def open_engine(config: Config) -> Engine:
    from knowledge.kb import resolve_path

    return Engine.open(resolve_path(config.kb_path))


def run(config: Config) -> None:
    """`komekshi run` with BOT_TOKEN: long polling, or the webhook server when WEBHOOK_URL is set. Settings Telegram
    would refuse, a wrong token, an unreachable Bot API or a refused webhook raise StartupError (one line) first."""
    require_salt(config.usage_salt, webhook=bool(config.webhook_url), shared=bool(config.redis_url))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    check_settings(config)
    engine = open_engine(config)  # a missing or damaged base is said before any network
    if config.webhook_url and not config.webhook_secret:
        # One replica can invent its secret; several replicas must share WEBHOOK_SECRET (compose.yaml sets it).
        config.webhook_secret = secrets.token_urlsafe(32)
        log.warning("WEBHOOK_SECRET is not set: using a random one for this process")
    asyncio.run(preflight(config))
    if not config.webhook_url:
        asyncio.run(polling(config, engine))
        return
    bot = build_bot(config)
    app = build_webhook_app(bot, build_dispatcher(engine, config), config)
    web.run_app(app, host=config.webhook_host, port=config.webhook_port, print=None)
