"""Throttle: a burst of N messages, then R per second, per sender. A flood gets one polite notice, then silence for
that sender only until it ends; everybody else is served as usual.

Two stores, one behaviour: `Throttle` keeps token buckets in this process (one bot process; its clock can be moved
by hand in tests), `SharedThrottle` keeps the count in Redis through the `limits` library (a moving window of N per
N/R seconds, atomic in Redis), so every replica behind the proxy sees the same count. The sender is the user, or
the chat for an anonymous group admin or a channel writing in a group (`sender_chat`: they all share one user id).
Messages, button presses and inline queries are all counted."""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, InlineQuery, Message, TelegramObject
from aiogram.utils.i18n import gettext as _

from bot.privacy import salted_hash


class Limiter(Protocol):
    async def take(self, key: str) -> tuple[bool, bool]:
        """(allowed, notify): notify is True once per flood, on the first refused update."""
        ...


@dataclass
class Bucket:
    tokens: float
    updated: float
    warned: bool = False


class Throttle:
    """Token buckets per sender, in this process (bounded: idle full buckets are forgotten)."""

    def __init__(self, burst: int = 5, rate: float = 1.0, clock: Callable[[], float] = time.monotonic,
                 max_users: int = 10_000) -> None:
        self.burst = burst
        self.rate = rate
        self.clock = clock
        self.max_users = max_users
        self.buckets: dict[Any, Bucket] = {}

    async def take(self, key: Any) -> tuple[bool, bool]:
        return self.take_now(key)

    def take_now(self, key: Any) -> tuple[bool, bool]:
        now = self.clock()
        bucket = self.buckets.get(key)
        if bucket is None:
            if len(self.buckets) >= self.max_users:
                self.forget_idle(now)
            bucket = self.buckets[key] = Bucket(float(self.burst), now)
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
        for key in [key for key, b in self.buckets.items() if now - b.updated >= full_after]:
            del self.buckets[key]


class SharedThrottle:
    """The count in Redis, shared by every replica: `limits`' moving window of `burst` updates per `burst / rate`
    seconds (a burst, then on average `rate` a second). The one-notice-per-flood mark lives in Redis too: set when
    the first update is refused, kept alive while refusals go on, gone a window after the flood ends. Keys hold
    salted hashes of the sender, never an id."""

    NOTICE_PREFIX = "komekshi:throttle-notice:"

    def __init__(self, redis, burst: int = 5, rate: float = 1.0, salt: str = "",
                 storage_uri: str = "async+redis://localhost:6379/0") -> None:
        from limits import RateLimitItemPerSecond
        from limits.aio.storage import RedisStorage
        from limits.aio.strategies import MovingWindowRateLimiter

        self.redis = redis
        self.window = max(1, math.ceil(burst / rate)) if rate else 3600
        self.item = RateLimitItemPerSecond(burst, self.window)
        # The limits storage talks to the same Redis as the bot's FSM storage (its connection pool).
        storage = RedisStorage(storage_uri, implementation="redispy", key_prefix="komekshi:throttle",
                               connection_pool=redis.connection_pool)
        self.limiter = MovingWindowRateLimiter(storage)
        self.salt = salt

    async def take(self, key: Any) -> tuple[bool, bool]:
        hashed = salted_hash(self.salt, key)
        if await self.limiter.hit(self.item, hashed):
            return True, False
        notice = self.NOTICE_PREFIX + hashed
        if await self.redis.set(notice, 1, nx=True, ex=self.window):
            return False, True
        await self.redis.expire(notice, self.window)
        return False, False


def sender_key(event: TelegramObject, data: dict[str, Any]) -> str | None:
    """Whom an update is counted for: the chat behind an anonymous admin or a channel, else the user."""
    sender_chat = getattr(event, "sender_chat", None)
    if sender_chat is not None:
        return f"c{sender_chat.id}"
    user = data.get("event_from_user")
    return f"u{user.id}" if user is not None else None


class ThrottleMiddleware(BaseMiddleware):
    """Inner middleware for messages, callback queries and inline queries (after filters: group chatter costs
    nothing)."""

    def __init__(self, throttle: Limiter) -> None:
        self.throttle = throttle

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        key = sender_key(event, data)
        if key is None:
            return await handler(event, data)
        allowed, notify = await self.throttle.take(key)
        if allowed:
            return await handler(event, data)
        if isinstance(event, CallbackQuery):
            await event.answer(_("Too many requests: please wait a few seconds.") if notify else None)
        elif isinstance(event, InlineQuery):  # answered, so the client stops waiting; nothing cached
            await event.answer([], cache_time=0, is_personal=True)
        elif notify and isinstance(event, Message):
            await event.reply(_("Too many messages at once: I will answer again in a few seconds."))
        return None
