"""Naming a jurisdiction the manifest does not hold yet from its Kazakh name as a decree's heading prints it
("Теректі ауданы"): its code, its Kazakh, Russian and English names, issuers and cues, by rule.

Kazakh and English names follow from the Kazakh one regularly. Russian district names are adjectives
("Теректинский район"); the rule that makes them holds only for some names (see `russian_adjective`), so for the rest
the caller asks, or takes a flag. What a rule cannot settle is never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.domain import Jurisdiction
from knowledge.text import fold

KINDS_KK = {"district": "ауданы", "city": "қаласы", "oblast": "облысы"}  # the noun a heading names the place with
KINDS_RU = {"district": "район", "city": "город", "oblast": "область"}
KINDS_EN = {"district": "district", "city": "city", "oblast": "oblast"}

# English names as the manifest already spells them (Börli, Bäyterek): Kazakh letters kept as ä, ö, ü.
_ENGLISH = str.maketrans({
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "і": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o", "ө": "ö",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "ü", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"})
# Codes are plain ASCII, with й as i like the manifest's "baiterek".
_CODE = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
# Kazakh letters as Russian spells them in place names (Жәнібек → Жанибек).
_RUSSIAN = str.maketrans({"ә": "а", "і": "и", "қ": "к", "ғ": "г", "ң": "н", "ө": "о", "ү": "у", "ұ": "у", "һ": "х",
                          "Ә": "А", "І": "И", "Қ": "К", "Ғ": "Г", "Ң": "Н", "Ө": "О", "Ү": "У", "Ұ": "У", "Һ": "Х"})
# Letters whose Russian rendering in an adjective is not regular (Бөрлі → Бурлинский, Бәйтерек → "район Байтерек",
# Ақжайық → Акжаикский): a name holding one is asked for.
_IRREGULAR = frozenset("өүұһйёъь")
_VOWEL_ENDINGS = frozenset("аеіыи")  # dropped before -инский: Теректі → Теректинский, Тасқала → Таскалинский
_CONSONANT_ENDINGS = frozenset("бвдзкмнпрстфқң")  # + -ский: Сырым → Сырымский, Жәнібек → Жанибекский
_CONSONANTS = _CONSONANT_ENDINGS | frozenset("глғ")  # before a dropped final vowel (Тасқала → Таскалинский)

_ADJECTIVE_DISTRICT = re.compile(r"^(?P<adjective>\S+(?:ский|цкий)) район$", re.IGNORECASE)
_ADJECTIVE_OBLAST = re.compile(r"^(?P<adjective>\S+(?:ская|цкая)) область$", re.IGNORECASE)
_NOUN_FIRST = re.compile(r"^(?P<noun>район|город) (?P<name>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """A jurisdiction as a heading names it: "Теректі" (name), district (kind), in "Батыс Қазақстан" (oblast)."""

    name: str
    kind: str  # district | city | oblast
    oblast: str = ""  # the oblast the heading names before a district or city, without "облысы"

    @property
    def name_kk(self) -> str:
        return f"{self.name} {KINDS_KK[self.kind]}"


def same_name(a: str, b: str) -> bool:
    """One name however printed: case, spaces, a Latin look-alike letter in a Cyrillic word ("Бөрлi")."""
    return fold(a).casefold() == fold(b).casefold()


def english(name: str) -> str:
    """"Бәйтерек" → "Bäyterek", "Бөкей ордасы" → "Bökey ordasy"."""
    return name.lower().translate(_ENGLISH).capitalize()


def code_of(name: str) -> str:
    """"Теректі" → "terekti", "Бөкей ордасы" → "bokei_ordasy": lowercase ASCII letters, words joined by "_"."""
    words = (re.sub(r"[^a-z]", "", w.lower().replace("й", "i").translate(_ENGLISH).translate(_CODE))
             for w in name.split())
    return "_".join(w for w in words if w)


def russian_letters(name: str) -> str:
    return name.translate(_RUSSIAN)


def russian_adjective(name: str) -> str | None:
    """The Russian adjective of a one-word district name where the rule is regular: a final vowel gives -инский
    (Теректі → Теректинский), a final consonant -ский (Сырым → Сырымский); None where it is not (a letter of
    `_IRREGULAR`, another ending, several words)."""
    word = name.strip().lower()
    if not word or not word.isalpha() or _IRREGULAR & set(word):
        return None
    if word[-1] in _VOWEL_ENDINGS and len(word) > 2 and word[-2] in _CONSONANTS:
        stem, suffix = word[:-1], "инский"
    elif word[-1] in _CONSONANT_ENDINGS:
        stem, suffix = word, "ский"
    else:
        return None
    return russian_letters(stem).capitalize() + suffix


def russian_name(place: Place) -> str | None:
    """The Russian name by rule (a district's adjective + "район"), or None: ask."""
    if place.kind != "district":
        return None
    adjective = russian_adjective(place.name)
    return f"{adjective} район" if adjective else None


def russian_suggestion(place: Place) -> str:
    """The form to offer when the rule does not hold: the Kazakh name after the noun ("район Бөрлі")."""
    return f"{KINDS_RU[place.kind]} {place.name}" if place.kind != "oblast" else ""


def russian_forms(name_ru: str) -> tuple[str, str] | None:
    """(short name, issuer) from a Russian name in one of the regular forms; None for any other."""
    name_ru = " ".join(name_ru.split())
    if match := _ADJECTIVE_DISTRICT.match(name_ru):
        adjective = match["adjective"]
        return adjective, f"Акимат {adjective[:-2]}ого района"
    if match := _ADJECTIVE_OBLAST.match(name_ru):
        adjective = match["adjective"]
        return adjective, f"Акимат {adjective[:-2]}ой области"
    if match := _NOUN_FIRST.match(name_ru):
        noun = "района" if match["noun"].lower() == "район" else "города"
        return match["name"], f"Акимат {noun} {match['name']}"
    return None


def russian_stem(name_ru: str) -> str:
    """The changing word of a Russian name without its ending: "Теректинский район" → "теректинск"."""
    words = [w for w in name_ru.lower().split() if w not in KINDS_RU.values()]
    word = words[0] if words else name_ru.lower()
    return word[:-2] if re.search(r"(ий|ая|ой|ого)$", word) else word


def cues(place: Place, name_ru: str, name_en: str) -> dict[str, tuple[str, ...]]:
    """Heading cues (the Kazakh name, the Russian stem: what `kb add` finds in a heading) and question cues per
    language in the glossary's notation (a trailing "*" matches any ending): the Kazakh name and its Latin spelling,
    the Russian name's stem, the Kazakh name in Russian letters and the noun-first form ("район Теректі"), the
    English name."""
    kk = place.name.lower()
    ru_stem = russian_stem(name_ru)
    en_short = short_english(name_en, place.kind).lower()
    ascii_en = en_short.translate(_CODE)
    noun_first = f"{KINDS_RU[place.kind]} {kk}" if place.kind != "oblast" else ""
    return {
        "cues": unique(kk, ru_stem),
        "question_cues_kk": unique(f"{kk}*", f"{ascii_en}*"),
        "question_cues_ru": unique(f"{russian_letters(kk)}*", f"{ru_stem}*", noun_first,
                                   noun_first and f"{KINDS_RU[place.kind]} {russian_letters(kk)}"),
        "question_cues_en": unique(f"{en_short}*", f"{ascii_en}*", f"{en_short} {KINDS_EN[place.kind]}"),
    }


def unique(*values: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def short_english(name_en: str, kind: str) -> str:
    suffix = f" {KINDS_EN[kind]}"
    return name_en[: -len(suffix)] if name_en.lower().endswith(suffix) else name_en


def free_code(code: str, kind: str, known: list[Jurisdiction]) -> str:
    """The code, or with its kind added when a jurisdiction of another kind has it (a city and a district of one
    name). One of the same kind is left to collide: its name printed another way is no new jurisdiction."""
    holder = next((j for j in known if j.code == code), None)
    return f"{code}_{kind}" if holder is not None and holder.kind != kind else code


def parent_of(place: Place, known: list[Jurisdiction], answers: dict[str, str],
              ask: Callable[[str], str] | None) -> str:
    """A district's or city's oblast: the one its heading names, else the manifest's only oblast, else asked."""
    if place.kind == "oblast":
        return ""
    oblasts = [j for j in known if j.kind == "oblast"]
    if place.oblast:
        named = next((j for j in oblasts if same_name(j.name_kk, f"{place.oblast} {KINDS_KK['oblast']}")), None)
        if named is None:
            raise ValueError(f"the heading names {place.oblast} {KINDS_KK['oblast']}, which the manifest does not hold: "
                             "add one of its decrees first (kb add) or its [[jurisdiction]] table")
        return named.code
    if answers.get("parent"):
        return answers["parent"]
    if len(oblasts) == 1:
        return oblasts[0].code
    if ask:
        return ask(f"parent (the oblast of {place.name_kk}: {', '.join(j.code for j in oblasts)})")
    raise ValueError(f"the heading of {place.name_kk} names no oblast and the manifest holds "
                     f"{len(oblasts)}: say which in a [[jurisdiction]] table")


def name_jurisdiction(place: Place, known: list[Jurisdiction], answers: dict[str, str],
                      ask: Callable[[str], str] | None) -> Jurisdiction:
    """A new [[jurisdiction]] for a place the manifest lacks: names by rule, flags (`name_ru`, `name_en`, `code`)
    over the rule, and a question (or an error naming the flag) where the rule does not hold."""
    name_ru = answers.get("name_ru") or russian_name(place)
    if not name_ru and ask:
        suggestion = russian_suggestion(place)
        offer = f'; Enter takes "{suggestion}"' if suggestion else ""
        name_ru = ask(f"name_ru (the Russian name of {place.name_kk}, e.g. \"Теректинский район\" or "
                      f"\"{KINDS_RU[place.kind]} …\"{offer})") or suggestion
    if not name_ru:
        suggestion = russian_suggestion(place)
        raise ValueError(f"the Russian name of {place.name_kk} does not follow from its Kazakh one by rule: give "
                         f"--name-ru (e.g. \"{suggestion or 'Актюбинская область'}\")")
    forms = russian_forms(name_ru)
    if forms is None:
        issuer_ru = answers.get("issuer_ru") or (ask(f"issuer_ru (the akimat of {name_ru}, in Russian)") if ask else "")
        if not issuer_ru:
            raise ValueError(f"--name-ru {name_ru!r} is in no form the issuer follows from: write it as "
                             "\"Xский район\", \"район X\", \"город X\" or \"Xская область\"")
        forms = (name_ru, issuer_ru)
    name_en = answers.get("name_en") or f"{english(place.name)} {KINDS_EN[place.kind]}"
    taken = {j.code: j for j in known}
    code = answers.get("code") or free_code(code_of(place.name), place.kind, known)
    if not re.fullmatch(r"[a-z][a-z0-9_]*", code):
        raise ValueError(f"code {code!r} is not a lowercase ASCII name: give --code (e.g. \"terekti\")")
    if code in taken:
        raise ValueError(f"code {code!r} is the manifest's already ({taken[code].name_kk}): give --jurisdiction {code} "
                         "to add the act to it, or another --code")
    return Jurisdiction(
        code=code, kind=place.kind, parent=parent_of(place, known, answers, ask),
        name_kk=place.name_kk, name_ru=name_ru, name_en=name_en,
        short_kk=place.name, short_ru=forms[0], short_en=short_english(name_en, place.kind),
        issuer_kk=f"{place.name_kk}ның әкімдігі", issuer_ru=forms[1], issuer_en=f"{name_en} akimat",
        **cues(place, name_ru, name_en))
