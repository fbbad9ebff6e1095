"""How the desk shows a cell and reads a search: codes as words in Kazakh and Russian, rates as money with 0 as "no
tariff", and a search box that matches word beginnings and never makes an SQL error. Pure functions; the Datasette
hooks in `knowledge/desk/site/plugins/desk.py` only call them."""

from __future__ import annotations

import re

from knowledge.answer.compose import LABELS, label
from knowledge.i18n import money, money_change
from knowledge.text import dictionary_key, key

DESK_LANGS = ("kk", "ru")
TARIFF_TABLES = frozenset({"tariffs", "tariffs_city_vs_rural", "tariffs_across_settings",
                           "tariffs_across_jurisdictions", "tariffs_across_years"})
# Numeric columns of the tariff tables and views that are not tenge (every other number there is a rate).
NOT_MONEY = frozenset({"id", "annex", "item", "year", "line_start", "line_end", "flagged", "item_inferred",
                       "settings", "jurisdictions", "years", "difference_percent"})
CODED = {"setting", "unit", "status", "degree"}  # columns holding a code that LABELS names
CHANGE = re.compile(r"(^difference$|_change_\d{4}$)")


def both(key: str) -> str:
    """A label in Kazakh and Russian: "жартылай стационар / полустационар"."""
    return " / ".join(dict.fromkeys(label(key, lang) for lang in DESK_LANGS))


def rate_text(value: float | int, signed: bool = False) -> str:
    """903.0 → "903,00 ₸"; 0 → "тариф белгіленбеген / тариф не установлен" (a rate of 0 is no tariff, not free); a
    difference keeps its sign and its zero."""
    if signed:
        return money_change(value, "ru")
    if float(value) == 0:
        return " / ".join(money(0, lang) for lang in DESK_LANGS)
    return money(value, "ru")


def cell_text(table: str | None, column: str, value: object, places: dict[str, str],
              acts: dict[str, str] | None = None) -> str | None:
    """The text a desk cell shows, or None to leave Datasette's own. `places`: jurisdiction code → its words;
    `acts`: document id → its act in words."""
    if value is None or isinstance(value, bytes):
        return None
    if column == "jurisdiction" and isinstance(value, str) and value in places:
        return places[value]
    if column == "document" and acts and isinstance(value, str) and value in acts:
        return acts[value]
    if column in CODED and isinstance(value, str) and value in LABELS:
        return both(value)
    if (table in TARIFF_TABLES and column not in NOT_MONEY and isinstance(value, int | float)
            and not isinstance(value, bool)):
        return rate_text(value, signed=bool(CHANGE.search(column)))
    return None


def place_names(rows: list[tuple[str, str, str]]) -> dict[str, str]:
    """(code, name_kk, name_ru) rows of `jurisdictions` → code → "Бөрлі ауданы / Бурлинский район"."""
    return {code: " / ".join(dict.fromkeys(n for n in (kk, ru) if n)) or code for code, kk, ru in rows}


def act_names(documents: list[dict]) -> dict[str, str]:
    """Rows of `documents` → id → "000 · № 286, 2025-12-25": the manifest id a filter uses, then the number and
    date a clerk cites the act by (short: it stands in every row; the documents table has the full titles)."""
    return {d["id"]: f"{d['id']} · № {d['number']}, {d['date']}" for d in documents}


WORD = re.compile(r"\w+", re.UNICODE)
# Russian endings dropped before a prefix search, longest first, so "массажа", "полустационаре", "белья" find the
# forms the search text holds ("массаж", "полустационар", "белье"). Kazakh and English words are searched as typed.
RU_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие",
              "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ья", "ье", "ью", "а", "я", "о", "е", "ы", "и", "у",
              "ю", "ь")
RUSSIAN_ONLY = re.compile(r"^[а-яё]+$")
# Prepositions and conjunctions a clerk types around the words ("массаж в полустационаре", "care at home"): every
# word must match, and these stand in few names, so they are left out of the search.
FUNCTION_WORDS = frozenset({"в", "во", "на", "и", "с", "со", "по", "для", "от", "до", "к", "у", "о", "об", "из", "за",
                            "a", "an", "the", "of", "in", "at", "and", "for", "to", "on", "by", "or"})


def search_word(word: str) -> str:
    word = word.lower()
    if RUSSIAN_ONLY.match(word) and len(word) >= 5:
        for ending in RU_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[: -len(ending)]
    return word


MIN_KEY = 4  # a shorter key ("уи" of "uide") would match too many words


def search_term(word: str) -> str:
    """One word of the search box as an FTS5 term: the word's beginning, or its search key's (the build indexes the
    keys of the Kazakh names: "киімдерді" and "massazh" meet "киімді" and "массаж" through "киим", "массаж")."""
    typed = search_word(word)
    # A Russian word the dictionary knows keeps its own beginning only: its key folds letters ("грубое" → "груп")
    # and would meet unrelated Kazakh keys; Russian names are indexed as written (the aliases).
    russian = RUSSIAN_ONLY.match(word.lower()) and dictionary_key(word) is not None
    stemmed = "" if russian else key(word)
    if len(stemmed) >= MIN_KEY and stemmed != typed:
        return f'("{typed}"* OR "{stemmed}"*)'
    return f'"{typed}"*'


def fts_query(text: str) -> str:
    """A search box's text → an FTS5 query: every word must begin a word of the row ("массаж полустационар" →
    `"массаж"* AND "полустационар"*`). Only letters and digits pass, each word quoted, so no input is an SQL error;
    no word at all matches nothing."""
    words = [w for w in WORD.findall(text or "") if w.lower() not in FUNCTION_WORDS]
    return " AND ".join(search_term(w) for w in words) or '""'
