"""The words the metamorphic questions are made of, all read from the project's data: service and criterion names
(Kazakh from the knowledge base, Russian and English from the alias table), setting, area and position words from
the glossary data file, jurisdiction names from the manifest (as the base was built with it).

Nothing here is written for one row: a new decree, alias or glossary line changes the questions by itself.
"""

from __future__ import annotations

import re
import sqlite3
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.answer.aliases import aliases_by_lang, concept_key
from knowledge.domain import Jurisdiction
from knowledge.kb import load_jurisdictions
from knowledge.text import loose, tokens

GLOSSARY_PATH = PACKAGE_DIR / "data" / "glossary.toml"
LANGS = ("kk", "ru", "en")
_LATIN = re.compile(r"[a-zäöüūıñşçğ]", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яёәіңғүұқөһ]", re.IGNORECASE)
_KAZAKH = re.compile(r"[әіңғүұқөһ]", re.IGNORECASE)
COMPLETION_SLACK = 4  # a stem ("медсестр*") is completed by a word at most this much longer ("медсестры")

Aliases = dict[tuple, dict[str, list[str]]]


def alias_names(aliases: Aliases, kind: str, row: dict) -> dict[str, list[str]]:
    """The ru/en names of one service or criterion row: the one place that knows how the alias table is keyed (by
    concept: the kind and the key of the Kazakh name as printed)."""
    name = row.get("service") if kind == "service" else row.get("criterion")
    return aliases.get(concept_key(kind, name or ""), {})


def native(text: str, lang: str) -> bool:
    """Written in the script of its language: Cyrillic for kk and ru, Latin for en (the glossary also lists Latin
    spellings of Kazakh words; those are what the Latin perturbation makes, not the plain question)."""
    if lang == "en":
        return not _CYRILLIC.search(text)
    return not _LATIN.search(text)


@dataclass
class Vocabulary:
    glossary: dict  # glossary.toml as read
    jurisdictions: dict[str, Jurisdiction]
    aliases: Aliases
    kb_positions: list[str]  # distinct position names of the tariff table
    texts: dict[str, list[list[str]]] = field(default_factory=dict)  # lang → its names as words, to complete stems
    _terms: dict[tuple[str, str, str], str | None] = field(default_factory=dict, repr=False)  # term, remembered
    _keys: dict[str, str | None] = field(default_factory=dict, repr=False)  # position_key, remembered
    _has: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)  # has_position, remembered

    @classmethod
    def load(cls, db: sqlite3.Connection, glossary_path: Path = GLOSSARY_PATH, aliases: Aliases | None = None
             ) -> Vocabulary:
        glossary = tomllib.loads(Path(glossary_path).read_text(encoding="utf-8"))
        aliases = aliases_by_lang() if aliases is None else aliases
        positions = [row[0] for row in db.execute("select distinct position from tariffs order by position")]
        texts: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
        for query in ("select distinct service from tariffs", "select distinct category from tariffs",
                      "select criterion from criteria", "select distinct position from tariffs"):
            for (text,) in db.execute(query):
                texts["kk"].append(tokens(text or ""))
                if not _KAZAKH.search(text or ""):  # a few names are printed in Russian ("Медицинская сестра")
                    texts["ru"].append(tokens(text or ""))
        for names in aliases.values():
            for lang in ("ru", "en"):
                texts[lang] += [tokens(name) for name in names.get(lang, [])]
        return cls(glossary, load_jurisdictions(db), aliases, positions, texts)

    # ------------------------------------------------------------------ names of things

    def names(self, kind: str, row: dict, kazakh: str) -> dict[str, list[str]]:
        """Every name of a row per language: its Kazakh text as printed, then the aliases."""
        found = {"kk": [kazakh]}
        for lang, names in alias_names(self.aliases, kind, row).items():
            found[lang] = list(names)
        return found

    # ------------------------------------------------------------------ glossary words

    def term(self, category: str, key: str, lang: str) -> str | None:
        """The glossary's first term for a key in a language, in that language's script, as people write it: a
        whole-word term as listed, a stem ("медицинск* сестр*") as the commonest words of the names that it
        matches ("медицинская сестра"). A stem no name attests is passed over: a bare stem is no word."""
        if (category, key, lang) not in self._terms:
            terms = [t for t in self.glossary.get(category, {}).get(key, {}).get(lang, []) if native(t, lang)]
            found = (t if "*" not in t else self.attested(t, lang) for t in terms)
            self._terms[(category, key, lang)] = next((t for t in found if t), None)
        return self._terms[(category, key, lang)]

    def attested(self, term: str, lang: str) -> str | None:
        """A run of words of the names of a language that the term's words match (a word ending in "*" matches
        words starting with it, at most COMPLETION_SLACK letters longer)."""
        pattern = [(w[:-1], True) if w.endswith("*") else (w, False) for w in term.casefold().split()]
        seen: Counter = Counter()
        for words in self.texts.get(lang, []):
            for start in range(len(words) - len(pattern) + 1):
                run = words[start:start + len(pattern)]
                if all(w.startswith(p) and len(w) <= len(p) + COMPLETION_SLACK if star else w == p
                       for w, (p, star) in zip(run, pattern, strict=True)):
                    seen[" ".join(run)] += 1
        # the stem itself when the names use it as a word ("заңгер", not the commoner "заңгерлік"), else the commonest
        bare = " ".join(p for p, _ in pattern)
        return min(seen, key=lambda run: (run != bare, -seen[run], len(run), run)) if seen else None

    def setting(self, key: str, lang: str) -> str | None:
        return self.term("settings", key, lang)

    def area(self, key: str, lang: str) -> str | None:
        return self.term("areas", key, lang)

    def position(self, key: str, lang: str) -> str | None:
        return self.term("positions", key, lang)

    def jurisdiction(self, code: str, lang: str, short: bool = False) -> str:
        place = self.jurisdictions[code]
        return place.short(lang) if short else place.name(lang)

    # ------------------------------------------------------------------ positions of the tariff table

    def position_kb(self, key: str) -> tuple[str, ...]:
        """Loose pieces of the base's (Kazakh) position names that the glossary position covers."""
        pieces = self.glossary.get("positions", {}).get(key, {}).get("kb", [])
        return tuple(" ".join(loose(t) for t in tokens(piece)) for piece in pieces)

    def has_position(self, kb_position: str, key: str) -> bool:
        """Whether a base position name is the glossary position `key` (as the engine reads the glossary)."""
        if (kb_position, key) not in self._has:
            name = " ".join(loose(t) for t in tokens(kb_position or ""))
            self._has[(kb_position, key)] = any(piece and piece in name for piece in self.position_kb(key))
        return self._has[(kb_position, key)]

    def position_key(self, kb_position: str) -> str | None:
        """The glossary position a base position name is, the most specific one when several cover it ("Массаж
        жасау жөніндегі мейіргер" is the massage nurse, not any nurse): the one covering fewest names of the base."""
        if kb_position not in self._keys:
            keys = [key for key in self.glossary.get("positions", {}) if self.has_position(kb_position, key)]
            breadth = {key: sum(self.has_position(name, key) for name in self.kb_positions) for key in keys}
            self._keys[kb_position] = min(keys, key=lambda key: (breadth[key], keys.index(key))) if keys else None
        return self._keys[kb_position]
