"""The catalogues: every UI string translated in kk and ru (and not left in English), and they compile."""

from __future__ import annotations

import gettext
import re
import shutil

import pytest
from aiogram.fsm.storage.memory import MemoryStorage

from bot.config import ROOT, load_config
from bot.i18n import StorageLanguageStore, catalogue_msgids, compile_catalogues, telegram_lang

LOCALES = ROOT / "locales"
# Strings that are the same in every language by nature (codes, a proper name, a number format).
SAME_EVERYWHERE = {"Tariff"}


def msgids_in_code() -> set[str]:
    """Every string the bot code passes to gettext (`_("...")`), so no catalogue can miss one."""
    found = set()
    for path in (ROOT / "bot").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r'_\(\s*((?:"[^"]*"\s*)+)\)', source):
            found.add("".join(re.findall(r'"([^"]*)"', match.group(1))))
    return found


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_msgid_is_translated(lang):
    messages = dict(catalogue_msgids(LOCALES / lang / "LC_MESSAGES" / "messages.po"))
    missing = msgids_in_code() - set(messages)
    assert not missing, f"{lang}: not in the catalogue: {sorted(missing)}"
    empty = [msgid for msgid, text in messages.items() if not text.strip()]
    assert not empty, f"{lang}: empty translations: {empty}"
    if lang != "en":
        untranslated = [msgid for msgid, text in messages.items() if text == msgid and msgid not in SAME_EVERYWHERE]
        assert not untranslated, f"{lang}: left in English: {untranslated}"
        latin_words = [text for text in messages.values()
                       if re.search(r"\b(the|and|please|with|for)\b", re.sub(r"/\w+|\{[^}]*\}", "", text))]
        assert not latin_words, f"{lang}: English words in translations: {latin_words}"
    for msgid, text in messages.items():
        assert re.findall(r"\{[^}]*\}", msgid) == re.findall(r"\{[^}]*\}", text), (lang, msgid)


def test_catalogues_compile(tmp_path):
    shutil.copytree(LOCALES, tmp_path / "locales", ignore=shutil.ignore_patterns("*.mo"))
    written = compile_catalogues(tmp_path / "locales")
    assert sorted(path.parent.parent.name for path in written) == ["en", "kk", "ru"]
    russian = gettext.GNUTranslations((tmp_path / "locales/ru/LC_MESSAGES/messages.mo").open("rb"))
    assert russian.gettext("Choose the language:") == "Выберите язык:"


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
    store, other_replica = StorageLanguageStore(storage, 123), StorageLanguageStore(storage, 123)
    await store.set(5, "ru")
    assert await other_replica.get(5) == "ru" and await other_replica.get(6) is None
