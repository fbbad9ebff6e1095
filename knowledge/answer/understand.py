"""Understanding a question from its words: language, filters (setting, area, jurisdiction, position), intent cues,
numbers, and the content words left for service / criterion matching."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from knowledge.answer.glossary import Glossary, load_glossary
from knowledge.domain import Filters
from knowledge.text import KAZAKH_LETTERS, is_latin, keys, loose, to_cyrillic, tokens

MAX_QUESTION_CHARS = 600  # longer input is cut: nobody types a tariff question this long
MAX_TOKENS = 40
_KAZAKH_LATIN = re.compile(r"[qğäöüıñū]")
_DIGITS = re.compile(r"\d+")
_TAG = re.compile(r"<[^<>]{0,200}>")  # HTML tags pasted from a web page
# Ordinary words that also carry a staffing cue only when a head count is asked ("керек", "need", ...).
_WEAK_STAFFING = {"керек", "кажет", "нужно", "нужен", "нужна", "требуется", "положено", "need", "needed", "required",
                  "how many", "per 100", "units", "posts"}
_DEGREE_CUES = {"degree_gross": "gross", "degree_significant": "significant", "degree_minor": "minor"}


@dataclass
class Word:
    text: str  # loose form (Cyrillic for Latin-script words when transliterated)
    alt: str | None  # loose transliteration of a Latin word (matching tries both)
    weight: float  # 1 for content, lower for position words kept as content
    roots: tuple[str, ...] = ()  # its search keys from the word as typed (knowledge.text.keys); () : from `text`


@dataclass
class Understood:
    question: str
    lang: str  # detected language of the question (kk | ru | en)
    filters: Filters
    cues: set[str]  # tariff, violation, checklist, staffing, document
    degree: str | None  # gross | significant | minor, when the question names one
    numbers: list[str]
    words: list[Word]  # content words for matching services, criteria, requirements
    filter_words: list[Word] = field(default_factory=list)  # setting words (kept for criteria matching)
    intent: str = "unknown"
    empty: bool = False  # nothing usable in the question


def understand(question: str, glossary: Glossary | None = None) -> Understood:
    glossary = glossary or load_glossary()
    text = _TAG.sub(" ", (question or "")[:MAX_QUESTION_CHARS])
    raw = tokens(text)[:MAX_TOKENS]
    words = [loose(t) for t in raw]
    roots = [keys(t) for t in raw]
    matches = glossary.match(words, roots)
    taken = [None] * len(words)
    for m in matches:
        for i in range(m.start, m.end):
            taken[i] = m
    # Latin words the glossary did not know get a second chance in Cyrillic ("meyirger", "qala")
    translit = [to_cyrillic(t) if is_latin(t) else None for t in raw]
    alt_words = [loose(t) if t else w for t, w in zip(translit, words, strict=True)]
    if any(t for t in translit):
        extra = glossary.match(alt_words, roots)
        for m in extra:
            if all(taken[i] is None for i in range(m.start, m.end)) and m.term.category != "cues":
                matches.append(m)
                for i in range(m.start, m.end):
                    taken[i] = m
    filters = Filters()
    cues: set[str] = set()
    degree = None
    for m in sorted(matches, key=lambda m: m.start):
        term = m.term
        if term.category == "settings":
            filters.setting = filters.setting or term.key
        elif term.category == "areas":
            filters.area = term.key  # the last one said wins ("городская телефонная связь ... село")
        elif term.category == "jurisdictions":
            filters.jurisdiction = filters.jurisdiction or term.key
        elif term.category == "positions":
            filters.position = filters.position or term.key
        elif term.key in _DEGREE_CUES:
            degree = degree or _DEGREE_CUES[term.key]
        elif term.key == "staffing" and " ".join(term.words).rstrip("*") in _WEAK_STAFFING:
            cues.add("staffing_weak")
        else:
            cues.add(term.key)
    content: list[Word] = []
    filter_words: list[Word] = []
    for index, word in enumerate(words):
        m = taken[index]
        alt = alt_words[index] if translit[index] else None
        if m is None:
            if len(word) < 2 or word.isdigit() or glossary.is_stopword(word):
                continue
            content.append(Word(word, alt, 1.0, roots[index]))
        elif m.term.category == "positions":
            content.append(Word(word, alt, 0.35, roots[index]))
        elif m.term.category == "settings":
            filter_words.append(Word(word, alt, 1.0, roots[index]))
        elif m.term.category == "areas" and m.term.key != filters.area:
            content.append(Word(word, alt, 1.0, roots[index]))  # the other area word is part of a name ("city telephone")
    numbers = _DIGITS.findall(text)
    understood = Understood(question=question, lang=detect_language(raw, words, matches, glossary),
                            filters=filters, cues=cues, degree=degree, numbers=numbers, words=content,
                            filter_words=filter_words, empty=not raw)
    understood.intent = guess_intent(understood)
    return understood


def detect_language(raw: list[str], words: list[str], matches: list, glossary: Glossary) -> str:
    votes: Counter[str] = Counter()
    matched = {}
    for m in matches:
        for i in range(m.start, m.end):
            matched[i] = m
    for index, token in enumerate(raw):
        if token.isdigit():
            continue
        if is_latin(token):
            if token in glossary.kk_latin or _KAZAKH_LATIN.search(token):
                votes["kk"] += 1.5
            else:
                votes["en"] += 1
        elif KAZAKH_LETTERS.intersection(token):
            votes["kk"] += 2
        elif index in matched:
            langs = matched[index].term.lang.split()
            for lang in langs:
                votes[lang] += 0.75 / len(langs)
        elif words[index] in glossary.stopwords.get("kk", ()):
            votes["kk"] += 1
        elif re.search(r"[а-я]", token):
            votes["ru"] += 0.6
    if not votes:
        return "kk"
    best = max(votes.values())
    for lang in ("kk", "ru", "en"):  # ties go to Kazakh, then Russian
        if votes[lang] == best:
            return lang
    return "kk"


def guess_intent(u: Understood) -> str:
    """The intent the words point to; the engine may still fall back to another search when this one finds nothing."""
    cues = u.cues
    has_number = any(len(n) <= 3 for n in u.numbers)
    if "staffing" in cues or ("staffing_weak" in cues and has_number and u.filters.area is None
                              and not ({"violation", "document"} & cues)):
        return "staffing"
    if ("document" in cues or "effective" in cues) and u.degree is None:
        return "document"
    if "violation" in cues and (u.degree or not (u.filters.jurisdiction or u.filters.area)):
        return "violation"  # criteria know no districts or areas: "нарушениями ОДА ... Бурлин" is a service
    if u.degree and not ({"tariff"} & cues) and u.filters.area is None and u.filters.jurisdiction is None:
        return "violation"
    if "checklist" in cues:
        return "checklist"
    f = u.filters
    if "tariff" in cues or f.area or f.jurisdiction or f.setting or f.position:
        return "tariff"
    return "unknown"
