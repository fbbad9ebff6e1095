"""A reported incident read against the requirements it may break.

People report what was not done ("на дому не провели профориентацию", "уақытша болу бөлімшесінде психолог
диагностика жүргізбеді", "no help with benefits"); risk criteria and checklist requirements say what must be done,
by a Kazakh verbal noun and its object ("кәсіптік бағдар беру іс-шараларын жүргізу", "... қамтамасыз ету").
Whether and how the question reports an incident is `understand`'s reading (Understood.incident: not done, absent,
or none; knowledge.answer.negation), never decided again here. Its words (as `understand` gives them) are read in
three parts:
- negating and auxiliary words ("не", "жоқ", "not", "was"): no content;
- the action (a verb or verbal noun in any of the three languages): it meets the requirement's verbal noun; among
  candidates of which some name it, those that do not fall behind; an answer never rests on it alone;
- the object (the words left): what is searched.
The setting the question names keeps the search to the requirements of that setting (read from their own text or
their checklist's title). The word lists are data: knowledge/data/incidents.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.answer.catalogue import Catalogue
from knowledge.answer.index import INFLECTED, SURE, Hit, Index, Target
from knowledge.answer.negation import ABSENT, NOT_DONE  # noqa: F401 - what `report` says, for its callers
from knowledge.answer.understand import Understood, Word
from knowledge.text import is_latin, keys, loose, loose_words, russian_pos, to_cyrillic, tokens

INCIDENTS_PATH = PACKAGE_DIR / "data" / "incidents.toml"
ACTION_PENALTY = 0.15  # a requirement not naming the asked action, when another does, falls this far behind
POSITION_PENALTY = 0.1  # a requirement not in the field of the job named, when another is, falls this far behind
SETTING_WEIGHT = 0.5  # a setting word is optional too
ACTION_WEIGHT = 0.5  # an action word counts where a name has it, and costs nothing where none has (optional)
STORY = "story"
OBJECT_WEIGHT = 1.5  # the thing a negated verb says was not given or done: what the question is about
COUNT_REACH = 2  # words before a counted way in which its count stands ("две подтверждённые жалобы")
# a Kazakh verbal noun of purpose belongs to the verb after it, its object stands before it ("протез алуға
# көмектеспеді"); loose forms
_PURPOSE = ("уга", "уге", "юга", "юге")
STORY_WEIGHT = 0.5  # a story word counts where a requirement says it ("қарттар") and costs nothing where none does
SEARCHED = 12  # candidates read per search (the answer shows a few; the rest decide ties and look-alikes)
WORD_CACHE = 20_000  # words remembered by the lexicon
WAYS_CACHE = 256  # questions whose ways of coming to light are remembered


@dataclass(frozen=True)
class Pattern:
    """Loose words; the last may be a stem (ends with "*"): matches a run of question words."""

    words: tuple[str, ...]

    def at(self, words: list[str], start: int) -> bool:
        if start + len(self.words) > len(words):
            return False
        for part, word in zip(self.words, words[start:], strict=False):
            if part.endswith("*"):
                if not word.startswith(part[:-1]):
                    return False
            elif word != part:
                return False
        return True


class _WordKinds:
    """One-word patterns (a whole word or a stem) with what each names, looked up by a word: the first in their order
    that matches it (a negation before an auxiliary before a story word before an action, as `Lexicon._kind` reads)."""

    def __init__(self, kinds: list[tuple[Pattern, object]]) -> None:
        self.whole: dict[str, tuple[int, object]] = {}
        self.stems: dict[str, list[tuple[str, int, object]]] = {}  # first letter → (stem, order, kind)
        for order, (pattern, kind) in enumerate(kinds):
            if len(pattern.words) != 1:
                continue  # a run of words never matches one word
            word = pattern.words[0]
            if word.endswith("*"):
                self.stems.setdefault(word[:1], []).append((word[:-1], order, kind))
            else:
                self.whole.setdefault(word, (order, kind))

    def first(self, word: str) -> object | None:
        found = [self.whole[word]] if word in self.whole else []
        for head in {word[:1], ""}:
            found += [(order, kind) for stem, order, kind in self.stems.get(head, ()) if word.startswith(stem)]
        return min(found, key=lambda item: item[0])[1] if found else None


@dataclass(frozen=True)
class Action:
    key: str
    asked: tuple[Pattern, ...]  # question words naming it, any language
    required: tuple[Pattern, ...]  # the Kazakh verbal nouns naming it in a requirement


@dataclass
class Lexicon:
    negations: tuple[Pattern, ...]  # loose words that only negate ("не", "жоқ", "missing"): no content
    auxiliaries: frozenset[str]  # loose words of no content ("did", "was", "было")
    story: tuple[Pattern, ...]  # words telling the story around an incident: who, how long ("бабушке", "две недели")
    counts: frozenset[str]  # number words: part of the story when they count what follows ("две недели", "two months")
    actions: tuple[Action, ...]
    meaning: tuple[Pattern, ...]
    sections: dict[str, tuple[Pattern, ...]]  # section kind → words of its heading
    found_by: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)  # section kind → question words naming it
    mentioned_by: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)  # ... words that allow it
    failures: tuple[Pattern, ...] = ()  # a requirement's words saying it is about something not done: any action
    counted: frozenset[str] = frozenset()  # section kinds whose way is said for sure only with a count before it
    single: frozenset[str] = frozenset()  # count words of one ("бір", "одна"): no count of two or more
    learners: tuple[Pattern, ...] = ()  # the family a lesson is for ("daughter", "родственникам", "отбасы мүшелеріне")
    _kinds: dict = field(default_factory=dict, repr=False)  # word → what it is
    _by_word: _WordKinds | None = field(default=None, repr=False)  # the one-word patterns, looked up by word
    _sections_of: dict = field(default_factory=dict, repr=False)  # section heading → its kind
    _ways: dict = field(default_factory=dict, repr=False)  # (question tokens, mentioned) → `ways_said`
    _way_runs: dict = field(default_factory=dict, repr=False)  # question tokens → `_ways_in`

    def _kind(self, word: str) -> Action | bool | str | None:
        """True for a negation word, False for an auxiliary, STORY for a story word, the action a word names, None
        for anything else (remembered per word)."""
        if word not in self._kinds:
            if len(self._kinds) > WORD_CACHE:
                self._kinds.clear()
            self._kinds[word] = self._word_kinds().first(word)
        return self._kinds[word]

    def _word_kinds(self) -> _WordKinds:
        if self._by_word is None:
            kinds: list[tuple[Pattern, Action | bool | str]] = [(p, True) for p in self.negations]
            kinds += [(Pattern((word,)), False) for word in sorted(self.auxiliaries)]
            kinds += [(p, STORY) for p in self.story]
            kinds += [(p, action) for action in self.actions for p in action.asked]
            self._by_word = _WordKinds(kinds)
        return self._by_word

    def no_content(self, word: str) -> bool:
        """A negation or an auxiliary word: nothing to search for."""
        return isinstance(self._kind(word), bool)

    def tells_story(self, word: str) -> bool:
        """Who the incident happened to, how long it went on, how strongly it is told: no requirement says it."""
        return self._kind(word) == STORY

    def action(self, word: str) -> Action | None:
        kind = self._kind(word)
        return kind if isinstance(kind, Action) else None

    def ways_said(self, raw: tuple[str, ...], mentioned: bool) -> frozenset[str]:
        """The section kinds whose way (or, `mentioned`, whose records) the question's tokens say (remembered for the
        last questions: an answer reads them for every candidate search)."""
        known = self._ways.get((raw, mentioned))
        if known is None:
            if len(self._ways) > WAYS_CACHE:
                self._ways.clear()
            ways = self.mentioned_by if mentioned else self.found_by
            readings = _readings(raw)
            known = self._ways[(raw, mentioned)] = frozenset(
                kind for kind, patterns in ways.items()
                if any(_found(patterns, words) for words in readings))
        return known

    def ways_for_sure(self, raw: tuple[str, ...]) -> frozenset[str]:
        """The section kinds whose way the question says for sure: a counted way ("two complaints or more") with a
        count of two or more in the COUNT_REACH words before it ("две подтверждённые жалобы", "3 шағым")."""
        readings, ways = self._ways_in(raw)

        def many(w: str) -> bool:
            return (w in self.counts and w not in self.single) or (w.isdigit() and int(w) >= 2)

        def counted(start: int, end: int) -> bool:
            # the count before the way ("две жалобы"), or after it as who complained ("жалоба от двух семей")
            return any(any(many(w) for w in words[max(0, start - COUNT_REACH):start])
                       or (end + 1 < len(words) and words[end] in _FROM and many(words[end + 1])) for words in readings)

        return frozenset(kind for kind, start, end in ways if kind not in self.counted or counted(start, end))

    def way_words(self, raw: tuple[str, ...]) -> frozenset[str]:
        """The loose words saying how a violation came to light ("жалобы", "БАҚ"), with the COUNT_REACH words before
        each (its count or verb: "две подтверждённые жалобы", "екі шағым"): they tell the section, not what was not
        done."""
        readings, ways = self._ways_in(raw)
        return frozenset(word for words in readings for _, start, end in ways
                         for word in words[max(0, start - COUNT_REACH):end])

    def _ways_in(self, raw: tuple[str, ...]) -> tuple[list[list[str]], tuple[tuple[str, int, int], ...]]:
        """The question's loose words (as typed, and in Cyrillic when Latin) and the runs naming a way in them, read
        once for both readers above."""
        found = self._way_runs.get(raw)
        if found is None:
            if len(self._way_runs) > WAYS_CACHE:
                self._way_runs.clear()
            readings = _readings(raw)
            runs = dict.fromkeys(run for words in readings for run in self._ways_at(words))
            found = self._way_runs[raw] = (readings, tuple(runs))
        return found

    def _ways_at(self, words: list[str]) -> Iterator[tuple[str, int, int]]:
        """Each run of loose words naming a way a violation came to light: (section kind, start, end)."""
        for kind, patterns in self.found_by.items():
            for pattern, start in _runs(patterns, words):
                yield kind, start, start + len(pattern.words)

    def section(self, heading: str) -> str | None:
        """The kind of a section heading of the criteria annex (remembered: the annex has a handful)."""
        if heading not in self._sections_of:
            words = [loose(t) for t in tokens(heading)]
            self._sections_of[heading] = next((kind for kind, patterns in self.sections.items()
                                               if _found(patterns, words)),
                                              None)
        return self._sections_of[heading]


@dataclass
class Reading:
    """What a question says, read as an incident: the words to search, the actions named, and whether it reports
    an incident at all (understand's reading)."""

    words: list[Word]  # object words, then the setting words (optional: aliases name settings too, "на дому")
    actions: tuple[Action, ...]
    negated: bool
    action_words: list[Word] = field(default_factory=list)  # the question's action words, searched as optional
    relative_taught: bool = False  # a lesson not given to the family ("не научили дочь ухаживать")


_FROM = frozenset({"от", "from"})  # "жалобы от двух семей", "complaints from two families": who complained


def _readings(raw: tuple[str, ...]) -> list[list[str]]:
    """The loose words of a question as typed, and, when it has Latin-script words, as read in Cyrillic too
    ("eki shagym" says "екі шағым"; English words keep their own reading)."""
    typed = [loose(t) for t in raw]
    if not any(is_latin(t) for t in raw):
        return [typed]
    return [typed, [loose(to_cyrillic(t)) if is_latin(t) else w for t, w in zip(raw, typed, strict=True)]]


def _found(patterns: tuple[Pattern, ...], words: list[str]) -> bool:
    """Whether one of the patterns runs somewhere in the loose words."""
    return any(True for _ in _runs(patterns, words))


def _runs(patterns: tuple[Pattern, ...], words: list[str]) -> Iterator[tuple[Pattern, int]]:
    """Each (pattern, start) running in the loose words, in the patterns' order, then by start: only the patterns
    whose first word can be the word at a start are tried there."""
    whole, stems = _by_first_word(patterns)
    at: list[tuple[int, int]] = []
    for start, word in enumerate(words):
        at += [(order, start) for order in whole.get(word, ())]
        at += [(order, start) for stem, order in stems.get(word[:1], ()) if word.startswith(stem)]
    for order, start in sorted(at):
        if patterns[order].at(words, start):
            yield patterns[order], start


@lru_cache(maxsize=64)
def _by_first_word(patterns: tuple[Pattern, ...]) -> tuple[dict[str, list[int]], dict[str, list[tuple[str, int]]]]:
    """The patterns' positions by their first word: a whole word, or a stem by its first letter."""
    whole: dict[str, list[int]] = {}
    stems: dict[str, list[tuple[str, int]]] = {}
    for order, pattern in enumerate(patterns):
        first = pattern.words[0]
        if first.endswith("*"):
            stems.setdefault(first[:1], []).append((first[:-1], order))
        else:
            whole.setdefault(first, []).append(order)
    return whole, stems


def _patterns(texts: list[str]) -> tuple[Pattern, ...]:
    found = []
    for text in texts:
        words = [loose(t) for t in tokens(text)]
        if words:
            if text.rstrip().endswith("*"):
                words[-1] += "*"
            found.append(Pattern(tuple(words)))
    return tuple(found)


@lru_cache(maxsize=2)
def load_lexicon(path: Path = INCIDENTS_PATH) -> Lexicon:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    by_lang = lambda entry: [t for lang in ("kk", "ru", "en") for t in entry.get(lang, [])]  # noqa: E731
    actions = tuple(Action(key, _patterns(entry.get("asked", [])), _patterns(entry.get("required", [])))
                    for key, entry in data.get("actions", {}).items())
    auxiliaries = frozenset(loose(w) for w in by_lang(data.get("auxiliary", {})))
    return Lexicon(negations=_patterns(by_lang(data.get("negation", {}))), auxiliaries=auxiliaries,
                   story=_patterns(by_lang(data.get("story", {}))),
                   counts=frozenset(loose(w) for w in by_lang(data.get("counts", {}))), actions=actions,
                   meaning=_patterns(by_lang(data.get("meaning", {}))),
                   sections={kind: _patterns(texts) for kind, texts in data.get("sections", {}).items()},
                   found_by={kind: _patterns(by_lang(entry)) for kind, entry in data.get("found_by", {}).items()},
                   mentioned_by={kind: _patterns(by_lang(entry))
                                 for kind, entry in data.get("mentioned_by", {}).items()},
                   failures=_patterns(data.get("failure", {}).get("required", [])),
                   counted=frozenset(data.get("counted", {}).get("ways", [])),
                   single=frozenset(loose(w) for w in data.get("counted", {}).get("single", [])),
                   learners=_patterns(by_lang(data.get("learners", {}))))


def read(u: Understood, lexicon: Lexicon | None = None) -> Reading:
    """The question's words as an incident report: negating words and actions taken out of the words to search."""
    lexicon = lexicon or load_lexicon()
    words: list[Word] = []
    actions: list[Action] = []
    action_words: list[Word] = []
    said = [loose(t) for t in u.tokens]
    for word in _objects_weighted(story_weighted(u.words, lexicon), u.lang, said):
        # a lemma, when `understand` gives one, is one more form to recognise ("провести" for "провели")
        forms = [f for f in (word.text, word.alt, getattr(word, "lemma", None)) if f]
        if any(lexicon.no_content(f) for f in forms):
            continue
        action = next((a for a in map(lexicon.action, forms) if a), None)
        if action is None:
            words.append(word)
            continue
        action_words.append(replace(word, weight=ACTION_WEIGHT))
        actions.append(action)
    # an action said as done ("мереке ұйымдастырылған, бірақ ... тартпаған": organised, but not involved) is not
    # what went wrong: when the question negates a verb, the actions it does not negate are not asked
    if any(w.negated for w in u.words) and not all(w.negated for w in action_words):
        kept = [i for i, w in enumerate(action_words) if w.negated]
        actions, action_words = [actions[i] for i in kept], [action_words[i] for i in kept]
    actions = list(dict.fromkeys(actions))
    teach = next((a for a in actions if a.key == TEACH), None)
    if teach is not None:
        words = _taught_weighted(words, said, lexicon.learners)
    # setting words count where a name says them ("на дому") and cost nothing where it words the setting otherwise
    # ("day care" / "semi-stationary"): the setting itself is kept by the search (`in_setting`)
    # ... unless another setting than the one the incident happened in: it is what was due ("placing in a care home")
    settings = [replace(w, weight=SETTING_WEIGHT if w.setting in (None, u.filters.setting) else 1.0)
                for w in u.filter_words]
    verbs = frozenset(w.text for w in u.words if w.negated)
    relative_taught = teach is not None and _family_taught(u.question, verbs, teach, lexicon.learners)
    if relative_taught and _taught_in_one_part(u.question, teach, lexicon.learners):
        # a daughter, a husband not taught: the acts' "отбасы мүшелері" (family members), which the question never
        # says; only when one part says both (a sentence reporting the family's consultations and the children's
        # lessons side by side teaches no relative)
        words.append(Word(FAMILY, None, 1.0, keys(FAMILY)))
    return Reading(words + settings, tuple(actions), report(u) > 0, action_words, relative_taught=relative_taught)


TEACH = "teach"  # the action whose object is who was taught, not what
FAMILY = "отбасы"  # the word the acts say a relative by
_HOW = (("how", "to"), ("как",), ("калаи",))  # "showed the daughter how to wash ...": what was taught follows


def _taught_weighted(words: list[Word], said: list[str], learners: tuple[Pattern, ...]) -> list[Word]:
    """What a relative was not taught ("never showed the daughter how to wash her mother"): the words after "how to"
    are the lesson, told around who was not taught; they count where a name says them, like a story's words. Taught
    to the client ("never taught how to use their devices"), the lesson is the thing asked."""
    at = next((i + len(how) for i in range(len(said)) for how in _HOW if tuple(said[i:i + len(how)]) == how), None)
    if at is None or not _found(learners, said[:at]):
        return words
    lesson = set(said[at:]) - set(said[:at])
    return [replace(w, weight=min(w.weight, STORY_WEIGHT)) if w.text in lesson else w for w in words]


def story_weighted(words: list[Word], lexicon: Lexicon | None = None) -> list[Word]:
    """The words telling the story around what is asked ("қарияның", "бабушке", "две недели", "our"), made optional:
    they count where a name says them and cost nothing where none does."""
    lexicon = lexicon or load_lexicon()

    def story(word: Word) -> bool:
        return any(lexicon.tells_story(f) for f in (word.text, word.alt) if f)

    told = [story(word) for word in words]
    # a story told in a phrase ("оңалтудың жеке бағдарламасы бойынша": the programme a thing was due under)
    for pattern, start in _runs(tuple(p for p in lexicon.story if len(p.words) > 1), [w.text for w in words]):
        told[start:start + len(pattern.words)] = [True] * len(pattern.words)
    counted = [word.text in lexicon.counts and i + 1 < len(words) and told[i + 1] for i, word in enumerate(words)]
    return [replace(word, weight=min(word.weight, STORY_WEIGHT)) if told[i] or counted[i] else word
            for i, word in enumerate(words)]


def _said_next(said: list[str], first: str, second: str) -> bool:
    """Whether two loose words stand next to each other in the question."""
    return any(a == first and b == second for a, b in zip(said, said[1:], strict=False))


def _objects_weighted(words: list[Word], lang: str, said: list[str]) -> list[Word]:
    """The thing a negated verb says was not given or done weighs OBJECT_WEIGHT: the content word before a Kazakh
    verb ("ЖОБ бойынша ... кресло-арба берілмеді"), after an English one ("hasn't received the wheelchair ... in his
    rehab program"); the rest of the story is context. Russian word order is free ("транспорт не предоставили"):
    only a noun said right after the verb is its object ("не провели профориентацию"; "не возили на лечение" says
    where). Only the word next to the verb: a story word, a job title or another verb there stresses nothing.
    `said`: the question's loose tokens."""
    weighted = list(words)
    for at, word in enumerate(words):  # the thing said missing ("нет пандуса") is the object, whatever the language
        if word.missing and word.weight >= 1 and not word.negated:
            weighted[at] = replace(word, weight=OBJECT_WEIGHT)
    for at, verb in enumerate(words):
        if not verb.negated:
            continue
        if lang == "kk":  # Cyrillic or Latin ("IPR boiynsha ... emdeu berilmedi")
            steps = range(at - 1, -1, -1)
        elif lang == "en" and is_latin(verb.text):
            steps = range(at + 1, len(words))
        elif lang == "ru" and at + 1 < len(words) and _said_next(said, verb.text, words[at + 1].text) and \
                russian_pos(words[at + 1].text) == "NOUN":
            steps = range(at + 1, at + 2)
        else:
            continue
        # the word next to the verb (past a verbal noun of purpose); a story word there ("бір апта бойы
        # жуындырмаған") means the object is told elsewhere: nothing is stressed
        found = next((i for i in steps if not (lang == "kk" and words[i].text.endswith(_PURPOSE))), None)
        if found is not None and words[found].weight >= 1 and not words[found].negated:
            weighted[found] = replace(words[found], weight=OBJECT_WEIGHT)
    return weighted


def report(u: Understood) -> int:
    """How the question reports an incident, as `understand` read it: NOT_DONE, an action not done ("не провели",
    "not provided", "жүргізбеді"); ABSENT, something missing ("нет пандуса", "жеке жұмыс жоспары жоқ"); 0, none (a
    negation in a condition or a relative clause describes a case: "при отсутствии родственников", "берілмесе")."""
    return int(u.incident or 0)


def reports_incident(u: Understood, lexicon: Lexicon | None = None) -> bool:
    """Whether the question reports something not done or missing about something it names."""
    reading = read(u, lexicon)
    return reading.negated and bool(reading.words or reading.actions)


def asks_meaning(u: Understood, lexicon: Lexicon | None = None) -> bool:
    """Whether the question asks what something means ("что значит", "деген не", "definition")."""
    lexicon = lexicon or load_lexicon()
    words = [loose(t) for t in u.tokens]
    return _found(lexicon.meaning, words)


def sections_named(u: Understood, lexicon: Lexicon | None = None, *, mentioned: bool = False) -> frozenset[str]:
    """The ways a violation came to light the question names ("две подтверждённые жалобы", "in monitoring data"):
    the sections of the criteria annex that give the degree for them; `mentioned`, those whose records it only
    mentions ("Е-собес")."""
    return (lexicon or load_lexicon()).ways_said(tuple(u.tokens), mentioned)


def names_action(target: Target, action: Action, lexicon: Lexicon | None = None) -> bool:
    """Whether a requirement (its Kazakh text, as printed) names the action by one of its verbal nouns, or says it is
    about a failure to do what was due (then every action is its own)."""
    return _names_action(target.names[0], action, (lexicon or load_lexicon()).failures)


@lru_cache(maxsize=8192)
def _names_action(text: str, action: Action, failures: tuple[Pattern, ...]) -> bool:
    return _found(_one_word(action.required + failures), list(_loose_words(text)))


def _names_asked(target: Target, action: Action, reading: Reading) -> bool:
    """Whether a requirement names an action the question says was not done; a lesson not given to the family is
    named only by a requirement that teaches the family."""
    lexicon = load_lexicon()
    if not names_action(target, action, lexicon):
        return False
    return not (reading.relative_taught and action.key == TEACH) or _teaches_family(target.names[0], action,
                                                                                     lexicon.learners)


_SENTENCE = re.compile(r"[.!?;]")
_PART = re.compile(r"[,:—–]")


def _family_taught(question: str, verbs: frozenset[str], teach: Action, learners: tuple[Pattern, ...]) -> bool:
    """Whether the question says a relative was not taught: a clause naming both ("родных не научили ухаживать"),
    not the family in one ("членам семьи консультаций не давали") and a lesson in another. A part of a sentence
    without a negated verb of its own (`verbs`) belongs to the clause it leads into ("отбасы мүшелеріне оны
    күтіп-бағу, гигиена дағдыларын үйретпеген")."""
    for sentence in _sentence_parts(question):
        clause: list[str] = []
        for part in sentence:
            clause += part
            if verbs & set(clause):
                if _taught(clause, teach, learners):
                    return True
                clause = []
        if _taught(clause, teach, learners):
            return True
    return False


def _taught_in_one_part(question: str, teach: Action, learners: tuple[Pattern, ...]) -> bool:
    """Whether one part of the question (between commas and stops) names both a relative and the lesson."""
    return any(_taught(part, teach, learners) for sentence in _sentence_parts(question) for part in sentence)


def _taught(words: Sequence[str], teach: Action, learners: tuple[Pattern, ...]) -> bool:
    """Whether loose `words` name both a relative and the lesson the question says was not given."""
    return _found(learners, words) and _found(teach.asked, words)


@lru_cache(maxsize=256)
def _sentence_parts(question: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The question's sentences (between stops), each as its parts' loose words (between commas and dashes);
    remembered, since a question is read for a relative taught once in clauses and once in parts."""
    return tuple(tuple(loose_words(part) for part in _PART.split(sentence))
                 for sentence in _SENTENCE.split(question))


@lru_cache(maxsize=8192)
def _teaches_family(text: str, action: Action, learners: tuple[Pattern, ...]) -> bool:
    """Whether a requirement teaches the family: one of its clauses (between ";") names both the lesson and a
    relative ("отбасы мүшелерін ... дағдыларға үйретуді"), not the family in one clause ("отбасы мүшелеріне
    консультациялар") and the client's lessons in another."""
    return any(_found(learners, words) and _found(_one_word(action.required), words)
               for words in (list(loose_words(clause)) for clause in text.split(";")))


@lru_cache(maxsize=256)
def _one_word(patterns: tuple[Pattern, ...]) -> tuple[Pattern, ...]:
    """The patterns of one word: those a single word of a text may be."""
    return tuple(p for p in patterns if len(p.words) == 1)


@lru_cache(maxsize=4096)
def _loose_words(text: str) -> tuple[str, ...]:
    """The distinct loose words of a requirement's text (read once for every action asked of it)."""
    return tuple(dict.fromkeys(loose_words(text)))


def in_setting(catalogue: Catalogue, kind: str, setting: str | None) -> frozenset[int] | None:
    """Indices of the criteria (kind "criterion") or checklist requirements ("checklist") that hold in `setting`:
    those whose text or checklist names it, and those naming no setting. None: no setting asked, all of them."""
    if not setting:
        return None
    targets = catalogue.criteria if kind == "criterion" else catalogue.checklist
    allowed = set()
    for index, target in enumerate(targets):
        named = catalogue.named_settings.get((kind, target.ident))
        if named is None and kind == "checklist":
            named = catalogue.checklist_settings.get(target.ident[0]) or None
        if not named or setting in named:
            allowed.add(index)
    return frozenset(allowed)


def object_found(reading: Reading, hit: Hit) -> bool:
    """Whether a requirement has one of the question's object words (not a setting or position word: those are
    optional) as the same word or stem: what an answer must rest on, beyond a shared setting or job title. A question
    with no object word ("врачты үйге шақырмаған": the job and the verb denied) rests on both of those found."""
    found = list(zip(reading.words, hit.matched, strict=False))
    if any(word.weight >= 1 for word, _ in found):
        return any(sim >= INFLECTED for word, sim in found if word.weight >= 1)
    return any(sim >= INFLECTED for word, sim in found if word.position) and \
        any(sim >= INFLECTED for word, sim in found if word.negated)


def search(index: Index, reading: Reading, only: frozenset[int] | None = None, limit: int = SEARCHED) -> list[Hit]:
    """The requirements best matching the object words; when some of them name the asked action, those that do
    not fall behind. The action words are searched too, as optional words (a name may say "проведение" where the
    question says "провели"), but the evidence an answer rests on (`matched`, `sure`) is the object's alone."""
    if not reading.words:
        return []
    hits = index.search(reading.words + reading.action_words, limit=limit, only=only)
    size = len(reading.words)
    naming = [any(_names_asked(hit.target, a, reading) for a in reading.actions) for hit in hits]
    held = [i for i, word in enumerate(reading.words) if word.position]
    # the job named does what the requirement says ("психолог не проводил диагностику": psychological diagnostics)
    in_field = [any(hit.matched[i] >= INFLECTED for i in held) for hit in hits]
    objects = [i for i, word in enumerate(reading.words) if word.weight >= 1]
    said = [frozenset(i for i in objects if hit.matched[i] >= INFLECTED) for hit in hits]
    said_in_field = frozenset().union(*(s for s, f in zip(said, in_field, strict=True) if f))
    adjusted = []
    for hit, names, field_named, own in zip(hits, naming, in_field, said, strict=True):
        matched = hit.matched[:size]
        # an action no candidate names tells nothing; one some name is half of what the question says; so is the
        # job named, unless the other requirement holds an object word none in its field does ("паспорт" of the
        # cabinets, whatever therapy "ЛФК" names them by)
        penalty = ACTION_PENALTY if any(naming) and not names else 0.0
        penalty += POSITION_PENALTY if any(in_field) and not field_named and own <= said_in_field else 0.0
        adjusted.append(replace(hit, score=hit.score - penalty, matched=matched, sure=sum(m >= SURE for m in matched)))
    return sorted(adjusted, key=lambda h: -h.score)
