"""The quantities a cost question gives: how many days, months and recipients ("15 дней", "2 ай", "12 days",
"3 получателя", "3 алушы", "for 2 months"), read by rule from a number followed by a unit word in Kazakh, Russian
or English (any inflection: the unit words are matched by their stems), and the question with them taken out.

A number of days or months is what makes a question a calculation: a plain tariff question never counts days, and
a head count alone ("на 75 человек") is a staffing question, not a cost."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# unit → the stems of its words; a word counts when it starts with one of them (Latin-script Kazakh included)
_STEMS: dict[str, tuple[str, ...]] = {
    "days": ("дн", "день", "сут", "күн", "кун", "day", "kün", "kun"),
    "months": ("месяц", "мес", "ай", "month", "ai", "ay"),
    "recipients": ("получател", "человек", "чел", "клиент", "алушы", "адам", "recipient", "people", "person",
                   "client", "alushy", "adam"),
}
# "15 дней", "2-х месяцев", "3 қызмет алушы" (the Kazakh "service recipient" in two words)
_NUMBER_UNIT = re.compile(r"(?<![\w.,])(\d{1,4})\s*(?:-\s*(?:х|ти|ми|ть|и|ой|ый|ге|ке|ка|қа))?\s*(?:қызмет\s+)?"
                          r"([^\W\d_]+)", re.IGNORECASE)
# words after a unit that make it a rate, not a count: "в день", "per day" have no number; "1 күндік" (one-day) is a
# count. A unit that is a word of a longer one ("айналым", "адамгершілік") is no unit: the stems below are whole-ish.
_NOT_UNITS = ("айна", "айлы", "айыр", "адамгер", "дна", "челн", "мест", "daylight")
MAX_COUNT = 1000  # more days, months or recipients than this is no plan (a year, an act number)


@dataclass
class Quantities:
    days: int | None = None
    months: int | None = None
    recipients: int | None = None
    rest: str = ""  # the question with the quantities taken out
    said: list[str] = field(default_factory=list)  # the quantities as the question words them ("15 дней")

    @property
    def counted(self) -> bool:
        """A number of days or months was given: the question asks what a plan costs."""
        return self.days is not None or self.months is not None


def unit_of(word: str) -> str | None:
    """"дней" → days, "айға" → months, "алушыға" → recipients; None for any other word."""
    word = word.casefold()
    if any(word.startswith(stem) for stem in _NOT_UNITS):
        return None
    for unit, stems in _STEMS.items():
        for stem in stems:
            # a short stem must be the word or nearly ("ай", "айға", "айға дейін"; not "айтылған")
            if word.startswith(stem) and (len(stem) > 3 or len(word) <= len(stem) + 3):
                return unit
    return None


def read_quantities(question: str) -> Quantities:
    """The first number of days, of months and of recipients the question gives, and the question without them."""
    found = Quantities()
    kept: list[str] = []
    at = 0
    for match in _NUMBER_UNIT.finditer(question or ""):
        unit = unit_of(match.group(2))
        count = int(match.group(1))
        if unit is None or not 0 < count <= MAX_COUNT:
            continue
        if getattr(found, unit) is None:
            setattr(found, unit, count)
        found.said.append(match.group(0))
        kept.append(question[at:match.start()])
        at = match.end()
    kept.append((question or "")[at:])
    found.rest = " ".join(part.strip() for part in kept if part.strip())
    return found
