"""Repair of PDF-converted legal text, for people and citations: words the conversion broke across lines or split
inside a line re-joined, letter-spaced words collapsed, quotes/dashes/spaces and punctuation spacing tidied.

The decisions use a `Vocabulary` of words seen unbroken in the sources. Parsers should pass `join_cell` the raw lines
of a cell, trailing spaces included: in these PDF conversions a line ending with a space is a real word boundary, a
line ending on a letter may be a word broken by a narrow column. Search keys are not made here (see knowledge.text).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from knowledge.text import CYRILLIC, KAZAKH_LETTERS, as_text, fold, stem

# --- vocabulary -----------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
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
        # Every answer given while a trace is set: a text parsed under one vocabulary is parsed the same under
        # another that gives the same answers (how the build reuses an unchanged act's rows, see ingest.reuse).
        self.trace: dict[tuple[str, str], int | bool] | None = None
        self._answered: dict[tuple[str, str], int | bool] = {}
        self._fingerprint: str | None = None

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        counts: Counter[str] = Counter()
        for text in texts:
            lines = [fold(line) for line in as_text(text).split("\n")]
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

    def seen_more_than(self, word: str, times: int) -> bool:
        """The word was seen unbroken more than `times` times (the repair asks with 0, 1 and 2). Traced as the
        answer, not the count: a decree that makes a common word commoner changes no answer."""
        found = self.count(word) > times
        if self.trace is not None:
            self.trace[f"more{times}", word] = found
        return found

    def known(self, word: str) -> bool:
        """The word itself was seen unbroken."""
        return self.seen_more_than(word, 0)

    def known_form(self, word: str) -> bool:
        """The word, or another inflection of its stem, was seen unbroken."""
        if self.known(word):
            return True
        if self._stems is None:
            self._stems = {stem(w) for w in self.counts if len(w) > 3}
        root = stem(word.casefold())
        found = len(root) > 3 and root in self._stems
        if self.trace is not None:
            self.trace["form", word] = found
        return found

    def starts_known(self, prefix: str) -> bool:
        """Some known word begins with `prefix`."""
        if self._sorted is None:
            self._sorted = sorted(self.counts)
        at = bisect.bisect_left(self._sorted, prefix)
        found = at < len(self._sorted) and self._sorted[at].startswith(prefix)
        if self.trace is not None:
            self.trace["starts", prefix] = found
        return found

    def extends_known(self, head: str, joined: str) -> bool:
        """Some known word runs on past `head` through at least two letters of the tail: a word broken apart."""
        return self.starts_known(joined) or any(self.known(joined[:end]) for end in range(len(head) + 2, len(joined)))

    def fingerprint(self) -> str:
        """A hash of the counts: equal vocabularies answer everything alike."""
        if self._fingerprint is None:
            self._fingerprint = hashlib.sha256(json.dumps(sorted(self.counts.items()), ensure_ascii=False).encode()
                                               ).hexdigest()
        return self._fingerprint

    def answers(self, trace: dict[tuple[str, str], int | bool]) -> bool:
        """Whether this vocabulary gives every answer of a trace recorded under another one."""
        saved, self.trace = self.trace, None
        try:
            ask = {"more0": lambda word: self.seen_more_than(word, 0), "more1": lambda word: self.seen_more_than(word, 1),
                   "more2": lambda word: self.seen_more_than(word, 2), "form": self.known_form,
                   "starts": self.starts_known}
            for question, answer in trace.items():
                if question not in self._answered:  # acts ask mostly the same questions: each is answered once
                    self._answered[question] = ask[question[0]](question[1])
                if self._answered[question] != answer:
                    return False
            return True
        finally:
            self.trace = saved

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
            return t not in _ONE_LETTER_WORDS or bool(KAZAKH_LETTERS.intersection(h)) or self.known_form(joined)
        # A fragment seen once on its own may be a conversion accident: demand two sightings of a real word.
        h_known, t_known = self.seen_more_than(h, 1), self.seen_more_than(t, 1)
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
_SPACED_LETTER = re.compile(rf"[{CYRILLIC}]")


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
    rare = not vocabulary.seen_more_than(last, 2) and not vocabulary.seen_more_than(tail, 2)
    return rare or not (vocabulary.known(last) or vocabulary.known(tail))


def clean(text: str) -> str:
    """One clean line of text: folded, letter-spacing collapsed, single-spaced, punctuation spacing fixed.

    Text with line breaks is treated as the wrapped lines of one paragraph (see `join_cell`).
    """
    text = as_text(text)
    if "\n" in text:
        return join_cell(text.split("\n"))
    return glue_split_words(_tidy(collapse_spacing(fold(text, collapse_spaces=False))))


def join_cell(lines: list[str], vocabulary: Vocabulary | None = None) -> str:
    """Join the wrapped lines of one table cell or paragraph into clean text.

    Re-joins words broken across lines without a hyphen ("Санитарлық-гигиен" + "алық"), keeps real hyphens
    ("Санитарлық-" + "гигиеналық" → "Санитарлық-гигиеналық") and word boundaries, collapses letter-spaced words.
    """
    vocabulary = vocabulary or default_vocabulary()
    text = ""
    open_end = False  # the text so far ends without a space: the next line may continue its last word
    for raw in lines:
        line = fold(raw, collapse_spaces=False)  # the width of gaps tells letter-spaced words apart
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
