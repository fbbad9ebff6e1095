"""Russian words by the dictionary (pymorphy3 with its OpenCorpora dictionary): a word's dictionary form and part of
speech. Read through knowledge.text, the one text module, which keys a Russian word by its dictionary form: its
inflections are irregular enough ("медсестрой", "психологами", "селе") that a dictionary reads them better than
endings do."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

_RUSSIAN_WORD = re.compile(r"[а-яё]{3,}")  # Kazakh letters make a word Kazakh: it never reaches the dictionary
_VERB_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


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
    morph = _analyzer()
    if not morph.word_is_known(word):
        return None
    parse = morph.parse(word)[0]
    return parse.normal_form.replace("ё", "е"), str(parse.tag.POS)


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
