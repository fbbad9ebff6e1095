"""Per-user throttle: a burst of N messages, then R per second. A flood gets one polite notice, then silence
for that user only until the bucket refills; everybody else is served as usual."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram.utils.i18n import gettext as _


@dataclass
class Bucket:
    tokens: float
    updated: float
    warned: bool = False


class Throttle:
    """Token buckets per user (bounded: idle full buckets are forgotten)."""

    def __init__(self, burst: int = 5, rate: float = 1.0, clock: Callable[[], float] = time.monotonic,
                 max_users: int = 10_000) -> None:
        self.burst = burst
        self.rate = rate
        self.clock = clock
        self.max_users = max_users
        self.buckets: dict[int, Bucket] = {}

    def take(self, user_id: int) -> tuple[bool, bool]:
        """(allowed, notify): notify is True once per flood, on the first refused message."""
        now = self.clock()
        bucket = self.buckets.get(user_id)
        if bucket is None:
            if len(self.buckets) >= self.max_users:
                self.forget_idle(now)
            bucket = self.buckets[user_id] = Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return True, False
        notify = not bucket.warned
        bucket.warned = True
        return False, notify

    def forget_idle(self, now: float) -> None:
        full_after = self.burst / self.rate if self.rate else 0
        for user_id in [uid for uid, b in self.buckets.items() if now - b.updated >= full_after]:
            del self.buckets[user_id]


class ThrottleMiddleware(BaseMiddleware):
    """Inner middleware for messages and callback queries (after filters: group chatter costs nothing)."""

    def __init__(self, throttle: Throttle) -> None:
        self.throttle = throttle

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        user = data.get("event_from_user")
        if user is None:
            return await handler(event, data)
        allowed, notify = self.throttle.take(user.id)
        if allowed:
            return await handler(event, data)
        if isinstance(event, CallbackQuery):
            await event.answer(_("Too many requests: please wait a few seconds.") if notify else None)
        elif notify and isinstance(event, Message):
            await event.reply(_("Too many messages at once: I will answer again in a few seconds."))
        return None
