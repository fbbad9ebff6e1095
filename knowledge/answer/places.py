"""The jurisdictions of the base as glossary terms: a district added to the manifest yesterday is recognised in
questions today, with no glossary line written for it.

Every name the manifest gives a jurisdiction (name_*, short_*, the heading `cues` and the `question_cues_*` of `kb add`)
becomes a term
whose words are stems (knowledge.text `key`: a Russian word by its dictionary form, a Kazakh one by its stem), so
the name meets its inflections: "Теректинский" → "теректин*" meets "Теректинского района", "в Теректинском районе";
"Теректі" → "терект*" meets "Теректі ауданында".
"""

from __future__ import annotations

from knowledge.answer.glossary import Term
from knowledge.domain import LANGS, Jurisdiction
from knowledge.text import KAZAKH_LETTERS, is_latin, key, loose, tokens

MIN_STEM = 4  # a shorter stem would meet unrelated words: such a word is matched whole


def place_terms(places: list[Jurisdiction]) -> list[Term]:
    """Glossary terms (category "jurisdictions", key: the code) for every name of `places`, one per spelling, with
    the languages using it."""
    spellings: dict[str, dict[tuple[str, ...], list[str]]] = {}
    for place in places:
        found = spellings.setdefault(place.code, {})
        for lang in LANGS:
            for name in (getattr(place, f"name_{lang}", ""), getattr(place, f"short_{lang}", "")):
                _add(found, _words(name), [lang])
        for cue in place.cues:
            _add(found, _words(cue), _script_langs(cue))
        for lang in LANGS:  # the question words `kb add` wrote ("теректинск*", "район теректі")
            for cue in getattr(place, f"question_cues_{lang}", ()) or ():
                _add(found, _words(cue.replace("*", "")), [lang])
    terms = []
    for code, found in spellings.items():
        for words, langs in found.items():
            terms.append(Term("jurisdictions", code, " ".join(_latin_langs(words, langs)), words, True))
    return terms


def _add(found: dict[tuple[str, ...], list[str]], words: tuple[str, ...], langs: list[str]) -> None:
    if words:
        known = found.setdefault(words, [])
        known += [lang for lang in langs if lang not in known]


def _words(name: str) -> tuple[str, ...]:
    """A name's words as term words: each a stem ending in "*" (the beginning its inflections share), or a short
    word whole."""
    return tuple(_stem(token) for token in tokens(name) if not token.isdigit())


def _stem(token: str) -> str:
    word = loose(token)
    if is_latin(token):
        return word + "*" if len(word) >= MIN_STEM else word
    stem = _shared_start(key(token), word)  # a devoiced final ("...г" → "...к") is no beginning of the word
    return stem + "*" if len(stem) >= MIN_STEM else word


def _shared_start(one: str, other: str) -> str:
    n = 0
    while n < min(len(one), len(other)) and one[n] == other[n]:
        n += 1
    return one[:n]


def _script_langs(text: str) -> list[str]:
    """The languages a heading cue may be typed in, by its letters."""
    if KAZAKH_LETTERS.intersection(text.casefold()):
        return ["kk"]
    return ["kk", "en"] if any(is_latin(t) for t in tokens(text)) else ["kk", "ru"]


def _latin_langs(words: tuple[str, ...], langs: list[str]) -> list[str]:
    """A one-word place name in Latin letters is Kazakh typed in Latin as much as English ("Terekti"): it must not
    make a Latin-typed Kazakh question read as English."""
    if len(words) == 1 and langs == ["en"]:
        return ["kk", "en"]
    return langs
