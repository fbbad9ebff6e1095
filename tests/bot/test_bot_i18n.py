"""The bot's languages: Telegram's codes, the settings, the stored choice, and aiogram reading the shared catalogues
(their completeness and compiling are tested in test_i18n.py)."""

from __future__ import annotations

import shutil

import pytest
from aiogram.fsm.storage.memory import MemoryStorage

from bot.config import ROOT, load_config
from bot.i18n import StorageLanguageStore, make_i18n, telegram_lang

LOCALES = ROOT / "locales"


def test_the_bot_compiles_missing_catalogues_and_reads_them(tmp_path):
    shutil.copytree(LOCALES, tmp_path / "locales", ignore=shutil.ignore_patterns("*.mo"))
    i18n = make_i18n(tmp_path / "locales")
    assert sorted(path.parent.parent.name for path in (tmp_path / "locales").glob("*/LC_MESSAGES/messages.mo")) == [
        "en", "kk", "ru"]
    with i18n.context(), i18n.use_locale("ru"):
        assert i18n.gettext("Choose the language:") == "Выберите язык:"
    with i18n.context(), i18n.use_locale("en"):
        assert i18n.gettext("Choose the language:") == "Choose the language:"  # English: the msgid


@pytest.mark.parametrize(("code", "lang"), [("ru", "ru"), ("kk", "kk"), ("en-US", "en"), ("uk", None), (None, None)])
def test_telegram_language_codes(code, lang):
    assert telegram_lang(code) == lang


def test_config_from_environment():
    config = load_config({"BOT_TOKEN": "1:A", "ADMIN_IDS": "5, 7", "USAGE_LOG": "off", "WEBHOOK_URL":
                          "https://bot.example.kz/tg/hook", "THROTTLE_BURST": "3"}, dotenv=False)
    assert config.admin_ids == {5, 7} and config.usage_log is None and config.throttle_burst == 3
    assert config.webhook_path == "/tg/hook" and config.redis_url is None
    assert load_config({}, dotenv=False).usage_log.name == "usage.sqlite"


async def test_language_choice_in_fsm_storage_is_per_user():
    """The Redis path (several replicas) stores choices in the FSM storage; MemoryStorage has the same API."""
    storage = MemoryStorage()
    # Replicas share USAGE_SALT (required with Redis): the same user is the same hashed key on each.
    store, other_replica = StorageLanguageStore(storage, 123, "salt"), StorageLanguageStore(storage, 123, "salt")
    await store.set(5, "ru")
    assert await other_replica.get(5) == "ru" and await other_replica.get(6) is None
    assert all(5 not in (key.chat_id, key.user_id) for key in storage.storage)  # no raw user id in the keys
