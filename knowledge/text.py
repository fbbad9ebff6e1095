"""Text as both sides see it: what ingest writes into the knowledge base and what a user types go through these same
functions, so a word found on one side cannot be missed on the other.

- `fold`: characters only: NFKC, stress accents, quotes, dashes, odd spaces, invisible marks, "ё", Latin look-alikes;
- `tokens`: folded, case-folded word tokens of any script;
- `loose`: one token with the letters typists leave out forgiven (ә→а, і→и, қ→к ..., й→и, э→е, ъ and ь dropped);
- `to_cyrillic`: Latin-script Kazakh (2018 and 2021 alphabets) and phone-style Kazakh/Russian;
- `stem`: Kazakh endings chosen by the sound before them (negated, passive verbs as their verbal noun), a Russian one;
- `lemma`, `russian_pos`, `is_russian_verb`, `verb_lemma`: a Russian word's dictionary form and part of speech, and
  its reading as a verb (knowledge/russian.py);
- `keys`, `key`, `dictionary_key`, `key_tokens`, `search_key`: transliterated, a Russian word by its dictionary form,
  loose, stemmed — the form both sides compare.
PDF repair (broken words, letter spacing) is ingest's business: knowledge/ingest/repair.py, built on `fold`."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from knowledge.russian import (  # noqa: F401 - read through here
    dictionary_form,
    is_russian_verb,
    lemma,
    russian_pos,
    verb_lemma,
)

# --- folding: characters only, never words ------------------------------------------------------------------------

_QUOTES = {"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "’": "'", "‘": "'", "`": "'"}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_ODD_SPACES = "\t\u2028\u2029\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters PDF conversion and copy-paste leave inside words (soft hyphen, zero-width marks, bidi marks,
# BOM) and control junk: dropped, so "мей\u200bіргер" is one word. Line and paragraph separators are spaces.
_INVISIBLE = "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060" \
    "\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff" + "".join(map(chr, [*range(9), *range(11, 32), 127]))
# One translation table does all character folding: a single pass keeps search keys fast. "ё" is "е" everywhere
# (the sources and most typists write "е"), in clean text as in keys.
_FOLD = str.maketrans(
    {**_QUOTES, **dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_ODD_SPACES, " "), **dict.fromkeys(_INVISIBLE)}
    | {"ё": "е", "Ё": "Е"}
)
_SPACES = re.compile(r" {2,}")
CYRILLIC = "А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ"  # a regex character range: Russian and Kazakh Cyrillic letters
KAZAKH_LETTERS = frozenset("әіңғүұқөһ")  # lower-case letters only Kazakh has
# Latin letters that PDF text and hurried typing put inside Cyrillic words ("жөнiндегi" with Latin i).
_HOMOGLYPHS = str.maketrans("aceiopxyABCEHIKMOPTXY", "асеіорхуАВСЕНІКМОРТХУ")
_HOMOGLYPH_LETTERS = frozenset("aceiopxyABCEHIKMOPTXY")
_MIXED_WORD = re.compile(rf"[a-zA-Z{CYRILLIC}]*(?:[{CYRILLIC}][a-zA-Z]|[a-zA-Z][{CYRILLIC}])[a-zA-Z{CYRILLIC}]*")
_ASCII_LETTER = re.compile(r"[a-zA-Z]")
# A lone Latin look-alike inside Cyrillic letter spacing: "е г i" → "е г і".
_SPACED_HOMOGLYPH = re.compile(rf"(?<=(?<!\S)[{CYRILLIC}] )[aceiopxyABCEHIKMOPTXY](?!\S)")


def as_text(text: object) -> str:
    """Any input as a str that encodes: bytes decoded leniently, None as "", lone surrogates replaced."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    elif not isinstance(text, str):
        text = "" if text is None else str(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", errors="replace").decode("utf-8")
    return text


# Unicode normalisation (NFKC) reads compatibility forms as plain letters: full-width "ｍａｓｓａｇｅ", ligatures,
# full-width digits. "№" is kept as it is (NFKC would make it "No"; act numbers are cited with it). Stress accents
# over Cyrillic vowels ("масса́ж") are dropped; the Latin acute letters of the 2018 Kazakh alphabet (á, ó) stay.
_STRESS = re.compile(rf"([{CYRILLIC}][\u0306\u0308]?)[\u0300\u0301]")


def _unmix(match: re.Match[str]) -> str:
    word = match.group(0)
    latin = {ch for ch in word if "a" <= ch.lower() <= "z"}
    return word.translate(_HOMOGLYPHS) if latin <= _HOMOGLYPH_LETTERS else word


def fold(text: object, collapse_spaces: bool = True) -> str:
    """Unicode-normalise (NFKC, stress accents dropped) quotes, dashes, spaces, invisible marks, "ё" and stray Latin
    look-alikes in Cyrillic words, without changing case or words. `collapse_spaces=False` keeps runs of spaces (in PDF text their width tells
    letter-spaced words apart)."""
    text = as_text(text)
    if not text.isascii():  # NFKC in two steps, stress accents dropped between them
        text = "№".join(unicodedata.normalize("NFKD", part) for part in text.split("№"))
        text = unicodedata.normalize("NFC", _STRESS.sub(r"\1", text) if "\u0301" in text or "\u0300" in text else text)
    text = text.translate(_FOLD)
    if _ASCII_LETTER.search(text) and not text.isascii():
        text = _MIXED_WORD.sub(_unmix, text)
        text = _SPACED_HOMOGLYPH.sub(lambda m: m.group(0).translate(_HOMOGLYPHS), text)
    return _SPACES.sub(" ", text) if collapse_spaces and "  " in text else text


# --- Latin-script Kazakh / Russian → Cyrillic ----------------------------------------------------------------------
# The 2021 Kazakh Latin alphabet (ä ö ü ū ı ñ ş ç ğ q), the 2018 acute one (á ó ú ǵ ń ý), and the plain-ASCII
# spelling typed on phones ("kansha", "auylda", "massazh", "massaj", "shash", "chay", "zhol").

# Every Latin letter a Kazakh or Russian word may be typed with (lower case).
_LATIN_LETTER = re.compile(r"[a-zäöüūıñňşçğéáóúǵńý]")
# The 2018 acute alphabet to the 2021 letters: "Bórli úıde" reads like "Börli üıde". ý is the consonant у.
_ACUTE_TO_2021 = str.maketrans({"á": "ä", "ó": "ö", "ú": "ü", "ǵ": "ğ", "ń": "ñ", "ý": "u"})

_LATIN_WORD = re.compile(r"[a-zäöüūıñňşçğéáóúǵńý']+", re.IGNORECASE)
_DIGRAPHS = (
    ("iia", "ия"), ("iiu", "ию"),  # я, ю of loans in the 2021 alphabet ("terapiia" терапия)
    ("ııa", "ия"), ("ııu", "ию"),  # ... and in the 2018 one, whose ı is и ("terapııa" терапия)
    ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("gh", "ғ"),
    ("ya", "я"), ("yu", "ю"), ("yo", "е"),
)
_SINGLE = {
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "j": "ж", "k": "к",
    "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т", "u": "у",
    "v": "в", "w": "у", "x": "х", "z": "з", "ä": "ә", "ö": "ө", "ü": "ү", "ū": "ұ", "ı": "ы", "ñ": "ң",
    "ň": "ң", "ş": "ш", "ç": "ч", "ğ": "ғ", "é": "е", "'": "",
}
_BACK = frozenset("aoıū")
_LATIN_VOWELS = frozenset("aeiouyäöüūı")


def _vowel_before(lower: str, i: int, glides: str = "uy") -> bool:
    """Whether the letter before position `i` is sounded as a vowel. `glides` are not: u after a consonant is mostly
    the у of "-уы" ("tuys" туыс, "boluy" болуы), y and ı stand for й; but a word-initial u is a vowel ("uy" үй)."""
    prev = lower[i - 1] if i else ""
    return prev in _LATIN_VOWELS and (prev not in glides or (prev == "u" and i == 1))


@lru_cache(maxsize=8192)
def _latin_word(word: str) -> str:
    lower = word.lower().translate(_ACUTE_TO_2021)
    # Vowel harmony tells a Kazakh front-vowel word ("meyirger" → "мейіргер") from a loan ("statsionar"): in the
    # first, i is і and ts is тс; in loans with back vowels, i is и, ts is ц and a first e is э ("elektroforez").
    back = bool(_BACK.intersection(lower))
    out: list[str] = []
    i = 0
    while i < len(lower):
        rest = lower[i:]
        ch = lower[i]
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        prev = lower[i - 1] if i else ""
        pair = next(((latin, cyr) for latin, cyr in _DIGRAPHS if rest.startswith(latin)), None)
        if pair:
            out.append(pair[1])
            i += len(pair[0])
            continue
        if rest.startswith("ts") and back and not rest.startswith("tsh"):  # "uaqytsha": т + ш
            out.append("ц")
            i += 2
        elif rest.startswith("ng") and (i + 2 == len(lower) or lower[i + 2] not in _LATIN_VOWELS | {"h"}):
            out.append("ң")
            i += 2
        elif ch == "y":
            # y is й after a vowel or before one ("meyirger", "jartylay", "uy"), else ы ("auyl", "qyzmet").
            vowel_before = _vowel_before(lower, i)
            out.append("й" if vowel_before or (nxt in _LATIN_VOWELS and prev not in _LATIN_VOWELS) else "ы")
            i += 1
        elif ch == "ı":
            # ı is ы in the 2021 alphabet ("awılda"), й after a vowel in the 2018 one ("úıde", "jartylaı")
            out.append("й" if _vowel_before(lower, i, glides="uyıi") else "ы")
            i += 1
        elif ch == "i":
            out.append("и" if back or (nxt and nxt in "aoy") else "і")
            i += 1
        elif ch == "e" and i == 0 and back:
            out.append("э")
            i += 1
        elif ch == "c":
            out.append("ц" if nxt in "eiy" else "к")
            i += 1
        else:
            out.append(_SINGLE.get(ch, ch))
            i += 1
    result = "".join(out)
    return result[:1].upper() + result[1:] if word[:1].isupper() else result


def to_cyrillic(text: object) -> str:
    """Transliterate Latin-script Kazakh/Russian words to Cyrillic ("meyirger" → "мейіргер", "qala" → "қала").
    Cyrillic, digits and punctuation are left alone. Kazakh letters that Latin typists leave out (ә, і, ң...)
    are guessed; compare results through `key`, which forgives those guesses."""
    return _LATIN_WORD.sub(lambda m: _latin_word(m.group(0)), as_text(text))


# --- tokens and the loose folding ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")
_CYRILLIC_LETTER = re.compile(f"[{CYRILLIC}]")
# Kazakh letters folded to the Russian ones typists use instead; й and и, э and е, with and without the hard and soft
# signs are one letter each (transliteration and hurried typing do not tell them apart).
_LOOSE = str.maketrans({"ә": "а", "і": "и", "ң": "н", "ғ": "г", "ү": "у", "ұ": "у", "қ": "к", "ө": "о", "һ": "х",
                        "й": "и", "ё": "е", "э": "е", "ъ": None, "ь": None})


def tokens(text: object) -> list[str]:
    """Folded, case-folded word tokens of any script (letters and digits; anything else splits words). The 2018
    acute Kazakh Latin letters are read as their 2021 twins ("bórli" → "börli"); Russian compound abbreviations are
    read as their words ("спецсоцуслуг" → "специальный", "социальный", "услуг")."""
    folded = _DISTRICT.sub("район", _ABBREVIATION_ENDING.sub(r"\1", fold(text)).casefold())
    found = _TOKEN.findall(folded.translate(_ACUTE_TO_2021))
    return [part for token in found for part in _unabbreviated(token)]


# A Kazakh case ending hyphened to an abbreviation ("МӘС-тен", "ЖОБ-ға", "ИПР-ге") is no word of its own.
_ABBREVIATION_ENDING = re.compile(
    r"\b([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,})-(?i:ға|ге|қа|ке|ка|га|на|не|а|е|тен|тан|нан|нен|дан|ден|ның|нің|дың|дің|тың|тің|"
    r"ны|ні|ды|ді|ты|ті|да|де|та|те|мен|бен|пен|ы|і|сы|сі|ын|ін)\b")


# "р-н", "р-не", "р-на": "район" shortened (its "не" is no negation)
_DISTRICT = re.compile(r"(?<![^\W\d_])р-н(?:а|е|у|ом)?(?![^\W\d_])")


# Russian compound words shortened by their first syllables ("соцработник", "спецсоцуслуги", "медсестра" stays: it
# is a word of its own), each read as the stem of the adjective it shortens.
_ABBREVIATIONS = {"спец": "специальный", "соц": "социальный"}
_ABBREVIATED = re.compile(r"(спец|соц)(?=(?:спец|соц)?[а-яё]{4,}$)")


# "облстационар", "облполустационар", "облсобес": the oblast's, shortened to "обл" before a word of its own; only
# for words no Russian dictionary knows ("область", "облегчение" are words) and not the Kazakh "облыс".
_OBLAST = "обл"
_OBLAST_WORD = "областной"


# "медпомощь", "медосмотр", "диетпитание", "юрпомощь": a Russian word after a shortened adjective, read as both
# words ("медицинский" meets the acts' "медициналық"); words of their own that begin alike stay whole
_SHORTENED = {"мед": "медицинский", "диет": "диетический", "юр": "юридический"}
_WHOLE = ("медсес", "медсёс", "медбрат", "медбике", "медвед", "медлен", "медал", "медик", "медиц", "медит", "медиа",
          "медн", "медов", "диета", "диети", "диетол", "юрис", "юрид", "юрт")


_SHORT_HEADS = frozenset(w[:2] for w in (*_SHORTENED, _OBLAST, *_ABBREVIATIONS))


def _shortened(token: str) -> list[str] | None:
    for short, word in _SHORTENED.items():
        rest = token[len(short):]
        if token.startswith(short) and len(rest) >= 4 and not token.startswith(_WHOLE) and dictionary_form(rest):
            return [word, rest]
    return None


def _unabbreviated(token: str) -> list[str]:
    if token[:2] not in _SHORT_HEADS:  # most words: none of the shortened forms below begins them
        return [token]
    if (parts := _shortened(token)) is not None:
        return parts
    if token.startswith(_OBLAST) and len(token) >= len(_OBLAST) + 4 and not token.startswith("облыс") \
            and dictionary_form(token) is None:
        return [_OBLAST_WORD, *_unabbreviated(token[len(_OBLAST):])]
    if not token.startswith(("спец", "соц")) or token.startswith(("специал", "социал", "спецодежд")):
        return [token]
    parts: list[str] = []
    rest = token
    while (m := _ABBREVIATED.match(rest)) is not None:
        parts.append(_ABBREVIATIONS[m.group(1)])
        rest = rest[m.end():]
    return [*parts, rest] if parts else [token]


def is_latin(token: str) -> bool:
    """A token written in Latin letters only (no Cyrillic)."""
    return bool(_LATIN_LETTER.search(token)) and not _CYRILLIC_LETTER.search(token)


# British and American spellings of one English word read alike: "labour" / "labor", "organise" / "organize",
# "centre" / "center" (each with a few letters before it, so "hour", "four", "raise" stay as they are)
_SPELLINGS = ((re.compile(r"(?<=[a-z]{3})our(s?)$"), r"or\1"),
              (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
              (re.compile(r"(?<=[a-z]{3})tre(s?)$"), r"ter\1"),
              (re.compile(r"^programme(s?)$"), r"program\1"))
_ENGLISH_ENDING = re.compile(r"(?:ours?|is(?:e|ed|es|ing|ations?)|tres?|programmes?)$")


@lru_cache(maxsize=65536)
def loose(token: str) -> str:
    """The loose form of one token: Kazakh letters folded (see `_LOOSE`); in a token mixing scripts, the Latin letters
    typed for Cyrillic ones are read as Cyrillic ("baйтерек" → "баитерек"). Latin-only tokens stay Latin, with the
    British spelling of an English word read as the American one."""
    token = token.casefold()
    if _LATIN_LETTER.search(token):
        if _CYRILLIC_LETTER.search(token):
            token = to_cyrillic(fold(token).casefold())
        elif _ENGLISH_ENDING.search(token):
            for pattern, replacement in _SPELLINGS:
                token = pattern.sub(replacement, token)
    return token.translate(_LOOSE)


@lru_cache(maxsize=65536)
def loose_words(text: str) -> tuple[str, ...]:
    """The loose forms of a text's tokens, in order; remembered, since the base's names are read at load by the index
    and again, question after question, by the readers of positions, groups and rule-outs."""
    return tuple(loose(t) for t in tokens(text))


# --- the stemmer -----------------------------------------------------------------------------------------------------

# Kazakh endings follow the sound before them: -ның after vowels, -дың after voiced consonants, -тың after voiceless
# ones. Checking that sound keeps Russian words ("работы", "минуты", "города") from losing letters that only look
# like Kazakh endings. Classes of the preceding letter: V vowel, Z voiced consonant or sonorant, S voiceless, P the
# possessive ы/і (-на, -нда), M nasal (-ның), N nasal or possessive (-нан), C any consonant (у too: "беру" + "і"),
# * anything. Loans keep a final г but take the voiceless endings ("психологқа", "педагогтар"): г is also S.
_VOWELS = "аеиоуыэюяәіүұөё"
_CLASSES = {"V": _VOWELS, "Z": "бвгджзйлмнңрғуһ", "S": "пткқсшфхцчщг", "P": "ыі", "M": "мнң", "N": "мнңыі",
            "C": "бвгджзйлмнңрғһпткқсшфхцчщьу"}
_LOOSE_CLASSES = {name: letters.translate(_LOOSE) for name, letters in _CLASSES.items()}
_KK_ENDINGS: dict[str, str] = {
    # case, plural, possessive and derivation endings of nouns
    **dict.fromkeys(["ның", "нің"], "VM"),
    **dict.fromkeys(["ны", "ні", "сы", "сі", "сын", "сін", "сының", "сінің", "сына", "сіне"], "V"),
    **dict.fromkeys(["дың", "дің", "ды", "ді", "дар", "дер", "дық", "дік"], "Z"),
    **dict.fromkeys(["тың", "тің", "ты", "ті", "тар", "тер", "тық", "тік", "қа", "ке", "тан", "тен"], "S"),
    **dict.fromkeys(["тағы", "тегі", "та", "те"], "S"),
    **dict.fromkeys(["ға", "ге", "лар", "лер", "лық", "лік", "дан", "ден", "дағы", "дегі", "да", "де"], "VZ"),
    **dict.fromkeys(["на", "не", "нда", "нде", "ндағы", "ндегі"], "P"),
    **dict.fromkeys(["нан", "нен"], "N"),
    **dict.fromkeys(["ы", "і", "ын", "ін"], "C"),
    **dict.fromkeys(["менен", "мен", "бен", "пен"], "*"),
    # verb forms a service name uses as nouns: the verbal noun -у ("жуындыру"), participles -ған/-атын ("шектелген",
    # "жуынатын"), causatives -дыр/-ғыз ("жуындыр" → "жуын")
    **dict.fromkeys(["у", "атын", "етін"], "C"),
    **dict.fromkeys(["йтын", "йтін"], "V"),
    **dict.fromkeys(["ған", "ген", "ғыз", "гіз"], "VZ"),
    **dict.fromkeys(["қан", "кен", "қыз", "кіз", "тыр", "тір"], "S"),
    **dict.fromkeys(["дыр", "дір"], "Z"),
    # the passive voice of a consonant-final verb before a verb ending ("жүргізілген", "көрсетілу"): the active stem
    **dict.fromkeys(["ылу", "ілу", "ылған", "ілген", "ылды", "ілді", "ылатын", "ілетін"], "C"),
}
# Loose forms that are ordinary Russian word ends ("командир"): without Kazakh letters they are not Kazakh endings.
_NOT_LOOSE_ENDINGS = frozenset(["дир", "тир"])
# Verb endings after which a final -т after р is the causative ("шақырт-у", "тексерт-у"), taken off when what is
# left is long enough to be a verb of its own; after a vowel it is mostly part of the verb ("көрсет", "тарат", "оқыт")
_VERB_ENDINGS = frozenset(e for e in ("у", "ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін",
                                      "ылу", "ілу", "ылған", "ілген", "ылды", "ілді", "ылатын", "ілетін")
                          for e in (e, e.translate(_LOOSE)))
_CAUSED_AFTER = "р"
MIN_CAUSED_ROOT = 5
# The adjective and abstract-noun suffix -лық/-дық/-тық ("мүгедектік" → "мүгедек") leaves a root of four letters or
# more: a shorter one is a word of its own that ends alike ("жабдық", equipment, is no "жаб" + "-дық").
_DERIVATIONAL = frozenset(e for e in ("лық", "лік", "дық", "дік", "тық", "тік") for e in (e, e.translate(_LOOSE)))
MIN_DERIVED_ROOT = 4
# Endings that are Russian declension after these letters, not Kazakh case endings.
_RUSSIAN_BEFORE = {"да": "ое", "де": "ое", "га": "о"}
# Roots a Kazakh ending may cut down to: three letters, or two ending in й ("үйде" → "үй").
_SHORT_ROOT = re.compile(r"^[^\W\d_]{3,}$|^[^\W\d_][йи]$")
# Russian endings, one stripped: adjectives ("стационарный", "медицинская") to the stem, nouns to the bare stem.
# The value is the shortest stem the ending may leave.
_RU_ENDINGS = {
    **dict.fromkeys(["ского", "скому", "ский", "ская", "ское", "ские", "ских", "ским", "ской", "скую"], 4),
    **dict.fromkeys(["ного", "ному", "ными", "ный", "ная", "ное", "ные", "ных", "ным", "ной", "ную"], 4),
    **dict.fromkeys(["ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими"], 3),
    **dict.fromkeys(["ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ом", "ем"], 3),
    **dict.fromkeys(["ам", "ям", "ах", "ях", "ов", "ев", "ую", "юю"], 3),
    **dict.fromkeys(["а", "я", "о", "е", "ы", "и", "у", "ю", "ь"], 3),
}
# Kazakh final к/қ/п voice before a vowel ("құқық" → "құқығы", "кітап" → "кітабы"); a stem's last г/ғ/б is read
# voiceless so both forms meet (Russian finals devoice too: "клуб" and "клубы" give "клуп").
_DEVOICE = {"ғ": "қ", "г": "к", "б": "п"}


def _with_loose_forms() -> dict[str, str]:
    """The Kazakh endings also as typed without Kazakh letters (endings and letter classes mapped alike)."""
    endings = {e.translate(_LOOSE): c for e, c in _KK_ENDINGS.items() if e.translate(_LOOSE) not in _NOT_LOOSE_ENDINGS}
    endings.update(_KK_ENDINGS)
    return endings


_KK_ALL = _with_loose_forms()
_KK_ORDER = sorted(_KK_ALL, key=len, reverse=True)
# "ный" typed "ныи"; but not "ий" as "ии", which would cut "терапии" shorter than "терапия".
_RU_ENDINGS.update({e.translate(_LOOSE): n for e, n in _RU_ENDINGS.items() if e.translate(_LOOSE) not in ("ии", "")})
_RU_ORDER = sorted(_RU_ENDINGS, key=len, reverse=True)
_CLASS_LETTERS = {classes: "".join(_CLASSES[c] for c in classes if c != "*") for classes in set(_KK_ENDINGS.values())}


def _strip_kazakh(word: str, loose_form: bool) -> str | None:
    """`word` without its last Kazakh ending, or None when it has none."""
    for ending in _KK_ORDER:
        if not word.endswith(ending):
            continue
        root = word[: -len(ending)]
        if not _SHORT_ROOT.match(root) or (ending in _DERIVATIONAL and len(root) < MIN_DERIVED_ROOT):
            continue
        classes = _KK_ALL[ending]
        if classes != "*":
            allowed = _CLASS_LETTERS[classes]
            if loose_form:
                # Without Kazakh letters the possessive і is indistinguishable from Russian и ("медицина").
                allowed = "ы" if classes == "P" else allowed.translate(_LOOSE)
                if "V" not in classes:
                    allowed = allowed.replace("и", "")  # й typed as и is a vowel here
            if root[-1] not in allowed:
                continue
            # Russian "города", "среды", "педагога": -да/-де after о/е, -га after о are Russian declension.
            if root[-1] in _RUSSIAN_BEFORE.get(ending, ""):
                continue
            if len(root) == 2 and ending in ("ы", "і", "ын", "ін", "на", "не"):
                continue
        return root
    return None


# A negated Kazakh verb: the stem, the negation -ма/-ме (after vowels and л р й у), -ба/-бе (after м н ң з ж),
# -па/-пе (after voiceless consonants and б в г д), then a tense, participle, verbal-noun or converb ending
# ("жүргізбеді", "жүргізілмеді", "көрсетпеген", "бермейді", "жүргізбеуі", "бермей"). Loose spellings are included
# (і→и, й→и, ғ→г).
_NEGATED = re.compile(
    r"^(?P<root>[^\W\d_]{2,}?)"
    r"(?:(?<=[аеиоуыэюяәіүұөёлрйу])м[ае]|(?<=[мнңзж])б[ае]|(?<=[пткқсшфхцчбвгдғ])п[ае])"
    r"(?:ды|ді|ди|йды|йді|йди|иды|иди|ған|ган|ген|йтын|йтін|итын|итин|у|уы|уі|уи|уын|уін|уин|"
    r"ғандық|гандык|гендік|гендик|дық|дік|дык|дик|дым|дім|дим|й|и|пты|пті|пти|"
    r"ғанын|ганын|генін|генин|ғаны|ганы|гені|гени)$")  # ... the past with a person ("тартпадық": we did not
# involve), the negative converb before an auxiliary ("бермей жүр": keeps not giving; "ала алмай жүр": cannot get),
# the past heard of ("берілмепті": it turns out it was not given), and the participle said as a fact
# ("толтырылмағанын анықтады": found that it was not filled in; "берілмегені анықталды": that it was not given was
# found)


# The passive of a vowel-final verb, -л- or -н- before a participle or the verbal noun ("жасалған", "бақылану" →
# "жасау", "бақылау"); not before -ды/-ді, where a noun's accusative looks the same ("ауылды", "құралды"); after
# ы/і the -л- is the consonant-final passive -ыл-/-іл- ("тамақтандырылу"), which the ending table reads.
_PASSIVE_AFTER_VOWEL = re.compile(r"^(?P<root>[^\W\d_]{2,}[аеоуэюяәүұө])[лн](?:ған|ган|ген|у|атын|етін|етин)$")


# "ауыр емес", "қызметкер емес": Kazakh denies the word just before "емес" (the same written loose)
KAZAKH_NOT = "емес"
# The Kazakh past participle ("толмаған", "келген"), with Kazakh letters and loose: before a noun it makes a relative
# clause, before "жоқ" a verb said not done
PARTICIPLE_ENDINGS = ("ған", "ген", "ган", "қан", "кен", "кан")


_GENITIVE_AFTER = (("н", "VM"), ("д", "Z"), ("т", "S"))  # -ның after vowels and nasals, -дың voiced, -тың voiceless


def kazakh_genitive_of(word: str, base: str) -> bool:
    """Whether a loose word is a loose Kazakh noun with the genitive ending its last sound takes: "терапиясының"
    of "терапиясы" (the first noun of a compound title is said either way: "еңбек терапиясы нұсқаушысы", "еңбек
    терапиясының нұсқаушысы")."""
    if len(base) < 3 or not word.startswith(base) or len(word) != len(base) + 3:
        return False
    ending, last = word[len(base):], base[-1]
    return ending[1:] in ("ын", "ин") and any(ending[0] == first and any(last in _LOOSE_CLASSES[c] for c in classes)
                                              for first, classes in _GENITIVE_AFTER)


def kazakh_negation(word: str) -> str | None:
    """The verbal noun of a negated Kazakh verb form ("жүргізбеді" → "жүргізу", "етпеді" → "ету"), None for any
    other word. A vowel-final stem must keep three letters (Russian "помады" is no "по" + "ма" + "ды")."""
    match = _NEGATED.match(word)
    if match is None:
        return None
    root = match.group("root")
    if len(root) < 3 and root[-1] in _VOWELS:
        return None
    return root + "у"


# A verb's converb, -ып/-іп after a consonant ("барып көру", "апарып беру", "жазып"), ends the word: read as the
# verbal noun. Nouns ending alike keep their letters (loose forms too).
_CONVERB = re.compile(r"^(?P<root>[^\W\d_]{2,}[^аеиоуыэюяәіүұөёйь\W\d_])[ыіи]п$")
_NOT_CONVERBS = frozenset({"тәртіп", "тартип", "кәсіп", "касип", "қалып", "калып", "жіп", "жип", "ғұрып", "гурып"})


def _verbal_noun(word: str) -> str:
    """A negated, converb or vowel-final passive verb form as the verbal noun it is stemmed like; other words as they
    are."""
    if word not in _NOT_CONVERBS and (converb := _CONVERB.match(word)):
        return converb.group("root") + "у"
    match = _PASSIVE_AFTER_VOWEL.match(word := kazakh_negation(word) or word)
    return match.group("root") + "у" if match else word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The light stem of one case-folded token: up to three Kazakh endings, then one Russian ending, then a voiced
    final read voiceless ("мейіргердің" → "мейіргер", "медсестры" → "медсестр", "құқығы" → "құқық"). A negated
    verb is stemmed as its verbal noun ("жүргізбеді" as "жүргізу"), a passive one as the active ("көрсетілген" →
    "көрсет"). Works on loose forms too ("мейиргердин" → "мейиргер"); Kazakh letters, when present, make the ending
    classes exact."""
    if len(word) < 4 or not word.isalpha():
        return word
    word = _verbal_noun(word)
    if len(word) < 4:
        return word
    loose_form = not KAZAKH_LETTERS.intersection(word)
    for _ in range(3):
        stripped = _strip_kazakh(word, loose_form)
        if stripped is None:
            break
        word, ending = stripped, word[len(stripped):]
        if ending in _VERB_ENDINGS and len(word) > MIN_CAUSED_ROOT and word[-1] == "т" and word[-2] == _CAUSED_AFTER:
            word = word[:-1]  # the causative -т of a verb ("шақыртуды" → "шақыр", as "шақырмады")
            break
    # Russian endings go for every word: Kazakh loans end alike ("терапия", "терапиясы") and must meet.
    for ending in _RU_ORDER:
        if word.endswith(ending) and len(word) - len(ending) >= _RU_ENDINGS[ending]:
            word = word[: -len(ending)]
            break
    return word[:-1] + _DEVOICE[word[-1]] if word[-1] in _DEVOICE else word


# --- search keys: a Russian word the dictionary knows (knowledge/russian.py) by its dictionary form, Kazakh letters or
# a word the dictionary does not know by the rule stem ----------------------------------------------------------------


@lru_cache(maxsize=65536)
def keys(token: str) -> tuple[str, ...]:
    """The search keys of one token, the first the one to show: Latin transliterated; a Russian word by its dictionary
    form; then loose and stemmed. A Russian-looking word also keeps its rule stem, so a Kazakh word typed without
    Kazakh letters that happens to spell a Russian one ("беру", "кутим") still meets its other inflections."""
    rule, by_lemma = stem(loose(_cyrillic(token))), dictionary_key(token)
    return (rule,) if by_lemma is None or by_lemma == rule else (by_lemma, rule)


_ENGLISH_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", ""))
_ENGLISH = "en:"  # marks an English key apart from every Cyrillic one
MIN_ENGLISH_STEM = 4  # letters left after an ending is taken off ("helping" → "help"; "bring" stays)


# English words people use for one another in this field, keyed as one ("elderly" meets "older people", "disabled"
# meets "persons with disabilities")
_ENGLISH_SAME = {"elderly": "older", "aged": "older", "senior": "older", "disability": "disabl", "children": "child",
                 "kid": "child", "kids": "child"}


def english_key(token: str) -> str | None:
    """The key of an English word by a light stem: the plural, "-ing" and "-ed" off, then a silent "e" ("clients",
    "client"; "helping", "help"; "services", "service"; "allowances" stays apart from "allowed"). Marked so it never
    meets a Cyrillic key; None for a token not in Latin letters or too short to stem."""
    word = loose(token)
    if word in _ENGLISH_SAME and is_latin(word):  # short ones too ("kid")
        return _ENGLISH + _ENGLISH_SAME[word]
    if not is_latin(word) or len(word) < MIN_ENGLISH_STEM or not word.isalpha():
        return None
    for ending, instead in _ENGLISH_SUFFIXES:
        if word.endswith(ending) and not word.endswith(("ss", "us", "is")) and \
                len(word) - len(ending) + len(instead) >= MIN_ENGLISH_STEM:
            word = word[:len(word) - len(ending)] + instead
            break
    if len(word) > MIN_ENGLISH_STEM and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "shopping" → "shopp" → "shop"
    word = word[:-1] if word.endswith("e") and len(word) > MIN_ENGLISH_STEM else word
    return _ENGLISH + _ENGLISH_SAME.get(word, word)


def is_english_key(root: str) -> bool:
    """A key made by `english_key`: its word's other endings are the English ones, not a shared beginning."""
    return root.startswith("en:")


def unprefixed(token: str) -> str | None:
    """A borrowed Russian verb made perfective by "про-" ("проконсультировали", "проинформировать") without it, as
    the acts' names say what is done ("консультации", "информирование"); None for any other word."""
    typed, found = token.casefold(), dictionary_form(_cyrillic(token))
    if found and typed.startswith(_PERFECTIVE) and found.startswith(_PERFECTIVE) and found.endswith(_LOAN_VERB) \
            and dictionary_form(found[len(_PERFECTIVE):]):
        return typed[len(_PERFECTIVE):]
    return None


_PERFECTIVE = "про"
_LOAN_VERB = "овать"


def dictionary_key(token: str) -> str | None:
    """The key of a Russian word's dictionary form (Latin-typed too: "psihologami"); None for a word it does not know."""
    found = dictionary_form(_cyrillic(token))
    return stem(loose(found)) if found else None


def _cyrillic(token: str) -> str:
    token = token.casefold()
    return to_cyrillic(token) if _LATIN_LETTER.search(token) else token


def key(token: str) -> str:
    """The search key of one token, the same for every spelling and inflection of a word: "массаж", "массажа",
    "massazh" → "массаж"; "ауылда", "auylda", "awılda" → "ауыл"; "медсестрой", "медсестры" → "медсестр"."""
    return keys(token)[0]


def key_tokens(text: object) -> list[str]:
    """The search keys of the words of any text (names, passages, questions)."""
    return [key(token) for token in tokens(text)]


def search_key(text: object) -> str:
    """The search key of any text: every key of its words, joined by single spaces (the FTS `key` column of
    passages; a question's word finds the passage through any of its keys)."""
    return " ".join(k for token in tokens(text) for k in keys(token))
