"""Languages: the gettext catalogues (locales/<lang>/LC_MESSAGES/messages.po, shared with the answer engine and
compiled by knowledge.i18n), the user's choice, the middleware.

The UI language is the user's stored choice, else Telegram's language_code mapped to kk/ru/en, else Kazakh.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from pathlib import Path
from typing import Any, Protocol

from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import TelegramObject, User
from aiogram.utils.i18n import I18n, I18nMiddleware

from bot.privacy import private_file, process_salt, salted_hash
from knowledge.domain import LANGS
from knowledge.i18n import DOMAIN, compile_catalogues

DEFAULT_LANG = "kk"
LANG_NAMES = {"kk": "🇰🇿 Қазақша", "ru": "🇷🇺 Русский", "en": "🇬🇧 English"}


def make_i18n(locales_dir: Path) -> I18n:
    """Load the compiled catalogues, compiling first any .mo that is missing (fresh clone) or older than its .po."""
    compile_catalogues(locales_dir)
    return I18n(path=locales_dir, default_locale=DEFAULT_LANG, domain=DOMAIN)


def telegram_lang(language_code: str | None) -> str | None:
    """Telegram's IETF code ("ru", "kk", "en-US", "uk") → one of ours, or None."""
    base = (language_code or "").lower().replace("_", "-").split("-")[0]
    return base if base in LANGS else None


class LanguageStore(Protocol):
    async def get(self, user_id: int) -> str | None: ...
    async def set(self, user_id: int, lang: str) -> None: ...


class MemoryLanguageStore:
    def __init__(self) -> None:
        self.choices: dict[int, str] = {}

    async def get(self, user_id: int) -> str | None:
        return self.choices.get(user_id)

    async def set(self, user_id: int, lang: str) -> None:
        self.choices[user_id] = lang


class SqliteLanguageStore:
    """Language choices in a small SQLite file (0600): kept across restarts of a single bot process, keyed by a salted
    hash of the user id, never the id. Without USAGE_SALT the file keeps a salt of its own (so choices outlive a
    restart); a configured salt is better kept apart from the hashes. A file of an older version, keyed by raw ids, is
    converted on opening."""

    def __init__(self, path: Path, salt: str = "") -> None:
        self.lock = threading.Lock()
        self.db = sqlite3.connect(private_file(path), check_same_thread=False)
        self.db.execute("create table if not exists choice (user_hash text primary key, lang text not null)")
        self.db.execute("create table if not exists meta (name text primary key, value text not null)")
        if not salt:
            self.db.execute("insert or ignore into meta values ('salt', ?)", (secrets.token_hex(16),))
            salt = self.db.execute("select value from meta where name = 'salt'").fetchone()[0]
        self.salt = salt
        old = self.db.execute("select 1 from sqlite_master where type = 'table' and name = 'language'").fetchone()
        if old:
            self.db.executemany("insert or replace into choice values (?, ?)", [
                (salted_hash(salt, user_id), lang) for user_id, lang in self.db.execute("select * from language")])
            self.db.execute("drop table language")
        self.db.commit()

    async def get(self, user_id: int) -> str | None:
        with self.lock:
            row = self.db.execute("select lang from choice where user_hash = ?",
                                  (salted_hash(self.salt, user_id),)).fetchone()
        return row[0] if row else None

    async def set(self, user_id: int, lang: str) -> None:
        with self.lock:
            self.db.execute("insert or replace into choice values (?, ?)", (salted_hash(self.salt, user_id), lang))
            self.db.commit()


class StorageLanguageStore:
    """Language choices in the FSM storage (Redis): shared by every replica, under a salted hash of the user id
    (a 56-bit number, as storage keys take numbers), never the id."""

    def __init__(self, storage: BaseStorage, bot_id: int, salt: str = "") -> None:
        self.storage = storage
        self.bot_id = bot_id
        self.salt = process_salt(salt, "language choices")

    def key(self, user_id: int) -> StorageKey:
        hashed = int(salted_hash(self.salt, user_id, size=7), 16)
        return StorageKey(bot_id=self.bot_id, chat_id=hashed, user_id=hashed, destiny="lang")

    async def get(self, user_id: int) -> str | None:
        return (await self.storage.get_data(self.key(user_id))).get("lang")

    async def set(self, user_id: int, lang: str) -> None:
        await self.storage.update_data(self.key(user_id), {"lang": lang})


class LanguageMiddleware(I18nMiddleware):
    """Sets the gettext locale per update; puts `lang` and `lang_chosen` (bool) into handler data."""

    def __init__(self, i18n: I18n, store: LanguageStore) -> None:
        super().__init__(i18n)
        self.store = store

    async def resolve(self, user: User | None) -> tuple[str, bool]:
        if user is None:
            return DEFAULT_LANG, False
        chosen = await self.store.get(user.id)
        if chosen in LANGS:
            return chosen, True
        return telegram_lang(user.language_code) or DEFAULT_LANG, False

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        lang, chosen = await self.resolve(data.get("event_from_user"))
        data["lang"] = lang
        data["lang_chosen"] = chosen
        return lang

    async def set_locale(self, user_id: int, lang: str) -> None:
        await self.store.set(user_id, lang)
        self.i18n.current_locale = lang

