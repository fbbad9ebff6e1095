"""Candidate retrieval and scoring.

Every searchable thing (a tariff service, a criterion, a checklist requirement, a staffing norm) is a `Target`
with one or more keys: its Kazakh name and its Russian / English aliases, as loose tokens. A question's content
words are matched to the vocabulary of all keys with rapidfuzz (typos, suffixes: words are compared on their first
7 letters), then each touched key is scored by how much of the question it covers (weighted by rarity) and how much
of the key the question covers. All of it is in memory; SQLite FTS5 over passages is only the fallback.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge.glossary import loose, tokens
from knowledge.understand import Word

STEM = 7  # letters compared: Kazakh and Russian suffixes vary after that
QUERY_WEIGHT = 0.75  # share of the score for covering the question (the rest: covering the key)
UNKNOWN_WEIGHT = 0.35  # a word found nowhere weighs half the rarest word: often noise ("keep", "line")


@dataclass
class Target:
    kind: str  # service | criterion | checklist | staffing
    ident: tuple  # service: (document, annex, item); criterion: (item,); checklist: (annex, item); staffing: (id,)
    names: list[str]  # display/search names: the Kazakh one first, then aliases
    rows: list[dict] = field(default_factory=list)
    jurisdiction: str | None = None
    setting: str | None = None
    local: dict[str, str] = field(default_factory=dict)  # reply language → the name to show (first alias)


@dataclass
class Hit:
    target: Target
    score: float
    cover: float = 0.0  # share of the best key's words the question matched (says nothing the user did not say)
    sure: int = 0  # question words matched as the same word or stem (not only as a possible typo)
    matched: tuple[float, ...] = ()  # per question word: how well the best key matched it

    @property
    def exact(self) -> int:
        """Question words found as the very same word."""
        return sum(1 for s in self.matched if s >= 1.0)


def key_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in (loose(t) for t in tokens(text)) if len(w) >= 2 and not w.isdigit())


class Index:
    """A fuzzy inverted index over the keys of a set of targets."""

    def __init__(self, targets: list[Target]) -> None:
        self.targets = targets
        self.keys: list[tuple[int, tuple[str, ...]]] = []  # (target index, words)
        postings: dict[str, set[int]] = {}
        for t_index, target in enumerate(targets):
            seen: set[tuple[str, ...]] = set()
            for name in target.names:
                words = key_words(name)
                if not words or words in seen:
                    continue
                seen.add(words)
                k_index = len(self.keys)
                self.keys.append((t_index, words))
                for word in set(words):
                    postings.setdefault(word, set()).add(k_index)
        n = max(len(self.keys), 1)
        self.idf = {w: math.log(1 + n / len(p)) for w, p in postings.items()}
        self.max_idf = max(self.idf.values(), default=1.0)
        self.postings = {w: tuple(p) for w, p in postings.items()}
        self.key_weight = [sum(self.idf[w] for w in set(words)) for _, words in self.keys]
        by_stem: dict[str, list[str]] = {}
        for word in postings:
            by_stem.setdefault(word[:STEM], []).append(word)
        self.stems = list(by_stem)
        self.stem_words = [by_stem[s] for s in self.stems]

    def word_matches(self, word: str) -> dict[str, float]:
        """Vocabulary words similar to `word`, with a similarity in 0..1: 1 for the same word, 0.9 for the same word
        with another ending ("терапия" / "терапиясы"), less for typos; words sharing only a beginning do not count."""
        probe = word[:STEM]
        cutoff = 100 if len(probe) <= 3 else 80 if len(probe) <= 5 else 75
        found: dict[str, float] = {}
        for _, _score, index in process.extract(probe, self.stems, scorer=fuzz.ratio, score_cutoff=cutoff, limit=6):
            for vocab_word in self.stem_words[index]:
                sim = _similarity(word, vocab_word)
                if sim > found.get(vocab_word, 0.0):
                    found[vocab_word] = sim
        return found

    def search(self, words: list[Word], allow: Callable[[Target], bool] | None = None, limit: int = 10,
               drop_unmatched: bool = False) -> list[Hit]:
        """Targets best covering `words`. Words with weight < 1 (position words) are optional: they count only
        where they match. With `drop_unmatched`, words unknown to this index are ignored (short lists of names)."""
        per_word: list[dict[str, float]] = []
        weights: list[float] = []
        optional: list[bool] = []
        for word in words:
            matches = self.word_matches(word.text)
            if word.alt:
                for w, s in self.word_matches(word.alt).items():
                    matches[w] = max(matches.get(w, 0.0), s)
            if drop_unmatched and not matches:
                continue
            per_word.append(matches)
            rarity = max((self.idf[w] for w in matches), default=UNKNOWN_WEIGHT * self.max_idf)
            weights.append(word.weight * rarity)
            optional.append(word.weight < 1.0)
        if not per_word:
            return []
        required = sum(w for w, o in zip(weights, optional, strict=True) if not o)
        best: dict[int, list[float]] = {}
        covered: dict[int, dict[str, float]] = {}
        for i, matches in enumerate(per_word):
            for vocab_word, sim in matches.items():
                for k_index in self.postings[vocab_word]:
                    sims = best.setdefault(k_index, [0.0] * len(per_word))
                    if sim > sims[i]:
                        sims[i] = sim
                    cov = covered.setdefault(k_index, {})
                    cov[vocab_word] = max(cov.get(vocab_word, 0.0), sim)
        by_target: dict[int, float] = {}
        for k_index, sims in best.items():
            t_index = self.keys[k_index][0]
            target = self.targets[t_index]
            if allow is not None and not allow(target):
                continue
            gained = sum(w * s for w, s in zip(weights, sims, strict=True))
            extra = sum(w * s for w, s, o in zip(weights, sims, optional, strict=True) if o)
            q_cov = gained / ((required + extra) or 1.0)
            k_cov = sum(self.idf[w] * s for w, s in covered[k_index].items()) / (self.key_weight[k_index] or 1.0)
            k_cov = min(k_cov, 1.0)
            score = QUERY_WEIGHT * q_cov + (1 - QUERY_WEIGHT) * k_cov
            if score > by_target.get(t_index, (0.0,))[0]:
                sure = sum(1 for s in sims if s >= 0.8)
                by_target[t_index] = (score, k_cov, sure, tuple(sims))
        ranked = sorted(by_target.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
        return [Hit(self.targets[t], s, c, n, m) for t, (s, c, n, m) in ranked]


def _similarity(word: str, other: str) -> float:
    if word == other:
        return 1.0
    short, long = sorted((word, other), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= max(4, len(short) // 2):
        return 0.9
    common = len(_common_prefix(short, long))
    if common >= 6 and common >= 0.75 * len(short):
        return 0.8  # same stem, other ending ("инвалиды" / "инвалидностью")
    ratio = fuzz.ratio(word, other) / 100
    if ratio < 0.72:
        return 0.0
    return 0.45 + (ratio - 0.72) / 0.28 * 0.5


def _common_prefix(a: str, b: str) -> str:
    index = 0
    while index < min(len(a), len(b)) and a[index] == b[index]:
        index += 1
    return a[:index]


def fts_passages(db: sqlite3.Connection, words: Iterable[Word], limit: int = 20) -> list[dict]:
    """Passages matching any of the words (FTS5 prefix queries on the search key), best first; [] on any error."""
    terms = []
    for word in words:
        for form in (word.text, word.alt):
            if form and len(form) >= 3:
                stem = form[: max(4, min(len(form), STEM - 1))]
                terms.append('"' + stem.replace('"', "") + '"*')
    if not terms:
        return []
    query = " OR ".join(dict.fromkeys(terms))
    try:
        rows = db.execute(
            "select p.*, bm25(passages_fts) as rank from passages_fts join passages p on p.rowid = passages_fts.rowid "
            "where passages_fts match ? order by rank limit ?", (query, limit)).fetchall()
    except sqlite3.Error:
        return []
    return [dict(row) for row in rows]


def coverage(words: list[Word], text: str) -> float:
    """Share of the question's content words found (by stem) in a text: the FTS fallback's own check."""
    if not words:
        return 0.0
    stems = {w[: STEM - 2] for w in key_words(text)}
    found = 0.0
    for word in words:
        forms = [word.text] + ([word.alt] if word.alt else [])
        if any(f[: STEM - 2] in stems for f in forms if len(f) >= 3):
            found += word.weight
    return found / (sum(w.weight for w in words) or 1.0)
