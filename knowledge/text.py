"""Text normalisation for PDF-converted legal text, and search keys for names and questions.

Two jobs, kept apart:
- clean text for people and citations (`clean`, `join_cell`): broken words re-joined, letter-spacing collapsed,
  quotes/dashes/spaces normalised. The decisions use a `Vocabulary` of words seen unbroken in the sources;
- search keys for matching (`search_key`, `key_tokens`, `loose_key`): case-folded, punctuation-free, lightly
  stemmed (Kazakh and Russian endings), with `to_cyrillic` for Latin-script Kazakh/Russian typed by users.

Parsers should pass `join_cell` the raw lines of a cell, trailing spaces included: in these PDF conversions a line
ending with a space is a real word boundary, a line ending on a letter may be a word broken by a narrow column.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# --- folding: characters only, never words ------------------------------------------------------------------------

_QUOTES = {"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "’": "'", "‘": "'", "`": "'"}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_ODD_SPACES = "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters PDF conversion leaves inside words (soft hyphen, zero-width marks, BOM) and control junk.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff" + "".join(map(chr, [*range(0, 9), 11, 12, 13, *range(14, 32), 127]))
# One translation table does all character folding: a single pass keeps search keys fast.
_FOLD = str.maketrans(
    {**_QUOTES, **dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_ODD_SPACES, " "), **dict.fromkeys(_INVISIBLE)}
    | {"ё": "е", "Ё": "Е"}
)
_SPACES = re.compile(r" {2,}")
_CYRILLIC = "А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ"
# Latin letters that PDF text puts inside Cyrillic words ("жөнiндегi" with Latin i): mapped to their Cyrillic twins.
_HOMOGLYPHS = str.maketrans("aceiopxyABCEHIKMOPTXY", "асеіорхуАВСЕНІКМОРТХУ")
_HOMOGLYPH_LETTERS = frozenset("aceiopxyABCEHIKMOPTXY")
_MIXED_WORD = re.compile(rf"[a-zA-Z{_CYRILLIC}]*(?:[{_CYRILLIC}][a-zA-Z]|[a-zA-Z][{_CYRILLIC}])[a-zA-Z{_CYRILLIC}]*")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")
# A lone Latin look-alike inside Cyrillic letter spacing: "е г i" → "е г і".
_SPACED_HOMOGLYPH = re.compile(rf"(?<=(?<!\S)[{_CYRILLIC}] )[aceiopxyABCEHIKMOPTXY](?!\S)")


def _unmix(match: re.Match[str]) -> str:
    word = match.group(0)
    latin = {ch for ch in word if "a" <= ch.lower() <= "z"}
    return word.translate(_HOMOGLYPHS) if latin <= _HOMOGLYPH_LETTERS else word


def fold(text: str) -> str:
    """Unicode-normalise quotes, dashes, spaces, "ё" and stray Latin look-alikes without changing case or words."""
    text = _fold_chars(text)
    return _SPACES.sub(" ", text) if "  " in text else text


def _fold_chars(text: str) -> str:
    """`fold` without collapsing runs of spaces (their width tells letter-spaced words apart)."""
    text = _as_text(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.translate(_FOLD)
    if _LATIN_LETTER.search(text) and not text.isascii():
        text = _MIXED_WORD.sub(_unmix, text)
        text = _SPACED_HOMOGLYPH.sub(lambda m: m.group(0).translate(_HOMOGLYPHS), text)
    return text


def _as_text(text: object) -> str:
    """Any input as a str that encodes: bytes decoded leniently, lone surrogates replaced."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    elif not isinstance(text, str):
        text = "" if text is None else str(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", errors="replace").decode("utf-8")
    return text


# --- vocabulary -----------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_KAZAKH_LETTERS = frozenset("әіңғүұқөһ")
# Real one-letter words (Russian); letters outside this set standing alone are fragments of spaced or broken words.
_ONE_LETTER_WORDS = frozenset("ивскоуая")
# Endings that begin a line only when a word was broken before them (derivational suffixes, Latin-loan endings).
_BROKEN_TAILS = (
    "лық", "лік", "дық", "дік", "тық", "тік", "лы", "лі", "ды", "ді", "ты", "ті", "ғы", "гі", "қы", "кі",
    "ция", "ния", "сия", "зия", "тия", "рия", "лия", "гия", "пия", "ция", "ялық", "ялы", "алық", "калық", "икалық",
    "еттік", "меттік", "налық", "арлық", "ғылық", "ған", "ген", "қан", "кен", "лар", "лер", "дар", "дер", "тар", "тер",
    "ның", "нің", "дың", "дің", "тың", "тің", "ыру", "іру", "ру", "афия", "графия", "ттық", "ттік", "ық", "ік",
    "шы", "ші", "шысы", "шісі", "ушы", "уші", "ушысы", "ушісі", "шылар", "шілер",
)
# Kazakh case and possessive endings that are never words on their own.
_CASE_ENDINGS = frozenset(
    [
        "на", "не", "ға", "ге", "қа", "ке", "нан", "нен", "дан", "ден", "тан", "тен", "ның", "нің", "дың", "дің",
        "тың", "тің", "ны", "ні", "ды", "ді", "ты", "ті", "ын", "ін", "ың", "ің", "сы", "сі", "нда", "нде",
        "лар", "лер", "дар", "дер", "тар", "тер",
    ]
)


def _letters(token: str) -> str:
    match = _WORD.search(token)
    return match.group(0).casefold() if match else ""


class Vocabulary:
    """Word frequencies of tokens that appear unbroken inside lines of the source texts.

    A token counts only where it cannot be a fragment: not first on a line that follows a line ending on a
    letter, not last on a line that ends without a space, not a single letter.
    """

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts if counts is not None else Counter()
        self._stems: set[str] | None = None
        self._sorted: list[str] | None = None

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        counts: Counter[str] = Counter()
        for text in texts:
            lines = [fold(line) for line in _as_text(text).split("\n")]
            lines = [line for line in lines if line.strip()]
            for index, line in enumerate(lines):
                words = [m.group(0) for m in _WORD.finditer(line)]
                # Blank lines between do not matter: a cell broken at a page end resumes after them.
                previous = lines[index - 1] if index else " "
                following = lines[index + 1].lstrip() if index + 1 < len(lines) else ""
                if words and previous[-1].isalpha() and line.lstrip()[:1].islower():
                    words = words[1:]
                if words and line[-1].isalpha() and following[:1].islower():
                    words = words[:-1]
                counts.update(w.casefold() for w in words if len(w) > 1)
        return cls(counts)

    @classmethod
    def from_dir(cls, directory: Path) -> Vocabulary:
        return cls.from_texts(p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt")))

    def __contains__(self, word: str) -> bool:
        return self.known(word)

    def __len__(self) -> int:
        return len(self.counts)

    def count(self, word: str) -> int:
        return self.counts.get(word.casefold(), 0)

    def known(self, word: str) -> bool:
        """The word itself was seen unbroken."""
        return self.count(word) > 0

    def known_form(self, word: str) -> bool:
        """The word, or another inflection of its stem, was seen unbroken."""
        if self.known(word):
            return True
        if self._stems is None:
            self._stems = {_stem(w) for w in self.counts if len(w) > 3}
        stem = _stem(word.casefold())
        return len(stem) > 3 and stem in self._stems

    def extends_known(self, head: str, joined: str) -> bool:
        """Some known word runs on past `head` through at least two letters of the tail: a word broken apart."""
        if self._sorted is None:
            self._sorted = sorted(self.counts)
        at = bisect.bisect_left(self._sorted, joined)
        if at < len(self._sorted) and self._sorted[at].startswith(joined):
            return True
        return any(self.known(joined[:end]) for end in range(len(head) + 2, len(joined)))

    def joins(self, head: str, tail: str) -> bool:
        """Whether `head` (end of one line) and `tail` (start of the next) are one word broken by the line end."""
        last = re.split(r"[\W\d_]", head)[-1]
        if not last or not tail[:1].isalpha() or not tail[:1].islower():
            return False
        h, t = last.casefold(), _letters(tail)
        if not t:
            return False
        joined = h + t
        if len(t) == 1:
            # A lone letter starting a line is the end of the word before, unless it is a real one-letter word.
            return t not in _ONE_LETTER_WORDS or bool(_KAZAKH_LETTERS.intersection(h)) or self.known_form(joined)
        # A fragment seen once on its own may be a conversion accident: demand two sightings of a real word.
        h_known, t_known = self.count(h) > 1, self.count(t) > 1
        if t in _CASE_ENDINGS and h_known and self.known_form(joined):
            return True  # "бағдарламалары" + "на"
        if h_known and t_known:
            return False
        if self.known_form(joined):
            return True
        if t_known:
            return False  # a real word starts the line; the head may be a rare word or a fragment of a lost letter
        if self.extends_known(h, joined):
            return True
        if t in _BROKEN_TAILS or (len(t) <= 6 and any(t.endswith(s) for s in _BROKEN_TAILS if len(s) > 2)):
            return True
        # Neither piece is a word, and one cannot be a word edge: Kazakh words seldom end in б/в/г/д/ф/х/ц/ч/щ
        # or begin with ы/я/и/ь/ң ("станци" + "ясыны", "шөгінд" + "ілерде").
        if (h[-1] in "бвгдфхцчщъ" or t[0] in "ыяиьъң") and not (h_known or self.known_form(h) or self.known_form(t)):
            return True
        return not h_known and len(t) <= 3


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The vocabulary of all source texts in knowledge/sources (built once)."""
    from knowledge import SOURCES_DIR

    return Vocabulary.from_dir(SOURCES_DIR)


# --- letter spacing ("Қ ы з м е т" → "Қызмет") -------------------------------------------------------------------

_PIECE = re.compile(r"\S+|\s+")
_SPACED_LETTER = re.compile(rf"[{_CYRILLIC}]")


def _is_letter_piece(piece: str) -> bool:
    return len(piece) == 1 and bool(_SPACED_LETTER.match(piece))


def collapse_spacing(line: str, vocabulary: Vocabulary | None = None) -> str:
    """Collapse letter-spaced words in one line; glue a lone split-off letter back ("жөніндег і" → "жөніндегі").

    Letters separated by single spaces form a run; runs are separated by two or more spaces in this layout.
    Runs of two letters are collapsed only when that is clearly letter spacing (a wide gap follows, the word is
    known, or neither letter is a real one-letter word).
    """
    if " " not in line:
        return line
    vocabulary = vocabulary or default_vocabulary()
    pieces = _PIECE.findall(line)
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if not _is_letter_piece(piece):
            out.append(piece)
            i += 1
            continue
        # Gather a run: letter (" " letter | " " "-" " " letter)*
        run = [piece]
        j = i + 1
        while j + 1 < len(pieces) and pieces[j] == " ":
            nxt = pieces[j + 1]
            if _is_letter_piece(nxt):
                run.append(nxt)
                j += 2
            elif nxt == "-" and j + 3 < len(pieces) and pieces[j + 2] == " " and _is_letter_piece(pieces[j + 3]):
                run.extend(["-", pieces[j + 3]])
                j += 4
            else:
                break
        letters = [p for p in run if p != "-"]
        word = "".join(run)
        after = pieces[j] if j < len(pieces) else ""
        wide_gap = len(after) >= 2 or (after.isspace() and j + 1 >= len(pieces))
        only_words = not {p.casefold() for p in letters} - _ONE_LETTER_WORDS
        if only_words and not vocabulary.known_form(word):
            out.append(piece)  # "и в с": real one-letter words, not a spaced-out word
            i += 1
            continue
        if len(letters) >= 3 or (
            len(letters) == 2
            and (wide_gap or vocabulary.known_form(word) or not (set(word.casefold()) & _ONE_LETTER_WORDS))
        ):
            out.append(word)
            i = j
            continue
        if len(letters) == 1 and _glues_to_previous(out, piece, vocabulary):
            out.pop()  # the single space before the letter
            out[-1] += piece
            i += 1
            continue
        out.append(piece)
        i += 1
    return "".join(out)


def _glues_to_previous(out: list[str], letter: str, vocabulary: Vocabulary) -> bool:
    if len(out) < 2 or out[-1] != " " or not out[-2][-1:].isalpha() or len(out[-2]) < 3:
        return False
    previous = out[-2]
    last = re.split(r"[^\w]", previous)[-1]
    glued = last + letter
    return vocabulary.known_form(glued) and (letter.casefold() not in _ONE_LETTER_WORDS or not vocabulary.known(last))


# --- tidy punctuation and spaces ----------------------------------------------------------------------------------

_MULTISPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w)\]\"'])\s+(?=[,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])\s+")
_MISSING_SPACE_AFTER = re.compile(r"(?<=[^\W\d_])([,;])(?=[^\W\d_])")


def _tidy(text: str) -> str:
    text = _MULTISPACE.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    return _MISSING_SPACE_AFTER.sub(r"\1 ", text)


_PURE_WORD = re.compile(r"[^\W\d_]+")


def glue_split_words(text: str, vocabulary: Vocabulary | None = None) -> str:
    """Re-join a word the conversion split inside a line ("мемлекетт ің", "жүрг ізуге"): only when the joined form
    is a word of the sources and the pieces are not ordinary words themselves."""
    vocabulary = vocabulary or default_vocabulary()
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        if out and _splits(out[-1], word, vocabulary):
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out)


def _splits(head: str, tail: str, vocabulary: Vocabulary) -> bool:
    tail = tail.rstrip(",.;:)")  # "әңг імелесу," is a split word followed by a comma
    if not (_PURE_WORD.fullmatch(tail) and len(head) >= 2 and head[-1:].isalpha()):
        return False
    last = _PURE_WORD.findall(head)[-1] if _PURE_WORD.findall(head) else ""
    if len(last) < 2 or tail.casefold() in _ONE_LETTER_WORDS or not vocabulary.known_form(last + tail):
        return False
    # Fragments of a split word are rare on their own (they occur only where the split happened).
    rare = vocabulary.count(last) <= 2 and vocabulary.count(tail) <= 2
    return rare or not (vocabulary.known(last) or vocabulary.known(tail))


def clean(text: str) -> str:
    """One clean line of text: folded, letter-spacing collapsed, single-spaced, punctuation spacing fixed.

    Text with line breaks is treated as the wrapped lines of one paragraph (see `join_cell`).
    """
    text = _as_text(text)
    if "\n" in text:
        return join_cell(text.split("\n"))
    return glue_split_words(_tidy(collapse_spacing(_fold_chars(text))))


def join_cell(lines: list[str], vocabulary: Vocabulary | None = None) -> str:
    """Join the wrapped lines of one table cell or paragraph into clean text.

    Re-joins words broken across lines without a hyphen ("Санитарлық-гигиен" + "алық"), keeps real hyphens
    ("Санитарлық-" + "гигиеналық" → "Санитарлық-гигиеналық") and word boundaries, collapses letter-spaced words.
    """
    vocabulary = vocabulary or default_vocabulary()
    text = ""
    open_end = False  # the text so far ends without a space: the next line may continue its last word
    for raw in lines:
        line = _fold_chars(raw)
        body = collapse_spacing(line, vocabulary).strip()
        if not body:
            continue
        if text:
            text += _separator(text, body, open_end, vocabulary) + body
        else:
            text = body
        open_end = line == line.rstrip()
    return glue_split_words(_tidy(text), vocabulary)


def _separator(text: str, body: str, open_end: bool, vocabulary: Vocabulary) -> str:
    first = body[0]
    if text.endswith("-") and len(text) > 1 and text[-2].isalnum() and first.isalnum():
        return ""  # a compound or range split after its hyphen: "Санитарлық-" + "гигиеналық", "101-" + "150"
    if not open_end:
        return " "
    head = text.rsplit(" ", 1)[-1]
    if first.isalpha() and vocabulary.joins(head, body.split(" ", 1)[0]):
        return ""
    return " "


# --- search keys ----------------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[0-9a-zäöüūıñňşçğа-яәіңғүұқөһ]+")
_LOOSE = str.maketrans("әіңғүұқөһйэ", "аингуукохие")

# Kazakh endings follow the sound before them: -ның after vowels, -дың after voiced consonants, -тың after voiceless
# ones. Checking that sound keeps Russian words ("работы", "минуты", "города") from losing letters that only look
# like Kazakh endings. Classes of the preceding letter: V vowel, Z voiced consonant or sonorant, S voiceless, P the
# possessive ы/і (-на, -нда), N nasal or possessive (-нан), C any consonant, * anything.
_VOWEL = "аеиоуыэюяәіүұөё"
_CLASSES = {
    "V": _VOWEL,
    "Z": "бвгджзйлмнңрғуһ",
    "S": "пткқсшфхцчщ",
    "P": "ыі",
    "N": "мнңыі",
    "C": "бвгджзйлмнңрғһпткқсшфхцчщь",
}
_KK_RULES: dict[str, str] = {
    **dict.fromkeys(["ның", "нің", "ны", "ні", "сы", "сі", "сын", "сін", "сының", "сінің", "сына", "сіне"], "V"),
    **dict.fromkeys(["дың", "дің", "ды", "ді", "дар", "дер", "дық", "дік"], "Z"),
    **dict.fromkeys(["тың", "тің", "ты", "ті", "тар", "тер", "тық", "тік", "қа", "ке", "тан", "тен"], "S"),
    **dict.fromkeys(["тағы", "тегі", "та", "те"], "S"),
    **dict.fromkeys(["ға", "ге", "лар", "лер", "лық", "лік", "дан", "ден", "дағы", "дегі", "да", "де"], "VZ"),
    **dict.fromkeys(["на", "не", "нда", "нде", "ндағы", "ндегі"], "P"),
    **dict.fromkeys(["нан", "нен"], "N"),
    **dict.fromkeys(["ы", "і", "ын", "ін"], "C"),
    **dict.fromkeys(["менен", "мен", "бен", "пен"], "*"),
}
# Roots a Kazakh ending may cut down to: three letters, or two ending in й ("үйде" → "үй").
_SHORT_ROOT = re.compile(r"^[^\W\d_]{3,}$|^[^\W\d_][йи]$")
# Russian endings, one stripped: adjectives ("стационарный", "медицинская") to the stem, nouns to the bare stem.
_RU_ENDINGS = {
    **dict.fromkeys(["ского", "скому", "ский", "ская", "ское", "ские", "ских", "ским", "ской", "скую"], 4),
    **dict.fromkeys(["ного", "ному", "ными", "ный", "ная", "ное", "ные", "ных", "ным", "ной", "ную"], 4),
    **dict.fromkeys(["ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими"], 3),
    **dict.fromkeys(["ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ом", "ем"], 3),
    **dict.fromkeys(["ам", "ям", "ах", "ях", "ов", "ев", "ую", "юю"], 3),
    **dict.fromkeys(["а", "я", "о", "е", "ы", "и", "у", "ю", "ь"], 3),
}


def _loose_rules() -> dict[str, str]:
    """The Kazakh rules also for text typed without Kazakh letters (endings and letter classes mapped alike)."""
    rules = {ending.translate(_LOOSE): classes for ending, classes in _KK_RULES.items()}
    rules.update(_KK_RULES)
    return rules


_KK_ALL = _loose_rules()
_KK_ORDER = sorted(_KK_ALL, key=len, reverse=True)
# "ный" typed "ныи"; but not "ий" as "ии", which would cut "терапии" shorter than "терапия".
_RU_ENDINGS.update({e.translate(_LOOSE): stem for e, stem in _RU_ENDINGS.items() if e.translate(_LOOSE) != "ии"})
_RU_ORDER = sorted(_RU_ENDINGS, key=len, reverse=True)
_CLASS_LETTERS = {
    classes: "".join(_CLASSES[c] for c in classes if c != "*") for classes in set(_KK_RULES.values())
}


def _strip_kazakh(word: str, loose: bool) -> str | None:
    for ending in _KK_ORDER:
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        if not _SHORT_ROOT.match(stem):
            continue
        classes = _KK_ALL[ending]
        if classes != "*":
            allowed = _CLASS_LETTERS[classes]
            if loose:
                # Without Kazakh letters the possessive і is indistinguishable from Russian и ("медицина").
                allowed = "ы" if classes == "P" else allowed.translate(_LOOSE)
                if "V" not in classes:
                    allowed = allowed.replace("и", "")  # й typed as и is a vowel here
            if stem[-1] not in allowed:
                continue
            # Russian "города", "среды": -да/-де after о/е is Russian declension, not the Kazakh locative.
            if ending in ("да", "де") and stem[-1] in "ое":
                continue
            if len(stem) == 2 and ending in ("ы", "і", "ын", "ін", "на", "не"):
                continue
        return stem
    return None


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Light stem of one lower-case token: up to three Kazakh endings, then one Russian ending."""
    if len(word) < 4 or word.isdigit():
        return word
    kazakh = bool(_KAZAKH_LETTERS.intersection(word))
    for _ in range(3):
        stripped = _strip_kazakh(word, loose=not kazakh)
        if stripped is None:
            break
        word = stripped
    # Russian endings go for every word: Kazakh loans end alike ("терапия", "терапиясы") and must meet.
    for ending in _RU_ORDER:
        if word.endswith(ending) and len(word) - len(ending) >= _RU_ENDINGS[ending]:
            return word[: -len(ending)]
    return word


def stem(word: str) -> str:
    """The light search stem of one word ("мейіргердің" → "мейіргер", "медсестры" → "медсестр")."""
    tokens = _TOKEN.findall(fold(word).casefold())
    return _stem(tokens[0]) if tokens else ""


@lru_cache(maxsize=8192)
def _key_tokens(text: str) -> tuple[str, ...]:
    return tuple(_stem(token) for token in _TOKEN.findall(fold(text).casefold()))


def key_tokens(text: str) -> list[str]:
    """Search-key tokens: case-folded, punctuation-free, lightly stemmed."""
    return list(_key_tokens(_as_text(text)))


def search_key(text: str) -> str:
    """The search key of any text (names, questions): stemmed tokens joined by single spaces."""
    return " ".join(_key_tokens(_as_text(text)))


@lru_cache(maxsize=8192)
def _loose_tokens(text: str, latin: bool) -> tuple[str, ...]:
    folded = fold(text).casefold()
    if latin and _LATIN_LETTER.search(folded):
        folded = to_cyrillic(folded)
    return tuple(_stem(token) for token in _TOKEN.findall(folded.translate(_LOOSE)))


def loose_tokens(text: str, latin: bool = True) -> list[str]:
    """Tokens of `loose_key`."""
    return list(_loose_tokens(_as_text(text), latin))


def loose_key(text: str, latin: bool = True) -> str:
    """A search key that forgives missing Kazakh letters: ә→а, і→и, ң→н, ғ→г, ү/ұ→у, қ→к, ө→о, һ→х, й→и, э→е.

    "мейіргердің", "мейиргер", "meyirger" all give "мейиргер". With `latin`, Latin-script words are
    transliterated first (`to_cyrillic`). Compare loose keys only with loose keys.
    """
    return " ".join(_loose_tokens(_as_text(text), latin))


# --- Latin-script Kazakh / Russian → Cyrillic ----------------------------------------------------------------------

_LATIN_WORD = re.compile(r"[a-zäöüūıñňşçğ']+", re.IGNORECASE)
_DIGRAPHS = (
    ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("gh", "ғ"),
    ("ya", "я"), ("yu", "ю"), ("yo", "е"),
)
_SINGLE = {
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "j": "ж", "k": "к",
    "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т", "u": "у",
    "v": "в", "w": "у", "x": "х", "z": "з", "ä": "ә", "ö": "ө", "ü": "ү", "ū": "ұ", "ı": "ы", "ñ": "ң",
    "ň": "ң", "ş": "ш", "ç": "ч", "ğ": "ғ", "'": "",
}
_BACK = frozenset("aoıū")
_LATIN_VOWELS = frozenset("aeiouyäöüūı")


@lru_cache(maxsize=8192)
def _latin_word(word: str) -> str:
    lower = word.lower()
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
        if rest.startswith("ts") and back:
            out.append("ц")
            i += 2
        elif rest.startswith("ng") and (i + 2 == len(lower) or lower[i + 2] not in _LATIN_VOWELS):
            out.append("ң")
            i += 2
        elif ch == "y":
            # y is й after a vowel or before one ("meyirger", "jartylay"), else ы ("auyl", "qyzmet").
            vowel_before = prev in _LATIN_VOWELS - {"u", "y"}
            out.append("й" if vowel_before or (nxt in _LATIN_VOWELS and prev not in _LATIN_VOWELS) else "ы")
            i += 1
        elif ch == "i":
            out.append("и" if back or nxt in "aoy" else "і")
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


def to_cyrillic(text: str) -> str:
    """Transliterate Latin-script Kazakh/Russian words to Cyrillic ("meyirger" → "мейіргер", "qala" → "қала").

    Cyrillic, digits and punctuation are left alone. Kazakh letters that Latin typists leave out (ә, і, ң...)
    are guessed; compare results through `loose_key`, which forgives those guesses.
    """
    return _LATIN_WORD.sub(lambda m: _latin_word(m.group(0)), _as_text(text))
