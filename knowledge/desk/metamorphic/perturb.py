"""How people change a question without changing what it asks: word order, a typo, another case ending, Latin
letters. Each perturbation takes the question's parts (phrases: the name, the setting, the place, ...) and a seeded
random generator, and returns new parts, or None when it cannot change this question (then another is chosen).
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Callable
from functools import lru_cache

from knowledge.desk.metamorphic.words import GLOSSARY_PATH

Parts = list[str]

LONG_WORD = 7  # a typo goes into a word at least this long (short words are left alone: a typo there is a new word)
ENDING_WORD = 4  # a case ending is changed on a word at least this long
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC_WORD = re.compile(r"^[а-яёәіңғүұқөһ]+$", re.IGNORECASE)
_ENGLISH_WORD = re.compile(r"^[a-z]+$", re.IGNORECASE)
# the letters that say "not": a Kazakh negative suffix before a tense ("етілмеді", "бермеген"), a Russian "не" fused
# to its word ("непредоставление"); a slip there says the opposite, which is no typo of the same question
_NEGATION = re.compile(r"(?:ма|ме|ба|бе|па|пе)(?:ды|ді|ған|ген|й|с)|^не", re.IGNORECASE)


def _words(parts: Parts, pattern: re.Pattern[str], minimum: int) -> list[tuple[int, re.Match[str]]]:
    """(part index, match) of the words of at least `minimum` letters that match `pattern`."""
    return [(index, match) for index, part in enumerate(parts) for match in _WORD.finditer(part)
            if len(match.group()) >= minimum and pattern.match(match.group())]


def _replace(parts: Parts, index: int, match: re.Match[str], word: str) -> Parts:
    changed = list(parts)
    part = changed[index]
    changed[index] = part[:match.start()] + word + part[match.end():]
    return changed


# ---------------------------------------------------------------- word order

def shuffle(parts: Parts, rng: random.Random, lang: str) -> Parts | None:
    """The phrases in another order, and the words of the name (the first part) in another order too: a
    question is a bag of what it says. Phrases of several words (a setting, a place) stay whole."""
    for _ in range(8):
        name_words = _units(parts[0].split())
        rng.shuffle(name_words)
        changed = [" ".join(name_words)] + parts[1:]
        rng.shuffle(changed)
        if changed != parts:
            return changed
    return None


_PARTICLES = frozenset({"не", "ни", "not", "no"})  # they negate the word after them, wherever it goes


def _units(words: list[str]) -> list[str]:
    """The name's words as they move: a negating particle with the word it negates ("не обеспечено"), and a setting
    said in words of its own ("home care": shuffled, "care home" would name another setting)."""
    units: list[str] = []
    for word in words:
        if units and (units[-1].casefold() in _PARTICLES or
                      f"{units[-1]} {word}".casefold().strip(",.;:") in _setting_phrases()):
            units[-1] += " " + word
        else:
            units.append(word)
    return units


@lru_cache(maxsize=1)
def _setting_phrases() -> frozenset[str]:
    """The settings' names of two words in the glossary, as written (in every language)."""
    data = tomllib.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))
    return frozenset(term.casefold() for entry in data.get("settings", {}).values()
                     for lang in ("kk", "ru", "en") for term in entry.get(lang, [])
                     if len(term.split()) == 2 and "*" not in term)


# ---------------------------------------------------------------- typo

def typo(parts: Parts, rng: random.Random, lang: str) -> Parts | None:
    """One slip of the finger in one long word: a letter dropped, doubled, or two neighbours swapped. The first
    letter is kept (people rarely miss it, and the words around it must still be recognisable), and so are the
    letters that negate the word."""
    candidates = _words(parts, _WORD, LONG_WORD)
    if not candidates:
        return None
    index, match = rng.choice(candidates)
    word = match.group()
    for _ in range(8):
        at = rng.randrange(1, len(word) - 1)
        kind = rng.choice(("drop", "double", "swap"))
        if kind == "drop":
            slipped = word[:at] + word[at + 1:]
        elif kind == "double":
            slipped = word[:at] + word[at] + word[at:]
        else:
            slipped = word[:at] + word[at + 1] + word[at] + word[at + 2:]
        if slipped != word and len(_NEGATION.findall(slipped)) >= len(_NEGATION.findall(word)):
            return _replace(parts, index, match, slipped)
    return None


# ---------------------------------------------------------------- case endings

_BACK = set("аоұыуяё")
_FRONT = set("әеөүіэ")
_VOICELESS = set("пткқсшфхцчщг")  # a loan's final г takes the voiceless endings ("психологтың", "психологқа")
_NASAL = set("мнң")


def back_harmony(word: str) -> bool:
    """Kazakh vowel harmony: the last vowel decides (и, shared by both rows, counts as front)."""
    for letter in reversed(word.casefold()):
        if letter in _BACK:
            return True
        if letter in _FRONT or letter == "и":
            return False
    return True


def kazakh_endings(root: str) -> list[str]:
    """The case endings a Kazakh noun takes, by the sound it ends with and its vowel harmony: genitive, dative,
    locative, accusative, ablative, instrumental."""
    last, back = root[-1].casefold(), back_harmony(root)

    def pick(back_form: str, front_form: str) -> str:
        return back_form if back else front_form

    if last in _VOICELESS:
        return [pick("тың", "тің"), pick("қа", "ке"), pick("та", "те"), pick("ты", "ті"), pick("тан", "тен"), "пен"]
    vowel = last not in _VOICELESS and last not in "бвджзйлмнңрғһ"
    genitive = pick("ның", "нің") if vowel or last in _NASAL else pick("дың", "дің")
    accusative = pick("ны", "ні") if vowel else pick("ды", "ді")
    ablative = pick("нан", "нен") if last in _NASAL else pick("дан", "ден")
    instrumental = "бен" if last in _NASAL or last in "жз" else "мен"
    return [genitive, pick("ға", "ге"), pick("да", "де"), accusative, ablative, instrumental]


_KAZAKH_CASES = sorted({e for root in ("қала", "үй", "ат", "ет", "ауыл", "кітап", "әке", "он", "жер")
                        for e in kazakh_endings(root)} | {"нда", "нде", "на", "не", "ын", "ін"}, key=len, reverse=True)

# Russian: an ending → the endings of other cases of the same word (nouns and adjectives).
_RUSSIAN_CASES: dict[str, tuple[str, ...]] = {
    "ия": ("ии", "ию", "ией"), "ие": ("ия", "ии", "ием"), "ый": ("ого", "ому", "ым"), "ий": ("ого", "ому", "им"),
    "ая": ("ой", "ую"), "яя": ("ей", "юю"), "ое": ("ого", "ому"), "ее": ("его", "ему"), "ые": ("ых", "ым"),
    "ов": ("ам", "ами"), "ей": ("ям", "ями"), "а": ("ы", "е", "у", "ой"), "я": ("и", "е", "ю"),
    "ы": ("ам", "ах"), "и": ("ям", "ях"), "о": ("а", "е"), "е": ("а", "у"), "ь": ("и", "ью"),
}
_RUSSIAN_ORDER = sorted(_RUSSIAN_CASES, key=len, reverse=True)
_RUSSIAN_CONSONANT = ("а", "у", "ом", "е")


def _kazakh_inflect(word: str, rng: random.Random) -> str:
    root = word
    for ending in _KAZAKH_CASES:
        if word.casefold().endswith(ending) and len(word) - len(ending) >= 3:
            root = word[: -len(ending)]
            break
    options = [root + e for e in kazakh_endings(root) if root + e != word]
    return rng.choice(options)


def _russian_inflect(word: str, rng: random.Random) -> str:
    lower = word.casefold()
    for ending in _RUSSIAN_ORDER:
        if lower.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + rng.choice(_RUSSIAN_CASES[ending])
    if lower[-1] in "йъ":
        return word[:-1] + rng.choice(("я", "ю", "ем"))
    return word + rng.choice(_RUSSIAN_CONSONANT)


def _english_inflect(word: str, rng: random.Random) -> str:
    """English has no cases: a noun in the other number ("nurse" / "nurses") is what changes."""
    if word.casefold().endswith("ss") or not word.casefold().endswith("s"):
        return word + "s"
    return word[:-1]


_INFLECT: dict[str, tuple[re.Pattern[str], Callable[[str, random.Random], str]]] = {
    "kk": (_CYRILLIC_WORD, _kazakh_inflect),
    "ru": (_CYRILLIC_WORD, _russian_inflect),
    "en": (_ENGLISH_WORD, _english_inflect),
}


def ending(parts: Parts, rng: random.Random, lang: str) -> Parts | None:
    """One word in another case (Kazakh and Russian endings; the other number in English)."""
    pattern, inflect = _INFLECT[lang]
    # English phrases of the glossary ("semi stationary") have no number to change: only the name's words
    candidates = _words(parts[:1] if lang == "en" else parts, pattern, ENDING_WORD)
    if not candidates:
        return None
    index, match = rng.choice(candidates)
    changed = inflect(match.group(), rng)
    return _replace(parts, index, match, changed) if changed != match.group() else None


# ---------------------------------------------------------------- Latin script

# Phone typing without Kazakh letters (the commonest Latin Kazakh and Russian in chats), and the 2021 Kazakh
# Latin alphabet (ä ö ü ū ı ñ ş ç ğ q; і is ı, ы is y, и and й are i).
PHONE = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o", "ө": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
KAZAKH_2021 = {
    **PHONE, "ә": "ä", "ғ": "ğ", "ж": "j", "й": "i", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "х": "h", "ч": "ç",
    "ш": "ş", "щ": "şş", "і": "ı", "ё": "io", "ю": "iu", "я": "ia",
}
# Russian typed in Latin: no q for к (к is k in both tables above; қ does not occur in Russian).
ALPHABETS = {"kk": ("phone", "2021"), "ru": ("phone",)}


def to_latin(text: str, alphabet: str = "phone") -> str:
    table = KAZAKH_2021 if alphabet == "2021" else PHONE
    out = []
    for letter in text:
        latin = table.get(letter.casefold())
        if latin is None:
            out.append(letter)
        else:
            out.append(latin.capitalize() if letter.isupper() and latin else latin)
    return "".join(out)


def latin(parts: Parts, rng: random.Random, lang: str) -> Parts | None:
    """The whole question in Latin letters: phone typing, or for Kazakh also the 2021 alphabet."""
    if lang not in ALPHABETS:
        return None
    alphabet = rng.choice(ALPHABETS[lang])
    changed = [to_latin(part, alphabet) for part in parts]
    return changed if changed != parts else None


PERTURBATIONS: dict[str, Callable[[Parts, random.Random, str], Parts | None]] = {
    "shuffle": shuffle,
    "typo": typo,
    "ending": ending,
    "latin": latin,
}
KINDS = ("plain", *PERTURBATIONS)
