"""Bot fixtures: the UI catalogues, the fake Bot API server on 127.0.0.1, and the real `komekshi run` process
long-polling it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiogram.utils.i18n import I18n
from fake_bot_api import BOT_TOKEN, FakeBotApi, stop_process

from bot.config import ROOT
from bot.i18n import make_i18n


@pytest.fixture(scope="session")
def i18n() -> I18n:
    """The bot's compiled UI catalogues (use inside `with i18n.context(), i18n.use_locale(lang)`)."""
    return make_i18n(ROOT / "locales")


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotApi]:
    """A started fake Bot API server (retry_after 1 s on injected 429s); stopped after the test."""
    api = FakeBotApi(retry_after=1)
    await api.start()
    try:
        yield api
    finally:
        await api.stop()


@pytest.fixture
def bot_process(fake_api: FakeBotApi, tmp_path: Path, kb_path: Path, komekshi: list[str],
                komekshi_env: dict[str, str]) -> Callable[..., contextlib.AbstractAsyncContextManager]:
    """`async with bot_process(**env) as process`: `komekshi run` long-polling the fake API on the session's base,
    usage log and language store off unless `env` says otherwise; always stopped (terminate, then kill) after,
    and the tail of its log printed (pytest shows it when the test fails)."""

    @contextlib.asynccontextmanager
    async def start(**env: str) -> AsyncIterator[asyncio.subprocess.Process]:
        environment = {**komekshi_env, "BOT_TOKEN": BOT_TOKEN, "TELEGRAM_API_URL": fake_api.url,
                       "KB_PATH": str(kb_path), "USAGE_LOG": "off", "PREFS_PATH": "off", **env}
        log_path = tmp_path / "bot.log"
        with log_path.open("wb") as log:
            process = await asyncio.create_subprocess_exec(*komekshi, "run", cwd=tmp_path, env=environment,
                                                           stdout=log, stderr=asyncio.subprocess.STDOUT)
            try:
                yield process
            finally:
                await stop_process(process)
                print(log_path.read_text(errors="replace")[-4000:])

    return start
