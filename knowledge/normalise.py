"""Text normalisation for PDF-converted legal text, and search keys for names and questions.

Two jobs, kept apart:
- clean text for people and citations (`clean`, `join_cell`): broken words re-joined, letter-spacing collapsed,
  quotes/dashes/spaces normalised;
- search keys for matching (`search_key`, `key_tokens`): case-folded, punctuation-free, lightly stemmed.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "’": "'", "‘": "'", "`": "'"})
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def fold(text: str) -> str:
    """Unicode-normalise quotes, dashes, spaces and "ё" without changing case or words."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text).replace("ё", "е").replace("Ё", "Е")
    return _SPACES.sub(" ", text)


def clean(text: str) -> str:
    """One clean line of text: folded, single-spaced, trimmed."""
    return fold(text).strip()


def join_cell(lines: list[str]) -> str:
    """Join the wrapped lines of one table cell or paragraph into clean text.

    Re-joins words broken across lines without a hyphen, keeps real hyphens and word boundaries,
    collapses letter-spaced words.
    """
    return clean(" ".join(line.strip() for line in lines if line.strip()))


_TOKEN = re.compile(r"[0-9a-zа-яәіңғүұқөһё]+", re.IGNORECASE)


def key_tokens(text: str) -> list[str]:
    """Search-key tokens: case-folded, punctuation-free, lightly stemmed."""
    return _TOKEN.findall(fold(text).casefold())


def search_key(text: str) -> str:
    """The search key of any text (names, questions): tokens joined by single spaces."""
    return " ".join(key_tokens(text))
