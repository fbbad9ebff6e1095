"""Everyday Kazakh words for what the acts print in words of their own: "аурухана" (hospital) where a name says
"денсаулық сақтау ұйымы" (health organisation), "апару" (take to) for "жеткізу" (deliver), "тырнақ алу" for
"тырнақ кесу" (cutting nails). A question word said the everyday way is also read as the printed word, its second
reading (as a Latin-typed word's Cyrillic one), so the search meets the name. Word by word, by the words' keys
(every inflection of a word is one row); a row of two words reads each of them so only beside the other.

Russian shorthand is read the same way ("юр консультация": "юридический"; "псих поддержка": "психологический").
Data: knowledge/data/everyday.tsv (said, printed: the same number of words, word for word).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.answer.tables import tsv_rows
from knowledge.text import key, loose, tokens

EVERYDAY_PATH = PACKAGE_DIR / "data" / "everyday.tsv"
HEADER = ("said", "printed")
PARTICLES = frozenset({"да", "де", "та", "те"})  # Kazakh "also/even", standing inside a phrase


@dataclass(frozen=True)
class Everyday:
    words: dict[str, str]  # the key of a word said → the printed word (loose)
    after: dict[tuple[str, str], str]  # the keys of (the word before, the word said) → the printed word
    before: dict[tuple[str, str], str]  # the keys of (the word said, the word after) → the printed word

    def printed(self, words: list[str], index: int) -> str | None:
        """The printed word for the loose question word `words[index]` said the everyday way, else None."""
        said = key(words[index])
        before, after = _neighbours(words, index)
        if before is not None and (found := self.after.get((key(words[before]), said))):
            return found
        if after is not None and (found := self.before.get((said, key(words[after])))):
            return found
        return self.words.get(said)

    def in_phrase(self, words: list[str], index: int) -> bool:
        """Whether `words[index]` is read as printed only beside its neighbour ("есту" of "есту аппараты"): a word
        of such a phrase means the printed word alone, its literal sense ("hear") is not what was asked."""
        said = key(words[index])
        before, after = _neighbours(words, index)
        return bool((before is not None and (key(words[before]), said) in self.after)
                    or (after is not None and (said, key(words[after])) in self.before))


def _neighbours(words: list[str], index: int) -> tuple[int | None, int | None]:
    """The words before and after `words[index]`, past a particle between ("тырнағын да алмаған")."""
    before = next((i for i in range(index - 1, -1, -1) if words[i] not in PARTICLES), None)
    after = next((i for i in range(index + 1, len(words)) if words[i] not in PARTICLES), None)
    return before, after


@lru_cache(maxsize=2)
def load_everyday(path: Path = EVERYDAY_PATH) -> Everyday:
    words: dict[str, str] = {}
    after: dict[tuple[str, str], str] = {}
    before: dict[tuple[str, str], str] = {}
    for number, _text, fields in tsv_rows(path, HEADER, "everyday.tsv"):
        said, printed = ([loose(t) for t in tokens(field)] for field in (fields + ["", ""])[:2])
        if not said or len(said) != len(printed) or len(said) > 2:
            raise ValueError(f"everyday.tsv line {number}: one or two words said, as many printed")
        if len(said) == 1:
            words[key(said[0])] = printed[0]
        else:  # each word read so beside the other ("есту аппараты" / "сурдотехникалық құрал")
            after[(key(said[0]), key(said[1]))] = printed[1]
            if printed[0] != said[0]:
                before[(key(said[0]), key(said[1]))] = printed[0]
    return Everyday(words, after, before)
