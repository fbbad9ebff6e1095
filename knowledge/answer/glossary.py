"""The glossary (knowledge/data/glossary.toml) as a matcher: question words → settings, areas, jurisdictions,
positions and intent cues, with the language each matched term belongs to.

Terms and question words are compared as loose tokens (knowledge.text `tokens` and `loose`), so missing Kazakh letters
and Latin/Cyrillic look-alikes do not matter; stems ("стационар*") match word beginnings, other terms whole words or
another inflection of them when both are Russian words the dictionary knows (the same dictionary form, knowledge.text
`lemma`: "психологами" is the term "психолог"; Kazakh derivation is too free for this: "қабылдау" is no "қабылданған");
long stems also match with small typos.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge import PACKAGE_DIR
from knowledge.text import dictionary_key, kazakh_genitive_of, loose, tokens

GLOSSARY_PATH = PACKAGE_DIR / "data" / "glossary.toml"
CATEGORIES = ("settings", "areas", "jurisdictions", "positions", "cues", "scope")
SUBSTITUTED = 7  # a whole word this long with one letter typed for another is a typo of the term
ENDING = 2  # ... unless the letter is one of its last ones (endings)
FUZZY_CACHE = 20_000  # misspelt words remembered with their closest term
MIN_ROOT = 5  # a whole-word term meets other inflections only by a key this long (short ones collide: "кал", "сел")

@dataclass(frozen=True)
class Term:
    category: str  # settings | areas | jurisdictions | positions | cues | scope (what the base does not hold)
    key: str  # e.g. "semi_stationary", "nurse", "degree_gross"
    lang: str  # the languages using this spelling, space-separated: "kk", "kk ru"...
    words: tuple[str, ...]  # loose words; the last may be a stem
    prefix: bool  # last word is a stem
    roots: tuple[frozenset[str], ...] = ()  # per word: the search keys an inflected form may meet it by (or none)


@dataclass(frozen=True)
class Match:
    term: Term
    start: int  # token span [start, end)
    end: int
    typo: bool = False  # found by a misspelt word's likeness, not as written


@dataclass
class Glossary:
    terms: list[Term]
    stopwords: dict[str, set[str]]  # lang → loose words
    kk_latin: set[str]
    position_kb: dict[str, tuple[str, ...]]  # position key → loose substrings of KB position names
    labels: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    weak_scope: frozenset[str] = frozenset()  # scope topics out of scope only when no setting is named
    weak_negation: frozenset[str] = frozenset()  # loose verbs that, negated, describe rather than report
    weak_settings: frozenset[tuple[str, ...]] = frozenset()  # setting terms (their words) that yield to another
    implies: dict[str, frozenset[str]] = field(default_factory=dict)  # cue → the other cues it also is (`also`)
    reads: dict[str, str] = field(default_factory=dict)  # cue → the printed word it is searched as (`reads`, loose)
    city_terms: frozenset[tuple[str, ...]] = frozenset()  # a jurisdiction's terms naming a city: the city area too
    # the terms by their first word: as written, by a dictionary key of it, or a stem (see `_starting`)
    _by_first: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _by_first_root: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _by_stem: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _fuzzy: dict[int, list[Term]] = field(default_factory=dict, repr=False)
    _fuzzy_choices: dict[int, list[str]] = field(default_factory=dict, repr=False)
    # a group's choices by their letters in order: a word with two letters swapped has the same (see `_swapped`)
    _fuzzy_letters: dict[int, dict[str, list[int]]] = field(default_factory=dict, repr=False)
    _tails_found: dict[str, tuple[Term, ...]] = field(default_factory=dict, repr=False)  # see `_tails_like`
    # phrases ending in a long word, by that word's first letter: its typo may be matched (see `_fuzzy_tail`)
    _tail_heads: dict[str, list[Term]] = field(default_factory=dict, repr=False)
    _single_lettered: dict[str, Term] = field(default_factory=dict, repr=False)  # stem, a doubled letter once → term
    _fuzzy_found: dict[str, Term | None] = field(default_factory=dict, repr=False)  # word → `_fuzzy_term`
    # the long whole-word terms by their length and first letter: a letter typed for another keeps both
    _whole_by_head: dict[tuple[int, str], list[tuple[int, str]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for ordinal, term in enumerate(self.terms):
            first = term.words[0]
            if first.endswith("*"):
                self._by_stem.setdefault(first[:-1], []).append(ordinal)
            else:
                self._by_first.setdefault(first, []).append(ordinal)
                for root in term.roots[0] if term.roots else ():
                    self._by_first_root.setdefault(root, []).append(ordinal)
            # long single-word terms also match with a typo ("стацонар", "полустацинар"); an out-of-scope topic only
            # as written: a typo-like word ("қаралған" / "Қарағанды") must not turn a question away
            word = term.words[0].rstrip("*")
            if len(term.words) == 1 and len(word) >= 6 and term.category != "scope":
                group = self._fuzzy.setdefault(len(word) if term.prefix else 0, [])
                group.append(term)
            elif len(term.words) > 1 and len(term.words[-1].rstrip("*")) >= 6 and term.category != "scope":
                self._tail_heads.setdefault(term.words[-1][:1], []).append(term)
        self._fuzzy_choices = {length: [t.words[0].rstrip("*") for t in terms] for length, terms in self._fuzzy.items()}
        for at, choice in enumerate(self._fuzzy_choices.get(0, ())):
            self._whole_by_head.setdefault((len(choice), choice[0]), []).append((at, choice))
        for length, terms in self._fuzzy.items():
            letters = self._fuzzy_letters[length] = {}
            for at, (term, stem) in enumerate(zip(terms, self._fuzzy_choices[length], strict=True)):
                letters.setdefault("".join(sorted(stem)), []).append(at)
                for i in range(len(stem) - 1) if length else ():
                    if stem[i] == stem[i + 1] and len(stem) > 6:
                        self._single_lettered.setdefault(stem[:i] + stem[i + 1:], term)

    @cached_property
    def place_words(self) -> tuple[str, ...]:
        """The first words of the place names (jurisdictions' terms), stems without their "*", 4 letters or more."""
        return tuple(dict.fromkeys(word for term in self.terms if term.category == "jurisdictions"
                                   if len(word := term.words[0].rstrip("*")) >= 4))

    @cached_property
    def setting_words(self) -> dict[str, str]:
        """Each setting's word as the acts print it: the longest word of its first Kazakh term ("стационар" of
        "жартылай стационар*", "уақытша" of "уақытша болу*"), loose, without its "*"."""
        found: dict[str, str] = {}
        for term in self.terms:
            if term.category == "settings" and "kk" in term.lang.split() and term.key not in found:
                found[term.key] = max((w.rstrip("*") for w in term.words), key=len)
        return found

    def match(self, words: list[str], roots: list[tuple[str, ...]] | None = None) -> list[Match]:
        """Non-overlapping glossary matches in loose `words`, longest terms first. `roots`: each word's dictionary
        key (knowledge.text `dictionary_key` of the word as typed, in a tuple; empty for a word the Russian dictionary
        does not know), for whole-word terms to meet their other inflections."""
        found: list[Match] = []
        taken = [False] * len(words)
        candidates: list[Match] = []
        for start, word in enumerate(words):
            for ordinal in self._starting(word, roots[start] if roots else ()):
                term = self.terms[ordinal]
                if _matches(term, words, start, roots):
                    candidates.append(Match(term, start, start + len(term.words)))
        candidates.sort(key=lambda m: (-(m.end - m.start), -sum(len(w) for w in m.term.words), m.start))
        for match in candidates:
            if not any(taken[match.start:match.end]):
                found.append(match)
                for index in range(match.start, match.end):
                    taken[index] = True
        for start, word in enumerate(words):
            if taken[start] or len(word) < 6:
                continue
            phrase = self._fuzzy_tail(words, start, taken)
            if phrase is not None:
                found.append(phrase)
                for index in range(phrase.start, phrase.end):
                    taken[index] = True
                continue
            known = bool(roots and roots[start])  # a word the Russian dictionary knows is itself, no slip
            term = None if known else self._fuzzy_term(word)
            if term is not None:
                found.append(Match(term, start, start + 1, typo=True))
                taken[start] = True
        found.sort(key=lambda m: m.start)
        return found

    def _starting(self, word: str, roots: tuple[str, ...]) -> list[int]:
        """The terms (their places in `terms`, in order) whose first word may be this one: the same word, a stem it
        begins with (two letters or more), or a whole word of the same first two letters sharing a dictionary key."""
        found = list(self._by_first.get(word, ()))
        if len(word) > 5:  # a Kazakh compound's first noun in the genitive ("терапиясының"): `_matches` checks it
            found += self._by_first.get(word[:-3], ())
        for end in range(2, len(word) + 1):
            found += self._by_stem.get(word[:end], ())
        for root in roots:
            found += [o for o in self._by_first_root.get(root, ()) if self.terms[o].words[0][:2] == word[:2]]
        return sorted(set(found)) if len(found) > 1 else found

    def _fuzzy_tail(self, words: list[str], end: int, taken: list[bool]) -> Match | None:
        """A phrase whose words before its long last word are as written and free, the last one misspelt ("how
        serius", "насколько серезно"): the words before it say which phrase it is."""
        for term in self._tails_like(words[end]):
            start = end - len(term.words) + 1
            if start >= 0 and not any(taken[start:end]) and _matches(
                    term, words[:end] + [term.words[-1].rstrip("*")], start):
                return Match(term, start, end + 1, typo=True)
        return None

    def _tails_like(self, word: str) -> tuple[Term, ...]:
        """The phrases whose long last word a misspelt word may be (remembered per word, bounded)."""
        found = self._tails_found.get(word)
        if found is None:
            if len(self._tails_found) >= FUZZY_CACHE:
                self._tails_found.clear()
            # a slip is rarely in the first letter: only the tails starting alike are compared; two letters
            # swapped ("suregon") are one slip, as for single words
            found = self._tails_found[word] = tuple(
                term for term in self._tail_heads.get(word[:1], ())
                if _one_slip(word[:len(term.words[-1]) - 1] if term.prefix else word, term.words[-1].rstrip("*")))
        return found

    def _fuzzy_term(self, word: str) -> Term | None:
        """The closest long term to a misspelt word (whole words compared whole, stems with the word's start);
        remembered per word (bounded), as the indexes remember their word matches. Only for words the Russian
        dictionary does not know: a known word is itself ("временем" is not "временн*", "содействует" not
        "действует")."""
        for single, term in self._single_lettered.items():  # a doubled letter of a stem written once ("временое")
            if word.startswith(single):
                return term
        if word not in self._fuzzy_found:
            if len(self._fuzzy_found) >= FUZZY_CACHE:
                self._fuzzy_found.clear()
            self._fuzzy_found[word] = self._closest_term(word)
        return self._fuzzy_found[word]

    def _closest_term(self, word: str) -> Term | None:
        best: tuple[float, Term] | None = None
        for length, terms in self._fuzzy.items():
            if length > len(word) + 1:
                continue
            probe = word[:length] if length else word
            hit = process.extractOne(probe, self._fuzzy_choices[length], scorer=fuzz.ratio, score_cutoff=87)
            if hit is None:  # two letters swapped ("уақыташ") cost the ratio two edits: count them as one
                hit = self._swapped(probe, length)
            if hit is None and length and len(word) > length:
                # a letter slipped into a stem ("оресекел"): its start one letter longer is the stem and that letter,
                # inside it ("фактісі" is no "актісі")
                hit = process.extractOne(word[:length + 1], self._fuzzy_choices[length], scorer=fuzz.ratio,
                                         score_cutoff=87)
                hit = hit if hit is not None and hit[0][:2] == word[:2] else None
            if hit is None and not length and len(word) >= SUBSTITUTED:
                # one letter typed for another in a long whole word ("villige"): one slip, as a swap is; not in its
                # last letters, where a Kazakh ending differs from a term's ("уақытқа" is no "уақытша")
                hit = next(((c, 86.0, at) for at, c in self._whole_by_head.get((len(word), word[0]), ())
                            if _substituted_inside(c, word)), None)
            if hit is not None and (best is None or hit[1] > best[0]):
                best = (hit[1], terms[hit[2]])
        return best[1] if best else None

    def _swapped(self, probe: str, length: int) -> tuple[str, float, int] | None:
        """The first choice of a length group that is `probe` with two neighbouring letters swapped, scored as the
        ratio's cutoff: only a choice of the same letters can be."""
        for at in self._fuzzy_letters[length].get("".join(sorted(probe)), ()):
            choice = self._fuzzy_choices[length][at]
            if OSA.distance(probe, choice) == 1:
                return choice, 87.0, at
        return None

    def is_stopword(self, word: str, *, loosely: bool = False) -> bool:
        """Whether a loose word is a stopword; `loosely`, a Latin-script Kazakh word read in Cyrillic, whose ы and и
        no Latin alphabet tells apart alike ("boiynsha" → "боиинша", "бойынша")."""
        if any(word in words for words in self.stopwords.values()):
            return True
        folded = word.replace("ы", "и")
        return loosely and any(folded == w.replace("ы", "и") for words in self.stopwords.values() for w in words)

    def with_terms(self, terms: list[Term]) -> Glossary:
        """This glossary and `terms` (read from the base: its jurisdictions). A spelling the glossary already has is
        kept as written; a scope term naming the same place ("ақтөбе*" as another region) gives way to the place's
        term, since the base now holds its acts."""
        spelt = {term.words for term in self.terms}
        added = [term for term in terms if term.words not in spelt]
        kept = [term for term in self.terms if term.category != "scope" or not any(_same(term, a) for a in added)]
        return Glossary(terms=kept + added, stopwords=self.stopwords, kk_latin=self.kk_latin,
                        position_kb=self.position_kb, labels=self.labels, weak_scope=self.weak_scope,
                        weak_negation=self.weak_negation, weak_settings=self.weak_settings, implies=self.implies,
                        reads=self.reads, city_terms=self.city_terms)


def _substituted_inside(term: str, word: str) -> bool:
    """Whether `word` is `term` (as long) with one letter typed for another, neither the first nor the last two."""
    apart = [i for i, (a, b) in enumerate(zip(term, word, strict=True)) if a != b]
    return len(apart) == 1 and 0 < apart[0] < len(word) - ENDING


def _one_slip(typed: str, word: str) -> bool:
    return fuzz.ratio(typed, word) >= 87 or (len(typed) == len(word) and OSA.distance(typed, word) == 1)


def _same(one: Term, other: Term) -> bool:
    """Two terms naming the same words: each matches the other's words as written."""
    def plain(term: Term) -> list[str]:
        return [word.rstrip("*") for word in term.words]

    return len(one.words) == len(other.words) and (_matches(one, plain(other), 0) or _matches(other, plain(one), 0))


def _matches(term: Term, words: list[str], start: int, roots: list[tuple[str, ...]] | None = None) -> bool:
    if start + len(term.words) > len(words):
        return False
    for offset, part in enumerate(term.words):
        word = words[start + offset]
        if part.endswith("*"):
            if not word.startswith(part[:-1]):
                return False
        elif word != part and not (roots and term.roots and term.roots[offset].intersection(roots[start + offset])) \
                and not (offset < len(term.words) - 1 and "kk" in term.lang.split() and kazakh_genitive_of(word, part)):
            return False
    return True


def _term(category: str, key: str, lang: str, text: str) -> Term | None:
    """A glossary term; words ending in "*" are stems (kept with their star), the others whole words that also
    meet their inflections by a long enough key of their dictionary form (Russian words only)."""
    words: list[str] = []
    roots: list[frozenset[str]] = []
    for part in text.split():
        printed = tokens(part)
        subwords = [loose(w) for w in printed]
        subroots = [frozenset(k for k in [dictionary_key(w)] if k and len(k) >= MIN_ROOT) for w in printed]
        if subwords and part.endswith("*"):
            subwords[-1] += "*"
            subroots[-1] = frozenset()
        words += subwords
        roots += subroots
    if not words:
        return None
    return Term(category, key, lang, tuple(words), words[-1].endswith("*"), tuple(roots))


@lru_cache(maxsize=4)
def load_glossary(path: Path = GLOSSARY_PATH) -> Glossary:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    terms: list[Term] = []
    position_kb: dict[str, tuple[str, ...]] = {}
    for category in CATEGORIES:
        for key, entry in data.get(category, {}).items():
            langs: dict[tuple[str, ...], list[str]] = {}  # one term per spelling, listing every language using it
            spelt: dict[tuple[str, ...], Term] = {}
            for lang in ("kk", "ru", "en"):
                for text in entry.get(lang, []):
                    term = _term(category, key, lang, text)
                    if term is not None and lang not in langs.setdefault(term.words, []):
                        langs[term.words].append(lang)
                        spelt.setdefault(term.words, term)
            for words, term_langs in langs.items():
                # `exact`: the words as written only ("составьте", a request, is no "составлен", drawn up)
                roots = tuple(frozenset() for _ in words) if entry.get("exact") else spelt[words].roots
                terms.append(Term(category, key, " ".join(term_langs), words, words[-1].endswith("*"), roots))
            if category == "positions":
                position_kb[key] = tuple(" ".join(loose(w) for w in tokens(s)) for s in entry.get("kb", []))
    stopwords = {lang: {loose(w) for w in words} for lang, words in data.get("stopwords", {}).items()}
    kk_latin = {w.casefold() for w in data.get("kk_latin", {}).get("words", [])}
    weak = frozenset(key for key, entry in data.get("scope", {}).items() if entry.get("weak"))
    negation = frozenset(loose(w) for words in data.get("negation", {}).get("weak", {}).values() for w in words)
    weak_settings = frozenset(term.words for lang, texts in data.get("settings_weak", {}).items() for text in texts
                              if (term := _term("settings", "", lang, text)) is not None)
    implies = {key: frozenset(entry["also"]) for key, entry in data.get("cues", {}).items() if entry.get("also")}
    reads = {key: loose(entry["reads"]) for key, entry in data.get("cues", {}).items() if entry.get("reads")}
    city = frozenset(term.words for entry in data.get("jurisdictions", {}).values() for text in entry.get("city", [])
                     if (term := _term("jurisdictions", "", "ru", text)) is not None)
    return Glossary(terms=terms, stopwords=stopwords, kk_latin=kk_latin, position_kb=position_kb, weak_scope=weak,
                    weak_negation=negation, weak_settings=weak_settings, implies=implies, reads=reads,
                    city_terms=city)
