"""One set of catalogues and one formatter for every text a person reads: the engine's labels and the bot's UI.

The template (locales/messages.pot) must match the code, every msgid must be translated in Kazakh and Russian,
compiling must not need the bot, and a concept (a setting, an area, a status) reads the same in both.
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from knowledge import i18n
from knowledge.answer.compose import ACT_TYPES, LABELS, label
from knowledge.i18n import catalogue_messages, compile_catalogues, date, money, number

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
TEMPLATE = LOCALES / "messages.pot"
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def catalogue(lang: str) -> dict[str, tuple[str, bool]]:
    path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
    return {msgid: (text, fuzzy) for msgid, text, fuzzy in catalogue_messages(path)}


def template_msgids(path: Path = TEMPLATE) -> set[str]:
    with path.open("rb") as template:
        return {str(message.id if isinstance(message.id, str) else message.id[0]) for message in read_po(template)
                if message.id}


def test_template_is_up_to_date_with_the_code(tmp_path):
    """`make messages` was run after the last text change: extracting now gives the committed msgids."""
    fresh = tmp_path / "messages.pot"
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        CommandLineInterface().run(["pybabel", "-q", "extract", "-F", "babel.cfg", "-o", str(fresh), "knowledge", "bot"])
    finally:
        os.chdir(cwd)
    extracted, committed = template_msgids(fresh), template_msgids()
    assert not extracted - committed, f"run `make messages`: new msgids {sorted(extracted - committed)}"
    assert not committed - extracted, f"run `make messages`: msgids no longer used {sorted(committed - extracted)}"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_catalogue_holds_the_template(lang):
    assert template_msgids() <= set(catalogue(lang)), f"run `make messages` ({lang})"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_msgid_is_translated(lang):
    messages = catalogue(lang)
    missing = [msgid for msgid in template_msgids() if not messages[msgid][0].strip()]
    assert not missing, f"{lang}: not translated: {missing}"
    fuzzy = [msgid for msgid, (_, is_fuzzy) in messages.items() if is_fuzzy]
    assert not fuzzy, f"{lang}: fuzzy translations (compiled as English) to review: {fuzzy}"
    left_in_english = [msgid for msgid, (text, _) in messages.items() if text == msgid]
    assert not left_in_english, f"{lang}: left in English: {left_in_english}"
    english_words = [text for text, _ in messages.values()
                     if re.search(r"\b(the|and|please|with|for)\b", re.sub(r"/\w+|\{[^}]*\}", "", text))]
    assert not english_words, f"{lang}: English words in translations: {english_words}"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_translations_keep_the_placeholders(lang):
    for msgid, (text, _) in catalogue(lang).items():
        if text:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(msgid)), (lang, msgid)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_key_resolves(key, lang):
    text = label(key, lang)
    assert text.strip()
    assert text == LABELS[key] if lang == "en" else text != LABELS[key]  # English is the msgid
    placeholders = {name.strip("{}"): "x" for name in PLACEHOLDER.findall(LABELS[key])}
    assert "{" not in text.format(**placeholders)


def test_an_unknown_label_key_reads_as_itself():
    assert label("no such key", "kk") == "no such key"


def test_labels_read_in_the_reply_language():
    assert label("home", "kk") == "үйде қызмет көрсету"
    assert label("home", "ru") == "надомное обслуживание"
    assert label("home", "en") == "home care"
    assert label("repealed", "kk") == "күші жойылған"
    assert label("same_for_year", "ru").format(year=2025) == "Тариф на 2025 год"
    assert i18n.gettext("ru", ACT_TYPES["decree"]) == "постановление"


@pytest.mark.parametrize(("lang", "expected"), [("kk", "1\u00a0263,60\u00a0₸"), ("ru", "1\u00a0263,60\u00a0₸"),
                                                ("en", "1,263.60\u00a0₸")])
def test_money(lang, expected):
    assert money(1263.6, lang) == expected
    assert money(None, lang) == "—"
    assert money(0, lang) == {"kk": "тариф белгіленбеген", "ru": "тариф не установлен", "en": "no tariff set"}[lang]


@pytest.mark.parametrize(("lang", "half", "thousands"), [("kk", "0,5", "1\u00a0250"), ("ru", "0,5", "1\u00a0250"),
                                                         ("en", "0.5", "1,250")])
def test_number(lang, half, thousands):
    assert number(0.5, lang) == half
    assert number(1250, lang) == thousands


@pytest.mark.parametrize(("lang", "expected"), [("kk", "2025 жылғы 25 желтоқсан"), ("ru", "25 декабря 2025\u202fг."),
                                                ("en", "December 25, 2025")])
def test_date(lang, expected):
    assert date(dt.date(2025, 12, 25), lang) == expected
    assert date("2025-12-25", lang) == expected
    assert date("not a date", lang) == "not a date"
    assert date(None, lang) == ""


def test_compiling_writes_only_changed_catalogues(tmp_path):
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales, ignore=shutil.ignore_patterns("*.mo"))
    written = compile_catalogues(locales)
    assert sorted(path.parent.parent.name for path in written) == ["en", "kk", "ru"]
    assert compile_catalogues(locales) == []
    russian = locales / "ru" / "LC_MESSAGES" / "messages.po"
    later = russian.with_suffix(".mo").stat().st_mtime + 10
    os.utime(russian, (later, later))
    assert compile_catalogues(locales) == [russian.with_suffix(".mo")]
    with russian.with_suffix(".mo").open("rb") as compiled:
        assert gettext.GNUTranslations(compiled).gettext("Choose the language:") == "Выберите язык:"


def test_loading_compiles_a_missing_catalogue(tmp_path):
    shutil.copytree(LOCALES, tmp_path / "locales", ignore=shutil.ignore_patterns("*.mo"))
    assert i18n.translations("kk", tmp_path / "locales").gettext("home care") == "үйде қызмет көрсету"
    assert (tmp_path / "locales" / "kk" / "LC_MESSAGES" / "messages.mo").exists()
    assert i18n.translations("de", tmp_path / "locales").gettext("home care") == "home care"


def test_plural_messages(tmp_path):
    po = tmp_path / "ru" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    plural_forms = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    po.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Plural-Forms: {plural_forms}\\n"\n\n'
                  'msgid "{n} row"\nmsgid_plural "{n} rows"\nmsgstr[0] "{n} строка"\nmsgstr[1] "{n} строки"\n'
                  'msgstr[2] "{n} строк"\n', encoding="utf-8")
    russian = i18n.translations("ru", tmp_path)
    assert [russian.ngettext("{n} row", "{n} rows", n).format(n=n) for n in (1, 3, 5)] == [
        "1 строка", "3 строки", "5 строк"]
    assert i18n.ngettext("en", "{n} row", "{n} rows", 2) == "{n} rows"


def test_compiling_does_not_import_the_bot(tmp_path):
    shutil.copytree(LOCALES, tmp_path / "locales", ignore=shutil.ignore_patterns("*.mo"))
    code = ("import sys; from knowledge.desk.cli import main; "
            "main(['locales', 'compile']); from knowledge.i18n import money; money(1.5, 'kk'); "
            # the bot's command registration (bot.cli: argparse only) is read to build the parser; nothing else of it
            "assert not [m for m in sys.modules if m.split('.')[0] == 'aiogram' or "
            "m.startswith('bot.') and m != 'bot.cli'], sorted(sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "LOCALES_DIR": str(tmp_path / "locales")}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "compiled" in result.stdout and (tmp_path / "locales" / "kk" / "LC_MESSAGES" / "messages.mo").exists()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_one_wording_per_concept_in_engine_and_bot(lang):
    """A setting, area, jurisdiction, degree, status or unit reads the same in the engine's text and the bot's cards
    and buttons; the bot's own gettext (aiogram) reads the same catalogues."""
    from bot import labels
    from bot.i18n import make_i18n
    from bot.render import money as bot_money

    bot_i18n = make_i18n(LOCALES)
    with bot_i18n.context(), bot_i18n.use_locale(lang):
        assert labels.setting_name("home") == label("home", lang)
        for code in ("stationary", "semi_stationary", "temporary"):
            assert labels.setting_name(code) == label(code, lang)
        assert [labels.area_name(code) for code in ("city", "rural")] == [label("city", lang), label("rural", lang)]
        assert labels.degree_name("significant") == label("significant", lang)
        assert labels.status_name("repealed") == label("repealed", lang)
        assert labels.unit_name("day") == label("day", lang)
        assert bot_money(1263.6) == money(1263.6, lang) and bot_money(0) == money(0, lang)
        assert bot_i18n.gettext("home care") == label("home", lang)
        assert bot_i18n.gettext("annex {annex}") == i18n.gettext(lang, "annex {annex}")


def test_the_retired_kazakh_wordings_are_gone():
    kazakh = " ".join(text for text, _ in catalogue("kk").values())
    assert "үйде күтім" not in kazakh and "күшін жойған" not in kazakh
    russian = " ".join(text for text, _ in catalogue("ru").values())
    assert "уход на дому" not in russian
