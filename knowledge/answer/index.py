"""Candidate retrieval and scoring.

Every searchable thing (a tariff service, a criterion, a checklist requirement, a staffing norm) is a `Target`
with one or more keys: its Kazakh name and its Russian / English aliases, as loose tokens. A question's content
words are matched to the vocabulary of all keys: as the same word; as another inflection of it, by the search keys
of knowledge.text (a Russian word by its dictionary form, a Kazakh one by its stem), computed by the same function
for the names indexed and the words asked; or as a typo (rapidfuzz on the first 7 letters). Each touched key is then
scored by how much of the question it covers (weighted by rarity) and how much of the key the question covers. All
of it is in memory; SQLite FTS5 over passages is only the fallback.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from knowledge.answer.understand import Word
from knowledge.text import english_key, is_english_key, is_latin, keys, loose, loose_words, tokens

STEM = 7  # letters compared: Kazakh and Russian suffixes vary after that
INFLECTED = 0.85  # same stem, other inflection ("клубная" / "клубной", "құқығы" / "құқықтарына")
FIRST_PART = 5  # letters of each part of a name word made of two, at least
COMPOUND = 0.9  # a Russian compound abbreviation of two name words ("физкультура" = "физическая культура")
MIN_ROOTED = 3  # shorter words are left to exact and typo matching: their endings cannot be told from their roots
QUERY_WEIGHT = 0.75  # share of the score for covering the question (the rest: covering the key)
WORD_CACHE = 20_000  # remembered question words per index
FILTERS_CACHE = 256  # remembered `only` filters per index (each with the groups it was asked of)
SURE = 0.8  # a word matched at least this well is evidence (Hit.sure); a weaker match is a guess
UNKNOWN_WEIGHT = 0.35  # a word found nowhere weighs half the rarest word: often noise ("keep", "line")
MIN_JOINED = 4  # letters each of two question words needs to be read as one name word typed apart


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

    @property
    def inflected(self) -> int:
        """Question words found as the same word or the same stem with another ending (no typo guessed)."""
        return sum(1 for s in self.matched if s >= INFLECTED)


def _cyrillic_form(word: Word) -> str:
    """A Latin-typed word by its Cyrillic reading ("kvarts" → "кварц"), the way the names print it; others as
    typed."""
    return word.alt if word.alt and word.text.isascii() else word.text


def key_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in loose_words(text) if len(w) >= 2 and not w.isdigit())


def word_roots(token: str) -> tuple[str, ...]:
    """The keys grouping a word with its other inflections (knowledge.text.keys: a Russian word by its dictionary
    form, a Kazakh one by its stem); () for words of two letters; a Latin-script one by its English light stem
    ("helping" meets "help"; its Cyrillic reading is the question's business). A three-letter Kazakh root is one
    ("хат" meets "хаттарды", "ету" meets "етпеу"): the stemmer strips only the endings Kazakh grammar allows after it."""
    if is_latin(token):
        english = english_key(token)
        return (english,) if english else ()
    return keys(token) if _rooted(loose(token)) else ()


def _rooted(word: str) -> bool:
    return len(word) >= MIN_ROOTED


class Index:
    """A fuzzy inverted index over the keys of a set of targets.

    Keyed by name, not by target: the same name printed in many acts (every district's, every year's table) is one
    key, scored once per question, and a target is scored once per distinct set of keys it holds (its `group`), then
    expanded to the targets holding it. The word weights count every (target, key) pair as before, so scores do not
    depend on how the targets are grouped."""

    def __init__(self, targets: list[Target], synonyms: Callable[[str], tuple[str, ...]] | None = None) -> None:
        self.targets = targets
        self.synonyms = synonyms  # a word → the Kazakh words saying the same (the lexicon's), for words no name prints
        self.keys: list[tuple[str, ...]] = []  # distinct key words, in order of first appearance
        key_of: dict[tuple[str, ...], int] = {}
        postings: dict[str, list[int]] = {}
        self.by_root: dict[str, list[str]] = {}  # search key (knowledge.text.keys) → vocabulary words
        group_of: dict[tuple[int, ...], int] = {}
        self.group_keys: list[tuple[int, ...]] = []  # per group: its keys
        members: list[list[int]] = []  # per group: the targets holding exactly those keys
        rooted: set[str] = set()  # names whose printed tokens gave their roots already
        by_list: dict[int, int] = {}  # targets sharing one list of names (the catalogue makes one per name): its group
        for t_index, target in enumerate(targets):
            group = by_list.get(id(target.names))
            if group is None:
                own: list[int] = []
                for name in target.names:
                    words = _key_words(name)
                    if not words:
                        continue
                    k_index = key_of.get(words)
                    if k_index is None:
                        k_index = key_of[words] = len(self.keys)
                        self.keys.append(words)
                        for word in dict.fromkeys(words):
                            postings.setdefault(word, []).append(k_index)
                    if k_index in own:
                        continue
                    own.append(k_index)
                    if name not in rooted:
                        rooted.add(name)
                        self._add_roots(name)
                group = group_of.setdefault(tuple(own), len(self.group_keys)) if own else -1
                if group == len(self.group_keys):
                    self.group_keys.append(tuple(own))
                    members.append([])
                by_list[id(target.names)] = group  # the targets (and their lists) live as long as this loop
            if group >= 0:
                members[group].append(t_index)
        held = [0] * len(self.keys)  # per key: how many targets hold it
        for keys_of_group, holding in zip(self.group_keys, members, strict=True):
            for k_index in keys_of_group:
                held[k_index] += len(holding)
        n = max(sum(held), 1)
        self.idf = {w: math.log(1 + n / sum(held[k] for k in p)) for w, p in postings.items()}
        self.max_idf = max(self.idf.values(), default=1.0)
        self.postings = {w: tuple(p) for w, p in postings.items()}
        # summed in the name's order: in a set's order the last bits differ per process, and near-ties with them
        self.key_weight = [sum(self.idf[w] for w in dict.fromkeys(words)) for words in self.keys]
        self.group_members = [tuple(m) for m in members]
        key_groups: list[list[int]] = [[] for _ in self.keys]
        for group, keys_of_group in enumerate(self.group_keys):
            for k_index in keys_of_group:
                key_groups[k_index].append(group)
        self.key_groups = [tuple(g) for g in key_groups]
        self._cache: dict[tuple[str, tuple[str, ...] | None], dict[str, float]] = {}
        self._synonym_matches: dict[tuple[str, str | None], dict[str, float]] = {}  # see `_with_synonyms`
        self._within: dict[int, tuple[frozenset[int], dict[int, tuple[int, ...]]]] = {}  # see `_members`
        by_stem: dict[str, list[str]] = {}
        self.by_head: dict[str, list[str]] = {}  # first 4 letters → words (inflection candidates)
        for word in postings:
            by_stem.setdefault(word[:STEM], []).append(word)
            if len(word) >= 5:
                self.by_head.setdefault(word[:4], []).append(word)
        self.stems = list(by_stem)
        self.stem_words = [by_stem[s] for s in self.stems]
        # a stem within the typo search's cutoff of a word's stem shares one of its two-letter runs (the cutoffs allow
        # at most one slip in four to seven letters): only those are compared, in the stems' order
        grams: dict[str, list[int]] = {}
        for s_index, stem in enumerate(self.stems):
            for gram in dict.fromkeys(stem[i:i + 2] for i in range(len(stem) - 1)):
                grams.setdefault(gram, []).append(s_index)
        self.stem_grams = {gram: tuple(found) for gram, found in grams.items()}
        self.stem_at = {stem: s_index for s_index, stem in enumerate(self.stems)}
        # Compound abbreviations: "физ" + "культура" for adjacent name words "физическая культура"; each compound
        # covers both words of the keys it comes from. Looked up by inflection only (not in the typo search).
        compounds: dict[str, list[int]] = {}
        self.compound_parts: dict[str, tuple[str, str]] = {}
        # Two name words written as one are the same compound ("аяқкиім" for "аяқ киім", "төсекорын" for "төсек-орын").
        for k_index, words in enumerate(self.keys):
            for first, second in zip(words, words[1:], strict=False):
                # "физ" + "культура", "соц" + "работа", "психо" + "диагностика": a cut shorter than the word
                cuts = tuple(c for c in (3, 4, 5) if len(first) > c) \
                    if len(first) >= 5 and len(second) >= 4 and not first.isascii() else ()
                whole = (len(first),) if len(first) >= 3 and len(second) >= 4 and not first.isascii() else ()
                for cut in cuts + whole:
                    compound = first[:cut] + second
                    found = compounds.setdefault(compound, [])
                    if k_index not in found:
                        found.append(k_index)
                    self.compound_parts.setdefault(compound, (first, second))
        self.compound_postings = {w: tuple(p) for w, p in compounds.items() if w not in postings}
        # a word printed whole in one name and apart in another ("аяқкиім" / "аяқ киім") is looked up in both
        for word, found in compounds.items():
            if word in postings and (apart := [k for k in found if k not in self.postings[word]]):
                self.postings[word] = self.postings[word] + tuple(apart)
        # A name word made of two ("кварцтерапия": "кварц" + "терапия", "парафинотерапия" with a linking "о"), the
        # second a name word of its own: its first part alone ("кварц") says it.
        self.first_parts: dict[str, list[str]] = {}
        for word in self.postings:
            for cut in range(FIRST_PART, len(word) - FIRST_PART + 1):
                rest = word[cut:]
                if rest in self.postings or (rest[:1] == "о" and rest[1:] in self.postings and len(rest) > FIRST_PART):
                    self.first_parts.setdefault(word[:cut], []).append(word)
        self.compound_heads: dict[str, list[str]] = {}
        for word in self.compound_postings:
            self.compound_heads.setdefault(word[:6], []).append(word)
            self.idf[word] = math.log(1 + n / sum(held[k] for k in self.compound_postings[word]))

    def _add_roots(self, name: str) -> None:
        for token in tokens(name):  # roots from the printed token: a dictionary needs its real letters
            for root in word_roots(token):
                vocab = self.by_root.setdefault(root, [])
                if loose(token) not in vocab:
                    vocab.append(loose(token))

    def word_matches(self, word: str, roots: tuple[str, ...] | None = None) -> dict[str, float]:
        """Vocabulary words similar to loose `word`, with a similarity in 0..1: 1 for the same word, 0.9 for the same
        word with another ending ("терапия" / "терапиясы"), less for typos; words sharing only a beginning do not
        count. `roots`: the word's search keys, from the word as typed (`word_roots`; by default from `word`).
        The vocabulary never changes after loading, so results are remembered (a bounded cache; do not mutate)."""
        found = self._cache.get((word, roots))
        if found is None:
            if len(self._cache) >= WORD_CACHE:
                self._cache.clear()
            if roots is None:
                roots = word_roots(word)
            found = self._cache[(word, roots)] = self._word_matches(word, roots if _rooted(word) else ())
        return found

    def _word_matches(self, word: str, roots: tuple[str, ...]) -> dict[str, float]:
        found: dict[str, float] = {}
        for index in self._typo_stems(word[:STEM]):
            for vocab_word in self.stem_words[index]:
                sim = _similarity(word, vocab_word)
                if sim > found.get(vocab_word, 0.0):
                    found[vocab_word] = sim
        # the same stem with another ending: the typo search above may miss it ("клубная" / "клубной"); an English
        # word's other endings are its light stem's (`roots`): "allowances" is no "allowed"
        if len(word) >= 5 and not any(is_english_key(root) for root in roots):
            for vocab_word in self.by_head.get(word[:4], ()):
                if found.get(vocab_word, 0.0) < INFLECTED and _inflection(word, vocab_word):
                    found[vocab_word] = INFLECTED
        for root in roots:
            for vocab_word in self.by_root.get(root, ()):
                if found.get(vocab_word, 0.0) < INFLECTED:
                    found[vocab_word] = INFLECTED
        for compound in self.first_parts.get(word, ()):
            found[compound] = max(found.get(compound, 0.0), INFLECTED)
        if len(word) >= 7:
            for compound in self.compound_heads.get(word[:6], ()):
                if compound == word or _inflection(word, compound):
                    found[compound] = COMPOUND if compound == word else INFLECTED
        return found

    def _typo_stems(self, probe: str) -> list[int]:
        """The (at most six) vocabulary stems closest to a word's stem, best first: the same stem for three letters
        or fewer, a ratio of 80 for four or five, 75 for more."""
        if len(probe) <= 3:
            return [self.stem_at[probe]] if probe in self.stem_at else []
        cutoff = 80 if len(probe) <= 5 else 75
        near = sorted(set().union(*(self.stem_grams.get(probe[i:i + 2], ()) for i in range(len(probe) - 1))))
        stems = [self.stems[i] for i in near]
        return [near[at] for _, _score, at in process.extract(probe, stems, scorer=fuzz.ratio, score_cutoff=cutoff,
                                                             limit=6)]

    def _with_synonyms(self, word: Word, matches: dict[str, float]) -> dict[str, float]:
        """A word no name prints (by itself or its stem) also matches, as another inflection would, the names
        printing the Kazakh words the lexicon renders by it ("поликлиника" → "денсаулық сақтау ұйымы")."""
        remembered = self._synonym_matches.get((word.text, word.alt))
        if remembered is not None:
            return remembered
        if len(self._synonym_matches) >= WORD_CACHE:
            self._synonym_matches.clear()
        found = self._synonym_matches[(word.text, word.alt)] = dict(matches)
        forms = [f for f in (word.text, word.alt) if f]
        for form in dict.fromkeys(forms):
            for kazakh in self.synonyms(form) if self.synonyms else ():
                if kazakh in forms:
                    continue  # the same word in both languages ("санитар"): matched already, as it is
                for w, s in self.word_matches(kazakh).items():
                    found[w] = max(found.get(w, 0.0), min(s, INFLECTED))
        return found

    def postings_of(self, word: str) -> tuple[int, ...]:
        return self.postings.get(word) or self.compound_postings.get(word, ())

    def search(self, words: list[Word], allow: Callable[[Target], bool] | None = None, limit: int = 10,
               drop_unmatched: bool = False, only: set[int] | frozenset[int] | None = None) -> list[Hit]:
        """Targets best covering `words`. Words with weight < 1 (position words) are optional: they count only
        where they match. With `drop_unmatched`, words unknown to this index are ignored (short lists of names).
        `only`: the indices (in `targets`) allowed, a faster `allow` (the rest are skipped before scoring)."""
        per_word: list[dict[str, float]] = []
        weights: list[float] = []
        optional: list[bool] = []
        found = [self._matches(word) for word in words]
        for at, (matches, after) in enumerate(zip(found, found[1:], strict=False)):
            if joined := self._joined(_cyrillic_form(words[at]), _cyrillic_form(words[at + 1]), matches, after):
                found[at], found[at + 1] = {**matches, **joined}, {**after, **joined}
        for word, matches in zip(words, found, strict=True):
            if drop_unmatched and not matches:
                continue
            weight = word.weight
            if weight > 1.0:  # a word stressed (what was not given) is stressed where found, not where guessed
                if max(matches.values(), default=0.0) >= INFLECTED:
                    matches = {w: s if s >= SURE else s / weight for w, s in matches.items()}
                else:
                    weight = 1.0
            per_word.append(matches)
            rarity = self._rarity(matches)
            weights.append(weight * rarity)
            optional.append(word.weight < 1.0)
        if not per_word:
            return []
        required = sum(w for w, o in zip(weights, optional, strict=True) if not o)
        best: dict[int, list[float]] = {}  # key → per question word, its best similarity
        covered: dict[int, dict[str, float]] = {}
        for i, matches in enumerate(per_word):
            for vocab_word, sim in matches.items():
                parts = self.compound_parts.get(vocab_word, (vocab_word,)) if vocab_word not in self.postings \
                    else (vocab_word,)
                for k_index in self.postings_of(vocab_word):
                    sims = best.get(k_index)
                    if sims is None:
                        sims = best[k_index] = [0.0] * len(per_word)
                        covered[k_index] = {}
                    if sim > sims[i]:
                        sims[i] = sim
                    cov = covered[k_index]
                    for part in parts:
                        if sim > cov.get(part, 0.0):
                            cov[part] = sim
        scored = []  # (score, key coverage, sure, sims, members) per group of targets holding the same keys
        for group in {g for k_index in best for g in self.key_groups[k_index]}:
            members = self._members(group, only)
            if allow is not None:
                members = [t for t in members if allow(self.targets[t])]
            if members:
                scored.append((*self._group_score(group, best, covered, weights, optional, required), members))
        return [Hit(self.targets[t], score, cover, sure, sims) for score, t, cover, sure, sims in _top(scored, limit)]

    def _matches(self, word: Word) -> dict[str, float]:
        """The vocabulary words a question word matches, by itself, its second reading and the lexicon."""
        roots = word.roots or None
        matches = self.word_matches(word.text, roots)
        if word.alt:
            matches = dict(matches)
            for w, s in self.word_matches(word.alt, roots).items():
                matches[w] = max(matches.get(w, 0.0), s)
        if self.synonyms is not None and max(matches.values(), default=0.0) < INFLECTED:
            matches = self._with_synonyms(word, matches)
        return matches

    def _joined(self, first: str, second: str, matches: dict[str, float], after: dict[str, float]) -> dict[str, float]:
        """A name's one word typed as two ("кварц терапия" for "кварцтерапия"): the vocabulary words the two make
        together, as the same word or stem, that neither finds alone; {} when there are none."""
        if len(first) < MIN_JOINED or len(second) < MIN_JOINED or first.isascii() != second.isascii():
            return {}
        joined, start = first + second, first + second[:MIN_JOINED]
        return {w: 1.0 if w == joined else INFLECTED for w in self.by_head.get(first[:MIN_JOINED], ())
                if w.startswith(start) and (w == joined or _inflection(joined, w))
                and (matches.get(w, 0.0) < INFLECTED or w in self.first_parts.get(first, ()))
                and after.get(w, 0.0) < INFLECTED}

    def _rarity(self, matches: dict[str, float]) -> float:
        """How telling a question word is: as common as the commonest of its own forms in the names ("қызметі" is
        as common as "қызмет", though one rare name prints "қызметін"); a word found only as a possible typo, as
        rare as the rarest guess; a word found nowhere weighs UNKNOWN_WEIGHT of the rarest."""
        strong = [self.idf[w] for w, sim in matches.items() if sim >= INFLECTED]
        if strong:
            return min(strong)
        return max((self.idf[w] for w in matches), default=UNKNOWN_WEIGHT * self.max_idf)

    def _members(self, group: int, only: set[int] | frozenset[int] | None) -> Iterable[int]:
        """The targets of a group that `only` allows, remembered per group for each frozen `only` (the catalogue's
        filters and views are long-lived frozensets, asked again and again)."""
        if only is None:
            return self.group_members[group]
        if not isinstance(only, frozenset):
            return only.intersection(self.group_members[group])
        known = self._within.get(id(only))
        if known is None or known[0] is not only:
            if len(self._within) >= FILTERS_CACHE:
                self._within.clear()
            known = self._within[id(only)] = (only, {})
        found = known[1].get(group)
        if found is None:
            found = known[1][group] = tuple(only.intersection(self.group_members[group]))
        return found

    def _group_score(self, group: int, best: dict[int, list[float]], covered: dict[int, dict[str, float]],
                     weights: list[float], optional: list[bool], required: float) -> tuple:
        """A target's names are alternative wordings of one thing: each question word counts with its best match in
        any of them (a mixed-language question may take words from two); the name coverage is that of the name
        explaining most of the question (not of a short alias that happens to be covered)."""
        union: list[float] | None = None
        chosen = (-1.0, 0.0)  # the best key's gain and its coverage
        for k_index in self.group_keys[group]:
            sims = best.get(k_index)
            if sims is None:
                continue
            k_cov = sum(self.idf[w] * s for w, s in covered[k_index].items()) / (self.key_weight[k_index] or 1.0)
            gain = sum(w * s for w, s in zip(weights, sims, strict=True))
            union = list(sims) if union is None else [max(a, b) for a, b in zip(union, sims, strict=True)]
            if (gain, min(k_cov, 1.0)) > chosen:
                chosen = (gain, min(k_cov, 1.0))
        assert union is not None
        k_cov = chosen[1]
        gained = sum(w * s for w, s in zip(weights, union, strict=True))
        extra = sum(w * s for w, s, o in zip(weights, union, optional, strict=True) if o)
        q_cov = gained / ((required + extra) or 1.0)
        score = QUERY_WEIGHT * q_cov + (1 - QUERY_WEIGHT) * k_cov
        return score, k_cov, sum(1 for s in union if s >= SURE), tuple(union)


def _top(scored: list[tuple], limit: int) -> list[tuple]:
    """The `limit` best (score, target, cover, sure, sims) of the scored groups, the earlier target first among equal
    scores: groups are taken best first until `limit` targets and every group tied with the last one are in."""
    scored.sort(key=lambda entry: -entry[0])
    taken, count, cutoff = [], 0, None
    for entry in scored:
        if cutoff is not None and entry[0] < cutoff:
            break
        taken.append(entry)
        count += len(entry[-1])
        if cutoff is None and count >= limit:
            cutoff = entry[0]
    ranked = sorted((-score, t, cover, sure, sims) for score, cover, sure, sims, members in taken for t in members)
    return [(-negated, t, cover, sure, sims) for negated, t, cover, sure, sims in ranked[:limit]]


@lru_cache(maxsize=65536)
def _key_words(name: str) -> tuple[str, ...]:
    """`key_words` remembered: the same names are printed in every district's and year's table."""
    return key_words(name)


def _similarity(word: str, other: str) -> float:
    if word == other:
        return 1.0
    short, long = sorted((word, other), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= max(4, len(short) // 2):
        return 0.9
    if _inflection(short, long):
        return INFLECTED
    common = len(_common_prefix(short, long))
    if common >= 6 and common >= 0.75 * len(short):
        return 0.8  # same stem, other ending ("инвалиды" / "инвалидностью")
    ratio = fuzz.ratio(word, other) / 100
    if ratio < 0.72:
        return 0.0
    return 0.45 + (ratio - 0.72) / 0.28 * 0.5


def _inflection(word: str, other: str) -> bool:
    """The same stem with another short ending: the shorter word keeps at least 4 letters and all but its last 3
    ("работа" / "работы", "клубная" / "клубной"), and the longer one adds at most 5 after the common part."""
    short, long = sorted((word, other), key=len)
    if len(short) < 5:
        return False
    common = len(_common_prefix(short, long))
    return common >= max(4, len(short) - 3) and len(long) - common <= 5


def _common_prefix(a: str, b: str) -> str:
    index = 0
    while index < min(len(a), len(b)) and a[index] == b[index]:
        index += 1
    return a[:index]


def fts_passages(db: sqlite3.Connection, words: Iterable[Word], limit: int = 20) -> list[dict]:
    """Passages whose search key (knowledge.text.search_key, written at ingest) has a word starting like the key of
    one of the question's words, best first; [] on any error. Both sides are keyed by the same function, so a word
    typed without Kazakh letters or in Latin script finds the passage that prints it."""
    terms = []
    for word in words:
        forms = [form for form in (word.text, word.alt) if form and len(form) >= 3]
        for root in dict.fromkeys([*word.roots, *(k for form in forms for k in keys(form))]):
            if len(root) >= 3:
                terms.append('"' + root[: STEM - 1].replace('"', "") + '"*')
    if not terms:
        return []
    query = "key : (" + " OR ".join(dict.fromkeys(terms)) + ")"
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
