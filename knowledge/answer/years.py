"""The tariff years a question asks about: a year by its number ("2027", "на 2027 год", "2027 жылға"), or by the
day asked ("на следующий год", "келесі жылы", "this year", "биылғы"; cues of the glossary), and whether two years
are to be compared ("как изменился тариф с 2026 на 2027", "2026 бен 2027 салыстыру", "compare 2026 and 2027")."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.answer.understand import Understood

FIRST_YEAR, LAST_YEAR = 2000, 2099  # a four-digit number in this range is a year (unless it is an act's number)
RELATIVE = {"last_year": -1, "this_year": 0, "next_year": 1}  # glossary cue → years from the day asked
COMPARE = "compare"


@dataclass(frozen=True)
class Years:
    """The years a question names, in the order it names them (each once), and whether it asks to compare."""

    named: tuple[int, ...] = ()
    compare: bool = False

    @property
    def one(self) -> int | None:
        """The year asked when the question names one year (None: none, or several)."""
        return self.named[0] if len(self.named) == 1 else None


def asked_years(u: Understood, today: int, act_dates: dict[str, frozenset[int]]) -> Years:
    """The years `u` names. The year of an act named by its number ("№ 286 от 2025 года": `act_dates`, act number →
    the years of its dates) is that act's date, not a tariff year."""
    dated = {year for number in u.numbers for year in act_dates.get(number, ())}
    named = [int(n) for n in u.numbers if len(n) == 4 and FIRST_YEAR <= int(n) <= LAST_YEAR and int(n) not in dated]
    named += [today + shift for cue, shift in RELATIVE.items() if cue in u.cues]
    return Years(tuple(dict.fromkeys(named)), COMPARE in u.cues)


def in_force(years: list[int], today: int) -> int | None:
    """Of the tariff years held (ascending), the one in force in `today`'s year: the latest up to it, else (every
    act is for a later year) the earliest."""
    held = [year for year in years if year <= today]
    return held[-1] if held else (years[0] if years else None)
