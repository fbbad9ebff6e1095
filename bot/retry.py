"""Sending with retries: TelegramRetryAfter waits as told, network errors back off exponentially."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType

log = logging.getLogger(__name__)


class RetryMiddleware(BaseRequestMiddleware):
    def __init__(self, attempts: int = 4, base_delay: float = 0.5, max_delay: float = 30.0) -> None:
        self.attempts = attempts
        self.base_delay = base_delay
        self.max_delay = max_delay

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Any,
                       method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        if isinstance(method, GetUpdates):  # the polling loop has its own backoff
            return await make_request(bot, method)
        for attempt in range(1, self.attempts + 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                if attempt == self.attempts:
                    raise
                delay = min(float(error.retry_after), self.max_delay * 4)
            except (TelegramNetworkError, TelegramServerError):
                if attempt == self.attempts:
                    raise
                delay = min(self.base_delay * 2 ** (attempt - 1), self.max_delay)
            log.warning("%s failed (attempt %d), retrying in %.1f s", type(method).__name__, attempt, delay)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")
