"""Who a service is for, when its name says it (children, adults): a question naming one group is never answered
with a service named for the other one only. The words are data: knowledge/data/groups.toml."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.answer.index import Target
from knowledge.text import loose, loose_words

GROUPS_PATH = PACKAGE_DIR / "data" / "groups.toml"


@lru_cache(maxsize=2)
def _patterns(path: Path = GROUPS_PATH) -> dict[str, tuple[str, ...]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {group: tuple(loose(w.rstrip("*")) + ("*" if w.endswith("*") else "")
                         for lang in ("kk", "ru", "en") for w in words.get(lang, []))
            for group, words in data.items()}


def _says(word: str, pattern: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


@lru_cache(maxsize=16384)
def named(text: str) -> frozenset[str]:
    """The groups a text names."""
    return frozenset().union(*(_named_by(w) for w in loose_words(text)))


@lru_cache(maxsize=16384)
def _named_by(word: str) -> frozenset[str]:
    """The groups one loose word names (a text's words recur across names and questions: each is read once)."""
    return frozenset(group for group, patterns in _by_first_letter().get(word[:1], {}).items()
                     if any(_says(word, p) for p in patterns))


@lru_cache(maxsize=2)
def _by_first_letter(path: Path = GROUPS_PATH) -> dict[str, dict[str, tuple[str, ...]]]:
    """Each group's patterns by their first letter: a word is compared with the patterns it can be only."""
    found: dict[str, dict[str, list[str]]] = {}
    for group, patterns in _patterns(path).items():
        for pattern in patterns:
            found.setdefault(pattern[:1], {}).setdefault(group, []).append(pattern)
    return {head: {group: tuple(p) for group, p in groups.items()} for head, groups in found.items()}


def for_other_group(target: Target, asked: frozenset[str]) -> bool:
    """Whether a service's name (as printed, or a reviewed alias) names only groups other than the one asked."""
    if len(asked) != 1:
        return False
    said = frozenset().union(*(named(name) for name in target.names))
    return bool(said) and not said & asked
