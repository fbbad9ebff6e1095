"""Russian words by the dictionary (pymorphy3 with its OpenCorpora dictionary): a word's dictionary form and part of
speech. Read through knowledge.text, the one text module, which keys a Russian word by its dictionary form: its
inflections are irregular enough ("медсестрой", "психологами", "селе") that a dictionary reads them better than
endings do."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_RUSSIAN_WORD = re.compile(r"[а-яё]{3,}")  # Kazakh letters make a word Kazakh: it never reaches the dictionary
_VERB_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
# What the dictionary said of words before (`remember`: the knowledge base stores it for the words it names), so that
# opening the base neither loads the dictionary nor looks its names up again; a question's new word still does.
_LOOKED_UP: dict[str, tuple[str, str] | None] = {}


@lru_cache(maxsize=1)
def _analyzer():  # noqa: ANN202 - pymorphy3's type, imported lazily
    # created once, on the first Russian word: loading the dictionary takes ~0.1 s that no Kazakh-only use pays
    import pymorphy3

    # its "Loading dictionaries from ..." notes would land in the bot's and the CLI's INFO logs and error output
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def _russian(word: str) -> tuple[str, str] | None:
    """(dictionary form, part of speech) of a case-folded Cyrillic word the Russian dictionary knows; else None."""
    if not _RUSSIAN_WORD.fullmatch(word):
        return None
    if word in _LOOKED_UP:
        return _LOOKED_UP[word]
    parses = _parses(word)
    if not parses:
        return None
    return parses[0].normal_form.replace("ё", "е"), str(parses[0].tag.POS)


def _parses(word: str) -> list:
    """The dictionary's readings of a case-folded Russian word, likeliest first; [] for a word it does not know."""
    morph = _analyzer()
    return morph.parse(word) if morph.word_is_known(word) else []


def looked_up(words: Iterable[str]) -> dict[str, tuple[str, str] | None]:
    """What the dictionary says of each Russian-looking word of `words` ((dictionary form, part of speech), None for
    one it does not know), to be stored and given to `remember` later."""
    return {word: _russian(word) for word in dict.fromkeys(words) if _RUSSIAN_WORD.fullmatch(word)}


def remember(found: dict[str, tuple[str, str] | None]) -> None:
    """Look-ups made before by `looked_up` under the same `version()`: taken as they are."""
    _LOOKED_UP.update(found)


def version() -> str:
    """This module's code and the dictionary's version: look-ups stored under another version are made again."""
    try:
        from pymorphy3_dicts_ru import __version__ as dictionary
    except ImportError:
        dictionary = ""
    return hashlib.sha256(Path(__file__).read_bytes() + str(dictionary).encode()).hexdigest()[:16]


def dictionary_form(word: str) -> str | None:
    """The dictionary form of a case-folded Cyrillic word; None for one the dictionary does not know."""
    found = _russian(word)
    return found[0] if found else None


def lemma(word: str) -> str | None:
    """The dictionary form of a Russian word ("медсестрой" → "медсестра", "селе" → "село"); None for a word with
    Kazakh letters, a Latin one or one the dictionary does not know."""
    return dictionary_form(word.casefold())


def russian_pos(word: str) -> str | None:
    """The part of speech of a Russian word the dictionary knows (OpenCorpora tags: NOUN, VERB, PRTS, ADJF...)."""
    found = _russian(word.casefold())
    return found[1] if found else None


def is_russian_verb(word: str) -> bool:
    """A Russian verb form (finite, infinitive, participle, gerund): "провели", "проводит", "обеспечено"."""
    return russian_pos(word) in _VERB_POS


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str | None:
    """The dictionary form of a Russian word read as a verb, when the dictionary reads it so at all ("мыла": "мыть",
    though "мыло" comes first; "пила": "пить"); None for a word with no verb reading. Asked only of a word after "не",
    where Russian puts its verbs: the dictionary is loaded for it if no word loaded it before."""
    word = word.casefold()
    if not _RUSSIAN_WORD.fullmatch(word):
        return None
    verbs = [p for p in _parses(word) if str(p.tag.POS) in _VERB_POS]
    return verbs[0].normal_form.replace("ё", "е") if verbs else None
