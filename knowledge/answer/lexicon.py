"""A word-level Kazakh → Russian / English lexicon of the domain, to give any Kazakh name searchable ru/en names.

`data/lexicon.tsv` maps Kazakh words and set phrases of the service, criterion and requirement names ("мейіргер",
"кір жуу", "дәрігерге дейінгі көмек") to Russian and English words ("медсестра" / "nurse", "стирка белья" /
"laundry"). Entries are matched by the Kazakh search keys of their words (`word_key`), so every inflection and
spelling of a word is one entry; the longest phrase wins. Rendering a name word by word gives a rough Russian and
English name that search can match, for a service no reviewed alias row names yet (a new district's decree). It is
never shown: replies show the Kazakh name as printed, or a reviewed alias.

Function words ("және", "бойынша") are entries too, with "-" for both renderings: known, so they count as understood,
but not rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.answer.tables import tsv_rows
from knowledge.text import key, keys, loose, tokens

LEXICON_PATH = PACKAGE_DIR / "data" / "lexicon.tsv"
HEADER = ("kk", "ru", "en")
LANGS = ("ru", "en")
NOT_RENDERED = "-"
# Share of a name's words the lexicon must know for the rendering to stand for the name (the rest are names of
# things the lexicon lacks: such a rendering still helps search, but the name counts as reachable in Kazakh only).
MIN_KNOWN = 0.5

WordKey = tuple[str, ...]  # the search keys of an entry's Kazakh words


def word_key(token: str) -> str:
    """The search key of a Kazakh word by the Kazakh rule stem (knowledge.text `keys`, its last key), never by the
    Russian dictionary: entries and the names they render are Kazakh, and a Kazakh word typed without Kazakh letters
    that spells a Russian one ("беру", "ету") must key like its own inflections ("беруге", "етуді"), not like the
    Russian word's dictionary form ("брать", "этот")."""
    return keys(token)[-1]


@dataclass(frozen=True)
class Entry:
    kk: str  # a Kazakh word or set phrase, as printed
    ru: tuple[str, ...]  # Russian renderings, the usual one first; () for a function word
    en: tuple[str, ...]
    line: int = 0

    @property
    def key(self) -> WordKey:
        return tuple(word_key(t) for t in tokens(self.kk))

    def rendering(self, lang: str, choice: int = 0) -> str:
        """The `choice`-th rendering in `lang` (the first when there are fewer); "" for a function word."""
        found = self.ru if lang == "ru" else self.en
        return found[min(choice, len(found) - 1)] if found else ""


@dataclass(frozen=True)
class Rendering:
    names: dict[str, list[str]]  # lang → word-by-word names: the usual renderings, then the alternative ones
    known: int  # words of the name the lexicon knows (function words included)
    words: int  # words of the name (numbers left out)
    unknown: tuple[str, ...]  # the words it does not know, as printed

    @property
    def share(self) -> float:
        return self.known / self.words if self.words else 0.0

    @property
    def stands_for_name(self) -> bool:
        """Whether the rendering says most of what the name says, in both languages."""
        return self.share >= MIN_KNOWN and all(self.names.get(lang) for lang in LANGS)


class Lexicon:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries: dict[WordKey, Entry] = {}
        for entry in entries:
            self.entries.setdefault(entry.key, entry)
        self.longest = max((len(k) for k in self.entries), default=0)
        self._synonyms: dict[str, tuple[str, ...]] | None = None  # see `kazakh_of`, made when first asked

    def __len__(self) -> int:
        return len(self.entries)

    def kazakh_of(self, word: str) -> tuple[str, ...]:
        """The Kazakh words (loose) of the entries rendering `word` (any inflection or spelling) as a one-word
        Russian or English rendering: "поликлиника" → "денсаулық сақтау ұйымы". How a question word no name
        prints meets the Kazakh name that says it."""
        if self._synonyms is None:
            found: dict[str, list[str]] = {}
            for entry in self.entries.values():
                for rendering in (*entry.ru, *entry.en):
                    words = tokens(rendering)
                    if len(words) == 1:
                        kazakh = found.setdefault(key(words[0]), [])
                        kazakh += [w for w in map(loose, tokens(entry.kk)) if w not in kazakh]
            self._synonyms = {k: tuple(v) for k, v in found.items()}
        return self._synonyms.get(key(word), ())

    def match(self, text: str) -> list[tuple[str, Entry | None]]:
        """The words of `text` grouped by the longest entries they match, left to right: (the printed words, the
        entry or None). Numbers are left out."""
        words = [t for t in tokens(text) if not t.isdigit()]
        keyed = [word_key(t) for t in words]
        found: list[tuple[str, Entry | None]] = []
        start = 0
        while start < len(words):
            for size in range(min(self.longest, len(words) - start), 0, -1):
                entry = self.entries.get(tuple(keyed[start:start + size]))
                if entry is not None:
                    found.append((" ".join(words[start:start + size]), entry))
                    start += size
                    break
            else:
                found.append((words[start], None))
                start += 1
        return found

    def render(self, text: str) -> Rendering:
        """`text` word by word in Russian and English: per language the usual renderings joined, then, when some
        entry has another, the alternative ones; each word once."""
        matched = self.match(text)
        entries = [entry for _, entry in matched if entry is not None]
        names: dict[str, list[str]] = {}
        for lang in LANGS:
            variants: list[str] = []
            for choice in (0, 1):
                words = " ".join(entry.rendering(lang, choice) for entry in entries).split()
                variant = " ".join(dict.fromkeys(words))
                if variant and variant not in variants:
                    variants.append(variant)
            names[lang] = variants
        known = sum(len(printed.split()) for printed, entry in matched if entry is not None)
        unknown = tuple(printed for printed, entry in matched if entry is None)
        return Rendering(names, known, known + len(unknown), unknown)


def _parse_row(fields: list[str], line: int) -> Entry:
    def bad(why: str) -> ValueError:
        return ValueError(f"lexicon.tsv line {line}: {why}: {fields!r}")

    if len(fields) != len(HEADER):
        raise bad(f"expected {len(HEADER)} tab-separated fields, got {len(fields)}")
    if any(field != field.strip() or not field for field in fields):
        raise bad("empty field or leading/trailing white space")
    kk, ru, en = fields
    if not tokens(kk):
        raise bad("the Kazakh side has no words")
    renderings = []
    for text in (ru, en):
        parts = () if text == NOT_RENDERED else tuple(part.strip() for part in text.split(","))
        if any(not part for part in parts):
            raise bad("an empty rendering between commas")
        renderings.append(parts)
    if bool(renderings[0]) != bool(renderings[1]):
        raise bad(f"a function word is {NOT_RENDERED!r} in both languages, a word in neither")
    return Entry(kk, renderings[0], renderings[1], line)


def load_entries(path: Path | str | None = None) -> list[Entry]:
    """All entries in file order; raises ValueError naming the line of a bad row or of a second entry for the same
    Kazakh words (by key: "балалар" repeats "бала")."""
    path = Path(path) if path is not None else LEXICON_PATH
    entries: list[Entry] = []
    seen: dict[WordKey, Entry] = {}
    for number, _text, fields in tsv_rows(path, HEADER, "lexicon.tsv"):
        entry = _parse_row(fields, number)
        if entry.key in seen:
            first = seen[entry.key]
            raise ValueError(f"lexicon.tsv line {number}: {entry.kk!r} is the same words as {first.kk!r} "
                             f"on line {first.line}")
        seen[entry.key] = entry
        entries.append(entry)
    return entries


@lru_cache(maxsize=4)
def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """The lexicon (read once per path)."""
    return Lexicon(load_entries(path))
