"""Tariff years in a reply: which year (and so which tables) a question is answered from, the act and year every
figure comes from, next year's figure where the base already holds it, and two years side by side with the
difference in tenge and per cent."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from knowledge.answer import compose
from knowledge.answer.catalogue import Catalogue, View
from knowledge.answer.compose import label
from knowledge.answer.context import Context
from knowledge.answer.index import Target
from knowledge.answer.understand import Understood
from knowledge.answer.years import Years, asked_years, in_force
from knowledge.text import loose, tokens

RATES = ("rate", "rate_city", "rate_rural")


@dataclass(frozen=True)
class When:
    """The years a tariff question is answered from: `view`, one (jurisdiction, year) per jurisdiction; with
    `compared` (earlier, later), the later year's tables, each item shown beside the earlier year's."""

    years: Years
    view: View
    compared: tuple[int, int] | None = None


def when(u: Understood, ctx: Context) -> When:
    catalogue, today = ctx.catalogue, ctx.today().year
    years = asked_years(u, today, catalogue.act_dates)
    compared = _compared(years, catalogue.years_of(u.filters.jurisdiction, u.filters.setting), today)
    if compared:
        earlier, later = compared
        both = [code for code, _ in catalogue.view(later, today) if earlier in catalogue.years_of(code)]
        return When(years, tuple((code, later) for code in both), compared)
    return When(years, catalogue.view(years.one, today))


def _compared(years: Years, held: list[int], today: int) -> tuple[int, int] | None:
    """The two years to set side by side: the first and last named; one named and "compare": it and the year before
    it the base holds (else after it); "compare" alone: the year in force and the next (else the one before)."""
    if not (years.compare or len(years.named) >= 2):
        return None
    named = sorted(years.named)
    if len(named) >= 2:
        return named[0], named[-1]
    base = named[0] if named else in_force(held, today)
    if base is None:
        return None
    earlier, later = [y for y in held if y < base], [y for y in held if y > base]
    if earlier and (named or not later):
        return earlier[-1], base
    return (base, later[0]) if later else None


def act_fields(document: dict) -> dict:
    """The year and act a tariff figure comes from (Result.fields of every tariff result)."""
    return {"year": document.get("year"), "act_number": document.get("number"), "act_date": document.get("date"),
            "act_status": document.get("status") or "in_force"}


def rates(row: dict) -> dict:
    return {name: row[name] for name in RATES if row.get(name) is not None}


def matching_row(row: dict, target: Target, other: Target) -> dict | None:
    """`row`'s line in the same service of another year: the one for the same position (a service with one row:
    its row)."""
    if len(target.rows) == 1 and len(other.rows) == 1:
        return other.rows[0]
    position = _position(row)
    return next((r for r in other.rows if _position(r) == position), None)


def following(target: Target, catalogue: Catalogue) -> tuple[int, Target | None] | None:
    """The next year the base holds for the target's jurisdiction, and the same service in it (None: that year's
    act has no such item); None when the base holds no later year."""
    year = catalogue.year_of(target)
    later = [y for y in catalogue.years_of(target.jurisdiction) if year is not None and y > year]
    return (later[0], catalogue.counterpart(target, later[0])) if later else None


def next_year(row: dict, target: Target, ctx: Context) -> tuple[int, dict, dict | None] | None:
    """(year, its act, the row's line in it) for next year's figure; None when the base holds no later year."""
    found = following(target, ctx.catalogue)
    if found is None:
        return None
    year, other = found
    document = ctx.catalogue.documents.get(other.ident[0]) if other else act_of_year(target, year, ctx)
    return year, document or {}, matching_row(row, target, other) if other else None


def next_year_fields(row: dict, target: Target, ctx: Context) -> dict | None:
    found = next_year(row, target, ctx)
    if found is None or found[2] is None:
        return None
    year, document, other = found
    return {**act_fields(document), **rates(other)}


def next_year_line(row: dict, target: Target, area: str | None, lang: str, ctx: Context) -> str:
    """"2027: 510,00 ₸ (decree No. 701 of 2026-12-20)", or that the next year's act has no such item; "" when the
    base holds no later year."""
    found = next_year(row, target, ctx)
    if found is None:
        return ""
    year, document, other = found
    act = compose.act_title(document, lang)
    if other is None:
        return label("not_in_year", lang).format(year=year, act=act)
    return label("next_year_rate", lang).format(year=year, rates=compose.rates_text(other, area, lang), act=act)


def change_fields(earlier: dict, later: dict, year: int) -> dict:
    """Per rate: the earlier and later figure, the difference and the difference in per cent (None from zero)."""
    found = {}
    for name in RATES:
        old, new = earlier.get(name), later.get(name)
        if old is None or new is None:
            continue
        found[name] = {"from": old, "to": new, "amount": round(new - old, 2),
                       "percent": round((new - old) / old * 100, 2) if old else None}
    return {"from_year": year, "rates": found}


def act_of_year(target: Target, year: int, ctx: Context) -> dict | None:
    """The act holding the target's jurisdiction and setting in `year` (in force first)."""
    found = [d for d in ctx.catalogue.documents.values()
             if d.get("jurisdiction") == target.jurisdiction and d.get("year") == year and d.get("kind") == "tariffs"]
    return min(found, key=lambda d: (d.get("status") != "in_force", d["id"]), default=None)


def _position(row: dict) -> str:
    return _loose_title(row.get("position") or "")


@lru_cache(maxsize=4096)
def _loose_title(title: str) -> str:
    return " ".join(loose(t) for t in tokens(title))
