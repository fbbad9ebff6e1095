"""The position a tariff question names, and which of a service's rows are that position's.

A position is named by glossary terms ("врач", "ЛФК", "massage nurse" → a glossary key, with its terms in every
language) or, for titles the glossary does not know, by the words of a title printed in the base itself
("машинист", "травматолог" → "Травмотолог-ортопед дәрігер"). A row is of the asked position when its printed title
holds every named part: a glossary key through one of its terms (each of the term's words found among the title's
words, compared by their keys), a free word through a title word like it (the index's own likeness: same word,
inflection, typo). Nothing here is listed per position: a title printed in a new decree is matched the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from knowledge.answer.glossary import Glossary, Match
from knowledge.answer.index import INFLECTED, Hit, Index, Target
from knowledge.answer.names import position_names
from knowledge.answer.understand import Understood, Word
from knowledge.text import KAZAKH_NOT, is_latin, key, loose, loose_words, to_cyrillic, tokens

SERVICE_OWN = 0.9  # a word printed in service names as itself or its shorter form is the service's (`_service_own`)
LIKE = 0.75  # a question word this like a title word (`likeness`) names it
MIN_PREFIX = 5  # a word this long is alike to a longer one beginning with it
TYPO_LENGTH, TYPO_RATIO = 7, 85  # words this long this close (rapidfuzz ratio) differ by a typo
MIN_FREE, MAX_WORD = 4, 40  # shorter (or junk-long) question words never name a position by likeness alone
OPTIONAL = 0.35  # the search weight of a position word: it may match a service name but is not required to
MAX_TOKENS = 40
FITS_CACHE = 20_000  # remembered (title, asked position) pairs
TITLE_LISTS = 256  # remembered lists of services (see `Positions._by_title`)
_BRACKETS = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Part:
    """One named part of a position: a glossary key, or a question word found in printed titles."""

    text: str  # the question's words for it, as typed ("врач", "машинист")
    words: frozenset[str] = frozenset()  # their loose forms (and Cyrillic readings)
    key: str = ""  # the glossary key (filters.position names one)
    word: str = ""  # a free word: its loose form
    alt: str = ""  # ... and its Cyrillic reading when typed in Latin letters


@dataclass(frozen=True)
class Asked:
    """The position a question names (empty: none)."""

    parts: tuple[Part, ...] = ()
    context: tuple[tuple[str, ...], ...] = ()  # the question's other words (forms): the title sharing most fits best
    only: bool = False  # the question names a position and no service: every content word is the position's
    free_words: frozenset[str] = frozenset()  # loose forms of the free words (not required of a service name)
    order: tuple[str, ...] = ()  # the question's content words (Understood.words) as searched, for `about`
    ruled_out: frozenset[str] = frozenset()  # loose words of a position the question rules out ("not the care worker")

    def __bool__(self) -> bool:
        return bool(self.parts)

    def about(self, hit: Hit) -> Asked:
        """The position asked of one found service: a part whose words are the service's own name ("Дәрігерге
        дейінгі көмек" names no doctor) is left out."""
        if not self.parts or not hit.matched:
            return self
        said = {text for text, sim in zip(self.order, hit.matched, strict=False) if sim >= INFLECTED}
        parts = tuple(part for part in self.parts
                      if not (present := [t for t in self.order if t in part.words]) or not set(present) <= said)
        return self if len(parts) == len(self.parts) else replace(self, parts=parts)

    def names_service(self, hit: Hit, besides: frozenset[str] = frozenset()) -> bool:
        """Whether a found service's name holds a word of the question other than the position's own ("ЕДШ
        нұсқаушысының консультациясы" for "ЛФК нұсқаушысы"; not "Психологиялық тренингтер" for "психолог"), nor one
        of `besides` (the words of the position's printed titles: "күтім" of "Күтім жөніндегі санитар")."""
        named = {w for part in self.parts for w in part.words} | besides
        return any(sim >= INFLECTED and text not in named
                   for text, sim in zip(self.order, hit.matched, strict=False))

    @property
    def text(self) -> str:
        return " ".join(part.text for part in self.parts)

    def search_words(self, words: list[Word]) -> list[Word]:
        """The question's content words for the service search, a free position word made optional (like a
        glossary position word): naming a machinist must not make the search look for a service called so."""
        kept = [w for w in words if w.text not in self.ruled_out]
        if not self.free_words:
            return kept
        return [Word(w.text, w.alt, min(w.weight, OPTIONAL)) if w.text in self.free_words else w for w in kept]


@dataclass
class Positions:
    """Every position title printed in the base, and the glossary's position terms, as one matcher."""

    catalogue: list[Target]  # every tariff service
    service_index: Index
    glossary: Glossary
    titles: list[str] = field(init=False)  # every title printed in the base
    vocabulary: list[str] = field(init=False)  # the loose words of every title and the telling ones of its names
    terms: dict[str, list[tuple[str, ...]]] = field(init=False)  # glossary key → its terms' loose words
    _title_words: dict[str, tuple[tuple[str, ...], frozenset[str]]] = field(init=False, default_factory=dict)
    _service_words: dict[int, tuple] = field(init=False, default_factory=dict)  # see `_name_words`
    _service_said: dict[tuple, tuple] = field(init=False, default_factory=dict)  # see `_said_by_service`
    _fits: dict[tuple, bool] = field(init=False, default_factory=dict)
    _last: tuple | None = field(init=False, default=None)
    _like: dict[str, dict[str, float]] = field(init=False, default_factory=dict)
    # the vocabulary by what `likeness` needs shared: a key, the first MIN_PREFIX letters (a word that begins another)
    _by_key: dict[str, list[str]] = field(init=False, default_factory=dict)
    _by_head: dict[str, list[str]] = field(init=False, default_factory=dict)
    _long_words: list[str] = field(init=False, default_factory=list)  # TYPO_LENGTH or longer: may differ by a typo
    _term_words: frozenset[str] = field(init=False, default=frozenset())  # the loose words of the position terms
    _titles_of: dict[int, tuple[list[Target], dict[str, list[int]]]] = field(init=False, default_factory=dict)
    _best: dict[tuple, tuple[Asked, frozenset[str]]] = field(init=False, default_factory=dict)  # see `best_titles`
    # glossary key → the keys a term of which is a term of it less some words ("social worker" of "care social worker")
    _broader: dict[str, frozenset[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        titles = self.titles = sorted(title for title in self._by_title(self.catalogue) if title)
        printed = {loose(t) for title in titles for t in tokens(title)}
        # a word of a title's Russian or English name that services are named by too ("special", "care") tells no
        # position: only the printed titles' own words and the names' other words do ("operator", "orderly")
        self.vocabulary = sorted({w for title in titles for w in self._words(title)[0] if len(w) >= 2
                                  and (w in printed or not self.service_index.postings_of(w))})
        for word in self.vocabulary:
            self._by_key.setdefault(key(word), []).append(word)
            if len(word) >= MIN_PREFIX:
                self._by_head.setdefault(word[:MIN_PREFIX], []).append(word)
        self._long_words = [w for w in self.vocabulary if len(w) >= TYPO_LENGTH]
        self.terms = {}
        for term in self.glossary.terms:
            if term.category == "positions":
                self.terms.setdefault(term.key, []).append(term.words)
        self._term_words = frozenset(w for words in self.terms.values() for phrase in words for w in phrase)
        for narrow, phrases in self.terms.items():
            found = frozenset(wide for wide, others in self.terms.items() if wide != narrow
                              and any(len(o) > 1 and set(o) < set(p) for o in others for p in phrases))
            if found:
                self._broader[narrow] = found

    # --- what the question names -----------------------------------------------------------------------------------

    def asked(self, u: Understood) -> Asked:
        """The position `u` names (remembered for the last question: the engine may rank intents, then answer)."""
        last = self._last
        if last is not None and last[0] is u and last[1] == (u.question, u.filters.position):
            return last[2]
        asked = self._asked(u)
        self._last = (u, (u.question, u.filters.position), asked)
        return asked

    def _asked(self, u: Understood) -> Asked:
        raw = u.tokens
        words = [loose(t) for t in raw]
        alts = [loose(to_cyrillic(t)) if is_latin(t) else "" for t in raw]
        matches = _all_matches(self.glossary, words, alts)
        typos = self._typo_matches(words, matches)
        matches += typos
        if any(m.term.category == "positions" and not m.typo for m in matches):
            # a position spelt out leaves a misspelt word to name one only by a title's likeness (below): "заңгрелік
            # кеңес ... әлеуметтік жұмыс жөніндегі маман" is the legal advice, not a lawyer's title
            typos = []  # every match `_typo_matches` finds is a typo one
            matches = [m for m in matches if m.term.category != "positions" or not m.typo]
        taken = {i for m in matches for i in range(m.start, m.end)}
        # a position said with a typo is optional in the service search, as it would be spelt right
        free: set[str] = {words[i] for m in typos for i in range(m.start, m.end)}
        positional = [m for m in matches if m.term.category == "positions"]
        parts = [Part(" ".join(raw[m.start:m.end]), _forms(words, alts, m.start, m.end), key=m.term.key)
                 for m in positional if not _ruled_out(words, m.start, m.end)]
        ruled = {w for m in positional if _ruled_out(words, m.start, m.end) for w in words[m.start:m.end]}
        if u.filters.position and all(p.key != u.filters.position for p in parts):
            parts.append(Part(u.filters.position.replace("_", " "), key=u.filters.position))
        for i, word in enumerate(words):
            if i in taken or not MIN_FREE <= len(word) <= MAX_WORD or word.isdigit() or self.glossary.is_stopword(word):
                continue
            forms = [f for f in (word, alts[i]) if f]
            if not self._names_a_title(forms) or any(self._in_terms(forms, p.key) for p in parts if p.key):
                continue  # a service word, or a word of a glossary position already named ("ЛФК нұсқаушысы")
            if _ruled_out(words, i, i + 1):
                ruled.add(word)
                continue
            parts.append(Part(raw[i], _forms(words, alts, i, i + 1), word=word, alt=alts[i]))
            free.add(word)
        parts = self._refining(parts, free)
        if not parts:
            return Asked(ruled_out=frozenset(ruled))
        named = {w for p in parts for w in p.words}
        others = [(w.text, w.alt) if w.alt else (w.text,) for w in u.words if w.text not in named]
        # the question names only a position when each other word is a title's word too ("күтім жөніндегі" of
        # "Күтім жөніндегі санитар") or is known nowhere ("trauma"): no word of it asks for a service
        asked = Asked(tuple(parts), tuple(others), False, frozenset(free), tuple(w.text for w in u.words),
                      frozenset(ruled))
        fitting: list[tuple[str, ...]] | None = None

        def of_the_title(forms: tuple[str, ...]) -> bool:  # "уходу" of "санитар по уходу", the title's name
            nonlocal fitting
            if fitting is None:
                fitting = [self._words(title)[0] for title in self.titles if self.fits(title, asked)]
            return any(likeness(f, w) >= LIKE for f in forms for words in fitting for w in words)

        only = all(self._title_likeness(list(forms)) >= LIKE or not self._service_likeness(list(forms))
                   or of_the_title(forms) for forms in others)
        return replace(asked, only=only)

    def _refining(self, parts: list[Part], free: set[str]) -> list[Part]:
        """With a position named by the glossary, a free word is a part of it only when some printed title holds
        both ("учитель трудового обучения": the instructor's title names the teacher of labour); one no such title
        holds is a story or service word ("мама" like "маманы", "терапию" like "терапиясы" beside
        "учитель-дефектолог"): kept, it would fit no row at all. It is left out of `free` too, so that it keeps its
        full weight in the service search."""
        named = [p for p in parts if p.key]
        loose_parts = [p for p in parts if not p.key]
        if not named or not loose_parts or not any(self.fits(t, Asked(tuple(named))) for t in self.titles):
            return parts
        kept = [p for p in loose_parts if any(self.fits(t, Asked((*named, p))) for t in self.titles)]
        free.difference_update(p.word for p in loose_parts if p not in kept)
        return [p for p in parts if p.key or p in kept]

    def _names_a_title(self, forms: list[str]) -> bool:
        """A word names a position when it is like a title word, and more like it than any service-name word (a word
        printed in service names as well, "күтім", "массаж", is the service's)."""
        title = self._title_likeness(forms)
        return title >= LIKE and title > self._service_likeness(forms) and not self._service_own(forms)

    def _service_own(self, forms: list[str]) -> bool:
        """Whether service names print the word as itself or as its shorter form ("лечебно" of "лечебное"): the
        service's word, whatever title it is like too ("санитар" is not "санитарлық": that one is longer)."""
        return any(sim >= SERVICE_OWN and (f == w or f.startswith(w))
                   for f in forms if f for w, sim in self.service_index.word_matches(f).items())

    def _typo_matches(self, words: list[str], matches: list[Match]) -> list[Match]:
        """Position terms said with a typo in a long word ("occupational therapy insturctor", "ортопед суреон"): the
        words the glossary did not match, each read as the position-term word it is a typo of, matched again."""
        taken = {i for m in matches for i in range(m.start, m.end)}
        corrected = [word if i in taken else self._term_word_like(word) for i, word in enumerate(words)]
        if corrected == words:
            return []
        return [replace(m, typo=True) for m in self.glossary.match(corrected) if m.term.category == "positions"
                and not taken & set(range(m.start, m.end))
                and any(corrected[i] != words[i] for i in range(m.start, m.end))]

    def _term_word_like(self, word: str) -> str:
        """The glossary position-term word `word` is a typo of (rapidfuzz ratio, long words only), else `word`."""
        if len(word) < TYPO_LENGTH or word in self._term_words:
            return word
        best, best_ratio = word, float(TYPO_RATIO)
        for term_word in self._term_words:
            stem = term_word.rstrip("*")
            if len(stem) < TYPO_LENGTH - 1 or stem[0] != word[0]:
                continue
            ratio = fuzz.ratio(word[:len(stem)] if term_word.endswith("*") else word, stem)
            if ratio > best_ratio:
                best, best_ratio = stem + (word[len(stem):] if term_word.endswith("*") else ""), ratio
        return best

    def _title_likeness(self, forms: list[str]) -> float:
        return max((s for f in forms if f for s in self._alike(f).values()), default=0.0)

    def _alike(self, word: str) -> dict[str, float]:
        """The title words like a question word, with their likeness (remembered per word, bounded)."""
        found = self._like.get(word)
        if found is None:
            if len(self._like) >= FITS_CACHE:
                self._like.clear()
            found = self._like[word] = {w: s for w in self._maybe_alike(word) if (s := likeness(word, w)) >= LIKE}
        return found

    def _maybe_alike(self, word: str) -> set[str]:
        """The vocabulary words `likeness` may find alike to `word` (it is then computed for these alone): the same
        key, the same beginning, or, for long words, a close spelling."""
        found = set(self._by_key.get(key(word), ()))
        if len(word) >= MIN_PREFIX:
            found.update(self._by_head.get(word[:MIN_PREFIX], ()))
        if len(word) >= TYPO_LENGTH:
            found.update(w for w, _, _ in process.extract(word, self._long_words, scorer=fuzz.ratio,
                                                           score_cutoff=TYPO_RATIO, limit=None))
        return found

    def _service_likeness(self, forms: list[str]) -> float:
        return max((s for f in forms if f for s in self.service_index.word_matches(f).values()), default=0.0)

    def _in_terms(self, forms: list[str], position: str) -> bool:
        words, keys = tuple(forms), {key(f) for f in forms}
        return any(_word_fits(word, words, keys) for term in self.terms.get(position, ()) for word in term)

    def broader(self, asked: Asked) -> Asked:
        """The position the asked one is a kind of ("social worker" for "care social worker"), for a table that
        prints only the broader title; the asked position itself when no part has a broader one."""
        parts = []
        for part in asked.parts:
            wide = sorted(self._broader.get(part.key, ()))
            parts.append(replace(part, key=wide[0]) if len(wide) == 1 else part)
        return replace(asked, parts=tuple(parts)) if tuple(parts) != asked.parts else asked

    # --- which rows are the position's ---------------------------------------------------------------------------

    def rows(self, rows: list[dict], asked: Asked) -> list[dict]:
        """A service's rows of the asked position, of the titles fitting it best ([] when it has none)."""
        if not asked:
            return rows
        best = self.best_titles({row.get("position") or "" for row in rows}, asked)
        return [row for row in rows if (row.get("position") or "") in best]

    def services(self, targets: list[Target], asked: Asked, *, plainest: bool = True) -> list[Target]:
        """The services with a row of the asked position, of the titles fitting it best in all of `targets`."""
        if not asked:
            return []
        by_title = self._by_title(targets)
        best = self.best_titles(set(by_title), asked, plainest=plainest)
        return [targets[i] for i in sorted({i for title in best for i in by_title[title]})]

    def _by_title(self, targets: list[Target]) -> dict[str, list[int]]:
        """Each title printed in `targets` → the places in it of the services printing it. Remembered per list: the
        engine asks of the catalogue's own lists (every service, a table, a view), each kept as long as the base;
        the entry holds its list, so a list's id is never mistaken for another's."""
        known = self._titles_of.get(id(targets))
        if known is None or known[0] is not targets:
            if len(self._titles_of) >= TITLE_LISTS:
                self._titles_of.clear()
            found: dict[str, list[int]] = {}
            for index, target in enumerate(targets):
                for title in dict.fromkeys(row.get("position") or "" for row in target.rows):
                    found.setdefault(title, []).append(index)
            known = self._titles_of[id(targets)] = (targets, found)
        return known[1]

    def best_titles(self, titles: set[str], asked: Asked, *, plainest: bool = True) -> frozenset[str]:
        """Of the titles holding every named part, those sharing most of the question's other words ("күтім
        жөніндегі санитар" → "Күтім жөніндегі санитар (…)", not "Ваннашы санитар"); with `plainest`, less any
        that only adds words to another ("әлеуметтік қызметкер" is the row so titled, not "Күтім көрсету жөніндегі
        әлеуметтік қызметкер"; what a title adds in brackets does not count). Remembered per asked position and
        set of titles: the same service in every district's and year's table prints the same ones."""
        key = (id(asked), frozenset(titles), plainest)
        known = self._best.get(key)
        if known is None or known[0] is not asked:
            if len(self._best) >= FITS_CACHE:
                self._best.clear()
            known = self._best[key] = (asked, self._best_titles(key[1], asked, plainest))
        return known[1]

    def _best_titles(self, titles: frozenset[str], asked: Asked, plainest: bool) -> frozenset[str]:
        said = {title: self._said(title, asked) for title in titles if self.fits(title, asked)}
        if not said:
            return frozenset()
        most = max(said.values())
        best = [title for title, n in said.items() if n == most]
        if not plainest:
            return frozenset(best)
        cores = {title: self._core(title) for title in best}
        return frozenset(title for title in best if not any(cores[other] < cores[title] for other in best))

    def nearest_first(self, rows: list[dict], asked: Asked) -> list[dict]:
        """A service's rows, none of them the asked position's: those whose title shares most words with it first
        ("Әлеуметтік жұмыс жөніндегі маман" before "Шаруашылық бикесі" for "әлеуметтік қызметкер")."""
        def shared(row: dict) -> int:
            words, keys = self._words(row.get("position") or "")
            return max((sum(_word_fits(w, words, keys) for w in term) for part in asked.parts
                        for term in self.terms.get(part.key, ())), default=0)

        # two positions named ("дефектолог логопед") ask which of them: no order between the titles
        return sorted(rows, key=lambda row: -shared(row)) if len(asked.parts) == 1 else rows

    def _said(self, title: str, asked: Asked) -> int:
        """How many of the question's other words a title holds (by the index's likeness)."""
        words = self._words(title)[0]
        return sum(1 for forms in asked.context
                   if any(w in self._alike(f) for f in forms for w in words))

    def of(self, hit: Hit, asked: Asked) -> tuple[Asked, list[dict]]:
        """The position asked of one found service, and its rows for it ([] when it has none): a part of the asked
        position that the service's own name says is dropped when the service has no row for the whole of it
        ("Дәрігерге дейінгі көмек" names no doctor)."""
        if not asked:
            return asked, []
        rows = self.rows(hit.target.rows, asked)
        if rows:
            return asked, rows
        narrowed = asked.about(hit)
        if narrowed is not asked and narrowed:
            rows = self.rows(hit.target.rows, narrowed)
            if rows:
                return narrowed, rows
        # a part the service's name says in any of its languages, though the question's words met another name
        # ("first aid before the doctor by a nurse": "Дәрігерге дейінгі көмек" names no doctor) is no position
        kept = tuple(part for part in asked.parts if not self._said_by_service(part, hit.target))
        if kept and len(kept) < len(asked.parts):
            narrowed = replace(asked, parts=kept)
            rows = self.rows(hit.target.rows, narrowed)
            if rows:
                return narrowed, rows
        return narrowed, []

    def _said_by_service(self, part: Part, target: Target) -> bool:
        """Whether one of a service's names says a part of the asked position (remembered per part and names)."""
        found = self._service_said.get((part, id(target.names)))
        if found is None or found[0] is not target.names:
            if len(self._service_said) >= FITS_CACHE:
                self._service_said.clear()
            words, keys = self._name_words(target)
            found = self._service_said[(part, id(target.names))] = (target.names, self._part_fits(part, words, keys))
        return found[1]

    def _name_words(self, target: Target) -> tuple[tuple[str, ...], frozenset[str]]:
        """The loose words of a service's names (printed and aliases), with their keys (remembered per list)."""
        known = self._service_words.get(id(target.names))
        if known is None or known[0] is not target.names:
            known = self._service_words[id(target.names)] = (target.names, *_words_and_keys(target.names))
        return known[1], known[2]

    def fits(self, title: str, asked: Asked) -> bool:
        """Whether a printed title holds every named part of the asked position (remembered per title)."""
        found = self._fits.get((title, asked.parts))
        if found is None:
            if len(self._fits) >= FITS_CACHE:
                self._fits.clear()
            words, keys = self._words(title)
            found = self._fits[(title, asked.parts)] = all(self._part_fits(p, words, keys) for p in asked.parts)
        return found

    def _core(self, title: str) -> frozenset[str]:
        return self._words(_BRACKETS.sub(" ", title))[1]

    def _part_fits(self, part: Part, words: tuple[str, ...], keys: frozenset[str]) -> bool:
        if part.key:
            return any(all(_word_fits(w, words, keys) for w in term) for term in self.terms.get(part.key, ()))
        for form in (part.word, part.alt):
            if form:
                alike = self._alike(form)
                if any(w in alike for w in words):
                    return True
        return False

    def _words(self, title: str) -> tuple[tuple[str, ...], frozenset[str]]:
        """The loose words of a printed title and of its reviewed Russian and English names ("laundry machine
        operator" names "Киім және іш-киім жуатын машинист"), with their keys."""
        known = self._title_words.get(title)
        if known is None:
            known = self._title_words[title] = _words_and_keys((title, *position_names(title)))
        return known


def _words_and_keys(texts: Iterable[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The distinct loose words of some texts, in order, and their keys."""
    words = tuple(dict.fromkeys(w for text in texts for w in loose_words(text)))
    return words, frozenset(key(w) for w in words)


def likeness(word: str, other: str) -> float:
    """How alike a question word and a title word are, by the text module's keys: the same word (1), the same
    key with another ending (0.95), one the other's beginning ("ортопед" / "ортопедист", 0.9), a typo in a long
    word ("травматолог" / "травмотолог", 0.8); else 0. Stricter than the service index: "терапевт" is not
    "терапиясы"."""
    if word == other:
        return 1.0
    if key(word) == key(other):
        return 0.95
    short, long = sorted((word, other), key=len)
    if len(short) >= MIN_PREFIX and long.startswith(short) and len(long) - len(short) <= max(4, len(short) // 2):
        return 0.9
    if len(short) >= TYPO_LENGTH and fuzz.ratio(word, other) >= TYPO_RATIO:
        return 0.8
    return 0.0


_NOT_BEFORE = frozenset({"not", "не", "no"})  # "(not the care worker)", "а не соцработник"
_ARTICLES = frozenset({"the", "a", "an"})


def _ruled_out(words: list[str], start: int, end: int) -> bool:
    """Whether the question rules a position out rather than naming it: a negation just before it ("не вызвали
    врача" negates the verb: the doctor is named) or just after it."""
    before = [w for w in words[max(0, start - 2):start] if w not in _ARTICLES][-1:]
    return bool(_NOT_BEFORE & set(before) or words[end:end + 1] == [KAZAKH_NOT])


def _forms(words: list[str], alts: list[str], start: int, end: int) -> frozenset[str]:
    return frozenset(w for w in words[start:end] + alts[start:end] if w)


def _word_fits(term_word: str, words, keys) -> bool:
    """A glossary term's word (a "*" stem or a whole word) among a text's loose words (with their keys)."""
    if term_word.endswith("*"):
        stem = term_word[:-1]
        return not stem or stem in _beginnings(words) or key(stem) in keys
    return term_word in words or key(term_word) in keys


@lru_cache(maxsize=FITS_CACHE)
def _beginnings(words: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    """Every beginning of a text's words: a title is tried against many stems, each now looked up once."""
    return frozenset(word[:end] for word in words for end in range(1, len(word) + 1))


def _all_matches(glossary: Glossary, words: list[str], alts: list[str]) -> list[Match]:
    """Glossary matches of the question's words, then of the Latin words read in Cyrillic where nothing matched."""
    matches = glossary.match(words)
    if any(alts):
        taken = {i for m in matches for i in range(m.start, m.end)}
        readings = [a or w for a, w in zip(alts, words, strict=True)]
        matches += [m for m in glossary.match(readings) if not taken & set(range(m.start, m.end))]
    return matches
